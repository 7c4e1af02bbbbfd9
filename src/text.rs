//! Normalise, tokenise, and cut an article into paragraphs and sentences.
//!
//! The original text is never changed: tokens carry byte spans into it and a
//! normalised form (lower case, curly apostrophes folded to `'`) kept in one
//! shared buffer, so the hot loop allocates nothing per token.

use crate::document::{Document, Paragraph, ParagraphKind, Sentence, Span, Token, TokenKind};
use crate::quotes;

/// Characters that may open or close a quotation.
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›'
    )
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‐' || c == '‑'
}

/// Tokens after which a full stop does not end a sentence. (A `match`, not
/// a list searched in turn: the compiler switches on the length first, and
/// this is asked at nearly every full stop.)
fn is_abbreviation_word(n: &str) -> bool {
    matches!(
        n,
        "mr" | "mrs" | "ms" | "dr" | "prof" | "st" | "gen" | "sen" | "rep" | "gov" | "lt"
            | "col" | "capt" | "sgt" | "jr" | "sr" | "no" | "vs" | "etc" | "inc" | "corp"
            | "co" | "ltd" | "mt" | "ft" | "rev" | "hon" | "cllr" | "jan" | "feb" | "mar"
            | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec"
            | "approx" | "dept" | "univ" | "est" | "fig" | "a.m" | "p.m"
            // plural and legislative titles: "Sens. Tester and Vitter", "Del. Plaskett"
            | "sens" | "reps" | "del"
    )
}

/// Line prefixes (lower case) that mark bylines and source notes.
const META_PREFIXES: &[&str] = &[
    "source:",
    "sources:",
    "reporting by",
    "additional reporting",
    "editing by",
    "writing by",
    "edited by",
    "compiled by",
    "(reporting",
    "copyright",
    "©",
    "photo:",
    "image:",
    "read more:",
    "related:",
];

/// Words a sentence writes in lower case and a title-cased headline
/// capitalises (see `title_cased`).
const TITLE_CASE_FUNCTION_WORDS: &[&str] = &[
    "a", "an", "is", "are", "was", "were", "to", "of", "in", "on", "for", "with", "and", "but",
    "at", "by", "he", "she", "it", "his", "her", "its", "their", "who", "what", "how", "why", "as",
    "from", "into", "after", "over", "says", "say", "just", "not", "be", "has", "have", "will",
    "would", "could", "can", "about", "before", "than", "that", "this", "up", "out", "off", "may",
];

/// Build the document: tokens, paragraphs, quotations and sentences.
pub fn parse(text: String) -> Document {
    let mut doc = Document {
        text,
        ..Default::default()
    };
    tokenize(&mut doc);
    paragraphs(&mut doc);
    quotes::find(&mut doc);
    sentences(&mut doc);
    doc
}

/// The character at byte `i`, decoding UTF-8 only off the ASCII path.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text[i..].chars().next()
    }
}

/// ASCII letters and digits, as a table: the tokeniser's innermost loop
/// tests every byte of every word.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

