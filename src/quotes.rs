//! Find quotations: pair opening and closing marks within each paragraph.
//!
//! Why it is done this way:
//! - Straight `'` and curly `’` are both apostrophes and closing single quotes,
//!   so a mark only counts as a closer when a single quote is open and the mark
//!   stands at a word boundary ("Rovers' owner" outside a quote is ignored;
//!   "O'Neill", "don't" never reach here because the tokenizer keeps them whole).
//! - A quote never runs past its paragraph, except when the next paragraph
//!   opens with a mark of the same family (the newspaper convention for a
//!   quotation over several paragraphs). An opening mark that is never closed
//!   and not continued is treated as stray, so it cannot swallow the article.
//! - Nested quotations are allowed; only the outermost becomes a [`Quote`].
//! - Two straight apostrophes side by side (`''We won,'' she said`), the
//!   double quotation mark of typewritten copy and some newspaper archives,
//!   are one straight double mark.

use crate::document::{Document, Quote, Span, TokenKind};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Family {
    CurlyDouble,
    LowDouble,
    StraightDouble,
    Guillemet,
    CurlySingle,
    StraightSingle,
    SingleGuillemet,
}

impl Family {
    fn is_single(self) -> bool {
        matches!(self, Family::CurlySingle | Family::StraightSingle)
    }
    /// Marks that may open a continuation paragraph of a quote of this family.
    fn reopens(self, c: char) -> bool {
        match self {
            Family::CurlyDouble | Family::LowDouble => matches!(c, '“' | '„' | '"'),
            Family::StraightDouble => matches!(c, '"' | '“'),
            Family::Guillemet => c == '«' || c == '»',
            Family::CurlySingle | Family::StraightSingle => matches!(c, '‘' | '\''),
            Family::SingleGuillemet => c == '‹',
        }
    }
}

struct Ctx<'a> {
    doc: &'a Document,
    a: usize,
    b: usize,
}

impl Ctx<'_> {
    fn ch(&self, i: usize) -> char {
        self.doc.tok(i).chars().next().unwrap_or(' ')
    }
    /// Nothing but white space (or an opening bracket/dash) to the left.
    fn left_open(&self, i: usize) -> bool {
        if i == self.a {
            return true;
        }
        let p = &self.doc.tokens[i - 1];
        p.span.end < self.doc.tokens[i].span.start
            || p.kind == TokenKind::QuoteMark
            || (p.kind == TokenKind::Punct
                && matches!(
                    self.doc.tok(i - 1),
                    "(" | "[" | "{" | "—" | "–" | "-" | "/" | ":"
                ))
    }
    /// White space, punctuation or the paragraph end to the right.
    fn right_open(&self, i: usize) -> bool {
        if i + 1 >= self.b {
            return true;
        }
        let n = &self.doc.tokens[i + 1];
        n.span.start > self.doc.tokens[i].span.end
            || n.kind == TokenKind::QuoteMark
            || (n.kind == TokenKind::Punct
                && matches!(
                    self.doc.tok(i + 1),
                    "." | "," | ";" | ":" | "!" | "?" | ")" | "]" | "}" | "—" | "–" | "…"
                ))
    }
    /// The first of two straight apostrophes side by side (`''`), not part of
    /// a longer run: together they are a double quotation mark.
    fn doubled(&self, i: usize) -> bool {
        let t = &self.doc.tokens;
        let apostrophe = |k: usize| t[k].kind == TokenKind::QuoteMark && self.ch(k) == '\'';
        i + 1 < self.b
            && apostrophe(i)
            && apostrophe(i + 1)
            && t[i].span.end == t[i + 1].span.start
            && !(i > self.a && apostrophe(i - 1) && t[i - 1].span.end == t[i].span.start)
            && !(i + 2 < self.b && apostrophe(i + 2) && t[i + 1].span.end == t[i + 2].span.start)
    }
    /// `Rovers' owner`: a plural possessive, not a closing mark, when a better
    /// closer follows later in the paragraph.
    fn looks_possessive(&self, i: usize) -> bool {
        if i == self.a || i + 1 >= self.b {
            return false;
        }
        let prev = self.doc.tok(i - 1);
        let next = &self.doc.tokens[i + 1];
        let adjacent = self.doc.tokens[i - 1].span.end == self.doc.tokens[i].span.start;
        adjacent
            && prev.ends_with(['s', 'S'])
            && next.kind == TokenKind::Word
            && !next.cap
            && ((i + 1)..self.b).any(|k| {
                self.doc.tokens[k].kind == TokenKind::QuoteMark
                    && matches!(self.ch(k), '\'' | '’')
                    && k > i + 1
            })
    }
}

