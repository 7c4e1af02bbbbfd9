//! Who said what: find reporting cues, the speaker at each cue, and the
//! words that were said.
//!
//! The stage works on one sentence at a time, on its *frame*: the tokens
//! outside quotations, with each quotation collapsed into a single item. That
//! makes speech inside someone's quotation invisible here (it stays with the
//! quoting speaker) and lets a handful of readable patterns cover the ways
//! news reports speech:
//!
//! - `Q, X said.` / `Q, said X.` / `X said: Q` / `Q, she said, Q` (direct)
//! - `X said (that) CLAUSE` / `X told reporters CLAUSE` (indirect or mixed)
//! - `CLAUSE, officials said.` / `CLAUSE, according to X.` (content first)
//! - `X praised OBJECT`, `X described A as B` (the object is the statement)
//! - `..., adding that CLAUSE` / `posting on X that CLAUSE` (participles)
//! - `X said A but that B` / `X said A and warned B` (coordination: two statements)
//! - a sentence that is nothing but a quotation continues the previous speaker
//!   (or, for a quote running over paragraphs, the speaker named at its end).
//!
//! Each pattern is a small function below; the speaker noun phrase is read by
//! [`crate::speakers::PhraseReader`] and resolved in the article's registry.
//!
//! Reading the speaker, a few conventions of news copy matter:
//! - a dateline ("PORT ALBA, Sarvana -") is not the first sentence's subject;
//! - "analysts at X" and "supporters of Y" are anonymous groups, and
//!   "social media company Merrow" is Merrow;
//! - "the company" or "the utility" points back to the latest organisation,
//!   or to a one-word name that was read as a person's ("Eastgrid said");
//! - a role nobody in the article holds yet ("the returning officer") and a
//!   plural description ("the monitors") are new speakers, not the latest person.

use crate::document::{Document, ParagraphKind, Span, TokenKind};
use crate::fxhash::FxMap;
use crate::lexicons::{CueClass, Lexicons, TitleClass};
use crate::speakers::{
    FirstWords, Found, Gender, Np, PhraseReader, Registry, SpeakerType, ends_with_lower,
    mention_text,
};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Direct,
    Indirect,
    Mixed,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
            Kind::Mixed => "mixed",
        }
    }
}

/// A statement before scoring: what was said, by whom, found how.
#[derive(Debug, Clone)]
pub struct Attributed {
    pub content: Span,
    pub kind: Kind,
    pub cue: String,
    pub entity: Option<usize>,
    pub mention: String,
    pub found: Found,
    pub sentence: usize,
    /// For a direct statement, the quotation it is.
    pub quote: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Item {
    Tok(usize),
    Quote(usize),
}

/// Determiners and possessives: a reporting verb after one is a noun
/// ("the claims", "his statement").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "these", "those", "whose",
];

/// Words that can never be inside a speaker's noun phrase.
const NP_STOP: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "will", "would",
    "could", "can", "may", "might", "must", "shall", "should", "did", "does", "do", "that", "who",
    "which", "whose", "whom", "when", "where", "while", "as", "after", "before", "because",
    "since", "although", "though", "if", "unless", "than", "to", "not", "but", "or", "so", "then",
    "there", "this", "these", "those", "also", "what", "how", "why", "into", "about", "against",
];

/// Words skipped between a speaker and the verb ("he also said", "has warned").
const PRE_VERB_SKIP: &[&str] = &[
    "also",
    "later",
    "previously",
    "repeatedly",
    "then",
    "again",
    "publicly",
    "privately",
    "separately",
    "firmly",
    "flatly",
    "subsequently",
    "once",
    "now",
    "recently",
    "further",
    "has",
    "have",
    "had",
    "will",
    "would",
    "already",
    "earlier",
    "still",
    "immediately",
    "quickly",
    "simply",
    "angrily",
    "reportedly",
    "frequently",
    "often",
    "insistently",
    "bluntly",
    "openly",
    "privately",
    "quietly",
    "tweeted",
    "had",
    "has",
    "first",
    "last",
    "originally",
];

const PREPOSITIONS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "outside",
    "from",
    "to",
    "via",
    "through",
    "with",
    "inside",
    "at",
    "for",
    "over",
    "ahead",
    "following",
    "late",
    "early",
    "earlier",
    "later",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
    "shortly",
    "afterwards",
    "separately",
    "privately",
    "publicly",
    "again",
    "also",
    "alongside",
    "near",
    "across",
    "by",
    "under",
    "amid",
];

/// Words that begin a new clause (so an adjunct or addressee ends before them).
const CLAUSE_START: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "there", "this", "these",
    "those", "its", "his", "her", "their", "our", "some", "any", "no", "every", "all", "most",
    "many", "several", "none", "nobody", "nothing", "one", "both", "each", "more", "further",
];

/// Capitalised words at a phrase start that are not names.
const LEADING: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "our",
    "one",
    "two",
    "some",
    "however",
    "meanwhile",
];

fn speakers_base(w: &str) -> &str {
    w.strip_suffix("'s").unwrap_or(w)
}

const INTRO_WORDS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "despite",
    "during",
    "following",
    "last",
    "earlier",
    "later",
    "however",
    "meanwhile",
    "asked",
    "appearing",
    "speaking",
    "with",
    "for",
    "since",
    "as",
    "while",
    "when",
    "under",
    "amid",
    "yesterday",
    "today",
    "this",
    "next",
    "but",
    "and",
    "still",
    "instead",
    "separately",
    "elsewhere",
    "nevertheless",
    "speaking",
    "writing",
    "addressing",
    "responding",
    "pressed",
    "questioned",
    "interviewed",
    "earlier",
    "overnight",
    "if",
    "although",
];

/// Bits of [`word_lists`]: the fixed lists above that a word is in.
const IN_DETERMINERS: u32 = 1 << 0;
const IN_NP_STOP: u32 = 1 << 1;
const IN_PRE_VERB_SKIP: u32 = 1 << 2;
const IN_PREPOSITIONS: u32 = 1 << 3;
const IN_CLAUSE_START: u32 = 1 << 4;
const IN_LEADING: u32 = 1 << 5;
const IN_INTRO_WORDS: u32 = 1 << 6;
const IN_FINITE_AUXILIARIES: u32 = 1 << 7;
const IN_IRREGULAR_PAST: u32 = 1 << 8;
const IN_QUOTE_ONLY: u32 = 1 << 9;
const IN_REPORTED_ONLY: u32 = 1 << 10;
const IN_LABEL_ONLY: u32 = 1 << 11;
/// "he", "she", "they", "it", "we", "i".
const IN_SUBJECT_PRONOUNS: u32 = 1 << 12;

const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// Every word of the fixed lists, with the bits of the lists it is in: one
/// hash probe tells all of them, where comparing the word with each list
/// (NP_STOP alone has sixty words) was most of the cost of reading a phrase.
static WORD_LISTS: LazyLock<FxMap<&'static str, u32>> = LazyLock::new(|| {
    let lists: [(&[&'static str], u32); 13] = [
        (DETERMINERS, IN_DETERMINERS),
        (NP_STOP, IN_NP_STOP),
        (PRE_VERB_SKIP, IN_PRE_VERB_SKIP),
        (PREPOSITIONS, IN_PREPOSITIONS),
        (CLAUSE_START, IN_CLAUSE_START),
        (LEADING, IN_LEADING),
        (INTRO_WORDS, IN_INTRO_WORDS),
        (FINITE_AUXILIARIES, IN_FINITE_AUXILIARIES),
        (IRREGULAR_PAST, IN_IRREGULAR_PAST),
        (QUOTE_ONLY, IN_QUOTE_ONLY),
        (REPORTED_ONLY, IN_REPORTED_ONLY),
        (LABEL_ONLY, IN_LABEL_ONLY),
        (SUBJECT_PRONOUNS, IN_SUBJECT_PRONOUNS),
    ];
    let mut map: FxMap<&'static str, u32> = FxMap::default();
    for (words, bit) in lists {
        for w in words {
            *map.entry(w).or_default() |= bit;
        }
    }
    map
});

/// The words of [`WORD_LISTS`] as a [`FirstWords`] table: most words are
/// in no list, and the table says so without a hash probe.
static WORD_LIST_WORDS: LazyLock<FirstWords> =
    LazyLock::new(|| FirstWords::new(WORD_LISTS.keys().copied()));

/// The lists a word is in, as `IN_*` bits.
fn word_lists(w: &str) -> u32 {
    if !WORD_LIST_WORDS.may_start(w) {
        return 0;
    }
    WORD_LISTS.get(w).copied().unwrap_or(0)
}

/// What the grammar asks about one token, worked out when first asked and
/// kept for the rest of the article. The rules ask the same questions about
/// the same words many times over (every speaker reader walks the same
/// noun phrases; every clause end asks whether a cue starts there), and
/// each answer is a lexicon probe or a string comparison. A token belongs
/// to one sentence's frame only, so answers that look at the neighbouring
/// items are still answers about that one frame.
#[derive(Default)]
struct TokenFacts {
    /// The `IN_*` bits of its normalised form.
    lists: Cell<Option<u32>>,
    /// `lx.cues.get` of its normalised form.
    cue: Cell<Option<Option<CueClass>>>,
    /// The longest cue starting here: class and words.
    longest_cue: Cell<Option<Option<(CueClass, usize)>>>,
    /// [`valid_cue_at`] here.
    valid_cue: Cell<Option<bool>>,
    /// [`np_word`] here.
    np_word: Cell<Option<bool>>,
}

/// A noun phrase read over a token range.
type NpAt<'a> = ((usize, usize), Rc<Np<'a>>);

struct Sent<'a> {
    doc: &'a Document,
    lx: &'a Lexicons,
    items: Vec<Item>,
    index: usize,
    /// Per token of the document (see [`TokenFacts`]).
    facts: &'a [TokenFacts],
    /// The first words of the reporting cues (see [`FirstWords`]).
    cue_starts: &'a FirstWords,
    phrases: &'a PhraseReader<'a>,
    /// Noun phrases already read in this sentence, by token range: the
    /// subject, the mentions and the speaker readers ask about the same
    /// phrases, and reading one is the costliest step of attribution.
    /// Shared, not cloned: a phrase is asked about several times per sentence.
    nps: RefCell<Vec<NpAt<'a>>>,
}

impl<'a> Sent<'a> {
    /// The noun phrase over tokens `[x, y)`, remembered for the sentence.
    fn np(&self, x: usize, y: usize) -> Rc<Np<'a>> {
        if let Some((_, np)) = self.nps.borrow().iter().find(|(r, _)| *r == (x, y)) {
            return Rc::clone(np);
        }
        let np = Rc::new(self.phrases.read(x, y));
        self.nps.borrow_mut().push(((x, y), Rc::clone(&np)));
        np
    }
    /// The facts kept for item `k`, when it is a token.
    fn facts(&self, k: usize) -> Option<&TokenFacts> {
        match self.items.get(k) {
            Some(Item::Tok(i)) => Some(&self.facts[*i]),
            _ => None,
        }
    }
    /// The `IN_*` bits of item `k` (none for a quotation or past the end).
    fn lists(&self, k: usize) -> u32 {
        let Some(f) = self.facts(k) else { return 0 };
        if let Some(v) = f.lists.get() {
            return v;
        }
        let v = word_lists(self.norm(k));
        f.lists.set(Some(v));
        v
    }
    /// Item `k` is in one of the lists `bits`.
    fn in_list(&self, k: usize, bits: u32) -> bool {
        self.lists(k) & bits != 0
    }
    /// The cue class of item `k`'s word alone (`lx.cues.get`).
    fn cue_class(&self, k: usize) -> Option<CueClass> {
        let f = self.facts(k)?;
        if let Some(v) = f.cue.get() {
            return v;
        }
        let w = self.norm(k);
        // (a one-word cue is the first word of a cue)
        let v = if self.cue_starts.may_start(w) {
            self.lx.cues.get(w).copied()
        } else {
            None
        };
        f.cue.set(Some(v));
        v
    }
    /// The longest cue starting at item `k` (`lx.cues.longest` over up to
    /// four words): its class and length.
    fn longest_cue(&self, k: usize) -> Option<(CueClass, usize)> {
        let f = self.facts(k)?;
        if let Some(v) = f.longest_cue.get() {
            return v;
        }
        let w = self.norm(k);
        let v = if self.cue_starts.may_start(w) && self.lx.cues.starts(w) {
            self.lx
                .cues
                .longest(&self.words_from(k, 4))
                .map(|(c, l)| (*c, l))
        } else {
            None
        };
        f.longest_cue.set(Some(v));
        v
    }
    fn norm(&self, k: usize) -> &'a str {
        match self.items.get(k) {
            Some(Item::Tok(i)) => self.doc.norm(*i),
            _ => "",
        }
    }
    fn is_tok(&self, k: usize, s: &str) -> bool {
        matches!(self.items.get(k), Some(Item::Tok(i)) if self.doc.norm(*i) == s)
    }
    fn is_quote(&self, k: usize) -> bool {
        matches!(self.items.get(k), Some(Item::Quote(_)))
    }
    fn is_word(&self, k: usize) -> bool {
        matches!(self.items.get(k), Some(Item::Tok(i)) if matches!(self.doc.tokens[*i].kind, TokenKind::Word | TokenKind::Number))
    }
    fn is_punct(&self, k: usize) -> bool {
        matches!(self.items.get(k), Some(Item::Tok(i)) if self.doc.tokens[*i].kind == TokenKind::Punct)
    }
    fn is_cap(&self, k: usize) -> bool {
        matches!(self.items.get(k), Some(Item::Tok(i)) if self.doc.tokens[*i].cap)
    }
    fn span(&self, k: usize) -> Span {
        match self.items[k] {
            Item::Tok(i) => self.doc.tokens[i].span,
            Item::Quote(q) => self.doc.quotes[q].outer,
        }
    }
    /// Token range of items `[a, b)` (frame tokens only, for noun phrases).
    fn tok_range(&self, a: usize, b: usize) -> (usize, usize) {
        let first = match self.items[a] {
            Item::Tok(i) => i,
            Item::Quote(q) => self.doc.quotes[q].open,
        };
        let last = match self.items[b - 1] {
            Item::Tok(i) => i + 1,
            Item::Quote(q) => self.doc.quotes[q].close.map(|c| c + 1).unwrap_or(first + 1),
        };
        (first, last)
    }
    /// Up to four normalised words from item `k` (stopping at a quotation),
    /// without allocating: this runs for every word of every sentence.
    fn words_from(&self, k: usize, n: usize) -> Words<'_> {
        let mut out = Words { w: [""; 4], len: 0 };
        let mut j = k;
        while j < self.items.len() && out.len < n.min(4) {
            match self.items[j] {
                Item::Tok(i) => {
                    out.w[out.len] = self.doc.norm(i);
                    out.len += 1;
                }
                Item::Quote(_) => break,
            }
            j += 1;
        }
        out
    }
    /// End of the sentence, ignoring closing punctuation.
    fn only_punct_from(&self, k: usize) -> bool {
        (k..self.items.len()).all(|j| self.is_punct(j))
    }
}

/// A few words, on the stack.
struct Words<'a> {
    w: [&'a str; 4],
    len: usize,
}

