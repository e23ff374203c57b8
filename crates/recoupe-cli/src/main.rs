//! `recoupe`: the command line. Flag definitions and glue only; the work lives in the
//! stage crates (ingest → text → extract).

mod analyze;
mod claims;
mod eval;
mod extract;
mod report;

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use recoupe_model::{InputFormat, Lang};

/// mimalloc instead of the system allocator: the annotators allocate many small strings and
/// vectors per document, and glibc's malloc and free took about an eighth of the pipeline's
/// instructions (BENCHMARKS.md, "Speed").
#[global_allocator]
static ALLOCATOR: recoupe_alloc::MiMalloc = recoupe_alloc::MiMalloc;

/// recoupe reads news articles about a crisis and turns them into a ledger of claims:
/// every figure reported, what is counted, when, where, who says so and which outlet
/// relayed it.
///
/// Inputs can be plain text, JSONL, HTML pages, RSS/Atom feeds and WARC archives, given as
/// files, directories (read recursively), glob patterns, or `-` for standard input.
/// Problems with an input are reported on standard error with the file (and record) and the
/// reason; everything else is still processed.
#[derive(Debug, Parser)]
#[command(name = "recoupe", version, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read articles and print one JSON document per article (JSON Lines): clean text,
    /// paragraphs, sentences, language, outlet, relayed sources, embeds, what was removed as
    /// boilerplate, and the numbers and amounts of every sentence (value or interval,
    /// qualifier, unit, and whether it is a figure at all).
    ///
    /// Exit status: 0 when every input was read, 1 when some input or record could not be
    /// read (the others are still printed), 2 on a usage error.
    ///
    /// Example: recoupe extract examples/aleppo-2016 --pretty
    Extract(ExtractArgs),

    /// Score recoupe against the hand-annotated gold set (`gold/`: the five seed articles of
    /// `../shared/seeds` and the example corpus) and print precision, recall and F1 per task.
    ///
    /// Run it from the repository root. Exit status 1 when a gold file or document could not
    /// be used.
    Eval(EvalArgs),

    /// Read articles and print their claims: every figure with its qualifier, what is
    /// counted, what happened, the time window, the place, who says so, the outlet and the
    /// date. A table for people by default; `--format json` prints one claim per line (JSON
    /// Lines, described by `schemas/claim.schema.json`), `--format csv` a spreadsheet.
    ///
    /// Exit status: as for `extract`.
    ///
    /// Example: recoupe claims examples/aleppo-2016 --format csv
    Claims(ClaimsArgs),

    /// Read a corpus and print its ledger: the claims grouped by what they measure and
    /// ordered in time, the checks (agreements, conflicts, parts larger than their whole,
    /// cumulative totals that fall or jump, daily figures that do not add up, copies), the
    /// independence of each measure's sources and what each outlet relays. Markdown for
    /// people by default; `--format json` prints the whole ledger (`recoupe.ledger/1`).
    ///
    /// Exit status: as for `extract`.
    ///
    /// Example: recoupe analyze examples/aleppo-2016
    Analyze(AnalyzeArgs),
}

#[derive(Debug, Args)]
struct AnalyzeArgs {
    #[command(flatten)]
    input: InputArgs,

    /// How to print the ledger: Markdown for a terminal, JSON (the whole ledger), or one
    /// standalone HTML page with a timeline chart per measure.
    #[arg(long, value_enum, default_value = "md")]
    format: AnalyzeFormat,

    /// Write the report to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<std::path::PathBuf>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum AnalyzeFormat {
    Md,
    Json,
    Html,
}

#[derive(Debug, Args)]
struct ClaimsArgs {
    #[command(flatten)]
    input: InputArgs,

    /// How to print the claims.
    #[arg(long, value_enum, default_value = "table")]
    format: ClaimsFormat,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ClaimsFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Args)]
struct EvalArgs {
    /// The repository root, holding `gold/` and `examples/` (default: the current directory).
    #[arg(long, value_name = "DIR")]
    repo: Option<std::path::PathBuf>,

    /// The shared test material holding `seeds/` (default: `../shared` beside the repository).
    #[arg(long, value_name = "DIR")]
    shared: Option<std::path::PathBuf>,

    /// Print the report as JSON instead of a Markdown table.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct InputArgs {
    /// Files, directories, glob patterns, or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<String>,

    /// Read every input as this format instead of choosing by file extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<FormatArg>,

    /// Treat every document as written in this language instead of identifying it.
    #[arg(long, value_enum, value_name = "LANG")]
    lang: Option<LangArg>,

    /// Skip files (and single JSONL or WARC records) larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = recoupe_ingest::IngestConfig::default().max_file_bytes)]
    max_file_size: u64,

    /// Print no summary and no warnings on standard error, only errors.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,

    /// Indent the JSON for people (one document after another, not JSON Lines).
    #[arg(long)]
    pretty: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    Text,
    Jsonl,
    Html,
    Feed,
    Warc,
}

impl From<FormatArg> for InputFormat {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Text => InputFormat::Text,
            FormatArg::Jsonl => InputFormat::Jsonl,
            FormatArg::Html => InputFormat::Html,
            FormatArg::Feed => InputFormat::Feed,
            FormatArg::Warc => InputFormat::Warc,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LangArg {
    Fr,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Claims(args) => claims::run(&args),
        Command::Analyze(args) => analyze::run(&args),
    };
    match result {
        Ok(outcome) => outcome.exit_code(),
        Err(err) => {
            // A broken stdout pipe (`recoupe extract … | head`) is not an error worth a message.
            if let Some(io) = err.downcast_ref::<std::io::Error>()
                && io.kind() == std::io::ErrorKind::BrokenPipe
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("recoupe: {err:#}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
