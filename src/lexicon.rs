//! Lexicons: plain-text files a user can read, edit and extend.
//!
//! Every file has the same shape, one entry per line:
//!
//! ```text
//! # comment
//! <term> = <value>      # optional note
//! ```
//!
//! The value is a weight for scored lexicons (`optimism.txt`, `caution.txt`,
//! `sentiment.txt`), a class for word lists (`reporting.txt`, `titles.txt`,
//! `organizations.txt`, `anonymous.txt`) and `class [number]` for
//! `modifiers.txt`. Terms are lower-case words; `word*` matches any word with
//! that prefix; `..` is a gap of up to three words. A bad line stops the run
//! with `file:line: what is wrong`.
//!
//! The built-in lexicons are the files under `lexicons/`, compiled into the
//! binary so it runs from anywhere; `--lexicons DIR` reads a directory of
//! files instead (start from a copy of `lexicons/`), `--lexicon FILE` adds to
//! or overrides entries.

use crate::fxhash::FxMap;
use std::fmt;
use std::path::Path;
use std::sync::OnceLock;

/// A lexicon error, already located: `file:line: message`.
#[derive(Debug, Clone)]
pub struct LexiconError(pub String);

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for LexiconError {}

fn err(file: &str, line: usize, msg: impl fmt::Display) -> LexiconError {
    LexiconError(format!("{file}:{line}: {msg}"))
}

/// One raw line of a lexicon file.
#[derive(Debug, Clone)]
pub struct RawEntry {
    pub term: String,
    pub value: String,
    pub note: String,
    pub line: usize,
}

/// Parse the common `term = value  # note` format.
pub fn parse_lines(file: &str, content: &str) -> Result<Vec<RawEntry>, LexiconError> {
    Ok(read_lines(file, content)?
        .into_iter()
        .map(|l| RawEntry {
            term: l.term,
            value: l.value.to_string(),
            note: l.note.to_string(),
            line: l.line,
        })
        .collect())
}

/// A [`RawEntry`] whose value and note are still the file's text: the
/// scored lexicons (tens of thousands of lines) need no copy of either.
struct Line<'a> {
    term: String,
    value: &'a str,
    note: &'a str,
    line: usize,
}

/// [`parse_lines`], borrowing from the file. Every line is read before
/// any is used, so a malformed line is reported before a bad value on an
/// earlier one, as it always was.
fn read_lines<'a>(file: &str, content: &'a str) -> Result<Vec<Line<'a>>, LexiconError> {
    // at most one entry per line: counting them first saves growing the
    // vector over and over
    let mut out = Vec::with_capacity(content.bytes().filter(|&b| b == b'\n').count() + 1);
    for (n, raw) in content.lines().enumerate() {
        let line = n + 1;
        let raw = raw.trim_start_matches('\u{feff}');
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        // few lines have a note: look for one only when there is a '#'
        let note_at = if trimmed.contains('#') {
            trimmed.find(" #").or_else(|| trimmed.find("\t#"))
        } else {
            None
        };
        let (body, note) = match note_at {
            Some(k) => (&trimmed[..k], trimmed[k + 2..].trim()),
            None => (trimmed, ""),
        };
        let Some(eq) = body.rfind('=') else {
            return Err(err(
                file,
                line,
                format!("expected `term = value`, found {:?}", shorten(trimmed)),
            ));
        };
        let term = body[..eq].trim();
        let value = body[eq + 1..].trim();
        if term.is_empty() {
            return Err(err(file, line, "empty term before `=`"));
        }
        if value.is_empty() {
            return Err(err(file, line, format!("no value after `=` for {term:?}")));
        }
        out.push(Line {
            term: normalize_term(term),
            value,
            note,
            line,
        });
    }
    Ok(out)
}

fn shorten(s: &str) -> String {
    s.chars().take(60).collect()
}

