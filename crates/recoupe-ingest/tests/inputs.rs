//! Inputs end to end through `read_inputs`: feeds, WARC archives, directories and patterns,
//! and every kind of bad input, with fixtures under `testdata/` or written to a temp dir.

use std::io::Write;
use std::path::Path;

use flate2::Compression;
use flate2::write::GzEncoder;
use recoupe_ingest::{IngestConfig, Item, read_inputs};
use recoupe_model::{InputDocument, InputFormat, Severity};

fn testdata(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(rel)
        .display()
        .to_string()
}

fn read(paths: &[&str]) -> Vec<Item> {
    read_with(paths, &IngestConfig::default())
}

fn read_with(paths: &[&str], config: &IngestConfig) -> Vec<Item> {
    let args: Vec<String> = paths.iter().map(|p| p.to_string()).collect();
    read_inputs(&args, config).collect()
}

fn docs(items: &[Item]) -> Vec<&InputDocument> {
    items.iter().filter_map(Item::document).collect()
}

/// Codes of the problems, with their record.
fn problems(items: &[Item]) -> Vec<(String, Option<String>)> {
    items
        .iter()
        .filter_map(Item::problem)
        .filter(|p| p.severity == Severity::Error)
        .map(|p| (p.code.clone(), p.record.clone()))
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&path, bytes).expect("write");
    path.display().to_string()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip")
}

// ---------------------------------------------------------------- feeds

#[test]
fn rss_items_become_documents() {
    let items = read(&[&testdata("feed/rss2.rss")]);
    let d = docs(&items);
    assert_eq!(d.len(), 2, "{items:?}");
    assert_eq!(d[0].source.record.as_deref(), Some("item 1"));
    assert_eq!(d[0].source.format, Some(InputFormat::Feed));
    assert_eq!(
        d[0].source.url.as_deref(),
        Some("https://www.quotidien-levant.example/monde/alep-evacuations")
    );
    assert_eq!(
        d[0].title.as_deref(),
        Some("Alep : des milliers de civils évacués, selon Moscou")
    );
    assert_eq!(
        d[0].outlet.as_deref(),
        Some("Le Quotidien du Levant - Monde")
    );
    assert_eq!(d[0].lang.as_deref(), Some("fr"));
    assert_eq!(
        d[0].published.map(|p| p.to_rfc3339()).as_deref(),
        Some("2016-12-14T08:30:00+00:00")
    );
    assert_eq!(
        d[0].text,
        "Près de 8\u{a0}500 civils ont quitté les quartiers est d'Alep, a affirmé mercredi le \
         ministère russe de la Défense.\n\nLes chiffres n'ont pas pu être vérifiés.\nLes convois \
         continueront jeudi."
    );
    assert_eq!(
        d[1].text,
        "Le secrétaire général demande l'envoi d'observateurs."
    );
    assert_eq!(d[1].published, None, "no date in the item, none guessed");
    assert_eq!(
        problems(&items),
        vec![("ingest/no-text".to_owned(), Some("item 3".to_owned()))]
    );
}

#[test]
fn atom_entries_become_documents() {
    let items = read(&[&testdata("feed/atom.atom")]);
    let d = docs(&items);
    assert_eq!(d.len(), 2, "{items:?}");
    assert_eq!(
        d[0].title.as_deref(),
        Some("Thousands leave eastern Aleppo")
    );
    assert_eq!(
        d[0].source.url.as_deref(),
        Some("https://ledger.example/world/aleppo-evacuation")
    );
    assert_eq!(d[0].outlet.as_deref(), Some("The Daily Ledger: World"));
    assert!(
        d[0].text.starts_with("About 3,000 people left the last"),
        "{}",
        d[0].text
    );
    assert!(d[0].text.contains("Friday.\n\nNeither"), "{}", d[0].text);
    assert_eq!(
        d[0].published.map(|p| p.to_rfc3339()).as_deref(),
        Some("2016-12-16T18:05:00+00:00"),
        "updated stands in for a missing published date"
    );
    assert_eq!(
        d[1].published.map(|p| p.to_rfc3339()).as_deref(),
        Some("2016-12-17T06:00:00+00:00")
    );
    assert_eq!(
        d[1].text,
        "Officials said the evacuation talks would continue."
    );
}

#[test]
fn xml_that_is_not_a_feed_is_an_error() {
    let items = read(&[&testdata("feed/sitemap.xml")]);
    assert_eq!(
        problems(&items),
        vec![("ingest/not-a-feed".to_owned(), None)]
    );
}

// ---------------------------------------------------------------- WARC

fn warc_record(kind: &str, id: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         WARC-Date: 2016-12-15T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
    r.extend_from_slice(body);
    r
}

