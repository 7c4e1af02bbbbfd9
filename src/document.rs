//! The document model: one article, its text as read, and the annotations
//! each pipeline stage adds (paragraphs, tokens, sentences, quotes).
//!
//! Every annotation is a span of byte offsets into [`Document::text`], the
//! article exactly as read, so nothing is ever re-parsed and every output can
//! be traced back to the characters it came from (spaCy's idea). Byte offsets
//! are converted to character offsets only when written out.

/// A half-open byte range `[start, end)` into the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// What a token is, as far as the later stages care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits) with internal hyphens or apostrophes: "O'Neill", "long-term".
    Word,
    /// Digits, possibly with internal separators: "4.75", "312,400", "2040".
    Number,
    /// A character that may open or close a quotation.
    QuoteMark,
    /// Any other punctuation or symbol, one character per token.
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Range of the normalised (lower-cased, apostrophe-folded) form in [`Document::norm`].
    pub norm: (u32, u32),
    /// First character is upper case.
    pub cap: bool,
    /// Index of the innermost top-level quotation containing this token (marks included).
    pub quote: Option<u32>,
}

/// The role of a paragraph (one line of the article).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphKind {
    /// A first line without closing punctuation: a title, scored but never a statement.
    Headline,
    /// Ordinary text.
    Body,
    /// Bylines and source lines ("Source: ...", "Reporting by ..."): metadata, ignored.
    Meta,
}

#[derive(Debug, Clone)]
pub struct Paragraph {
    pub span: Span,
    /// Token index range `[start, end)`.
    pub tokens: (usize, usize),
    pub kind: ParagraphKind,
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Span,
    pub tokens: (usize, usize),
    pub paragraph: usize,
}

/// A quotation: the words between a pair of marks (or between an opening
/// mark and the end of its paragraph when the quote runs on into the next).
#[derive(Debug, Clone)]
pub struct Quote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, if the quote closes in this paragraph.
    pub close: Option<usize>,
    /// The quoted words, marks excluded, trimmed of surrounding white space.
    pub inner: Span,
    /// The whole quotation, marks included.
    pub outer: Span,
    pub paragraph: usize,
    /// Index of the quote this one continues (a quote that runs over paragraphs).
    pub continues: Option<usize>,
}

/// One article with its annotations.
#[derive(Debug, Default)]
pub struct Document {
    pub text: String,
    /// Normalised token forms, concatenated; tokens point into it.
    pub norm: String,
    pub tokens: Vec<Token>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
}

impl Document {
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }
    /// Normalised form of a token.
    pub fn norm(&self, i: usize) -> &str {
        let (a, b) = self.tokens[i].norm;
        &self.norm[a as usize..b as usize]
    }
    /// Original form of a token.
    pub fn tok(&self, i: usize) -> &str {
        self.slice(self.tokens[i].span)
    }
    pub fn is_punct(&self, i: usize, c: &str) -> bool {
        self.tokens[i].kind == TokenKind::Punct && self.tok(i) == c
    }
    /// Span from the start of token `a` to the end of token `b - 1`.
    pub fn token_span(&self, a: usize, b: usize) -> Span {
        if a >= b {
            let at = self
                .tokens
                .get(a)
                .map(|t| t.span.start)
                .unwrap_or(self.text.len());
            return Span::new(at, at);
        }
        Span::new(self.tokens[a].span.start, self.tokens[b - 1].span.end)
    }
}
