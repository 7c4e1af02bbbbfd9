//! Writers: the CSV tables of the output contract, written safely.
//!
//! - Column names and order are a contract other tools read; they live here
//!   and nowhere else.
//! - Text cells that a spreadsheet would run as a formula (`=`, `+`, `-`,
//!   `@`, tab, carriage return) get a leading `'` unless `raw` is set.
//! - Files are written to a temporary name in the same folder and renamed,
//!   so an interrupted run never leaves a half-written CSV under its name.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::analyze::{Analysis, Statement};
use crate::input::Article;

pub const STATEMENT_COLUMNS: &[&str] = &[
    "article_id",
    "statement_id",
    "speaker",
    "speaker_type",
    "speaker_title",
    "speaker_mention",
    "kind",
    "cue",
    "start",
    "end",
    "text",
    "optimism",
    "caution",
    "stance",
    "sentiment",
    "label",
    "cues",
];

pub const SPEAKER_COLUMNS: &[&str] = &[
    "speaker",
    "speaker_type",
    "speaker_title",
    "n_articles",
    "n_statements",
    "optimism_mean",
    "caution_mean",
    "stance_mean",
    "stance_sd",
    "sentiment_mean",
    "label",
];

pub const ARTICLE_COLUMNS: &[&str] = &[
    "article_id",
    "source",
    "title",
    "date",
    "n_sentences",
    "n_statements",
    "n_speakers",
    "optimism",
    "caution",
    "stance",
    "sentiment",
    "status",
    "error",
];

/// Neutralise spreadsheet formulas in a text cell.
pub fn safe(s: &str, raw: bool) -> String {
    if !raw && s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// A score with four decimals ("0.4210", "-1.0000"; never "-0.0000").
/// Written from the integer ten-thousandths, because float formatting was a
/// measurable share of a large run.
pub fn num(x: f32) -> String {
    let mut buf = [0u8; 24];
    num_into(x, &mut buf).to_string()
}

/// [`num`] into a buffer on the stack, so a row costs no allocation per score.
fn num_into(x: f32, buf: &mut [u8; 24]) -> &str {
    let units = (x as f64 * 10000.0).round() as i64;
    let a = units.unsigned_abs();
    // digits from the right: four decimals, the point, then the whole part
    let end = buf.len();
    let mut frac = a % 10000;
    for at in (end - 4..end).rev() {
        buf[at] = b'0' + (frac % 10) as u8;
        frac /= 10;
    }
    buf[end - 5] = b'.';
    let mut at = crate::digits::decimal_before(a / 10000, buf, end - 5);
    if units < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    std::str::from_utf8(&buf[at..]).expect("ASCII digits")
}

/// One CSV row at a time into one growing buffer: cells are written as they
/// are made, with no `Vec<String>` per row (that was most of the writers'
/// allocations on a large run). Quoting is the csv crate's, so the bytes are
/// those of [`encode_rows`].
pub struct RowEncoder {
    w: csv::Writer<Vec<u8>>,
    raw: bool,
}

impl RowEncoder {
    pub fn new(raw: bool) -> RowEncoder {
        RowEncoder {
            w: csv::WriterBuilder::new()
                .buffer_capacity(1024)
                .from_writer(Vec::with_capacity(1024)),
            raw,
        }
    }
    /// A text cell, formula-escaped unless raw (see [`safe`]).
    pub fn text(&mut self, s: &str) -> &mut Self {
        if !self.raw && s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            self.cell(&format!("'{s}"))
        } else {
            self.cell(s)
        }
    }
    /// A cell written as it is (labels, kinds, numbers).
    pub fn cell(&mut self, s: &str) -> &mut Self {
        // writing to a Vec cannot fail
        self.w.write_field(s).expect("CSV into memory");
        self
    }
    pub fn num(&mut self, x: f32) -> &mut Self {
        let mut buf = [0u8; 24];
        let s = num_into(x, &mut buf);
        self.w.write_field(s).expect("CSV into memory");
        self
    }
    pub fn int(&mut self, n: usize) -> &mut Self {
        let mut buf = [0u8; 24];
        let at = crate::digits::decimal_before(n as u64, &mut buf, 24);
        self.w.write_field(&buf[at..]).expect("CSV into memory");
        self
    }
    pub fn end_row(&mut self) {
        self.w.write_record(None::<&[u8]>).expect("CSV into memory");
    }
    pub fn finish(self) -> String {
        let bytes = self.w.into_inner().expect("CSV into memory");
        String::from_utf8(bytes).expect("CSV of UTF-8 cells is UTF-8")
    }
}