impl<'a> std::ops::Deref for Words<'a> {
    type Target = [&'a str];
    fn deref(&self) -> &[&'a str] {
        &self.w[..self.len]
    }
}

#[derive(Debug, Clone, Copy)]
struct Cue {
    k: usize,
    len: usize,
    class: CueClass,
}

/// The speaker found for a cue.
#[derive(Debug, Clone)]
struct Who {
    entity: Option<usize>,
    mention: String,
    found: Found,
    /// Item range of the noun phrase (for content-first patterns).
    np: Option<(usize, usize)>,
    inverted: bool,
}

/// Attribute every statement in the document.
pub fn attribute(doc: &Document, lx: &Lexicons) -> (Vec<Attributed>, Registry) {
    let mut reg = Registry::default();
    let mut out: Vec<Attributed> = Vec::new();
    // Quote-only sentences waiting for a speaker: (statement index in out, fallback).
    let mut pending: Vec<usize> = Vec::new();
    let facts: Vec<TokenFacts> = (0..doc.tokens.len())
        .map(|_| TokenFacts::default())
        .collect();
    let cue_starts = FirstWords::new(lx.cues.first_words());
    let phrases = PhraseReader::new(doc, lx);
    // (one sentence's item and phrase lists at a time, allocated once)
    let mut items_kept: Vec<Item> = Vec::new();
    let mut nps_kept: Vec<NpAt> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        if doc.paragraphs[s.paragraph].kind != ParagraphKind::Body {
            continue;
        }
        let (a, b) = s.tokens;
        let mut items = std::mem::take(&mut items_kept);
        items.clear();
        // a dateline is not part of the first sentence's grammar
        let mut i = if a == doc.paragraphs[s.paragraph].tokens.0 {
            dateline_end(doc, a, b).unwrap_or(a)
        } else {
            a
        };
        while i < b {
            if let Some(q) = doc.tokens[i].quote {
                let q = q as usize;
                if items.last() != Some(&Item::Quote(q)) {
                    items.push(Item::Quote(q));
                }
            } else {
                items.push(Item::Tok(i));
            }
            i += 1;
        }
        let st = Sent {
            doc,
            lx,
            items,
            index: si,
            facts: &facts,
            cue_starts: &cue_starts,
            phrases: &phrases,
            nps: RefCell::new(std::mem::take(&mut nps_kept)),
        };
        let before = out.len();
        // Names and organisations first, so "..., and the company said" in
        // the same sentence finds the company.
        register_mentions(&st, &mut reg);
        sentence(&st, &mut reg, &mut out);
        register_subject(&st, &mut reg);
        register_inverted_subject(&st, &mut reg);
        // A quotation left over in a sentence whose statements all have one
        // speaker is that speaker's too: "“A,” Tester said, referring to X, “B.”"
        if out.len() > before && out[before..].iter().all(|x| x.entity == out[before].entity) {
            let taken: Vec<Span> = out[before..].iter().map(|x| x.content).collect();
            for k in 0..st.items.len() {
                if let Item::Quote(q) = st.items[k] {
                    let qd = &doc.quotes[q];
                    let inner = qd.inner;
                    let free = !taken
                        .iter()
                        .any(|t| t.start < qd.outer.end && qd.outer.start < t.end);
                    // only a quote standing on its own (after a comma or at the end),
                    // not a scare quote inside narration
                    let standalone = k > 0
                        && (st.is_tok(k - 1, ",") || st.is_punct(k - 1))
                        && (k + 1 >= st.items.len() || st.is_punct(k + 1));
                    if free && standalone && !inner.is_empty() {
                        let first = out[before].clone();
                        out.push(Attributed {
                            content: inner,
                            kind: Kind::Direct,
                            quote: Some(q),
                            found: Found::Continuation,
                            ..first
                        });
                    }
                }
            }
        }
        if out.len() == before {
            dash_signature(&st, &mut reg, &mut out);
        }
        if out.len() == before {
            possessive_speech_noun(&st, &mut reg, &mut out);
        }
        if out.len() == before {
            colon_quotation(&st, &mut reg, &mut out);
        }
        // A sentence that is only a quotation: continue a speaker.
        if out.len() == before {
            let quotes: Vec<usize> = (0..st.items.len())
                .filter_map(|k| match st.items[k] {
                    Item::Quote(q) => Some(q),
                    _ => None,
                })
                .collect();
            let only_quote =
                !quotes.is_empty() && (0..st.items.len()).all(|k| st.is_quote(k) || st.is_punct(k));
            if only_quote {
                for q in quotes {
                    let inner = doc.quotes[q].inner;
                    if inner.is_empty() {
                        continue;
                    }
                    // "PENCE: Well, look, ...": a transcript turn names its speaker
                    if let Some(turn) = transcript_turn(doc, &mut reg, q, si) {
                        out.push(turn);
                        continue;
                    }
                    // Continue the quote this one carries on from, else the
                    // latest statement in this or the previous paragraph.
                    let prev = doc.quotes[q]
                        .continues
                        .and_then(|p| out.iter().rposition(|x| x.quote == Some(p)))
                        .or_else(|| {
                            out.iter().rposition(|x| {
                                let p = doc.sentences[x.sentence].paragraph;
                                p == s.paragraph
                                    || (p + 1 == s.paragraph
                                        && doc.quotes[q].open
                                            == doc.paragraphs[s.paragraph].tokens.0)
                            })
                        });
                    let (entity, mention, cue) = match prev {
                        Some(p) => (out[p].entity, out[p].mention.clone(), out[p].cue.clone()),
                        None => (None, String::new(), String::new()),
                    };
                    let idx = out.len();
                    out.push(Attributed {
                        content: inner,
                        kind: Kind::Direct,
                        cue,
                        entity,
                        mention,
                        found: Found::Continuation,
                        sentence: si,
                        quote: Some(q),
                    });
                    // a transcript turn's speaker (cue ":") goes on until the next turn
                    let after_turn = prev.is_some_and(|p| out[p].cue == ":");
                    if (prev.is_none() || doc.quotes[q].close.is_none()) && !after_turn {
                        pending.push(idx);
                    }
                }
            }
        }
        // the sentence's lists, emptied, serve the next sentence
        items_kept = st.items;
        nps_kept = st.nps.into_inner();
        nps_kept.clear();
    }
    // Quotes running over paragraphs take the speaker named later in the chain.
    for idx in pending {
        let Some(q) = out[idx].quote else { continue };
        let mut next = q;
        let mut found = None;
        while let Some(n) =
            (next + 1..doc.quotes.len()).find(|&n| doc.quotes[n].continues == Some(next))
        {
            // a transcript turn is someone else speaking
            if turn_name(doc, n).is_some() {
                break;
            }
            if let Some(p) = out
                .iter()
                .position(|x| x.quote == Some(n) && x.found != Found::Continuation)
            {
                found = Some(p);
                break;
            }
            next = n;
        }
        if let Some(p) = found {
            out[idx].entity = out[p].entity;
            out[idx].mention = out[p].mention.clone();
            out[idx].cue = out[p].cue.clone();
        }
    }
    out.retain(|x| x.entity.is_some() && !x.content.is_empty());
    out.sort_by_key(|x| (x.content.start, x.content.end));
    out.dedup_by(|a, b| a.content.start < b.content.end && b.content.start < a.content.end);
    (out, reg)
}

fn find_cues(st: &Sent) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut k = 0;
    while k < st.items.len() {
        if !st.is_word(k) {
            k += 1;
            continue;
        }
        let w = st.norm(k);
        // only an -ing form can be a progressive ("is telling")
        let progressive = if w.ends_with("ing") {
            progressive_finite(st, k)
        } else {
            None
        };
        let found = match progressive {
            Some((_, class)) => Some((class, 1)),
            // (most words: the table says no cue starts here)
            None if !st.cue_starts.may_start(w) => None,
            None => st.longest_cue(k),
        };
        let Some((class, len)) = found else {
            k += 1;
            continue;
        };
        if class == CueClass::Platform || !valid_cue(st, k, len, class) {
            k += 1;
            continue;
        }
        cues.push(Cue { k, len, class });
        k += len;
    }
    cues
}

fn valid_cue(st: &Sent, k: usize, len: usize, class: CueClass) -> bool {
    // "is calling", "'s claiming": the checks of the finite verb apply
    let finite = progressive_finite(st, k);
    let verb = finite.as_ref().map_or(st.norm(k), |(f, _)| f.as_str());
    let verb_lists = match &finite {
        Some((f, _)) => word_lists(f),
        None => st.lists(k),
    };
    // Capitalised mid-sentence ("Says Law") is a name, not a verb.
    if k > 0 && st.is_cap(k) && class != CueClass::According {
        return false;
    }
    let prev = if k > 0 { st.norm(k - 1) } else { "" };
    let prev2 = if k > 1 { st.norm(k - 2) } else { "" };
    let prev_det = k > 0 && st.in_list(k - 1, IN_DETERMINERS);
    let prev2_det = k > 1 && st.in_list(k - 2, IN_DETERMINERS);
    // Negated, infinitive, or a noun after a determiner.
    if prev_det
        || matches!(
            prev,
            "not"
                | "never"
                | "n't"
                | "to"
                | "that"
                | "no"
                | "didn't"
                | "hasn't"
                | "haven't"
                | "won't"
                | "wouldn't"
                | "cannot"
                | "can't"
        )
        || matches!(prev2, "declined" | "refused" | "not")
        // "a swiftly called meeting": an adjective
        || (k > 1 && ly_adverb(st, k - 1) && prev2_det)
        // "a series of tweets", "in reports": after a preposition, a noun
        || (matches!(
            prev,
            "of" | "about" | "over" | "against" | "with" | "on" | "by" | "for" | "in" | "from"
        ) && !st.norm(k).ends_with("ing"))
    {
        return false;
    }
    // "Two diplomats briefed on the talks said ...": a passive participle
    // describing the speaker, not a briefing
    if verb == "briefed" && matches!(st.norm(k + len), "on" | "about") {
        return false;
    }
    // "when a dozen states held contests", "the reports were wrong": a cue
    // in -s right before a past tense or finite auxiliary is a plural noun,
    // the subject of that verb
    if verb.ends_with('s')
        && finite.is_none()
        && st.is_word(k + len)
        && !st.is_cap(k + len)
        && (st.in_list(k + len, IN_FINITE_AUXILIARIES | IN_IRREGULAR_PAST)
            || st.norm(k + len).ends_with("ed"))
    {
        return false;
    }
    // "the divide highlighted by the shootings", "a plan criticised by
    // unions": a past participle with its agent is passive; the noun before
    // it is not the speaker ("responded by saying" is active)
    if finite.is_none()
        && verb.ends_with("ed")
        && st.is_tok(k + len, "by")
        && st.is_word(k + len + 1)
        && !st.norm(k + len + 1).ends_with("ing")
    {
        return false;
    }
    // "Cost estimates, he added, were ...", "The reports, she said, are
    // wrong": a cue in -s right before an attribution set off by commas is
    // a plural noun, the subject of the clause the attribution interrupts
    if verb.ends_with('s')
        && finite.is_none()
        && st.is_tok(k + len, ",")
        && st.in_list(k + len + 1, IN_SUBJECT_PRONOUNS)
        && is_cue_at(st, k + len + 2, &[CueClass::Speech])
        && st.is_tok(k + len + 2 + cue_len(st, k + len + 2), ",")
    {
        return false;
    }
    // "The tentative deal, announced Friday, would last four years": a past
    // participle between commas, followed by the sentence's own finite verb,
    // describes the noun before it; nobody speaks
    if prev == ","
        && verb.ends_with("ed")
        && let Some(c) = (k + len..(k + len + 5).min(st.items.len())).find(|&m| st.is_tok(m, ","))
        && (k + len..c).all(|m| st.is_word(m))
        && st.is_word(c + 1)
        && st.in_list(c + 1, IN_FINITE_AUXILIARIES)
    {
        return false;
    }
    // "its growth forecast", "the latest reports": a cue that is also a noun,
    // after a determiner and a modifier, is the noun
    if matches!(
        verb,
        "forecast"
            | "forecasts"
            | "report"
            | "reports"
            | "claim"
            | "claims"
            | "estimate"
            | "estimates"
    ) && (prev2_det && st.is_word(k - 1) && !st.is_cap(k - 1)
        // "Trump's claims", "of Republican claims"
        // "analysts' average forecast of $1.7bn": a verb never takes "of"
        || finite.is_none() && st.is_tok(k + len, "of")
        || finite.is_none()
            && (prev.ends_with("'s")
                || matches!(prev2, "of" | "about" | "over" | "against" | "with" | "on" | "by")
                    && st.is_word(k - 1)))
    {
        return false;
    }
    // "agreed (on Thursday) to extend", "vowed to fight": an intention, not a statement.
    if matches!(
        verb,
        "agreed"
            | "agrees"
            | "promised"
            | "promises"
            | "vowed"
            | "vows"
            | "pledged"
            | "pledges"
            | "claimed"
            | "claims"
            | "threatened"
    ) {
        let mut j = k + len;
        while j < st.items.len() && j < k + len + 6 && st.is_word(j) && st.norm(j) != "that" {
            if st.norm(j) == "to" {
                return !(st.is_word(j + 1)
                    && !st.is_cap(j + 1)
                    && !st.in_list(j + 1, IN_CLAUSE_START));
            }
            j += 1;
        }
    }
    if verb_lists & IN_QUOTE_ONLY != 0 && !next_to_quote(st, k, len) {
        return false;
    }
    if verb_lists & IN_LABEL_ONLY != 0 && !quote_in_object(st, k + len) {
        return false;
    }
    if naming_participle(st, k, verb) || welcomed_a_child(st, k, verb) {
        return false;
    }
    if action_object(st, k + len, verb) {
        return false;
    }
    // "the advert concludes with footage of ...", "concluded by thanking
    // staff": how something ended, not what was said
    if matches!(verb, "concluded" | "concludes") && matches!(st.norm(k + len), "with" | "by") {
        return false;
    }
    // "carried two states: Ohio and Utah": after a number or a quantifier
    // "states" is the noun, even before a colon
    if verb == "states"
        && k > 0
        && (matches!(st.items[k - 1], Item::Tok(i) if st.doc.tokens[i].kind == TokenKind::Number)
            || matches!(
                st.norm(k - 1),
                "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
                    | "several"
                    | "many"
                    | "some"
                    | "all"
                    | "other"
                    | "both"
                    | "most"
                    | "few"
                    | "those"
                    | "these"
                    | "key"
                    | "swing"
                    | "battleground"
                    | "member"
            ))
    {
        return false;
    }
    if verb_lists & IN_REPORTED_ONLY != 0 {
        // "emailed reporters that ...": a tell verb's addressee comes first
        let j = skip_adjuncts(st, k + len, class == CueClass::Tell);
        if !(st.is_tok(j, "that")
            || (st.is_tok(j, ",") && opened_by_as(st, k))
            || st.is_tok(j, ":")
            || quote_in_object(st, j)
            || next_to_quote(st, k, len))
        {
            return false;
        }
    }
    if class == CueClass::Participle {
        // Must open a participle clause and introduce content.
        let opens = k > 0
            && (matches!(
                prev,
                "," | "and" | "but" | "while" | "before" | "after" | "—" | "–" | "for" | "by"
            ) || st.is_quote(k - 1)
                || issued_statement(st, k));
        if !opens {
            return named_participle(st, k).is_some();
        }
        let mut j = k + len;
        j = skip_adjuncts(st, j, addressed_participle(st, k));
        return st.is_tok(j, "that")
            || st.is_quote(j)
            || st.is_tok(j, ":")
            || (st.is_tok(j, ",") && st.is_quote(j + 1))
            // "..., saying his “start-up capital was less than expected.”"
            // (only "saying": "suggesting it could serve as the “basis”"
            // elaborates the statement before it)
            || (st.norm(k) == "saying" && st.is_word(j) && quote_in_object(st, j))
            // "..., calling the test “a clear violation”"
            || (matches!(st.norm(k), "calling" | "describing" | "branding" | "labeling" | "labelling" | "dubbing")
                && st.is_word(j)
                && quote_in_object(st, j))
            || bare_reported_clause(st, k, len);
    }
    if class == CueClass::According {
        return st.is_word(k + len);
    }
    true
}

/// "..., telling them that ...", "..., warning voters that ...": a
/// participle whose addressee comes before its "that".
fn addressed_participle(st: &Sent, k: usize) -> bool {
    matches!(st.norm(k), "telling" | "warning")
}

/// A participle of saying followed by a reported clause without "that":
/// "..., saying he would not run", "..., telling reporters she was ready",
/// "..., noting the law had helped". The clause must open with a subject
/// pronoun, or with a determiner whose phrase reaches a finite verb within a
/// few words ("saying the law was ..."), so "saying goodbye" or "adding to
/// the pressure" stay out.
fn bare_reported_clause(st: &Sent, k: usize, len: usize) -> bool {
    if !matches!(
        st.norm(k),
        "saying"
            | "adding"
            | "noting"
            | "arguing"
            | "insisting"
            | "claiming"
            | "warning"
            | "stressing"
            | "explaining"
            | "acknowledging"
            | "conceding"
            | "predicting"
            | "declaring"
            | "announcing"
            | "telling"
    ) {
        return false;
    }
    let j = skip_adjuncts(st, k + len, addressed_participle(st, k));
    let w = st.norm(j);
    if !st.is_word(j) {
        return false;
    }
    if matches!(w, "he" | "she" | "they" | "we" | "i" | "there") {
        return st.is_word(j + 1);
    }
    if matches!(
        w,
        "the" | "his" | "her" | "its" | "their" | "our" | "this" | "these"
    ) {
        return reaches_finite_verb(st, j + 1);
    }
    false
}

/// "issued a statement calling ...", "a series of tweets early Friday
/// saying ...": a participle right after a statement put out by the
/// sentence's subject (or the time it was put out) reports it.
fn issued_statement(st: &Sent, k: usize) -> bool {
    let prev = st.norm(k - 1);
    let time = matches!(
        prev,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "overnight"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
    );
    let noun = matches!(
        prev,
        "statement"
            | "letter"
            | "tweet"
            | "tweets"
            | "post"
            | "posts"
            | "video"
            | "release"
            | "email"
            | "memo"
    );
    (time || noun)
        && (k.saturating_sub(8)..k).any(|m| {
            matches!(
                st.norm(m),
                "issued"
                    | "released"
                    | "sent"
                    | "posted"
                    | "published"
                    | "unleashed"
                    | "fired"
                    | "put"
            )
        })
}

/// Verbs that report speech only next to a quotation: "“Why now?” Graham
/// asked", "She continued: “...”", but not "the talks continued" or "asked
/// him to leave".
const QUOTE_ONLY: &[&str] = &[
    "continued",
    "continues",
    "continuing",
    "asked",
    "asks",
    "asking",
    "demanded",
    "chanted",
    "yelled",
    "yells",
    "read",
    "reads",
    "answered",
    "answers",
    "beamed",
    "beams",
    "boomed",
    "booms",
];

/// Verbs that report words only before "that", a colon or a quotation:
/// "Reuters reported that ...", but not "the company reported a loss",
/// "emailed the files" or "the talks concluded on Friday".
const REPORTED_ONLY: &[&str] = &[
    "reported",
    "reports",
    "ruled",
    "emailed",
    "emails",
    "texted",
    "texts",
    "concluded",
    "concludes",
    // "testified that ...", not "testified voluntarily in 1998"
    "testified",
    "testifies",
    // "the letter states that ...", not "won six states" (mostly the noun)
    "states",
];

/// The cue at `k` has a quotation right after it ("asked: “...”", "asked,
/// “...”") or right before its speaker ("“...,” she continued").
fn next_to_quote(st: &Sent, k: usize, len: usize) -> bool {
    let mut j = k + len;
    // "“Why?” she asks rhetorically.": a manner adverb closing the sentence
    if ly_adverb(st, j) && st.only_punct_from(j + 1) {
        j += 1;
    }
    if st.is_quote(j)
        || ((st.is_tok(j, ":") || st.is_tok(j, ",")) && st.is_quote(j + 1))
        // "Caddell continued:" closing the paragraph before a quotation
        || (st.is_tok(j, ":") && st.only_punct_from(j + 1))
    {
        return true;
    }
    // "Continued Stone: “...”": the verb opens the sentence and its
    // speaker's name runs to the colon
    if k == 0
        && let Some(c) =
            (j..(j + 5).min(st.items.len())).find(|&m| !(st.is_word(m) && st.is_cap(m)))
        && c > j
        && st.is_tok(c, ":")
        && (st.is_quote(c + 1) || st.only_punct_from(c + 1))
    {
        return true;
    }
    let mut i = k;
    while i > 0 && k - i < 10 && !st.is_quote(i - 1) {
        if !(st.is_word(i - 1) || st.is_tok(i - 1, ",") || st.is_tok(i - 1, ".")) {
            return false;
        }
        i -= 1;
    }
    i > 0
        && st.is_quote(i - 1)
        && (j >= st.items.len()
            || st.only_punct_from(j)
            || st.is_tok(j, ",")
            // "“...,” reported Reuters."
            || (k - i <= 1 && (st.is_cap(j) || st.is_tok(j, "the")))
            // "“...,” she yells while moving along the street."
            || (st.is_word(j) && matches!(st.norm(j), "while" | "as" | "from" | "at" | "in" | "during")))
}

