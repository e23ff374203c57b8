//! Conformance against Microsoft Recognizers-Text's number specs (`../shared/conformance`).
//!
//! Maps each of their models to what `find_quantities` produces (see CONFORMANCE.md,
//! "Numbers"), prints a table of pass rates per file, split between the cases their own
//! reference implementation (dotnet) supports and those it does not, and asserts the
//! targets on the files that map. Cases we disagree with are listed, with the reason, in
//! `testdata/numbers/conformance-disagreements.toml` and counted apart.
//!
//! Run: `cargo test -p recoupe-extract --test conformance_numbers -- --nocapture`

use std::collections::HashSet;
use std::path::PathBuf;

use recoupe_extract::numbers::find_quantities;
use recoupe_model::Lang;
use recoupe_model::quantity::{Dimension, PartRole, Qualifier, Quantity, QuantityKind};
use serde::Deserialize;
use serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Model {
    Number,
    Percent,
    Range,
    Ordinal,
    Dimension,
    Currency,
    Age,
    Temperature,
}

/// Files that map to what we model, the target pass rate on their supported cases (after
/// disagreements), and the floor asserted today: the rate reached, rounded down, so that any
/// regression fails. Every file with cases is at or above its target.
const FILES: &[(&str, Model, f64, f64)] = &[
    ("Number/French/NumberModel.json", Model::Number, 95.0, 99.0),
    (
        "Number/English/NumberModel.json",
        Model::Number,
        95.0,
        100.0,
    ),
    (
        "Number/French/PercentModel.json",
        Model::Percent,
        95.0,
        100.0,
    ),
    (
        "Number/English/PercentModel.json",
        Model::Percent,
        95.0,
        100.0,
    ),
    (
        "Number/French/NumberRangeModel.json",
        Model::Range,
        90.0,
        0.0,
    ),
    (
        "Number/English/NumberRangeModel.json",
        Model::Range,
        90.0,
        100.0,
    ),
    (
        "Number/French/OrdinalModel.json",
        Model::Ordinal,
        90.0,
        96.0,
    ),
    (
        "Number/English/OrdinalModel.json",
        Model::Ordinal,
        90.0,
        100.0,
    ),
    (
        "NumberWithUnit/French/DimensionModel.json",
        Model::Dimension,
        90.0,
        98.0,
    ),
    (
        "NumberWithUnit/English/DimensionModel.json",
        Model::Dimension,
        90.0,
        93.0,
    ),
    (
        "NumberWithUnit/French/CurrencyModel.json",
        Model::Currency,
        90.0,
        92.9,
    ),
    (
        "NumberWithUnit/English/CurrencyModel.json",
        Model::Currency,
        90.0,
        90.9,
    ),
    (
        "NumberWithUnit/French/AgeModel.json",
        Model::Age,
        90.0,
        100.0,
    ),
    (
        "NumberWithUnit/English/AgeModel.json",
        Model::Age,
        90.0,
        94.0,
    ),
    (
        "NumberWithUnit/French/TemperatureModel.json",
        Model::Temperature,
        90.0,
        97.0,
    ),
    (
        "NumberWithUnit/English/TemperatureModel.json",
        Model::Temperature,
        90.0,
        100.0,
    ),
];

#[derive(Deserialize)]
struct Case {
    #[serde(rename = "Input")]
    input: String,
    #[serde(rename = "NotSupported", default)]
    not_supported: Option<String>,
    #[serde(rename = "NotSupportedByDesign", default)]
    not_supported_by_design: Option<String>,
    #[serde(rename = "Results", default)]
    results: Vec<Value>,
}

#[derive(Deserialize)]
struct Disagreements {
    case: Vec<Disagreement>,
}

#[derive(Deserialize)]
struct Disagreement {
    file: String,
    input: String,
    #[allow(dead_code)]
    reason: String,
}

/// One expected or found item: char span (inclusive end), values, and a tag.
#[derive(Debug, Clone, PartialEq)]
struct Item {
    start: usize,
    end: usize,
    low: Option<f64>,
    high: Option<f64>,
    low_open: bool,
    high_open: bool,
    tag: String,
}

fn char_index(text: &str, byte: usize) -> usize {
    text.get(..byte).map(|s| s.chars().count()).unwrap_or(0)
}

fn parse_value(s: &str, french: bool) -> Option<f64> {
    let s = s.trim().trim_end_matches('%');
    let s = if french {
        s.replace(',', ".")
    } else {
        s.replace(',', "")
    };
    s.parse().ok()
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9),
        (None, None) => true,
        _ => false,
    }
}

fn dimension_tag(subtype: &str) -> &'static str {
    match subtype.to_ascii_lowercase().as_str() {
        "length" => "length",
        "area" => "area",
        "volume" => "volume",
        "weight" => "mass",
        "speed" => "speed",
        "information" => "information",
        _ => "other",
    }
}