/// One statement row.
fn statement_row(e: &mut RowEncoder, article_id: &str, i: usize, st: &Statement, text: &str) {
    e.text(article_id)
        .int(i + 1)
        .text(&st.speaker)
        .cell(st.speaker_type.as_str())
        .text(&st.speaker_title)
        .text(&st.mention)
        .cell(st.kind.as_str())
        .text(&st.cue)
        .int(st.start)
        .int(st.end)
        .text(&text[st.content.start..st.content.end])
        .num(st.score.optimism)
        .num(st.score.caution)
        .num(st.score.stance)
        .num(st.score.sentiment)
        .cell(st.score.label().as_str())
        .text(&st.score.cues_field());
    for v in &st.extra {
        e.num(*v);
    }
    e.end_row();
}

/// Statement columns, followed by the user's extra lexicon columns.
pub fn statement_header(extra: &[String]) -> Vec<String> {
    STATEMENT_COLUMNS
        .iter()
        .map(|s| s.to_string())
        .chain(extra.iter().cloned())
        .collect()
}

/// One statement as a JSON object (for `--format jsonl`): the statement
/// columns with numbers as numbers, text as written (no spreadsheet escaping).
pub fn statement_json(
    article_id: &str,
    i: usize,
    st: &Statement,
    text: &str,
    extra: &[String],
) -> String {
    let r = |x: f32| (x as f64 * 10000.0).round() / 10000.0;
    let mut v = serde_json::json!({
        "article_id": article_id,
        "statement_id": i + 1,
        "speaker": st.speaker,
        "speaker_type": st.speaker_type.as_str(),
        "speaker_title": st.speaker_title,
        "speaker_mention": st.mention,
        "kind": st.kind.as_str(),
        "cue": st.cue,
        "start": st.start,
        "end": st.end,
        "text": &text[st.content.start..st.content.end],
        "optimism": r(st.score.optimism),
        "caution": r(st.score.caution),
        "stance": r(st.score.stance),
        "sentiment": r(st.score.sentiment),
        "label": st.score.label().as_str(),
        "cues": st.score.cues_field(),
    });
    for (name, x) in extra.iter().zip(&st.extra) {
        v[name] = serde_json::json!(r(*x));
    }
    v.to_string()
}

/// A file written under a temporary name and renamed on `finish`.
pub struct AtomicFile {
    tmp: PathBuf,
    dest: PathBuf,
    w: BufWriter<File>,
}

impl AtomicFile {
    pub fn create(dest: &Path) -> io::Result<AtomicFile> {
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = dest.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
        Ok(AtomicFile {
            w: BufWriter::with_capacity(1 << 16, File::create(&tmp)?),
            tmp,
            dest: dest.to_path_buf(),
        })
    }
    pub fn line(&mut self, s: &str) -> io::Result<()> {
        self.w.write_all(s.as_bytes())?;
        self.w.write_all(b"\n")
    }
    pub fn finish(self) -> io::Result<()> {
        drop(
            self.w
                .into_inner()
                .map_err(|e| io::Error::other(e.to_string()))?,
        );
        std::fs::rename(&self.tmp, &self.dest)
    }
}

/// The statement rows of one article, CSV-encoded.
pub fn encode_statements(article_id: &str, a: &Analysis, raw: bool) -> String {
    let mut e = RowEncoder::new(raw);
    for (i, st) in a.statements.iter().enumerate() {
        statement_row(&mut e, article_id, i, st, &a.doc.text);
    }
    e.finish()
}

/// The articles.csv row of an analysed article, CSV-encoded.
pub fn encode_article(art: &Article, a: &Analysis, raw: bool) -> String {
    let mut e = RowEncoder::new(raw);
    e.text(&art.id)
        .text(&art.source)
        .text(&art.title)
        .text(&art.date)
        .int(a.n_sentences)
        .int(a.statements.len())
        .int(a.n_speakers)
        .num(a.article.optimism)
        .num(a.article.caution)
        .num(a.article.stance)
        .num(a.article.sentiment)
        .cell("ok")
        .text(&art.warning)
        .end_row();
    e.finish()
}

/// The articles.csv row of an article that could not be read or analysed.
pub fn encode_error(id: &str, source: &str, error: &str, raw: bool) -> String {
    let mut e = RowEncoder::new(raw);
    e.text(id).text(source);
    for _ in 0..9 {
        e.cell("");
    }
    e.cell("error").text(error).end_row();
    e.finish()
}

