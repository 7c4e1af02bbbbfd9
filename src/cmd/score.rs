//! `stance score`: score a corpus to CSV.
//!
//! Usage: stance score [OPTIONS] <INPUT>...
//!
//! INPUT is a .txt file (one article), a directory (every .txt, .jsonl,
//! .ndjson and .csv under it, recursively, in sorted order), a .jsonl/.ndjson
//! file (one article per line: `id`, `text`, optional `title`, `date`,
//! `source`), a .csv file with `id` and `text` columns, or `-` for JSONL on
//! standard input. Writes DIR/articles/<id>.csv, DIR/statements.csv,
//! DIR/speakers.csv and DIR/articles.csv.

use std::collections::HashMap;
use std::path::PathBuf;

use stance::corpus::{Existing, Format, Options, run as run_corpus};

use super::LexiconArgs;

#[derive(clap::ValueEnum, Debug, Clone, Copy)]
pub enum FormatArg {
    Csv,
    Jsonl,
}

/// Score articles: one CSV per article plus corpus-wide tables.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Articles: .txt, .jsonl/.ndjson, .csv files, directories, or - for JSONL on stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Output directory, or - to stream statements to standard output
    /// (no per-article files or corpus tables then).
    #[arg(long, default_value = "stance-out", value_name = "DIR")]
    pub out: PathBuf,
    /// Statements as csv or jsonl (statements.jsonl, or JSON lines on standard output with --out -).
    #[arg(long, value_enum, default_value = "csv")]
    pub format: FormatArg,
    /// Worker threads (default: all cores). Output is identical for any value.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Do not write one CSV per article (corpus tables only).
    #[arg(long)]
    pub no_article_files: bool,
    /// Write text cells as they are, without neutralising spreadsheet formulas.
    #[arg(long)]
    pub raw_text: bool,
    /// Start the CSV files with a UTF-8 byte-order mark (for Excel).
    #[arg(long)]
    pub excel: bool,
    /// Merge speakers across articles with an alias file: `alias,canonical` per line.
    #[arg(long, value_name = "FILE")]
    pub speakers: Option<PathBuf>,
    /// No progress or per-article messages on standard error.
    #[arg(long)]
    pub quiet: bool,
    /// Replace the results already in --out (a folder with results is refused otherwise).
    #[arg(long, conflicts_with = "resume")]
    pub force: bool,
    /// Finish an interrupted run in --out: skip articles already done, then rebuild the tables.
    #[arg(long)]
    pub resume: bool,
    #[command(flatten)]
    pub lex: LexiconArgs,
}

fn read_aliases(path: &PathBuf) -> Result<HashMap<String, String>, String> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let mut m = HashMap::new();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))?;
        if rec.len() != 2 {
            return Err(format!(
                "{}:{}: expected `alias,canonical`",
                path.display(),
                i + 1
            ));
        }
        if i == 0 && rec[0].eq_ignore_ascii_case("alias") {
            continue;
        }
        m.insert(rec[0].trim().to_lowercase(), rec[1].trim().to_string());
    }
    Ok(m)
}

pub fn run(a: Args) -> u8 {
    let lx = match a.lex.load() {
        Ok(l) => l,
        Err(code) => return code,
    };
    let aliases = match &a.speakers {
        Some(p) => match read_aliases(p) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("stance: speakers file: {e}");
                return 2;
            }
        },
        None => HashMap::new(),
    };
    for p in &a.inputs {
        if p.as_os_str() != "-" && !p.exists() {
            eprintln!("stance: input not found: {}", p.display());
            return 2;
        }
    }
    if let Some(n) = a.threads {
        if n == 0 {
            eprintln!("stance: --threads must be at least 1");
            return 2;
        }
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
        {
            eprintln!("stance: cannot start {n} threads: {e}");
            return 2;
        }
    }
    let opt = Options {
        out: a.out.clone(),
        article_files: !a.no_article_files,
        raw_text: a.raw_text,
        excel: a.excel,
        quiet: a.quiet,
        batch: 256,
        aliases,
        format: match a.format {
            FormatArg::Csv => Format::Csv,
            FormatArg::Jsonl => Format::Jsonl,
        },
        stream: a.out.as_os_str() == "-",
        existing: if a.force {
            Existing::Force
        } else if a.resume {
            Existing::Resume
        } else {
            Existing::Refuse
        },
    };
    match run_corpus(&a.inputs, lx, &opt) {
        Ok(s) => {
            if !a.quiet {
                eprintln!(
                    "stance: {} articles, {} statements, {} failed, {:.2} s -> {}",
                    s.articles,
                    s.statements,
                    s.failures,
                    s.seconds,
                    a.out.display()
                );
            }
            if s.failures > 0 { 1 } else { 0 }
        }
        // a reader that stops early (`stance score --out - ... | head`) is not an error
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!("stance: {e}");
            2
        }
        Err(e) => {
            eprintln!("stance: cannot write output to {}: {e}", a.out.display());
            2
        }
    }
}
