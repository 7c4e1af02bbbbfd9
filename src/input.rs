//! Input readers: `.txt` files, directories, JSONL/NDJSON, CSV and standard
//! input, read one article at a time so a huge corpus never sits in memory.
//!
//! A record that cannot be read becomes an [`Input::Failed`] with the file and
//! line, so the runner writes an error row and goes on: nothing is silently lost.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// One article as read.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    /// Input path, with `:line` for JSONL/CSV records.
    pub source: String,
    pub title: String,
    pub date: String,
    pub text: String,
    /// A warning about decoding (kept in articles.csv `error`).
    pub warning: String,
}

#[derive(Debug, Clone)]
pub enum Input {
    Ok(Article),
    Failed {
        id: String,
        source: String,
        error: String,
    },
}

impl Input {
    pub fn id(&self) -> &str {
        match self {
            Input::Ok(a) => &a.id,
            Input::Failed { id, .. } => id,
        }
    }
    fn set_id(&mut self, new: String) {
        match self {
            Input::Ok(a) => a.id = new,
            Input::Failed { id, .. } => *id = new,
        }
    }
}

/// Decode bytes: UTF-8 (BOM stripped), UTF-16 with BOM, Latin-1 as a fallback
/// for invalid UTF-8 without NUL bytes; binary data is refused.
pub fn decode(bytes: &[u8]) -> Result<(String, String), String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode(rest);
    }
    let utf16 = |le: bool, b: &[u8]| {
        let units: Vec<u16> = b
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok((utf16(true, rest), String::new()));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok((utf16(false, rest), String::new()));
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err("binary data (NUL bytes), not text".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), String::new())),
        Err(_) => {
            // Mostly valid UTF-8 with a few bad bytes: replace them; otherwise Latin-1.
            let lossy = String::from_utf8_lossy(bytes);
            let bad = lossy.matches('\u{FFFD}').count();
            if bad * 50 < lossy.chars().count().max(1) && bad <= 3 {
                Ok((
                    lossy.into_owned(),
                    format!("invalid UTF-8: {bad} byte sequence(s) replaced with U+FFFD"),
                ))
            } else {
                Ok((
                    bytes.iter().map(|&b| b as char).collect(),
                    "not UTF-8: decoded as Latin-1".into(),
                ))
            }
        }
    }
}

/// Every file an input names, in sorted order, with its base directory.
fn expand(inputs: &[PathBuf]) -> Vec<(PathBuf, Option<PathBuf>)> {
    let mut out = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            out.push((p.clone(), None));
        } else if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files);
            files.sort();
            for f in files {
                out.push((f, Some(p.clone())));
            }
        } else {
            out.push((p.clone(), None));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if matches!(ext(&p).as_str(), "txt" | "jsonl" | "ndjson" | "csv") {
            out.push(p);
        }
    }
}

fn ext(p: &Path) -> String {
    p.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// A 64-bit hash of an id (FNV-1a: stable across runs and platforms, so
/// renamed duplicates are the same in every run).
pub fn id_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// A streaming reader over all inputs, yielding articles in input order.
pub struct Reader {
    files: std::vec::IntoIter<(PathBuf, Option<PathBuf>)>,
    current: Option<Box<dyn Iterator<Item = Input> + Send>>,
    /// Ids seen so far, as 64-bit hashes: about 8 bytes an article instead
    /// of the whole id, so memory stays small on huge corpora.
    seen: crate::idset::IdSet,
    /// How often each repeated id was seen (only ids seen twice or more).
    repeats: HashMap<u64, usize>,
    /// Bytes read so far and the inputs' total size (unknown for standard
    /// input), for the progress line's percentage and time left.
    consumed: Arc<AtomicU64>,
    total: Option<u64>,
}

/// A reader that counts the bytes passing through it.
struct Counting<R> {
    inner: R,
    n: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let k = self.inner.read(buf)?;
        self.n.fetch_add(k as u64, Ordering::Relaxed);
        Ok(k)
    }
}

