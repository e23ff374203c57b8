//! Development measure of the quotes stage against the annotated evaluation set (`gold/`, or
//! the directory in `RECOUPE_GOLD_DIR`): precision, recall and F1 of quotation detection,
//! of the quotation's speaker mention, of reported-speech detection and of its source
//! mention, following the matching rules of `gold/README.md` (content spans overlap; one to
//! one, largest shared length first). Skipped when no gold file is found.

use std::path::{Path, PathBuf};

use recoupe_extract::quotes::find_speech;
use recoupe_ingest::{IngestConfig, Item, read_inputs};
use recoupe_model::speech::{Speech, SpeechKind};
use recoupe_model::{Document, InputDocument, Span};
use recoupe_text::{TextConfig, prepare};
use serde::Deserialize;

const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

#[derive(Deserialize)]
struct GoldFile {
    source: String,
    #[serde(default)]
    record: Option<String>,
    #[serde(default)]
    quote: Vec<GoldItem>,
    #[serde(default)]
    attribution: Vec<GoldItem>,
}

/// A quotation or an attribution: `speaker*` and `source*` fields are the same thing.
#[derive(Deserialize)]
struct GoldItem {
    content_start: String,
    content_end: String,
    #[serde(default)]
    start_occurrence: Option<usize>,
    #[serde(default)]
    end_occurrence: Option<usize>,
    #[serde(default, alias = "source")]
    speaker: String,
    #[serde(default, alias = "source_mention")]
    speaker_mention: String,
    #[serde(default, alias = "source_occurrence")]
    speaker_occurrence: Option<usize>,
}

