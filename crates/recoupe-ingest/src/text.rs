//! Plain text files: the whole file is one document, kept intact. Its first line is also
//! taken as the title when it reads like a headline.

use recoupe_model::{InputDocument, InputFormat, Source};

use crate::Item;
use crate::decode::decode;
use crate::problem::{code, error};

/// Longest first line still read as a headline, in characters and in words.
const MAX_TITLE_CHARS: usize = 150;
const MAX_TITLE_WORDS: usize = 25;

pub(crate) fn read(name: &str, bytes: Vec<u8>) -> Vec<Item> {
    let decoded = decode(bytes, None);
    if decoded.text.trim().is_empty() {
        return vec![error(code::EMPTY, name, None, "the file has no text")];
    }
    let mut doc = InputDocument {
        source: Source {
            path: Some(name.to_owned()),
            format: Some(InputFormat::Text),
            ..Source::default()
        },
        title: title_line(&decoded.text).map(str::to_owned),
        text: decoded.text,
        ..InputDocument::default()
    };
    if let Some(w) = decoded.warning {
        doc.diagnostics.push(w.with_source(name));
    }
    vec![Item::Document(doc)]
}

/// The first line, when it looks like a headline: followed by a line break and more text,
/// short, starting with a capital or a digit, and not ending like a sentence or a clause
/// (`.`, `,`, `;`, `:`, `…`). A Markdown `#` marker is left out of the title.
pub(crate) fn title_line(text: &str) -> Option<&str> {
    let text = text.trim_start_matches('\u{FEFF}');
    let (first, rest) = text.split_once('\n')?;
    if rest.trim().is_empty() {
        return None;
    }
    let line = first.trim();
    let line = line.trim_start_matches('#').trim_start();
    let first_char = line.chars().next()?;
    if !(first_char.is_uppercase() || first_char.is_ascii_digit()) {
        return None;
    }
    if line.chars().count() > MAX_TITLE_CHARS || line.split_whitespace().count() > MAX_TITLE_WORDS {
        return None;
    }
    if line.ends_with(['.', ',', ';', ':', '…']) {
        return None;
    }
    Some(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_is_a_title() {
        assert_eq!(
            title_line("Alep : la Russie annonce une suspension\n\nLe texte."),
            Some("Alep : la Russie annonce une suspension")
        );
        assert_eq!(title_line("# Titre\r\nTexte."), Some("Titre"));
    }

    #[test]
    fn sentences_are_not_titles() {
        assert_eq!(
            title_line("Près de 8 500 civils ont été évacués.\nSuite."),
            None
        );
        assert_eq!(title_line("Un titre sans suite"), None, "no line break");
        assert_eq!(title_line("Un titre\n   \n"), None, "nothing after it");
        assert_eq!(title_line("minuscule au début\nSuite."), None);
        let long = "Mot ".repeat(40);
        assert_eq!(title_line(&format!("{long}\nSuite")), None);
    }

    #[test]
    fn text_is_kept_intact() {
        let items = read("a.txt", b"Titre\n\nCorps.\n".to_vec());
        let Some(Item::Document(d)) = items.first() else {
            panic!("{items:?}")
        };
        assert_eq!(d.text, "Titre\n\nCorps.\n");
        assert_eq!(d.title.as_deref(), Some("Titre"));
    }
}
