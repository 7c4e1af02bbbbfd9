//! All lexicons the pipeline uses, loaded and compiled once at start-up and
//! shared read-only by every worker thread.

use std::collections::HashMap;
use std::path::Path;

use crate::fxhash::FxMap;

use crate::lexicon::{
    BOUNDARY_WORD, BUILT_IN, LexiconError, PhraseMatcher, SOFT_BOUNDARY_WORD, Source, UNKNOWN_WORD,
    load_classes, load_scored, parse_lines, read_file,
};

/// How a modifier word acts on the cues near it (see `tone.rs`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Modifier {
    Negator,
    Intensifier(f32),
    Diminisher(f32),
    Hedge(f32),
    Contrast,
    Conditional,
    /// A verb of belief or expectation ("think", "expect", "see"): negated,
    /// it negates the clause it opens (tone rule 17).
    Belief,
    /// A word of coming through something ("withstand", "ride out"): the
    /// trouble it names after it is overcome (tone rule 16).
    Overcome,
}

/// A small longest-match lookup of multi-word terms to a class.
#[derive(Debug, Clone)]
pub struct ClassMatcher<T: Clone> {
    by_first: FxMap<String, Vec<(Vec<String>, T)>>,
    /// One-word terms again, for [`ClassMatcher::get`]: the noun-phrase
    /// reader asks about single words far more often than about phrases.
    single: FxMap<String, T>,
}

impl<T: Clone> Default for ClassMatcher<T> {
    fn default() -> Self {
        ClassMatcher {
            by_first: FxMap::default(),
            single: FxMap::default(),
        }
    }
}

impl<T: Clone> ClassMatcher<T> {
    pub fn insert(&mut self, term: &str, class: T) {
        let words: Vec<String> = term.split(' ').map(str::to_string).collect();
        if words.len() == 1 {
            self.single.insert(words[0].clone(), class.clone());
        }
        let list = self.by_first.entry(words[0].clone()).or_default();
        list.retain(|(w, _)| *w != words);
        list.push((words, class));
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    /// Longest term starting at `words[0]`: (class, words consumed).
    pub fn longest<'a>(&'a self, words: &[&str]) -> Option<(&'a T, usize)> {
        let list = self.by_first.get(*words.first()?)?;
        list.iter()
            .find(|(w, _)| w.len() <= words.len() && w.iter().zip(words).all(|(a, b)| a == b))
            .map(|(w, c)| (c, w.len()))
    }
    pub fn get(&self, word: &str) -> Option<&T> {
        self.single.get(word)
    }
    /// Some term starts with `word` (a cheap test before [`ClassMatcher::longest`]).
    pub fn starts(&self, word: &str) -> bool {
        self.by_first.contains_key(word)
    }
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
    /// Every word that starts a term.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }
}

/// What the tone stage needs to know about a word, found with one lookup
/// instead of one per lexicon.
#[derive(Debug, Clone, Copy)]
pub struct WordInfo {
    /// Vocabulary id in the tone lexicon ([`UNKNOWN_WORD`] if unused there).
    pub tone: u32,
    /// Vocabulary id in the sentiment lexicon.
    pub sentiment: u32,
    /// The word starts a modifier entry.
    pub modifier: bool,
    /// The tone rules' words it is (`tone::rule_words`), tested as bits.
    pub rules: u32,
    /// The word starts a `quantities.txt` term (rule 15, QUANTITY).
    pub quantity: bool,
}

impl WordInfo {
    pub const NONE: WordInfo = WordInfo {
        tone: UNKNOWN_WORD,
        sentiment: UNKNOWN_WORD,
        modifier: false,
        rules: 0,
        quantity: false,
    };
    /// A clause boundary among the words: matches nothing, and nothing reaches over it.
    pub const BOUNDARY: WordInfo = WordInfo {
        tone: BOUNDARY_WORD,
        sentiment: BOUNDARY_WORD,
        modifier: false,
        rules: 0,
        quantity: false,
    };
    /// A comma or dash among the words: phrases run over it, gaps do not.
    pub const SOFT_BOUNDARY: WordInfo = WordInfo {
        tone: SOFT_BOUNDARY_WORD,
        sentiment: SOFT_BOUNDARY_WORD,
        modifier: false,
        rules: 0,
        quantity: false,
    };
}