const PAGE: &str = "<html lang=\"fr\"><head><title>Page {n}</title>\
    <meta property=\"article:published_time\" content=\"2016-12-14T09:30:00+01:00\">\
    <link rel=\"canonical\" href=\"https://example.org/canonical/{n}\"></head>\
    <body><p>Premier paragraphe de la page {n}, assez long pour être lu comme un article.</p>\
    <p>Second paragraphe de la page {n}.</p></body></html>";

fn page(n: usize) -> Vec<u8> {
    PAGE.replace("{n}", &n.to_string()).into_bytes()
}

fn html_response(n: usize) -> Vec<u8> {
    warc_record(
        "response",
        &format!("page-{n}"),
        &format!("https://example.org/{n}"),
        &http(
            "200 OK",
            "Content-Type: text/html; charset=utf-8\r\n",
            &page(n),
        ),
    )
}

#[test]
fn warc_responses_become_documents_and_the_rest_is_skipped() {
    let mut archive = Vec::new();
    archive.extend(warc_record("warcinfo", "info", "", b"software: test\r\n"));
    archive.extend(warc_record(
        "request",
        "req",
        "https://example.org/1",
        b"GET / HTTP/1.1\r\n\r\n",
    ));
    archive.extend(html_response(1));
    archive.extend(warc_record(
        "response",
        "img",
        "https://example.org/a.jpg",
        &http(
            "200 OK",
            "Content-Type: image/jpeg\r\n",
            b"\xff\xd8\xff\0\0",
        ),
    ));
    archive.extend(warc_record(
        "response",
        "dns",
        "dns:example.org",
        b"20161215100000\nexample.org. 300 IN A 192.0.2.1\n",
    ));
    archive.extend(warc_record(
        "response",
        "gone",
        "https://example.org/gone",
        &http(
            "404 Not Found",
            "Content-Type: text/html\r\n",
            b"<p>Not here</p>",
        ),
    ));
    // Latin-1 page, chunked.
    let latin = b"<html><body><p>Caf\xe9 cr\xe8me \xe0 Alep, un article assez long pour \xeatre gard\xe9.</p></body></html>";
    let mut chunked = format!("{:x}\r\n", latin.len()).into_bytes();
    chunked.extend_from_slice(latin);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    archive.extend(warc_record(
        "response",
        "latin",
        "https://example.org/latin",
        &http(
            "200 OK",
            "Content-Type: text/html; charset=ISO-8859-1\r\nTransfer-Encoding: chunked\r\n",
            &chunked,
        ),
    ));
    // gzip-encoded payload.
    archive.extend(warc_record(
        "response",
        "gz",
        "https://example.org/gz",
        &http(
            "200 OK",
            "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
            &gzip(&page(3)),
        ),
    ));

    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "crawl.warc", &archive);
    let items = read(&[&path]);
    let d = docs(&items);
    assert_eq!(d.len(), 3, "{items:?}");
    assert_eq!(d[0].source.record.as_deref(), Some("<urn:uuid:page-1>"));
    assert_eq!(d[0].source.url.as_deref(), Some("https://example.org/1"));
    assert_eq!(d[0].source.format, Some(InputFormat::Warc));
    assert_eq!(d[0].title.as_deref(), Some("Page 1"));
    assert_eq!(d[0].lang.as_deref(), Some("fr"));
    assert_eq!(
        d[0].published.map(|p| p.to_rfc3339()).as_deref(),
        Some("2016-12-14T09:30:00+01:00"),
        "published comes from the page, not the capture date"
    );
    assert_eq!(
        d[0].metadata.get("warc_date").and_then(|v| v.as_str()),
        Some("2016-12-15T10:00:00Z")
    );
    assert!(d[0].text.contains("page 1, assez long"), "{}", d[0].text);
    assert_eq!(
        d[0].metadata.get("canonical_url").and_then(|v| v.as_str()),
        Some("https://example.org/canonical/1"),
        "the capture URL wins, the page's canonical URL is kept"
    );
    assert!(d[1].text.contains("Café crème à Alep"), "{}", d[1].text);
    assert!(d[2].text.contains("page 3"), "{}", d[2].text);
    assert!(problems(&items).is_empty(), "{items:?}");
    let info = items
        .iter()
        .filter_map(Item::problem)
        .find(|p| p.code == "ingest/skipped")
        .expect("skipped records are counted");
    assert!(info.message.starts_with("5 record(s)"), "{}", info.message);
}

#[test]
fn corrupt_warc_record_does_not_stop_the_file() {
    let mut archive = html_response(1);
    archive.extend(b"WARC/1.0\r\nthis is not a header\r\n\r\ngarbage body\r\n\r\n");
    archive.extend(html_response(2));
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "bad.warc", &archive);
    let items = read(&[&path]);
    let d = docs(&items);
    assert_eq!(d.len(), 2, "{items:?}");
    assert_eq!(d[1].source.url.as_deref(), Some("https://example.org/2"));
    assert_eq!(
        problems(&items),
        vec![("ingest/warc-record".to_owned(), Some("record 2".to_owned()))]
    );
}

