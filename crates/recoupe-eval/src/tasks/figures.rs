//! Figures and claims: does recoupe find every figure the gold lists, and only those, and
//! does each claim say what the gold says it counts, what happened, who says so, what it is
//! part of and over which window?
//!
//! A predicted claim matches a gold figure when their spans overlap (greedy, largest overlap
//! first, then leftmost); figures marked `doubtful` count neither way. On a matched pair each
//! level is correct or not; a wrong level counts as both a false positive and a false
//! negative, an unmatched claim as a false positive at every level, an unmatched gold figure
//! as a false negative at every level (the rules of `gold/figures/README.md`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use recoupe_model::Span;
use recoupe_model::claim::{AttributionHow, Claim};
use recoupe_model::entity::{Entity, EntityKind};
use unicode_normalization::UnicodeNormalization;

use crate::EvalConfig;
use crate::documents::Corpus;
use crate::gold::{FigureAliases, FigureFile, GoldFigure, read_all};
use crate::locate::{nth, overlaps};
use crate::score::{Report, Score};

/// The levels scored on matched pairs, in report order, with their descriptions.
const LEVELS: &[(&str, &str)] = &[
    (
        "figure",
        "a figure is found where the gold has one (spans overlap)",
    ),
    (
        "figure+value",
        "… with the gold's qualifier and its low/best/high values",
    ),
    ("claim", "a claim is built where the gold has a figure"),
    ("claim+counted", "… with the gold's counted category"),
    (
        "claim+counted+predicate",
        "… and its predicate category (and modality when not \"done\")",
    ),
    (
        "claim+attribution",
        "… whose speaker or organisation is the gold's (or outlet when the gold says so)",
    ),
    (
        "claim+window",
        "… with the gold's window type (and end date when both give one)",
    ),
];

pub fn evaluate(config: &EvalConfig, corpus: &Corpus, report: &mut Report) {
    let mut problems = Vec::new();
    let dir = config.gold_dir.join("figures");
    let names = Names::read(&dir.join("aliases.toml"), &mut problems);
    let files: Vec<(PathBuf, FigureFile)> = subdirectories(&dir)
        .iter()
        .flat_map(|d| read_all(d, &mut problems))
        .collect();
    let mut scores = vec![Score::default(); LEVELS.len()];
    let mut part_of = Score::default();
    let mut documents = 0;
    for (path, file) in files {
        let Some(doc) = corpus.get(&file.source, &file.record) else {
            continue;
        };
        documents += 1;
        let mut gold = Vec::new();
        for figure in &file.figure {
            match nth(&doc.text, &figure.text, figure.occurrence) {
                Some(span) => gold.push((span, figure)),
                None => problems.push(format!(
                    "{}: figure {} ({:?}, occurrence {}) not found in the document",
                    path.display(),
                    figure.id,
                    figure.text,
                    figure.occurrence
                )),
            }
        }
        let claims = &doc.annotations.claims;
        let pairs = match_claims(&gold, claims);
        let entities = &doc.annotations.entities;
        let judge = Judge {
            names: &names,
            entities,
        };
        score_levels(&gold, claims, &pairs, &judge, &mut scores);
        if std::env::var_os("RECOUPE_EVAL_VERBOSE").is_some() {
            print_misses(&path, &gold, claims, &pairs, &judge);
        }
        part_of.add(score_part_of(&gold, claims, &pairs));
    }
    report.documents = report.documents.max(documents);
    for ((name, description), score) in LEVELS.iter().zip(scores) {
        report.push(name, description, score);
        if *name == "claim+attribution" {
            report.push(
                "claim+part_of",
                "gold subsets whose predicted parent is the claim matched to the gold's parent",
                part_of,
            );
        }
    }
    for p in problems {
        corpus.problem(p);
    }
}

