//! Subcommands, one file each, and the plumbing they share.

pub mod eval;
pub mod explain;
pub mod score;

use std::path::PathBuf;

use stance::lexicons::Lexicons;

/// Lexicon options shared by every subcommand.
#[derive(clap::Args, Debug, Clone)]
pub struct LexiconArgs {
    /// Read lexicon files from DIR instead of the built-in ones (start from a copy of `lexicons/`).
    #[arg(long, value_name = "DIR")]
    pub lexicons: Option<PathBuf>,
    /// Add or override entries from FILE (named *optimism*, *caution* or *sentiment*); repeatable.
    #[arg(long = "lexicon", value_name = "FILE")]
    pub extra: Vec<PathBuf>,
}

impl LexiconArgs {
    /// Load the lexicons or print `file:line: problem` and return exit code 2.
    ///
    /// They are kept until the process ends and never dropped: freeing the
    /// tens of thousands of entries one by one cost as much as a fifth of
    /// a short run (`stance` called once per file in a pipeline), and the
    /// operating system takes the memory back at exit anyway.
    pub fn load(&self) -> Result<&'static Lexicons, u8> {
        let lx = match &self.lexicons {
            Some(d) => Lexicons::from_dir(d),
            None => Lexicons::built_in(),
        };
        let mut lx = lx.map_err(|e| {
            eprintln!("stance: lexicon error: {e}");
            2u8
        })?;
        for f in &self.extra {
            lx.add_file(f).map_err(|e| {
                eprintln!("stance: lexicon error: {e}");
                2u8
            })?;
        }
        Ok(Box::leak(Box::new(lx)))
    }
}
