//! The data folder is embedded by a macro, which cargo does not watch: without this, a file
//! added to or changed in `data/` would leave a stale build behind.
fn main() {
    println!("cargo:rerun-if-changed=data");
}
