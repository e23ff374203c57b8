//! Every kind of check, on small hand-made ledgers: each case that must fire and each case
//! that must not. Claims are written as JSON (the ledger's own claim shape), with only what
//! differs from a 24-hour evacuation figure about Alep spelled out, then grouped into
//! measures and checked exactly as `build_ledger` does.

use recoupe_ledger::checks::{self, CopiedPassage};
use recoupe_ledger::{Check, CheckKind, LedgerClaim, LedgerConfig, measures};
use recoupe_model::Span;
use serde_json::{Value, json};

/// A claim of document `doc`: 24-hour civilians evacuated from Alep, exact, dated 2016-12-10,
/// one sentence per claim, with `patch` applied on top.
fn claim(doc: usize, value: f64, patch: Value) -> Value {
    let mut c = json!({
        "document": doc, "claim": 0, "story": 0,
        "figure": value.to_string(), "qualifier": "exact",
        "value": value, "interval": [value, value],
        "counted": "civils", "counted_category": "civilians",
        "predicate": "évacués", "predicate_category": "evacuated",
        "predicate_family": "evacuated", "modality": "done",
        "window": "last_24h", "date": "2016-12-10", "date_from": "window",
        "place": "Alep", "how": "reported", "unattributed": false,
        "origin": format!("origin {doc}"), "party_name": format!("origin {doc}"),
        "outlet": format!("outlet {doc}"), "evidence": format!("sentence about {value}"),
    });
    for (k, v) in patch.as_object().cloned().unwrap_or_default() {
        c[k] = v;
    }
    c
}

/// The claims, numbered in order, each in its own sentence unless the patch says otherwise.
fn claims(list: Vec<Value>) -> Vec<LedgerClaim> {
    list.into_iter()
        .enumerate()
        .map(|(id, mut c)| {
            c["id"] = json!(id);
            if c.get("evidence_span").is_none() {
                c["evidence_span"] = json!({ "start": id * 100, "end": id * 100 + 90 });
            }
            if c.get("figure_span").is_none() {
                c["figure_span"] = json!({ "start": id * 100 + 10, "end": id * 100 + 15 });
            }
            serde_json::from_value(c).expect("a ledger claim")
        })
        .collect()
}

/// Measures and numeric checks of `list`.
fn check(list: Vec<Value>) -> Vec<Check> {
    let mut claims = claims(list);
    let measures = measures::group(&mut claims);
    checks::run(&claims, &measures, &LedgerConfig::default())
}

fn kinds(checks: &[Check]) -> Vec<CheckKind> {
    checks.iter().map(|c| c.kind).collect()
}

fn of_kind(checks: &[Check], kind: CheckKind) -> Vec<&Check> {
    checks.iter().filter(|c| c.kind == kind).collect()
}

/// "près de 8 500": the interval the default tolerances give.
fn nearly(value: f64) -> Value {
    json!({ "qualifier": "nearly", "interval": [value * 0.9, value] })
}

/// "plus de 13 000".
fn more_than(value: f64) -> Value {
    json!({ "qualifier": "more_than", "interval": [value, value * 1.2] })
}

#[test]
fn agreement_within_qualifiers() {
    let checks = check(vec![
        claim(0, 8500.0, nearly(8500.0)),
        claim(1, 8461.0, json!({})),
    ]);
    assert_eq!(kinds(&checks), [CheckKind::Agreement], "{checks:#?}");
    assert_eq!(checks[0].claims, [0, 1]);
    let checks = check(vec![
        claim(0, 13000.0, more_than(13000.0)),
        claim(1, 13346.0, json!({})),
    ]);
    assert_eq!(kinds(&checks), [CheckKind::Agreement], "{checks:#?}");
}