/// Verbs that report words only when they quote them: "called the deal “a
/// disaster”", "branded it an “outlaw nation”", but not "called the police"
/// or "attacked the convoy".
const LABEL_ONLY: &[&str] = &[
    "called",
    "calls",
    "call",
    "characterized",
    "characterised",
    "characterizes",
    "characterises",
    "rated",
    "branded",
    "brands",
    "dubbed",
    "dubs",
    "labeled",
    "labelled",
    "labels",
    "termed",
    "likened",
    "likens",
    "compared",
    "compares",
    "accused",
    "accuses",
    "attacked",
    "attacks",
    "blasted",
    "blasts",
    "slammed",
    "slams",
    "lambasted",
    "mocked",
    "mocks",
    "ridiculed",
    "derided",
    "referenced",
    "references",
    "cited",
    "cites",
    "invoked",
    "invokes",
];

/// "a group called Hope First", "a class called “Perception”": a participle
/// naming the noun before it, not a verb with a speaker. The noun is lower
/// case and follows "a" or "an", and the name comes right after the verb.
fn naming_participle(st: &Sent, k: usize, verb: &str) -> bool {
    if !matches!(
        verb,
        "called" | "dubbed" | "named" | "titled" | "entitled" | "labelled" | "labeled"
    ) || k < 2
    {
        return false;
    }
    let noun = st.is_word(k - 1)
        && !st.is_cap(k - 1)
        && !matches!(
            st.norm(k - 1),
            "he" | "she" | "it" | "they" | "we" | "i" | "who" | "which" | "that"
        )
        && !ly_adverb(st, k - 1);
    // the nearest determiner is indefinite: "the band leader called
    // Democrats to the stage" and "an inquiry the president called “a
    // witch hunt”" have a speaker
    let det = (k.saturating_sub(4)..k - 1)
        .rev()
        .find(|&m| {
            matches!(
                st.norm(m),
                "a" | "an" | "the" | "this" | "that" | "its" | "their" | "his" | "her" | "our"
            )
        })
        .is_some_and(|m| matches!(st.norm(m), "a" | "an"));
    let name_next = st.is_quote(k + 1) || (st.is_word(k + 1) && st.is_cap(k + 1));
    noun && det && name_next
}

/// An object that makes the verb an act, not a report: a quantity
/// ("employers added 86,000 jobs", "hospitals admitted more than 1,400
/// patients") or a thing announced or declared ("announced a buyback",
/// "declared a state of emergency", "conceded defeat", "posted a short
/// message"). A clause after the verb ("announced a deal had been reached")
/// is still reported speech. `j` is the item after the verb.
fn action_object(st: &Sent, j: usize, verb: &str) -> bool {
    let counted = matches!(
        verb,
        "added" | "adds" | "admitted" | "admits" | "posted" | "posts" | "announced" | "announces"
    );
    let number = |m: usize| matches!(st.items.get(m), Some(Item::Tok(i)) if st.doc.tokens[*i].kind == TokenKind::Number);
    if counted
        && (number(j)
            || (matches!(
                st.norm(j),
                "more" | "fewer" | "over" | "nearly" | "almost" | "about" | "some"
            ) && (number(j + 1) || (st.is_tok(j + 1, "than") && number(j + 2)))))
    {
        return true;
    }
    if !matches!(
        verb,
        "announced"
            | "announces"
            | "declared"
            | "declares"
            | "conceded"
            | "concedes"
            | "posted"
            | "posts"
    ) {
        return false;
    }
    let w = st.norm(j);
    if matches!(
        w,
        "defeat" | "victory" | "war" | "bankruptcy" | "independence"
    ) {
        return true;
    }
    if !matches!(w, "a" | "an") {
        return false;
    }
    // "announced a ceasefire would begin at midnight": a clause
    !reaches_finite_verb(st, j + 1)
}

/// Finite auxiliaries and modals: a noun phrase running into one is the
/// subject of a clause ("the law was", "a ceasefire would begin").
const FINITE_AUXILIARIES: &[&str] = &[
    "is", "was", "were", "are", "would", "will", "could", "should", "had", "has", "have", "can",
    "may", "might", "must",
];

/// The words from `from` (up to six, stopping at anything not a word) reach a
/// finite auxiliary or modal.
fn reaches_finite_verb(st: &Sent, from: usize) -> bool {
    (from..(from + 6).min(st.items.len()))
        .take_while(|&m| st.is_word(m))
        .any(|m| st.in_list(m, IN_FINITE_AUXILIARIES))
}

/// "welcomed a baby", "welcomed their second child": a birth, not a reaction.
fn welcomed_a_child(st: &Sent, k: usize, verb: &str) -> bool {
    matches!(verb, "welcomed" | "welcomes")
        && (k + 1..(k + 5).min(st.items.len())).any(|m| {
            matches!(
                st.norm(m),
                "baby"
                    | "son"
                    | "daughter"
                    | "child"
                    | "twins"
                    | "grandchild"
                    | "grandson"
                    | "granddaughter"
                    | "boy"
                    | "girl"
            )
        })
        && matches!(
            st.norm(k + 1),
            "a" | "an" | "their" | "her" | "his" | "twin" | "twins" | "baby"
        )
}

/// A quotation in the object that starts at item `j`, before the clause ends
/// (a full stop, colon or semicolon, ", who", or another reporting verb).
fn quote_in_object(st: &Sent, j: usize) -> bool {
    let n = st.items.len();
    let mut m = j;
    while m < n && m - j < 16 {
        if st.is_quote(m) {
            return true;
        }
        // "Sen. Tim Kaine, D-Va., as “...”": an abbreviation's full stop goes on
        let abbreviation = st.is_tok(m, ".") && (np_word(st, m) || st.is_tok(m + 1, ","));
        if matches!(st.norm(m), "." | ";" | ":" | "?" | "!") && !abbreviation
            || (st.is_tok(m, ",") && matches!(st.norm(m + 1), "who" | "which"))
            || (m > j
                && st.is_word(m)
                && !st.is_cap(m)
                && st.cue_class(m).is_some()
                // "saying anybody who complains ... “is not having a good
                // night”": a verb in a relative clause is part of the object
                && !matches!(st.norm(m - 1), "who" | "which")
                // "rated 32% of Republican claims as “false”": a noun
                && valid_cue_at(st, m))
        {
            return false;
        }
        m += 1;
    }
    false
}

/// Skip prepositional phrases, platforms and time words after a verb
/// ("said on Monday in a statement", "posted on X"). With `addressee`, also
/// skip one noun phrase ("told reporters", "told the BBC").
fn skip_adjuncts(st: &Sent, mut j: usize, addressee: bool) -> usize {
    let n = st.items.len();
    let mut took_addressee = !addressee;
    for _ in 0..6 {
        if j >= n || !st.is_word(j) {
            break;
        }
        let w = st.norm(j);
        if w == "that" {
            break;
        }
        // "said Tuesday", "said Thursday night at the rally": a bare day
        // name, with its part of the day, is a time adjunct
        if is_weekday(w) && st.is_cap(j) {
            j += 1;
            if matches!(st.norm(j), "morning" | "afternoon" | "evening" | "night") {
                j += 1;
            }
            continue;
        }
        // "at a briefing in the border town of Kelvar": "of" goes on with
        // the phrase before it
        let of_phrase = w == "of" && j > 0 && st.is_word(j - 1) && !st.is_cap(j) && j > 1;
        if st.in_list(j, IN_PREPOSITIONS) || of_phrase {
            // prep + [det] + words, until a clause start, punctuation or "that"
            let mut m = j + 1;
            let mut taken = 0;
            while m < n && st.is_word(m) && taken < 6 {
                let x = st.norm(m);
                if x == "that"
                    || (taken > 0
                        && st.in_list(m, IN_CLAUSE_START)
                        && !st.in_list(m - 1, IN_PREPOSITIONS))
                {
                    break;
                }
                if taken > 0 && st.cue_class(m).is_some_and(|c| c != CueClass::Platform) {
                    break;
                }
                m += 1;
                taken += 1;
            }
            if taken == 0
                && !matches!(
                    w,
                    "earlier"
                        | "later"
                        | "yesterday"
                        | "today"
                        | "tonight"
                        | "again"
                        | "also"
                        | "separately"
                        | "privately"
                        | "publicly"
                        | "afterwards"
                )
            {
                break;
            }
            j = m;
            continue;
        }
        if !took_addressee {
            // addressee: [det] + up to 4 words, until a clause start or "that"
            let mut m = j;
            let mut taken = 0;
            // "warned the plan would fail": a phrase running into a modal or
            // auxiliary is the reported clause's subject, not an addressee
            let mut clause_subject = false;
            while m < n && st.is_word(m) && taken < 4 {
                let x = st.norm(m);
                let lists = st.lists(m);
                if x == "that" || lists & IN_PREPOSITIONS != 0 && taken > 0 {
                    break;
                }
                if taken > 0 && lists & IN_FINITE_AUXILIARIES != 0 {
                    clause_subject = true;
                    break;
                }
                if taken > 0 && lists & IN_CLAUSE_START != 0 {
                    break;
                }
                if taken == 0 && (lists & IN_SUBJECT_PRONOUNS != 0 || x == "there") {
                    break;
                }
                m += 1;
                taken += 1;
            }
            took_addressee = true;
            if taken > 0 && !clause_subject {
                j = m;
                continue;
            }
        }
        break;
    }
    j
}

fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Process the sentence's cues in order.
fn sentence(st: &Sent, reg: &mut Registry, out: &mut Vec<Attributed>) {
    let cues = find_cues(st);
    let mut covered = 0usize;
    let mut last_who: Option<Who> = None;
    // the class of the cue that gave `last_who`
    let mut last_class: Option<CueClass> = None;
    let n = st.items.len();
    for cue in cues {
        if cue.k < covered {
            continue;
        }
        let after = cue.k + cue.len;
        // Who?
        let who = match cue.class {
            CueClass::According => right_speaker(st, after, reg),
            // "footage of Hillary Clinton asking, “...”": the name right
            // before the participle is its speaker
            CueClass::Participle if let Some((a, _)) = named_participle(st, cue.k) => {
                speaker_from_np(st, (a, cue.k), reg, true)
            }
            // "After saying her foot was “so swollen ...,” she was ...": the
            // subject of the main clause that follows
            CueClass::Participle
                if cue.k == 1 && matches!(st.norm(0), "after" | "before" | "while") =>
            {
                fronted_participle_speaker(st, cue.k, reg)
            }
            // "“Q,” said X, adding that ...": the participle shares the
            // speaker, but its clause follows it (it is no inversion)
            // (but "According to aides, Vega calmed them by telling them
            // ...": the source is not the participle's subject)
            CueClass::Participle => last_who
                .clone()
                .map(|w| Who {
                    inverted: w.inverted && last_class == Some(CueClass::According),
                    np: None,
                    ..w
                })
                .or_else(|| subject_speaker(st, reg, cue.k)),
            _ => left_speaker(st, cue.k, reg, last_who.as_ref()),
        };
        let Some(mut who) = who else { continue };
        if who.entity.is_none() {
            continue;
        }
        last_class = Some(cue.class);
        let cue_text = cue_text(st, cue);
        let mut emit = |content: (usize, usize), who: &Who, out: &mut Vec<Attributed>| {
            if let Some(a) = make_statement(st, content, who, &cue_text) {
                out.push(a);
            }
        };
        if cue.class == CueClass::Participle
            && cue.k == 1
            && matches!(st.norm(0), "after" | "before" | "while")
            && let Some(end) = fronted_participle_end(st, cue.k)
        {
            // the clause up to its comma (or closing quotation)
            let e = if st.is_tok(end, ",") { end } else { end + 1 };
            let s = skip_adjuncts(st, cue.k + cue.len, false);
            let s = if st.is_tok(s, "that") { s + 1 } else { s };
            emit((s, e), &who, out);
            covered = end + 1;
            last_who = Some(who);
            continue;
        }
        if cue.class == CueClass::Participle
            && let Some((_, q)) = named_participle(st, cue.k)
        {
            emit((q, q + 1), &who, out);
            covered = q + 1;
            last_who = Some(who);
            continue;
        }
        match cue.class {
            CueClass::According => {
                let np_end = who.np.map(|x| x.1).unwrap_or(after);
                if cue.k == 0 || (cue.k <= 2 && !st.is_word(cue.k.saturating_sub(1))) {
                    // According to X, CLAUSE: the mention is X alone, since
                    // what follows its comma is the statement, not an appositive.
                    if let Some((a, b)) = who.np
                        && let Some(m) = items_text(st, a, b)
                    {
                        who.mention = m;
                    }
                    let mut s = np_end;
                    if st.is_tok(s, ",") {
                        s += 1;
                    }
                    let (e, _) = clause_end(st, s, cue.class);
                    emit((s, e), &who, out);
                    covered = e;
                } else {
                    let e = if cue.k > 0 && st.is_tok(cue.k - 1, ",") {
                        cue.k - 1
                    } else {
                        cue.k
                    };
                    emit((covered, e), &who, out);
                    covered = np_end;
                }
            }
            CueClass::Object => {
                let mut s = skip_adjuncts(st, after, false);
                let (mut e, _) = clause_end(st, s, cue.class);
                // "after what she called a “rant,”", "an explosion that the
                // mayor described as “an intentional act”": in a relative
                // clause the label is the statement, with what it labels
                if let Some(start) = relative_start(st, who.np.map(|x| x.0).unwrap_or(cue.k))
                    && let Some(q) = (s..e).find(|&k| st.is_quote(k))
                {
                    s = start;
                    e = q + 1;
                }
                // "dismissed that explanation" carries no content of its own
                if (s..e).filter(|&k| st.is_word(k)).count() >= 3 || (s..e).any(|k| st.is_quote(k))
                {
                    emit((s, e), &who, out);
                }
                covered = e;
            }
            _ => {
                if who.inverted {
                    // "Q," said X / CLAUSE, said X
                    let np_end = who.np.map(|x| x.1).unwrap_or(after);
                    // "Because of X, explained Ruiz, “Q”": the introduction,
                    // the attribution and the quotation are one statement
                    if cue.k > covered + 1
                        && st.is_tok(cue.k - 1, ",")
                        && !(covered..cue.k).any(|x| st.is_quote(x))
                        && st.is_tok(np_end, ",")
                        && st.is_quote(np_end + 1)
                    {
                        let (e, _) = clause_end(st, np_end + 1, cue.class);
                        emit((covered, e), &who, out);
                        covered = e;
                        last_who = Some(who);
                        continue;
                    }
                    content_before(st, cue.k, covered, &who, &mut emit, out);
                    covered = np_end;
                    // "Said Ellis: “...”" opening the sentence
                    if cue.k == 0 && st.is_tok(np_end, ":") && st.is_quote(np_end + 1) {
                        let (e, _) = clause_end(st, np_end + 1, cue.class);
                        emit((np_end + 1, e), &who, out);
                        covered = e;
                    } else if cue.k == 0 && st.is_tok(np_end, ":") && st.only_punct_from(np_end + 1)
                    {
                        // "Said Ellis:" closing its paragraph: the quotation
                        // in the next paragraph is what was said
                        out.push(colon_placeholder(st, &who, &cue_text));
                        covered = n;
                    }
                    // "..., said X. " may continue with ", adding that ..." (a participle cue)
                    last_who = Some(who);
                    continue;
                }
                // "Q," X told Y ...: the quotation before the speaker is the statement.
                let np_start = who.np.map(|x| x.0).unwrap_or(cue.k);
                let quote_before = np_start > covered
                    && (st.is_quote(np_start - 1)
                        || (np_start >= 2
                            && st.is_tok(np_start - 1, ",")
                            && st.is_quote(np_start - 2)))
                    && !titled_quote_before(st, np_start, covered);
                let mut j = after;
                // "that" after adjuncts and addressees
                let j2 = skip_adjuncts(
                    st,
                    j,
                    cue.class == CueClass::Tell
                        || st.norm(cue.k) == "warned"
                        || (cue.class == CueClass::Participle && addressed_participle(st, cue.k)),
                );
                let mut j2 = j2;
                if st.is_tok(j2, ",")
                    && let Some(t) = (j2 + 1..(j2 + 6).min(n))
                        .find(|&m| st.is_tok(m, "that") && st.is_tok(m - 1, ","))
                    && ((j2 + 1..t - 1).all(|m| st.is_word(m) && st.is_cap(m))
                        || interrupting_adverb(st, j2 + 1, t - 1))
                {
                    j2 = t;
                }
                let mut that = false;
                // "“Q,” Merkel told reporters after the meeting that was held ...":
                // with a quotation before the speaker, only a "that" right after
                // the verb (or its addressee) opens a reported clause.
                let near = j2 <= after + 1 || (cue.class == CueClass::Tell && j2 <= after + 3);
                if st.is_tok(j2, "that") && (!quote_before || near) {
                    j = j2 + 1;
                    that = true;
                } else {
                    j = j2;
                }
                let split_or_colon = (st.is_tok(j, ",") && st.is_quote(j + 1))
                    || st.is_tok(j, ":")
                    || (st.is_tok(j, ",")
                        && matches!(st.norm(j + 1), "but" | "and")
                        && st.is_quote(j + 2));
                if !that && quote_before && !split_or_colon {
                    content_before(st, np_start, covered, &who, &mut emit, out);
                    // what follows belongs to the attribution, up to a participle
                    // or coordinated cue (", adding that ...") processed next
                    covered = j;
                    last_who = Some(who);
                    continue;
                }
                if !that && (j >= n || st.only_punct_from(j)) {
                    if st.is_tok(j, ":") {
                        // "He said:" closing its paragraph: the quotation in the
                        // next paragraph continues this (still empty) statement,
                        // and an introductory phrase before it is no statement
                        out.push(colon_placeholder(st, &who, &cue_text));
                        covered = n;
                        last_who = Some(who);
                        continue;
                    }
                    // Q, X said. / CLAUSE, X said on Sunday.
                    content_before(
                        st,
                        cue.k.min(who.np.map(|x| x.0).unwrap_or(cue.k)),
                        covered,
                        &who,
                        &mut emit,
                        out,
                    );
                    covered = n;
                    last_who = Some(who);
                    continue;
                }
                if !that && st.is_tok(j, ",") {
                    // "A," he said, "B."  /  "..., X said, adding that ..."
                    if let Some(e) = clause_after_intro(st, covered, np_start, j) {
                        // "During his years in office, Mr. Obama said, a majority ..."
                        emit((j + 1, e), &who, out);
                        covered = e;
                        last_who = Some(who);
                        continue;
                    }
                    if let Some((a, e)) = as_attribution(st, covered, np_start, j, cue.k) {
                        // "As the Daily Ledger reported, the mayor ..."
                        emit((a, e), &who, out);
                        covered = e;
                        last_who = Some(who);
                        continue;
                    }
                    if let Some(e) = clause_around_attribution(st, covered, np_start, j) {
                        // "Cost estimates, he added, were based on ..."
                        emit((covered, e), &who, out);
                        covered = e;
                        last_who = Some(who);
                        continue;
                    }
                    content_before(st, np_start, covered, &who, &mut emit, out);
                    covered = j;
                    if st.is_quote(j + 1) {
                        let (e, _) = clause_end(st, j + 1, cue.class);
                        emit((j + 1, e), &who, out);
                        covered = e;
                    } else if matches!(st.norm(j + 1), "but" | "and") && st.is_quote(j + 2) {
                        // "“A,” he said, but “B.”": the same speaker goes on
                        let (e, _) = clause_end(st, j + 2, cue.class);
                        emit((j + 2, e), &who, out);
                        covered = e;
                    }
                    last_who = Some(who);
                    continue;
                }
                if !that && st.is_tok(j, ":") {
                    j += 1;
                }
                // "Protesters chanted “What curfew?” and kept going": after a
                // quote-only cue the quotation is the whole statement
                if !that && st.in_list(cue.k, IN_QUOTE_ONLY) && st.is_quote(j) {
                    emit((j, j + 1), &who, out);
                    covered = j + 1;
                    last_who = Some(who);
                    continue;
                }
                // The clause (and "... and that ..." continuations).
                let mut s = j;
                loop {
                    let (e, next) = clause_end(st, s, cue.class);
                    emit((s, e), &who, out);
                    covered = e;
                    match next {
                        Next::SameCue(k) => s = k,
                        Next::Stop => break,
                    }
                }
                who.np = None;
            }
        }
        last_who = Some(who);
    }
}

