//! The ledger as Markdown, readable in a terminal: per measure a table of its series (date,
//! figure, qualifier, origin, outlet), then the checks with their explanations and evidence
//! sentences, then the independence of each measure's sources, then what each outlet relays.
//!
//! Measures with a single claim and no check are summarised in one line each, so that the
//! series that matter stay readable.

use std::fmt::Write;

use recoupe_model::claim::FigureQualifier;

use crate::ledger::{CheckKind, Ledger, LedgerClaim};

fn qualifier(q: FigureQualifier) -> &'static str {
    match q {
        FigureQualifier::Exact => "exact",
        FigureQualifier::Approx => "approx",
        FigureQualifier::Nearly => "nearly",
        FigureQualifier::AtLeast => "at_least",
        FigureQualifier::MoreThan => "more_than",
        FigureQualifier::AtMost => "at_most",
        FigureQualifier::LessThan => "less_than",
        FigureQualifier::Range => "range",
        FigureQualifier::Vague => "vague",
    }
}

/// Name of a check kind as the JSON writes it.
pub fn kind_name(k: CheckKind) -> &'static str {
    match k {
        CheckKind::Agreement => "agreement",
        CheckKind::Conflict => "conflict",
        CheckKind::SubsetViolation => "subset_violation",
        CheckKind::CumulativeDecrease => "cumulative_decrease",
        CheckKind::CumulativeJump => "cumulative_jump",
        CheckKind::DailySumMismatch => "daily_sum_mismatch",
        CheckKind::Copy => "copy",
    }
}

/// Table cells must not break the table.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn date(c: &LedgerClaim) -> String {
    match c.date {
        Some(d) if c.date_from == crate::DateFrom::Document => format!("{d} (doc)"),
        Some(d) => d.to_string(),
        None => "undated".to_owned(),
    }
}

/// Render the ledger.
pub fn markdown(ledger: &Ledger) -> String {
    let mut out = String::new();
    let counts = |k| ledger.checks.iter().filter(|c| c.kind == k).count();
    let _ = writeln!(out, "# Ledger\n");
    let _ = writeln!(
        out,
        "{} documents, {} claims, {} measures, {} checks \
         ({} conflicts, {} subset violations, {} cumulative anomalies, {} daily-sum \
         mismatches, {} copies, {} agreements).\n",
        ledger.documents.len(),
        ledger.claims.len(),
        ledger.measures.len(),
        ledger.checks.len(),
        counts(CheckKind::Conflict),
        counts(CheckKind::SubsetViolation),
        counts(CheckKind::CumulativeDecrease) + counts(CheckKind::CumulativeJump),
        counts(CheckKind::DailySumMismatch),
        counts(CheckKind::Copy),
        counts(CheckKind::Agreement),
    );
    let _ = writeln!(out, "## Measures\n");
    let mut singles = Vec::new();
    for m in &ledger.measures {
        let checked = ledger.checks.iter().any(|c| c.measure == Some(m.id));
        if m.series.len() < 2 && !checked {
            singles.push(m);
            continue;
        }
        let _ = writeln!(out, "### {}\n", m.label);
        let _ = writeln!(
            out,
            "| date | figure | qualifier | origin | outlet | note |"
        );
        let _ = writeln!(out, "|---|---|---|---|---|---|");
        for p in &m.series {
            let c = &ledger.claims[p.claim];
            let note = match c.copy_of {
                Some(o) => format!("copy of #{o}"),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | #{} {} |",
                date(c),
                cell(&c.figure),
                qualifier(c.qualifier),
                cell(&c.origin),
                cell(&c.outlet),
                c.id,
                note
            );
        }
        let _ = writeln!(out);
    }
    if !singles.is_empty() {
        let _ = writeln!(out, "Measures with one figure and nothing to check:\n");
        for m in singles {
            if let Some(c) = m.series.first().map(|p| &ledger.claims[p.claim]) {
                let _ = writeln!(
                    out,
                    "- {}: \"{}\" ({}, {}, {})",
                    m.label,
                    c.figure,
                    date(c),
                    c.origin,
                    c.outlet
                );
            }
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "## Checks\n");
    for kind in CheckKind::REPORT_ORDER {
        for check in ledger.checks.iter().filter(|c| c.kind == kind) {
            let _ = writeln!(out, "- **{}** — {}", kind_name(kind), check.explanation);
            for id in &check.claims {
                if let Some(c) = ledger.claims.get(*id) {
                    let _ = writeln!(out, "  - #{} {}: « {} »", c.id, c.outlet, c.evidence);
                }
            }
        }
    }
    let _ = writeln!(out, "\n## Independence of sources\n");
    let _ = writeln!(
        out,
        "| measure | figures | independent origins | parties | outlets |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|");
    for ind in &ledger.independence {
        let Some(m) = ledger.measures.get(ind.measure) else {
            continue;
        };
        if m.series.len() < 2 {
            continue;
        }
        let mut parties: Vec<&str> = ind.origins.iter().map(|o| o.party_name.as_str()).collect();
        parties.sort_unstable();
        parties.dedup();
        let flag = if ind.single_party {
            " ⚠ one party"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "| {} | {} | {}{} | {} | {} |",
            cell(&m.label),
            m.series.len(),
            ind.independent_origins,
            flag,
            cell(&parties.join("; ")),
            cell(&ind.outlets.join("; "))
        );
    }
    let _ = writeln!(out, "\n## Relays\n");
    let _ = writeln!(
        out,
        "| outlet | documents | parties behind its figures | sources it names |"
    );
    let _ = writeln!(out, "|---|---|---|---|");
    for r in &ledger.relays {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&r.outlet),
            r.documents.len(),
            cell(&r.origins_text()),
            cell(&r.relayed.join("; "))
        );
    }
    out
}