/// Lower-case a term and fold typographic apostrophes and hyphens, exactly as
/// the tokenizer normalises text.
pub fn normalize_term(t: &str) -> String {
    let t = t.trim();
    // the common case: ASCII with single spaces and no tab or line break
    // (most of 50,000 entries, and per-character Unicode case mapping was a
    // third of the load time), found in one pass over the bytes
    let b = t.as_bytes();
    let plain = b.iter().enumerate().all(|(i, &c)| {
        c.is_ascii()
            && !matches!(c, b'\t' | b'\r' | b'\n')
            && !(c == b' ' && i > 0 && b[i - 1] == b' ')
    });
    if plain {
        return t.to_ascii_lowercase();
    }
    let mut s = String::with_capacity(t.len());
    let mut last_space = false;
    for c in t.chars() {
        if c.is_whitespace() {
            if !last_space {
                s.push(' ');
            }
            last_space = true;
            continue;
        }
        last_space = false;
        match c {
            '’' | '‘' => s.push('\''),
            '‐' | '‑' => s.push('-'),
            _ => s.extend(c.to_lowercase()),
        }
    }
    s
}

/// One element of a multi-word pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum Pat {
    Word(String),
    Prefix(String),
    /// Up to [`GAP_MAX`] arbitrary words.
    Gap,
}

/// Longest gap `..` may bridge, in words.
pub const GAP_MAX: usize = 3;

fn compile_pattern(file: &str, term: &str, line: usize) -> Result<Vec<Pat>, LexiconError> {
    let mut pats = Vec::new();
    let mut words = term.split(' ').peekable();
    while let Some(w) = words.next() {
        if w == ".." {
            if pats.is_empty() || words.peek().is_none() {
                return Err(err(file, line, "a gap `..` cannot start or end a term"));
            }
            pats.push(Pat::Gap);
            continue;
        }
        if let Some(stem) = w.strip_suffix('*') {
            if stem.chars().count() < 3 || stem.contains('*') {
                return Err(err(
                    file,
                    line,
                    format!("stem {w:?} too short: `*` needs at least 3 letters before it"),
                ));
            }
            pats.push(Pat::Prefix(stem.to_string()));
            continue;
        }
        if w.contains('*') {
            return Err(err(
                file,
                line,
                format!("`*` only allowed at a word's end: {w:?}"),
            ));
        }
        if w.chars().any(|c| {
            !(c.is_alphanumeric()
                || matches!(c, '\'' | '-' | '.' | '%' | '&' | ':' | ')' | '(' | ';'))
        }) {
            return Err(err(
                file,
                line,
                format!("unexpected character in term {term:?}"),
            ));
        }
        pats.push(Pat::Word(w.to_string()));
    }
    Ok(pats)
}

/// A weighted entry of a scored lexicon.
#[derive(Debug, Clone)]
pub struct Entry {
    pub term: String,
    pub pattern: Vec<Pat>,
    pub weight: f32,
    pub source: String,
}

/// Matches multi-word entries over normalised tokens, longest match first.
/// Entries are indexed by their first word (or first stem), so each token
/// costs one or two hash lookups.
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    pub entries: Vec<Entry>,
    /// Every word used in a pattern, numbered: text words are looked up
    /// once and then compared as numbers.
    vocab: FxMap<String, u32>,
    /// Patterns with their words as vocabulary ids, parallel to `entries`.
    /// (Empty for plain phrases: the trie matches those.)
    compiled: Vec<Vec<PatId>>,
    /// Per pattern, the first word id after its first word (`UNKNOWN_WORD`
    /// if none): it must occur within the next `GAP_MAX + 1` words, which
    /// rules out most gap patterns ("prices .. rose") without matching them.
    need: Vec<u32>,
    /// Per pattern, how many of its elements are words or stems (not gaps).
    entry_words: Vec<u8>,
    /// Entries by the vocabulary id of their first word (only entries with a
    /// gap or a stem after the first word; plain phrases live in the trie).
    by_first: Vec<Vec<u32>>,
    /// Of those, the entries that need a given word soon after the first
    /// ([`PhraseMatcher::need`]), by (first, needed) word ids: a first word
    /// like "sales" starts hundreds of `subject .. verb` entries, and only the
    /// few whose needed word is in the window are worth trying.
    by_first_need: FxMap<(u32, u32), Vec<u32>>,
    /// Per word id: it starts some entry of `by_first_need`.
    starts_need: Vec<bool>,
    /// Per word id, what a match starting at it needs (see [`Start`]): most
    /// words are answered from here without a search. Built at the first
    /// match, and again after an insert.
    starts: OnceLock<Vec<Start>>,
    /// Plain word phrases as a trie over word ids: matching walks it word by
    /// word, so the cost is the length of the match, not the number of entries.
    trie: Vec<TrieNode>,
    /// The trie's first level, indexed directly by word id (no search for
    /// the step every word takes).
    root: Vec<u32>,
    /// Entries whose first word is a stem (`optimis*`), in a byte trie:
    /// each word walks it once, whatever the number of stems.
    stems: Vec<StemNode>,
    /// The first three bytes of every stem, hashed into a bit set: most words
    /// start like no stem and skip the trie walk. `None` when a stem is shorter
    /// than three bytes (then every word walks).
    stem_starts: Option<Box<[u64; STEM_FILTER_WORDS]>>,
    index: FxMap<String, u32>,
}