enum Next {
    Stop,
    SameCue(usize),
}

/// Where a reported clause starting at item `s` ends.
fn clause_end(st: &Sent, s: usize, class: CueClass) -> (usize, Next) {
    let n = st.items.len();
    let mut j = s;
    while j < n {
        if st.is_quote(j) {
            // "... the “common external tariff,” stressing that ..."
            if is_cue_at(st, j + 1, &[CueClass::Participle]) && valid_cue_at(st, j + 1) {
                return (j + 1, Next::Stop);
            }
            // "...: “Q,” the union wrote.": a quotation with its own speaker
            // after it is not part of this clause
            if j > s && attribution_after(st, j + 1 + st.is_tok(j + 1, ",") as usize, false) {
                return (j, Next::Stop);
            }
            j += 1;
            continue;
        }
        let w = st.norm(j);
        if j > s {
            if w == "," || w == ";" || w == "—" || w == "–" || w == "―" || w == "-" {
                // "When X noted that ..., Trump boasted, “Q”": the clause ends
                // where another speaker introduces a quotation
                if attribution_after(st, j + 1, true) {
                    return (j, Next::Stop);
                }
                let nx = st.norm(j + 1);
                if matches!(nx, "while" | "whereas") {
                    return (j, Next::Stop);
                }
                if class == CueClass::Object && matches!(nx, "which" | "who") {
                    return (j, Next::Stop);
                }
                if is_cue_at(st, j + 1, &[CueClass::Participle, CueClass::According])
                    && valid_cue_at(st, j + 1)
                {
                    return (j, Next::Stop);
                }
                if w == ";" {
                    return (j, Next::Stop);
                }
                // "likened the rules to “burning the Constitution” - a charge ..."
                if class == CueClass::Object && w != "," {
                    return (j, Next::Stop);
                }
            }
            if matches!(w, "and" | "but" | "though" | "although" | "while" | "yet") {
                let end = if st.is_tok(j - 1, ",") { j - 1 } else { j };
                // "call them “lone wolves” and describe their actions as ...":
                // the quoted label ends the object
                if class == CueClass::Object
                    && st.is_quote(end - 1)
                    && !st.is_tok(end.wrapping_sub(2), "to")
                    && w == "and"
                    && st.is_word(j + 1)
                    && !st.is_cap(j + 1)
                    && !st.in_list(j + 1, IN_CLAUSE_START)
                {
                    return (end, Next::Stop);
                }
                let mut m = j + 1;
                if st.is_tok(m, "that") {
                    return (end, Next::SameCue(m + 1));
                }
                // "but said", "and warned that", "though she cautioned that", "but later said"
                if matches!(st.norm(m), "he" | "she" | "they" | "it" | "we") {
                    m += 1;
                }
                while st.in_list(m, IN_PRE_VERB_SKIP) && m < n {
                    m += 1;
                }
                if is_cue_at(
                    st,
                    m,
                    &[
                        CueClass::Speech,
                        CueClass::Tell,
                        CueClass::Object,
                        CueClass::Participle,
                    ],
                ) && valid_cue_at(st, m)
                {
                    return (end, Next::Stop);
                }
            }
        }
        j += 1;
    }
    (n, Next::Stop)
}

/// "said, however, that ...", "warned, though, that ...": a sentence adverb
/// set off by commas between the verb and its "that" (items `[a, b)`).
fn interrupting_adverb(st: &Sent, a: usize, b: usize) -> bool {
    b == a + 1
        && matches!(
            st.norm(a),
            "however"
                | "though"
                | "too"
                | "also"
                | "moreover"
                | "nonetheless"
                | "nevertheless"
                | "meanwhile"
                | "instead"
                | "again"
                | "furthermore"
                | "separately"
                | "later"
                | "privately"
                | "publicly"
        )
}

/// A speaker and a speech verb start at item `m`: "Trump boasted", "the
/// union wrote", "she said". With `quoting`, the verb must introduce a
/// quotation ("boasted, “...”"); otherwise it closes the sentence or a
/// clause ("“...,” the union wrote.").
fn attribution_after(st: &Sent, m: usize, quoting: bool) -> bool {
    let n = st.items.len();
    let mut k = m;
    if matches!(st.norm(k), "he" | "she" | "they" | "we" | "i") {
        k += 1;
    } else {
        while k < n && k - m < 10 && np_word(st, k) {
            k += 1;
        }
    }
    if k == m || !is_cue_at(st, k, &[CueClass::Speech, CueClass::Tell]) || !valid_cue_at(st, k) {
        return false;
    }
    let j = k + cue_len(st, k);
    if quoting {
        st.is_quote(j) || ((st.is_tok(j, ",") || st.is_tok(j, ":")) && st.is_quote(j + 1))
    } else {
        j >= n || st.is_punct(j)
    }
}

fn is_cue_at(st: &Sent, k: usize, classes: &[CueClass]) -> bool {
    if !st.is_word(k) {
        return false;
    }
    matches!(st.longest_cue(k), Some((c, _)) if classes.contains(&c))
}

/// The longest cue at item `k` is a valid one (remembered per token: clause
/// ends and objects ask about the same words again and again).
fn valid_cue_at(st: &Sent, k: usize) -> bool {
    let Some((c, len)) = st.longest_cue(k) else {
        return false;
    };
    let f = st.facts(k).expect("a cue is a token");
    if let Some(v) = f.valid_cue.get() {
        return v;
    }
    let v = valid_cue(st, k, len, c);
    f.valid_cue.set(Some(v));
    v
}

fn cue_text(st: &Sent, cue: Cue) -> String {
    let (a, b) = st.tok_range(cue.k, cue.k + cue.len);
    let mut s = mention_text(st.doc, st.doc.token_span(a, b));
    // "posted on X", "said in a statement", "told reporters": keep the medium.
    let j = cue.k + cue.len;
    if st.is_tok(j, "on") {
        let words = st.words_from(j + 1, 2);
        if let Some((CueClass::Platform, l)) = st.lx.cues.longest(&words) {
            let (x, y) = st.tok_range(j, j + 1 + l);
            s = format!("{s} {}", mention_text(st.doc, st.doc.token_span(x, y)));
        }
    } else if st.is_tok(j, "in")
        && st.is_tok(j + 1, "a")
        && matches!(
            st.norm(j + 2),
            "statement" | "letter" | "post" | "report" | "speech" | "interview"
        )
    {
        let (x, y) = st.tok_range(j, j + 3);
        s = format!("{s} {}", mention_text(st.doc, st.doc.token_span(x, y)));
    } else if cue.class == CueClass::Tell && st.is_tok(j, "reporters") {
        s = format!("{s} reporters");
    }
    s
}

/// Emit the content that precedes the speaker: the quotation(s) right before
/// it, or the clause before the comma.
fn content_before(
    st: &Sent,
    np_start: usize,
    covered: usize,
    who: &Who,
    emit: &mut impl FnMut((usize, usize), &Who, &mut Vec<Attributed>),
    out: &mut Vec<Attributed>,
) {
    let mut e = np_start;
    // skip back over the comma (and dashes) between content and attribution
    while e > covered && (st.is_tok(e - 1, ",") || st.is_tok(e - 1, "—") || st.is_tok(e - 1, "–"))
    {
        e -= 1;
    }
    if e <= covered {
        return;
    }
    if st.is_quote(e - 1) {
        // the quote, and a split quote right before it
        let mut s = e - 1;
        while s > covered
            && (st.is_quote(s - 1) || (st.is_tok(s - 1, ",") && s >= 2 && st.is_quote(s - 2)))
        {
            s -= 1;
        }
        if let Some(c) = clause_around_quote(st, s, covered) {
            emit((c, e), who, out);
            return;
        }
        for k in s..e {
            if st.is_quote(k) {
                emit((k, k + 1), who, out);
            }
        }
        return;
    }
    // A clause before the comma: needs a few words to count.
    let words = (covered..e).filter(|&k| st.is_word(k)).count();
    if words >= 3 && e < np_start {
        emit((covered, e), who, out);
    }
}

/// "No Child Left Behind was “very assertive,” said Orfield": a quotation
/// that ends a clause of narration is part of that clause, and SPEC's mixed
/// statement is the whole clause. Returns where the clause starts, when the
/// word before the quotation belongs to it (not a colon or comma).
fn clause_around_quote(st: &Sent, q: usize, covered: usize) -> Option<usize> {
    if q <= covered || !st.is_word(q - 1) {
        return None;
    }
    let words = (covered..q).filter(|&k| st.is_word(k)).count();
    if words < 2 {
        return None;
    }
    // only a clause of its own: no colon (a "He said: “...”" introduction)
    // or other quotation before it
    if (covered..q).any(|k| st.is_tok(k, ":") || st.is_quote(k)) {
        return None;
    }
    Some(covered)
}

fn make_statement(
    st: &Sent,
    (mut a, mut b): (usize, usize),
    who: &Who,
    cue: &str,
) -> Option<Attributed> {
    // trim punctuation at both ends
    while a < b && st.is_punct(a) {
        a += 1;
    }
    while b > a && st.is_punct(b - 1) {
        b -= 1;
    }
    if a >= b {
        return None;
    }
    let quotes: Vec<usize> = (a..b)
        .filter_map(|k| match st.items[k] {
            Item::Quote(q) => Some(q),
            _ => None,
        })
        .collect();
    let (content, kind, quote) = if b - a == 1 && quotes.len() == 1 {
        (
            st.doc.quotes[quotes[0]].inner,
            Kind::Direct,
            Some(quotes[0]),
        )
    } else {
        let words = (a..b).filter(|&k| st.is_word(k)).count();
        if words < 2 && quotes.is_empty() {
            return None;
        }
        let span = Span::new(st.span(a).start, st.span(b - 1).end);
        (
            span,
            if quotes.is_empty() {
                Kind::Indirect
            } else {
                Kind::Mixed
            },
            None,
        )
    };
    if content.is_empty() {
        return None;
    }
    Some(Attributed {
        content,
        kind,
        cue: cue.to_string(),
        entity: who.entity,
        mention: who.mention.clone(),
        found: who.found,
        sentence: st.index,
        quote,
    })
}

/// The speaker before a cue: "X said", "X, 52, said", "Its chief executive,
/// Catherine Delacroix-Hale, told", or after it when inverted ("..., said X").
/// A manner adverb before a verb: "Gingrich cynically dismissed", "a
/// swiftly called meeting" (not "family", "only", "assembly").
fn ly_adverb(st: &Sent, j: usize) -> bool {
    let w = st.norm(j);
    st.is_word(j)
        && !st.is_cap(j)
        && w.len() > 4
        && w.ends_with("ly")
        && !matches!(
            w,
            "family"
                | "assembly"
                | "rally"
                | "supply"
                | "anomaly"
                | "monopoly"
                | "daily"
                | "weekly"
                | "monthly"
                | "quarterly"
                | "early"
                | "reply"
                | "bully"
                | "belly"
                | "italy"
                | "homily"
                | "jelly"
                | "folly"
                | "ally"
        )
}

/// "Power will be restored by Friday, said Anna Berg." : a clause of at
/// least three words, a comma, a speech verb, then a name or a determiner
/// phrase running to the sentence's end with no quotation: the content comes
/// first and the speaker after the verb, as with a quotation. (Not "..., said
/// to be furious": the word after the verb must start a noun phrase.)
fn unquoted_inversion(st: &Sent, p: usize, k: usize) -> bool {
    let n = st.items.len();
    st.is_tok(p, ",")
        && (0..p).filter(|&x| st.is_word(x)).count() >= 3
        && st.lx.cues.get(st.norm(k)) == Some(&CueClass::Speech)
        && st.is_word(k + 1)
        && (st.is_cap(k + 1) || matches!(st.norm(k + 1), "the" | "a" | "an" | "one"))
        && !(k + 1..n).any(|x| st.is_quote(x))
        && !(k + 1..n).any(|x| st.is_tok(x, "that"))
        && {
            // the speaker's phrase: up to a comma or the end, short, and
            // with no verb of its own ("..., said the virus did not appear"
            // is a subject's appositive, then its verb and clause)
            let e = (k + 1..n)
                .find(|&x| st.is_tok(x, ",") || (st.is_punct(x) && !st.is_tok(x, ".")))
                .unwrap_or(n);
            let words = (k + 1..e).filter(|&x| st.is_word(x)).count();
            // a past tense after the phrase's first word is its verb ("...,
            // said the event brought back memories")
            let past = |x: usize| {
                st.is_word(x)
                    && !st.is_cap(x)
                    && (st.norm(x).ends_with("ed") || st.in_list(x, IN_IRREGULAR_PAST))
            };
            (1..=6).contains(&words)
                // the words before the comma are a clause of their own, not
                // the subject's appositive chain ("Donna Rawlings, 59, of
                // Ashton, said ..."): they hold a verb
                && (0..p).any(|x| {
                    st.is_quote(x) || st.in_list(x, IN_FINITE_AUXILIARIES) || past(x)
                })
                && !(k + 2..e).any(past)
                && !(k + 1..e).any(|x| {
                    matches!(
                        st.norm(x),
                        "did"
                            | "does"
                            | "do"
                            | "had"
                            | "has"
                            | "have"
                            | "was"
                            | "were"
                            | "is"
                            | "are"
                            | "would"
                            | "will"
                            | "could"
                            | "can"
                            | "should"
                            | "may"
                            | "might"
                            | "must"
                            | "not"
                            | "be"
                            | "been"
                    )
                })
        }
}

/// "Because of the schedule, explained Ruiz, “the race is long.”", "But,
/// said Ruiz, “...”": an inverted attribution set between commas after an
/// introductory phrase (no quotation before it), with a quotation right after
/// the speaker's comma. The speaker is a short name or description.
fn inversion_before_quote(st: &Sent, p: usize, k: usize) -> bool {
    let n = st.items.len();
    if !st.is_tok(p, ",")
        || (0..p).any(|x| st.is_quote(x))
        || st.lx.cues.get(st.norm(k)) != Some(&CueClass::Speech)
        || !st.is_word(k + 1)
        || !(st.is_cap(k + 1) || matches!(st.norm(k + 1), "the" | "a" | "an" | "one"))
    {
        return false;
    }
    let Some(e) = (k + 1..n.min(k + 8)).find(|&x| !st.is_word(x)) else {
        return false;
    };
    st.is_tok(e, ",") && st.is_quote(e + 1) && (k + 1..e).all(|x| np_word(st, x))
}

/// At most this many comma-separated segments before a reporting verb are
/// read as one speaker's appositive chain.
const MAX_CHAIN: usize = 6;

