//! Prints what the text stage makes of a plain-text file: language, outlet, removals, relays,
//! embeds and sentences. `cargo run -p recoupe-text --example show -- FILE`

use recoupe_model::{InputDocument, Source};
use recoupe_text::{TextConfig, check_document, prepare};

fn main() {
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let input = InputDocument {
            source: Source {
                path: Some(path.clone()),
                ..Source::default()
            },
            text,
            ..InputDocument::default()
        };
        let doc = prepare(input, &TextConfig::default());
        println!(
            "== {path}\nlanguage: {:?}\noutlet: {:?}\ntitle: {:?}",
            doc.language, doc.outlet, doc.title
        );
        for r in &doc.removed {
            println!(
                "removed {} ({}): {:?}",
                r.kind,
                r.rule,
                r.span.slice(&doc.text)
            );
        }
        for r in &doc.relays {
            println!(
                "relay {} ({}): {:?}",
                r.name,
                r.rule,
                r.span.slice(&doc.text)
            );
        }
        for e in &doc.embeds {
            println!("embed {e:?}");
        }
        for s in &doc.sentences {
            println!(
                "[{}] {}",
                s.paragraph,
                &doc.normalized.text[s.norm.start..s.norm.end]
            );
        }
        for p in check_document(&doc) {
            println!("PROBLEM: {p}");
        }
    }
}
