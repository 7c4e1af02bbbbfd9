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
    ARTICLE_COLUMNS, AtomicCsv, AtomicFile, FileNames, SPEAKER_COLUMNS, encode_article,
    encode_error, encode_rows, encode_statements, num, safe, statement_header, statement_json,
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
    /// An output folder that already holds results: refuse, start over, or resume.
    pub existing: Existing,
    /// Statements as CSV or JSONL.
    pub format: Format,
    /// `--out -`: statements only, streamed to standard output.
    pub stream: bool,
}

/// How statements are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Jsonl,
}

/// Where statements go: a table in the output folder or standard output.
enum Sink {
    Csv(AtomicCsv),
    Jsonl(AtomicFile),
    StdoutCsv(io::BufWriter<io::Stdout>),
    StdoutJsonl(io::BufWriter<io::Stdout>),
}

impl Sink {
    fn write(&mut self, o: &Outcome) -> io::Result<()> {
        match self {
            Sink::Csv(w) => w.encoded(&o.statements),
            Sink::StdoutCsv(w) => io::Write::write_all(w, o.statements.as_bytes()),
            Sink::Jsonl(w) => o.json.iter().try_for_each(|l| w.line(l)),
            Sink::StdoutJsonl(w) => o.json.iter().try_for_each(|l| {
                io::Write::write_all(w, l.as_bytes())?;
                io::Write::write_all(w, b"\n")
            }),
        }
    }
    fn finish(self) -> io::Result<()> {
        match self {
            Sink::Csv(w) => w.finish(),
            Sink::Jsonl(w) => w.finish(),
            Sink::StdoutCsv(mut w) => io::Write::flush(&mut w),
            Sink::StdoutJsonl(mut w) => io::Write::flush(&mut w),
        }
    }
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

/// Text that makes the analysis panic when `STANCE_TEST_PANIC` is set, so the
/// tests can prove a panic becomes an error row (the last line of defence).
const TEST_PANIC_MARK: &str = "<<stance-test-panic>>";

fn analyse_one(text: &str, lx: &Lexicons) -> Analysed {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if text.contains(TEST_PANIC_MARK) && std::env::var_os("STANCE_TEST_PANIC").is_some() {
            panic!("test panic requested");
        }
        analyze(text, lx)
    }))
    .map_err(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".into());
        format!("internal error while analysing: {msg}")
    })
}

/// Everything the writers need from one article, as plain rows. It is also
/// what the resume journal keeps, so a resumed run writes exactly the bytes
/// a clean run would.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Outcome {
    id: String,
    /// The articles.csv row, CSV-encoded.
    article: String,
    /// The statement rows, CSV-encoded ([`encode_rows`]).
    statements: String,
    n_statements: usize,
    /// Raw (not spreadsheet-escaped) speaker fields and scores per statement:
    /// name, type, title, optimism, caution, stance, sentiment.
    speakers: Vec<(String, String, String, f32, f32, f32, f32)>,
    /// Set for an article that could not be read or analysed.
    error: Option<(String, String)>,
    /// The statements as JSON objects (only with `--format jsonl`).
    #[serde(default)]
    json: Vec<String>,
}

fn outcome(input: &Input, res: Option<Analysed>, raw: bool, json: Option<&[String]>) -> Outcome {
    match (input, res) {
        (Input::Ok(a), Some(Ok(an))) => Outcome {
            json: match json {
                Some(extra) => an
                    .statements
                    .iter()
                    .enumerate()
                    .map(|(i, st)| statement_json(&a.id, i, st, &an.doc.text, extra))
                    .collect(),
                None => Vec::new(),
            },
            id: a.id.clone(),
            article: encode_article(a, &an, raw),
            statements: encode_statements(&a.id, &an, raw),
            n_statements: an.statements.len(),
            speakers: an
                .statements
                .iter()
                .map(|st| {
                    (
                        st.speaker.clone(),
                        st.speaker_type.as_str().to_string(),
                        st.speaker_title.clone(),
                        st.score.optimism,
                        st.score.caution,
                        st.score.stance,
                        st.score.sentiment,
                    )
                })
                .collect(),
            error: None,
        },
        (input, res) => {
            let (id, source, error) = match (input, res) {
                (Input::Ok(a), Some(Err(e))) => (a.id.clone(), a.source.clone(), e),
                (Input::Failed { id, source, error }, _) => {
                    (id.clone(), source.clone(), error.clone())
                }
                (Input::Ok(a), _) => (a.id.clone(), a.source.clone(), "not analysed".into()),
            };
            Outcome {
                article: encode_error(&id, &source, &error, raw),
                id,
                statements: String::new(),
                n_statements: 0,
                speakers: Vec::new(),
                error: Some((source, error)),
                json: Vec::new(),
            }
        }
    }
}

/// Name of the journal of completed articles kept while a run is going on.
pub const JOURNAL: &str = ".stance-journal.jsonl";