fn left_speaker(st: &Sent, k: usize, reg: &mut Registry, last: Option<&Who>) -> Option<Who> {
    let mut j = k;
    // "In July, Gingrich cynically dismissed ..."
    while j > 0 && k - j < 2 && ly_adverb(st, j - 1) && !st.is_tok(j.wrapping_sub(2), ",") {
        j -= 1;
    }
    // "Trump is telling", "has been saying": the speaker is before the
    // auxiliary, or is the auxiliary's host ("He's claiming")
    if let Some((a, contracted)) = progressive_aux(st, k) {
        if contracted {
            return contracted_speaker(st, a, reg);
        }
        if a == 0 {
            return None;
        }
        j = a;
    }
    while j > 0 && st.in_list(j - 1, IN_PRE_VERB_SKIP) && st.is_word(j - 1) {
        j -= 1;
    }
    if j == 0 {
        // "Said X" at sentence start is rare; treat as inverted.
        return right_speaker(st, k + 1, reg).map(|mut w| {
            w.inverted = true;
            w
        });
    }
    // "McConnell, now the Senate majority leader, who in 2010 said ...": the
    // relative pronoun (after a year or time phrase) speaks for its antecedent
    if let Some(w) = relative_who(st, j, reg) {
        return Some(w);
    }
    let p = j - 1;
    if st.is_quote(p)
        || (st.is_tok(p, ",") && p > 0 && st.is_quote(p - 1))
        || unquoted_inversion(st, p, k)
        || inversion_before_quote(st, p, k)
    {
        let len = cue_len(st, k);
        return right_speaker(st, k + len, reg).map(|mut w| {
            w.inverted = true;
            w
        });
    }
    if matches!(st.norm(p), "and" | "but" | "or") {
        // coordination: the same speaker as before, or the sentence subject
        return match last {
            Some(w) => Some(Who {
                found: Found::Coordination,
                np: None,
                inverted: false,
                ..w.clone()
            }),
            None => subject_speaker(st, reg, k).map(|mut w| {
                w.found = Found::Coordination;
                w
            }),
        };
    }
    if st.is_tok(p, ",") {
        // appositive chain: segments between commas, right to left
        let mut segs: Vec<(usize, usize)> = Vec::new();
        let mut end = p;
        loop {
            let mut s = end;
            while s > 0 && !st.is_tok(s - 1, ",") && !st.is_quote(s - 1) && !st.is_tok(s - 1, ":") {
                s -= 1;
            }
            segs.push((s, end));
            // "Donna Rawlings, 59, of Ashton, Md., who watched the
            // ceremony, said": five segments to reach the name
            if s == 0 || !st.is_tok(s - 1, ",") || segs.len() >= MAX_CHAIN {
                break;
            }
            end = s - 1;
        }
        return choose_segment(st, &segs, reg, true);
    }
    // "The Pan-Continental Health Agency (PCHA) said", "Rep. Gwen Moore
    // (D-Wis.) said": step over a short parenthesis.
    let mut p = p;
    let paren_end = p + 1;
    if st.is_tok(p, ")")
        && let Some(open) = (p.saturating_sub(8)..p).rev().find(|&m| st.is_tok(m, "("))
        && open > 0
    {
        p = open - 1;
    }
    if !st.is_word(p)
        || !np_word(st, p) && !matches!(st.norm(p), "he" | "she" | "they" | "it" | "we" | "i")
    {
        return None;
    }
    // contiguous noun phrase
    let mut a = p;
    if matches!(st.norm(p), "he" | "she" | "they" | "it" | "we" | "i") {
        return speaker_from_np(st, (p, p + 1), reg, true);
    }
    while a > 0 && p - a < 12 && np_word(st, a - 1) {
        a -= 1;
    }
    // "A diplomat who took part in the talks said", "the institute that
    // led the expedition said": the phrase before the relative pronoun
    if let Some(w) = restrictive_relative_subject(st, a, p + 1, reg) {
        return Some(w);
    }
    // "Two diplomats briefed on the talks said": a past participle and its
    // prepositional phrase describe the phrase before them
    if a >= 2
        && matches!(st.norm(a), "on" | "about" | "in" | "by" | "with" | "to")
        && st.is_word(a - 1)
        && !st.is_cap(a - 1)
        && st.norm(a - 1).ends_with("ed")
        && np_word(st, a - 2)
    {
        let e = a - 1;
        let mut s0 = e;
        while s0 > 0 && e - s0 < 8 && np_word(st, s0 - 1) {
            s0 -= 1;
        }
        if let Some(mut who) = speaker_from_np(st, (s0, e), reg, true) {
            if let Some(m) = items_text(st, s0, p + 1) {
                who.mention = m;
            }
            return Some(who);
        }
    }
    // "A and B Service": "and" between capitals stays in the phrase.
    let mut who = speaker_from_np(st, (a, p + 1), reg, true)?;
    if paren_end > p + 1
        && let Some(m) = items_text(st, a, paren_end)
    {
        who.mention = m;
    }
    // ", 52," or an appositive with a name before: prefer the name
    if a > 1 && st.is_tok(a - 1, ",") && who.found == Found::Description {
        let mut segs = vec![(a, p + 1)];
        let mut end = a - 1;
        loop {
            let mut s = end;
            while s > 0 && !st.is_tok(s - 1, ",") && !st.is_quote(s - 1) {
                s -= 1;
            }
            segs.push((s, end));
            if s == 0 || !st.is_tok(s - 1, ",") || segs.len() >= 4 {
                break;
            }
            end = s - 1;
        }
        if let Some(w) = choose_segment(st, &segs, reg, true) {
            return Some(w);
        }
    }
    Some(who)
}

/// The auxiliary before a reporting verb's -ing form at `k` ("is telling",
/// "has been saying", "is once again claiming", "He's claiming"): the item
/// where the auxiliary starts, and whether it is a contraction on the
/// speaker's own word. "It is telling that ..." is an adjective, not a verb.
fn progressive_aux(st: &Sent, k: usize) -> Option<(usize, bool)> {
    if !st.norm(k).ends_with("ing") || st.is_cap(k) {
        return None;
    }
    let adverb = |j: usize| {
        st.is_word(j)
            && !st.is_cap(j)
            && (st.in_list(j, IN_PRE_VERB_SKIP) || st.norm(j).ends_with("ly"))
            && !matches!(st.norm(j), "has" | "have" | "had" | "will" | "would")
    };
    let mut j = k;
    while j > 0 && k - j < 3 && adverb(j - 1) {
        j -= 1;
    }
    if j == 0 || !st.is_word(j - 1) {
        return None;
    }
    let a = j - 1;
    let w = st.norm(a);
    let subject = |i: usize| i == 0 || !matches!(st.norm(i - 1), "it" | "this" | "that" | "what");
    match w {
        "is" | "are" | "was" | "were" => subject(a).then_some((a, false)),
        "been" => {
            let mut i = a;
            if i > 0 && matches!(st.norm(i - 1), "has" | "have" | "had") {
                i -= 1;
            }
            while i > 0 && adverb(i - 1) {
                i -= 1;
            }
            subject(i).then_some((i, false))
        }
        _ => {
            let host = w.strip_suffix("'s")?;
            (matches!(host, "he" | "she") || (st.is_cap(a) && host.len() > 1)).then_some((a, true))
        }
    }
}

/// The finite form and class of a reporting verb used in a progressive or
/// perfect progressive ("is telling" -> "tells", "is describing" ->
/// "describes", "'s claiming" -> "claims").
fn progressive_finite(st: &Sent, k: usize) -> Option<(String, CueClass)> {
    progressive_aux(st, k)?;
    let stem = st.norm(k).strip_suffix("ing")?;
    if stem.len() < 2 {
        return None;
    }
    let undoubled = {
        let b = stem.as_bytes();
        (b.len() > 2 && b[b.len() - 1] == b[b.len() - 2]).then(|| &stem[..stem.len() - 1])
    };
    let mut forms = vec![format!("{stem}s"), format!("{stem}es")];
    if let Some(u) = undoubled {
        forms.push(format!("{u}s"));
    }
    forms.into_iter().find_map(|f| match st.lx.cues.get(&f) {
        Some(c @ (CueClass::Speech | CueClass::Tell | CueClass::Object)) => Some((f, *c)),
        _ => None,
    })
}

/// The speaker written with the auxiliary: "He's claiming", "Clinton's saying".
fn contracted_speaker(st: &Sent, p: usize, reg: &mut Registry) -> Option<Who> {
    let host = st.norm(p).strip_suffix("'s")?;
    if matches!(host, "he" | "she") {
        let entity = reg
            .resolve_pronoun(host)
            .unwrap_or_else(|| reg.unresolved());
        reg.touch_subject(entity, st.index);
        return Some(Who {
            entity: Some(entity),
            mention: items_text(st, p, p + 1)?,
            found: Found::Pronoun,
            np: Some((p, p + 1)),
            inverted: false,
        });
    }
    let mut a = p;
    while a > 0 && p - a < 12 && np_word(st, a - 1) {
        a -= 1;
    }
    speaker_from_np(st, (a, p + 1), reg, true)
}

fn cue_len(st: &Sent, k: usize) -> usize {
    st.longest_cue(k).map(|(_, l)| l).unwrap_or(1)
}

/// Item `k` can be inside a speaker's noun phrase. Remembered per token:
/// the subject, mention and speaker readers walk the same phrases.
fn np_word(st: &Sent, k: usize) -> bool {
    // a quotation, or past the end, never is
    let Some(f) = st.facts(k) else {
        return false;
    };
    if let Some(v) = f.np_word.get() {
        return v;
    }
    let v = np_word_uncached(st, k);
    f.np_word.set(Some(v));
    v
}

fn np_word_uncached(st: &Sent, k: usize) -> bool {
    if plural_possessive_mark(st, k) {
        return true;
    }
    if !(st.is_word(k) || st.is_tok(k, "&") || st.is_tok(k, "-") || st.is_tok(k, ".")) {
        return false;
    }
    let w = st.norm(k);
    if w == "and" {
        // "co-founder and chief executive Ada Okoro": two titles of one person
        let title = |m: usize| st.is_word(m) && st.lx.titles.contains(st.norm(m));
        // "officials and residents", "analysts and local traders": one
        // anonymous group of two kinds
        let anon = |m: usize| {
            st.is_word(m) && (m == 0 || !st.is_cap(m)) && st.lx.anon_heads.contains(st.norm(m))
        };
        return st.is_cap(k.saturating_sub(1)) && st.is_cap(k + 1)
            || k > 0 && title(k - 1) && title(k + 1)
            || k > 0
                && anon(k - 1)
                && (anon(k + 1) || (st.is_word(k + 1) && !st.is_cap(k + 1) && anon(k + 2)));
    }
    if w == "." {
        // initials and abbreviated titles: "J.R. Kowalski", "Mr. Obama", "Sen. Warren"
        return k > 0 && st.is_cap(k + 1) && {
            let p = st.norm(k - 1);
            p.chars().count() == 1 || p.contains('.') || st.lx.titles.contains(p)
        };
    }
    if w == "to" {
        // "a source close to the negotiations"
        return k > 0
            && matches!(
                st.norm(k - 1),
                "close"
                    | "closer"
                    | "loyal"
                    | "near"
                    | "linked"
                    | "connected"
                    // "a campaign aide to Varga", "an adviser to the minister"
                    | "aide"
                    | "aides"
                    | "adviser"
                    | "advisers"
                    | "advisor"
                    | "advisors"
                    | "assistant"
                    | "successor"
                    | "heir"
            );
    }
    // "A consultant there, who asked not to be named, said": a place
    // adverb after a common noun, closing the phrase
    if w == "there"
        && k > 0
        && st.is_word(k - 1)
        && !st.is_cap(k - 1)
        && !st.in_list(k - 1, IN_NP_STOP | IN_PREPOSITIONS)
        && (st.is_tok(k + 1, ",") || is_cue_at(st, k + 1, &[CueClass::Speech, CueClass::Tell]))
    {
        return true;
    }
    if st.in_list(k, IN_NP_STOP | IN_SUBJECT_PRONOUNS) {
        return false;
    }
    // "Weaver didn't seem impressed": a negated auxiliary is a predicate
    if w.ends_with("n't") {
        return false;
    }
    // a reporting verb ends the phrase, unless a determiner makes it a noun ("the states")
    if st.cue_class(k).is_some_and(|c| c != CueClass::Platform)
        && !st.is_cap(k)
        && !(k > 0 && st.in_list(k - 1, IN_DETERMINERS))
    {
        return false;
    }
    true
}

/// The apostrophe of a plural possessive inside a name: "The Harlequins
/// Supporters' Trust", "the Federation of Parents' Associations". It is a
/// quotation mark token that opened no quotation, written right after a
/// word in -s and followed by a capitalised word.
fn plural_possessive_mark(st: &Sent, k: usize) -> bool {
    let Some(Item::Tok(i)) = st.items.get(k) else {
        return false;
    };
    let i = *i;
    let doc = st.doc;
    i > 0
        && doc.tokens[i].kind == TokenKind::QuoteMark
        && matches!(doc.tok(i), "'" | "’")
        && doc.tokens[i - 1].span.end == doc.tokens[i].span.start
        && doc.tokens[i - 1].kind == TokenKind::Word
        && doc.norm(i - 1).ends_with('s')
        && st.is_word(k + 1)
        // "Supporters' Trust", or a role: "Rovers' manager Sean O'Neill"
        && (st.is_cap(k + 1) || st.lx.titles.contains(st.norm(k + 1)))
        && matches!(st.items.get(k.wrapping_sub(1)), Some(Item::Tok(p)) if *p == i - 1)
}

/// The speaker after a cue ("said X", "according to X").
/// What a source publishes rather than says: "according to data from the
/// research firm X", "according to a survey by X": the source is X.
const DOCUMENT_NOUNS: &[&str] = &[
    "data",
    "figures",
    "numbers",
    "statistics",
    "report",
    "survey",
    "study",
    "poll",
    "analysis",
    "research",
    "estimates",
    "estimate",
    "calculations",
    "records",
    "filings",
    "filing",
];

fn right_speaker(st: &Sent, s: usize, reg: &mut Registry) -> Option<Who> {
    let n = st.items.len();
    // "data from the research firm X", "a new survey by X": the source is X
    let mut s = s;
    if let Some(d) = (s..(s + 4).min(n))
        .take_while(|&k| st.is_word(k) && !st.is_cap(k))
        .find(|&k| DOCUMENT_NOUNS.contains(&st.norm(k)))
        && matches!(st.norm(d + 1), "from" | "by" | "of")
        && st.is_word(d + 2)
        && (d + 2..(d + 8).min(n)).any(|k| st.is_cap(k))
    {
        s = d + 2;
    }
    let mut e = s;
    while e < n
        && e - s < 12
        && np_word(st, e)
        && !matches!(
            st.norm(e),
            "shortly" | "standing" | "speaking" | "adding" | "who" | "as"
        )
    {
        // "a survey by the Institut Varenne published on Monday"
        if e > s && !st.is_cap(e) && st.norm(e).ends_with("ed") {
            break;
        }
        if name_then_setting(st, s, e) {
            break;
        }
        e += 1;
    }
    if e == s {
        return None;
    }
    let full = if name_then_setting(st, s, e) {
        e
    } else {
        appositive_end(st, e)
    };
    // "said the local MP, Hannah Oduya-Pritchard, who ...", "said the club's
    // chairman, Tom Reed": a description with a person's name in apposition
    // is that person, and the description is what they are
    if st.is_tok(e, ",")
        && let Np::Description {
            words,
            head,
            org: false,
        } = &*read_seg(st, (s, e))
    {
        let a = e + 1;
        let mut b = a;
        while b < n && b - a < 6 && np_word(st, b) && st.norm(b) != "who" {
            b += 1;
        }
        let closes = b == n || st.is_tok(b, ",") || st.is_tok(b, ".") || st.norm(b) == "who";
        if b > a
            && closes
            && matches!(&*read_seg(st, (a, b)), Np::Person { .. })
            && let Some(mut who) = speaker_from_np(st, (a, b), reg, true)
        {
            who.inverted = true;
            if let Some(m) = items_text(st, s, full.max(b)) {
                who.mention = m;
            }
            if let Some(ent) = who.entity {
                let mut w = words.clone();
                w.push(head);
                reg.describe(ent, &w);
                appositive_title(st, reg, ent, words, head);
            }
            return Some(who);
        }
    }
    let mut who = speaker_from_np(st, (s, e), reg, true)?;
    who.inverted = true;
    if full > e
        && let Some(m) = items_text(st, s, full)
    {
        who.mention = m;
    }
    // An appositive after the name adds descriptors: ", the United Nations envoy who ..."
    if st.is_tok(e, ",") {
        let mut m = e + 1;
        while m < n && np_word(st, m) && m - e < 10 {
            m += 1;
        }
        if m > e + 1
            && let Some(ent) = who.entity
        {
            let words: Vec<String> = (e + 1..m)
                .filter(|&k| st.is_word(k) && !st.is_cap(k) || k + 1 == m)
                .map(|k| speakers_base(st.norm(k)).to_string())
                .collect();
            reg.describe(ent, &words);
        }
    }
    Some(who)
}

/// "said former executive Carly Fiorina during the second debate", "said
/// Jan Novak at a rally on Monday": after a name, a preposition of time or
/// place begins the setting of the speech, not more of the speaker's phrase
/// (the speaker would be read as "debate"). Item `e` is the preposition,
/// `s` the phrase start.
fn name_then_setting(st: &Sent, s: usize, e: usize) -> bool {
    e > s && st.is_word(e - 1) && st.is_cap(e - 1) && is_setting(st, e)
}

/// A lower-case preposition of time or place (see [`name_then_setting`]).
fn is_setting(st: &Sent, e: usize) -> bool {
    st.is_word(e)
        && !st.is_cap(e)
        && matches!(
            st.norm(e),
            "during" | "at" | "in" | "on" | "after" | "before" | "while" | "amid" | "outside"
        )
}

fn read_seg<'a>(st: &Sent<'a>, (a, b): (usize, usize)) -> Rc<Np<'a>> {
    let (x, y) = st.tok_range(a, b);
    st.np(x, y)
}

/// "R-Ky", "D-N.Y": a US party and state tag.
fn is_party_tag(st: &Sent, k: usize) -> bool {
    let Item::Tok(i) = st.items[k] else {
        return false;
    };
    let t = st.doc.tok(i);
    let mut parts = t.splitn(2, '-');
    matches!(parts.next(), Some("R" | "D" | "I"))
        && parts
            .next()
            .is_some_and(|s| s.chars().next().is_some_and(|c| c.is_uppercase()))
}

