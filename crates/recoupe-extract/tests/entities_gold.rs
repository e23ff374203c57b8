//! Scores `find_entities` against the annotated evaluation set in `gold/` (or the folder named
//! by `RECOUPE_GOLD_DIR`): precision, recall and F1 of person and organisation name mentions,
//! exact span match as `gold/README.md` defines it. Places are printed too. Set
//! `RECOUPE_GOLD_VERBOSE=1` to list every miss and every false alarm.
//!
//! Skips (with a message) when no gold set or no `../shared` is found.

use std::path::{Path, PathBuf};

use recoupe_extract::entities::find_entities;
use recoupe_ingest::{IngestConfig, read_inputs};
use recoupe_model::entity::{EntityKind, MentionKind};
use recoupe_model::{Document, InputDocument};
use recoupe_text::{TextConfig, prepare};
use serde::Deserialize;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

#[derive(Deserialize)]
struct GoldFile {
    source: String,
    record: Option<String>,
    #[serde(default)]
    entity: Vec<GoldEntity>,
}

#[derive(Deserialize)]
struct GoldEntity {
    kind: String,
    #[serde(default)]
    mentions: Vec<GoldMention>,
}

#[derive(Deserialize)]
struct GoldMention {
    text: String,
    occurrence: usize,
    kind: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Type {
    Person,
    Organisation,
    Place,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    system: usize,
    gold: usize,
}

impl Counts {
    fn f1(&self) -> (f64, f64, f64) {
        let p = if self.system == 0 {
            0.0
        } else {
            self.tp as f64 / self.system as f64
        };
        let r = if self.gold == 0 {
            0.0
        } else {
            self.tp as f64 / self.gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

fn gold_dir() -> Option<PathBuf> {
    let from_env = std::env::var_os("RECOUPE_GOLD_DIR").map(PathBuf::from);
    let mut candidates = from_env.into_iter().chain([Path::new(ROOT).join("gold")]);
    candidates.find(|d| d.join("seeds").is_dir() || d.join("aleppo-2016").is_dir())
}

fn gold_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for sub in ["seeds", "aleppo-2016"] {
        if let Ok(rd) = std::fs::read_dir(dir.join(sub)) {
            for e in rd.flatten() {
                let p = e.path();
                if p.extension().is_some_and(|x| x == "toml") {
                    out.push(p);
                }
            }
        }
    }
    out.sort();
    out
}

fn load_document(source: &str, record: Option<&str>) -> Option<Document> {
    let path = if let Some(rest) = source.strip_prefix("seeds/") {
        Path::new(SHARED).join("seeds").join(rest)
    } else {
        Path::new(ROOT).join(source)
    };
    if source.starts_with("seeds/") {
        let text = std::fs::read_to_string(&path).ok()?;
        let input = InputDocument {
            text,
            ..InputDocument::default()
        };
        return Some(prepare(input, &TextConfig::default()));
    }
    let inputs = [path.to_string_lossy().into_owned()];
    read_inputs(&inputs, &IngestConfig::default())
        .filter_map(|item| item.document().cloned())
        .find(|d| record.is_none() || d.source.record.as_deref() == record)
        .map(|d| prepare(d, &TextConfig::default()))
}

/// Byte span of the `occurrence`-th (1-based, overlapping) match of `needle`.
fn locate(text: &str, needle: &str, occurrence: usize) -> Option<(usize, usize)> {
    let mut from = 0;
    let mut n = 0;
    while let Some(off) = text.get(from..)?.find(needle) {
        let start = from + off;
        n += 1;
        if n == occurrence {
            return Some((start, start + needle.len()));
        }
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

fn trimmed(text: &str, (s, e): (usize, usize)) -> (usize, usize) {
    let strip = |c: char| c.is_whitespace() || ".,;:!?…«»\"“”'".contains(c);
    let Some(slice) = text.get(s..e) else {
        return (s, e);
    };
    let lead = slice.len() - slice.trim_start_matches(strip).len();
    let tail = slice.len() - slice.trim_end_matches(strip).len();
    (s + lead, (e - tail).max(s + lead))
}

fn type_of_gold(kind: &str) -> Option<Type> {
    match kind {
        "person" => Some(Type::Person),
        "organisation" | "outlet" => Some(Type::Organisation),
        "place" => Some(Type::Place),
        _ => None,
    }
}

fn type_of_system(kind: EntityKind) -> Option<Type> {
    match kind {
        EntityKind::Person => Some(Type::Person),
        EntityKind::Organisation | EntityKind::Outlet => Some(Type::Organisation),
        EntityKind::Place => Some(Type::Place),
        EntityKind::Group => None,
    }
}

#[test]
fn entity_mentions_against_gold() {
    let Some(dir) = gold_dir() else {
        println!("skipped: no gold set found (gold/ or RECOUPE_GOLD_DIR)");
        return;
    };
    if !Path::new(SHARED).join("seeds").is_dir() {
        println!("skipped: ../shared not found");
        return;
    }
    let verbose = std::env::var_os("RECOUPE_GOLD_VERBOSE").is_some();
    let types = [Type::Person, Type::Organisation, Type::Place];
    let mut totals = [Counts::default(); 3];
    let mut files = 0;
    for path in gold_files(&dir) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let gold: GoldFile = match toml::from_str(&text) {
            Ok(g) => g,
            Err(e) => {
                println!("{}: unreadable gold file: {e}", path.display());
                continue;
            }
        };
        let Some(doc) = load_document(&gold.source, gold.record.as_deref()) else {
            println!("{}: document not found", path.display());
            continue;
        };
        files += 1;
        let mut gold_items: Vec<(Type, (usize, usize))> = Vec::new();
        for e in &gold.entity {
            let Some(ty) = type_of_gold(&e.kind) else {
                continue;
            };
            for m in &e.mentions {
                let kind = m.kind.as_deref().unwrap_or("name");
                if kind != "name" && kind != "acronym" {
                    continue;
                }
                if let Some(span) = locate(&doc.text, &m.text, m.occurrence) {
                    gold_items.push((ty, trimmed(&doc.text, span)));
                }
            }
        }
        let mut system_items: Vec<(Type, (usize, usize))> = Vec::new();
        for e in find_entities(&doc) {
            let Some(ty) = type_of_system(e.kind) else {
                continue;
            };
            for m in &e.mentions {
                if matches!(m.kind, MentionKind::Name | MentionKind::Acronym) {
                    system_items.push((ty, trimmed(&doc.text, (m.span.start, m.span.end))));
                }
            }
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for (t, ty) in types.iter().enumerate() {
            let g: Vec<_> = gold_items
                .iter()
                .filter(|x| x.0 == *ty)
                .map(|x| x.1)
                .collect();
            let mut s: Vec<_> = system_items
                .iter()
                .filter(|x| x.0 == *ty)
                .map(|x| x.1)
                .collect();
            let mut tp = 0;
            let mut missed = Vec::new();
            for span in &g {
                match s.iter().position(|x| x == span) {
                    Some(k) => {
                        s.remove(k);
                        tp += 1;
                    }
                    None => missed.push(*span),
                }
            }
            totals[t].tp += tp;
            totals[t].gold += g.len();
            totals[t].system += tp + s.len();
            if verbose && *ty != Type::Place {
                for (a, b) in missed {
                    println!("{name} {ty:?} MISS  {:?} @{a}", &doc.text[a..b]);
                }
                for (a, b) in s {
                    println!("{name} {ty:?} FALSE {:?} @{a}", &doc.text[a..b]);
                }
            }
        }
    }
    println!(
        "entities against {} gold documents (exact span match):",
        files
    );
    for (t, ty) in types.iter().enumerate() {
        let c = totals[t];
        let (p, r, f) = c.f1();
        println!(
            "  {ty:?}: P {p:.3} R {r:.3} F1 {f:.3} (tp {}, system {}, gold {})",
            c.tp, c.system, c.gold
        );
    }
    assert!(files > 0, "gold files found but none could be read");
}
