//! mimalloc as the global allocator of the `recoupe` binary and of the pipeline benches (the
//! libraries never choose one for their users).
//!
//! The `mimalloc` crate's allocator asks for every block through mimalloc's aligned entry
//! points (`mi_malloc_aligned`…), whose checks of the alignment cost about a fifth of the
//! allocator's instructions in a pipeline round; nearly every block asks for no more than
//! the alignment `malloc` gives anyway. This one asks `mi_malloc`, `mi_zalloc` and
//! `mi_realloc` for those, on the test the standard library's `System` allocator makes
//! before calling `malloc`, and the aligned entry points for the rest.

#![no_std]

use core::alloc::{GlobalAlloc, Layout};
use core::ffi::c_void;

use libmimalloc_sys as ffi;

/// The alignment `mi_malloc` gives every block of at least that size: `max_align_t`'s,
/// 16 bytes on the 64-bit targets (mimalloc's `MI_MAX_ALIGN_SIZE`; smaller blocks are
/// aligned to the word, as `malloc` must).
const MIN_ALIGN: usize = 16;

/// Whether a block of `size` bytes from the plain entry points meets `align`: the test of
/// `std`'s `System::alloc`, `align <= MIN_ALIGN && align <= size`.
#[inline]
fn plain_fits(align: usize, size: usize) -> bool {
    align <= MIN_ALIGN && align <= size
}

/// mimalloc, through its plain entry points when they give enough alignment.
pub struct MiMalloc;

// SAFETY: every block comes from mimalloc and goes back to it (`mi_free` frees blocks of
// every entry point), and each one meets its layout's alignment: the aligned entry points
// are asked for it, and the plain ones only when `plain_fits` (see `MIN_ALIGN`).
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let (size, align) = (layout.size(), layout.align());
        // SAFETY: mimalloc's allocation functions take any size and alignment.
        unsafe {
            if plain_fits(align, size) {
                ffi::mi_malloc(size).cast()
            } else {
                ffi::mi_malloc_aligned(size, align).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let (size, align) = (layout.size(), layout.align());
        // SAFETY: as in `alloc`.
        unsafe {
            if plain_fits(align, size) {
                ffi::mi_zalloc(size).cast()
            } else {
                ffi::mi_zalloc_aligned(size, align).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` was given by this allocator, so by mimalloc.
        unsafe { ffi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let align = layout.align();
        // SAFETY: `ptr` was given by mimalloc; the new block meets `align` as in `alloc`.
        unsafe {
            if plain_fits(align, new_size) {
                ffi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                ffi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, align).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of every size up to a few pages, at every alignment the plain entry points
    /// may serve and one above, are aligned, writable and survive a realloc.
    #[test]
    fn blocks_meet_their_alignment() {
        let a = MiMalloc;
        for align in [1, 2, 4, 8, 16, 32] {
            for size in (1..300).chain([1000, 4096, 5000, 70_000]) {
                let Ok(layout) = Layout::from_size_align(size, align) else {
                    continue;
                };
                // SAFETY: a non-zero size; the block is written within its size and freed
                // with its layout.
                unsafe {
                    let p = a.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "{size} {align}");
                    p.write_bytes(7, size);
                    let q = a.realloc(p, layout, size * 2 + 1);
                    assert_eq!(q as usize % align, 0, "{size} {align} realloc");
                    assert_eq!(*q.add(size - 1), 7);
                    a.dealloc(q, Layout::from_size_align(size * 2 + 1, align).unwrap());
                    let z = a.alloc_zeroed(layout);
                    assert_eq!(z as usize % align, 0, "{size} {align} zeroed");
                    assert_eq!(*z.add(size - 1), 0);
                    a.dealloc(z, layout);
                }
            }
        }
    }
}