#[test]
fn figures_of_one_sentence_never_agree_with_each_other() {
    // "au moins 278 seraient morts et 302 sont revenus", both read as returned.
    let sentence = json!({ "start": 0, "end": 90 });
    let checks = check(vec![
        claim(
            0,
            278.0,
            json!({ "qualifier": "at_least", "interval": [278.0, 333.6],
                    "evidence_span": sentence }),
        ),
        claim(0, 302.0, json!({ "evidence_span": sentence })),
    ]);
    assert!(checks.is_empty(), "{checks:#?}");
    // A headline and its body may agree: "près de 8 500" and "8 461".
    let checks = check(vec![
        claim(0, 8500.0, nearly(8500.0)),
        claim(0, 8461.0, json!({})),
    ]);
    assert_eq!(kinds(&checks), [CheckKind::Agreement], "{checks:#?}");
}

#[test]
fn conflict_between_documents() {
    let checks = check(vec![
        claim(0, 8461.0, json!({})),
        claim(1, 5992.0, json!({})),
    ]);
    assert_eq!(kinds(&checks), [CheckKind::Conflict], "{checks:#?}");
    assert!(checks[0].explanation.contains("cannot both be right"));
    // "plus de 13 000" cannot be 8 461 either.
    let checks = check(vec![
        claim(0, 13000.0, more_than(13000.0)),
        claim(1, 8461.0, json!({})),
    ]);
    assert_eq!(kinds(&checks), [CheckKind::Conflict], "{checks:#?}");
}

#[test]
fn events_outside_the_vocabulary_are_never_compared() {
    // "500 manifestants ont défilé" and "300 personnes ont assisté": both "other".
    let other = json!({
        "predicate": "ont défilé", "predicate_category": "other", "predicate_family": "other"
    });
    let checks = check(vec![claim(0, 500.0, other.clone()), claim(1, 300.0, other)]);
    assert!(checks.is_empty(), "{checks:#?}");
}

#[test]
fn one_documents_distinct_figures_are_no_conflict() {
    let checks = check(vec![
        claim(0, 8461.0, json!({})),
        claim(0, 5992.0, json!({})),
    ]);
    assert!(
        of_kind(&checks, CheckKind::Conflict).is_empty(),
        "{checks:#?}"
    );
}

#[test]
fn an_enumeration_contradicts_no_one() {
    // "vingt bus et dix ambulances" beside another outlet's "dix": both are vehicles.
    let vehicles = || json!({ "counted": "véhicules", "counted_category": "vehicles" });
    let checks = check(vec![
        claim(0, 20.0, vehicles()),
        claim(0, 10.0, vehicles()),
        claim(1, 20.0, vehicles()),
    ]);
    assert!(
        of_kind(&checks, CheckKind::Conflict).is_empty(),
        "{checks:#?}"
    );
}

#[test]
fn different_windows_are_never_compared() {
    // A 24-hour figure and a total of the same day.
    let checks = check(vec![
        claim(0, 13346.0, json!({})),
        claim(1, 110000.0, json!({ "window": "cumulative" })),
    ]);
    assert!(checks.is_empty(), "{checks:#?}");
}

#[test]
fn different_places_are_never_compared() {
    let checks = check(vec![
        claim(0, 8461.0, json!({ "place": "Alep-Est" })),
        claim(1, 5992.0, json!({ "place": "Idlib" })),
    ]);
    assert!(checks.is_empty(), "{checks:#?}");
}

#[test]
fn different_stories_are_never_compared() {
    let checks = check(vec![
        claim(0, 8461.0, json!({})),
        claim(1, 5992.0, json!({ "story": 1 })),
    ]);
    assert!(checks.is_empty(), "{checks:#?}");
}

#[test]
fn a_percent_and_a_count_are_never_compared() {
    let checks = check(vec![
        claim(0, 30.0, json!({ "unit": "percent" })),
        claim(1, 8461.0, json!({})),
    ]);
    assert!(checks.is_empty(), "{checks:#?}");
}