/// Pick the speaker from appositive segments (`segs` right to left).
fn choose_segment<'a>(
    st: &Sent<'a>,
    segs: &[(usize, usize)],
    reg: &mut Registry,
    want_mention: bool,
) -> Option<Who> {
    #[derive(PartialEq)]
    enum Seg<'a> {
        Np(Rc<Np<'a>>),
        Skip,
        Clause,
    }
    let mut kinds = Vec::new();
    let orig = segs;
    let mut segs: Vec<(usize, usize)> = segs.to_vec();
    for seg in segs.iter_mut() {
        // "an oncologist at the Centre who was not involved": the phrase before "who"
        if let Some(r) =
            (seg.0 + 1..seg.1).find(|&k| matches!(st.norm(k), "who" | "which" | "whose"))
        {
            seg.1 = r;
        }
        // "Rep. Jim Jordan (R-Ohio)": the name before the parenthesis
        if seg.1 > seg.0 + 2
            && st.is_tok(seg.1 - 1, ")")
            && let Some(open) = (seg.0 + 1..seg.1 - 1).rev().find(|&k| st.is_tok(k, "("))
        {
            seg.1 = open;
        }
    }
    let segs = &segs[..];
    // "Cory James, 22, of Flint, Mich., said", "Clinton, during a town hall
    // in Columbus, Ohio, said": a short capitalised phrase right after a
    // phrase that opens with a preposition and ends in a capital, inside the
    // chain, finishes the place it names ("Mich", "Ohio"); it is no speaker.
    let place_tail = |i: usize, a: usize, n_words: usize| {
        i + 2 < segs.len() && (1..=2).contains(&n_words) && st.is_cap(a) && {
            let (c, d) = segs[i + 1];
            c < d
                && (st.in_list(c, IN_PREPOSITIONS) || st.norm(c) == "of")
                && !st.is_cap(c)
                && (c..d)
                    .rev()
                    .find(|&k| st.is_word(k))
                    .is_some_and(|k| st.is_cap(k))
        }
    };
    for (i, &(a, b)) in segs.iter().enumerate() {
        if a >= b {
            kinds.push(Seg::Clause);
            continue;
        }
        let first = st.norm(a);
        let n_words = (a..b).filter(|&k| st.is_word(k)).count();
        let kind = if b == a + 1 && matches!(first, "he" | "she" | "they" | "it") {
            Seg::Np(Rc::new(Np::Pronoun(first)))
        } else if matches!(first, "who" | "which" | "whose" | "whom" | "where")
            // an age: "Otieno, 52, said"
            || (n_words == 1 && matches!(st.items[a], Item::Tok(i) if st.doc.tokens[i].kind == TokenKind::Number))
            // "speaking on condition of anonymity"
            || (!st.is_cap(a) && (first.ends_with("ing") || first == "asked"))
            // a party tag: "Mitch McConnell, R-Ky., said"
            || (n_words == 1 && is_party_tag(st, a))
            // "Hillary Clinton, at a later press gaggle, said"
            || (st.in_list(a, IN_PREPOSITIONS) && !st.is_cap(a) && n_words <= 7 && segs.len() > 1 && (a, b) != *segs.last().unwrap())
            || place_tail(i, a, n_words)
            // "..., 22, of Flint, said": where the speaker is from
            || (first == "of" && !st.is_cap(a) && n_words <= 4 && i + 1 < segs.len())
        {
            Seg::Skip
        } else if st.in_list(a, IN_PREPOSITIONS) && !st.is_cap(a)
            || matches!(
                first,
                "in" | "on"
                    | "at"
                    | "after"
                    | "before"
                    | "despite"
                    | "during"
                    | "following"
                    | "last"
                    | "asked"
                    | "appearing"
            )
            || (a..b).any(|k| st.is_quote(k))
            || (a..b).any(|k| st.is_word(k) && !np_word(st, k) && st.norm(k) != "and")
            // "The storm hit hard, the weather service said": a past tense
            // after the phrase's first word makes it a clause
            || (a + 1..b).any(|k| {
                st.in_list(k, IN_IRREGULAR_PAST)
                    && !st.is_cap(k)
                    && !st.in_list(k - 1, IN_DETERMINERS)
            })
            || n_words > 10
        {
            Seg::Clause
        } else {
            Seg::Np(read_seg(st, (a, b)))
        };
        if kind == Seg::Clause {
            break;
        }
        kinds.push(kind);
    }
    // Prefer a named person or organisation, else the leftmost noun phrase.
    let nps: Vec<(usize, &Np)> = kinds
        .iter()
        .enumerate()
        .filter_map(|(i, k)| match k {
            Seg::Np(np) if **np != Np::Nothing => Some((i, &**np)),
            _ => None,
        })
        .collect();
    // Appositives follow their head, so without a name the leftmost phrase
    // (the last segment, as they run right to left) is the speaker.
    let named = nps
        .iter()
        .find(|(_, np)| matches!(np, Np::Person { .. } | Np::Organization(_)))
        .or_else(|| nps.last())?;
    let (si, _) = *named;
    let mut who = speaker_from_np(st, segs[si], reg, want_mention)?;
    // The mention is the whole chain as written, appositives included:
    // "Minyon Moore, a senior adviser to the campaign," / "Quina Jones, 25,".
    let left = nps.last().map(|x| x.0).unwrap_or(si).max(si);
    // ... but not an adjunct before the verb: "Clinton, at a later press gaggle, said"
    let appositive = |i: usize| {
        let w = st.norm(orig[i].0);
        !(!st.is_cap(orig[i].0) && (st.in_list(orig[i].0, IN_PREPOSITIONS) || w.ends_with("ing")))
            // "..., president of the union, which represents teachers, said":
            // "which" describes the organisation, not the speaker
            && w != "which"
    };
    // Only the first appositive describes the speaker; a second describes the
    // first one's noun ("Jean-Marc Ayrault, the foreign minister of France, a
    // permanent member of the Security Council"). An age or party tag
    // ("Quina Jones, 25, a nurse") does not count as the first.
    let mut right = si;
    if si >= 1 && appositive(si - 1) {
        right = si - 1;
        if kinds.get(si - 1) == Some(&Seg::Skip) && si >= 2 && appositive(si - 2) {
            right = si - 2;
        }
        // "Harry Bond, 30, of Raleigh, N.C., who ...": the place's tail
        // belongs with its first part
        if right >= 1 && place_tail(right - 1, orig[right - 1].0, 1) {
            right -= 1;
        }
        // "..., a lawyer for the Sierra Club, who has been challenging ...":
        // "who" points back to the speaker
        while right >= 1 && matches!(st.norm(orig[right - 1].0), "who" | "whose" | "whom") {
            right -= 1;
        }
    }
    if want_mention
        && (left, orig[right].1) != (si, segs[si].1)
        && let Some(m) = items_text(st, orig[left].0, orig[right].1)
    {
        who.mention = m;
    }
    // "“...,” the head of the mission, Astrid Lund, said": the speaker's
    // phrase starts with its first appositive, so what comes before it is
    // the content
    if left > si
        && let Some((_, b)) = who.np
    {
        who.np = Some((orig[left].0, b));
    }
    // Other descriptions describe the same speaker ("the mission's lead scientist").
    if let Some(ent) = who.entity {
        for (i, np) in &nps {
            if *i != si
                && let Np::Description { words, head, .. } = np
            {
                let mut w = words.clone();
                w.push(head);
                reg.describe(ent, &w);
                appositive_title(st, reg, ent, words, head);
            }
        }
        for (i, k) in kinds.iter().enumerate() {
            if *k == Seg::Skip {
                let (a, b) = segs[i];
                if b == a + 1 && st.is_word(a) {
                    let age = format!("{}-year-old", st.norm(a));
                    reg.describe(ent, &[age]);
                }
            }
        }
    }
    Some(who)
}

fn speaker_from_np(
    st: &Sent,
    (a, b): (usize, usize),
    reg: &mut Registry,
    want_mention: bool,
) -> Option<Who> {
    let (x, y) = st.tok_range(a, b);
    let np = st.np(x, y);
    let np = &*np;
    // the mention starts where the noun phrase does, after a time phrase
    let (mut buf, mut spill) = ([""; 16], Vec::new());
    let words = crate::speakers::gather(&mut buf, &mut spill, (x..y).map(|i| st.doc.norm(i)));
    let x = x + crate::speakers::time_prefix(words).min(y - x);
    // the mention as written (also the name of a new described speaker)
    let written = || mention_text(st.doc, st.doc.token_span(x, y));
    let mention = if want_mention {
        written()
    } else {
        String::new()
    };
    let si = st.index;
    let (entity, found) = match np {
        Np::Nothing => return None,
        // A pronoun with no fitting referent keeps its statement, credited to
        // an unresolved speaker (empty name, type unknown, mention as written).
        Np::Pronoun(p) => (
            Some(
                same_sentence_subject(st, a, p, reg)
                    .or_else(|| reg.resolve_pronoun(p))
                    .unwrap_or_else(|| reg.unresolved()),
            ),
            Found::Pronoun,
        ),
        Np::Person {
            name,
            title,
            gender,
        } => (
            Some(reg.person(name, title, *gender, si, true)),
            Found::Name,
        ),
        Np::Organization(name) => (Some(reg.organization(name, si, true)), Found::Name),
        Np::Anonymous(text) => (
            Some(reg.anonymous(text, anonymous_head(text), si)),
            Found::Anonymous,
        ),
        Np::Description { head, words, org } => {
            // "the monitors" never means one earlier person
            let plural = head.ends_with('s') && !head.ends_with("ss");
            // a role nobody earlier holds ("the returning officer") is someone new
            let role = matches!(st.lx.titles.get(head), Some(TitleClass::Title))
                || st.lx.anon_heads.contains(head);
            if let Some(i) = owned_body(reg, head, words, si) {
                reg.touch_subject(i, si);
                return Some(Who {
                    entity: Some(i),
                    mention,
                    found: Found::Description,
                    np: Some((a, b)),
                    inverted: false,
                });
            }
            // "the report", "the data" are documents, never a person's
            let document = DOCUMENT_NOUNS.contains(head);
            let r = reg.resolve_description(head, words, *org, !plural && !role && !document);
            match r {
                Some(i) => {
                    // a name referred to as "the company" is an organisation's,
                    // and the next "the company" means the same one
                    if *org {
                        reg.entities[i].kind = SpeakerType::Organization;
                        reg.describe(i, std::slice::from_ref(head));
                    }
                    (Some(i), Found::Description)
                }
                None => {
                    let full = written();
                    let name = full
                        .strip_prefix("the ")
                        .or_else(|| full.strip_prefix("The "))
                        .unwrap_or(&full)
                        .to_string();
                    // a bare "the operator" with nothing earlier to point to
                    // is an organisation the article names soon after
                    let bare = words
                        .iter()
                        .all(|w| w == head || matches!(*w, "the" | "its" | "their"));
                    let para = st.doc.sentences[si].paragraph;
                    let lead = st.doc.paragraphs[..para]
                        .iter()
                        .all(|p| p.kind != ParagraphKind::Body);
                    let i = if *org && bare && lead {
                        reg.described_org(head, si)
                    } else if *org {
                        reg.organization(&name, si, true)
                    } else {
                        reg.anonymous(&name, head, si)
                    };
                    (Some(i), Found::Description)
                }
            }
        }
    };
    if let Some(i) = entity {
        reg.touch_subject(i, si);
    }
    Some(Who {
        entity,
        mention,
        found,
        np: Some((a, b)),
        inverted: false,
    })
}

/// "The state's insurance commissioner, Raymond Castellanos": a role in an
/// appositive is the title of a person who has none yet (what "his office"
/// is named after).
fn appositive_title(st: &Sent, reg: &mut Registry, ent: usize, words: &[&str], head: &str) {
    let e = &mut reg.entities[ent];
    if e.kind != SpeakerType::Person
        || !e.title.is_empty()
        || !matches!(st.lx.titles.get(head), Some(TitleClass::Title))
    {
        return;
    }
    let mut t: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| {
            !DETERMINERS.contains(w) && !w.ends_with("'s") && !w.ends_with("’s") && *w != head
        })
        .collect();
    t.push(head);
    e.title = t.join(" ");
}

/// The head noun of an anonymous source, before its prepositional phrase:
/// "one estate agent in the capital" is an agent (so "the agent" later
/// finds it), "analysts at Nordvik Bank" are analysts.
fn anonymous_head(text: &str) -> &str {
    let mut head = "";
    for w in text.split(' ') {
        if matches!(
            w,
            "in" | "at" | "of" | "from" | "for" | "with" | "on" | "close" | "familiar"
        ) && !head.is_empty()
        {
            break;
        }
        head = w;
    }
    head
}

/// "His office", "her campaign": a body belonging to the person "he" or
/// "she" points to, named after that person's title (or name), so that it
/// is neither the person nor the latest organisation with an office.
fn owned_body(reg: &mut Registry, head: &str, words: &[&str], si: usize) -> Option<usize> {
    let pronoun = match words.first().copied() {
        Some("his") => "he",
        Some("her") => "she",
        _ => return None,
    };
    if words.len() != 2 || !matches!(head, "office" | "campaign" | "team" | "administration") {
        return None;
    }
    let p = reg.resolve_pronoun(pronoun)?;
    let e = &reg.entities[p];
    if e.kind != SpeakerType::Person || e.name.is_empty() {
        return None;
    }
    let owner = if e.title.is_empty() {
        &e.name
    } else {
        &e.title
    };
    let name = format!("{owner}'s {head}");
    Some(reg.organization(&name, si, true))
}

/// The subject of the sentence, for participle clauses and coordination.
fn subject_speaker(st: &Sent, reg: &mut Registry, limit: usize) -> Option<Who> {
    let (a, segs) = subject_segments(st, limit)?;
    let _ = a;
    choose_segment(st, &segs, reg, true)
}

/// Segments of the sentence subject (right to left, as `choose_segment` wants).
fn subject_segments(st: &Sent, limit: usize) -> Option<(usize, Vec<(usize, usize)>)> {
    let n = st.items.len().min(limit);
    let mut s = 0;
    // skip an introductory phrase ending in a comma
    if n > 0
        && (st.in_list(0, IN_INTRO_WORDS)
            || (!st.is_word(0) && !st.is_quote(0))
            || opening_phrase(st))
    {
        if let Some(c) = (0..n.min(16)).find(|&k| st.is_tok(k, ",")) {
            s = c + 1;
        } else if !st.is_word(0) {
            s = 1;
        }
    }
    if s >= n || !st.is_word(s) {
        return None;
    }
    // "Said Ellis: ..." has no subject before its verb
    if s == 0
        && st
            .lx
            .cues
            .get(st.norm(0))
            .is_some_and(|c| *c == CueClass::Speech)
    {
        return None;
    }
    if matches!(st.norm(s), "he" | "she" | "they" | "it") {
        return Some((s, vec![(s, s + 1)]));
    }
    let mut segs = Vec::new();
    let a = s;
    {
        let mut e = a;
        // A name has ended at a lower-case word after it ("Halloran visited"),
        // unless the only capital so far is the sentence's first word.
        let mut name_run = 0usize;
        let mut name_seen_mid = false;
        let det_start = st.in_list(a, IN_LEADING) || st.lx.anon_dets.contains(st.norm(a));
        while e < n && e - a < 12 && (np_word(st, e) || titled_conjunct(st, e + 1, n).is_some()) {
            let w = st.norm(e);
            let title = st.lx.titles.contains(speakers_base(w));
            if st.is_cap(e) && !title && !st.in_list(e, IN_LEADING) {
                name_run += 1;
                if e > 0 {
                    name_seen_mid = true;
                }
            } else if !st.is_cap(e)
                && !crate::speakers::is_particle(w)
                && !matches!(w, "of" | "and" | "&" | ".")
            {
                if let Some(next_name) =
                    titled_conjunct(st, e, n).or_else(|| titled_name_after(st, e, n))
                {
                    e = next_name;
                    continue;
                }
                if name_run > 0 && (name_seen_mid || name_run > 1) && !title && !det_start {
                    break;
                }
                // "Trump unleashed", "Students marched" (but "The unnamed official")
                if (e > a + 1 || !det_start)
                    && (w.ends_with("ed") || w == "for" || st.in_list(e, IN_IRREGULAR_PAST))
                {
                    break;
                }
                // "The IMF expects growth ...": after a name, a lower-case
                // word in -s is its verb
                if name_run > 0
                    && (name_seen_mid || name_run > 1)
                    && e > a + 1
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    // "The No campaign's leader": a possessive is no verb
                    && !w.ends_with("'s")
                    && !title
                {
                    break;
                }
            }
            e += 1;
        }
        if e == a {
            return None;
        }
        segs.push((a, e));
        // continue over ", appositive,"
        if st.is_tok(e, ",") && segs.len() < 4 {
            let mut m = e + 1;
            while m < n && !st.is_tok(m, ",") && !st.is_quote(m) && m - e < 14 {
                m += 1;
            }
            if st.is_tok(m, ",") && m > e + 1 {
                segs.push((e + 1, m));
                let a = m + 1;
                if a < n
                    && st.is_word(a)
                    && np_word(st, a)
                    // "Tracy Martin, the boy's father, issued a statement
                    // Thursday, saying": a past tense is the predicate
                    && !(!st.is_cap(a)
                        && (st.norm(a).ends_with("ed") || st.in_list(a, IN_IRREGULAR_PAST)))
                    && !is_cue_at(
                        st,
                        a,
                        &[
                            CueClass::Speech,
                            CueClass::Tell,
                            CueClass::Object,
                            CueClass::Participle,
                        ],
                    )
                {
                    // yet another appositive? only if it ends with a comma too
                    let mut m2 = a;
                    while m2 < n && !st.is_tok(m2, ",") && !st.is_quote(m2) && m2 - a < 14 {
                        m2 += 1;
                    }
                    if st.is_tok(m2, ",") {
                        segs.push((a, m2));
                    }
                }
            }
        }
    }
    if segs.is_empty() {
        return None;
    }
    segs.reverse();
    Some((s, segs))
}

/// "Prime Minister Jan Novak and opposition leader Eva Kral clashed": after
/// a name and "and", lower-case words ending in a title word and followed
/// by a capitalised word are the role of a second person in the subject, not
/// the predicate. Returns the item of that person's name.
fn titled_conjunct(st: &Sent, e: usize, n: usize) -> Option<usize> {
    if e < 2 || !st.is_tok(e - 1, "and") || !st.is_cap(e - 2) {
        return None;
    }
    let mut j = e;
    while j < n && j - e < 4 && st.is_word(j) && !st.is_cap(j) && np_word(st, j) {
        if st.lx.titles.get(speakers_base(st.norm(j))) == Some(&TitleClass::Title)
            && st.is_word(j + 1)
            && st.is_cap(j + 1)
        {
            return Some(j + 1);
        }
        j += 1;
    }
    None
}

/// "Republican presidential hopeful Sen. Ted Cruz was ...": a lower-case
/// word or two after capitalised modifiers, then an abbreviated or
/// capitalised title and a name, describe that person; the lower-case word
/// does not end the subject. Returns the item of the title.
fn titled_name_after(st: &Sent, e: usize, n: usize) -> Option<usize> {
    let mut j = e;
    while j < n && j - e < 2 && st.is_word(j) && !st.is_cap(j) && np_word(st, j) {
        j += 1;
    }
    let title = j > e
        && st.is_word(j)
        && st.is_cap(j)
        && st.lx.titles.get(speakers_base(st.norm(j))) == Some(&TitleClass::Title);
    // the title's abbreviation mark, then the name
    let name = if st.is_tok(j + 1, ".") { j + 2 } else { j + 1 };
    (title && st.is_word(name) && st.is_cap(name)).then_some(j)
}

