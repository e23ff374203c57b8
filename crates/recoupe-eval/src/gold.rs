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
    pub doubtful: bool,
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