fn tokenize(doc: &mut Document) {
    let text = doc.text.as_str();
    // (a token per four bytes: one per five was too few for a sixth of
    // the BBC articles, whose token list was then regrown and copied)
    let mut tokens = Vec::with_capacity(text.len() / 4);
    // bytes, not a `String`: an ASCII word is lower-cased as it is copied,
    // in one pass and without re-checking char boundaries; the buffer is
    // checked to be UTF-8 once, at the end (every piece pushed is whole
    // characters, so the check cannot fail)
    let mut norm: Vec<u8> = Vec::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Fast path: ASCII white space and one-byte punctuation, most of
        // what lies between words, without decoding a char.
        let b = bytes[i];
        if b.is_ascii_whitespace() || b == 0x0B {
            i += 1;
            continue;
        }
        if b.is_ascii() && !b.is_ascii_alphanumeric() {
            let n0 = norm.len() as u32;
            norm.push(b);
            tokens.push(Token {
                span: Span::new(i, i + 1),
                kind: if b == b'"' || b == b'\'' {
                    TokenKind::QuoteMark
                } else {
                    TokenKind::Punct
                },
                norm: (n0, n0 + 1),
                cap: false,
                quote: None,
            });
            i += 1;
            continue;
        }
        // Fast path: a word or number of ASCII letters and digits followed
        // by something that cannot join it to more ("said", "2040"), most
        // tokens. Anything else (a hyphen, apostrophe, full stop or comma
        // after it, or a non-ASCII character) takes the general path below.
        if ASCII_ALNUM[b as usize] {
            let end = bytes[i + 1..]
                .iter()
                .position(|&x| !ASCII_ALNUM[x as usize])
                .map_or(bytes.len(), |p| i + 1 + p);
            if bytes
                .get(end)
                .is_none_or(|&x| x.is_ascii() && !matches!(x, b'-' | b'\'' | b'.' | b','))
            {
                let n0 = norm.len() as u32;
                norm.extend(bytes[i..end].iter().map(u8::to_ascii_lowercase));
                tokens.push(Token {
                    span: Span::new(i, end),
                    kind: if b.is_ascii_digit() {
                        TokenKind::Number
                    } else {
                        TokenKind::Word
                    },
                    norm: (n0, norm.len() as u32),
                    cap: b.is_ascii_uppercase(),
                    quote: None,
                });
                i = end;
                continue;
            }
        }
        let Some(c) = char_at(text, i) else { break };
        let start = i;
        let mut end = start + c.len_utf8();
        if c.is_whitespace() {
            i = end;
            continue;
        }
        let kind;
        // whether the token is all ASCII (then lower-cased bytewise)
        let mut ascii = c.is_ascii();
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            kind = if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            let mut prev = c;
            let mut n_chars = 1usize;
            let mut all_initials = c.is_alphabetic();
            // the common case first: a run of ASCII letters and digits
            let bytes = text.as_bytes();
            let run = bytes[end..]
                .iter()
                .position(|&b| !ASCII_ALNUM[b as usize])
                .unwrap_or(bytes.len() - end);
            if run > 0 {
                end += run;
                n_chars += run;
                prev = bytes[end - 1] as char;
            }
            while let Some(d) = char_at(text, end) {
                if d.is_alphanumeric() {
                    end += d.len_utf8();
                    ascii &= d.is_ascii();
                    prev = d;
                    n_chars += 1;
                    continue;
                }
                if !(is_hyphen(d) || is_apostrophe(d) || d == '.' || d == ',') {
                    break;
                }
                // An internal joiner must sit between two alphanumerics.
                let after = end + d.len_utf8();
                let next = char_at(text, after);
                let next_alnum = next.is_some_and(|n| n.is_alphanumeric());
                let joins = next_alnum
                    && ((is_hyphen(d) && prev.is_alphanumeric())
                        || (is_apostrophe(d)
                            && prev.is_alphabetic()
                            && next.is_some_and(|n| n.is_alphabetic()))
                        || (d == '.'
                            && ((numeric && prev.is_ascii_digit())
                                || (all_initials && prev.is_alphabetic() && n_chars == 1)))
                        || (d == ',' && numeric && prev.is_ascii_digit() && {
                            // "312,400" but not "2,3 and" lists of single digits.
                            let rest = &text.as_bytes()[after..];
                            rest.len() >= 3
                                && rest[..3].iter().all(|b| b.is_ascii_digit())
                                && !rest.get(3).is_some_and(|b| b.is_ascii_digit())
                        }));
                if !joins {
                    break;
                }
                if d == '.' {
                    n_chars = 0;
                } else {
                    all_initials = false;
                }
                // the alphanumeric after the joiner is consumed next round
                ascii &= d.is_ascii();
                end = after;
                prev = d;
            }
        } else if is_quote_char(c) {
            kind = TokenKind::QuoteMark;
        } else {
            kind = TokenKind::Punct;
        }
        i = end;
        let n0 = norm.len();
        if ascii {
            // the common case, without per-character Unicode case mapping
            norm.extend(bytes[start..end].iter().map(u8::to_ascii_lowercase));
        } else {
            push_norm(&mut norm, &text[start..end]);
        }
        tokens.push(Token {
            span: Span::new(start, end),
            kind,
            norm: (n0 as u32, norm.len() as u32),
            cap: c.is_uppercase(),
            quote: None,
        });
    }
    doc.tokens = tokens;
    doc.norm = String::from_utf8(norm).expect("whole characters were pushed");
}

/// Append a token's normalised form: lower case, typographic apostrophes
/// and hyphens folded.
fn push_norm(norm: &mut Vec<u8>, tok: &str) {
    let mut push = |c: char| norm.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    for ch in tok.chars() {
        match ch {
            '’' | '‘' => push('\''),
            '‐' | '‑' => push('-'),
            _ => {
                for l in ch.to_lowercase() {
                    push(l);
                }
            }
        }
    }
}

