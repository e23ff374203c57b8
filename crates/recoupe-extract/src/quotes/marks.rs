//! Pairs the canonical quotation marks of a normalized text (« and », whatever the original
//! wrote) in one pass with a stack, so nested quotations pair inside out. A quotation running
//! over several paragraphs may reopen « at each paragraph and close only once, the French
//! convention: a « at the start of a paragraph while a quotation opened at the start of an
//! earlier paragraph is still open continues that quotation.

use super::tokens::{TokKind, Tokens};

/// A pair beyond this many bytes is a stray mark, not a quotation.
const MAX_QUOTE_BYTES: usize = 12_000;

/// A pair of marks, by token index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pair {
    pub open: usize,
    pub close: usize,
    /// 0 for an outermost pair.
    pub depth: usize,
}

pub(crate) fn pair_marks(t: &Tokens) -> Vec<Pair> {
    let mut stack: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    for &i in &t.marks {
        let Some(tok) = t.toks.get(i) else {
            continue;
        };
        match tok.kind {
            TokKind::Open => {
                let continues = stack.last().is_some_and(|&o| {
                    let opened = &t.toks[o];
                    (o == 0 || opened.nl_before()) && tok.nl_before() && tok.para > opened.para
                });
                if !continues {
                    stack.push(i);
                }
            }
            TokKind::Close => {
                if let Some(o) = stack.pop() {
                    let bytes = tok.end.saturating_sub(t.toks[o].start);
                    if bytes <= MAX_QUOTE_BYTES {
                        pairs.push(Pair {
                            open: o,
                            close: i,
                            depth: stack.len(),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    pairs.sort_by_key(|p| p.open);
    // Depth among the pairs kept: a mark left open does not make its contents nested.
    let mut ends: Vec<usize> = Vec::new();
    for p in &mut pairs {
        while ends.last().is_some_and(|&e| e < p.open) {
            ends.pop();
        }
        p.depth = ends.len();
        ends.push(p.close);
    }
    pairs
}