impl Reader {
    pub fn new(inputs: &[PathBuf]) -> Reader {
        let files = expand(inputs);
        let total = files
            .iter()
            .map(|(p, _)| {
                if p.as_os_str() == "-" {
                    None
                } else {
                    Some(std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
                }
            })
            .sum();
        Reader {
            files: files.into_iter(),
            current: None,
            seen: Default::default(),
            repeats: HashMap::new(),
            consumed: Arc::default(),
            total,
        }
    }

    /// Bytes read so far (shared, for a progress display on another
    /// thread) and the total to read, when known.
    pub fn progress(&self) -> (Arc<AtomicU64>, Option<u64>) {
        (self.consumed.clone(), self.total)
    }

    /// Give a duplicate id a distinct, stable suffix (`id~2`, `id~3`).
    fn unique(&mut self, mut input: Input) -> Input {
        let id = input.id().to_string();
        let h = id_hash(&id);
        if self.seen.insert(h) {
            return input;
        }
        let n = self.repeats.entry(h).or_insert(1);
        *n += 1;
        let mut k = *n;
        let mut new = format!("{id}~{k}");
        while !self.seen.insert(id_hash(&new)) {
            k += 1;
            new = format!("{id}~{k}");
        }
        *self.repeats.get_mut(&h).unwrap() = k;
        input.set_id(new);
        input
    }
}

impl Iterator for Reader {
    type Item = Input;
    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some(it) = self.current.as_mut() {
                if let Some(x) = it.next() {
                    return Some(self.unique(x));
                }
                self.current = None;
            }
            let (path, base) = self.files.next()?;
            let shown = path.display().to_string();
            if path.as_os_str() == "-" {
                self.current = Some(Box::new(jsonl(
                    Box::new(BufReader::new(io::stdin())),
                    "-".into(),
                    "stdin".into(),
                )));
                continue;
            }
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            match ext(&path).as_str() {
                "jsonl" | "ndjson" => match File::open(&path) {
                    Ok(f) => {
                        let f = Counting {
                            inner: f,
                            n: self.consumed.clone(),
                        };
                        self.current =
                            Some(Box::new(jsonl(Box::new(BufReader::new(f)), shown, stem)))
                    }
                    Err(e) => {
                        return Some(self.unique(Input::Failed {
                            id: stem,
                            source: shown,
                            error: format!("cannot open: {e}"),
                        }));
                    }
                },
                "csv" => match File::open(&path) {
                    Ok(f) => {
                        let f = Counting {
                            inner: f,
                            n: self.consumed.clone(),
                        };
                        self.current = Some(Box::new(csv_rows(f, shown, stem)))
                    }
                    Err(e) => {
                        return Some(self.unique(Input::Failed {
                            id: stem,
                            source: shown,
                            error: format!("cannot open: {e}"),
                        }));
                    }
                },
                _ => {
                    let id = match &base {
                        Some(b) => {
                            let rel = path.strip_prefix(b).unwrap_or(&path).with_extension("");
                            rel.to_string_lossy().replace('\\', "/")
                        }
                        None => stem,
                    };
                    let read = std::fs::read(&path);
                    if let Ok(b) = &read {
                        self.consumed.fetch_add(b.len() as u64, Ordering::Relaxed);
                    }
                    let x = match read {
                        Err(e) => Input::Failed {
                            id,
                            source: shown,
                            error: format!("cannot read: {e}"),
                        },
                        Ok(bytes) => match decode(&bytes) {
                            Ok((text, warning)) => Input::Ok(Article {
                                id,
                                source: shown,
                                title: String::new(),
                                date: String::new(),
                                text,
                                warning,
                            }),
                            Err(e) => Input::Failed {
                                id,
                                source: shown,
                                error: e,
                            },
                        },
                    };
                    return Some(self.unique(x));
                }
            }
        }
    }
}

