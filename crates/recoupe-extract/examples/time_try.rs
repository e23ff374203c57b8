//! Prints the time expressions of a text given on the command line, or the inferred date of a
//! file: `cargo run -p recoupe-extract --example time_try -- fr 2016-12-15 "ce jeudi"`,
//! `cargo run -p recoupe-extract --example time_try -- fr infer article.txt ["11 décembre 2016"]`.
use recoupe_model::Lang;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let lang = Lang::parse(args.get(1).map_or("fr", String::as_str)).unwrap_or(Lang::Fr);
    if args.get(2).map(String::as_str) == Some("infer") {
        let text = args
            .get(3)
            .and_then(|p| std::fs::read_to_string(p).ok())
            .unwrap_or_default();
        let embeds: Vec<&str> = args.iter().skip(4).map(String::as_str).collect();
        let got = recoupe_extract::time::infer_document_date(&text, lang, &embeds);
        println!("{}", serde_json::to_string_pretty(&got).unwrap_or_default());
        return;
    }
    let reference = args
        .get(2)
        .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    let text = args.get(3).cloned().unwrap_or_default();
    for e in recoupe_extract::time::find_times(&text, lang, reference) {
        println!("{}", serde_json::to_string(&e).unwrap_or_default());
    }
}
