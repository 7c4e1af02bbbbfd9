//! Evaluation against annotated articles (`../shared/gold/SPEC.md`).
//!
//! A predicted and a gold statement pair up when the prediction covers at
//! least half of the gold content's word tokens and the gold covers at least
//! 30% of the predicted tokens; pairs are one-to-one, greedy by overlap.

use serde::Deserialize;

use crate::analyze::{Analysis, analyze};
use crate::lexicons::Lexicons;
use crate::speakers::SpeakerType;
use crate::tone::{self, Label};

#[derive(Debug, Deserialize, Clone)]
pub struct GoldStatement {
    pub speaker: String,
    pub content: String,
    pub kind: String,
    pub tone: String,
}

#[derive(Debug, Deserialize, Clone)]
pub struct GoldSpeaker {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize, Clone)]
pub struct GoldArticle {
    pub id: String,
    pub text: String,
    pub statements: Vec<GoldStatement>,
    pub speakers: Vec<GoldSpeaker>,
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub gold: usize,
    pub pred: usize,
    pub pairs: usize,
    pub speaker_right: usize,
    pub tone_exact: usize,
    pub dir_total: usize,
    pub dir_right: usize,
    /// Tone confusion: `confusion[gold][predicted]`, both in [`TONES`] order.
    pub confusion: [[usize; 4]; 4],
    /// Per gold tone ([`TONES`] order): statements scored with no tone at all
    /// (optimism and caution both zero), i.e. no cue found.
    pub no_cue: [usize; 4],
}

/// Gold tone names in the order of the confusion table.
pub const TONES: [&str; 4] = ["optimism", "caution", "mixed", "neutral"];

fn tone_index(gold: &str) -> Option<usize> {
    TONES.iter().position(|t| *t == gold)
}

fn label_index(l: Label) -> usize {
    match l {
        Label::Optimistic => 0,
        Label::Cautious => 1,
        Label::Mixed => 2,
        Label::Neutral => 3,
    }
}

impl Counts {
    pub fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.pairs += o.pairs;
        self.speaker_right += o.speaker_right;
        self.tone_exact += o.tone_exact;
        self.dir_total += o.dir_total;
        self.dir_right += o.dir_right;
        for (x, y) in self.no_cue.iter_mut().zip(&o.no_cue) {
            *x += y;
        }
        for (row, other) in self.confusion.iter_mut().zip(&o.confusion) {
            for (x, y) in row.iter_mut().zip(other) {
                *x += y;
            }
        }
    }
    fn ratio(a: usize, b: usize) -> f64 {
        if b == 0 { 0.0 } else { a as f64 / b as f64 }
    }
    fn f1(p: f64, r: f64) -> f64 {
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn precision(&self) -> f64 {
        Self::ratio(self.pairs, self.pred)
    }
    pub fn recall(&self) -> f64 {
        Self::ratio(self.pairs, self.gold)
    }
    pub fn f1_score(&self) -> f64 {
        Self::f1(self.precision(), self.recall())
    }
    pub fn speaker_accuracy(&self) -> f64 {
        Self::ratio(self.speaker_right, self.pairs)
    }
    pub fn strict_f1(&self) -> f64 {
        Self::f1(
            Self::ratio(self.speaker_right, self.pred),
            Self::ratio(self.speaker_right, self.gold),
        )
    }
    pub fn tone_exact(&self) -> f64 {
        Self::ratio(self.tone_exact, self.pairs)
    }
    pub fn tone_direction(&self) -> f64 {
        Self::ratio(self.dir_right, self.dir_total)
    }
}

/// Byte spans of word tokens (`\w+`) in `text`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let w = c.is_alphanumeric() || c == '_';
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

fn tokens_in(words: &[(usize, usize)], a: usize, b: usize) -> Vec<usize> {
    words
        .iter()
        .enumerate()
        .filter(|(_, (s, e))| *s >= a && *e <= b)
        .map(|(i, _)| i)
        .collect()
}

fn strip_the(s: &str) -> String {
    let l = s.trim().to_lowercase();
    l.strip_prefix("the ").map(str::to_string).unwrap_or(l)
}

/// The SPEC's speaker rule.
pub fn speaker_matches(pred: &str, gold: &GoldSpeaker) -> bool {
    let p = pred.trim().to_lowercase();
    if p == gold.name.to_lowercase() || gold.aliases.iter().any(|a| a.to_lowercase() == p) {
        return true;
    }
    match gold.kind.as_str() {
        "person" => {
            let lw = |s: &str| s.split_whitespace().last().map(str::to_lowercase);
            lw(&p).is_some() && lw(&p) == lw(&gold.name)
        }
        _ => {
            let (a, b) = (strip_the(&p), strip_the(&gold.name));
            !a.is_empty() && (a.contains(&b) || b.contains(&a))
        }
    }
}

fn label_matches(l: Label, gold: &str) -> bool {
    matches!(
        (l, gold),
        (Label::Optimistic, "optimism")
            | (Label::Cautious, "caution")
            | (Label::Mixed, "mixed")
            | (Label::Neutral, "neutral")
    )
}