/// Reporting cue classes (see `lexicons/reporting.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    Speech,
    Tell,
    Object,
    Participle,
    According,
    Platform,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleClass {
    Title,
    Male,
    Female,
    Postnominal,
    Demonym,
}

/// Classes of `lexicons/quantities.txt` (tone rule 15, QUANTITY).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantity {
    /// A change upwards ("rose", "doubled", "higher").
    Up,
    /// A change downwards ("fell", "halved", "cut").
    Down,
    /// "more": up, only right before its quantity.
    More,
    /// "fewer", "less": down, only right before its quantity.
    Less,
    /// More of it is good news ("profits", "jobs").
    Good,
    /// More of it is bad news ("unemployment", "costs").
    Bad,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgClass {
    Keyword,
    Noun,
    Name,
}

#[derive(Debug, Default)]
pub struct Lexicons {
    /// Optimism cues (positive weights) and caution cues (negative weights).
    pub tone: PhraseMatcher,
    /// General sentiment, weights in [-4, 4].
    pub sentiment: PhraseMatcher,
    pub modifiers: ClassMatcher<Modifier>,
    /// The tone a reporting verb lends what it reports (class `reporting` in
    /// `modifiers.txt`: "warned" -0.45, "hailed" +0.45; tone rule 18).
    pub framing: ClassMatcher<f32>,
    pub cues: ClassMatcher<CueClass>,
    pub titles: ClassMatcher<TitleClass>,
    pub orgs: ClassMatcher<OrgClass>,
    pub anon_heads: ClassMatcher<()>,
    pub anon_dets: ClassMatcher<()>,
    /// Change words and quantities (`quantities.txt`).
    pub quantities: ClassMatcher<Quantity>,
    /// User lexicons in VADER or LIWC format, scored into extra columns.
    pub foreign: Vec<crate::foreign::ForeignLexicon>,
    /// Given names and the pronoun they usually take (`names.txt`).
    pub names: FxMap<String, crate::speakers::Gender>,
    /// Emoticons and emoji with their sentiment valence (`emoticons.txt`):
    /// matched on the text as written, since the tokeniser splits ":-)"
    /// into punctuation.
    pub emoticons: FxMap<String, f32>,
    /// The longest emoticon, in bytes.
    pub emoticon_max_len: usize,
    /// The tone-stage facts of every lexicon word; rebuilt whenever an entry
    /// is loaded, so it never disagrees with the lexicons.
    words: WordTable,
}

/// A word as two (possibly overlapping) loads of its bytes, with its
/// length. For words up to 16 bytes the loads cover every byte, so the key
/// is the word itself and comparing keys needs no call to `memcmp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct WordKey {
    len: usize,
    a: u64,
    b: u64,
}

/// Longest word whose [`WordKey`] is exact.
const EXACT_KEY_BYTES: usize = 16;

impl WordKey {
    fn of(w: &[u8]) -> WordKey {
        let n = w.len();
        let u64_at = |i: usize| u64::from_le_bytes(w[i..i + 8].try_into().unwrap());
        let u32_at = |i: usize| u64::from(u32::from_le_bytes(w[i..i + 4].try_into().unwrap()));
        let (a, b) = match n {
            8.. => (u64_at(0), u64_at(n - 8)),
            4..8 => (u32_at(0), u32_at(n - 4)),
            1..4 => (
                u64::from(w[0]) | u64::from(w[n / 2]) << 8 | u64::from(w[n - 1]) << 16,
                0,
            ),
            0 => (0, 0),
        };
        WordKey { len: n, a, b }
    }