/// An opening phrase that is not the subject, though its first word is not
/// one of [`INTRO_WORDS`]: "Hours later, she ...", "Like Corker, Menendez
/// ...", "Continuing to explain his view, Carson ...", "Here in Columbia,
/// Sanders ...". Only when a comma closes it within a few words.
fn opening_phrase(st: &Sent) -> bool {
    let first = st.norm(0);
    let time = st.is_word(1) && matches!(st.norm(1), "later" | "earlier" | "ago" | "after");
    let fronted = time
        || matches!(
            first,
            "like"
                | "unlike"
                | "here"
                | "there"
                | "shortly"
                | "now"
                | "then"
                | "again"
                | "once"
                | "indeed"
                | "first"
                | "finally"
                | "also"
                | "later"
        )
        // a participle phrase: "Continuing to explain ...,", "Weighing in,"
        || (st.is_cap(0) && first.len() > 5 && first.ends_with("ing"));
    fronted && (1..st.items.len().min(12)).any(|k| st.is_tok(k, ","))
}

/// Keep the registry's idea of "who the sentence is about" current, so that
/// pronouns and descriptions in later sentences find their referent.
fn register_subject(st: &Sent, reg: &mut Registry) {
    let Some((_, segs)) = subject_segments(st, st.items.len()) else {
        return;
    };
    // "Jan Novak and Eva Kral met", "Prime Minister Jan Novak and opposition
    // leader Eva Kral clashed": two people joined by "and" are both subjects,
    // so a later "she" or "Kral" finds hers
    if let [(a, b)] = segs[..]
        && let Some(m) = (a + 1..b.saturating_sub(1))
            .find(|&m| st.norm(m) == "and" && st.is_cap(m - 1) && (m + 1..b).any(|k| st.is_cap(k)))
    {
        let parts = [(a, m), (m + 1, b)];
        if parts
            .iter()
            .all(|&p| matches!(&*read_seg(st, p), Np::Person { .. }))
        {
            for p in parts {
                let _ = choose_segment(st, &[p], reg, false);
            }
            return;
        }
    }
    // Only register subjects that are names, organisations, or descriptions
    // that clearly denote a person or body (titles, ages, nationalities).
    let mut named = false;
    for &(a, b) in segs.iter().rev() {
        if a >= b {
            continue;
        }
        match &*read_seg(st, (a, b)) {
            Np::Person { .. } | Np::Organization(_) => named = true,
            _ => {}
        }
    }
    let ok = named
        || segs.iter().any(|&(a, b)| match &*read_seg(st, (a, b)) {
            Np::Description { head, org, .. } => {
                *org || head.ends_with("-year-old")
                    || matches!(
                        st.lx.titles.get(head),
                        Some(
                            TitleClass::Title
                                | TitleClass::Demonym
                                | TitleClass::Male
                                | TitleClass::Female
                        )
                    )
            }
            Np::Anonymous(_) => true,
            Np::Pronoun(_) => false,
            _ => false,
        });
    if ok {
        // only the registry's update matters here, not the mention
        let _ = choose_segment(st, &segs, reg, false);
    }
}

/// "Among those affected was Nordea Direct, whose ...": a fronted phrase
/// and "was"/"were" put the subject after the verb; it is still the
/// sentence's subject, so "The bank said" next finds it.
fn register_inverted_subject(st: &Sent, reg: &mut Registry) {
    if !matches!(st.norm(0), "among" | "also") {
        return;
    }
    let n = st.items.len();
    let Some(v) = (1..n.min(12)).find(|&k| matches!(st.norm(k), "was" | "were")) else {
        return;
    };
    let a = v + 1;
    let mut e = a;
    while e < n && st.is_word(e) && (st.is_cap(e) || (e > a && st.is_tok(e, "of"))) {
        e += 1;
    }
    if e == a {
        return;
    }
    match &*read_seg(st, (a, e)) {
        Np::Organization(name) => {
            reg.organization(name, st.index, true);
        }
        Np::Person {
            name,
            title,
            gender,
        } => {
            reg.person(name, title, *gender, st.index, true);
        }
        _ => {}
    }
}

/// Register people and organisations mentioned outside the subject, so that
/// a later "Macron" or "the agency" can find them. Mentions do not make a
/// subject, so they do not attract pronouns.
fn register_mentions(st: &Sent, reg: &mut Registry) {
    let n = st.items.len();
    let mut k = 0;
    while k < n {
        if !(st.is_cap(k) && st.is_word(k)) || st.in_list(k, IN_LEADING) {
            k += 1;
            continue;
        }
        let mut e = k;
        while e < n
            && (st.is_cap(e)
                || (matches!(
                    st.norm(e),
                    "of" | "de" | "la" | "van" | "der" | "al" | "and" | "&"
                ) && st.is_cap(e + 1)))
            && st.is_word(e)
        {
            e += 1;
        }
        // Only runs that can name someone new are worth reading: several
        // capitalised words, an acronym, or an organisation word.
        let a = k;
        let single = e == k + 1;
        let worth = !single || {
            let t = match st.items[k] {
                Item::Tok(i) => st.doc.tok(i),
                _ => "",
            };
            (t.chars().count() >= 2 && t.chars().all(|c| c.is_uppercase()))
                || st.lx.orgs.get(speakers_base(st.norm(k))).is_some()
        };
        // "chief executive of operator Nordkraft": a one-word name after
        // a lower-case organisation noun is that organisation's name
        let described = single
            && k > 0
            && st.is_word(k - 1)
            && !st.is_cap(k - 1)
            && st.lx.orgs.get(speakers_base(st.norm(k - 1))).is_some();
        if !worth && !described {
            k = e.max(k + 1);
            continue;
        }
        let a = if described && !worth {
            k - 1
        } else {
            role_before(st, a)
        };
        // Plain capitalised words ("David Blunkett") can only name a person
        // without a title, recorded below only when someone's name ends
        // with its last word: when nobody's does, the run is not read.
        let (x, y) = st.tok_range(a, e);
        let last = st.doc.tok(y - 1);
        let unread = last.is_ascii()
            && !reg
                .entities
                .iter()
                .any(|p| p.kind == SpeakerType::Person && ends_with_lower(p.lower_name(), last))
            && st.phrases.plain_name_words(x, y);
        let np = (!unread).then(|| st.np(x, y));
        match np.as_deref() {
            Some(Np::Organization(name)) => {
                let i = reg.organization(name, st.index, false);
                let _ = i;
            }
            Some(Np::Person {
                name,
                title,
                gender,
            }) if !title.is_empty() && name.contains(' ') => {
                reg.person(name, title, *gender, st.index, false);
            }
            Some(Np::Person { name, .. })
                if name.contains(' ') && {
                    let last = name.rsplit(' ').next().unwrap_or("");
                    reg.entities.iter().any(|x| {
                        x.kind == SpeakerType::Person && ends_with_lower(x.lower_name(), last)
                    })
                } =>
            {
                reg.person(name, "", None, st.index, false);
            }
            _ => {}
        }
        // "(PCHA)": an acronym naming the organisation just before it
        if st.is_tok(e, "(") && st.is_word(e + 1) && st.is_tok(e + 2, ")") {
            let acr = match st.items[e + 1] {
                Item::Tok(i) => st.doc.tok(i).to_string(),
                _ => String::new(),
            };
            // ... when it was named in this sentence or its initials spell the
            // acronym (not "the UK economy" two paragraphs before)
            let initials = |name: &str| -> String {
                name.split_whitespace()
                    .filter_map(|w| w.chars().next())
                    .filter(|c| c.is_uppercase())
                    .collect()
            };
            if acr.chars().count() >= 2
                && acr.chars().all(|c| c.is_uppercase())
                && let Some(ent) = reg
                    .entities
                    .iter()
                    .rposition(|x| x.kind == SpeakerType::Organization)
                && (reg.entities[ent].last_mention == st.index
                    || initials(&reg.entities[ent].name) == acr)
            {
                reg.describe(ent, &[acr.to_lowercase()]);
            }
        }
        k = e.max(k + 1);
    }
}

/// "met opposition leader Eva Kral": lower-case title words right before a
/// name mentioned outside the subject are that person's role, so the name is
/// registered with its title and a later "the leader" finds it. Returns the
/// first item of the role (or `a` when there is none).
fn role_before(st: &Sent, a: usize) -> usize {
    let mut r = a;
    while r > 0
        && a - r < 3
        && st.is_word(r - 1)
        && !st.is_cap(r - 1)
        && st.lx.titles.get(speakers_base(st.norm(r - 1))) == Some(&TitleClass::Title)
    {
        r -= 1;
    }
    // "Danish striker Mikkel Sorensen": a nationality adjective before the
    // role belongs to it, so a later "the Dane" finds him
    if r < a
        && r > 0
        && st.is_word(r - 1)
        && st.is_cap(r - 1)
        && ["ish", "ian", "ese", "ic", "an", "ch"]
            .iter()
            .any(|e| st.norm(r - 1).ends_with(e))
    {
        r -= 1;
    }
    r
}

/// The words of items `[a, b)` as written, without trailing commas (a
/// speaker mention with its appositive).
fn items_text(st: &Sent, a: usize, mut b: usize) -> Option<String> {
    // trailing commas, and an adverb before the verb ("..., forcefully told")
    while b > a
        && ((st.is_punct(b - 1) && !st.is_tok(b - 1, ")"))
            || (b - a > 2 && !st.is_cap(b - 1) && st.norm(b - 1).ends_with("ly")))
    {
        b -= 1;
    }
    if a >= b || (a..b).any(|k| st.is_quote(k)) {
        return None;
    }
    let (x, y) = st.tok_range(a, b);
    Some(mention_text(st.doc, st.doc.token_span(x, y)))
}

/// Where a speaker's appositive ends after the name ending at item `e`:
/// "said Rep. G.K. Butterfield (D-N.C.), head of the Congressional Black
/// Caucus." It runs to the end of the sentence, over further commas, but
/// stops at a quotation, a participle or adverbial clause (", adding that",
/// ", as protesters gathered") and a coordinated cue (", and added").
fn appositive_end(st: &Sent, e: usize) -> usize {
    let n = st.items.len();
    let mut j = e;
    if st.is_tok(j, "(") {
        match (j + 1..(j + 8).min(n)).find(|&m| st.is_tok(m, ")")) {
            Some(c) => j = c + 1,
            None => return e,
        }
    }
    let mut end = j;
    let mut m = j;
    // commas passed, and words since the last one: only the first appositive
    // describes the speaker (a second describes the first one's noun), but an
    // age or a party tag does not count as the first
    let mut commas = 0;
    let mut words_since = 0;
    while m < n && m - j < 40 {
        if st.is_quote(m) || st.is_tok(m, ";") || st.is_tok(m, ":") || st.is_tok(m, "—") {
            break;
        }
        // "Rep. Ana Vega (D-Va.) at the time": the setting, not an appositive
        if commas == 0
            && m > 0
            && (name_then_setting(st, m - 1, m) || st.is_tok(m - 1, ")"))
            && is_setting(st, m)
        {
            break;
        }
        if st.is_tok(m, ",") {
            if commas >= 1 && words_since > 1 && !matches!(st.norm(m + 1), "who" | "whose" | "whom")
            {
                break;
            }
            commas += 1;
            words_since = 0;
            let nx = st.norm(m + 1);
            let opens_clause = !st.is_word(m + 1)
                || (st.in_list(m + 1, IN_NP_STOP)
                    && !matches!(nx, "who" | "whose" | "whom" | "which"))
                || (!st.is_cap(m + 1)
                    && (nx.ends_with("ing") || st.in_list(m + 1, IN_PREPOSITIONS)))
                || matches!(nx, "and" | "but")
                || is_cue_at(
                    st,
                    m + 1,
                    &[
                        CueClass::Speech,
                        CueClass::Tell,
                        CueClass::Participle,
                        CueClass::According,
                    ],
                );
            if opens_clause {
                break;
            }
        } else if st.is_word(m) || st.is_tok(m, ")") {
            end = m + 1;
            words_since += 1;
        }
        m += 1;
    }
    end
}

/// The subject after a fronted participle clause ("After saying ..., she
/// was ..."): the noun phrase after its comma, or after a quotation that
/// closes it.
fn fronted_participle_speaker(st: &Sent, k: usize, reg: &mut Registry) -> Option<Who> {
    let n = st.items.len();
    let end = fronted_participle_end(st, k)?;
    let s0 = end + 1;
    let mut e0 = s0;
    if matches!(st.norm(s0), "he" | "she" | "they" | "it") {
        e0 = s0 + 1;
    }
    while e0 < n && e0 < s0 + 8 && np_word(st, e0) {
        e0 += 1;
    }
    if e0 == s0 {
        return None;
    }
    speaker_from_np(st, (s0, e0), reg, true)
}

/// The last item of a fronted participle clause: its comma, or the
/// quotation that closes it.
fn fronted_participle_end(st: &Sent, k: usize) -> Option<usize> {
    (k + 1..st.items.len()).find(|&m| st.is_tok(m, ",") || (st.is_quote(m) && st.is_word(m + 1)))
}

/// The speaker of a verb at item `j` whose subject is "who": the name before
/// the comma before "who", past one appositive that starts in lower case.
/// The mention is "who", as written.
fn relative_who(st: &Sent, j: usize, reg: &mut Registry) -> Option<Who> {
    let mut w = j;
    // "who in 2010 said", "who on Friday said"
    if w >= 2 && st.is_word(w - 1) && matches!(st.norm(w - 2), "in" | "on" | "last" | "this") {
        w -= 2;
    }
    if w < 3 || st.norm(w - 1) != "who" || !st.is_tok(w - 2, ",") {
        return None;
    }
    let mut end = w - 2;
    // skip an appositive ", now the Senate majority leader,"
    if let Some(c) = (0..end).rev().take(10).find(|&m| st.is_tok(m, ","))
        && st.is_word(c + 1)
        && !st.is_cap(c + 1)
    {
        end = c;
    }
    let mut a = end;
    while a > 0
        && st.is_word(a - 1)
        && (st.is_cap(a - 1) || crate::speakers::is_particle(st.norm(a - 1)))
    {
        a -= 1;
    }
    if a == end || a == 0 && end - a == 1 && !st.is_cap(0) {
        return None;
    }
    let mut who = speaker_from_np(st, (a, end), reg, true)?;
    who.mention = "who".into();
    Some(who)
}

/// "A union diplomat who took part in the negotiations said", "the research
/// institute that led the expedition said": a relative clause without
/// commas (items `[a, e)`, after "who" or "that") restricts the noun phrase
/// before it, which is the speaker; the mention is the whole phrase. "That"
/// counts only after a body or an anonymous source, since after other nouns
/// it opens a clause of their own ("the claim that officials said").
fn restrictive_relative_subject(st: &Sent, a: usize, e: usize, reg: &mut Registry) -> Option<Who> {
    // "An official who spoke anonymously to discuss strategy said": the
    // phrase before the verb is the end of a longer relative clause (its
    // "to" stops the noun phrase); its "who" is a few words further back
    let a = if a >= 2 && !matches!(st.norm(a - 1), "who" | "that") && st.is_word(a - 1) {
        match (e.saturating_sub(9).max(1)..a)
            .rev()
            .take_while(|&m| st.is_word(m) && !st.is_cap(m))
            .find(|&m| st.norm(m) == "who")
        {
            Some(r) => r + 1,
            None => return None,
        }
    } else {
        a
    };
    if a < 2 || e - a > 8 || !matches!(st.norm(a - 1), "who" | "that") {
        return None;
    }
    let end = a - 1;
    let mut s = end;
    while s > 0 && end - s < 8 && np_word(st, s - 1) {
        s -= 1;
    }
    if s == end {
        return None;
    }
    // the antecedent opens the clause: the sentence start, or a comma
    // after content placed first ("..., the institute that led it said")
    if s > 0 && !st.is_tok(s - 1, ",") {
        return None;
    }
    let (x, y) = st.tok_range(s, end);
    let np = st.np(x, y);
    let fits = match &*np {
        Np::Person { .. } => st.norm(a - 1) == "who",
        Np::Anonymous(_) | Np::Organization(_) => true,
        Np::Description { org, .. } => *org || st.norm(a - 1) == "who",
        _ => false,
    };
    if !fits {
        return None;
    }
    let mut who = speaker_from_np(st, (s, end), reg, true)?;
    if let Some(m) = items_text(st, s, e) {
        who.mention = m;
    }
    who.np = Some((s, e));
    Some(who)
}

/// "The Security Council pledged sanctions against what it called ...":
/// a pronoun after the sentence's own named subject refers to it ("it" to
/// an organisation, "he"/"she" to a person).
fn same_sentence_subject(st: &Sent, k: usize, pronoun: &str, reg: &mut Registry) -> Option<usize> {
    if k == 0 {
        return None;
    }
    let (_, segs) = subject_segments(st, k)?;
    let &(a, b) = segs.last()?;
    if b > k {
        return None;
    }
    match &*read_seg(st, (a, b)) {
        Np::Organization(name) if pronoun == "it" => Some(reg.organization(name, st.index, true)),
        Np::Person {
            name,
            title,
            gender,
        } if matches!(pronoun, "he" | "she")
            && !matches!(
                (gender, pronoun),
                (Some(Gender::Male), "she") | (Some(Gender::Female), "he")
            ) =>
        {
            Some(reg.person(name, title, *gender, st.index, true))
        }
        _ => None,
    }
}

