//! The analysis of one article: a pure function of (text, lexicons).
//!
//! read text -> normalise/tokenise/sentences (`text`) -> quotations (`quotes`)
//! -> statements and speakers (`attribution`, `speakers`) -> scores (`tone`).
//! No state that could change a result survives between articles (the tone
//! stage keeps its working arrays per thread, cleared before every use: see
//! `tone::Scratch`), so the corpus runner can analyse articles on any thread
//! in any order and still write identical output.

use crate::attribution::{Kind, attribute};
use crate::document::{Document, ParagraphKind, Span};
use crate::lexicons::Lexicons;
use crate::speakers::{Found, SpeakerType};
use crate::text::{char_offsets, parse};
use crate::tone::{self, Score};

#[derive(Debug, Clone)]
pub struct Statement {
    pub content: Span,
    /// Character offsets of `content` (Unicode scalar values).
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub cue: String,
    pub speaker: String,
    pub speaker_type: SpeakerType,
    pub speaker_title: String,
    pub mention: String,
    pub found: Found,
    pub sentence: usize,
    pub score: Score,
    /// Scores from the user's VADER/LIWC lexicons, one per extra column.
    pub extra: Vec<f32>,
}

#[derive(Debug)]
pub struct Analysis {
    pub doc: Document,
    pub statements: Vec<Statement>,
    /// Whole-article scores: every sentence but bylines, narration included.
    pub article: Score,
    pub n_sentences: usize,
    pub n_speakers: usize,
}

pub fn analyze(text: &str, lx: &Lexicons) -> Analysis {
    let doc = parse(text.to_string());
    let (found, reg) = attribute(&doc, lx);
    let mut offsets: Vec<usize> = found
        .iter()
        .flat_map(|a| [a.content.start, a.content.end])
        .collect();
    offsets.sort_unstable();
    offsets.dedup();
    let chars = char_offsets(&doc.text, &offsets);
    let char_of = |b: usize| chars[offsets.binary_search(&b).expect("offset recorded")];
    let prep = tone::prepare(&doc, lx);
    let mut statements = Vec::with_capacity(found.len());
    let mut speakers: Vec<usize> = Vec::new();
    for a in found {
        let Some(ei) = a.entity else { continue };
        let e = &reg.entities[ei];
        if !speakers.contains(&ei) {
            speakers.push(ei);
        }
        let mut found = a.found;
        if found == Found::Name
            && !e.name.eq_ignore_ascii_case(&a.mention)
            && !a.mention.ends_with(&e.name)
        {
            found = Found::Alias;
        }
        let score = tone::frame(tone::score_span(&doc, lx, &prep, a.content), lx, &a.cue);
        statements.push(Statement {
            content: a.content,
            start: char_of(a.content.start),
            end: char_of(a.content.end),
            kind: a.kind,
            cue: a.cue,
            speaker: e.name.clone(),
            speaker_type: e.kind,
            speaker_title: e.title.clone(),
            mention: a.mention,
            found,
            sentence: a.sentence,
            score,
            extra: crate::foreign::score(&doc, lx, a.content),
        });
    }
    let article = article_score(&doc, lx, &prep);
    Analysis {
        n_sentences: doc.sentences.len(),
        n_speakers: speakers.len(),
        doc,
        statements,
        article,
    }
}

/// Mean of the sentence scores, so long and short articles compare.
fn article_score(doc: &Document, lx: &Lexicons, prep: &tone::Prepared) -> Score {
    let mut n = 0f32;
    let (mut o, mut c, mut s) = (0f32, 0f32, 0f32);
    for sent in &doc.sentences {
        if doc.paragraphs[sent.paragraph].kind == ParagraphKind::Meta {
            continue;
        }
        let sc = tone::score_sums(doc, lx, prep, sent.tokens.0, sent.tokens.1);
        o += sc.optimism;
        c += sc.caution;
        s += sc.s_sum;
        n += 1.0;
    }
    if n == 0.0 {
        return tone::finish(0.0, 0.0, 0.0, Vec::new());
    }
    let optimism = o / n;
    let caution = c / n;
    let sentiment = if s == 0.0 {
        0.0
    } else {
        s / (s * s + tone::SENTIMENT_ALPHA).sqrt()
    };
    Score {
        optimism,
        caution,
        stance: optimism - caution,
        sentiment,
        label: Some(tone::label_for(optimism, caution)),
        hits: Vec::new(),
        o_sum: o,
        c_sum: c,
        s_sum: s,
    }
}