const STEM_FILTER_WORDS: usize = 1024;

/// The word a pattern needs soon after its first: only a word right after
/// the first, or after one gap, is sure to fall within the window.
fn need_of(compiled: &[PatId]) -> u32 {
    match (compiled.get(1), compiled.get(2)) {
        (Some(PatId::Word(x)), _) | (Some(PatId::Gap), Some(PatId::Word(x))) => *x,
        _ => UNKNOWN_WORD,
    }
}

/// Bit of a word's first three bytes in the stem filter.
fn stem_bit(b: &[u8]) -> usize {
    let h = (b[0] as usize) << 16 | (b[1] as usize) << 8 | b[2] as usize;
    h.wrapping_mul(0x9E37_79B1) >> 7 & (STEM_FILTER_WORDS * 64 - 1)
}

#[derive(Debug, Clone, Default)]
struct TrieNode {
    /// (word id, child node), sorted by word id.
    children: Vec<(u32, u32)>,
    /// Entry ending here.
    entry: Option<u32>,
}

impl TrieNode {
    fn child(&self, w: u32) -> Option<u32> {
        self.children
            .binary_search_by_key(&w, |c| c.0)
            .ok()
            .map(|i| self.children[i].1)
    }
}

#[derive(Debug, Clone, Default)]
struct StemNode {
    children: Vec<(u8, u32)>,
    /// Entries whose first-word stem ends here.
    entries: Vec<u32>,
}

/// A pattern element with its word numbered.
#[derive(Debug, Clone, PartialEq)]
enum PatId {
    Word(u32),
    Prefix(String),
    Gap,
}

/// Id of a word that no pattern uses.
pub const UNKNOWN_WORD: u32 = u32::MAX;
/// Id of a clause boundary placed among the words (a full stop, a colon, a
/// bracket): no entry matches it or reaches over it.
pub const BOUNDARY_WORD: u32 = u32::MAX - 1;
/// Id of a soft boundary (a comma, a dash): a plain phrase may run over it
/// ("weeks, not days"), a gap may not ("sales fell, costs rose").
pub const SOFT_BOUNDARY_WORD: u32 = u32::MAX - 2;

/// What a match starting at a known word needs.
#[derive(Debug, Clone, Copy)]
enum Start {
    /// No entry starts with the word.
    Nothing,
    /// Only this one-word entry does, whatever follows.
    Word(u32),
    /// Only plain phrases do: walking the trie finds the match.
    Phrases,
    /// Entries with a gap or a stem may: a full search.
    Search,
}

fn is_boundary(id: u32) -> bool {
    id == BOUNDARY_WORD || id == SOFT_BOUNDARY_WORD
}

impl Default for PhraseMatcher {
    fn default() -> Self {
        PhraseMatcher {
            entries: Vec::new(),
            vocab: FxMap::default(),
            compiled: Vec::new(),
            need: Vec::new(),
            entry_words: Vec::new(),
            by_first: Vec::new(),
            by_first_need: FxMap::default(),
            starts_need: Vec::new(),
            starts: OnceLock::new(),
            trie: vec![TrieNode::default()],
            root: Vec::new(),
            stems: vec![StemNode::default()],
            stem_starts: Some(Box::new([0; STEM_FILTER_WORDS])),
            index: FxMap::default(),
        }
    }
}

impl PhraseMatcher {
    fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.vocab.get(w) {
            return id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.insert(w.to_string(), id);
        self.by_first.push(Vec::new());
        self.starts_need.push(false);
        self.root.push(u32::MAX);
        id
    }