/// "footage of Hillary Clinton asking, “...”", "shows Trump saying during
/// the debate, “...”": a participle right after a name introduced by "of"
/// or "shows", with a quotation after it; returns where the name starts and
/// the quotation's item.
fn named_participle(st: &Sent, k: usize) -> Option<(usize, usize)> {
    if k < 2 || !(st.is_word(k - 1) && st.is_cap(k - 1)) {
        return None;
    }
    let mut a = k - 1;
    while a > 0 && st.is_word(a - 1) && st.is_cap(a - 1) && k - a < 5 {
        a -= 1;
    }
    if a == 0 || !matches!(st.norm(a - 1), "of" | "shows" | "showed" | "showing") {
        return None;
    }
    let mut j = k + 1;
    while j < st.items.len() && j < k + 8 && !st.is_quote(j) && !st.is_tok(j, ",") {
        j += 1;
    }
    if st.is_tok(j, ",") {
        j += 1;
    }
    st.is_quote(j).then_some((a, j))
}

/// Where a relative clause with the speaker starts: "what" right before the
/// speaker, or the noun phrase before "that"/"which" ("an explosion that the
/// mayor described as ..."). None when the speaker does not open one.
fn relative_start(st: &Sent, np_start: usize) -> Option<usize> {
    if np_start == 0 || st.is_quote(np_start - 1) {
        return None;
    }
    match st.norm(np_start - 1) {
        "what" => Some(np_start - 1),
        "that" | "which" if np_start >= 2 => {
            let mut a = np_start - 1;
            while a > 0
                && st.is_word(a - 1)
                && np_word(st, a - 1)
                && !st.in_list(a - 1, IN_PREPOSITIONS)
                && a + 6 > np_start
            {
                a -= 1;
            }
            (a < np_start - 1).then_some(a)
        }
        _ => None,
    }
}

/// The name token and colon opening a quoted transcript turn.
fn turn_name(doc: &Document, q: usize) -> Option<(usize, usize)> {
    let qd = &doc.quotes[q];
    let (t, colon) = (qd.open + 1, qd.open + 2);
    if colon >= doc.tokens.len()
        || !doc.is_punct(colon, ":")
        || doc.tokens[t].kind != TokenKind::Word
    {
        return None;
    }
    let word = doc.tok(t);
    (word.chars().count() >= 3
        && word.chars().all(|c| c.is_uppercase())
        && !matches!(
            word,
            "UPDATE" | "NOTE" | "BREAKING" | "EDITOR" | "CORRECTION" | "WATCH" | "READ" | "VIDEO"
        ))
    .then_some((t, colon))
}

/// A quoted transcript turn, "“WALLACE: Let's start with ...": one
/// upper-case name and a colon open the quotation. The name is a person
/// ("Wallace", the same as an earlier "Chris Wallace"), the rest the words.
fn transcript_turn(doc: &Document, reg: &mut Registry, q: usize, si: usize) -> Option<Attributed> {
    let qd = &doc.quotes[q];
    let (t, colon) = turn_name(doc, q)?;
    let word = doc.tok(t);
    let name: String = word
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                c
            } else {
                c.to_lowercase().next().unwrap_or(c)
            }
        })
        .collect();
    let start = doc.tokens.get(colon + 1)?.span.start;
    if start >= qd.inner.end {
        return None;
    }
    let entity = reg.person(&name, "", None, si, false);
    Some(Attributed {
        content: Span::new(start, qd.inner.end),
        kind: Kind::Direct,
        cue: ":".to_string(),
        entity: Some(entity),
        mention: word.to_string(),
        found: Found::Name,
        sentence: si,
        quote: Some(q),
    })
}

/// A quotation signed with a dash, as in collected reader comments or
/// epigraphs: "“We deserve better.” ― Ana Ruiz". The sentence is the
/// quotation(s), a dash and a name (with an optional appositive), nothing else.
fn dash_signature(st: &Sent, reg: &mut Registry, out: &mut Vec<Attributed>) {
    let n = st.items.len();
    let Some(d) = (0..n)
        .find(|&k| !st.is_quote(k) && !st.is_punct(k))
        .and_then(|k| k.checked_sub(1))
    else {
        return;
    };
    if d == 0 || !matches!(st.norm(d), "―" | "—" | "–") || !(0..d).any(|k| st.is_quote(k)) {
        return;
    }
    if !st.is_cap(d + 1) {
        return;
    }
    let mut e = d + 1;
    while e < n && np_word(st, e) && e - d < 8 {
        e += 1;
    }
    if !st.only_punct_from(appositive_end(st, e)) {
        return;
    }
    let (x, y) = st.tok_range(d + 1, e);
    if !matches!(&*st.np(x, y), Np::Person { .. } | Np::Organization(_)) {
        return;
    }
    let Some(who) = right_speaker(st, d + 1, reg) else {
        return;
    };
    for k in 0..d {
        if st.is_quote(k)
            && let Some(a) = make_statement(st, (k, k + 1), &who, "―")
        {
            out.push(a);
        }
    }
}

/// A quotation closing the sentence after a colon, with no reporting verb:
/// "She then turned to the crowd: “Q”", "Ruiz has since apologised for the
/// delay: “Q”" (a pronoun or a name, then a verb in the past tense), or a
/// speaker's label as in a transcript or a round-up: "Sen. Ana Ruiz (D-Ore.):
/// “Q”", "PORT REOPENS - Ana Ruiz: “Q”", "More from Ruiz: “Q”". Nothing but
/// quotations follows the colon, and no quotation comes before it.
fn colon_quotation(st: &Sent, reg: &mut Registry, out: &mut Vec<Attributed>) {
    let n = st.items.len();
    let Some(c) = (1..n).find(|&k| st.is_tok(k, ":") || st.is_quote(k)) else {
        return;
    };
    if !st.is_tok(c, ":")
        || !st.is_quote(c + 1)
        || !(c + 2..n).all(|k| st.is_quote(k) || st.is_punct(k))
    {
        return;
    }
    // a headline before a dash, and "More from", open a round-up's label
    let mut s = (0..c)
        .rev()
        .find(|&k| matches!(st.norm(k), "-" | "—" | "–"))
        .map_or(0, |d| d + 1);
    if st.norm(s) == "more" && st.norm(s + 1) == "from" {
        s += 2;
    }
    if s >= c || !st.is_word(s) {
        return;
    }
    let pronoun = matches!(st.norm(s), "he" | "she" | "they");
    if !pronoun && !st.is_cap(s) {
        return;
    }
    // the subject: a pronoun, or a run of name words (and a party tag)
    let mut e = s + 1;
    if !pronoun {
        while e < c && e - s < 8 && np_word(st, e) {
            e += 1;
        }
    }
    let mut np_end = e;
    if st.is_tok(e, "(")
        && is_party_tag(st, e + 1)
        && let Some(close) = (e + 2..c.min(e + 8)).find(|&k| st.is_tok(k, ")"))
    {
        e = close + 1;
    }
    let label = e == c;
    if !label {
        if s > 0 {
            return;
        }
        let mut v = e;
        while v < c && st.in_list(v, IN_PRE_VERB_SKIP) {
            v += 1;
        }
        // "has since apologised"
        if v > e && st.norm(v) == "since" {
            v += 1;
        }
        let past = st.is_word(v)
            && !st.is_cap(v)
            && (st.norm(v).ends_with("ed") || st.in_list(v, IN_IRREGULAR_PAST));
        if !past || !(v..c).all(|k| st.is_word(k)) {
            return;
        }
    } else if pronoun {
        return;
    }
    if !pronoun {
        let (x, y) = st.tok_range(s, np_end);
        if !matches!(&*st.np(x, y), Np::Person { .. } | Np::Organization(_)) {
            return;
        }
    } else {
        np_end = s + 1;
    }
    let Some(who) = speaker_from_np(st, (s, np_end), reg, true) else {
        return;
    };
    if who.entity.is_none() {
        return;
    }
    for k in c + 1..n {
        if st.is_quote(k)
            && let Some(a) = make_statement(st, (k, k + 1), &who, ":")
        {
            out.push(a);
        }
    }
}

/// Nouns for something said, after a possessive speaker: "Berg's reply".
const SPEECH_NOUNS: &[&str] = &[
    "reply", "response", "answer", "message", "retort", "verdict", "warning", "promise", "advice",
];

/// A possessive speaker and a noun for what was said, with no reporting
/// verb: "“We will not sign,” was Berg's reply." (the quotation before "was"
/// or "came") and "Berg's message was clear: the deal is dead." (the words
/// after a colon). The statement is the quotation or the clause.
fn possessive_speech_noun(st: &Sent, reg: &mut Registry, out: &mut Vec<Attributed>) {
    let n = st.items.len();
    let Some(k) = (1..n).find(|&k| {
        st.is_word(k) && SPEECH_NOUNS.contains(&st.norm(k)) && st.norm(k - 1).ends_with("'s")
    }) else {
        return;
    };
    // the possessive name: capitalised words ending at the "'s"
    let mut a = k - 1;
    while a > 0 && st.is_word(a - 1) && st.is_cap(a - 1) && k - a < 5 {
        a -= 1;
    }
    if !st.is_cap(a) || st.in_list(a, IN_LEADING) {
        return;
    }
    let content = if a >= 2
        && matches!(st.norm(a - 1), "was" | "came")
        && (st.is_quote(a - 2) || (a >= 3 && st.is_tok(a - 2, ",") && st.is_quote(a - 3)))
        && st.only_punct_from(k + 1)
    {
        // "“Q,” was Berg's reply."
        let q = if st.is_quote(a - 2) { a - 2 } else { a - 3 };
        (q, q + 1)
    } else if a == 0 && matches!(st.norm(k + 1), "was" | "is") {
        // "Berg's message was clear: ...": at most two words before the colon
        let Some(c) = (k + 2..(k + 5).min(n)).find(|&m| st.is_tok(m, ":")) else {
            return;
        };
        if !(k + 2..c).all(|m| st.is_word(m)) || c + 1 >= n {
            return;
        }
        (c + 1, n)
    } else {
        return;
    };
    let Some(who) = speaker_from_np(st, (a, k), reg, true) else {
        return;
    };
    if who.entity.is_none() {
        return;
    }
    let cue = st.norm(k).to_string();
    if let Some(s) = make_statement(st, content, &who, &cue) {
        out.push(s);
    }
}

/// The quotation before the speaker at `np_start` is a title inside an
/// introductory phrase ("In an interview on CBS's “Face the Nation,” Paul
/// Ryan said ..."), not the speaker's words: a word comes right before it.
fn titled_quote_before(st: &Sent, np_start: usize, covered: usize) -> bool {
    let q = if st.is_quote(np_start - 1) {
        np_start - 1
    } else {
        np_start - 2
    };
    q > covered && st.is_word(q - 1) && st.in_list(covered, IN_INTRO_WORDS)
}

/// "During his years in office, Mr. Obama said, a majority of Americans have
/// come to believe ...": an attribution set between an introductory phrase
/// and the clause reported. `covered..np_start` is what precedes the speaker,
/// `comma` the comma after the cue; returns where the clause ends.
fn clause_after_intro(st: &Sent, covered: usize, np_start: usize, comma: usize) -> Option<usize> {
    if !(np_start > covered + 1
        && st.is_tok(np_start - 1, ",")
        && st.is_word(covered)
        && st.in_list(covered, IN_INTRO_WORDS)
        && !(covered..np_start).any(|k| st.is_quote(k))
        && st.is_word(comma + 1)
        && !is_cue_at(st, comma + 1, &[CueClass::Participle, CueClass::According]))
    {
        return None;
    }
    let (e, _) = clause_end(st, comma + 1, CueClass::Speech);
    ((comma + 1..e).filter(|&k| st.is_word(k)).count() >= 4).then_some(e)
}

/// The speaker before the verb at `k` is opened by "as" ("As Reuters
/// reported, ..."), at the sentence start or after a comma.
fn opened_by_as(st: &Sent, k: usize) -> bool {
    (k.saturating_sub(8)..k)
        .rev()
        .find(|&m| !np_word(st, m))
        .is_some_and(|m| st.norm(m) == "as" && m + 1 < k && (m == 0 || st.is_tok(m - 1, ",")))
}

/// "As the Daily Ledger reported, the mayor ...", "Of course, as Ruiz has
/// pointed out, the deal is ...": an attribution opened by "as" reports the
/// clause after its comma; set inside a clause after its subject ("Hawaii, as
/// one adviser pointed out, rarely gets ...") it reports the whole clause.
/// The speaker is a short phrase (so "As Trump began winning in early
/// primary states, donors ..." is no attribution). Returns the content.
fn as_attribution(
    st: &Sent,
    covered: usize,
    np_start: usize,
    comma: usize,
    k: usize,
) -> Option<(usize, usize)> {
    if np_start == 0
        || st.norm(np_start - 1) != "as"
        || k > np_start + 6
        || !(np_start - 1 == covered || (np_start >= 2 && st.is_tok(np_start - 2, ",")))
    {
        return None;
    }
    let nx = comma + 1;
    if !st.is_word(nx) && !st.is_quote(nx) {
        return None;
    }
    if is_cue_at(st, nx, &[CueClass::Participle, CueClass::According]) {
        return None;
    }
    let (e, _) = clause_end(st, nx, CueClass::Speech);
    if (nx..e).filter(|&k| st.is_word(k) || st.is_quote(k)).count() < 3 {
        return None;
    }
    let head = covered..np_start.saturating_sub(2);
    let inside = !head.is_empty()
        && head.len() <= 8
        && head.clone().all(|m| st.is_word(m))
        && st.is_word(nx)
        && !st.is_cap(nx)
        && !st.in_list(nx, IN_CLAUSE_START);
    Some((if inside { covered } else { nx }, e))
}

/// "Cost estimates, he added, were “based on a prototype.”": an attribution
/// set inside its clause, after the clause's subject. The statement is the
/// whole clause (SPEC content is one span, so the attribution stays inside
/// it). The part before the speaker is a short phrase of words only; the
/// part after the comma goes on with a verb or a word that is not a new
/// clause's conjunction, participle or "according to".
fn clause_around_attribution(
    st: &Sent,
    covered: usize,
    np_start: usize,
    comma: usize,
) -> Option<usize> {
    if np_start < covered + 2 || !st.is_tok(np_start - 1, ",") {
        return None;
    }
    let head = covered..np_start - 1;
    if head.len() > 8 || !head.clone().all(|k| st.is_word(k)) {
        return None;
    }
    let nx = comma + 1;
    if !st.is_word(nx)
        || st.is_cap(nx)
        || matches!(
            st.norm(nx),
            "and" | "but" | "or" | "which" | "who" | "while" | "as" | "so" | "though"
        )
        || is_cue_at(st, nx, &[CueClass::Participle, CueClass::According])
    {
        return None;
    }
    let (e, _) = clause_end(st, nx, CueClass::Speech);
    ((nx..e).filter(|&k| st.is_word(k) || st.is_quote(k)).count() >= 2).then_some(e)
}

/// An empty statement for "X said:" at the end of a paragraph, so that a
/// quotation making up the next paragraph continues it; empty statements
/// are dropped at the end.
fn colon_placeholder(st: &Sent, who: &Who, cue: &str) -> Attributed {
    let end = st.span(st.items.len() - 1).end;
    Attributed {
        content: Span::new(end, end),
        kind: Kind::Direct,
        cue: cue.to_string(),
        entity: who.entity,
        mention: who.mention.clone(),
        found: who.found,
        sentence: st.index,
        quote: None,
    }
}

/// Common irregular past tenses: after a subject they are its verb, so the
/// subject ends before them ("The Bank of Norland kept its rate ..."), as it
/// does before a regular "-ed".
const IRREGULAR_PAST: &[&str] = &[
    "kept",
    "held",
    "cut",
    "set",
    "put",
    "left",
    "made",
    "took",
    "gave",
    "won",
    "lost",
    "saw",
    "rose",
    "fell",
    "hit",
    "met",
    "sent",
    "brought",
    "bought",
    "sold",
    "paid",
    "led",
    "ran",
    "began",
    "became",
    "came",
    "went",
    "got",
    "found",
    "thought",
    "felt",
    "stood",
    "spent",
    "built",
    "grew",
    "knew",
    "drew",
    "threw",
    "wrote",
    "spoke",
    "broke",
    "chose",
    "drove",
    "struck",
    "sought",
    "fought",
    "caught",
    "taught",
    "meant",
    "lent",
    "dealt",
    "swept",
    "slid",
    "shut",
    "quit",
    "split",
    "spread",
    "bid",
    "beat",
    "forgot",
    "froze",
    "hid",
    "rode",
    "shook",
    "sank",
    "sat",
    "slept",
    "stole",
    "stuck",
    "swore",
    "tore",
    "understood",
    "withdrew",
    "wore",
];

/// The token after a dateline opening a paragraph: "PORT ALBA, Sarvana -",
/// "LONDON (Reuters) -", "WASHINGTON —". A run of upper-case words, an
/// optional ", Region" and "(Agency)", then a dash.
fn dateline_end(doc: &Document, a: usize, b: usize) -> Option<usize> {
    let upper = |i: usize| {
        doc.tokens[i].kind == TokenKind::Word && {
            let t = doc.tok(i);
            t.chars().count() >= 2 && t.chars().all(|c| !c.is_lowercase())
        }
    };
    let mut i = a;
    while i < b && i < a + 4 && upper(i) {
        i += 1;
    }
    if i == a {
        // "Washington (AFP) – ...": a place in title case needs the
        // agency's one-word tag (not a party tag as in "Sen. Ana Ruiz (D-Ore.)")
        while i < b && i < a + 3 && doc.tokens[i].kind == TokenKind::Word && doc.tokens[i].cap {
            i += 1;
        }
        let tagged = i > a
            && i + 3 < b
            && doc.is_punct(i, "(")
            && doc.tokens[i + 1].kind == TokenKind::Word
            && doc.tokens[i + 1].cap
            && !doc.tok(i + 1).contains('-')
            && doc.is_punct(i + 2, ")")
            && ["-", "—", "–"].iter().any(|d| doc.is_punct(i + 3, d));
        return tagged.then_some(i + 4);
    }
    if i < b && doc.is_punct(i, ",") {
        let start = i + 1;
        i = start;
        while i < b && i < start + 3 && doc.tokens[i].kind == TokenKind::Word && doc.tokens[i].cap {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    if i < b && doc.is_punct(i, "(") {
        let close = (i + 1..(i + 4).min(b)).find(|&k| doc.is_punct(k, ")"))?;
        i = close + 1;
    }
    if i + 1 < b && ["-", "—", "–"].iter().any(|d| doc.is_punct(i, d)) {
        Some(i + 1)
    } else {
        None
    }
}