/// Their dimension model covers physical measures only; temperature, money, durations and
/// ratios have models of their own, so our measures of those dimensions are left out here.
fn our_dimension_tag(d: Dimension) -> Option<&'static str> {
    match d {
        Dimension::Length => Some("length"),
        Dimension::Area => Some("area"),
        Dimension::Volume => Some("volume"),
        Dimension::Mass => Some("mass"),
        Dimension::Speed => Some("speed"),
        Dimension::Information => Some("information"),
        _ => None,
    }
}

/// Their dimension subtypes we do not model (angles, turns, …): cases expecting one are
/// counted apart, in the "outside what we model" column.
fn modeled(want: &[Item]) -> bool {
    want.iter().all(|w| w.tag != "other")
}

fn expected(model: Model, r: &Value, french: bool) -> Option<Item> {
    let start = r["Start"].as_u64()? as usize;
    let end = r["End"].as_u64()? as usize;
    let res = &r["Resolution"];
    let mut item = Item {
        start,
        end,
        low: None,
        high: None,
        low_open: false,
        high_open: false,
        tag: String::new(),
    };
    if model == Model::Range {
        let v = res["value"].as_str()?;
        let (lo, hi) = v.get(1..v.len().checked_sub(1)?)?.split_once(',')?;
        item.low = parse_value(lo, false);
        item.high = parse_value(hi, false);
        item.low_open = v.starts_with('(');
        item.high_open = v.ends_with(')');
        return Some(item);
    }
    let v = parse_value(res["value"].as_str()?, french && model != Model::Range)?;
    item.low = Some(v);
    item.high = Some(v);
    if model == Model::Dimension {
        item.tag = dimension_tag(res["subtype"].as_str().unwrap_or("")).to_string();
    }
    Some(item)
}

fn core_span(text: &str, q: &Quantity, roles: &[PartRole]) -> (usize, usize) {
    let parts: Vec<_> = q.parts.iter().filter(|p| roles.contains(&p.role)).collect();
    let (a, b) = match (
        parts.iter().map(|p| p.span.start).min(),
        parts.iter().map(|p| p.span.end).max(),
    ) {
        (Some(a), Some(b)) => (a, b),
        _ => (q.span.start, q.span.end),
    };
    (char_index(text, a), char_index(text, b).saturating_sub(1))
}

/// What we found, as items comparable with the model's expected results.
fn found(model: Model, text: &str, qs: &[Quantity]) -> Vec<Item> {
    let mut out = Vec::new();
    let one = |q: &Quantity, roles: &[PartRole], v: Option<f64>, tag: &str| {
        let (start, end) = core_span(text, q, roles);
        Item {
            start,
            end,
            low: v,
            high: v,
            low_open: false,
            high_open: false,
            tag: tag.to_string(),
        }
    };
    let nu = [PartRole::Number, PartRole::Unit];
    for q in qs {
        match model {
            Model::Number => {
                for p in q.parts.iter().filter(|p| p.role == PartRole::Number) {
                    // Their number model leaves out numbers with a unit of measure.
                    if !q.is_figure || q.kind == QuantityKind::Measure {
                        continue;
                    }
                    let (s, e) = (
                        char_index(text, p.span.start),
                        char_index(text, p.span.end).saturating_sub(1),
                    );
                    out.push(Item {
                        start: s,
                        end: e,
                        low: p.value,
                        high: p.value,
                        low_open: false,
                        high_open: false,
                        tag: String::new(),
                    });
                }
            }
            Model::Percent if q.kind == QuantityKind::Percent => {
                out.push(one(q, &nu, q.best.or(q.low), ""))
            }
            Model::Ordinal if q.kind == QuantityKind::Ordinal => out.push(one(q, &[], q.value, "")),
            Model::Dimension if q.kind == QuantityKind::Measure => {
                if let Some(tag) = q.unit.as_ref().and_then(|u| our_dimension_tag(u.dimension)) {
                    out.push(one(q, &nu, q.best.or(q.low), tag));
                }
            }
            Model::Currency if q.kind == QuantityKind::Money => {
                out.push(one(q, &nu, q.best.or(q.low), ""))
            }
            Model::Age if matches!(q.kind, QuantityKind::Age | QuantityKind::Duration) => {
                out.push(one(q, &nu, q.best.or(q.high), ""))
            }
            Model::Temperature
                if q.unit
                    .as_ref()
                    .is_some_and(|u| u.dimension == Dimension::Temperature) =>
            {
                out.push(one(q, &nu, q.best.or(q.low), ""))
            }
            // Only figures whose qualifier bounds them are ranges; exact, approximate and
            // vague figures are not (CONFORMANCE.md, "How their models map to ours").
            Model::Range
                if q.is_figure
                    && !matches!(
                        q.qualifier,
                        Qualifier::Exact | Qualifier::Approx | Qualifier::Vague
                    ) =>
            {
                let (start, end) = core_span(
                    text,
                    q,
                    &[PartRole::Number, PartRole::Qualifier, PartRole::Connector],
                );
                let (low_open, high_open) = match q.qualifier {
                    Qualifier::MoreThan => (true, true),
                    Qualifier::AtLeast => (false, true),
                    Qualifier::LessThan => (true, true),
                    Qualifier::AtMost => (true, false),
                    _ => (false, false),
                };
                out.push(Item {
                    start,
                    end,
                    low: q.low,
                    high: q.high,
                    low_open,
                    high_open,
                    tag: format!("{:?}", q.qualifier),
                });
            }
            _ => {}
        }
    }
    out
}

