//! End-to-end tests: the real `recoupe` binary, run in a fresh temporary directory.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn shared_dir() -> Option<PathBuf> {
    let dir = workspace_root().join("../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: ../shared not found");
        None
    }
}

/// Runs `recoupe` with `args` in `dir`, feeding `stdin` when given.
fn recoupe(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_recoupe"))
        .args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the recoupe binary starts");
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        pipe.write_all(bytes).expect("stdin accepts the input");
    }
    child.wait_with_output().expect("recoupe finishes")
}

fn documents(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is a JSON document"))
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn slice(doc: &Value, span: &Value) -> String {
    let text = doc["text"].as_str().unwrap_or("");
    let (s, e) = (
        span["start"].as_u64().unwrap_or(0) as usize,
        span["end"].as_u64().unwrap_or(0) as usize,
    );
    text.get(s..e).unwrap_or("<bad span>").to_owned()
}

/// A readable digest of a document: what a reviewer checks in a snapshot.
fn digest(doc: &Value) -> String {
    let mut out = String::new();
    let source = &doc["source"];
    let path = source["path"].as_str().unwrap_or("");
    let name = Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path);
    out += &format!("## {name} {}\n", source["record"].as_str().unwrap_or(""));
    out += &format!("id: {}\n", doc["id"]);
    out += &format!("outlet: {}\n", doc["outlet"]);
    out += &format!("title: {}\n", doc["title"]);
    out += &format!("published: {}\n", doc["published"]);
    out += &format!("language: {}\n", doc["language"]["lang"]);
    for relay in doc["relays"].as_array().into_iter().flatten() {
        out += &format!("relay: {} ({})\n", relay["name"], relay["rule"]);
    }
    for embed in doc["embeds"].as_array().into_iter().flatten() {
        out += &format!(
            "embed: {} {} {} {}\n",
            embed["kind"], embed["author"], embed["handle"], embed["date_text"]
        );
    }
    for removal in doc["removed"].as_array().into_iter().flatten() {
        let text = slice(doc, &removal["span"]);
        let first = text.lines().next().unwrap_or("");
        out += &format!("removed {}: {first:?}\n", removal["kind"]);
    }
    for q in doc["annotations"]["quantities"]
        .as_array()
        .into_iter()
        .flatten()
    {
        if q["is_figure"] != true {
            out += &format!("not a figure: {:?} {}\n", slice(doc, &q["span"]), q["kind"]);
            continue;
        }
        out += &format!(
            "figure: {:?} {} {} best={} low={} high={} unit={}\n",
            slice(doc, &q["span"]),
            q["kind"],
            q["qualifier"],
            q["best"],
            q["low"],
            q["high"],
            q["unit"]["id"],
        );
    }
    let annotations = &doc["annotations"];
    out += &format!("reference date: {}\n", annotations["reference_date"]);
    if let Some(inferred) = annotations.get("inferred_date") {
        out += &format!(
            "inferred date: {} (confidence {:.2})\n",
            inferred["date"],
            inferred["confidence"].as_f64().unwrap_or(0.0)
        );
    }
    for t in annotations["times"].as_array().into_iter().flatten() {
        out += &format!(
            "time: {:?} {} window={} resolved={}\n",
            slice(doc, &t["span"]),
            t["kind"],
            t["window"],
            t["resolved"]
        );
    }
    let mut canonical = std::collections::HashMap::new();
    for e in annotations["entities"].as_array().into_iter().flatten() {
        canonical.insert(e["id"].as_str().unwrap_or(""), e["canonical"].clone());
        let mentions: Vec<String> = e["mentions"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|m| slice(doc, &m["span"]))
            .collect();
        out += &format!("entity {}: {} {:?}\n", e["kind"], e["canonical"], mentions);
    }
    for s in annotations["speech"].as_array().into_iter().flatten() {
        let content = slice(doc, &s["content"]);
        let start: String = content.chars().take(40).collect();
        let speaker = s["speaker_entity"]
            .as_str()
            .and_then(|id| canonical.get(id))
            .cloned()
            .unwrap_or(Value::Null);
        out += &format!(
            "speech {}: {start:?}… ← {:?} = {speaker} ({})\n",
            s["kind"],
            s["speaker"]["text"].as_str().unwrap_or(""),
            s["rule"]
        );
    }
    for c in annotations["claims"].as_array().into_iter().flatten() {
        out += &format!(
            "claim: {:?} {} | {} ({}) | {} ({}, {}) | {} | {} | {} {} {}\n",
            c["figure"]["text"].as_str().unwrap_or(""),
            c["figure"]["qualifier"],
            c["counted"]["text"],
            c["counted"]["category"],
            c["predicate"]["text"],
            c["predicate"]["category"],
            c["predicate"]["modality"],
            c["time"]["kind"],
            c["place"]["name"],
            c["attribution"]["how"],
            c["attribution"]["speaker"],
            c["attribution"]["organisation"],
        );
    }
    for sentence in doc["sentences"].as_array().into_iter().flatten() {
        out += &format!(
            "s{}: {}\n",
            sentence["paragraph"],
            slice(doc, &sentence["span"]).replace('\n', "⏎")
        );
    }
    out
}

#[test]
fn extract_example_corpus() {
    let root = workspace_root();
    let output = recoupe(&root, &["extract", "examples/aleppo-2016"], None);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let docs = documents(&output);
    assert!(docs.len() >= 8, "only {} documents", docs.len());
    for doc in &docs {
        assert_eq!(doc["schema"], "recoupe.document/1");
        assert!(!doc["sentences"].as_array().unwrap().is_empty());
    }
    let digests: Vec<String> = docs.iter().map(digest).collect();
    insta::assert_snapshot!("example_corpus", digests.join("\n"));
}