#[test]
fn gzipped_warc_members_and_truncation() {
    // One gzip member per record, as crawlers write them.
    let mut archive = Vec::new();
    for n in 1..=3 {
        archive.extend(gzip(&html_response(n)));
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let whole = write(dir.path(), "crawl.warc.gz", &archive);
    assert_eq!(docs(&read(&[&whole])).len(), 3);

    let cut = write(dir.path(), "cut.warc.gz", &archive[..archive.len() - 40]);
    let items = read(&[&cut]);
    assert_eq!(
        docs(&items).len(),
        2,
        "records before the cut are kept: {items:?}"
    );
    let p = problems(&items);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].0, "ingest/truncated-gzip");
    let problem = items
        .iter()
        .filter_map(Item::problem)
        .next()
        .expect("problem");
    assert_eq!(problem.source.as_deref(), Some(cut.as_str()));
}

#[test]
fn warc_record_over_the_limit_is_skipped() {
    let mut archive = html_response(1);
    archive.extend(html_response(2));
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "a.warc", &archive);
    let config = IngestConfig {
        max_file_bytes: 100,
        ..IngestConfig::default()
    };
    let items = read_with(&[&path], &config);
    let p = problems(&items);
    assert_eq!(p.len(), 2, "{items:?}");
    assert!(p.iter().all(|(code, _)| code == "ingest/too-large"));
    assert_eq!(p[1].1.as_deref(), Some("<urn:uuid:page-2>"));
}

// ---------------------------------------------------------------- JSONL

#[test]
fn jsonl_bad_lines_do_not_stop_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let body = "{\"id\":\"a\",\"text\":\"Un.\"}\n\n{\"id\":\"b\",\"text\":\n[1]\n{\"id\":\"c\",\"text\":\"Trois.\"}\r\n";
    let path = write(dir.path(), "mixed.jsonl", body.as_bytes());
    let items = read(&[&path]);
    let ids: Vec<_> = docs(&items).iter().map(|d| d.given_id.clone()).collect();
    assert_eq!(ids, vec![Some("a".into()), Some("c".into())]);
    assert_eq!(docs(&items)[1].source.record.as_deref(), Some("line 5"));
    assert_eq!(
        problems(&items),
        vec![
            ("ingest/invalid-json".to_owned(), Some("line 3".to_owned())),
            ("ingest/invalid-json".to_owned(), Some("line 4".to_owned())),
        ]
    );
}

#[test]
fn gzipped_jsonl_and_truncation() {
    let lines: String = (0..200)
        .map(|i| format!("{{\"id\":\"{i}\",\"text\":\"Texte numéro {i} avec assez de mots pour compter.\"}}\n"))
        .collect();
    let packed = gzip(lines.as_bytes());
    let dir = tempfile::tempdir().expect("tempdir");
    let whole = write(dir.path(), "c.jsonl.gz", &packed);
    assert_eq!(docs(&read(&[&whole])).len(), 200);
    let cut = write(dir.path(), "cut.jsonl.gz", &packed[..packed.len() / 2]);
    let items = read(&[&cut]);
    let kept = docs(&items).len();
    assert!(kept > 0 && kept < 200, "kept {kept}");
    let p = problems(&items);
    assert_eq!(
        p.last().map(|p| p.0.as_str()),
        Some("ingest/truncated-gzip"),
        "{p:?}"
    );
}

#[test]
fn jsonl_line_over_the_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = format!("{{\"text\":\"{}\"}}", "x".repeat(500));
    let path = write(
        dir.path(),
        "big.jsonl",
        format!("{{\"text\":\"ok\"}}\n{big}\n{{\"text\":\"ok\"}}\n").as_bytes(),
    );
    let config = IngestConfig {
        max_file_bytes: 100,
        ..IngestConfig::default()
    };
    let items = read_with(&[&path], &config);
    assert_eq!(docs(&items).len(), 2);
    assert_eq!(
        problems(&items),
        vec![("ingest/too-large".to_owned(), Some("line 2".to_owned()))]
    );
}

// ---------------------------------------------------------------- bad files