fn passes(model: Model, want: &[Item], got: &[Item]) -> bool {
    let matches = |w: &Item, g: &Item| {
        w.start == g.start
            && w.end == g.end
            && match model {
                Model::Range => {
                    let bounds = close(w.low, g.low) && close(w.high, g.high);
                    // Two-sided ranges: we do not model which end is open.
                    let one_sided = w.low.is_none() || w.high.is_none();
                    bounds
                        && (!one_sided
                            || (w.low.is_none() || w.low_open == g.low_open)
                                && (w.high.is_none() || w.high_open == g.high_open))
                }
                Model::Dimension => close(w.low, g.low) && w.tag == g.tag,
                _ => close(w.low, g.low),
            }
    };
    let all_found = want.iter().all(|w| got.iter().any(|g| matches(w, g)));
    // Nothing extra: every number we report overlaps an expected one.
    let no_extra = got
        .iter()
        .all(|g| want.iter().any(|w| g.start <= w.end && w.start <= g.end));
    all_found && no_extra
}

#[derive(Default)]
struct Tally {
    pass: usize,
    total: usize,
}

impl Tally {
    fn pct(&self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            100.0 * self.pass as f64 / self.total as f64
        }
    }
    fn cell(&self) -> String {
        if self.total == 0 {
            "–".to_string()
        } else {
            format!("{}/{} ({:.1} %)", self.pass, self.total, self.pct())
        }
    }
}

#[test]
fn recognizers_text_numbers() {
    let shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let specs = shared.join("conformance/recognizers-text/Specs");
    if !specs.is_dir() {
        println!("skipped: ../shared not found");
        return;
    }
    let dis_text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/testdata/numbers/conformance-disagreements.toml"
    ))
    .expect("disagreements file");
    let dis: Disagreements = toml::from_str(&dis_text).expect("valid disagreements file");
    let disagree: HashSet<(String, String)> =
        dis.case.into_iter().map(|d| (d.file, d.input)).collect();
    let verbose = std::env::var("CONFORMANCE_VERBOSE").is_ok();

    println!(
        "\n| file | supported | supported, without disagreements | not supported by dotnet | outside what we model | target | met |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut misses = Vec::new();
    let mut below = Vec::new();
    for &(file, model, target, floor) in FILES {
        let raw = std::fs::read_to_string(specs.join(file)).expect("spec file");
        let cases: Vec<Case> =
            serde_json::from_str(raw.trim_start_matches('\u{feff}')).expect("spec JSON");
        let french = file.contains("/French/");
        let lang = if french { Lang::Fr } else { Lang::En };
        let (mut sup, mut sup_agreed, mut unsup, mut outside) = (
            Tally::default(),
            Tally::default(),
            Tally::default(),
            Tally::default(),
        );
        for case in &cases {
            let dotnet_fails = case
                .not_supported
                .as_deref()
                .unwrap_or("")
                .contains("dotnet")
                || case
                    .not_supported_by_design
                    .as_deref()
                    .unwrap_or("")
                    .contains("dotnet");
            let want: Vec<Item> = case
                .results
                .iter()
                .filter_map(|r| expected(model, r, french))
                .collect();
            let got = found(model, &case.input, &find_quantities(&case.input, lang));
            let ok = passes(model, &want, &got);
            let disagreed = disagree.contains(&(file.to_string(), case.input.clone()));
            if !modeled(&want) {
                outside.total += 1;
                outside.pass += ok as usize;
                continue;
            }
            let tally = if dotnet_fails { &mut unsup } else { &mut sup };
            tally.total += 1;
            tally.pass += ok as usize;
            if !dotnet_fails && !disagreed {
                sup_agreed.total += 1;
                sup_agreed.pass += ok as usize;
            }
            if !ok && (verbose || !dotnet_fails && !disagreed) {
                misses.push(format!(
                    "{file}: {:?}\n    want {want:?}\n    got  {got:?}",
                    case.input
                ));
            }
        }
        let met = if sup_agreed.total == 0 {
            "–"
        } else if sup_agreed.pct() >= target {
            "yes"
        } else {
            "no"
        };
        println!(
            "| {file} | {} | {} | {} | {} | {target} % | {met} |",
            sup.cell(),
            sup_agreed.cell(),
            unsup.cell(),
            outside.cell()
        );
        if sup_agreed.pct() < floor {
            below.push(format!(
                "{file}: {:.1} % < floor {floor} %",
                sup_agreed.pct()
            ));
        }
    }
    if !misses.is_empty() {
        println!(
            "\nSupported cases missed (not in the disagreements list):\n{}",
            misses.join("\n")
        );
    }
    assert!(
        below.is_empty(),
        "regressions below the floor:\n{}",
        below.join("\n")
    );
}