#[test]
fn extract_seeds_finds_relays_and_removes_boilerplate() {
    let Some(shared) = shared_dir() else { return };
    let output = recoupe(&shared, &["extract", "seeds"], None);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let docs = documents(&output);
    assert_eq!(docs.len(), 5);
    let relays = |i: usize| -> Vec<String> {
        docs[i]["relays"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(relays(0), ["RT", "Sputnik", "AFP"]);
    assert_eq!(relays(1), ["Sputnik", "RT"]);
    assert_eq!(docs[2]["outlet"]["name"], "Euronews");
    assert_eq!(docs[4]["embeds"][0]["handle"], "RTenfrancais");
    for doc in &docs {
        let normalized = doc["normalized"]["text"].as_str().unwrap();
        assert!(!normalized.contains("Publicité"), "{normalized}");
        assert!(!normalized.contains("PUBLICITÉ"), "{normalized}");
        assert!(!normalized.contains("Partager cet article"));
    }
    let digests: Vec<String> = docs.iter().map(digest).collect();
    insta::assert_snapshot!("seeds", digests.join("\n"));
}

#[test]
fn bad_inputs_are_reported_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(
        p.join("good.txt"),
        "Titre\n\nPlus de 13 000 civils ont été évacués.\n",
    )
    .unwrap();
    std::fs::write(p.join("empty.txt"), "").unwrap();
    std::fs::write(p.join("binary.txt"), [0u8, 159, 146, 150, 0, 0, 1, 2, 3]).unwrap();
    std::fs::write(
        p.join("lines.jsonl"),
        "{\"id\": \"ok\", \"text\": \"Un texte.\"}\n{not json\n{\"id\": \"ok2\", \"text\": \"Deux.\"}\n",
    )
    .unwrap();
    std::fs::write(p.join("feed.rss"), "<html><body>not a feed</body></html>").unwrap();
    std::fs::write(p.join("cut.warc.gz"), [0x1f, 0x8b, 0x08, 0x00, 0x00]).unwrap();
    std::fs::write(
        p.join("latin1.txt"),
        b"D\xe9j\xe0 vu, une phrase en fran\xe7ais.\n",
    )
    .unwrap();

    let output = recoupe(p, &["extract", "."], None);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "stderr: {err}");
    let docs = documents(&output);
    let ids: Vec<&str> = docs.iter().filter_map(|d| d["id"].as_str()).collect();
    assert!(ids.contains(&"ok") && ids.contains(&"ok2"), "{ids:?}");
    assert_eq!(
        docs.len(),
        4,
        "good.txt, two JSONL lines and latin1.txt: {ids:?}"
    );
    for needle in [
        "empty.txt",
        "binary.txt",
        "lines.jsonl",
        "line 2",
        "feed.rss",
        "cut.warc.gz",
    ] {
        assert!(err.contains(needle), "stderr does not name {needle}: {err}");
    }
    assert!(
        err.contains("latin1.txt") && err.contains("warning"),
        "{err}"
    );
}

#[test]
fn reads_standard_input_and_honours_flags() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Le ministère a annoncé l'évacuation de 5 992 civils.\n";
    let output = recoupe(
        dir.path(),
        &["extract", "--lang", "en", "--input-format", "text", "-"],
        Some(text.as_bytes()),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let docs = documents(&output);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["language"]["lang"], "en");
    assert_eq!(docs[0]["language"]["origin"], "flag");
    assert_eq!(docs[0]["source"]["path"], "-");
}

#[test]
fn missing_input_is_an_error_but_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Une phrase.\n").unwrap();
    let output = recoupe(dir.path(), &["extract", "a.txt", "nope.txt"], None);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(documents(&output).len(), 1);
    assert!(stderr(&output).contains("nope.txt"));
}

#[test]
fn usage_errors_exit_with_two_and_help_explains() {
    let dir = tempfile::tempdir().unwrap();
    let output = recoupe(dir.path(), &["extract"], None);
    assert_eq!(output.status.code(), Some(2));
    let help = recoupe(dir.path(), &["extract", "--help"], None);
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(text.contains("--input-format") && text.contains("standard input"));
}

#[test]
fn pretty_output_is_one_json_value_per_document() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Une phrase. Une autre.\n").unwrap();
    let output = recoupe(dir.path(), &["extract", "--pretty", "a.txt"], None);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    let values: Vec<Value> = serde_json::Deserializer::from_str(&text)
        .into_iter::<Value>()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(values.len(), 1);
    assert!(text.lines().count() > 10);
}

/// `analyze` with RAYON_NUM_THREADS=`threads`, JSON on standard output.
fn analyze_with_threads(threads: usize, inputs: &[String]) -> Vec<u8> {
    let mut args = vec!["analyze", "--quiet", "--format", "json"];
    args.extend(inputs.iter().map(String::as_str));
    let output = Command::new(env!("CARGO_BIN_EXE_recoupe"))
        .args(&args)
        .current_dir(workspace_root())
        .env("RAYON_NUM_THREADS", threads.to_string())
        .stdin(Stdio::null())
        .output()
        .expect("recoupe runs");
    assert!(output.status.success(), "{}", stderr(&output));
    output.stdout
}

#[test]
fn analyze_output_is_the_same_on_one_thread_and_on_many() {
    let mut inputs = vec!["examples/aleppo-2016".to_owned()];
    if let Some(shared) = shared_dir() {
        inputs.push(shared.join("seeds").display().to_string());
    }
    let one = analyze_with_threads(1, &inputs);
    let many = analyze_with_threads(4, &inputs);
    assert!(!one.is_empty());
    assert!(one == many, "the ledger depends on the number of threads");
}