#[test]
fn subset_violation_children_above_civilians() {
    let children = json!({ "counted": "enfants", "counted_category": "children" });
    let checks = check(vec![
        claim(0, 8461.0, json!({})),
        claim(1, 9000.0, children.clone()),
    ]);
    let found = of_kind(&checks, CheckKind::SubsetViolation);
    assert_eq!(found.len(), 1, "{checks:#?}");
    assert_eq!(found[0].rule, "ledger/subset/category");
    // Fewer children than civilians is fine.
    let checks = check(vec![
        claim(0, 8461.0, json!({})),
        claim(1, 2934.0, children.clone()),
    ]);
    assert!(
        of_kind(&checks, CheckKind::SubsetViolation).is_empty(),
        "{checks:#?}"
    );
    // One document's figures are compared through their `part_of` links only, even in one
    // sentence (a tweet's "environ 50 000 habitants" beside "une cinquantaine" evacuated).
    let checks = check(vec![
        claim(0, 8461.0, json!({})),
        claim(0, 9000.0, children.clone()),
    ]);
    assert!(
        of_kind(&checks, CheckKind::SubsetViolation).is_empty(),
        "{checks:#?}"
    );
    let sentence = json!({ "start": 0, "end": 90 });
    let mut big = children;
    big["evidence_span"] = sentence.clone();
    let checks = check(vec![
        claim(0, 8461.0, json!({ "evidence_span": sentence })),
        claim(0, 9000.0, big),
    ]);
    assert!(
        of_kind(&checks, CheckKind::SubsetViolation).is_empty(),
        "{checks:#?}"
    );
}

#[test]
fn subset_violation_part_larger_than_its_whole() {
    let sentence = json!({ "start": 0, "end": 90 });
    let whole = json!({ "evidence_span": sentence });
    let part = json!({ "counted": "enfants", "counted_category": "children", "part_of": 0,
                       "evidence_span": sentence });
    let checks = check(vec![
        claim(0, 2934.0, whole.clone()),
        claim(0, 8461.0, part.clone()),
    ]);
    let found: Vec<&Check> = of_kind(&checks, CheckKind::SubsetViolation)
        .into_iter()
        .filter(|c| c.rule == "ledger/subset/part-of")
        .collect();
    assert_eq!(found.len(), 1, "{checks:#?}");
    assert_eq!(found[0].claims, [1, 0]);
    // "dont 2 934 enfants" inside 8 461 is fine.
    let checks = check(vec![
        claim(0, 8461.0, whole.clone()),
        claim(0, 2934.0, part),
    ]);
    assert!(
        of_kind(&checks, CheckKind::SubsetViolation).is_empty(),
        "{checks:#?}"
    );
    // A part linked to another sentence ("de 90 à 80 km/h" … "limitent à 90 km/h") is a
    // misread link, not a contradiction.
    let elsewhere = json!({ "counted": "enfants", "counted_category": "children", "part_of": 0 });
    let checks = check(vec![claim(0, 2934.0, whole), claim(0, 8461.0, elsewhere)]);
    assert!(
        of_kind(&checks, CheckKind::SubsetViolation).is_empty(),
        "{checks:#?}"
    );
}

#[test]
fn a_share_is_never_a_subset() {
    // "77 % … dont 34 %" and "un quart … un cinquième": shares of other wholes.
    let pct = |v: f64| json!({ "unit": "percent", "value": v, "interval": [v, v] });
    let mut part = pct(77.0);
    part["part_of"] = json!(0);
    let checks = check(vec![claim(0, 34.0, pct(34.0)), claim(0, 77.0, part)]);
    assert!(
        of_kind(&checks, CheckKind::SubsetViolation).is_empty(),
        "{checks:#?}"
    );
    let checks = check(vec![
        claim(0, 0.2, json!({})),
        claim(0, 0.25, json!({ "part_of": 0 })),
    ]);
    assert!(
        of_kind(&checks, CheckKind::SubsetViolation).is_empty(),
        "{checks:#?}"
    );
}

#[test]
fn subset_violation_across_nested_places() {
    let checks = check(vec![
        claim(0, 9000.0, json!({ "place": "Alep-Est" })),
        claim(1, 8461.0, json!({ "place": "Alep" })),
    ]);
    let found = of_kind(&checks, CheckKind::SubsetViolation);
    assert_eq!(found.len(), 1, "{checks:#?}");
    assert_eq!(found[0].rule, "ledger/subset/place");
}

