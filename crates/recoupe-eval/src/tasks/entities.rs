//! People and organisations (and places): name and acronym mentions, matched one to one,
//! exactly (equal after trimming spaces, punctuation and quotation marks) or by overlap, as
//! `gold/README.md` defines it. Outlets count as organisations.

use recoupe_model::Span;
use recoupe_model::entity::{EntityKind, MentionKind};

use crate::EvalConfig;
use crate::documents::Corpus;
use crate::gold::{SpeechFile, speech_files};
use crate::locate::{nth, pair};
use crate::score::{Report, Score};

const TYPES: [&str; 3] = ["person", "organisation", "place"];

pub fn evaluate(config: &EvalConfig, corpus: &Corpus, report: &mut Report) {
    let mut problems = Vec::new();
    let files: Vec<(_, SpeechFile)> = speech_files(&config.gold_dir, &mut problems);
    // One score per type, exact and by overlap.
    let mut scores = [[Score::default(); 2]; 3];
    for (path, file) in &files {
        let Some(doc) = corpus.get(&file.source, &file.record) else {
            continue;
        };
        for (t, kind) in TYPES.iter().enumerate() {
            let mut gold = Vec::new();
            for entity in file.entity.iter().filter(|e| gold_type(&e.kind) == *kind) {
                for m in entity
                    .mentions
                    .iter()
                    .filter(|m| m.kind == "name" || m.kind == "acronym")
                {
                    match nth(&doc.text, &m.text, m.occurrence) {
                        Some(span) => gold.push(span),
                        None => problems.push(format!(
                            "{}: mention {:?} (occurrence {}) not found",
                            path.display(),
                            m.text,
                            m.occurrence
                        )),
                    }
                }
            }
            let predicted: Vec<Span> = doc
                .annotations
                .entities
                .iter()
                .filter(|e| predicted_type(e.kind) == Some(*kind))
                .flat_map(|e| &e.mentions)
                .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Acronym))
                .map(|m| m.span)
                .collect();
            for (mode, exact) in [true, false].into_iter().enumerate() {
                let tp = pair(&doc.text, &gold, &predicted, exact).len();
                scores[t][mode].add(Score {
                    tp,
                    fp: predicted.len() - tp,
                    fn_: gold.len() - tp,
                });
            }
        }
    }
    let [person, organisation, place] = scores;
    let mut both = person[0];
    both.add(organisation[0]);
    report.push(
        "entities/person",
        "person name mentions, exact span",
        person[0],
    );
    report.push(
        "entities/organisation",
        "organisation and outlet name mentions, exact span",
        organisation[0],
    );
    report.push(
        "entities/person+organisation",
        "both, exact span (the issue's target)",
        both,
    );
    let mut both_overlap = person[1];
    both_overlap.add(organisation[1]);
    report.push(
        "entities/person+organisation~",
        "both, spans overlapping",
        both_overlap,
    );
    report.push(
        "entities/place",
        "place name mentions, exact span",
        place[0],
    );
    for p in problems {
        corpus.problem(p);
    }
}

fn gold_type(kind: &str) -> &str {
    match kind {
        "outlet" => "organisation",
        other => other,
    }
}

fn predicted_type(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Person => Some("person"),
        EntityKind::Organisation | EntityKind::Outlet => Some("organisation"),
        EntityKind::Place => Some("place"),
        EntityKind::Group => None,
    }
}
