//! The corpus runner: read articles as a stream, analyse a batch in
//! parallel, write the batch in input order, repeat.
//!
//! Parallelism lives only here. Batches keep memory bounded (one batch of
//! articles and results at a time) and writing in input order makes the
//! output byte-identical whatever the thread count. Each article is analysed
//! under `catch_unwind`, so a bug on one article becomes its error row.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::analyze::{Analysis, analyze};
use crate::input::{Input, Reader};
use crate::lexicons::Lexicons;
use crate::output::{
    ARTICLE_COLUMNS, AtomicCsv, FileNames, SPEAKER_COLUMNS, STATEMENT_COLUMNS, article_row,
    error_row, num, safe, statement_rows,
};
use crate::speakers::SpeakerType;
use crate::tone::label_for;

pub struct Options {
    pub out: PathBuf,
    pub article_files: bool,
    pub raw_text: bool,
    pub excel: bool,
    pub quiet: bool,
    pub batch: usize,
    /// alias (lower case) -> canonical name, from `--speakers`.
    pub aliases: HashMap<String, String>,
}

#[derive(Default, Debug)]
pub struct Summary {
    pub articles: usize,
    pub statements: usize,
    pub failures: usize,
    pub seconds: f64,
}

#[derive(Default, Clone)]
struct SpeakerStats {
    name: String,
    kind: Option<SpeakerType>,
    title: String,
    n_articles: usize,
    last_article: usize,
    n: usize,
    optimism: f64,
    caution: f64,
    stance: f64,
    stance2: f64,
    sentiment: f64,
}

impl SpeakerStats {
    fn merge(&mut self, o: &SpeakerStats) {
        self.n_articles += o.n_articles;
        self.n += o.n;
        self.optimism += o.optimism;
        self.caution += o.caution;
        self.stance += o.stance;
        self.stance2 += o.stance2;
        self.sentiment += o.sentiment;
        if self.title.is_empty() {
            self.title = o.title.clone();
        }
    }
}

type Analysed = Result<Analysis, String>;

fn analyse_one(text: &str, lx: &Lexicons) -> Analysed {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyze(text, lx))).map_err(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".into());
        format!("internal error while analysing: {msg}")
    })
}

pub fn run(inputs: &[PathBuf], lx: &Lexicons, opt: &Options) -> io::Result<Summary> {
    let t0 = Instant::now();
    let out = &opt.out;
    std::fs::create_dir_all(out)?;
    let art_dir = out.join("articles");
    if opt.article_files {
        std::fs::create_dir_all(&art_dir)?;
    }
    let mut statements =
        AtomicCsv::create(&out.join("statements.csv"), STATEMENT_COLUMNS, opt.excel)?;
    let mut articles = AtomicCsv::create(&out.join("articles.csv"), ARTICLE_COLUMNS, opt.excel)?;
    let mut names = FileNames::default();
    let mut speakers: HashMap<(String, SpeakerType), SpeakerStats> = HashMap::new();
    let mut summary = Summary::default();
    let mut reader = Reader::new(inputs);
    let mut batch: Vec<Input> = Vec::with_capacity(opt.batch);
    let tty = !opt.quiet && std::io::IsTerminal::is_terminal(&std::io::stderr());
    loop {
        batch.clear();
        batch.extend(reader.by_ref().take(opt.batch));
        if batch.is_empty() {
            break;
        }
        let results: Vec<Option<Analysed>> = batch
            .par_iter()
            .map(|x| match x {
                Input::Ok(a) => Some(analyse_one(&a.text, lx)),
                Input::Failed { .. } => None,
            })
            .collect();
        for (input, res) in batch.iter().zip(results) {
            summary.articles += 1;
            let (id, source, error) = match (input, res) {
                (Input::Ok(a), Some(Ok(an))) => {
                    let rows = statement_rows(&a.id, &an, opt.raw_text);
                    for r in &rows {
                        statements.row(r)?;
                    }
                    if opt.article_files {
                        let mut f = AtomicCsv::create(
                            &art_dir.join(names.name(&a.id)),
                            STATEMENT_COLUMNS,
                            opt.excel,
                        )?;
                        for r in &rows {
                            f.row(r)?;
                        }
                        f.finish()?;
                    }
                    articles.row(&article_row(a, &an, opt.raw_text))?;
                    summary.statements += an.statements.len();
                    for st in &an.statements {
                        let name = opt
                            .aliases
                            .get(&st.speaker.to_lowercase())
                            .cloned()
                            .unwrap_or_else(|| st.speaker.clone());
                        let key = (name.to_lowercase(), st.speaker_type);
                        let e = speakers.entry(key).or_insert_with(|| SpeakerStats {
                            name: name.clone(),
                            kind: Some(st.speaker_type),
                            ..Default::default()
                        });
                        if e.n_articles == 0 || e.last_article != summary.articles {
                            e.n_articles += 1;
                            e.last_article = summary.articles;
                        }
                        if e.title.is_empty() {
                            e.title = st.speaker_title.clone();
                        }
                        let s = &st.score;
                        e.n += 1;
                        e.optimism += s.optimism as f64;
                        e.caution += s.caution as f64;
                        e.stance += s.stance as f64;
                        e.stance2 += (s.stance as f64) * (s.stance as f64);
                        e.sentiment += s.sentiment as f64;
                    }
                    continue;
                }
                (Input::Ok(a), Some(Err(e))) => (a.id.clone(), a.source.clone(), e),
                (Input::Failed { id, source, error }, _) => {
                    (id.clone(), source.clone(), error.clone())
                }
                (Input::Ok(a), None) => (a.id.clone(), a.source.clone(), "not analysed".into()),
            };
            summary.failures += 1;
            if !opt.quiet {
                eprintln!("stance: {source}: {error} (article {id})");
            }
            articles.row(&error_row(&id, &source, &error, opt.raw_text))?;
            if opt.article_files {
                AtomicCsv::create(&art_dir.join(names.name(&id)), STATEMENT_COLUMNS, opt.excel)?
                    .finish()?;
            }
        }
        if tty {
            let secs = t0.elapsed().as_secs_f64();
            eprint!(
                "\rstance: {} articles, {} statements, {:.0} articles/s   ",
                summary.articles,
                summary.statements,
                summary.articles as f64 / secs.max(1e-9)
            );
        }
    }
    if tty {
        eprintln!();
    }
    statements.finish()?;
    articles.finish()?;
    write_speakers(out, speakers, opt)?;
    summary.seconds = t0.elapsed().as_secs_f64();
    Ok(summary)
}