/// Whether the article separates its paragraphs with blank lines: then a
/// single newline inside a paragraph is a soft line break (hard-wrapped
/// text), not a paragraph end.
fn has_blank_lines(text: &str) -> bool {
    // blank lines before the first or after the last paragraph do not count
    text.trim().split('\n').any(|l| l.trim().is_empty())
}

/// A soft line break: in an article whose paragraphs are separated by blank
/// lines, a single newline after a line that stops mid-sentence (a word or a
/// comma, no closing punctuation) and before a lower-case word continues the
/// same paragraph ("participate personally\nin caucuses").
fn is_soft_break(text: &str, prev_end: usize, next: &Token) -> bool {
    let gap = &text[prev_end..next.span.start];
    if gap.bytes().filter(|&b| b == b'\n').count() != 1 {
        return false;
    }
    let last = text[..prev_end].chars().next_back();
    let mid_sentence = last.is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | ';'));
    let lower_start = next.kind == TokenKind::Word
        && text[next.span.start..]
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
    mid_sentence && lower_start
}

fn paragraphs(doc: &mut Document) {
    let text = doc.text.as_str();
    let soft_breaks = has_blank_lines(text);
    let mut paras: Vec<Paragraph> = Vec::new();
    let mut tok = 0usize;
    let mut line_start = 0usize;
    let mut pos = 0usize;
    while line_start <= text.len() {
        let line_end = match memchr_newline(&text[pos..]) {
            Some(k) => pos + k,
            None => text.len(),
        };
        let t0 = tok;
        while tok < doc.tokens.len() && doc.tokens[tok].span.start < line_end {
            tok += 1;
        }
        if tok > t0 {
            let span = Span::new(doc.tokens[t0].span.start, doc.tokens[tok - 1].span.end);
            if let Some(prev) = paras.last_mut()
                && soft_breaks
                && is_soft_break(text, prev.span.end, &doc.tokens[t0])
            {
                prev.span.end = span.end;
                prev.tokens.1 = tok;
            } else {
                paras.push(Paragraph {
                    span,
                    tokens: (t0, tok),
                    kind: ParagraphKind::Body,
                });
            }
        }
        if line_end >= text.len() {
            break;
        }
        line_start = line_end + 1;
        pos = line_start;
    }
    // The first line is a headline when it lacks closing punctuation.
    if paras.len() > 1 {
        let first = &paras[0];
        let s = text[first.span.start..first.span.end].trim_end();
        let last = s.chars().rev().find(|c| !is_quote_char(*c) && *c != ')');
        if !matches!(last, Some('.' | '!' | '?' | ':' | '…')) || title_cased(doc, &paras[0]) {
            paras[0].kind = ParagraphKind::Headline;
        }
    }
    for p in paras.iter_mut() {
        // compared without lower-casing a copy: every prefix is ASCII but "©"
        let s = &text.as_bytes()[p.span.start..p.span.end];
        if META_PREFIXES
            .iter()
            .any(|m| s.len() >= m.len() && s[..m.len()].eq_ignore_ascii_case(m.as_bytes()))
        {
            p.kind = ParagraphKind::Meta;
        }
    }
    doc.paragraphs = paras;
}

/// "Donald Trump Just Revealed Who He Would Pick For VP.": a first line in
/// title case is a headline even when it ends with a full stop. Title case:
/// at least six words, nearly all words of four letters or more capitalised
/// (a sentence has lower-case verbs and nouns), and a capitalised function
/// word after the first word ("Who", "Is", "To"), which a sentence full of
/// names ("Prime Minister Jan Novak and Eva Kral met.") never has.
fn title_cased(doc: &Document, p: &Paragraph) -> bool {
    let (a, b) = p.tokens;
    let function_word = (a + 1..b).any(|k| {
        doc.tokens[k].kind == TokenKind::Word
            && doc.tokens[k].cap
            && TITLE_CASE_FUNCTION_WORDS.contains(&doc.norm(k))
    });
    if !function_word {
        return false;
    }
    let words = (a..b)
        .filter(|&k| doc.tokens[k].kind == TokenKind::Word)
        .count();
    let long: Vec<bool> = (a..b)
        .filter(|&k| doc.tokens[k].kind == TokenKind::Word && doc.tok(k).chars().count() > 3)
        .map(|k| doc.tokens[k].cap)
        .collect();
    let caps = long.iter().filter(|c| **c).count();
    words >= 6 && long.len() >= 4 && caps * 10 >= long.len() * 9
}

