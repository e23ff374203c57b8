use recoupe_ingest::{IngestConfig, read_inputs};
use recoupe_text::{TextConfig, prepare};
#[test]
fn dump() {
    let docs: Vec<_> = read_inputs(&[concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/aleppo-2016").to_owned(), concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds/002_5aa226b6979a4b4e.txt").to_owned()], &IngestConfig::default())
        .filter_map(|i| i.document().cloned())
        .map(|i| { let mut d = prepare(i, &TextConfig::default()); recoupe_extract::annotate(&mut d); d })
        .collect();
    let names = recoupe_ledger::stories::document_names(&docs);
    for (d, n) in docs.iter().zip(names) {
        let mut n: Vec<_> = n.into_iter().collect();
        n.sort_by(|a, b| a.0.cmp(&b.0));
        println!("{} {:?} {:?}\n   {:?}", d.source.label(), d.published, d.annotations.reference_date, n);
    }
}