/// Merge one-word person names into the unique fuller name with the same
/// last word ("Macron" -> "Emmanuel Macron"), then write speakers.csv.
fn write_speakers(
    out: &Path,
    speakers: HashMap<(String, SpeakerType), SpeakerStats>,
    opt: &Options,
) -> io::Result<()> {
    let mut list: Vec<((String, SpeakerType), SpeakerStats)> = speakers.into_iter().collect();
    list.sort_by(|a, b| a.0.cmp(&b.0));
    let mut merged: Vec<Option<SpeakerStats>> = list.iter().map(|(_, s)| Some(s.clone())).collect();
    for i in 0..list.len() {
        let ((key, kind), _) = &list[i];
        if *kind != SpeakerType::Person || key.contains(' ') {
            continue;
        }
        let fuller: Vec<usize> = (0..list.len())
            .filter(|&j| {
                j != i
                    && list[j].0.1 == SpeakerType::Person
                    && list[j].0.0.contains(' ')
                    && list[j].0.0.rsplit(' ').next() == Some(key.as_str())
            })
            .collect();
        if fuller.len() == 1
            && let Some(s) = merged[i].take()
            && let Some(t) = merged[fuller[0]].as_mut()
        {
            t.merge(&s);
        }
    }
    let mut w = AtomicCsv::create(&out.join("speakers.csv"), SPEAKER_COLUMNS, opt.excel)?;
    for s in merged.into_iter().flatten() {
        let n = s.n.max(1) as f64;
        let mean = s.stance / n;
        let var = (s.stance2 / n - mean * mean).max(0.0);
        let sd = if s.n > 1 {
            (var * n / (n - 1.0)).sqrt()
        } else {
            0.0
        };
        let (o, c) = ((s.optimism / n) as f32, (s.caution / n) as f32);
        w.row(&[
            safe(&s.name, opt.raw_text),
            s.kind.unwrap_or(SpeakerType::Unknown).as_str().into(),
            safe(&s.title, opt.raw_text),
            s.n_articles.to_string(),
            s.n.to_string(),
            num(o),
            num(c),
            num(mean as f32),
            num(sd as f32),
            num((s.sentiment / n) as f32),
            label_for(o, c).as_str().into(),
        ])?;
    }
    w.finish()
}