    /// A slot among `1 << bits`: the top bits of a multiplicative hash
    /// (the low bits of a product mix only the low bits of its factors).
    fn slot(&self, bits: u32) -> usize {
        let h = (self.a ^ self.len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ self.b.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
        (h >> (64 - bits)) as usize
    }
}

/// The tone-stage facts of every lexicon word ([`Lexicons::word`]), in an
/// open-addressing table keyed by [`WordKey`]. Every word of every document
/// is looked up here once; a general hash map (hashing byte by byte, then
/// a `memcmp` call per hit) took three times as long.
#[derive(Debug, Default)]
struct WordTable {
    /// Index into the entries plus one (0 = empty slot); `1 << bits` long,
    /// at most half full.
    slots: Vec<u32>,
    bits: u32,
    keys: Vec<WordKey>,
    /// The words, compared only when longer than [`EXACT_KEY_BYTES`].
    words: Vec<String>,
    infos: Vec<WordInfo>,
}

impl WordTable {
    fn new(words: FxMap<String, WordInfo>) -> WordTable {
        let size = (words.len() * 2).next_power_of_two().max(16);
        let mut t = WordTable {
            slots: vec![0; size],
            bits: size.trailing_zeros(),
            ..WordTable::default()
        };
        for (w, info) in words {
            let key = WordKey::of(w.as_bytes());
            let mut i = key.slot(t.bits);
            while t.slots[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            t.keys.push(key);
            t.words.push(w);
            t.infos.push(info);
            t.slots[i] = t.keys.len() as u32;
        }
        t
    }

    #[inline]
    fn get(&self, w: &str) -> WordInfo {
        if self.slots.is_empty() {
            return WordInfo::NONE;
        }
        let key = WordKey::of(w.as_bytes());
        let mask = self.slots.len() - 1;
        let mut i = key.slot(self.bits);
        loop {
            let e = match self.slots[i] {
                0 => return WordInfo::NONE,
                e => e as usize - 1,
            };
            if self.keys[e] == key && (key.len <= EXACT_KEY_BYTES || self.long_word_is(e, w)) {
                return self.infos[e];
            }
            i = (i + 1) & mask;
        }
    }

    /// Entry `e` is `w`, a word too long for its key to be exact (rare).
    #[cold]
    fn long_word_is(&self, e: usize, w: &str) -> bool {
        self.words[e] == w
    }
}

impl Lexicons {
    pub fn built_in() -> Result<Lexicons, LexiconError> {
        Lexicons::load(&Source::BuiltIn)
    }

    pub fn from_dir(dir: &Path) -> Result<Lexicons, LexiconError> {
        Lexicons::load(&Source::Dir(dir))
    }

    fn load(source: &Source) -> Result<Lexicons, LexiconError> {
        let mut lx = Lexicons::default();
        let (f, c) = read_file(source, "optimism.txt")?;
        load_scored(&f, &c, 0.0, 1.0, 1.0, &mut lx.tone, false)?;
        let (f, c) = read_file(source, "caution.txt")?;
        load_scored(&f, &c, 0.0, 1.0, -1.0, &mut lx.tone, false)?;
        let (f, c) = read_file(source, "sentiment.txt")?;
        load_scored(&f, &c, -4.0, 4.0, 1.0, &mut lx.sentiment, false)?;
        let (f, c) = read_file(source, "modifiers.txt")?;
        lx.load_modifiers(&f, &c)?;
        let (f, c) = read_file(source, "reporting.txt")?;
        for (t, class) in load_classes(
            &f,
            &c,
            &[
                "speech",
                "tell",
                "object",
                "participle",
                "according",
                "platform",
            ],
        )? {
            let class = match class.as_str() {
                "speech" => CueClass::Speech,
                "tell" => CueClass::Tell,
                "object" => CueClass::Object,
                "participle" => CueClass::Participle,
                "according" => CueClass::According,
                _ => CueClass::Platform,
            };
            lx.cues.insert(&t, class);
        }
        let (f, c) = read_file(source, "titles.txt")?;
        for (t, class) in load_classes(
            &f,
            &c,
            &["title", "male", "female", "postnominal", "demonym"],
        )? {
            let class = match class.as_str() {
                "title" => TitleClass::Title,
                "male" => TitleClass::Male,
                "female" => TitleClass::Female,
                "postnominal" => TitleClass::Postnominal,
                _ => TitleClass::Demonym,
            };
            lx.titles.insert(&t, class);
        }
        let (f, c) = read_file(source, "organizations.txt")?;
        for (t, class) in load_classes(&f, &c, &["keyword", "noun", "name"])? {
            let class = match class.as_str() {
                "keyword" => OrgClass::Keyword,
                "noun" => OrgClass::Noun,
                _ => OrgClass::Name,
            };
            lx.orgs.insert(&t, class);
        }
        let (f, c) = read_file(source, "anonymous.txt")?;
        for (t, class) in load_classes(&f, &c, &["head", "determiner"])? {
            if class == "head" {
                lx.anon_heads.insert(&t, ());
            } else {
                lx.anon_dets.insert(&t, ());
            }
        }
        let (f, c) = read_file(source, "quantities.txt")?;
        for (t, class) in load_classes(&f, &c, &["up", "down", "more", "less", "good", "bad"])? {
            let class = match class.as_str() {
                "up" => Quantity::Up,
                "down" => Quantity::Down,
                "more" => Quantity::More,
                "less" => Quantity::Less,
                "good" => Quantity::Good,
                _ => Quantity::Bad,
            };
            lx.quantities.insert(&t, class);
        }
        let (f, c) = read_file(source, "emoticons.txt")?;
        lx.emoticons = load_emoticons(&f, &c)?;
        lx.emoticon_max_len = lx.emoticons.keys().map(String::len).max().unwrap_or(0);
        let (f, c) = read_file(source, "names.txt")?;
        for (t, class) in load_classes(&f, &c, &["female", "male", "unisex"])? {
            match class.as_str() {
                "female" => {
                    lx.names.insert(t, crate::speakers::Gender::Female);
                }
                "male" => {
                    lx.names.insert(t, crate::speakers::Gender::Male);
                }
                _ => {
                    lx.names.insert(t, crate::speakers::Gender::Either);
                }
            }
        }
        lx.reindex();
        Ok(lx)
    }