    fn compile(&mut self, pattern: &[Pat]) -> Vec<PatId> {
        pattern
            .iter()
            .map(|p| match p {
                Pat::Word(w) => PatId::Word(self.intern(w)),
                Pat::Prefix(x) => PatId::Prefix(x.clone()),
                Pat::Gap => PatId::Gap,
            })
            .collect()
    }

    /// Add or override (same term replaces the weight).
    pub fn insert(&mut self, e: Entry) {
        self.starts = OnceLock::new();
        if let Some(&id) = self.index.get(&e.term) {
            self.entries[id as usize] = e;
            return;
        }
        let id = self.entries.len() as u32;
        let words = e.pattern.iter().filter(|p| !matches!(p, Pat::Gap)).count();
        self.entry_words.push(words.min(255) as u8);
        if e.pattern.iter().all(|p| matches!(p, Pat::Word(_))) {
            // a plain phrase lives in the trie, which is all that matches it:
            // its word ids are needed nowhere else
            let mut need = UNKNOWN_WORD;
            let mut node = usize::MAX;
            for (k, p) in e.pattern.iter().enumerate() {
                let Pat::Word(w) = p else { unreachable!() };
                let w = self.intern(w);
                node = if k == 0 {
                    self.root_node(w)
                } else {
                    if k == 1 {
                        need = w;
                    }
                    self.child_node(node, w)
                };
            }
            self.trie[node].entry = Some(id);
            self.need.push(need);
            self.compiled.push(Vec::new());
        } else {
            let compiled = self.compile(&e.pattern);
            self.insert_search(id, &compiled);
            // only a word right after the first, or after one gap, is sure to
            // fall within the window
            self.need.push(need_of(&compiled));
            self.compiled.push(compiled);
        }
        self.index.insert(e.term.clone(), id);
        self.entries.push(e);
    }

    /// The trie node of phrases starting with word `w`, made if new.
    fn root_node(&mut self, w: u32) -> usize {
        match self.root[w as usize] {
            u32::MAX => {
                let c = self.trie.len() as u32;
                self.trie.push(TrieNode::default());
                self.root[w as usize] = c;
                c as usize
            }
            c => c as usize,
        }
    }

    /// The child of trie node `node` for word `w`, made if new.
    fn child_node(&mut self, node: usize, w: u32) -> usize {
        match self.trie[node].child(w) {
            Some(c) => c as usize,
            None => {
                let c = self.trie.len() as u32;
                self.trie.push(TrieNode::default());
                let ch = &mut self.trie[node].children;
                let at = ch.partition_point(|x| x.0 < w);
                ch.insert(at, (w, c));
                c as usize
            }
        }
    }