/// Classify every quotation mark in the document and record the quotes.
pub fn find(doc: &mut Document) {
    let mut quotes: Vec<Quote> = Vec::new();
    let n_paras = doc.paragraphs.len();
    for pi in 0..n_paras {
        let (a, b) = doc.paragraphs[pi].tokens;
        let cx = Ctx { doc, a, b };
        // Marks found to be stray are ignored on the next pass.
        let mut stray: Vec<usize> = Vec::new();
        let mut found: Vec<(usize, Option<usize>, Family)> = Vec::new();
        for _pass in 0..4 {
            found.clear();
            let mut stack: Vec<(Family, usize)> = Vec::new();
            for i in a..b {
                if doc.tokens[i].kind != TokenKind::QuoteMark || stray.contains(&i) {
                    continue;
                }
                let c = cx.ch(i);
                let open_has = |stack: &Vec<(Family, usize)>, f: Family| {
                    stack.iter().rposition(|(g, _)| *g == f)
                };
                let mut close = |stack: &mut Vec<(Family, usize)>, pos: usize, i: usize| {
                    let (f, o) = stack[pos];
                    stack.truncate(pos);
                    if stack.is_empty() {
                        found.push((o, Some(i), f));
                    }
                };
                if i > a && cx.doubled(i - 1) {
                    // the second mark of a `''` pair
                    continue;
                }
                if cx.doubled(i) {
                    // `''` as a straight double mark: its outer sides decide
                    if let Some(p) = open_has(&stack, Family::StraightDouble) {
                        close(&mut stack, p, i + 1);
                    } else if i + 2 < b && !cx.right_open(i + 1) {
                        stack.push((Family::StraightDouble, i));
                    }
                    continue;
                }
                match c {
                    '“' => {
                        if let Some(p) = open_has(&stack, Family::LowDouble) {
                            close(&mut stack, p, i);
                        } else if let (Some(p), true, false) = (
                            open_has(&stack, Family::CurlyDouble),
                            cx.right_open(i),
                            cx.left_open(i),
                        ) {
                            // a misused closer
                            close(&mut stack, p, i);
                        } else {
                            stack.push((Family::CurlyDouble, i));
                        }
                    }
                    '”' => {
                        // real copy mixes styles: "... behind him,” said X
                        if let Some(p) = open_has(&stack, Family::CurlyDouble)
                            .or_else(|| open_has(&stack, Family::LowDouble))
                            .or_else(|| open_has(&stack, Family::StraightDouble))
                        {
                            close(&mut stack, p, i);
                        }
                    }
                    '„' => stack.push((Family::LowDouble, i)),
                    '«' => stack.push((Family::Guillemet, i)),
                    '»' => {
                        if let Some(p) = open_has(&stack, Family::Guillemet) {
                            close(&mut stack, p, i);
                        }
                    }
                    '‹' => stack.push((Family::SingleGuillemet, i)),
                    '›' => {
                        if let Some(p) = open_has(&stack, Family::SingleGuillemet) {
                            close(&mut stack, p, i);
                        }
                    }
                    '"' => {
                        if let Some(p) = open_has(&stack, Family::StraightDouble) {
                            close(&mut stack, p, i);
                        } else if let (Some(p), true) = (
                            open_has(&stack, Family::CurlyDouble),
                            cx.right_open(i) && !cx.left_open(i),
                        ) {
                            // “... more hours" with a straight closer
                            close(&mut stack, p, i);
                        } else if i + 1 < b && !cx.right_open(i) {
                            stack.push((Family::StraightDouble, i));
                        }
                    }
                    '‘' | '‚' if (cx.left_open(i) || !cx.right_open(i)) => {
                        stack.push((Family::CurlySingle, i));
                    }
                    '’' | '\'' => {
                        let single_open = stack
                            .iter()
                            .rposition(|(g, _)| g.is_single() || *g == Family::CurlySingle);
                        if let Some(p) = single_open
                            && !cx.left_open(i)
                            && cx.right_open(i)
                            && !cx.looks_possessive(i)
                        {
                            close(&mut stack, p, i);
                            continue;
                        }
                        if c == '\'' && cx.left_open(i) && !cx.right_open(i) {
                            stack.push((Family::StraightSingle, i));
                        }
                    }
                    _ => {}
                }
            }
            // Unclosed marks at the paragraph end.
            if let Some(&(f, o)) = stack.first() {
                let continued = pi + 1 < n_paras && {
                    let nb = doc.paragraphs[pi + 1].tokens.0;
                    doc.tokens[nb].kind == TokenKind::QuoteMark
                        && f.reopens(doc.tok(nb).chars().next().unwrap_or(' '))
                };
                let at_start = o == a;
                // `..., she said. "We will win this.` with the closing mark
                // forgotten: a double quote opening a sentence, running to the
                // end of a paragraph that ends a sentence
                let forgotten_close = !f.is_single()
                    && o > a
                    && o + 1 < b
                    && doc.tokens[o - 1].kind == TokenKind::Punct
                    && matches!(doc.tok(o - 1), "." | "!" | "?")
                    && doc.tokens[o + 1].cap
                    && matches!(doc.tok(b - 1), "." | "!" | "?");
                if continued || at_start || forgotten_close {
                    found.push((o, None, f));
                    break;
                }
                // Stray: drop it and rescan this paragraph without it.
                stray.push(o);
                continue;
            }
            break;
        }
        for &(open, close, _f) in &found {
            // a `''` pair opens after its second mark and closes before its first
            let open_mark = if cx.doubled(open) { open + 1 } else { open };
            let inner_start = doc.tokens[open_mark].span.end;
            let inner_end = match close {
                Some(c) if c > a && cx.doubled(c - 1) => doc.tokens[c - 1].span.start,
                Some(c) => doc.tokens[c].span.start,
                None => doc.tokens[b - 1].span.end,
            };
            let outer_end = match close {
                Some(c) => doc.tokens[c].span.end,
                None => doc.tokens[b - 1].span.end,
            };
            let inner = trim(
                &doc.text,
                Span::new(inner_start, inner_end.max(inner_start)),
            );
            quotes.push(Quote {
                open,
                close,
                inner,
                outer: Span::new(doc.tokens[open].span.start, outer_end),
                paragraph: pi,
                continues: None,
            });
        }
    }
    // Link continuation paragraphs and mark the tokens inside each quote.
    for qi in 0..quotes.len() {
        if qi > 0 {
            let prev = &quotes[qi - 1];
            let cur = &quotes[qi];
            if prev.close.is_none()
                && cur.paragraph == prev.paragraph + 1
                && cur.open == doc.paragraphs[cur.paragraph].tokens.0
            {
                quotes[qi].continues = Some(qi - 1);
            }
        }
        let q = &quotes[qi];
        let end = match q.close {
            Some(c) => c + 1,
            None => doc.paragraphs[q.paragraph].tokens.1,
        };
        for t in &mut doc.tokens[q.open..end] {
            t.quote = Some(qi as u32);
        }
    }
    doc.quotes = quotes;
}