fn total(doc: usize, value: f64, date: &str, patch: Value) -> Value {
    let mut c = claim(doc, value, json!({ "window": "cumulative", "date": date }));
    for (k, v) in patch.as_object().cloned().unwrap_or_default() {
        c[k] = v;
    }
    c
}

#[test]
fn cumulative_decrease() {
    let checks = check(vec![
        total(0, 110000.0, "2016-12-14", more_than(110000.0)),
        total(1, 78000.0, "2016-12-15", json!({})),
    ]);
    let found = of_kind(&checks, CheckKind::CumulativeDecrease);
    assert_eq!(found.len(), 1, "{checks:#?}");
    assert_eq!(found[0].claims, [0, 1]);
    // Growth is not a decrease.
    let checks = check(vec![
        total(0, 78000.0, "2016-12-11", more_than(78000.0)),
        total(1, 110000.0, "2016-12-14", more_than(110000.0)),
    ]);
    assert!(checks.is_empty(), "{checks:#?}");
}

#[test]
fn cumulative_jump_flags_a_daily_count_reported_as_a_total() {
    let checks = check(vec![
        total(0, 110000.0, "2016-12-14", more_than(110000.0)),
        claim(
            1,
            10000.0,
            json!({ "window": "unknown", "date": "2016-12-16" }),
        ),
    ]);
    let found = of_kind(&checks, CheckKind::CumulativeJump);
    assert_eq!(found.len(), 1, "{checks:#?}");
    assert_eq!(found[0].claims, [1, 0]);
}

#[test]
fn undated_figures_jump_only_within_one_party() {
    let undated = |doc: usize, v: f64, window: &str, party: Option<&str>| {
        claim(
            doc,
            v,
            json!({ "window": window, "date": null, "party": party }),
        )
    };
    let checks = check(vec![
        undated(0, 110000.0, "cumulative", Some("ru-government")),
        undated(1, 10000.0, "unknown", Some("ru-government")),
    ]);
    assert_eq!(kinds(&checks), [CheckKind::CumulativeJump], "{checks:#?}");
    let checks = check(vec![
        undated(0, 110000.0, "cumulative", None),
        undated(1, 10000.0, "unknown", None),
    ]);
    assert!(checks.is_empty(), "{checks:#?}");
    // One date is not enough to place the other figure near it.
    let mut dated = undated(0, 110000.0, "cumulative", None);
    dated["date"] = json!("2016-12-14");
    let checks = check(vec![dated, undated(1, 10000.0, "unknown", None)]);
    assert!(checks.is_empty(), "{checks:#?}");
}

#[test]
fn no_jump_between_one_event_and_a_long_running_toll() {
    let killed = |doc: usize, v: f64, window: &str, start: Option<&str>| {
        claim(
            doc,
            v,
            json!({
                "counted": "personnes", "counted_category": "people",
                "predicate": "tuées", "predicate_category": "killed",
                "predicate_family": "killed", "window": window,
                "date": "2018-03-24", "place": "France", "window_start": start,
            }),
        )
    };
    // "246 tués depuis 2015" and the four killed in one attack.
    let checks = check(vec![
        killed(0, 246.0, "cumulative", Some("2015-01-01")),
        killed(1, 4.0, "unknown", None),
    ]);
    assert!(checks.is_empty(), "{checks:#?}");
    // Without a place on both sides, a total and a figure never meet.
    let mut placeless = killed(1, 4.0, "unknown", None);
    placeless["place"] = Value::Null;
    let checks = check(vec![killed(0, 246.0, "cumulative", None), placeless]);
    assert!(checks.is_empty(), "{checks:#?}");
    // The control: a total of the story's own days does flag it.
    let checks = check(vec![
        killed(0, 246.0, "cumulative", Some("2018-03-20")),
        killed(1, 4.0, "unknown", None),
    ]);
    assert_eq!(kinds(&checks), [CheckKind::CumulativeJump], "{checks:#?}");
}