/// Start offsets of every match of `needle`, overlapping matches included.
fn matches(text: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|s| s.find(needle)) {
        out.push(from + i);
        from += i + text[from + i..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

fn locate_content(text: &str, g: &GoldItem) -> Option<Span> {
    let starts = matches(text, &g.content_start);
    let start = *starts.get(g.start_occurrence.unwrap_or(1).saturating_sub(1))?;
    let start_end = start + g.content_start.len();
    let ends = matches(text, &g.content_end);
    let end = match g.end_occurrence {
        Some(n) => ends
            .get(n.saturating_sub(1))
            .map(|e| e + g.content_end.len())?,
        None => ends
            .iter()
            .map(|e| e + g.content_end.len())
            .find(|&e| e >= start_end)?,
    };
    Some(Span::new(start, end))
}

fn distance(a: Span, b: Span) -> usize {
    b.start
        .saturating_sub(a.end)
        .max(a.start.saturating_sub(b.end))
}

fn locate_mention(text: &str, g: &GoldItem, content: Span) -> Option<Span> {
    let found = matches(text, &g.speaker_mention);
    let len = g.speaker_mention.len();
    let start = match g.speaker_occurrence {
        Some(n) => *found.get(n.saturating_sub(1))?,
        None => found
            .into_iter()
            .min_by_key(|&s| distance(Span::new(s, s + len), content))?,
    };
    Some(Span::new(start, start + len))
}

fn shared(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

#[derive(Default, Debug)]
struct Score {
    system: usize,
    gold: usize,
    matched: usize,
    matched_half: usize,
    speaker_gold: usize,
    speaker_system: usize,
    speaker_ok: usize,
}

fn prf(tp: usize, sys: usize, gold: usize) -> String {
    let p = if sys == 0 {
        0.0
    } else {
        tp as f64 / sys as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        tp as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    format!("P {p:.3} R {r:.3} F1 {f:.3} (tp {tp}, system {sys}, gold {gold})")
}

fn f1(tp: usize, sys: usize, gold: usize) -> f64 {
    if tp == 0 {
        return 0.0;
    }
    let p = tp as f64 / sys as f64;
    let r = tp as f64 / gold as f64;
    2.0 * p * r / (p + r)
}

/// Scores one kind of item of one document, printing what does not match.
fn score(label: &str, doc: &Document, gold: &[GoldItem], system: &[&Speech], s: &mut Score) {
    let text = &doc.text;
    let located: Vec<Option<Span>> = gold.iter().map(|g| locate_content(text, g)).collect();
    // One-to-one matching, largest shared length first.
    let mut pairs = Vec::new();
    for (gi, gs) in located.iter().enumerate() {
        let Some(gs) = gs else { continue };
        for (si, sys) in system.iter().enumerate() {
            let n = shared(*gs, sys.content);
            if n > 0 {
                pairs.push((n, gi, si));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut gold_used = vec![None; gold.len()];
    let mut sys_used = vec![false; system.len()];
    for (n, gi, si) in pairs {
        if gold_used[gi].is_none() && !sys_used[si] {
            gold_used[gi] = Some((si, n));
            sys_used[si] = true;
        }
    }
    s.gold += gold.len();
    s.system += system.len();
    for (gi, g) in gold.iter().enumerate() {
        let Some(gs) = located[gi] else {
            println!("  {label}: gold item not located: {:?}", g.content_start);
            continue;
        };
        if !g.speaker.is_empty() {
            s.speaker_gold += 1;
        }
        let Some((si, n)) = gold_used[gi] else {
            println!(
                "  {label}: MISSED {:?} <- {:?}",
                gs.slice(text).chars().take(60).collect::<String>(),
                g.speaker_mention
            );
            continue;
        };
        s.matched += 1;
        let sys = system[si];
        let longer = gs.len().max(sys.content.len());
        if 2 * n >= longer {
            s.matched_half += 1;
        }
        let mention = locate_mention(text, g, gs);
        let got = sys.speaker.as_ref().map(|m| m.span);
        let ok = match (mention, got) {
            (Some(m), Some(p)) => shared(m, p) > 0,
            _ => false,
        };
        if !g.speaker.is_empty() && ok {
            s.speaker_ok += 1;
        }
        if !g.speaker.is_empty() && !ok {
            println!(
                "  {label}: WRONG SPEAKER {:?}: gold {:?}, got {:?} [{}]",
                gs.slice(text).chars().take(50).collect::<String>(),
                g.speaker_mention,
                sys.speaker.as_ref().map(|m| m.text.as_str()),
                sys.rule
            );
        }
    }
    for (si, sys) in system.iter().enumerate() {
        let matched_gold = gold_used
            .iter()
            .position(|u| u.is_some_and(|(x, _)| x == si));
        let gold_has_speaker = matched_gold.is_none_or(|gi| !gold[gi].speaker.is_empty());
        if sys.speaker.is_some() && gold_has_speaker {
            s.speaker_system += 1;
        }
        if matched_gold.is_none() {
            println!(
                "  {label}: EXTRA {:?} <- {:?} [{}]",
                sys.content.slice(text).chars().take(60).collect::<String>(),
                sys.speaker.as_ref().map(|m| m.text.as_str()),
                sys.rule
            );
        }
    }
}

fn document_for(gold: &GoldFile) -> Option<Document> {
    if gold.source.starts_with("seeds/") {
        let text = std::fs::read_to_string(Path::new(SHARED).join(&gold.source)).ok()?;
        return Some(prepare(
            InputDocument {
                text,
                ..Default::default()
            },
            &TextConfig::default(),
        ));
    }
    let path = Path::new(REPO).join(&gold.source).display().to_string();
    read_inputs(&[path], &IngestConfig::default())
        .filter_map(|item| match item {
            Item::Document(d) => Some(d),
            Item::Problem(_) => None,
        })
        .find(|d| gold.record.is_none() || d.source.record == gold.record)
        .map(|d| prepare(d, &TextConfig::default()))
}

fn gold_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for sub in ["seeds", "aleppo-2016"] {
        if let Ok(entries) = std::fs::read_dir(dir.join(sub)) {
            out.extend(
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "toml")),
            );
        }
    }
    out.sort();
    out
}

#[test]
fn gold_scores() {
    let dir = std::env::var("RECOUPE_GOLD_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(REPO).join("gold"));
    let files = gold_files(&dir);
    if files.is_empty() {
        println!("skipped: no gold files in {}", dir.display());
        return;
    }
    let (mut quotes, mut reported) = (Score::default(), Score::default());
    let mut read = 0;
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let gold: GoldFile = match toml::from_str(&text) {
            Ok(g) => g,
            Err(e) => panic!("{}: {e}", path.display()),
        };
        let Some(doc) = document_for(&gold) else {
            println!("skipped {}: source not found", path.display());
            continue;
        };
        read += 1;
        let found = find_speech(&doc);
        let label = path.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        let direct: Vec<&Speech> = found
            .iter()
            .filter(|s| {
                matches!(
                    s.kind,
                    SpeechKind::Direct | SpeechKind::Partial | SpeechKind::Block
                )
            })
            .collect();
        let rep: Vec<&Speech> = found
            .iter()
            .filter(|s| matches!(s.kind, SpeechKind::Reported | SpeechKind::Document))
            .collect();
        score(
            &format!("{label} quote"),
            &doc,
            &gold.quote,
            &direct,
            &mut quotes,
        );
        score(
            &format!("{label} attribution"),
            &doc,
            &gold.attribution,
            &rep,
            &mut reported,
        );
    }
    if read == 0 {
        println!("skipped: no gold source found");
        return;
    }
    println!(
        "quotations, detection (overlap):      {}",
        prf(quotes.matched, quotes.system, quotes.gold)
    );
    println!(
        "quotations, detection (>=50% longer): {}",
        prf(quotes.matched_half, quotes.system, quotes.gold)
    );
    println!(
        "quotations, speaker mention:          {}",
        prf(
            quotes.speaker_ok,
            quotes.speaker_system,
            quotes.speaker_gold
        )
    );
    println!(
        "reported, detection (overlap):        {}",
        prf(reported.matched, reported.system, reported.gold)
    );
    println!(
        "reported, source mention:             {}",
        prf(
            reported.speaker_ok,
            reported.speaker_system,
            reported.speaker_gold
        )
    );
    // A floor under today's figures, so a regression fails the test.
    assert!(f1(quotes.matched, quotes.system, quotes.gold) >= 0.9);
    assert!(
        f1(
            quotes.speaker_ok,
            quotes.speaker_system,
            quotes.speaker_gold
        ) >= 0.9
    );
    assert!(f1(reported.matched, reported.system, reported.gold) >= 0.85);
}