/// The next newline: `str::find` of a one-byte char searches a word at a
/// time (`memchr`), where a byte loop took a few instructions per byte of
/// every article.
fn memchr_newline(s: &str) -> Option<usize> {
    s.find('\n')
}

fn sentences(doc: &mut Document) {
    let mut out = Vec::new();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let (a, b) = p.tokens;
        let mut start = a;
        let mut i = a;
        while i < b {
            let mut cut = None;
            let t = &doc.tokens[i];
            if t.kind == TokenKind::Punct && t.quote.is_none() {
                let s = doc.tok(i);
                if matches!(s, "." | "!" | "?" | "…") && !(s == "." && is_abbreviation(doc, i, a))
                {
                    let mut j = i + 1;
                    while j < b && matches!(doc.tok(j), ")" | "]") {
                        j += 1;
                    }
                    if j < b && starts_sentence(doc, j) {
                        cut = Some(j);
                    }
                }
            } else if t.kind == TokenKind::QuoteMark {
                // `X said: "Done." Then ...`: a quote that closes a sentence it did
                // not open ends it (a quote opening the sentence keeps its attribution:
                // `"Done?" Macron said.`).
                if let Some(q) = t.quote {
                    let q = &doc.quotes[q as usize];
                    // "“It is done.” Others paid tribute ...": a quotation
                    // opening the sentence and closed by a full stop is a
                    // sentence of its own (its attribution would follow a
                    // comma, "“It is done,” she said", or a "?"/"!")
                    // (a short tail, "“... missing.” Trump said.", is
                    // still its attribution, the full stop a slip)
                    let whole_sentence = q.open == start
                        && doc.slice(q.inner).trim_end().ends_with('.')
                        && !doc.slice(q.inner).trim_end().ends_with("..")
                        && i + 1 < b
                        && doc.tokens[i + 1].kind == TokenKind::Word
                        && doc.tokens[i + 1].cap
                        && words_to_sentence_end(doc, i + 1, b) > 4;
                    if q.close == Some(i)
                        && (q.open > start || whole_sentence)
                        && (q.open == 0 || doc.tokens[q.open - 1].kind != TokenKind::QuoteMark)
                        && doc.slice(q.inner).ends_with(['.', '!', '?'])
                        && i + 1 < b
                        && starts_sentence(doc, i + 1)
                    {
                        cut = Some(i + 1);
                    }
                }
            }
            if let Some(j) = cut {
                out.push(Sentence {
                    span: doc.token_span(start, j),
                    tokens: (start, j),
                    paragraph: pi,
                });
                start = j;
                i = j;
                continue;
            }
            i += 1;
        }
        if start < b {
            out.push(Sentence {
                span: doc.token_span(start, b),
                tokens: (start, b),
                paragraph: pi,
            });
        }
    }
    doc.sentences = out;
}

/// Words from token `j` to the next sentence-ending mark (or `b`).
fn words_to_sentence_end(doc: &Document, j: usize, b: usize) -> usize {
    (j..b)
        .take_while(|&k| !matches!(doc.tok(k), "." | "!" | "?"))
        .filter(|&k| doc.tokens[k].kind == TokenKind::Word)
        .count()
}

fn starts_sentence(doc: &Document, j: usize) -> bool {
    let t = &doc.tokens[j];
    match t.kind {
        TokenKind::Word => t.cap,
        TokenKind::Number => true,
        TokenKind::QuoteMark => t.quote.is_some_and(|q| doc.quotes[q as usize].open == j),
        TokenKind::Punct => matches!(doc.tok(j), "(" | "[" | "—" | "–" | "-"),
    }
}

fn is_abbreviation(doc: &Document, dot: usize, para_start: usize) -> bool {
    if dot == para_start {
        return false;
    }
    let prev = dot - 1;
    let t = &doc.tokens[prev];
    if t.span.end != doc.tokens[dot].span.start || t.kind != TokenKind::Word {
        return false;
    }
    let n = doc.norm(prev);
    // "winds of 200km/h. The office said": a unit's last letter ends a sentence
    let unit = || {
        prev > 0
            && doc.tok(prev - 1) == "/"
            && doc.tokens[prev - 1].span.end == t.span.start
            && doc.tok(prev).chars().all(|c| c.is_lowercase())
    };
    // ('.' and '-' are ASCII, so they are found as bytes: no UTF-8 byte
    // of another character equals them)
    (is_one_char(n) && !unit())
        || n.as_bytes().contains(&b'.')
        || is_abbreviation_word(n)
        // a party and state tag, "(D-N.C.)": "D-N" is not a sentence end
        || n
            .bytes()
            .rposition(|c| c == b'-')
            .is_some_and(|d| is_one_char(&n[d + 1..]))
}

