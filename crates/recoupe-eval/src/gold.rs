//! The gold files, as serde reads them. Their format is documented in `gold/README.md`
//! (entities, quotations, attributions) and `gold/figures/README.md` (figures).

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One gold file of `gold/figures/`.
#[derive(Debug, Deserialize)]
pub struct FigureFile {
    pub source: String,
    #[serde(default)]
    pub record: String,
    #[serde(default)]
    pub figure: Vec<GoldFigure>,
}

/// `gold/figures/aliases.toml`: for each canonical name of a party, the other names that
/// designate the same party (transliterations, other languages, short forms).
#[derive(Debug, Default, Deserialize)]
pub struct FigureAliases {
    #[serde(default)]
    pub aliases: std::collections::BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
pub struct GoldFigure {
    pub id: String,
    pub text: String,
    pub occurrence: usize,
    pub qualifier: String,
    pub best: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub predicate_category: String,
    #[serde(default)]
    pub modality: String,
    #[serde(default)]
    pub window: String,
    #[serde(default)]
    pub window_end: String,
    #[serde(default)]
    pub part_of: String,
    #[serde(default)]
    pub speaker: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub attribution: String,
    #[serde(default)]
    pub doubtful: bool,
}

/// One gold file of `gold/seeds/` or `gold/aleppo-2016/`: entities, quotations and
/// reported speech.
#[derive(Debug, Deserialize)]
pub struct SpeechFile {
    pub source: String,
    #[serde(default)]
    pub record: String,
    #[serde(default)]
    pub entity: Vec<GoldEntity>,
    #[serde(default)]
    pub quote: Vec<GoldSpeech>,
    #[serde(default)]
    pub attribution: Vec<GoldSpeech>,
}

#[derive(Debug, Deserialize)]
pub struct GoldEntity {
    pub canonical: String,
    pub kind: String,
    #[serde(default)]
    pub mentions: Vec<GoldMention>,
}

#[derive(Debug, Deserialize)]
pub struct GoldMention {
    pub text: String,
    pub occurrence: usize,
    #[serde(default = "name_kind")]
    pub kind: String,
}

fn name_kind() -> String {
    "name".to_owned()
}

/// A quotation or an attribution: both locate their content with two anchors and name the
/// entity that speaks (`speaker` for quotations, `source` for attributions).
#[derive(Debug, Deserialize)]
pub struct GoldSpeech {
    pub content_start: String,
    pub content_end: String,
    pub start_occurrence: Option<usize>,
    pub end_occurrence: Option<usize>,
    #[serde(default, alias = "source")]
    pub speaker: String,
}

/// The entity, quotation and attribution gold files: `gold/seeds` then `gold/aleppo-2016`.
pub fn speech_files(gold_dir: &Path, problems: &mut Vec<String>) -> Vec<(PathBuf, SpeechFile)> {
    let mut files = read_all(&gold_dir.join("seeds"), problems);
    files.extend(read_all(&gold_dir.join("aleppo-2016"), problems));
    files
}

/// Every `*.toml` under `dir`, sorted, parsed as `T`; unreadable files become problems.
pub fn read_all<T: for<'de> Deserialize<'de>>(
    dir: &Path,
    problems: &mut Vec<String>,
) -> Vec<(PathBuf, T)> {
    let mut paths = Vec::new();
    collect(dir, &mut paths);
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        match std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| toml::from_str::<T>(&text).map_err(|e| e.to_string()))
        {
            Ok(file) => out.push((path, file)),
            Err(e) => problems.push(format!("{}: {e}", path.display())),
        }
    }
    out
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}
