//! From command-line arguments to the files to read: plain paths, directories walked
//! recursively in name order (hidden entries skipped), glob patterns expanded here for
//! shells that do not, and `-` for standard input.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::Item;
use crate::detect::format_for_path;
use crate::problem::{code, error};

/// One thing to read, or a problem found while looking for it.
pub(crate) enum Target {
    File { path: PathBuf, display: String },
    Stdin,
    Problem(Box<Item>),
}

type Targets = Box<dyn Iterator<Item = Target> + Send>;

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Markdown files in a folder of articles are its documentation (a README), not articles:
/// a walk leaves them out, though a Markdown file named on the command line is read as text.
fn is_documentation(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Files under a directory, sorted by name. Without a forced format, only files whose
/// extension names a known format are read (documentation aside); the others are reported as
/// skipped.
fn walk(root: PathBuf, forced: bool) -> Targets {
    let walker = WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    Box::new(walker.filter_map(move |entry| match entry {
        Err(e) => {
            let place = e
                .path()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            Some(Target::Problem(Box::new(error(
                code::IO,
                &place,
                None,
                format!("could not walk the directory: {e}"),
            ))))
        }
        Ok(e) if e.file_type().is_dir() => None,
        Ok(e) => {
            let path = e.into_path();
            let display = path.display().to_string();
            let why = if forced {
                None
            } else if format_for_path(&path).is_none() {
                Some("not read: the file name has no known input extension")
            } else if is_documentation(&path) {
                Some("not read: Markdown inside a directory is taken as its documentation")
            } else {
                None
            };
            match why {
                None => Some(Target::File { path, display }),
                Some(why) => {
                    let d =
                        recoupe_model::Diagnostic::info(code::SKIPPED, why).with_source(display);
                    Some(Target::Problem(Box::new(Item::Problem(d))))
                }
            }
        }
    }))
}

fn path_target(path: PathBuf, display: String, forced: bool) -> Targets {
    if path.is_dir() {
        walk(path, forced)
    } else {
        Box::new(std::iter::once(Target::File { path, display }))
    }
}

fn has_glob_chars(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// Expands one argument.
pub(crate) fn expand(arg: &str, forced: bool) -> Targets {
    if arg == "-" {
        return Box::new(std::iter::once(Target::Stdin));
    }
    let path = Path::new(arg);
    if path.exists() {
        return path_target(path.to_path_buf(), arg.to_owned(), forced);
    }
    if !has_glob_chars(arg) {
        return Box::new(std::iter::once(Target::Problem(Box::new(error(
            code::NOT_FOUND,
            arg,
            None,
            "no such file or directory",
        )))));
    }
    let paths = match glob::glob(arg) {
        Ok(p) => p,
        Err(e) => {
            return Box::new(std::iter::once(Target::Problem(Box::new(error(
                code::BAD_PATTERN,
                arg,
                None,
                format!("not a valid glob pattern: {e}"),
            )))));
        }
    };
    let pattern = arg.to_owned();
    let mut matched = false;
    let mut paths = paths;
    let mut current: Option<Targets> = None;
    let mut finished = false;
    Box::new(std::iter::from_fn(move || {
        loop {
            if let Some(t) = current.as_mut().and_then(Iterator::next) {
                return Some(t);
            }
            current = None;
            if finished {
                return None;
            }
            match paths.next() {
                Some(Ok(p)) => {
                    let hidden = p.file_name().is_some_and(is_hidden);
                    if hidden {
                        continue;
                    }
                    matched = true;
                    let display = p.display().to_string();
                    current = Some(path_target(p, display, forced));
                }
                Some(Err(e)) => {
                    let place = e.path().display().to_string();
                    return Some(Target::Problem(Box::new(error(
                        code::IO,
                        &place,
                        None,
                        format!("could not read while matching the pattern: {e}"),
                    ))));
                }
                None => {
                    finished = true;
                    if !matched {
                        return Some(Target::Problem(Box::new(error(
                            code::NO_MATCH,
                            &pattern,
                            None,
                            "the pattern matches no file",
                        ))));
                    }
                }
            }
        }
    }))
}