fn str_field(v: &serde_json::Value, k: &str) -> Option<String> {
    match v.get(k)? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// Articles from JSONL, one per line (public for the fuzz targets).
pub fn jsonl(
    mut r: Box<dyn BufRead + Send>,
    shown: String,
    stem: String,
) -> impl Iterator<Item = Input> {
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    std::iter::from_fn(move || {
        loop {
            buf.clear();
            line_no += 1;
            match r.read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Err(e) => {
                    return Some(Input::Failed {
                        id: format!("{stem}-{line_no}"),
                        source: format!("{shown}:{line_no}"),
                        error: format!("read error: {e}"),
                    });
                }
                Ok(_) => {}
            }
            let source = format!("{shown}:{line_no}");
            let (line, warning) = match decode(&buf) {
                Ok(x) => x,
                Err(e) => {
                    return Some(Input::Failed {
                        id: format!("{stem}-{line_no}"),
                        source,
                        error: e,
                    });
                }
            };
            let t = line.trim();
            if t.is_empty() {
                continue;
            }
            let v: serde_json::Value = match serde_json::from_str(t) {
                Ok(v) => v,
                Err(e) => {
                    return Some(Input::Failed {
                        id: format!("{stem}-{line_no}"),
                        source,
                        error: format!("malformed JSON: {e}"),
                    });
                }
            };
            let id = str_field(&v, "id")
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| format!("{stem}-{line_no}"));
            let Some(text) = v.get("text").and_then(|x| x.as_str()) else {
                return Some(Input::Failed {
                    id,
                    source,
                    error: "missing or non-string \"text\" field".into(),
                });
            };
            return Some(Input::Ok(Article {
                id,
                source: str_field(&v, "source")
                    .map(|s| format!("{source} ({s})"))
                    .unwrap_or(source),
                title: str_field(&v, "title").unwrap_or_default(),
                date: str_field(&v, "date").unwrap_or_default(),
                text: text.to_string(),
                warning,
            }));
        }
    })
}

/// Articles from CSV rows with `id` and `text` columns (public for the fuzz targets).
pub fn csv_rows<R: Read + Send + 'static>(
    r: R,
    shown: String,
    stem: String,
) -> impl Iterator<Item = Input> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(r);
    let headers: Vec<String> = match rdr.headers() {
        Ok(h) => h
            .iter()
            .map(|x| x.trim().trim_start_matches('\u{feff}').to_lowercase())
            .collect(),
        Err(e) => {
            let err = Input::Failed {
                id: stem.clone(),
                source: shown.clone(),
                error: format!("unreadable CSV header: {e}"),
            };
            return Box::new(std::iter::once(err)) as Box<dyn Iterator<Item = Input> + Send>;
        }
    };
    let col = |n: &str| headers.iter().position(|h| h == n);
    let (ci, ct, cti, cd) = (col("id"), col("text"), col("title"), col("date"));
    if ct.is_none() {
        let err = Input::Failed {
            id: stem,
            source: shown,
            error: "CSV has no \"text\" column".into(),
        };
        return Box::new(std::iter::once(err));
    }
    let mut records = rdr.into_byte_records();
    Box::new(std::iter::from_fn(move || {
        let rec = records.next()?;
        Some(match rec {
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                Input::Failed {
                    id: format!("{stem}-{line}"),
                    source: format!("{shown}:{line}"),
                    error: format!("malformed CSV row: {e}"),
                }
            }
            Ok(r) => {
                let line = r.position().map(|p| p.line()).unwrap_or(0);
                let source = format!("{shown}:{line}");
                let get = |c: Option<usize>| {
                    c.and_then(|c| r.get(c))
                        .map(|b| String::from_utf8_lossy(b).into_owned())
                };
                let id = get(ci)
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| format!("{stem}-{line}"));
                match ct.and_then(|c| r.get(c)) {
                    None => Input::Failed {
                        id,
                        source,
                        error: "row has no text field".into(),
                    },
                    Some(b) => match decode(b) {
                        Ok((text, warning)) => Input::Ok(Article {
                            id,
                            source,
                            title: get(cti).unwrap_or_default(),
                            date: get(cd).unwrap_or_default(),
                            text,
                            warning,
                        }),
                        Err(e) => Input::Failed {
                            id,
                            source,
                            error: e,
                        },
                    },
                }
            }
        })
    }))
}
