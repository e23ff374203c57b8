//! The HTML report on the example corpus: well-formed (every tag opened is closed), one
//! timeline chart per measure that has dated figures, the evidence of every check, nothing
//! external and no script; and, on arbitrary text in the ledger, the markup never changes
//! shape (no text can open or close an element).

use std::sync::LazyLock;

use proptest::prelude::*;
mod common;

use common::{EXAMPLES, load};
use recoupe_ledger::html::{escape, render, render_with_documents};
use recoupe_ledger::{Ledger, LedgerConfig, build_ledger};
use recoupe_model::document::Document;

/// Elements that never have a closing tag.
const VOID: [&str; 5] = ["meta", "br", "link", "img", "hr"];

static EXAMPLE: LazyLock<(Vec<Document>, Ledger)> = LazyLock::new(|| {
    let docs: Vec<Document> = load(&[EXAMPLES.to_owned()]);
    let ledger = build_ledger(&docs, &LedgerConfig::default());
    (docs, ledger)
});

/// The element names of every tag in order (`/name` for a closing tag), the content of
/// `<style>` skipped; an error when a tag is not closed in order or text holds a stray `<`.
fn tags(html: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let close = after.find('>').ok_or("a '<' is never closed")?;
        let inner = &after[..close];
        rest = &after[close + 1..];
        if inner.starts_with('!') {
            continue;
        }
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            return Err(format!("not a tag: <{inner}>"));
        }
        if closing {
            match stack.pop() {
                Some(top) if top == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
            out.push(format!("/{name}"));
        } else {
            out.push(name.clone());
            if VOID.contains(&name.as_str()) || inner.ends_with('/') {
                continue;
            }
            if name == "style" {
                let end = rest.find("</style>").ok_or("style never closed")?;
                rest = &rest[end..];
            }
            stack.push(name);
        }
    }
    if stack.is_empty() {
        Ok(out)
    } else {
        Err(format!("never closed: {stack:?}"))
    }
}

#[test]
fn the_tag_checker_rejects_what_it_must() {
    assert!(tags("<p><b>x</b></p>").is_ok());
    assert!(tags("<p><b>x</p></b>").is_err());
    assert!(tags("<p>a < b</p>").is_err());
    assert!(tags("<p>").is_err());
    assert!(tags("<br><meta charset=\"utf-8\">").is_ok());
}

/// The section of one measure, up to the next measure.
fn measure_section(html: &str, id: usize) -> Option<&str> {
    let start = html.find(&format!("<div class=\"measure\" id=\"measure-{id}\">"))?;
    let rest = &html[start..];
    let end = rest[1..]
        .find("<div class=\"measure\"")
        .or_else(|| rest.find("</section>"))
        .unwrap_or(rest.len());
    rest.get(..end + 1)
}

#[test]
fn example_report_is_well_formed_and_self_contained() {
    let (docs, ledger) = &*EXAMPLE;
    let html = render_with_documents(ledger, docs);
    let tags = tags(&html).unwrap_or_else(|e| panic!("malformed: {e}"));
    assert_eq!(tags.first().map(String::as_str), Some("html"));
    assert!(!html.to_ascii_lowercase().contains("<script"));
    for external in ["src=", "href=\"http", "url(", "@import", "<link"] {
        assert!(!html.contains(external), "external resource: {external}");
    }
}

#[test]
fn example_report_has_a_chart_for_every_measure_with_dated_figures() {
    let (docs, ledger) = &*EXAMPLE;
    let html = render_with_documents(ledger, docs);
    let mut charts = 0;
    for m in &ledger.measures {
        let checked = ledger.checks.iter().any(|c| c.measure == Some(m.id));
        if m.series.len() < 2 && !checked {
            continue;
        }
        let section = measure_section(&html, m.id)
            .unwrap_or_else(|| panic!("no section for measure {}", m.label));
        let dated = m.series.iter().any(|p| {
            ledger
                .claims
                .get(p.claim)
                .is_some_and(|c| c.date.is_some() && c.interval.is_some())
        });
        assert_eq!(
            section.matches("<svg").count(),
            usize::from(dated),
            "measure {}",
            m.label
        );
        charts += usize::from(dated);
        // Every figure of the measure is in its table.
        for p in &m.series {
            let c = &ledger.claims[p.claim];
            assert!(section.contains(&escape(&c.figure)), "{}", c.figure);
        }
    }
    assert!(charts >= 5, "only {charts} charts");
    assert_eq!(html.matches("<svg").count(), charts);
}

