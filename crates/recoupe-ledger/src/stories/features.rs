//! What the story stage knows of each document: the names it mentions (people, organisations,
//! places), their rarity in the corpus, and the document's date.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use recoupe_model::Document;
use recoupe_model::entity::{Entity, EntityKind};
use unicode_normalization::UnicodeNormalization;

use crate::reuse::document_date;

/// The smallest corpus size rarity weights are computed for (see [`Features::weight`]).
pub const MIN_IDF_DOCUMENTS: usize = 100;

pub struct Features {
    /// Per document, its distinct name keys.
    pub names: Vec<Vec<String>>,
    /// Per key, the documents that mention it (ascending).
    pub postings: HashMap<String, Vec<usize>>,
    /// Per key, a readable form (the first canonical name met).
    display: HashMap<String, String>,
    pub dates: Vec<Option<NaiveDate>>,
    total: usize,
}

impl Features {
    pub fn of(docs: &[Document]) -> Features {
        let mut names = Vec::with_capacity(docs.len());
        let mut display: HashMap<String, String> = HashMap::new();
        for doc in docs {
            let mut keys: Vec<String> = Vec::new();
            for e in &doc.annotations.entities {
                if !matches!(
                    e.kind,
                    EntityKind::Person | EntityKind::Organisation | EntityKind::Place
                ) {
                    continue;
                }
                let Some(key) = key(e) else { continue };
                display.entry(key.clone()).or_insert(e.canonical.clone());
                keys.push(key);
            }
            names.push(keys);
        }
        let short = shortest_forms(names.iter().flatten());
        let mut postings: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, keys) in names.iter_mut().enumerate() {
            let mut seen = HashSet::new();
            keys.retain_mut(|k| {
                if let Some(s) = short.get(k.as_str()) {
                    *k = s.clone();
                }
                seen.insert(k.clone())
            });
            for k in keys.iter() {
                postings.entry(k.clone()).or_default().push(i);
            }
        }
        Features {
            names,
            postings,
            display,
            dates: docs.iter().map(document_date).collect(),
            total: docs.len(),
        }
    }

    /// Rarity weight: `ln(1 + N / df)`, so a name in every document still weighs ln 2.
    ///
    /// `N` is at least [`MIN_IDF_DOCUMENTS`]: rarity cannot be measured on a handful of
    /// documents. In a corpus of five articles about one siege, the city and the party that
    /// every article names would otherwise weigh a third of a name only one article has, and
    /// articles about the same events would not meet; counted as if the corpus were larger
    /// (the extra documents mentioning none of the names), they weigh close to the rarer
    /// names, as they would among a day's news.
    pub fn weight(&self, key: &str) -> f64 {
        let df = self.postings.get(key).map_or(1, Vec::len).max(1);
        let n = self.total.max(MIN_IDF_DOCUMENTS);
        (1.0 + n as f64 / df as f64).ln()
    }

    /// Shared weight over the geometric mean of the two documents' total weights (a weighted
    /// cosine of their name sets), and the number of shared names.
    pub fn overlap(&self, a: usize, b: usize) -> (f64, usize) {
        let (Some(ka), Some(kb)) = (self.names.get(a), self.names.get(b)) else {
            return (0.0, 0);
        };
        let set_b: HashSet<&String> = kb.iter().collect();
        let total = |keys: &[String]| keys.iter().map(|k| self.weight(k)).sum::<f64>();
        let (wa, wb) = (total(ka), total(kb));
        let shared: Vec<&String> = ka.iter().filter(|k| set_b.contains(k)).collect();
        let ws: f64 = shared.iter().map(|k| self.weight(k)).sum();
        let norm = (wa * wb).sqrt();
        if norm <= 0.0 {
            return (0.0, shared.len());
        }
        (ws / norm, shared.len())
    }

    /// The names most documents of the group share (ties: rarer first), joined by ", ".
    pub fn label(&self, docs: &[usize], count: usize) -> String {
        let mut counts: HashMap<&String, usize> = HashMap::new();
        for &d in docs {
            for k in self.names.get(d).into_iter().flatten() {
                *counts.entry(k).or_default() += 1;
            }
        }
        let mut ranked: Vec<(&String, usize)> = counts.into_iter().collect();
        ranked.sort_by(|x, y| {
            y.1.cmp(&x.1)
                .then(self.weight(y.0).total_cmp(&self.weight(x.0)))
                .then(x.0.cmp(y.0))
        });
        ranked
            .into_iter()
            .take(count)
            .map(|(k, _)| self.display.get(k).cloned().unwrap_or_else(|| k.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The key a name is matched by across documents: the gazetteer id when there is one, else
/// the kind and the accent-folded lower-cased name; a person by family name only, so that
/// "Sergueï Lavrov", "Sergei Lavrov" and "Lavrov" meet.
fn key(e: &Entity) -> Option<String> {
    if let Some(id) = &e.gazetteer_id {
        return Some(id.clone());
    }
    let folded = fold(&e.canonical);
    let (kind, name) = match e.kind {
        EntityKind::Person => ("person", folded.split_whitespace().last()?.to_owned()),
        EntityKind::Organisation => ("org", folded),
        EntityKind::Place => ("place", folded),
        _ => return None,
    };
    (!name.is_empty()).then(|| format!("{kind}:{name}"))
}

/// Organisation names of at least this many words stand for the longer names they begin:
/// "Centre russe pour la réconciliation" for "… des parties" and "… des parties en Syrie".
const MIN_ORG_PREFIX_WORDS: usize = 3;

/// For each organisation key that begins with a shorter organisation key of the corpus (whole
/// words, at least [`MIN_ORG_PREFIX_WORDS`]), that shortest key: outlets name one
/// organisation in full or in part, and its documents must still meet on it.
fn shortest_forms<'a>(keys: impl Iterator<Item = &'a String>) -> HashMap<String, String> {
    let orgs: HashSet<&str> = keys
        .map(String::as_str)
        .filter(|k| k.starts_with("org:"))
        .collect();
    let mut short = HashMap::new();
    for k in &orgs {
        let words: Vec<&str> = k.split(' ').collect();
        // The shortest prefix first: the root name the others extend.
        let found = (MIN_ORG_PREFIX_WORDS..words.len())
            .map(|n| words[..n].join(" "))
            .find(|p| orgs.contains(p.as_str()));
        if let Some(p) = found {
            short.insert((*k).to_owned(), p);
        }
    }
    short
}

/// Lower case without diacritics, words separated by single spaces.
fn fold(s: &str) -> String {
    let plain: String = s
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}
