//! Prints the conformance table against Recognizers-Text's date specs, and with `--failures`
//! every case that fails the strict comparison (marked `relaxed-ok` when it passes the relaxed
//! one): `cargo run -p recoupe-extract --example time_conformance -- --failures`.

#[path = "../tests/conformance_time/runner.rs"]
#[allow(dead_code)]
mod runner;

fn main() {
    let Some(dir) = runner::spec_dir() else {
        eprintln!("skipped: ../shared not found");
        return;
    };
    let (scores, failures) = runner::score_all(&dir);
    println!("{}", runner::table(&scores));
    let filter = std::env::args().nth(2);
    if std::env::args().any(|a| a == "--failures") {
        for f in failures
            .iter()
            .filter(|f| filter.as_deref().is_none_or(|x| f.file.contains(x)))
        {
            println!(
                "{}\t{}{}\t{:?}\texpected {:?}\tgot {:?}",
                f.file,
                if f.supported { "S" } else { "NS" },
                if f.relaxed_pass { " relaxed-ok" } else { "" },
                f.input,
                f.expected,
                f.got
            );
        }
    }
}