/// `s` is one character (Unicode scalar value).
fn is_one_char(s: &str) -> bool {
    let mut c = s.chars();
    c.next().is_some() && c.next().is_none()
}

/// Convert byte offsets to character (Unicode scalar) offsets, in one sweep.
/// `offsets` must be sorted ascending; returns the char offset of each.
pub fn char_offsets(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(offsets.len());
    let mut chars = 0usize;
    let mut byte = 0usize;
    for &o in offsets {
        debug_assert!(o >= byte);
        chars += text[byte..o].chars().count();
        byte = o;
        out.push(chars);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let d = parse(s.to_string());
        (0..d.tokens.len()).map(|i| d.tok(i).to_string()).collect()
    }

    #[test]
    fn keeps_internal_joiners() {
        assert_eq!(
            words("O'Neill's long-term plan costs £312,400 (4.75%) — J.R. Smith’s"),
            vec![
                "O'Neill's",
                "long-term",
                "plan",
                "costs",
                "£",
                "312,400",
                "(",
                "4.75",
                "%",
                ")",
                "—",
                "J.R",
                ".",
                "Smith’s"
            ]
        );
    }

    #[test]
    fn splits_sentences_but_not_after_initials() {
        let d = parse("Chief J.R. Kowalski spoke. He left! Mr. Smith stayed.".into());
        let s: Vec<&str> = d.sentences.iter().map(|s| d.slice(s.span)).collect();
        assert_eq!(
            s,
            vec![
                "Chief J.R. Kowalski spoke.",
                "He left!",
                "Mr. Smith stayed."
            ]
        );
    }

    #[test]
    fn a_unit_ends_a_sentence_but_an_initial_does_not() {
        let d = parse("Winds reached 200km/h. The office said J. K. Rowling left.".into());
        let s: Vec<&str> = d.sentences.iter().map(|s| d.slice(s.span)).collect();
        assert_eq!(
            s,
            vec![
                "Winds reached 200km/h.",
                "The office said J. K. Rowling left."
            ]
        );
    }

    #[test]
    fn headline_and_meta_lines() {
        let d = parse("Talks stall\nHe said it.\nSource: Wire".into());
        assert_eq!(d.paragraphs[0].kind, ParagraphKind::Headline);
        assert_eq!(d.paragraphs[1].kind, ParagraphKind::Body);
        assert_eq!(d.paragraphs[2].kind, ParagraphKind::Meta);
    }

    #[test]
    fn a_single_newline_mid_sentence_is_soft_only_between_blank_line_paragraphs() {
        let wrapped = "Talks stall\n\n“We will meet,” Kral said, “in the spring\nand again in May.”\n\n\
                       Lists\nSource: Wire";
        let d = parse(wrapped.into());
        let kinds: Vec<ParagraphKind> = d.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                ParagraphKind::Headline,
                ParagraphKind::Body,
                ParagraphKind::Body,
                ParagraphKind::Meta
            ]
        );
        assert!(d.slice(d.paragraphs[1].span).ends_with("in May.”"));
        // without blank lines every newline ends a paragraph
        let d = parse("He said we will meet in the spring\nand again in May.".into());
        assert_eq!(d.paragraphs.len(), 2);
    }

    #[test]
    fn a_title_cased_first_line_is_a_headline_but_a_sentence_of_names_is_not() {
        let d = parse("Mayor Reveals His Plan For The Harbour Today.\nHe said it.".into());
        assert_eq!(d.paragraphs[0].kind, ParagraphKind::Headline);
        let d = parse("Prime Minister Jan Novak and Eva Kral met.\nShe said it.".into());
        assert_eq!(d.paragraphs[0].kind, ParagraphKind::Body);
    }

    #[test]
    fn char_offsets_count_scalars() {
        let t = "Zé “a”";
        let bytes: Vec<usize> = vec![0, 3, 4];
        assert_eq!(char_offsets(t, &bytes), vec![0, 2, 3]);
    }
}
