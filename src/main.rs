//! The `stance` binary: parses the command line and wires the library's
//! pieces together; each subcommand lives in its own file under `cmd/`.

mod cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Who said what in news articles, and how optimistic or cautious they were.
///
/// Exit codes: 0 everything scored; 1 some articles failed (everything else
/// was written); 2 usage or configuration error (bad option, bad lexicon).
#[derive(Parser)]
#[command(name = "stance", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Score(cmd::score::Args),
    Explain(cmd::explain::Args),
    Eval(cmd::eval::Args),
}

fn main() -> ExitCode {
    // A panic inside one article's analysis becomes that article's error row
    // (see corpus.rs); keep the default hook from printing a backtrace banner.
    std::panic::set_hook(Box::new(|info| {
        if std::env::var_os("STANCE_DEBUG").is_some() {
            eprintln!("stance: panic: {info}");
        }
    }));
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Score(a) => cmd::score::run(a),
        Command::Explain(a) => cmd::explain::run(a),
        Command::Eval(a) => cmd::eval::run(a),
    };
    ExitCode::from(code)
}