fn trim(text: &str, s: Span) -> Span {
    let sub = &text[s.start..s.end];
    let lead = sub.len() - sub.trim_start().len();
    let t = sub.trim();
    Span::new(s.start + lead, s.start + lead + t.len())
}

#[cfg(test)]
mod tests {
    use crate::text::parse;

    fn quoted(s: &str) -> Vec<String> {
        let d = parse(s.to_string());
        d.quotes
            .iter()
            .map(|q| d.slice(q.inner).to_string())
            .collect()
    }

    #[test]
    fn curly_and_straight_doubles() {
        assert_eq!(
            quoted("He said “yes, now” and \"no\"."),
            vec!["yes, now", "no"]
        );
    }

    #[test]
    fn british_singles_with_apostrophes() {
        assert_eq!(
            quoted("'I've seen O'Neill's side,' he said of Rovers' fans. ‘The company’s fine.’"),
            vec!["I've seen O'Neill's side,", "The company’s fine."]
        );
    }

    #[test]
    fn plural_possessive_inside_a_quote() {
        assert_eq!(
            quoted("'The players' spirit was superb,' he said."),
            vec!["The players' spirit was superb,"]
        );
    }

    #[test]
    fn nested_quote_stays_inside() {
        assert_eq!(
            quoted("“He told me ‘never’ twice,” she said."),
            vec!["He told me ‘never’ twice,"]
        );
    }

    #[test]
    fn guillemets_and_low_high() {
        assert_eq!(
            quoted("Il a dit «c'est fini» et „gut“."),
            vec!["c'est fini", "gut"]
        );
    }

    #[test]
    fn mixed_straight_and_curly_marks_pair() {
        assert_eq!(
            quoted("\"He has a pulpit,” said X. “More hours\" it took."),
            vec!["He has a pulpit,", "More hours"]
        );
    }

    #[test]
    fn quote_over_two_paragraphs() {
        let d = parse("She said: “We can win.\n“But not yet.”\nEnd.".to_string());
        assert_eq!(d.quotes.len(), 2);
        assert_eq!(d.slice(d.quotes[0].inner), "We can win.");
        assert_eq!(d.quotes[1].continues, Some(0));
    }

    #[test]
    fn a_forgotten_closing_mark_ends_with_the_paragraph() {
        let d = parse(
            "\"It is gone,\" she said. \"We lost everything.\nThe council said it would help."
                .to_string(),
        );
        assert_eq!(d.quotes.len(), 2);
        assert_eq!(d.slice(d.quotes[1].inner), "We lost everything.");
        assert!(d.quotes.iter().all(|q| q.paragraph == 0));
    }

    #[test]
    fn stray_mark_does_not_swallow_text() {
        let d = parse("The 12\" screen sold well, he said.\nNext “fine” day.".to_string());
        assert_eq!(d.quotes.len(), 1);
        assert_eq!(d.slice(d.quotes[0].inner), "fine");
    }
}