/// Output files of a run, to tell whether a folder already holds results.
fn has_results(out: &Path) -> bool {
    ["statements.csv", "articles.csv", "speakers.csv", JOURNAL]
        .iter()
        .any(|f| out.join(f).exists())
        || std::fs::read_dir(out.join("articles"))
            .map(|mut d| d.next().is_some())
            .unwrap_or(false)
}

/// What to do with an output folder that already holds results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    Refuse,
    Force,
    Resume,
}

pub fn run(inputs: &[PathBuf], lx: &Lexicons, opt: &Options) -> io::Result<Summary> {
    let t0 = Instant::now();
    let out = &opt.out;
    if !opt.stream && has_results(out) {
        match opt.existing {
            Existing::Refuse => {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "{} already holds results; use --force to start over or --resume to finish an interrupted run",
                        out.display()
                    ),
                ));
            }
            Existing::Force => {
                for f in ["statements.csv", "articles.csv", "speakers.csv", JOURNAL] {
                    let _ = std::fs::remove_file(out.join(f));
                }
                let _ = std::fs::remove_dir_all(out.join("articles"));
            }
            Existing::Resume => {}
        }
    }
    let article_files = opt.article_files && !opt.stream;
    if !opt.stream {
        std::fs::create_dir_all(out)?;
    }
    let art_dir = out.join("articles");
    if article_files {
        std::fs::create_dir_all(&art_dir)?;
    }
    // Articles completed by an interrupted run (resume only).
    let mut done: HashMap<String, Outcome> = HashMap::new();
    let journal_path = out.join(JOURNAL);
    if opt.existing == Existing::Resume
        && let Ok(text) = std::fs::read_to_string(&journal_path)
    {
        for line in text.lines() {
            // a line cut short by the interruption is simply redone
            if let Ok(o) = serde_json::from_str::<Outcome>(line) {
                done.insert(o.id.clone(), o);
            }
        }
    }
    // Streaming to standard output keeps no journal and writes no tables.
    let mut journal = if opt.stream {
        None
    } else {
        Some(io::BufWriter::new(
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&journal_path)?,
        ))
    };
    let extra = lx.extra_columns();
    let header = statement_header(&extra);
    let json_extra = (opt.format == Format::Jsonl).then_some(extra.as_slice());
    let mut statements = match (opt.stream, opt.format) {
        (false, Format::Csv) => Sink::Csv(AtomicCsv::create(
            &out.join("statements.csv"),
            &header,
            opt.excel,
        )?),
        (false, Format::Jsonl) => Sink::Jsonl(AtomicFile::create(&out.join("statements.jsonl"))?),
        (true, Format::Csv) => {
            let mut w = io::BufWriter::new(io::stdout());
            io::Write::write_all(&mut w, encode_rows(&[&header]).as_bytes())?;
            Sink::StdoutCsv(w)
        }
        (true, Format::Jsonl) => Sink::StdoutJsonl(io::BufWriter::new(io::stdout())),
    };
    let mut articles = if opt.stream {
        None
    } else {
        Some(AtomicCsv::create(
            &out.join("articles.csv"),
            ARTICLE_COLUMNS,
            opt.excel,
        )?)
    };
    let mut names = FileNames::default();
    let mut speakers: HashMap<(String, SpeakerType), SpeakerStats> = HashMap::new();
    let mut summary = Summary::default();
    let mut reader = Reader::new(inputs);
    let (read_bytes, total_bytes) = reader.progress();
    let tty = !opt.quiet && std::io::IsTerminal::is_terminal(&std::io::stderr());
    // Reading and analysing run here; writing runs on its own thread, so the
    // sequential work of one batch overlaps the parallel work of the next.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(Outcome, bool)>>(2);
    let written: io::Result<()> = std::thread::scope(|scope| {
        let writer = scope.spawn(|| -> io::Result<()> {
            for outcomes in rx {
                for (o, resumed) in &outcomes {
                    summary.articles += 1;
                    statements.write(o)?;
                    if let Some(a) = articles.as_mut() {
                        a.encoded(&o.article)?;
                    }
                    if article_files {
                        let path = art_dir.join(names.name(&o.id));
                        if !(*resumed && path.exists()) {
                            let mut f = AtomicCsv::create(&path, &header, opt.excel)?;
                            f.encoded(&o.statements)?;
                            f.finish()?;
                        }
                    }
                    if let (false, Some(j)) = (*resumed, journal.as_mut()) {
                        serde_json::to_writer(&mut *j, o).map_err(io::Error::other)?;
                        io::Write::write_all(j, b"\n")?;
                    }
                    if let Some((source, error)) = &o.error {
                        summary.failures += 1;
                        if !opt.quiet {
                            eprintln!("stance: {source}: {error} (article {})", o.id);
                        }
                        continue;
                    }
                    summary.statements += o.n_statements;
                    for (name, kind, title, opt_, cau, stance, sent) in &o.speakers {
                        if name.is_empty() {
                            continue;
                        }
                        let kind = match kind.as_str() {
                            "person" => SpeakerType::Person,
                            "organization" => SpeakerType::Organization,
                            "anonymous" => SpeakerType::Anonymous,
                            _ => SpeakerType::Unknown,
                        };
                        let lower = name.to_lowercase();
                        let (name, key) = match opt.aliases.get(&lower) {
                            Some(canonical) => (canonical.clone(), canonical.to_lowercase()),
                            None => (name.clone(), lower),
                        };
                        let e = speakers.entry((key, kind)).or_insert_with(|| SpeakerStats {
                            name: name.clone(),
                            kind: Some(kind),
                            ..Default::default()
                        });
                        if e.n_articles == 0 || e.last_article != summary.articles {
                            e.n_articles += 1;
                            e.last_article = summary.articles;
                        }
                        if e.title.is_empty() {
                            e.title = title.clone();
                        }
                        e.n += 1;
                        e.optimism += *opt_ as f64;
                        e.caution += *cau as f64;
                        e.stance += *stance as f64;
                        e.stance2 += (*stance as f64) * (*stance as f64);
                        e.sentiment += *sent as f64;
                    }
                }
                if let Some(j) = journal.as_mut() {
                    io::Write::flush(j)?;
                }
                if tty {
                    let secs = t0.elapsed().as_secs_f64();
                    let done = read_bytes.load(std::sync::atomic::Ordering::Relaxed);
                    eprint!(
                        "\rstance: {} articles, {} statements, {:.0} articles/s{}   ",
                        summary.articles,
                        summary.statements,
                        summary.articles as f64 / secs.max(1e-9),
                        progress_tail(done, total_bytes, secs)
                    );
                }
            }
            Ok(())
        });
        // Reading (decoding JSON or CSV, checking ids) runs on a thread of its
        // own too, so the next batch is read while this one is analysed.
        let (batch_tx, batch_rx) = std::sync::mpsc::sync_channel::<Vec<Input>>(1);
        let batch_size = opt.batch;
        scope.spawn(move || {
            loop {
                let batch: Vec<Input> = reader.by_ref().take(batch_size).collect();
                if batch.is_empty() || batch_tx.send(batch).is_err() {
                    break;
                }
            }
        });
        for batch in batch_rx {
            let outcomes: Vec<(Outcome, bool)> = batch
                .par_iter()
                .map(|x| {
                    if let Some(o) = done.get(x.id()) {
                        return (o.clone(), true);
                    }
                    let res = match x {
                        Input::Ok(a) => Some(analyse_one(&a.text, lx)),
                        Input::Failed { .. } => None,
                    };
                    (outcome(x, res, opt.raw_text, json_extra), false)
                })
                .collect();
            if tx.send(outcomes).is_err() {
                break; // the writer stopped on an error, reported below
            }
        }
        drop(tx);
        writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the writer thread panicked")))
    });
    written?;
    if tty {
        eprintln!();
    }
    statements.finish()?;
    if let Some(a) = articles {
        a.finish()?;
        write_speakers(out, speakers, opt)?;
    }
    if journal.take().is_some() {
        std::fs::remove_file(&journal_path)?;
    }
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
    // fuller person names by their last word (one pass, so a corpus with
    // many speakers does not cost a pass per speaker)
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, ((key, kind), _)) in list.iter().enumerate() {
        if *kind == SpeakerType::Person && key.contains(' ') {
            by_last
                .entry(key.rsplit(' ').next().unwrap_or(""))
                .or_default()
                .push(j);
        }
    }
    for i in 0..list.len() {
        let ((key, kind), _) = &list[i];
        if *kind != SpeakerType::Person || key.contains(' ') {
            continue;
        }
        let fuller: &[usize] = by_last
            .get(key.as_str())
            .map(|v| v.as_slice())
            .unwrap_or(&[]);
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

/// ", 42% read, 1m 05s left" for the progress line, when the input size is known.
fn progress_tail(done: u64, total: Option<u64>, secs: f64) -> String {
    match total {
        Some(t) if t > 0 && done > 0 => {
            let share = (done as f64 / t as f64).min(1.0);
            let left = (secs * (1.0 - share) / share).round() as u64;
            format!(
                ", {:.0}% read, {}m {:02}s left",
                share * 100.0,
                left / 60,
                left % 60
            )
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::progress_tail;

    #[test]
    fn progress_shows_share_and_time_left_when_the_size_is_known() {
        assert_eq!(
            progress_tail(25, Some(100), 30.0),
            ", 25% read, 1m 30s left"
        );
        assert_eq!(progress_tail(0, Some(100), 3.0), "");
        assert_eq!(progress_tail(10, None, 3.0), "");
    }
}
