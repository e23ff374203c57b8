//! Language knowledge as data: word lists, patterns' vocabularies, gazetteers.
//!
//! Files live in `data/<lang>/<name>` (for example `data/fr/boilerplate.toml`) and are embedded
//! in the binary, so recoupe runs offline with no data directory to install. This crate only
//! hands out the text of the files; each stage parses the files it owns, next to the code that
//! uses them. Adding a language means adding a folder.
//!
//! ```
//! use recoupe_lang::data_file;
//! use recoupe_model::Lang;
//! assert!(data_file(Lang::Fr, "no-such-file.toml").is_none());
//! ```

use include_dir::{Dir, include_dir};
use recoupe_model::Lang;

static DATA: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/data");

/// The text of `data/<lang>/<name>`, if that file exists. `Lang::Other` reads `data/common/`.
pub fn data_file(lang: Lang, name: &str) -> Option<&'static str> {
    let folder = match lang {
        Lang::Other => "common",
        other => other.code(),
    };
    DATA.get_file(format!("{folder}/{name}"))
        .and_then(|f| f.contents_utf8())
}

/// The text of `data/common/<name>`: knowledge that does not depend on a language.
pub fn common_file(name: &str) -> Option<&'static str> {
    data_file(Lang::Other, name)
}

/// Every embedded file as `(path, text)`, for tests that check all data files parse.
pub fn all_files() -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    collect(&DATA, &mut out);
    out.sort();
    out
}

fn collect(dir: &'static Dir<'static>, out: &mut Vec<(&'static str, &'static str)>) {
    for file in dir.files() {
        if let (Some(path), Some(text)) = (file.path().to_str(), file.contents_utf8()) {
            out.push((path, text));
        }
    }
    for sub in dir.dirs() {
        collect(sub, out);
    }
}
