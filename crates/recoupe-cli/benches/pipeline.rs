//! Throughput of the per-document pipeline on the 1,122-article French press corpus, one
//! thread: reading alone, reading + the text stage (normalize, boilerplate, segment,
//! language), and the whole pipeline (+ every annotator of the extract stage). Run with
//! `cargo bench -p recoupe-cli --bench pipeline`; numbers go to BENCHMARKS.md. Skips (and
//! says so) when ../shared is absent.

use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The allocator of the `recoupe` binary, so the bench measures what the binary runs.
#[global_allocator]
static ALLOCATOR: recoupe_alloc::MiMalloc = recoupe_alloc::MiMalloc;
use recoupe_ingest::{IngestConfig, Item, read_inputs};
use recoupe_text::{TextConfig, prepare};

fn corpus() -> Option<(String, u64)> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpora/fr-press-1122.jsonl");
    let meta = std::fs::metadata(&path).ok()?;
    Some((path.to_string_lossy().into_owned(), meta.len()))
}

fn pipeline(c: &mut Criterion) {
    let Some((path, bytes)) = corpus() else {
        eprintln!("skipped: ../shared/corpora/fr-press-1122.jsonl not found");
        return;
    };
    let inputs = vec![path];
    let ingest = IngestConfig::default();
    let text = TextConfig::default();
    let mut group = c.benchmark_group("fr-press-1122");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("ingest", |b| {
        b.iter(|| {
            read_inputs(&inputs, &ingest)
                .filter(|item| matches!(item, Item::Document(_)))
                .count()
        })
    });
    group.bench_function("ingest+text", |b| {
        b.iter(|| {
            let mut sentences = 0;
            for item in read_inputs(&inputs, &ingest) {
                if let Item::Document(input) = item {
                    sentences += prepare(input, &text).sentences.len();
                }
            }
            sentences
        })
    });
    group.bench_function("ingest+text+extract", |b| {
        b.iter(|| {
            let mut annotations = 0;
            for item in read_inputs(&inputs, &ingest) {
                if let Item::Document(input) = item {
                    let mut doc = prepare(input, &text);
                    recoupe_extract::annotate(&mut doc);
                    annotations += doc.annotations.quantities.len();
                }
            }
            annotations
        })
    });
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