#[test]
fn example_report_quotes_the_evidence_of_every_check() {
    let (docs, ledger) = &*EXAMPLE;
    let html = render_with_documents(ledger, docs);
    let checks = html
        .split("<section id=\"checks\">")
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .unwrap_or_default();
    let plain = checks.replace("<mark>", "").replace("</mark>", "");
    assert!(!ledger.checks.is_empty());
    for check in &ledger.checks {
        assert!(plain.contains(&escape(&check.explanation)));
        for id in &check.claims {
            let c = &ledger.claims[*id];
            assert!(plain.contains(&escape(&c.evidence)), "{}", c.evidence);
            // The figure is highlighted in the sentence.
            if c.evidence.contains(&c.figure) {
                let marked = format!("<mark>{}</mark>", escape(&c.figure));
                assert!(checks.contains(&marked), "{}", c.figure);
            }
        }
    }
    // The copy passages are quoted from the documents.
    for p in &ledger.shared_passages {
        let first = p.earlier.unwrap_or(p.a);
        let span = if first == p.b { p.b_span } else { p.a_span };
        assert!(html.contains(&escape(span.slice(&docs[first].text))));
    }
}

/// Prefix every text of the ledger with `s` (a prefix keeps which texts are equal, so the
/// report's structure must stay the same).
fn prefixed(ledger: &Ledger, s: &str) -> Ledger {
    let p = |t: &mut String| t.insert_str(0, s);
    let mut l = ledger.clone();
    for c in &mut l.claims {
        p(&mut c.figure);
        p(&mut c.evidence);
        p(&mut c.origin);
        p(&mut c.party_name);
        p(&mut c.outlet);
    }
    for d in &mut l.documents {
        p(&mut d.source);
        d.outlet.iter_mut().for_each(p);
        d.title.iter_mut().for_each(p);
    }
    for m in &mut l.measures {
        p(&mut m.label);
    }
    for c in &mut l.checks {
        p(&mut c.explanation);
        p(&mut c.rule);
    }
    for i in &mut l.independence {
        i.outlets.iter_mut().for_each(p);
        for o in &mut i.origins {
            p(&mut o.origin);
            p(&mut o.party_name);
        }
    }
    for r in &mut l.relays {
        p(&mut r.outlet);
        r.relayed.iter_mut().for_each(p);
        r.origins.iter_mut().for_each(|(o, _)| p(o));
    }
    p(&mut l.schema);
    l
}

/// The tags whose presence depends on the text (a highlight found or not, an origin named
/// apart from its party, chart labels and their leader lines placed by their width) are
/// left out of the comparison.
fn skeleton(html: &str) -> Result<Vec<String>, String> {
    Ok(tags(html)?
        .into_iter()
        .filter(|t| !matches!(t.trim_start_matches('/'), "mark" | "span" | "text" | "line"))
        .collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn text_never_breaks_out_of_its_element(
        s in "(\\PC|[<>&\"'/]|</td>|<script>|<!--|-->|\\]\\]>){0,12}"
    ) {
        let (_, ledger) = &*EXAMPLE;
        let reference = skeleton(&render(ledger));
        prop_assert!(reference.is_ok(), "{:?}", reference);
        let html = render(&prefixed(ledger, &s));
        let shape = skeleton(&html);
        prop_assert!(shape.is_ok(), "{:?}", shape);
        let (shape, reference) = (shape.unwrap_or_default(), reference.unwrap_or_default());
        let first_difference = shape.iter().zip(&reference).position(|(a, b)| a != b);
        prop_assert!(
            shape.len() == reference.len() && first_difference.is_none(),
            "{} tags against {}, first difference at {:?}",
            shape.len(),
            reference.len(),
            first_difference
        );
        prop_assert!(!html.to_ascii_lowercase().contains("<script"));
    }
}
