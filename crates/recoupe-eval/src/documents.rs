//! The documents gold files annotate, read and run through the pipeline once each.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;
use std::rc::Rc;

use recoupe_ingest::{IngestConfig, Item, read_inputs};
use recoupe_model::Document;
use recoupe_text::{TextConfig, prepare};

use crate::EvalConfig;

/// Documents read so far, by gold `source` and `record`; `None` when reading failed.
type Cache = HashMap<(String, String), Option<Rc<Document>>>;

/// Reads and annotates documents on demand, keyed by gold `source` and `record`.
pub struct Corpus<'c> {
    config: &'c EvalConfig,
    cache: RefCell<Cache>,
    problems: RefCell<Vec<String>>,
}

impl<'c> Corpus<'c> {
    pub fn new(config: &'c EvalConfig) -> Self {
        Corpus {
            config,
            cache: RefCell::default(),
            problems: RefCell::default(),
        }
    }

    fn path_of(&self, source: &str) -> Option<PathBuf> {
        if let Some(rest) = source.strip_prefix("seeds/") {
            let shared = self.config.shared_dir.as_ref()?;
            return Some(shared.join("seeds").join(rest));
        }
        Some(self.config.repo_dir.join(source))
    }

    /// The annotated document for a gold file's `source` and `record` (`""` = the file's
    /// only or first document), or `None` with a problem recorded.
    pub fn get(&self, source: &str, record: &str) -> Option<Rc<Document>> {
        let key = (source.to_owned(), record.to_owned());
        if let Some(found) = self.cache.borrow().get(&key) {
            return found.clone();
        }
        let doc = self.load(source, record).map(Rc::new);
        self.cache.borrow_mut().insert(key, doc.clone());
        doc
    }

    fn load(&self, source: &str, record: &str) -> Option<Document> {
        let Some(path) = self.path_of(source) else {
            self.problem(format!("{source}: skipped, ../shared not found"));
            return None;
        };
        let inputs = [path.to_string_lossy().into_owned()];
        let mut first = None;
        for item in read_inputs(&inputs, &IngestConfig::default()) {
            let Item::Document(input) = item else {
                continue;
            };
            let this_record = input.source.record.clone().unwrap_or_default();
            if record.is_empty() || this_record == record {
                first = Some(input);
                break;
            }
        }
        let Some(input) = first else {
            self.problem(format!("{source} [{record}]: no such document"));
            return None;
        };
        let mut doc = prepare(input, &TextConfig::default());
        recoupe_extract::annotate(&mut doc);
        Some(doc)
    }

    pub fn problem(&self, message: String) {
        self.problems.borrow_mut().push(message);
    }

    pub fn problems(&self) -> Vec<String> {
        self.problems.borrow().clone()
    }
}
