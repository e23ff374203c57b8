//! Prints the time expressions of a text given on the command line:
//! `cargo run -p recoupe-extract --example time_try -- fr 2016-12-15 "ce jeudi"`.
use recoupe_model::Lang;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let lang = Lang::parse(args.get(1).map_or("fr", String::as_str)).unwrap_or(Lang::Fr);
    let reference = args
        .get(2)
        .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    let text = args.get(3).cloned().unwrap_or_default();
    for e in recoupe_extract::time::find_times(&text, lang, reference) {
        println!("{}", serde_json::to_string(&e).unwrap_or_default());
    }
}