/// Every gold figure that is missed or wrong at the attribution or window level, with what
/// was predicted, on stderr (`RECOUPE_EVAL_VERBOSE=1`).
fn print_misses(
    path: &Path,
    gold: &[(Span, &GoldFigure)],
    claims: &[Claim],
    pairs: &[Option<usize>],
    judge: &Judge,
) {
    for ((span, figure), pair) in gold.iter().zip(pairs) {
        if figure.doubtful {
            continue;
        }
        let Some(claim) = pair.and_then(|p| claims.get(p)) else {
            eprintln!(
                "{}: {} {:?} at {}: no claim",
                path.display(),
                figure.id,
                figure.text,
                span.start
            );
            continue;
        };
        if !same_counted(figure, claim) || !same_predicate(figure, claim) {
            eprintln!(
                "{}: {} {:?}: counted/predicate gold {}/{} {}, predicted {:?}/{:?} {:?}",
                path.display(),
                figure.id,
                figure.text,
                figure.category,
                figure.predicate_category,
                figure.modality,
                claim.counted.as_ref().map(|c| c.category.as_str()),
                claim.predicate.as_ref().map(|p| p.category.as_str()),
                claim.predicate.as_ref().map(|p| as_str(&p.modality)),
            );
        }
        if !judge.same_attribution(figure, claim) {
            let a = &claim.attribution;
            eprintln!(
                "{}: {} {:?}: attribution gold {} {:?}/{:?}, predicted {} {:?}/{:?} ({})",
                path.display(),
                figure.id,
                figure.text,
                figure.attribution,
                figure.speaker,
                figure.organisation,
                as_str(&a.how),
                a.speaker,
                a.organisation,
                claim
                    .rules
                    .iter()
                    .find(|r| r.contains("attribution/"))
                    .map_or("", String::as_str),
            );
        }
        if !same_window(figure, claim) {
            eprintln!(
                "{}: {} {:?}: window gold {} {:?}, predicted {} {:?} ({})",
                path.display(),
                figure.id,
                figure.text,
                figure.window,
                figure.window_end,
                as_str(&claim.time.kind),
                claim.time.end.map(|d| d.to_string()),
                claim
                    .rules
                    .iter()
                    .find(|r| r.contains("window/"))
                    .map_or("", String::as_str),
            );
        }
    }
}

/// For each gold figure, the index of the claim it matches, if any.
fn match_claims(gold: &[(Span, &GoldFigure)], claims: &[Claim]) -> Vec<Option<usize>> {
    let mut candidates = Vec::new();
    for (g, (span, _)) in gold.iter().enumerate() {
        for (p, c) in claims.iter().enumerate() {
            if overlaps(c.figure.span, *span) {
                let overlap = c.figure.span.end.min(span.end) - c.figure.span.start.max(span.start);
                candidates.push((overlap, c.figure.span.start, g, p));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut pairs = vec![None; gold.len()];
    let mut used = vec![false; claims.len()];
    for (_, _, g, p) in candidates {
        if pairs.get(g).is_some_and(Option::is_none) && used.get(p) == Some(&false) {
            pairs[g] = Some(p);
            used[p] = true;
        }
    }
    pairs
}

fn score_levels(
    gold: &[(Span, &GoldFigure)],
    claims: &[Claim],
    pairs: &[Option<usize>],
    judge: &Judge,
    scores: &mut [Score],
) {
    let mut used = vec![false; claims.len()];
    for ((_, figure), pair) in gold.iter().zip(pairs) {
        match pair.and_then(|p| claims.get(p).map(|c| (p, c))) {
            Some((p, claim)) => {
                used[p] = true;
                if figure.doubtful {
                    continue;
                }
                let correct = [
                    true,
                    same_value(figure, claim),
                    true,
                    same_counted(figure, claim),
                    same_counted(figure, claim) && same_predicate(figure, claim),
                    judge.same_attribution(figure, claim),
                    same_window(figure, claim),
                ];
                for (score, ok) in scores.iter_mut().zip(correct) {
                    if ok {
                        score.tp += 1;
                    } else {
                        score.fp += 1;
                        score.fn_ += 1;
                    }
                }
            }
            None if figure.doubtful => {}
            None => scores.iter_mut().for_each(|s| s.fn_ += 1),
        }
    }
    let spurious = used.iter().filter(|u| !**u).count();
    scores.iter_mut().for_each(|s| s.fp += spurious);
}

/// part_of links: every gold subset and every predicted parent link is scored once.
fn score_part_of(gold: &[(Span, &GoldFigure)], claims: &[Claim], pairs: &[Option<usize>]) -> Score {
    let mut score = Score::default();
    let mut judged = vec![false; claims.len()];
    let gold_index = |id: &str| gold.iter().position(|(_, f)| f.id == id);
    for ((_, figure), pair) in gold.iter().zip(pairs) {
        if figure.doubtful {
            if let Some(p) = pair {
                judged[*p] = true;
            }
            continue;
        }
        let predicted_parent = pair.and_then(|p| claims.get(p)).and_then(|c| c.part_of);
        if let Some(p) = pair {
            judged[*p] = true;
        }
        if figure.part_of.is_empty() {
            if predicted_parent.is_some() {
                score.fp += 1;
            }
            continue;
        }
        let expected = gold_index(&figure.part_of).and_then(|g| pairs.get(g).copied().flatten());
        match (predicted_parent, expected) {
            (Some(p), Some(e)) if p == e => score.tp += 1,
            (Some(_), _) => {
                score.fp += 1;
                score.fn_ += 1;
            }
            (None, _) => score.fn_ += 1,
        }
    }
    for (c, claim) in claims.iter().enumerate() {
        if !judged.get(c).copied().unwrap_or(true) && claim.part_of.is_some() {
            score.fp += 1;
        }
    }
    score
}

fn same_value(gold: &GoldFigure, claim: &Claim) -> bool {
    let f = &claim.figure;
    let qualifier = serde_json::to_value(f.qualifier)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let close = |g: Option<f64>, p: Option<f64>| match (g, p) {
        (None, _) => true,
        (Some(g), Some(p)) => (g - p).abs() <= 1e-6 * g.abs().max(1.0),
        (Some(_), None) => false,
    };
    qualifier == gold.qualifier
        && close(gold.best, f.best)
        && close(gold.low, f.low)
        && close(gold.high, f.high)
}

fn same_counted(gold: &GoldFigure, claim: &Claim) -> bool {
    let predicted = claim.counted.as_ref().map_or("", |c| c.category.as_str());
    predicted == gold.category
}

fn same_predicate(gold: &GoldFigure, claim: &Claim) -> bool {
    let (category, modality) = match &claim.predicate {
        Some(p) => (p.category.as_str(), as_str(&p.modality)),
        None => ("none", "done".to_owned()),
    };
    category == gold.predicate_category
        && (gold.modality.is_empty() || gold.modality == "done" || gold.modality == modality)
}

/// The gold files: every `.toml` of the subdirectories of `gold/figures/` (the top level
/// holds `aliases.toml`).
fn subdirectories(dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
}

/// Names of parties, folded (case, accents, apostrophes, spaces), each mapped to the folded
/// canonical name it designates (`gold/figures/aliases.toml`).
#[derive(Default)]
struct Names(BTreeMap<String, String>);

impl Names {
    fn read(path: &Path, problems: &mut Vec<String>) -> Names {
        let file: FigureAliases = match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| toml::from_str(&t).map_err(|e| e.to_string()))
        {
            Ok(f) => f,
            Err(e) => {
                problems.push(format!("{}: {e}", path.display()));
                FigureAliases::default()
            }
        };
        let mut map = BTreeMap::new();
        for (canonical, aliases) in &file.aliases {
            let c = fold(canonical);
            for alias in aliases {
                map.insert(fold(alias), c.clone());
            }
            map.insert(c.clone(), c);
        }
        Names(map)
    }

    /// Whether one of `names` is the gold canonical name or one of its aliases.
    fn designate<'a>(&self, mut names: impl Iterator<Item = &'a str>, gold: &str) -> bool {
        let g = fold(gold);
        !g.is_empty()
            && names.any(|n| {
                let f = fold(n);
                f == g || self.0.get(&f) == Some(&g)
            })
    }
}

/// Lower case, no accents, one apostrophe, single spaces.
fn fold(name: &str) -> String {
    let plain: String = name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == '’' { '\'' } else { c })
        .collect();
    plain
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What decides whether a predicted attribution names the gold's party: the aliases, and
/// the entities of the document (whose mentions are names of the predicted party too).
struct Judge<'a> {
    names: &'a Names,
    entities: &'a [Entity],
}