/// CSV records encoded as bytes, ready to append to any CSV writer's output.
/// Rows are encoded once, on the analysing thread: the statements table, the
/// per-article file and the resume journal then copy bytes instead of
/// re-encoding (and re-allocating) every cell on the single writer thread.
pub fn encode_rows<R: AsRef<[S]>, S: AsRef<[u8]>>(rows: &[R]) -> String {
    let mut w = csv::WriterBuilder::new()
        .buffer_capacity(1024)
        .from_writer(Vec::with_capacity(256 * rows.len()));
    for r in rows {
        // writing to a Vec cannot fail
        w.write_record(r.as_ref()).expect("CSV into memory");
    }
    let bytes = w.into_inner().expect("CSV into memory");
    String::from_utf8(bytes).expect("CSV of UTF-8 cells is UTF-8")
}

/// A CSV file written under a temporary name and renamed on `finish`.
pub struct AtomicCsv {
    tmp: PathBuf,
    dest: PathBuf,
    w: BufWriter<File>,
}

impl AtomicCsv {
    pub fn create<S: AsRef<[u8]>>(dest: &Path, header: &[S], bom: bool) -> io::Result<AtomicCsv> {
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = dest.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
        let mut w = BufWriter::with_capacity(1 << 16, File::create(&tmp)?);
        if bom {
            w.write_all("\u{feff}".as_bytes())?;
        }
        w.write_all(encode_rows(&[header]).as_bytes())?;
        Ok(AtomicCsv {
            tmp,
            dest: dest.to_path_buf(),
            w,
        })
    }
    pub fn row(&mut self, r: &[String]) -> io::Result<()> {
        self.w.write_all(encode_rows(&[r]).as_bytes())
    }
    /// Rows already encoded by [`encode_rows`].
    pub fn encoded(&mut self, rows: &str) -> io::Result<()> {
        self.w.write_all(rows.as_bytes())
    }
    pub fn finish(self) -> io::Result<()> {
        // No fsync per file: the rename is what keeps a half-written file from
        // ever carrying its final name, and fsync made per-article output 10x slower.
        drop(
            self.w
                .into_inner()
                .map_err(|e| io::Error::other(e.to_string()))?,
        );
        std::fs::rename(&self.tmp, &self.dest)
    }
}

/// Windows device names that cannot be file names.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A safe file name for an article id: no separators, control characters or
/// dots at the start, no reserved device names, at most 200 bytes. Uniqueness
/// is the caller's job (see [`FileNames`]).
pub fn sanitize(id: &str) -> String {
    let mut s: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '~' | '+' | '=' | ',' | '@') {
                c
            } else {
                '_'
            }
        })
        .collect();
    while s.starts_with('.') {
        s.replace_range(0..1, "_");
    }
    if s.is_empty() {
        s = "_".into();
    }
    let stem = s.split('.').next().unwrap_or("").to_lowercase();
    if RESERVED.contains(&stem.as_str()) {
        s.insert(0, '_');
    }
    if s.len() > 200 {
        let mut cut = 200;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
    }
    s
}

/// Hands out unique per-article file names (case-insensitively unique, so
/// they also differ on case-insensitive file systems).
#[derive(Default)]
pub struct FileNames {
    /// Names handed out, as hashes of their lower-case form.
    used: crate::idset::IdSet,
}

impl FileNames {
    pub fn name(&mut self, id: &str) -> String {
        let base = sanitize(id);
        let mut name = base.clone();
        let mut k = 2;
        while !self
            .used
            .insert(crate::input::id_hash(&name.to_lowercase()))
        {
            name = format!("{base}~{k}");
            k += 1;
        }
        format!("{name}.csv")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(safe("=HYPERLINK(1)", false), "'=HYPERLINK(1)");
        assert_eq!(safe("-3 dead", false), "'-3 dead");
        assert_eq!(safe("=x", true), "=x");
        assert_eq!(safe("plain", false), "plain");
    }

    #[test]
    fn hostile_ids_become_safe_unique_names() {
        let mut f = FileNames::default();
        let n = f.name("../../etc/x");
        assert!(!n.contains('/') && !n.starts_with('.'), "{n}");
        assert_eq!(f.name("/abs/path"), "_abs_path.csv");
        assert_eq!(f.name("CON"), "_CON.csv");
        assert_eq!(f.name("a\u{7}b"), "a_b.csv");
        assert_eq!(f.name("a?b"), "a_b~2.csv");
        assert!(f.name(&"x".repeat(400)).len() <= 204 + 4);
    }

    #[test]
    fn scores_print_like_rounded_floats() {
        for x in [
            0.0f32, -0.0, 0.42104, -0.00004, -0.00006, 1.0, -1.0, 0.99996, 12.5, -0.3,
        ] {
            let v = (x as f64 * 10000.0).round() / 10000.0;
            let want = format!("{v:.4}").replace("-0.0000", "0.0000");
            assert_eq!(num(x), want, "{x}");
        }
    }
}