#[test]
fn no_jump_between_totals_of_different_windows() {
    // "depuis janvier, 560" beside "depuis début décembre, près de 44 000".
    let checks = check(vec![
        total(
            0,
            44000.0,
            "2019-02-07",
            json!({ "since": "début décembre" }),
        ),
        total(1, 560.0, "2019-02-07", json!({ "since": "janvier" })),
    ]);
    assert!(checks.is_empty(), "{checks:#?}");
    // A total "since 2015" and a total of one attack, neither with a window start of its own.
    let checks = check(vec![
        total(
            0,
            246.0,
            "2018-12-12",
            json!({ "window_start": "2015-01-01" }),
        ),
        total(1, 2.0, "2018-12-12", json!({})),
    ]);
    assert!(checks.is_empty(), "{checks:#?}");
}

#[test]
fn daily_sum_mismatch() {
    let day = |doc: usize, v: f64, date: &str| claim(doc, v, json!({ "date": date }));
    // The total grows by 32 000 in three days; the 24-hour figures add up to 3 000.
    let checks = check(vec![
        total(0, 78000.0, "2016-12-11", json!({})),
        day(1, 1000.0, "2016-12-12"),
        day(2, 1000.0, "2016-12-13"),
        day(3, 1000.0, "2016-12-14"),
        total(4, 110000.0, "2016-12-14", json!({})),
    ]);
    let found = of_kind(&checks, CheckKind::DailySumMismatch);
    assert_eq!(found.len(), 1, "{checks:#?}");
    assert_eq!(found[0].rule, "ledger/daily-sum/complete");
    // Figures that add up are no mismatch.
    let checks = check(vec![
        total(0, 78000.0, "2016-12-11", json!({})),
        day(1, 10000.0, "2016-12-12"),
        day(2, 11000.0, "2016-12-13"),
        day(3, 11000.0, "2016-12-14"),
        total(4, 110000.0, "2016-12-14", json!({})),
    ]);
    assert!(
        of_kind(&checks, CheckKind::DailySumMismatch).is_empty(),
        "{checks:#?}"
    );
}

/// A passage of 200 bytes at 1000 in document 0, copied at 500 in document 1.
fn passage() -> CopiedPassage {
    CopiedPassage {
        original: 0,
        original_span: Span::new(1000, 1200),
        copy: 1,
        copy_span: Span::new(500, 700),
    }
}

fn at(start: usize, patch: Value) -> Value {
    let mut p = json!({ "figure_span": { "start": start, "end": start + 5 } });
    for (k, v) in patch.as_object().cloned().unwrap_or_default() {
        p[k] = v;
    }
    p
}

#[test]
fn copy_links_the_same_figure_of_a_copied_passage() {
    let mut claims = claims(vec![
        claim(0, 8461.0, at(1050, json!({}))),
        claim(1, 8461.0, at(552, json!({}))),
    ]);
    let checks = checks::link_copies(&mut claims, &[passage()]);
    assert_eq!(kinds(&checks), [CheckKind::Copy], "{checks:#?}");
    assert_eq!(checks[0].claims, [0, 1]);
    assert_eq!(claims[1].copy_of, Some(0));
    // A copy is no confirmation: it takes no part in the numeric checks.
    let measures = measures::group(&mut claims);
    let numeric = checks::run(&claims, &measures, &LedgerConfig::default());
    assert!(numeric.is_empty(), "{numeric:#?}");
}

#[test]
fn no_copy_of_another_sentence_or_of_a_non_figure() {
    // The same value elsewhere in the passage: another sentence.
    let mut far = claims(vec![
        claim(0, 2.0, at(1010, json!({}))),
        claim(1, 2.0, at(680, json!({}))),
    ]);
    let checks = checks::link_copies(&mut far, &[passage()]);
    assert!(checks.is_empty(), "{checks:#?}");
    // A list number: nothing counted, no event.
    let bare = json!({ "counted": null, "counted_category": null, "predicate": null,
                       "predicate_category": null, "predicate_family": null });
    let mut bare = claims(vec![
        claim(0, 2.0, at(1050, bare.clone())),
        claim(1, 2.0, at(550, bare)),
    ]);
    let checks = checks::link_copies(&mut bare, &[passage()]);
    assert!(checks.is_empty(), "{checks:#?}");
}