impl Judge<'_> {
    /// The gold speaker when it has one, else its organisation, must be designated by the
    /// predicted canonical name or by a mention of the predicted entity; an "outlet" gold
    /// needs an unattributed prediction, a headline with no party one that names none.
    fn same_attribution(&self, gold: &GoldFigure, claim: &Claim) -> bool {
        let a = &claim.attribution;
        if gold.attribution == "outlet" {
            return a.unattributed && a.how == AttributionHow::Outlet;
        }
        if gold.speaker.is_empty() && gold.organisation.is_empty() {
            return a.speaker.is_none() && a.organisation.is_none();
        }
        let person = |e: &&Entity| e.kind == EntityKind::Person;
        let (predicted, wanted, of_kind): (_, _, &dyn Fn(&&Entity) -> bool) =
            if gold.speaker.is_empty() {
                (&a.organisation, &gold.organisation, &|e| !person(e))
            } else {
                (&a.speaker, &gold.speaker, &person)
            };
        let Some(predicted) = predicted.as_deref() else {
            return false;
        };
        let mentions = a
            .entities
            .iter()
            .filter_map(|id| self.entities.iter().find(|e| &e.id == id))
            .filter(of_kind)
            .flat_map(|e| {
                e.mentions
                    .iter()
                    .map(|m| m.text.as_str())
                    .chain(e.aliases.iter().map(String::as_str))
            });
        self.names
            .designate(std::iter::once(predicted).chain(mentions), wanted)
    }
}

fn same_window(gold: &GoldFigure, claim: &Claim) -> bool {
    let kind = claim.time.kind.name();
    let end = claim.time.end.map(|d| d.to_string()).unwrap_or_default();
    kind == gold.window && (gold.window_end.is_empty() || end.is_empty() || end == gold.window_end)
}

fn as_str<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