    fn load_modifiers(&mut self, file: &str, content: &str) -> Result<(), LexiconError> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for e in parse_lines(file, content)? {
            let at = |m: String| LexiconError(format!("{file}:{}: {m}", e.line));
            if let Some(l) = seen.get(&e.term) {
                return Err(at(format!(
                    "duplicate modifier {:?} (first at line {l})",
                    e.term
                )));
            }
            seen.insert(e.term.clone(), e.line);
            let mut parts = e.value.split_whitespace();
            let class = parts.next().unwrap_or("").to_lowercase();
            let num = parts.next();
            if parts.next().is_some() {
                return Err(at(format!("too many values for {:?}", e.term)));
            }
            let value = |lo: f32, hi: f32, zero_ok: bool| -> Result<f32, LexiconError> {
                let v: f32 = num
                    .ok_or_else(|| at(format!("{class} {:?} needs a number", e.term)))?
                    .parse()
                    .map_err(|_| at(format!("{:?} is not a number", num.unwrap_or(""))))?;
                if !(lo..=hi).contains(&v) || (v == 0.0 && !zero_ok) {
                    return Err(at(format!("value {v} for {:?} outside {lo}..{hi}", e.term)));
                }
                Ok(v)
            };
            let no_value = |m: Modifier| -> Result<Modifier, LexiconError> {
                if num.is_some() {
                    Err(at(format!("{class} {:?} takes no number", e.term)))
                } else {
                    Ok(m)
                }
            };
            let m = match class.as_str() {
                "negator" => no_value(Modifier::Negator)?,
                "contrast" => no_value(Modifier::Contrast)?,
                "conditional" => no_value(Modifier::Conditional)?,
                "overcome" => no_value(Modifier::Overcome)?,
                "belief" => no_value(Modifier::Belief)?,
                "intensifier" => Modifier::Intensifier(value(0.0, 2.0, false)?),
                "diminisher" => Modifier::Diminisher(value(0.0, 0.99, false)?),
                "hedge" => Modifier::Hedge(value(0.0, 1.0, true)?),
                // not a modifier of the words near it: it frames the
                // statement it introduces, so it is kept apart
                "reporting" => {
                    self.framing.insert(&e.term, value(-1.0, 1.0, false)?);
                    continue;
                }
                _ => {
                    return Err(at(format!(
                        "unknown modifier type {:?} for {:?} (expected negator, intensifier, diminisher, hedge, contrast, conditional, overcome, belief or reporting)",
                        class, e.term
                    )));
                }
            };
            self.modifiers.insert(&e.term, m);
        }
        Ok(())
    }

    /// Names of the extra columns the foreign lexicons add.
    /// The tone-stage facts of a (normalised) word.
    #[inline]
    pub fn word(&self, w: &str) -> WordInfo {
        self.words.get(w)
    }