pub struct PairDetail {
    pub gold: usize,
    pub pred: usize,
    pub speaker_ok: bool,
}

/// Compare one analysed article with its gold annotation.
pub fn compare(g: &GoldArticle, a: &Analysis) -> (Counts, Vec<PairDetail>) {
    let text = &g.text;
    let words = word_spans(text);
    let gold_tokens: Vec<Vec<usize>> = g
        .statements
        .iter()
        .map(|s| match text.find(&s.content) {
            Some(at) => tokens_in(&words, at, at + s.content.len()),
            None => Vec::new(),
        })
        .collect();
    let pred_tokens: Vec<Vec<usize>> = a
        .statements
        .iter()
        .map(|s| tokens_in(&words, s.content.start, s.content.end))
        .collect();
    let mut cand: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, gt) in gold_tokens.iter().enumerate() {
        for (pi, pt) in pred_tokens.iter().enumerate() {
            let ov = gt.iter().filter(|t| pt.binary_search(t).is_ok()).count();
            if ov == 0 || gt.is_empty() || pt.is_empty() {
                continue;
            }
            if ov * 2 >= gt.len() && ov * 10 >= pt.len() * 3 {
                cand.push((ov, gi, pi));
            }
        }
    }
    cand.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut gu = vec![false; g.statements.len()];
    let mut pu = vec![false; a.statements.len()];
    let mut c = Counts {
        gold: g.statements.len(),
        pred: a.statements.len(),
        ..Default::default()
    };
    let mut details = Vec::new();
    for (_, gi, pi) in cand {
        if gu[gi] || pu[pi] {
            continue;
        }
        gu[gi] = true;
        pu[pi] = true;
        c.pairs += 1;
        let gs = &g.statements[gi];
        let ps = &a.statements[pi];
        let spk = g.speakers.iter().find(|s| s.name == gs.speaker);
        let ok = spk.is_some_and(|s| speaker_matches(&ps.speaker, s));
        if ok {
            c.speaker_right += 1;
        }
        tone_counts(&mut c, &gs.tone, &ps.score);
        details.push(PairDetail {
            gold: gi,
            pred: pi,
            speaker_ok: ok,
        });
    }
    (c, details)
}

fn tone_counts(c: &mut Counts, gold: &str, score: &tone::Score) {
    let label = score.label();
    if label_matches(label, gold) {
        c.tone_exact += 1;
    }
    if let Some(g) = tone_index(gold) {
        c.confusion[g][label_index(label)] += 1;
        if score.optimism == 0.0 && score.caution == 0.0 {
            c.no_cue[g] += 1;
        }
    }
    tone_direction(c, gold, score.stance);
}

fn tone_direction(c: &mut Counts, gold: &str, stance: f32) {
    match gold {
        "optimism" => {
            c.dir_total += 1;
            if stance > 0.0 {
                c.dir_right += 1;
            }
        }
        "caution" => {
            c.dir_total += 1;
            if stance < 0.0 {
                c.dir_right += 1;
            }
        }
        _ => {}
    }
}

/// Tone on the gold contents themselves, independent of attribution.
pub fn oracle(g: &GoldArticle, lx: &Lexicons) -> Counts {
    let doc = crate::text::parse(g.text.clone());
    let prep = tone::prepare(&doc, lx);
    let mut c = Counts::default();
    for s in &g.statements {
        let Some(at) = g.text.find(&s.content) else {
            continue;
        };
        let sc = tone::score_span(
            &doc,
            lx,
            &prep,
            crate::document::Span::new(at, at + s.content.len()),
        );
        c.gold += 1;
        c.pred += 1;
        c.pairs += 1;
        c.speaker_right += 1;
        tone_counts(&mut c, &s.tone, &sc);
    }
    c
}

pub fn analyse_gold(g: &GoldArticle, lx: &Lexicons) -> Analysis {
    analyze(&g.text, lx)
}

pub fn type_name(t: SpeakerType) -> &'static str {
    t.as_str()
}

/// One PolNeAR attribution (`../shared/data/polnear/`).
#[derive(Debug, Deserialize, Clone)]
pub struct PolnearQuote {
    pub speaker: Option<String>,
    pub content_span: (usize, usize),
    pub kind: String,
    #[serde(default)]
    pub cue: Option<String>,
}

#[derive(Debug, Deserialize, Clone)]
pub struct PolnearArticle {
    pub id: String,
    pub text: String,
    pub quotes: Vec<PolnearQuote>,
}

/// PolNeAR figures: attributions found, found with the right source, and
/// statements that match some attribution.
#[derive(Debug, Default, Clone, Copy)]
pub struct PolnearCounts {
    pub quoted: usize,
    pub quoted_found: usize,
    pub quoted_with_source: usize,
    pub quoted_right: usize,
    pub all: usize,
    pub all_found: usize,
    pub all_with_source: usize,
    pub all_right: usize,
    /// As `quoted_right`, comparing with the gold source's head (before a
    /// comma or parenthesis: "Kenneth Baer, a former official" -> "Baer").
    pub quoted_right_head: usize,
    pub pred: usize,
    pub pred_matched: usize,
}

