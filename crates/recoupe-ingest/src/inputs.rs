//! The iterator behind [`crate::read_inputs`]: arguments → targets → items, lazily, so the
//! first document comes out before the last file is even found.

use std::collections::VecDeque;

use crate::expand::{Target, expand};
use crate::open::{ItemIter, open_file, read_stream};
use crate::{IngestConfig, Item};

/// Every item of every input, in order. Created by [`crate::read_inputs`].
pub struct Inputs {
    args: VecDeque<String>,
    config: IngestConfig,
    targets: Option<Box<dyn Iterator<Item = Target> + Send>>,
    current: Option<ItemIter>,
}

impl Inputs {
    pub(crate) fn new(inputs: &[String], config: &IngestConfig) -> Self {
        Inputs {
            args: inputs.iter().cloned().collect(),
            config: config.clone(),
            targets: None,
            current: None,
        }
    }
}

impl Iterator for Inputs {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.current.as_mut().and_then(Iterator::next) {
                return Some(item);
            }
            self.current = None;
            match self.targets.as_mut().and_then(Iterator::next) {
                Some(Target::File { path, display }) => {
                    self.current = Some(open_file(&path, &display, &self.config));
                }
                Some(Target::Stdin) => {
                    let stdin = Box::new(std::io::stdin());
                    self.current = Some(read_stream("-", None, stdin, &self.config));
                }
                Some(Target::Problem(item)) => return Some(*item),
                None => {
                    let arg = self.args.pop_front()?;
                    self.targets = Some(expand(&arg, self.config.input_format.is_some()));
                }
            }
        }
    }
}