#[test]
fn bad_files_are_problems_and_reading_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let cases: Vec<(String, &str)> = vec![
        (write(d, "empty.txt", b""), "ingest/empty"),
        (write(d, "blank.txt", b"  \n\t\n"), "ingest/empty"),
        (write(d, "blank.jsonl", b"\n\n"), "ingest/empty"),
        (
            write(d, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0"),
            "ingest/binary",
        ),
        (
            write(d, "big.txt", "Titre\n".repeat(50).as_bytes()),
            "ingest/too-large",
        ),
        (
            write(
                d,
                "cut.txt.gz",
                &gzip(b"Un texte assez long.\n".repeat(40).as_slice())[..30],
            ),
            "ingest/truncated-gzip",
        ),
        (
            write(
                d,
                "notfeed.rss",
                b"<html><body><p>Pas un flux</p></body></html>",
            ),
            "ingest/not-a-feed",
        ),
        (
            write(
                d,
                "empty.html",
                b"<html><head><title>T</title></head><body> </body></html>",
            ),
            "ingest/no-text",
        ),
        (
            d.join("missing.txt").display().to_string(),
            "ingest/not-found",
        ),
        (
            d.join("nothing-*.txt").display().to_string(),
            "ingest/no-match",
        ),
    ];
    let good = write(d, "good.txt", "Un texte lisible.\n".as_bytes());
    let config = IngestConfig {
        max_file_bytes: 200,
        ..IngestConfig::default()
    };
    for (path, code) in &cases {
        let items = read_with(&[path.as_str(), good.as_str()], &config);
        let p = problems(&items);
        assert_eq!(p.len(), 1, "{path}: {items:?}");
        assert_eq!(p[0].0, *code, "{path}");
        let problem = items
            .iter()
            .filter_map(Item::problem)
            .next()
            .expect("problem");
        assert_eq!(
            problem.source.as_deref(),
            Some(path.as_str()),
            "{code}: names the file"
        );
        assert_eq!(
            docs(&items).len(),
            1,
            "{path}: the next input is still read"
        );
    }
}

#[test]
fn invalid_utf8_text_is_read_lossily_with_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "latin.txt", b"Caf\xe9 cr\xe8me.\nSuite.");
    let items = read(&[&path]);
    let d = docs(&items);
    assert_eq!(d[0].text, "Caf\u{FFFD} cr\u{FFFD}me.\nSuite.");
    assert_eq!(d[0].diagnostics.len(), 1);
    assert_eq!(d[0].diagnostics[0].code, "ingest/invalid-utf8");
    assert!(d[0].diagnostics[0].message.contains("2 byte(s)"));
}

// ---------------------------------------------------------------- directories, patterns

#[test]
fn directories_are_walked_in_order_and_hidden_entries_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "b.txt", b"B.\n");
    write(d, "a.txt", b"A.\n");
    write(d, "sub/c.txt", b"C.\n");
    write(d, "README.md", b"# Documentation\n");
    write(d, ".hidden.txt", b"H.\n");
    write(d, ".git/x.txt", b"G.\n");
    write(d, "notes.bin", b"?");
    let root = d.display().to_string();
    let items = read(&[&root]);
    let texts: Vec<&str> = docs(&items).iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, vec!["A.\n", "B.\n", "C.\n"], "{items:?}");
    assert_eq!(
        docs(&items)[0].source.path.as_deref(),
        Some(d.join("a.txt").display().to_string().as_str())
    );
    let skipped: Vec<_> = items
        .iter()
        .filter_map(Item::problem)
        .filter(|p| p.code == "ingest/skipped")
        .collect();
    assert_eq!(skipped.len(), 2, "notes.bin and README.md: {items:?}");
    assert!(problems(&items).is_empty());
}

#[test]
fn glob_patterns_and_sniffing_unknown_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "2.txt", b"Deux.\n");
    write(d, "1.txt", b"Un.\n");
    write(d, "3.jsonl", b"{\"text\":\"Trois.\"}\n");
    let pattern = d.join("*.txt").display().to_string();
    let items = read(&[&pattern]);
    let texts: Vec<&str> = docs(&items).iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, vec!["Un.\n", "Deux.\n"]);

    // No extension: the content decides.
    let jsonl = write(d, "export", b"{\"text\":\"Quatre.\"}\n");
    let warc = write(d, "crawl.dat", &html_response(5));
    let html = write(
        d,
        "page.xml",
        b"<!DOCTYPE html><html><body><p>Cinq.</p></body></html>",
    );
    let items = read(&[&jsonl, &warc, &html]);
    let formats: Vec<_> = docs(&items).iter().map(|d| d.source.format).collect();
    assert_eq!(
        formats,
        vec![
            Some(InputFormat::Jsonl),
            Some(InputFormat::Warc),
            Some(InputFormat::Html)
        ],
        "{items:?}"
    );
}

#[test]
fn forced_format_wins_over_the_extension() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "page.txt",
        b"<html><body><p>Un paragraphe.</p></body></html>",
    );
    let config = IngestConfig {
        input_format: Some(InputFormat::Html),
        ..IngestConfig::default()
    };
    let items = read_with(&[&path], &config);
    assert_eq!(docs(&items)[0].text, "Un paragraphe.");
    let as_text = read(&[&path]);
    assert!(docs(&as_text)[0].text.starts_with("<html>"));
}