impl PolnearCounts {
    pub fn add(&mut self, o: &PolnearCounts) {
        self.quoted += o.quoted;
        self.quoted_found += o.quoted_found;
        self.quoted_with_source += o.quoted_with_source;
        self.quoted_right += o.quoted_right;
        self.all += o.all;
        self.all_found += o.all_found;
        self.all_with_source += o.all_with_source;
        self.all_right += o.all_right;
        self.quoted_right_head += o.quoted_right_head;
        self.pred += o.pred;
        self.pred_matched += o.pred_matched;
    }
}

fn last_word_of(s: &str) -> String {
    s.split_whitespace()
        .last()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_lowercase()
}

pub fn compare_polnear(g: &PolnearArticle, a: &Analysis, show: bool) -> PolnearCounts {
    let text = &g.text;
    // char offset -> byte offset
    let mut byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_of.push(text.len());
    let words = word_spans(text);
    let pred_tokens: Vec<Vec<usize>> = a
        .statements
        .iter()
        .map(|s| tokens_in(&words, s.content.start, s.content.end))
        .collect();
    let matches = |gt: &[usize], pt: &[usize]| {
        let ov = gt.iter().filter(|t| pt.binary_search(t).is_ok()).count();
        ov > 0 && ov * 2 >= gt.len() && ov * 10 >= pt.len() * 3
    };
    let mut c = PolnearCounts {
        pred: a.statements.len(),
        ..Default::default()
    };
    let mut pred_hit = vec![false; a.statements.len()];
    for q in &g.quotes {
        let (cs, ce) = q.content_span;
        let (bs, be) = (
            byte_of[cs.min(byte_of.len() - 1)],
            byte_of[ce.min(byte_of.len() - 1)],
        );
        let gt = tokens_in(&words, bs, be);
        if gt.is_empty() {
            continue;
        }
        let quoted = q.kind == "direct" || q.kind == "mixed";
        // PolNeAR keeps a split quote ("A," X said, "B.") as one attribution,
        // so statements of one speaker inside it are judged together.
        let mut hits: Vec<usize> = Vec::new();
        let overlapping: Vec<usize> = (0..a.statements.len())
            .filter(|&p| pred_tokens[p].iter().any(|t| gt.binary_search(t).is_ok()))
            .collect();
        let mut speakers: Vec<&str> = overlapping
            .iter()
            .map(|&p| a.statements[p].speaker.as_str())
            .collect();
        speakers.dedup();
        for sp in speakers {
            let group: Vec<usize> = overlapping
                .iter()
                .copied()
                .filter(|&p| a.statements[p].speaker == sp)
                .collect();
            let mut union: Vec<usize> = group
                .iter()
                .flat_map(|&p| pred_tokens[p].iter().copied())
                .collect();
            union.sort_unstable();
            union.dedup();
            if matches(&gt, &union) {
                hits.extend(group);
            }
        }
        for &p in &hits {
            pred_hit[p] = true;
        }
        let found = !hits.is_empty();
        let right = q.speaker.as_ref().is_some_and(|sp| {
            let want = last_word_of(sp);
            hits.iter().any(|&p| {
                let s = &a.statements[p];
                last_word_of(&s.mention) == want || last_word_of(&s.speaker) == want
            })
        });
        let right_head = q.speaker.as_ref().is_some_and(|sp| {
            let head = sp.split([',', '(']).next().unwrap_or(sp);
            let want = last_word_of(head);
            hits.iter().any(|&p| {
                let s = &a.statements[p];
                last_word_of(&s.mention) == want || last_word_of(&s.speaker) == want
            })
        });
        if show && quoted && (!found || !right) {
            let content: String = text[bs..be].chars().take(140).collect();
            let got: Vec<String> = hits
                .iter()
                .map(|&p| format!("{} ({})", a.statements[p].speaker, a.statements[p].mention))
                .collect();
            println!(
                "  {} [{}] gold {:?} cue {:?} | {} | got {:?}",
                if !found {
                    "MISS"
                } else if right_head {
                    "HEAD"
                } else {
                    "WRONG"
                },
                g.id,
                q.speaker.as_deref().unwrap_or("-"),
                q.cue,
                content.replace('\n', " "),
                got
            );
        }
        c.all += 1;
        c.all_found += found as usize;
        if q.speaker.is_some() {
            c.all_with_source += 1;
            c.all_right += right as usize;
        }
        if quoted {
            c.quoted += 1;
            c.quoted_found += found as usize;
            if q.speaker.is_some() {
                c.quoted_with_source += 1;
                c.quoted_right += right as usize;
                c.quoted_right_head += right_head as usize;
            }
        }
    }
    c.pred_matched = pred_hit.iter().filter(|x| **x).count();
    if show {
        for (p, s) in a.statements.iter().enumerate() {
            if !pred_hit[p] {
                let content: String = a.doc.slice(s.content).chars().take(140).collect();
                println!(
                    "  EXTRA [{}] {} ({}) cue {:?} | {}",
                    g.id,
                    s.speaker,
                    s.mention,
                    s.cue,
                    content.replace('\n', " ")
                );
            }
        }
    }
    c
}