    /// Index entry `id`, a pattern with a gap or a stem, where
    /// [`PhraseMatcher::longest_at_ids`] searches for it.
    fn insert_search(&mut self, id: u32, compiled: &[PatId]) {
        match &compiled[0] {
            PatId::Word(w) => match need_of(compiled) {
                UNKNOWN_WORD => self.by_first[*w as usize].push(id),
                need => {
                    self.starts_need[*w as usize] = true;
                    self.by_first_need.entry((*w, need)).or_default().push(id)
                }
            },
            PatId::Prefix(p) => {
                if p.len() < 3 {
                    self.stem_starts = None;
                } else if let Some(f) = self.stem_starts.as_mut() {
                    let bit = stem_bit(p.as_bytes());
                    f[bit / 64] |= 1 << (bit % 64);
                }
                let mut node = 0usize;
                for &b in p.as_bytes() {
                    node = match self.stems[node].children.iter().find(|c| c.0 == b) {
                        Some(c) => c.1 as usize,
                        None => {
                            let c = self.stems.len() as u32;
                            self.stems.push(StemNode::default());
                            self.stems[node].children.push((b, c));
                            c as usize
                        }
                    };
                }
                self.stems[node].entries.push(id);
            }
            PatId::Gap => unreachable!("rejected by compile_pattern"),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Room for `n` more entries (a file's worth, read at once: growing
    /// the tables line by line rehashed them again and again).
    fn reserve(&mut self, n: usize) {
        self.vocab.reserve(n);
        self.by_first.reserve(n);
        self.starts_need.reserve(n);
        self.root.reserve(n);
        self.trie.reserve(n);
        self.entries.reserve(n);
        self.index.reserve(n);
        self.need.reserve(n);
        self.entry_words.reserve(n);
        self.compiled.reserve(n);
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    pub fn get(&self, term: &str) -> Option<&Entry> {
        self.index.get(term).map(|&i| &self.entries[i as usize])
    }

    /// Every word used in a pattern, with its vocabulary id.
    pub fn vocabulary(&self) -> impl Iterator<Item = (&str, u32)> {
        self.vocab.iter().map(|(w, &id)| (w.as_str(), id))
    }

    /// The vocabulary id of each word ([`UNKNOWN_WORD`] if no pattern uses it).
    pub fn word_ids(&self, words: &[&str]) -> Vec<u32> {
        words
            .iter()
            .map(|w| self.vocab.get(*w).copied().unwrap_or(UNKNOWN_WORD))
            .collect()
    }

    /// Longest entry starting at `words[i]`; returns (entry id, words consumed).
    pub fn longest_at(&self, words: &[&str], i: usize) -> Option<(u32, usize)> {
        let end = (i + 12).min(words.len());
        let ids = self.word_ids(&words[i..end]);
        self.longest_at_ids(&ids, &words[i..end], 0)
    }

    /// As [`PhraseMatcher::longest_at`], with the words' ids already looked up.
    #[inline(always)]
    pub fn longest_at_ids(&self, ids: &[u32], words: &[&str], i: usize) -> Option<(u32, usize)> {
        // most words are answered without a full search: a word no pattern
        // names unless a stem may begin it, a known word by its `Start`
        let id = ids[i];
        if id == UNKNOWN_WORD {
            if !self.may_start_stem(words[i].as_bytes()) {
                return None;
            }
        } else if is_boundary(id) {
            return None;
        } else {
            match self.starts.get_or_init(|| self.start_of_words())[id as usize] {
                Start::Nothing => return None,
                Start::Word(e) => return Some((e, 1)),
                Start::Phrases => return self.walk_trie(ids, i).found,
                Start::Search => {}
            }
        }
        self.longest_from(ids, words, i)
    }

    /// [`PhraseMatcher::starts`]: what a match at each known word needs.
    fn start_of_words(&self) -> Vec<Start> {
        let mut starts = vec![Start::Search; self.vocab.len()];
        for (w, &id) in &self.vocab {
            let i = id as usize;
            if !self.by_first[i].is_empty() || self.starts_need[i] || self.stem_begins(w) {
                continue;
            }
            starts[i] = match self.root[i] {
                u32::MAX => Start::Nothing,
                r if !self.trie[r as usize].children.is_empty() => Start::Phrases,
                r => match self.trie[r as usize].entry {
                    Some(e) => Start::Word(e),
                    None => Start::Nothing,
                },
            };
        }
        starts
    }

    /// Whether some stem entry begins `word`.
    fn stem_begins(&self, word: &str) -> bool {
        let mut node = 0usize;
        for &byte in word.as_bytes() {
            match self.stems[node].children.iter().find(|c| c.0 == byte) {
                Some(c) => node = c.1 as usize,
                None => return false,
            }
            if !self.stems[node].entries.is_empty() {
                return true;
            }
        }
        false
    }

    /// Whether a word's first three bytes may begin a stem (always, when a
    /// stem is too short for the filter).
    fn may_start_stem(&self, bytes: &[u8]) -> bool {
        match &self.stem_starts {
            None => true,
            Some(f) => {
                bytes.len() >= 3 && {
                    let bit = stem_bit(bytes);
                    f[bit / 64] & (1 << (bit % 64)) != 0
                }
            }
        }
    }

    /// [`PhraseMatcher::longest_at_ids`] once a match is possible.
    fn longest_from(&self, ids: &[u32], words: &[&str], i: usize) -> Option<(u32, usize)> {
        // The best match has the most entry words, then the tightest span:
        // "sales fell, and costs rose" must not read as "sales .. rose".
        let mut best = Best::default();
        let first = ids[i];
        if first != UNKNOWN_WORD {
            best = self.walk_trie(ids, i);
            let window = &ids[(i + 1).min(ids.len())..(i + 2 + GAP_MAX).min(ids.len())];
            // entries needing no word, and those needing a word of the
            // window (each needed word once), merged in entry order so that
            // ties between equal matches go as they always did
            let plain = &self.by_first[first as usize];
            if !self.starts_need[first as usize] {
                if !plain.is_empty() {
                    self.consider(plain, ids, words, i, window, &mut best);
                }
            } else {
                let mut lists: [&[u32]; GAP_MAX + 2] = [&[]; GAP_MAX + 2];
                lists[GAP_MAX + 1] = plain;
                for (slot, (x, &w)) in lists.iter_mut().zip(window.iter().enumerate()) {
                    if w != UNKNOWN_WORD
                        && !is_boundary(w)
                        && !window[..x].contains(&w)
                        && let Some(l) = self.by_first_need.get(&(first, w))
                    {
                        *slot = l;
                    }
                }
                let mut at = [0usize; GAP_MAX + 2];
                loop {
                    // the smallest next id among the lists
                    let mut pick: Option<usize> = None;
                    for (x, l) in lists.iter().enumerate() {
                        if at[x] < l.len() && pick.is_none_or(|p| l[at[x]] < lists[p][at[p]]) {
                            pick = Some(x);
                        }
                    }
                    let Some(p) = pick else { break };
                    self.consider(
                        &lists[p][at[p]..at[p] + 1],
                        ids,
                        words,
                        i,
                        window,
                        &mut best,
                    );
                    at[p] += 1;
                }
            }
        }
        // stems: walk the first word's bytes through the stem trie
        let bytes = words[i].as_bytes();
        if !self.may_start_stem(bytes) {
            return best.found;
        }
        let window = &ids[(i + 1).min(ids.len())..(i + 2 + GAP_MAX).min(ids.len())];
        let mut node = 0usize;
        for &byte in bytes {
            match self.stems[node].children.iter().find(|c| c.0 == byte) {
                Some(c) => node = c.1 as usize,
                None => break,
            }
            if !self.stems[node].entries.is_empty() {
                self.consider(&self.stems[node].entries, ids, words, i, window, &mut best);
            }
        }
        best.found
    }

    /// The longest plain phrase starting at known word `i`: walk the trie.
    #[inline]
    fn walk_trie(&self, ids: &[u32], i: usize) -> Best {
        let mut best = Best::default();
        let mut node = self.root[ids[i] as usize];
        let mut at = i + 1;
        let mut matched = 1;
        while node != u32::MAX {
            if let Some(e) = self.trie[node as usize].entry {
                best.found = Some((e, at - i));
                best.words = matched;
            }
            // a phrase runs over a comma but not over a full stop
            let mut next = at;
            while next < ids.len() && ids[next] == SOFT_BOUNDARY_WORD {
                next += 1;
            }
            if next >= ids.len() || ids[next] == UNKNOWN_WORD || ids[next] == BOUNDARY_WORD {
                break;
            }
            node = self.trie[node as usize]
                .child(ids[next])
                .unwrap_or(u32::MAX);
            at = next + 1;
            matched += 1;
        }
        best
    }

    /// Try entries `cands` at word `i`, keeping the best match so far;
    /// `window` is the words an entry's needed word must be among.
    fn consider(
        &self,
        cands: &[u32],
        ids: &[u32],
        words: &[&str],
        i: usize,
        window: &[u32],
        best: &mut Best,
    ) {
        for &id in cands {
            let need = self.need[id as usize];
            if need != UNKNOWN_WORD && !window.contains(&need) {
                continue;
            }
            let k = self.entry_words[id as usize] as usize;
            if let Some(n) = match_ids(&self.compiled[id as usize], ids, words, i)
                && best
                    .found
                    .is_none_or(|(_, m)| k > best.words || (k == best.words && n < m))
            {
                best.found = Some((id, n));
                best.words = k;
            }
        }
    }
}

/// The best match found so far at a word: (entry id, words consumed), and
/// how many entry words it has.
#[derive(Default)]
struct Best {
    found: Option<(u32, usize)>,
    words: usize,
}

/// Match a compiled pattern at `i`; returns the number of words consumed.
fn match_ids(pattern: &[PatId], ids: &[u32], words: &[&str], i: usize) -> Option<usize> {
    fn go(p: &[PatId], ids: &[u32], w: &[&str], at: usize) -> Option<usize> {
        let Some(first) = p.first() else {
            return Some(at);
        };
        match first {
            PatId::Gap => {
                for skip in 0..=GAP_MAX {
                    if at + skip > w.len() || (skip > 0 && is_boundary(ids[at + skip - 1])) {
                        break;
                    }
                    if let Some(n) = go(&p[1..], ids, w, at + skip) {
                        return Some(n);
                    }
                }
                None
            }
            PatId::Word(x) if at < ids.len() && ids[at] == *x => go(&p[1..], ids, w, at + 1),
            PatId::Prefix(x) if at < w.len() && w[at].starts_with(x.as_str()) => {
                go(&p[1..], ids, w, at + 1)
            }
            _ => None,
        }
    }
    go(pattern, ids, words, i).map(|end| end - i)
}

/// `file:line`, written straight into a string of the right size (a
/// `format!` per entry was a sixth of the load time).
fn located(file: &str, line: usize) -> String {
    let mut digits = [0u8; 20];
    let at = crate::digits::decimal_before(line as u64, &mut digits, 20);
    let mut s = String::with_capacity(file.len() + 1 + digits.len() - at);
    s.push_str(file);
    s.push(':');
    s.extend(digits[at..].iter().map(|&d| d as char));
    s
}

/// Read a scored lexicon: weights must lie within `[lo, hi]` and not be zero.
pub fn load_scored(
    file: &str,
    content: &str,
    lo: f32,
    hi: f32,
    sign: f32,
    into: &mut PhraseMatcher,
    overriding: bool,
) -> Result<(), LexiconError> {
    // (line, weight) of the entries this file has given, by entry id
    let lines = read_lines(file, content)?;
    let mut seen: FxMap<u32, (usize, f32)> = FxMap::default();
    seen.reserve(lines.len());
    into.reserve(lines.len());
    for e in lines {
        let w: f32 = e.value.parse().map_err(|_| {
            err(
                file,
                e.line,
                format!("weight {:?} is not a number", e.value),
            )
        })?;
        if !w.is_finite() || w < lo || w > hi || w == 0.0 {
            return Err(err(
                file,
                e.line,
                format!("weight {w} for {:?} outside {lo}..{hi} (and not 0)", e.term),
            ));
        }
        let existing = into.index.get(&e.term).copied();
        if let Some((l, w0)) = existing.and_then(|id| seen.get(&id)) {
            if *w0 != w {
                return Err(err(
                    file,
                    e.line,
                    format!(
                        "duplicate entry {:?} with a different weight ({w0} at line {l})",
                        e.term
                    ),
                ));
            }
            continue;
        }
        let pattern = compile_pattern(file, &e.term, e.line)?;
        if !overriding && existing.is_some() {
            // Same term in two built-in files: the later file wins, silently
            // would hide a mistake, so say so.
            return Err(err(
                file,
                e.line,
                format!("{:?} is already defined in another lexicon file", e.term),
            ));
        }
        seen.insert(existing.unwrap_or(into.len() as u32), (e.line, w));
        into.insert(Entry {
            term: e.term,
            pattern,
            weight: w * sign,
            source: located(file, e.line),
        });
    }
    Ok(())
}

/// Read a word list whose values are classes from `allowed`.
pub fn load_classes(
    file: &str,
    content: &str,
    allowed: &[&str],
) -> Result<Vec<(String, String)>, LexiconError> {
    let lines = read_lines(file, content)?;
    let mut out = Vec::with_capacity(lines.len());
    // line and class of each term so far
    let mut seen: FxMap<&str, (usize, &str)> = FxMap::default();
    seen.reserve(lines.len());
    for e in &lines {
        // the one of `allowed` that is the value lower-cased (an ASCII
        // value, nearly all, is compared without a lower-case copy)
        let class = if e.value.is_ascii() {
            allowed.iter().copied().find(|a| {
                a.len() == e.value.len()
                    && a.bytes()
                        .zip(e.value.bytes())
                        .all(|(x, y)| x == y.to_ascii_lowercase())
            })
        } else {
            let lower = e.value.to_lowercase();
            allowed.iter().copied().find(|a| *a == lower)
        };
        let Some(class) = class else {
            return Err(err(
                file,
                e.line,
                format!(
                    "unknown class {:?} for {:?} (expected one of: {})",
                    e.value,
                    e.term,
                    allowed.join(", ")
                ),
            ));
        };
        if let Some(&(l, c)) = seen.get(e.term.as_str()) {
            if c != class {
                return Err(err(
                    file,
                    e.line,
                    format!(
                        "duplicate entry {:?} with a different class ({c} at line {l})",
                        e.term
                    ),
                ));
            }
            continue;
        }
        seen.insert(&e.term, (e.line, class));
        out.push((e.term.clone(), class.to_string()));
    }
    Ok(out)
}

/// Where lexicon files come from.
pub enum Source<'a> {
    BuiltIn,
    Dir(&'a Path),
}

/// The built-in lexicon files, compiled in from `lexicons/`.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("optimism.txt", include_str!("../lexicons/optimism.txt")),
    ("caution.txt", include_str!("../lexicons/caution.txt")),
    ("sentiment.txt", include_str!("../lexicons/sentiment.txt")),
    ("modifiers.txt", include_str!("../lexicons/modifiers.txt")),
    ("reporting.txt", include_str!("../lexicons/reporting.txt")),
    ("titles.txt", include_str!("../lexicons/titles.txt")),
    (
        "organizations.txt",
        include_str!("../lexicons/organizations.txt"),
    ),
    ("anonymous.txt", include_str!("../lexicons/anonymous.txt")),
    ("names.txt", include_str!("../lexicons/names.txt")),
    ("emoticons.txt", include_str!("../lexicons/emoticons.txt")),
    ("quantities.txt", include_str!("../lexicons/quantities.txt")),
];

/// Read one named lexicon file from the chosen source.
pub fn read_file(source: &Source, name: &str) -> Result<(String, String), LexiconError> {
    match source {
        Source::BuiltIn => BUILT_IN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(n, c)| (format!("lexicons/{n}"), (*c).to_string()))
            .ok_or_else(|| LexiconError(format!("no built-in lexicon {name}"))),
        Source::Dir(d) => {
            let p = d.join(name);
            let c = std::fs::read_to_string(&p)
                .map_err(|e| LexiconError(format!("{}: cannot read lexicon: {e}", p.display())))?;
            Ok((p.display().to_string(), c))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(src: &str) -> PhraseMatcher {
        let mut m = PhraseMatcher::default();
        load_scored("t.txt", src, 0.0, 1.0, 1.0, &mut m, false).unwrap();
        m
    }

    #[test]
    fn longest_match_and_stems_and_gaps() {
        let m =
            matcher("tough = 0.3\ntough issues = 0.6\noptimis* = 0.7\nlong .. way to go = 0.5\n");
        let w = ["some", "tough", "issues", "remain"];
        let (id, n) = m.longest_at(&w, 1).unwrap();
        assert_eq!(
            (m.entries[id as usize].term.as_str(), n),
            ("tough issues", 2)
        );
        let w = ["optimistic"];
        assert_eq!(
            m.entries[m.longest_at(&w, 0).unwrap().0 as usize].term,
            "optimis*"
        );
        let w = ["long", "long", "way", "to", "go"];
        assert_eq!(m.longest_at(&w, 0).unwrap().1, 5);
    }

    #[test]
    fn errors_name_file_and_line() {
        let mut m = PhraseMatcher::default();
        let e = load_scored(
            "x.txt",
            "# c\nfine = 0.5\nbad 0.5\n",
            0.0,
            1.0,
            1.0,
            &mut m,
            false,
        )
        .unwrap_err();
        assert!(e.0.starts_with("x.txt:3:"), "{e}");
        let e = load_scored("x.txt", "a = 2\n", 0.0, 1.0, 1.0, &mut m, false).unwrap_err();
        assert!(
            e.0.starts_with("x.txt:1:") && e.0.contains("outside"),
            "{e}"
        );
        let e =
            load_scored("x.txt", "a = 0.2\na = 0.3\n", 0.0, 1.0, 1.0, &mut m, false).unwrap_err();
        assert!(
            e.0.starts_with("x.txt:2:") && e.0.contains("duplicate"),
            "{e}"
        );
        let e = load_classes("y.txt", "said = shout\n", &["speech"]).unwrap_err();
        assert!(
            e.0.starts_with("y.txt:1:") && e.0.contains("unknown class"),
            "{e}"
        );
    }
}
