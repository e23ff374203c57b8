//! Quotations and reported speech: is each one found (contents overlap, paired one to one),
//! and is it given to the right speaker? The speaker is right when the predicted entity is
//! the one sharing the most mentions with the gold entity (`gold/README.md`).

use std::collections::HashMap;

use recoupe_model::speech::{Speech, SpeechKind};
use recoupe_model::{Document, Span};

use crate::EvalConfig;
use crate::documents::Corpus;
use crate::gold::{GoldSpeech, SpeechFile, speech_files};
use crate::locate::{anchored, nth, pair, shared};
use crate::score::{Report, Score};

pub fn evaluate(config: &EvalConfig, corpus: &Corpus, report: &mut Report) {
    let mut problems = Vec::new();
    let files: Vec<(_, SpeechFile)> = speech_files(&config.gold_dir, &mut problems);
    let (mut quotes, mut quote_speakers) = (Score::default(), Score::default());
    let (mut reported, mut reported_sources) = (Score::default(), Score::default());
    for (path, file) in &files {
        let Some(doc) = corpus.get(&file.source, &file.record) else {
            continue;
        };
        let speakers = SpeakerMatch::new(&doc, file);
        let is_quote = |s: &&Speech| {
            matches!(
                s.kind,
                SpeechKind::Direct | SpeechKind::Partial | SpeechKind::Block
            )
        };
        let predicted: Vec<&Speech> = doc.annotations.speech.iter().filter(is_quote).collect();
        let (d, s) = score(
            &doc,
            &file.quote,
            &predicted,
            &speakers,
            path,
            &mut problems,
        );
        quotes.add(d);
        quote_speakers.add(s);
        let predicted: Vec<&Speech> = doc
            .annotations
            .speech
            .iter()
            .filter(|s| !is_quote(s))
            .collect();
        let (d, s) = score(
            &doc,
            &file.attribution,
            &predicted,
            &speakers,
            path,
            &mut problems,
        );
        reported.add(d);
        reported_sources.add(s);
    }
    report.push(
        "speech/quotes",
        "direct, partial and block quotations found",
        quotes,
    );
    report.push(
        "speech/quote-speaker",
        "… and given to the right speaker (the issue's target)",
        quote_speakers,
    );
    report.push(
        "speech/reported",
        "reported speech found (no quotation marks)",
        reported,
    );
    report.push(
        "speech/reported-source",
        "… and given to the right source",
        reported_sources,
    );
    for p in problems {
        corpus.problem(p);
    }
}

/// Which predicted entity stands for each gold entity: the one sharing most mentions.
struct SpeakerMatch<'d> {
    best: HashMap<&'d str, String>,
}

impl<'d> SpeakerMatch<'d> {
    fn new(doc: &Document, file: &'d SpeechFile) -> Self {
        let mut best = HashMap::new();
        for entity in &file.entity {
            let gold: Vec<Span> = entity
                .mentions
                .iter()
                .filter_map(|m| nth(&doc.text, &m.text, m.occurrence))
                .collect();
            let winner = doc
                .annotations
                .entities
                .iter()
                .map(|e| {
                    let n = e
                        .mentions
                        .iter()
                        .filter(|m| gold.iter().any(|g| shared(*g, m.span) > 0))
                        .count();
                    (n, e)
                })
                .filter(|(n, _)| *n > 0)
                .max_by_key(|(n, _)| *n);
            if let Some((_, e)) = winner {
                best.insert(entity.canonical.as_str(), e.id.clone());
            }
        }
        SpeakerMatch { best }
    }

    fn is_right(&self, gold_speaker: &str, predicted: Option<&String>) -> bool {
        match (self.best.get(gold_speaker), predicted) {
            (Some(expected), Some(got)) => expected == got,
            _ => false,
        }
    }
}

/// (found, found with the right speaker) for one document and one kind of speech.
fn score(
    doc: &Document,
    gold: &[GoldSpeech],
    predicted: &[&Speech],
    speakers: &SpeakerMatch,
    path: &std::path::Path,
    problems: &mut Vec<String>,
) -> (Score, Score) {
    let mut gold_spans = Vec::new();
    let mut gold_items = Vec::new();
    for item in gold {
        match anchored(
            &doc.text,
            &item.content_start,
            &item.content_end,
            item.start_occurrence,
            item.end_occurrence,
        ) {
            Some(span) => {
                gold_spans.push(span);
                gold_items.push(item);
            }
            None => problems.push(format!(
                "{}: content {:?} … {:?} not found",
                path.display(),
                item.content_start,
                item.content_end
            )),
        }
    }
    let predicted_spans: Vec<Span> = predicted.iter().map(|s| s.content).collect();
    let pairs = pair(&doc.text, &gold_spans, &predicted_spans, false);
    let found = Score {
        tp: pairs.len(),
        fp: predicted.len() - pairs.len(),
        fn_: gold_spans.len() - pairs.len(),
    };
    let right = pairs
        .iter()
        .filter(|(g, p)| {
            let speaker = &gold_items[*g].speaker;
            !speaker.is_empty() && speakers.is_right(speaker, predicted[*p].speaker_entity.as_ref())
        })
        .count();
    if std::env::var_os("RECOUPE_EVAL_VERBOSE").is_some() {
        for (g, p) in &pairs {
            let speaker = &gold_items[*g].speaker;
            let s = predicted[*p];
            if !speaker.is_empty() && !speakers.is_right(speaker, s.speaker_entity.as_ref()) {
                eprintln!(
                    "{}: {:?}: gold speaker {speaker:?}, predicted mention {:?} entity {:?} (expected {:?})",
                    path.display(),
                    gold_items[*g].content_start,
                    s.speaker.as_ref().map(|m| m.text.as_str()),
                    s.speaker_entity,
                    speakers.best.get(speaker.as_str()),
                );
            }
        }
    }
    let with_gold_speaker = gold_items.iter().filter(|g| !g.speaker.is_empty()).count();
    let with_predicted_speaker = predicted
        .iter()
        .filter(|s| s.speaker_entity.is_some())
        .count();
    let attributed = Score {
        tp: right,
        fp: with_predicted_speaker - right.min(with_predicted_speaker),
        fn_: with_gold_speaker - right.min(with_gold_speaker),
    };
    (found, attributed)
}