    fn reindex(&mut self) {
        let mut words: FxMap<String, WordInfo> = FxMap::default();
        for (w, id) in self.tone.vocabulary() {
            words.entry(w.to_string()).or_insert(WordInfo::NONE).tone = id;
        }
        for (w, id) in self.sentiment.vocabulary() {
            words
                .entry(w.to_string())
                .or_insert(WordInfo::NONE)
                .sentiment = id;
        }
        for w in self.modifiers.first_words() {
            words
                .entry(w.to_string())
                .or_insert(WordInfo::NONE)
                .modifier = true;
        }
        for w in self.quantities.first_words() {
            words
                .entry(w.to_string())
                .or_insert(WordInfo::NONE)
                .quantity = true;
        }
        for (w, bits) in crate::tone::rule_words() {
            words.entry(w.to_string()).or_insert(WordInfo::NONE).rules |= bits;
        }
        self.words = WordTable::new(words);
    }

    pub fn extra_columns(&self) -> Vec<String> {
        self.foreign
            .iter()
            .flat_map(|f| f.columns.iter().cloned())
            .collect()
    }

    /// Add entries from a user file (`--lexicon FILE`); its name says what it
    /// holds: `*optimism*`, `*caution*` or `*sentiment*` in our format (same
    /// terms override the built-in weights), or a VADER (`*vader*`) or LIWC
    /// (`*.dic`) lexicon scored into extra columns (see `foreign.rs`).
    pub fn add_file(&mut self, path: &Path) -> Result<(), LexiconError> {
        let content = std::fs::read_to_string(path)
            .map_err(|e| LexiconError(format!("{}: cannot read lexicon: {e}", path.display())))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let shown = path.display().to_string();
        if name.ends_with(".dic") {
            self.foreign
                .push(crate::foreign::load_liwc(&shown, &content)?);
        } else if name.contains("vader") {
            self.foreign
                .push(crate::foreign::load_vader(&shown, &content)?);
        } else if name.contains("optimism") {
            load_scored(&shown, &content, 0.0, 1.0, 1.0, &mut self.tone, true)?;
        } else if name.contains("caution") {
            load_scored(&shown, &content, 0.0, 1.0, -1.0, &mut self.tone, true)?;
        } else if name.contains("sentiment") {
            load_scored(&shown, &content, -4.0, 4.0, 1.0, &mut self.sentiment, true)?;
        } else {
            return Err(LexiconError(format!(
                "{shown}: cannot tell what this lexicon holds: name it *optimism*.txt, *caution*.txt or *sentiment*.txt (our format), *vader*.txt (VADER format) or *.dic (LIWC format)"
            )));
        }
        self.reindex();
        Ok(())
    }

    pub fn built_in_names() -> Vec<&'static str> {
        BUILT_IN.iter().map(|(n, _)| *n).collect()
    }
}

/// Read `emoticons.txt`: `<emoticon> = <valence>` per line, the emoticon
/// written without spaces exactly as in text (case matters: ":D" is not
/// ":d"), the valence in -4..4 as in `sentiment.txt`. The emoticon is
/// everything before the first white space, so "=)" and "<3" need no
/// escaping; a `#` after the value starts a note.
pub fn load_emoticons(file: &str, content: &str) -> Result<FxMap<String, f32>, LexiconError> {
    let mut out: FxMap<String, f32> = FxMap::default();
    let mut first_line: FxMap<String, usize> = FxMap::default();
    for (i, raw) in content.lines().enumerate() {
        let line = i + 1;
        let at = |m: String| LexiconError(format!("{file}:{line}: {m}"));
        let t = raw.trim();
        if t.is_empty() || t.starts_with("# ") || t == "#" {
            continue;
        }
        let mut parts = t.split_whitespace();
        let term = parts.next().unwrap_or("");
        if parts.next() != Some("=") {
            return Err(at(format!("expected `<emoticon> = <valence>`, got {t:?}")));
        }
        let value = parts
            .next()
            .ok_or_else(|| at(format!("{term:?} has no valence")))?;
        if let Some(rest) = parts.next()
            && !rest.starts_with('#')
        {
            return Err(at(format!(
                "unexpected {rest:?} after the valence of {term:?}"
            )));
        }
        let v: f32 = value
            .parse()
            .map_err(|_| at(format!("{value:?} is not a number")))?;
        if !(-4.0..=4.0).contains(&v) || v == 0.0 {
            return Err(at(format!(
                "valence {v} for {term:?} outside -4..4 or zero"
            )));
        }
        if let Some(l) = first_line.get(term) {
            return Err(at(format!(
                "duplicate emoticon {term:?} (first at line {l})"
            )));
        }
        first_line.insert(term.to_string(), line);
        out.insert(term.to_string(), v);
    }
    Ok(out)
}
