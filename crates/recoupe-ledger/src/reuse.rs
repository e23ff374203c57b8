//! Text reuse: passages shared between documents of different outlets.
