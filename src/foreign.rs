//! Lexicons users already trust, in their own formats, scored into extra
//! columns after the standard statement columns:
//!
//! - VADER's `vader_lexicon.txt` (`token<TAB>mean<TAB>sd<TAB>[ratings]`): one
//!   column named after the file, the matched valences summed (negated ones
//!   flipped by x-0.74, as VADER does) and normalised to -1..1 like VADER's
//!   compound, `S / sqrt(S^2 + 15)`. VADER's other heuristics (capitals,
//!   punctuation, "but") are not applied.
//! - LIWC-style `.dic` (`%`, `id<TAB>category` lines, `%`, then
//!   `word[*]<TAB>id id ...`): one column per category, `<file>_<category>`,
//!   the share of the statement's words in that category, in percent (as
//!   LIWC reports).
//!
//! Entries that cannot match a stance token (emoticons, punctuation) are
//! skipped and counted; a malformed line is an error with `file:line`.

use crate::document::{Document, Span, TokenKind};
use crate::lexicon::{Entry, LexiconError, Pat, PhraseMatcher};
use crate::lexicons::{Lexicons, Modifier};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Vader,
    Liwc,
}

#[derive(Debug, Clone)]
pub struct ForeignLexicon {
    pub name: String,
    pub format: Format,
    /// Column names (one for VADER, one per category for LIWC).
    pub columns: Vec<String>,
    /// One matcher per column.
    pub matchers: Vec<PhraseMatcher>,
    /// Entries skipped because no token can match them.
    pub skipped: usize,
}

fn err(file: &str, line: usize, msg: impl std::fmt::Display) -> LexiconError {
    LexiconError(format!("{file}:{line}: {msg}"))
}

/// A single-word pattern, or None when stance's tokens can never match it.
fn pattern(term: &str) -> Option<Vec<Pat>> {
    let t = crate::lexicon::normalize_term(term);
    let mut out = Vec::new();
    for w in t.split(' ') {
        let (stem, star) = match w.strip_suffix('*') {
            Some(s) => (s, true),
            None => (w, false),
        };
        if stem.is_empty()
            || !stem
                .chars()
                .all(|c| c.is_alphanumeric() || c == '\'' || c == '-')
        {
            return None;
        }
        out.push(if star {
            Pat::Prefix(stem.to_string())
        } else {
            Pat::Word(stem.to_string())
        });
    }
    Some(out)
}

fn stem_name(file: &str) -> String {
    std::path::Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "extra".into())
        .replace(|c: char| !c.is_alphanumeric() && c != '_', "_")
}

pub fn load_vader(file: &str, content: &str) -> Result<ForeignLexicon, LexiconError> {
    let mut m = PhraseMatcher::default();
    let mut skipped = 0;
    for (n, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 2 {
            return Err(err(
                file,
                n + 1,
                "expected `token<TAB>mean<TAB>sd<TAB>[ratings]`",
            ));
        }
        let v: f32 = f[1]
            .trim()
            .parse()
            .map_err(|_| err(file, n + 1, format!("mean {:?} is not a number", f[1])))?;
        if !(-4.0..=4.0).contains(&v) {
            return Err(err(file, n + 1, format!("mean {v} outside -4..4")));
        }
        let Some(p) = pattern(f[0]) else {
            skipped += 1;
            continue;
        };
        m.insert(Entry {
            term: crate::lexicon::normalize_term(f[0]),
            pattern: p,
            weight: v,
            source: format!("{file}:{}", n + 1),
        });
    }
    let name = stem_name(file);
    Ok(ForeignLexicon {
        columns: vec![name.clone()],
        name,
        format: Format::Vader,
        matchers: vec![m],
        skipped,
    })
}

pub fn load_liwc(file: &str, content: &str) -> Result<ForeignLexicon, LexiconError> {
    let name = stem_name(file);
    let mut lines = content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    match lines.next() {
        Some((_, l)) if l.trim() == "%" => {}
        Some((n, _)) => return Err(err(file, n + 1, "a .dic file starts with a `%` line")),
        None => return Err(err(file, 1, "empty dictionary")),
    }
    let mut ids: Vec<(String, usize)> = Vec::new();
    let mut columns = Vec::new();
    for (n, l) in lines.by_ref() {
        let l = l.trim();
        if l == "%" {
            break;
        }
        let mut parts = l.split_whitespace();
        let (Some(id), Some(cat)) = (parts.next(), parts.next()) else {
            return Err(err(file, n + 1, "expected `id<TAB>category` in the header"));
        };
        ids.push((id.to_string(), columns.len()));
        columns.push(format!("{name}_{cat}"));
    }
    if columns.is_empty() {
        return Err(err(file, 1, "no categories between the `%` lines"));
    }
    let mut matchers = vec![PhraseMatcher::default(); columns.len()];
    let mut skipped = 0;
    for (n, l) in lines {
        let (term, rest) = match l.split_once('\t') {
            Some(x) => x,
            None => l
                .trim()
                .split_once(char::is_whitespace)
                .unwrap_or((l.trim(), "")),
        };
        let cats: Vec<&str> = rest.split_whitespace().collect();
        if cats.is_empty() {
            return Err(err(file, n + 1, format!("{term:?} has no category ids")));
        }
        let Some(p) = pattern(term) else {
            skipped += 1;
            continue;
        };
        for c in cats {
            let Some(&(_, col)) = ids.iter().find(|(i, _)| i == c) else {
                return Err(err(file, n + 1, format!("unknown category id {c:?}")));
            };
            matchers[col].insert(Entry {
                term: crate::lexicon::normalize_term(term),
                pattern: p.clone(),
                weight: 1.0,
                source: format!("{file}:{}", n + 1),
            });
        }
    }
    Ok(ForeignLexicon {
        name,
        format: Format::Liwc,
        columns,
        matchers,
        skipped,
    })
}

/// Score `span` with every foreign lexicon: one value per column, in order.
pub fn score(doc: &Document, lx: &Lexicons, span: Span) -> Vec<f32> {
    if lx.foreign.is_empty() {
        return Vec::new();
    }
    let a = doc.tokens.partition_point(|t| t.span.start < span.start);
    let b = doc.tokens.partition_point(|t| t.span.end <= span.end);
    let words: Vec<&str> = (a..b.max(a))
        .filter(|&i| matches!(doc.tokens[i].kind, TokenKind::Word | TokenKind::Number))
        .map(|i| doc.norm(i))
        .collect();
    let mut out = Vec::new();
    for f in &lx.foreign {
        for m in &f.matchers {
            let ids = m.word_ids(&words);
            let mut k = 0;
            let (mut sum, mut count) = (0f32, 0usize);
            while k < words.len() {
                match m.longest_at_ids(&ids, &words, k) {
                    Some((id, len)) => {
                        let mut v = m.entries[id as usize].weight;
                        let negated = (k.saturating_sub(3)..k)
                            .any(|j| matches!(lx.modifiers.get(words[j]), Some(Modifier::Negator)));
                        if negated && f.format == Format::Vader {
                            v *= -0.74;
                        }
                        sum += v;
                        count += 1;
                        k += len;
                    }
                    None => k += 1,
                }
            }
            out.push(match f.format {
                Format::Vader if sum != 0.0 => sum / (sum * sum + 15.0).sqrt(),
                Format::Vader => 0.0,
                Format::Liwc if !words.is_empty() => 100.0 * count as f32 / words.len() as f32,
                Format::Liwc => 0.0,
            });
        }
    }
    out
}
