//! Tone: optimism, caution and general sentiment of a stretch of text.
//!
//! Every rule is a named step with its constant here, so a reader can audit
//! why a statement got its score (`stance explain` prints the steps):
//!
//! 1. CUES: optimism/caution lexicon entries, longest match first
//!    (optimism weights positive, caution negative).
//! 2. INTENSIFY: an intensifier or diminisher right before a cue scales it
//!    by (1 + value) or (1 - value), as given in `modifiers.txt`.
//! 3. NEGATE: a negator up to [`NEGATION_WINDOW`] words before a cue, in the
//!    same clause and with only "transparent" words between ("not *very*
//!    optimistic", "cannot *be* ruled out", "no *real* progress"; but not
//!    "won't accept another pay cut", where the negator belongs to the verb), flips it: optimism becomes caution scaled by
//!    [`NEGATED_OPTIMISM`], caution becomes optimism scaled by
//!    [`NEGATED_CAUTION`] ("not impossible" is weak hope, "not hopeful" clear doubt).
//!    From "no" it also reaches over its noun (at most [`NO_SUBJECT_WORDS`]
//!    words) and the auxiliaries after it: "no lives were lost", "no
//!    agreement has been reached".
//! 4. HEDGE: a hedge ("could", "perhaps") earlier in the clause softens
//!    optimism by [`HEDGE_DAMPING`]; each hedge also adds its own caution value.
//! 5. CONDITION: a cue inside an "if"/"unless" clause counts [`CONDITIONAL_SCALE`].
//! 6. CONTRAST: in a sentence with "but"/"however"/"although", cues after the
//!    contrast word weigh [`CONTRAST_AFTER`], cues before it [`CONTRAST_BEFORE`].
//! 7. QUESTION: a question ("are they ready to ...?") dampens optimism by
//!    [`QUESTION_DAMPING`] and adds [`QUESTION_CAUTION`].
//! 8. EXPECT: an expectation word compared with ("smaller than many had
//!    feared", "not as soon as people had hoped") says the opposite of
//!    itself: "than ... feared" adds [`EXPECTATION_WEIGHT`] optimism, "than/as
//!    ... hoped" adds it as caution; when a cue stands just before "than"
//!    ("worse than feared") that cue carries the tone and the expectation
//!    word counts for nothing. A comparative of "more" up to
//!    [`EXPECT_MORE_WINDOW`] words before "than" (one of [`EXPECT_MORE`]:
//!    "more than we had hoped", "bigger than feared") turns
//!    the sign round: exceeding a hope is optimism, exceeding a fear caution.
//!    The thing compared with a fear or hope (cues up to
//!    [`EXPECT_SUBJECT_WINDOW`] words before "than", with a verb between:
//!    "the losses *were* smaller than feared") counts for nothing: the
//!    comparison is the judgement of it.
//! 9. COMMIT: a first-person future ("we will", "I'll", "we are going to"),
//!    not negated, not conditional and with no negator earlier in its clause
//!    ("I'm not sure I'll see twenty"), is a statement of confidence and adds
//!    [`COMMITMENT_WEIGHT`] optimism once per clause.
//! 10. SPILL: general sentiment words that are not tone cues lend
//!     [`SENTIMENT_SPILL`] of their valence (scaled to [-1, 1]) to the tone.
//! 11. NOT-CONTRAST: "X, not Y" ("we are close, not finished"), "X but not Y"
//!     ("holding, but not in the south") or an elliptic denial closing a
//!     clause ("the direction is clear; the pace is not", "the detail less
//!     so") affirms one thing and denies another, so the statement leans both
//!     ways: [`NOT_CONTRAST_WEIGHT`] goes to the weaker of optimism and
//!     caution (to both when they are equal), once per statement, but never
//!     more than [`NOT_CONTRAST_CAP`] of the gap between them, so the sign stays. A "not"
//!     inside a cue ("weeks not days") or "not only"/"not least" does not count.
//! 12. TURN: a contrast word ("but", "though", "however"; not "while", as
//!     often a time as a contrast) after words that lean one way (the net of
//!     the tone cues before it in its sentence, or in the sentence before when
//!     it opens its sentence), followed by at least [`TURN_MIN_WORDS`] words
//!     of its sentence with no cue leaning the other way ("a good start, but
//!     it won't survive on goodwill alone", "very welcome, but starting pay
//!     was lower"): the turn itself announces a reservation (or a consolation)
//!     that the plain words after it carry, so [`CONTRAST_TURN_WEIGHT`] goes to
//!     the other side, once per statement.
//! 13. OPEN: an uncertainty cue followed in its clause by one of
//!     [`OPEN_QUESTION_WORDS`] ("not clear whether the benefit would last",
//!     "could not say when the network would be fully restored") opens a
//!     question; optimism cues after it in the sentence are the outcome asked
//!     about, not hoped for, and count [`OPEN_QUESTION_SCALE`].
//! 14. DOUBT: after a caution cue followed by a complement word
//!     ([`DOUBT_COMPLEMENT`]: "not hopeful *of* a breakthrough", "will take
//!     decades *to* recover", "not optimistic *that* it could be revived"),
//!     or a caution entry ending in one ("little sign *of* a breakthrough",
//!     "too early *to* celebrate"),
//!     optimism cues in the same clause name what is doubted, not hope: they
//!     keep [`DOUBTED_OPTIMISM`] of their weight. A noun's "of" ends at the
//!     clause's verb ("the shortage of nurses *is* easing" doubts nothing).
//! 15. QUANTITY: a change word ("fell", "doubled", "higher"; `quantities.txt`)
//!     tied to a quantity in its clause, at most [`QUANTITY_WINDOW`] words
//!     after it or [`QUANTITY_SUBJECT_WINDOW`] before it ("sales fell", "cut
//!     waiting times", "costs were 20 percent higher"; "more"/"fewer" only
//!     right before it: "fewer deaths"; "less"/"fewer" before any cue), is
//!     good news when a good thing goes up or a bad thing down, bad news
//!     otherwise, weighing [`QUANTITY_WEIGHT`]. It replaces the change
//!     word's and the quantity's own cues ("plunged" alone is caution,
//!     "costs plunged" is not) and then goes through steps 2-7 and 14 like
//!     any cue, so "sales did not fall" is negated bad news. Closest ties
//!     first; a longer cue starting at the change word ("cut jobs") wins.
//! 16. OVERCOME: a caution cue after a word of coming through trouble in
//!     its clause ("could withstand a severe recession", "we have come
//!     through worse"; class `overcome` in `modifiers.txt`) names the
//!     trouble overcome: it becomes optimism at [`OVERCOME_SCALE`] of its
//!     weight, unless the coming through is negated ("could not cope with
//!     the pressure") or a caution cue before it doubts it ("will take years
//!     to recover from the damage"). The passive reads the same way: a
//!     caution cue followed in its clause by an auxiliary and the word of
//!     coming through, at most [`PASSIVE_WINDOW`] words apart, with no
//!     negator between ("the backlog would be cleared", "the shortage was
//!     resolved"), the trouble at most [`PASSIVE_SUBJECT_WINDOW`] words
//!     before the auxiliary, and no remedy still to come ([`PENDING`]:
//!     "suspended until the issues are resolved").
//! 17. NEG-RAISE: a verb of belief or expectation (class `belief` in
//!     `modifiers.txt`: "think", "expect", "see") with a negator up to
//!     [`BELIEF_NEGATION_WINDOW`] words before it ("I don't think", "nobody
//!     expects") negates the cues after it in its clause, as step 3 would:
//!     "I don't think the talks will succeed" is doubt, not hope.
//! 18. FRAME: the verb that reports a statement can carry tone of its own
//!     (class `reporting` in `modifiers.txt`): "warned that the talks would
//!     resume" is a warning, "conceded the timetable was tight" an admission
//!     of difficulty, "hailed the result" praise, whatever the reported words
//!     say. Its value, times [`FRAME_SCALE`], joins the statement's optimism
//!     (positive) or caution (negative) sums, and the sum of the other side
//!     keeps [`FRAME_OTHER_SIDE`]: what is warned of is no hope ("warned the
//!     ward would reopen only in June"), what is hailed no worry ("hailed the
//!     end of the crisis"). Only statements have a
//!     reporting verb, so whole-article scores do not use this step.
//!
//! 19. DENIAL: a stretch with no cue left after steps 1-18 but with a
//!     negator ("I would not build that into your models yet", "the figures
//!     did not capture the waits") denies, refuses or reports something
//!     missing, which readers take as caution: it gets [`DENIAL_CAUTION`].
//!     A negated cue is not a denial of this kind: steps 3 and 17 read it.
//! 20. FAILING: an optimism cue that is the subject of a caution cue in its
//!     clause, right before it or with an auxiliary just before the caution
//!     cue (intensifiers aside) and at most [`FAILING_WINDOW`] words between ("hope *is* fading", "the recovery is more fragile",
//!     "the recovery *has* stalled", "support for the project *has* dried
//!     up", "confidence collapsed"), names the good thing that fails, not
//!     hope: it keeps [`FAILING_SCALE`] of its weight.
//!
//! Lexicon entries never reach over a full stop, colon or bracket; plain
//! phrases may run over a comma or dash ("weeks, not days"), entries with a
//! gap may not ("sales fell, but costs rose" is not "sales .. rose"). Of two
//! entries starting at a word, the one with more entry words wins, then the
//! tighter one.
//!
//! Sums become scores: `optimism = 1 - exp(-O / SATURATION)`, likewise
//! `caution` from C; `stance = optimism - caution`. The label is `mixed` when
//! both reach [`MIXED_MIN`] and the weaker is at least [`MIXED_RATIO`] of the
//! stronger, else `optimistic`/`cautious` when |stance| >= [`LABEL_MIN`], else
//! `neutral`. Sentiment follows VADER's shape: valences summed (with the same
//! negation, intensity and contrast steps) and normalised by
//! `S / sqrt(S^2 + SENTIMENT_ALPHA)`, after four steps for informal text:
//! S1 EMOTICON (`emoticons.txt`, matched on the text as written), S2 CAPS
//! ([`CAPS_EMPHASIS`] for a shouted word among lower-case ones), S3 EXCLAIM
//! ([`EXCLAIM_EMPHASIS`] per "!", at most [`EXCLAIM_MAX`]) and S4 ELONGATE
//! ("goooood" looked up as "good"). Links and user names match nothing.
//!
//! Speed: a document's sentences (for the article score) and statements are
//! scored one call each, so whatever depends only on a word is found once per
//! document in [`prepare`]: lexicon matches, modifiers, the rule words as
//! bits (the rules test bits, never strings), and what each punctuation mark
//! ends. The calls read those arrays and reuse one set of working arrays
//! ([`Prepared`] keeps it), so scoring a sentence allocates nothing unless
//! the caller wants the explanation.

use std::cell::RefCell;
use std::fmt::Write;

use crate::document::{Document, Span, TokenKind};

/// Record an explanation step only when the caller wants the detail.
macro_rules! note {
    ($detail:expr, $steps:expr, $text:expr) => {
        if $detail {
            $steps.push($text);
        }
    };
}
use crate::lexicon::{BOUNDARY_WORD, SOFT_BOUNDARY_WORD};
use crate::lexicons::{Lexicons, Modifier, Quantity, WordInfo};

pub const NEGATION_WINDOW: usize = 3;
/// Step 3 also reaches from "no" over its noun (at most [`NO_SUBJECT_WORDS`]
/// words) and the auxiliaries after it to the cue they lead to: "no lives
/// were lost", "no agreement has been reached", "no data had been lost".
pub const NO_SUBJECT_WORDS: usize = 2;
const NO_SUBJECT_AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
];
/// Words a negation reaches across to the cue it negates.
const NEGATION_TRANSPARENT: &[&str] = &[
    "be",
    "been",
    "being",
    "is",
    "are",
    "was",
    "were",
    "a",
    "an",
    "any",
    "the",
    "that",
    "so",
    "too",
    "very",
    "really",
    "yet",
    "quite",
    "all",
    "entirely",
    "particularly",
    "seem",
    "seems",
    "seemed",
    "look",
    "looks",
    "feel",
    "feels",
    "sound",
    "sounds",
    "real",
    "much",
    "more",
    "as",
    "get",
    "getting",
    "become",
    "becoming",
    "remotely",
    "exactly",
    "necessarily",
    "overly",
    "terribly",
    "have",
    "has",
    "had",
    "it",
    "in",
    "out",
    "of",
    "at",
    "we",
    "i",
    "they",
    "he",
    "she",
    "you",
    "expect",
    "think",
    "believe",
    "sign",
    "signs",
    "any",
    "much",
    "great",
    "big",
    "major",
    "single",
];
pub const NEGATED_OPTIMISM: f32 = 0.9;
pub const NEGATED_CAUTION: f32 = 0.5;
pub const HEDGE_DAMPING: f32 = 0.25;
pub const CONDITIONAL_SCALE: f32 = 0.5;
pub const CONTRAST_BEFORE: f32 = 0.75;
pub const CONTRAST_AFTER: f32 = 1.25;
pub const QUESTION_DAMPING: f32 = 0.6;
pub const QUESTION_CAUTION: f32 = 0.2;
pub const SENTIMENT_SPILL: f32 = 0.3;
pub const EXPECTATION_WEIGHT: f32 = 0.45;
pub const COMMITMENT_WEIGHT: f32 = 0.25;
/// Comparatives of increase that turn an expectation's sign round before "than".
pub const EXPECT_MORE: &[&str] = &[
    "more", "bigger", "larger", "greater", "higher", "faster", "sooner", "earlier", "further",
];
/// How far before "than" such a comparative may stand ("more data today than").
pub const EXPECT_MORE_WINDOW: usize = 3;
/// Rule 8: how far before "than"/"as" the cues of the thing compared with a
/// fear or hope may start, with a verb between ("the losses *were* smaller
/// than feared"); the comparison replaces them.
pub const EXPECT_SUBJECT_WINDOW: usize = 5;
pub const NOT_CONTRAST_WEIGHT: f32 = 0.3;
/// Share of the gap between the stronger and the weaker side that rule 11 may fill.
pub const NOT_CONTRAST_CAP: f32 = 0.8;
/// Rule 13 (OPEN): words that open a question after an uncertainty cue.
pub const OPEN_QUESTION_WORDS: &[&str] = &["whether", "when", "if", "how"];
/// Rule 13: scale of optimism cues inside such an open question.
pub const OPEN_QUESTION_SCALE: f32 = 0.0;
/// Weight rule 12 (TURN) adds against the side before a contrast word.
pub const CONTRAST_TURN_WEIGHT: f32 = 0.4;
/// Words the clause after the contrast word needs for rule 12.
pub const TURN_MIN_WORDS: usize = 3;
/// How far back "than"/"as" may stand from the expectation word.
pub const EXPECTATION_WINDOW: usize = 4;
/// DOUBT: optimism in the complement of a caution cue keeps this share: none,
/// since the word names what is doubted rather than hope.
pub const DOUBTED_OPTIMISM: f32 = 0.0;
/// Words that open the complement of a caution cue ("of", "that", "to" ...).
pub const DOUBT_COMPLEMENT: &[&str] = &["of", "that", "whether", "to", "about", "if"];
/// Rule 17 (NEG-RAISE): how far before a verb of belief its negator may stand
/// ("do *not* really expect", "*nobody* seriously expects").
pub const BELIEF_NEGATION_WINDOW: usize = 2;
/// Rule 16 (OVERCOME): a caution cue after a word of coming through trouble
/// becomes optimism at this share of its weight.
pub const OVERCOME_SCALE: f32 = 0.5;
/// Rule 16, passive: the auxiliary at most this many words before the word
/// of coming through ("the shortage *was* resolved", "*has been* quickly contained").
pub const PASSIVE_WINDOW: usize = 2;
/// Rule 16, passive: the trouble at most this many words before the
/// auxiliary ("the backlog *of 140 ships* would be cleared").
pub const PASSIVE_SUBJECT_WINDOW: usize = 5;
/// Rule 16, passive: a remedy after one of these in its clause is still to
/// come ("suspended until the issues are resolved"), so nothing is overcome.
pub const PENDING: &[&str] = &["until", "till", "unless", "if", "once", "when"];
/// Rule 15 (QUANTITY): weight of a change tied to a quantity ("profits doubled").
pub const QUANTITY_WEIGHT: f32 = 0.45;
/// Rule 15: at most this many words between a change word and its quantity
/// ("costs were already 20 percent higher").
pub const QUANTITY_WINDOW: usize = 4;
/// Rule 15: a quantity before its change (its subject) may stand further
/// off, over a phrase that describes it ("the cost of her last shipment of
/// antibiotics had risen").
pub const QUANTITY_SUBJECT_WINDOW: usize = 7;
/// Rule 20 (FAILING): at most this many words from the end of an optimism
/// cue to the caution cue it is the subject of, the last an auxiliary
/// ("support *for the project has* dried up").
pub const FAILING_WINDOW: usize = 5;
/// Rule 20: what such a good thing that fails keeps of its optimism: none,
/// the failing carries the tone.
pub const FAILING_SCALE: f32 = 0.0;
/// Rule 18: the share of a reporting verb's own tone that goes to its statement.
pub const FRAME_SCALE: f32 = 1.0;
/// 19. DENIAL: the caution of a stretch whose only cue is a negator.
pub const DENIAL_CAUTION: f32 = 0.15;
/// Rule 18: what the statement's tone of the other side keeps under a
/// toned reporting verb: what someone warns of is no hope, what they hail
/// no worry (as rule 14 treats what is doubted).
pub const FRAME_OTHER_SIDE: f32 = 0.0;
/// The words the rules test by their spelling, one bit each group. A
/// document's words are looked up once (in [`prepare`], with the lexicon
/// lookup it does anyway) and every scoring call tests bits: comparing each
/// word with every rule word on each call was much of the scoring time.
mod rule {
    /// 8. EXPECT: fear words ("than ... feared").
    pub const FEAR: u32 = 1 << 0;
    /// 8. EXPECT: hope words ("than ... hoped").
    pub const HOPE: u32 = 1 << 1;
    /// 8. EXPECT: plain expectation words ("than expected").
    pub const EXPECTED: u32 = 1 << 2;
    pub const THAN: u32 = 1 << 3;
    pub const AS: u32 = 1 << 4;
    /// [`super::EXPECT_MORE`].
    pub const MORE: u32 = 1 << 5;
    /// Comparatives of decrease ("less", "fewer" ...).
    pub const LESS_THAN: u32 = 1 << 6;
    /// [`super::NEGATION_TRANSPARENT`].
    pub const TRANSPARENT: u32 = 1 << 7;
    /// [`super::DOUBT_COMPLEMENT`].
    pub const DOUBT_COMPLEMENT: u32 = 1 << 8;
    /// [`super::OPEN_QUESTION_WORDS`].
    pub const OPEN_QUESTION: u32 = 1 << 9;
    /// 9. COMMIT: "we", "i".
    pub const WE: u32 = 1 << 10;
    /// 9. COMMIT: "we'll", "i'll".
    pub const WE_WILL: u32 = 1 << 11;
    pub const WILL: u32 = 1 << 12;
    /// "are", "am", "'re", "'m".
    pub const ARE: u32 = 1 << 13;
    pub const GOING: u32 = 1 << 14;
    pub const TO: u32 = 1 << 15;
    pub const NOT: u32 = 1 << 16;
    pub const SO: u32 = 1 << 17;
    pub const LESS: u32 = 1 << 18;
    pub const BUT: u32 = 1 << 19;
    pub const WHILE: u32 = 1 << 20;
    /// "not only", "not least", "not even".
    pub const NOT_ONLY: u32 = 1 << 21;
    /// "is", "are", "was", "were".
    pub const COPULA: u32 = 1 << 22;
    /// "no" as a determiner (step 3's reach over its noun).
    pub const NO: u32 = 1 << 23;
    /// Auxiliaries between a "no" subject and its verb ("had been", "were").
    pub const AUX: u32 = 1 << 24;
    /// [`super::PENDING`]: a remedy still to come.
    pub const PENDING: u32 = 1 << 25;
    /// "of": a complement that is most often a noun's (rule 14).
    pub const NOUN_COMPLEMENT: u32 = 1 << 26;
}

/// What [`prepare`] found starting at a word, one bit each, so that a
/// scoring call skips the words (and the rules) with nothing to look at: a
/// sentence without a hedge never looks for one.
mod found {
    /// A tone cue (step 1).
    pub const TONE: u8 = 1 << 0;
    /// A sentiment entry.
    pub const SENTIMENT: u8 = 1 << 1;
    /// Any modifier; the kinds the rules look for are also bits of their own.
    pub const MODIFIER: u8 = 1 << 2;
    pub const NEGATOR: u8 = 1 << 3;
    pub const HEDGE: u8 = 1 << 4;
    pub const CONTRAST: u8 = 1 << 5;
    pub const CONDITIONAL: u8 = 1 << 6;
    /// A change word of `quantities.txt` (rule 15: "fell", "more").
    pub const CHANGE: u8 = 1 << 7;
}

/// Every word a rule tests by its spelling, with its bits (see [`rule`]);
/// the lexicons' word table carries them, so the lists here stay the only
/// place the words are named.
pub(crate) fn rule_words() -> Vec<(&'static str, u32)> {
    let groups: &[(&[&str], u32)] = &[
        (&["feared", "fear", "dreaded", "worried"], rule::FEAR),
        (&["hoped", "hope", "promised", "wanted"], rule::HOPE),
        (
            &["expected", "anticipated", "predicted", "forecast"],
            rule::EXPECTED,
        ),
        (&["than"], rule::THAN),
        (&["as"], rule::AS),
        (EXPECT_MORE, rule::MORE),
        (
            &[
                "less", "fewer", "smaller", "lower", "slower", "later", "weaker",
            ],
            rule::LESS_THAN,
        ),
        (NEGATION_TRANSPARENT, rule::TRANSPARENT),
        (DOUBT_COMPLEMENT, rule::DOUBT_COMPLEMENT),
        (OPEN_QUESTION_WORDS, rule::OPEN_QUESTION),
        (&["we", "i"], rule::WE),
        (&["we'll", "i'll"], rule::WE_WILL),
        (&["will", "shall"], rule::WILL),
        (&["are", "am", "'re", "'m"], rule::ARE),
        (&["going"], rule::GOING),
        (&["to"], rule::TO),
        (&["not"], rule::NOT),
        (&["so"], rule::SO),
        (&["less"], rule::LESS),
        (&["but"], rule::BUT),
        (&["while"], rule::WHILE),
        (&["only", "least", "even"], rule::NOT_ONLY),
        (&["is", "are", "was", "were"], rule::COPULA),
        (&["no"], rule::NO),
        (NO_SUBJECT_AUXILIARIES, rule::AUX),
        (PENDING, rule::PENDING),
        (&["of"], rule::NOUN_COMPLEMENT),
    ];
    groups
        .iter()
        .flat_map(|&(words, bit)| words.iter().map(move |&w| (w, bit)))
        .collect()
}

pub const SATURATION: f32 = 0.6;
pub const MIXED_MIN: f32 = 0.2;
pub const MIXED_RATIO: f32 = 0.45;
pub const LABEL_MIN: f32 = 0.08;
pub const SENTIMENT_NEGATION: f32 = -0.74;
pub const SENTIMENT_CONTRAST_BEFORE: f32 = 0.5;
pub const SENTIMENT_CONTRAST_AFTER: f32 = 1.5;
pub const SENTIMENT_ALPHA: f32 = 15.0;
/// Step S2: a sentiment word in capitals among lower-case words ("is SUPER
/// excited") is shouted: its valence grows by this much in its direction.
pub const CAPS_EMPHASIS: f32 = 0.7;
/// Step S3: each exclamation mark adds this much to the sentiment sum in its
/// direction, for at most [`EXCLAIM_MAX`] marks.
pub const EXCLAIM_EMPHASIS: f32 = 0.3;
pub const EXCLAIM_MAX: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Optimistic,
    Cautious,
    Mixed,
    Neutral,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Optimistic => "optimistic",
            Label::Cautious => "cautious",
            Label::Mixed => "mixed",
            Label::Neutral => "neutral",
        }
    }
}

/// One matched cue and what the rules did to it.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The words as matched, modifiers included ("not optimistic").
    pub text: String,
    pub base: f32,
    pub contribution: f32,
    pub steps: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Score {
    pub optimism: f32,
    pub caution: f32,
    pub stance: f32,
    pub sentiment: f32,
    pub label: Option<Label>,
    pub hits: Vec<Hit>,
    /// Raw sums before saturation (for whole-article aggregation).
    pub o_sum: f32,
    pub c_sum: f32,
    pub s_sum: f32,
}

impl Score {
    pub fn label(&self) -> Label {
        self.label.unwrap_or(Label::Neutral)
    }
    /// `very optimistic:+0.62|tough issues:-0.41`
    pub fn cues_field(&self) -> String {
        let mut s = String::new();
        for h in &self.hits {
            if !s.is_empty() {
                s.push('|');
            }
            s.push_str(&h.text);
            s.push(':');
            // straight into the field: a String per cue was most of this
            signed_hundredths(&mut s, h.contribution);
        }
        s
    }
}

/// `x` as `{:+.2}` formats it ("+0.62", "-0.41", "+0.12" for 0.125), from
/// the integer hundredths: float formatting with a precision falls back to
/// its slow exact algorithm for most cue weights and was most of the cost
/// of writing the cues. An f32 times 100 is exact in f64 (24 + 7 bits), and
/// rounding it half to even is what the formatter does with the exact
/// value, so the text is the same; NaN, infinities and huge values take the
/// formatter.
fn signed_hundredths(s: &mut String, x: f32) {
    if !x.is_finite() || x.abs() >= 1e15 {
        let _ = write!(s, "{x:+.2}");
        return;
    }
    let h = (x.abs() as f64 * 100.0).round_ties_even() as u64;
    s.push(if x.is_sign_negative() { '-' } else { '+' });
    let mut buf = [0u8; 24];
    let at = crate::digits::decimal_before(h / 100, &mut buf, 24);
    s.push_str(std::str::from_utf8(&buf[at..]).expect("ASCII digits"));
    s.push('.');
    s.push(char::from(b'0' + (h % 100 / 10) as u8));
    s.push(char::from(b'0' + (h % 10) as u8));
}

pub fn saturate(x: f32) -> f32 {
    1.0 - (-x / SATURATION).exp()
}

pub fn label_for(optimism: f32, caution: f32) -> Label {
    let lo = optimism.min(caution);
    let hi = optimism.max(caution);
    if lo >= MIXED_MIN && lo >= MIXED_RATIO * hi {
        Label::Mixed
    } else if optimism - caution >= LABEL_MIN {
        Label::Optimistic
    } else if caution - optimism >= LABEL_MIN {
        Label::Cautious
    } else {
        Label::Neutral
    }
}

pub fn finish(o: f32, c: f32, s: f32, hits: Vec<Hit>) -> Score {
    let optimism = saturate(o);
    let caution = saturate(c);
    Score {
        optimism,
        caution,
        stance: optimism - caution,
        sentiment: if s == 0.0 {
            0.0
        } else {
            s / (s * s + SENTIMENT_ALPHA).sqrt()
        },
        label: Some(label_for(optimism, caution)),
        hits,
        o_sum: o,
        c_sum: c,
        s_sum: s,
    }
}

/// A word of the scored stretch, with where its clause and sentence start.
#[derive(Clone, Copy)]
struct W {
    clause: usize,
    sentence: usize,
    /// Index among the document's words (see [`Prepared`]).
    global: usize,
    /// The token, for the word's text in explanations.
    token: usize,
    /// The rule words it is (see [`rule`]).
    rules: u32,
    /// What starts at it (see [`found`]).
    found: u8,
}

impl W {
    fn is(&self, bits: u32) -> bool {
        self.rules & bits != 0
    }
    fn has(&self, bits: u8) -> bool {
        self.found & bits != 0
    }
}

/// The working arrays of one scoring call. A document scores every sentence
/// (for the article score) and every statement, each call needing a dozen
/// per-word arrays; allocating them afresh each time cost more than the
/// rules themselves, so [`Prepared`] keeps one set and each call clears it.
/// Nothing in it outlives a call: every field is cleared before use.
///
/// The set outlives the document too: [`prepare`] takes the thread's set
/// (see [`SCRATCH`]) and dropping the [`Prepared`] gives it back, so a
/// worker's arrays grow to the longest stretch once instead of regrowing
/// from empty for every article. As every field is cleared before use,
/// no result can depend on what an earlier article left in them.
#[derive(Default)]
struct Scratch {
    ws: Vec<W>,
    questions: Vec<bool>,
    modifier: Vec<Option<(Modifier, usize)>>,
    in_tone: Vec<bool>,
    expectation: Vec<Option<f32>>,
    tone_hits: Vec<(usize, usize, f32)>,
    contrast_at: Vec<usize>,
    cue_at: Vec<(usize, f32)>,
    open_from: Vec<(usize, usize)>,
    /// Rule 15: at a change word, (weight, change length, quantity position).
    quantity: Vec<Option<(f32, usize, usize)>>,
    /// Rule 15: the word belongs to a quantity tied to a change.
    tied: Vec<bool>,
    /// Rule 15: candidate ties (words between, change position, quantity position).
    ties: Vec<(usize, usize, usize)>,
    /// The words where a tone cue or an expectation word starts (step 1
    /// and 8 visit only these, unless rule 15 has a change word to tie).
    cue_starts: Vec<usize>,
    /// The words where a sentiment entry starts.
    senti_starts: Vec<usize>,
}

thread_local! {
    /// The scoring arrays of this thread between documents (see [`Scratch`]).
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// What a punctuation token ends when a stretch is scored.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stop {
    None,
    /// "," ";" ":" dashes and brackets.
    Clause,
    /// "." "!" "…".
    Sentence,
    /// "?": a sentence, and a question.
    Question,
}

/// Lexicon lookups for a whole document, done once: every statement and
/// sentence scored afterwards only reads these arrays.
pub struct Prepared {
    /// For each token, its index among the document's words (u32::MAX if not a word).
    word_of_token: Vec<u32>,
    /// For each token, what it ends in a scored stretch (read for every
    /// token of every call, so matched against the punctuation only once).
    stop_of_token: Vec<Stop>,
    /// Longest tone, sentiment and modifier match starting at each word.
    tone_at: Vec<Option<(u32, u8)>>,
    senti_at: Vec<Option<(u32, u8)>>,
    modifier_at: Vec<Option<(Modifier, u8)>>,
    /// The rule words each word is (see [`rule`]).
    rules: Vec<u32>,
    /// What starts at each word (see [`found`]).
    found: Vec<u8>,
    /// Longest `quantities.txt` term starting at each word (rule 15).
    quantity_at: Vec<Option<(Quantity, u8)>>,
    /// Emoticons and emoji (`emoticons.txt`): the token each starts at and
    /// its valence, in token order (step S1).
    emoticons: Vec<(u32, f32)>,
    /// The tokens that are an exclamation mark, in order (step S3).
    exclamations: Vec<u32>,
    /// Reused by every scoring call on this document (see [`Scratch`]); a
    /// `Prepared` belongs to one document on one thread, so the cell is
    /// never borrowed twice.
    scratch: RefCell<Scratch>,
}

impl Drop for Prepared {
    /// Give the scoring arrays back to the thread for its next document.
    fn drop(&mut self) {
        let scratch = std::mem::take(self.scratch.get_mut());
        // (during thread exit the slot may be gone; the arrays are then freed)
        let _ = SCRATCH.try_with(|s| s.replace(scratch));
    }
}

pub fn prepare(doc: &Document, lx: &Lexicons) -> Prepared {
    let nt = doc.tokens.len();
    let mut word_of_token = vec![u32::MAX; nt];
    let mut stop_of_token = vec![Stop::None; nt];
    // The words, each looked up once for all lexicons, in one pass over the
    // tokens. Clause punctuation becomes an empty "word" among the words: a
    // full stop or colon stops every entry, a comma or dash stops gaps but
    // not plain phrases ("weeks, not days"), so "sales fell, but costs rose"
    // is not "sales .. rose". There is at most one entry per token, so the
    // arrays are made that long and written by index (a push per word and
    // array was a good part of this function), then cut to the words.
    // stretched spellings shortened for the lookup (S4), filled after the
    // loop: declared first, as `words` borrows from it
    let mut shortened: Vec<String> = Vec::new();
    let mut words: Vec<&str> = vec![""; nt];
    let mut info: Vec<WordInfo> = vec![WordInfo::NONE; nt];
    let mut n = 0;
    // what the last entry is: 0 = a word (or nothing yet), 1 = a soft
    // boundary, 2 = a hard one; a run of punctuation is one boundary, the
    // strongest of its marks
    let mut last_boundary = 0u8;
    let mut sentence_start = true;
    let mut next_sentence = doc.sentences.iter().map(|s| s.tokens.0).peekable();
    // S4: the words to look up shortened, and S1/S3: emoticons, emoji and
    // exclamation marks, all found in this one pass over the tokens
    let mut stretched: Vec<usize> = Vec::new();
    let mut emoticons: Vec<(u32, f32)> = Vec::new();
    let mut exclamations: Vec<u32> = Vec::new();
    let mut chunk_end = 0usize;
    let emoticons_on = !lx.emoticons.is_empty();
    // a link or a user name ("https://example.org/a", "@anna") runs to here:
    // its words are no words of the sentence, they match nothing and a
    // capital after them still opens the sentence ("@anna Happy birthday!")
    let mut link_until = 0usize;
    let bytes = doc.text.as_bytes();
    for (i, t) in doc.tokens.iter().enumerate() {
        while next_sentence.next_if(|&s| s <= i).is_some() {
            sentence_start = true;
        }
        let first = bytes[t.span.start];
        if t.span.start >= link_until
            && matches!(first, b'@' | b'h' | b'H' | b'w' | b'W')
            && starts_link(bytes, t.span.start)
        {
            link_until = bytes[t.span.start..]
                .iter()
                .position(|b| b.is_ascii_whitespace())
                .map_or(bytes.len(), |p| t.span.start + p);
        }
        if t.span.start < link_until {
            if matches!(t.kind, TokenKind::Word | TokenKind::Number) {
                word_of_token[i] = n as u32;
                words[n] = doc.norm(i);
                info[n] = WordInfo::NONE;
                n += 1;
                last_boundary = 0;
            }
            continue;
        }
        let kind = match t.kind {
            TokenKind::Word | TokenKind::Number => {
                word_of_token[i] = n as u32;
                let w = doc.norm(i);
                words[n] = w;
                // "xD", "XP", "8)": emoticons that start like a word
                if emoticons_on
                    && matches!(first, b'x' | b'X' | b'8')
                    && t.span.end - t.span.start <= 3
                    && let Some(v) = emoticon_at(doc, lx, i, &mut chunk_end)
                {
                    emoticons.push((i as u32, v));
                }
                // A hashtag is no word of the sentence, though it may carry
                // sentiment ("#fail"): a capital after it still opens the
                // sentence.
                if t.span.start > 0 && bytes[t.span.start - 1] == b'#' {
                    info[n] = lx.word(w);
                    n += 1;
                    last_boundary = 0;
                    continue;
                }
                // A capital inside a sentence marks a name ("the Halcyon
                // probe", "the Freedom Party"), whose words carry no tone:
                // such words match no lexicon entry, but are still the rule
                // words they spell ("Will" is "will").
                let proper =
                    t.cap && !sentence_start && !doc.tok(i).chars().all(|c| !c.is_lowercase());
                info[n] = if proper {
                    WordInfo {
                        rules: lx.word(w).rules,
                        ..WordInfo::NONE
                    }
                } else {
                    let found = lx.word(w);
                    if found.tone == crate::lexicon::UNKNOWN_WORD
                        && found.sentiment == crate::lexicon::UNKNOWN_WORD
                        && !found.modifier
                        && w.len() >= 4
                        && has_run_of_three(w.as_bytes())
                    {
                        stretched.push(n);
                    }
                    found
                };
                n += 1;
                sentence_start = false;
                last_boundary = 0;
                continue;
            }
            TokenKind::QuoteMark => {
                sentence_start = true;
                continue;
            }
            TokenKind::Punct => {
                let tok = doc.tok(i);
                if tok == "!" {
                    exclamations.push(i as u32);
                }
                if emoticons_on
                    && (first >= 0x80 || emoticon_char(first))
                    && let Some(v) = emoticon_at(doc, lx, i, &mut chunk_end)
                {
                    emoticons.push((i as u32, v));
                }
                stop_of_token[i] = match tok {
                    "?" => Stop::Question,
                    "." | "!" | "…" => Stop::Sentence,
                    "," | ";" | ":" | "—" | "–" | "(" | ")" => Stop::Clause,
                    _ => Stop::None,
                };
                match tok {
                    "," | "—" | "–" | "-" => 1,
                    ";" | ":" | "." | "!" | "?" | "…" | "(" | ")" | "[" | "]" => {
                        sentence_start = true;
                        2
                    }
                    _ => continue,
                }
            }
        };
        if n == 0 || kind <= last_boundary {
            continue;
        }
        let sentinel = if kind == 1 {
            WordInfo::SOFT_BOUNDARY
        } else {
            WordInfo::BOUNDARY
        };
        if last_boundary == 0 {
            info[n] = sentinel;
            n += 1;
        } else {
            // a comma then a full stop: the stronger boundary
            info[n - 1] = sentinel;
        }
        last_boundary = kind;
    }
    // S4: a stretched spelling is looked up shortened ("goooood" as "good")
    shortened.extend(stretched.iter().map(|&k| shorten(lx, words[k])));
    for (&k, short) in stretched.iter().zip(&shortened) {
        if !short.is_empty() {
            words[k] = short;
            info[k] = lx.word(short);
        }
    }
    words.truncate(n);
    info.truncate(n);
    let tone_ids: Vec<u32> = info.iter().map(|x| x.tone).collect();
    let senti_ids: Vec<u32> = info.iter().map(|x| x.sentiment).collect();
    // match lengths are given in words: the boundaries a phrase runs over
    // ("weeks, not days") do not count
    let in_words = |k: usize, l: usize| {
        let sentinels = tone_ids[k..k + l]
            .iter()
            .filter(|&&id| id == SOFT_BOUNDARY_WORD || id == BOUNDARY_WORD)
            .count();
        (l - sentinels).min(255) as u8
    };
    // modifiers and quantities are at most four words long
    let class_words = |k: usize| &words[k..(k + 4).min(n)];
    let mut tone_at = vec![None; n];
    let mut senti_at = vec![None; n];
    let mut modifier_at = vec![None; n];
    let mut quantity_at = vec![None; n];
    let mut found = vec![0u8; n];
    for k in 0..n {
        let mut f = 0;
        if let Some((id, l)) = lx.tone.longest_at_ids(&tone_ids, &words, k) {
            tone_at[k] = Some((id, in_words(k, l)));
            f |= found::TONE;
        }
        if let Some((id, l)) = lx.sentiment.longest_at_ids(&senti_ids, &words, k) {
            senti_at[k] = Some((id, in_words(k, l)));
            f |= found::SENTIMENT;
        }
        if info[k].modifier
            && let Some((&m, l)) = lx.modifiers.longest(class_words(k))
        {
            modifier_at[k] = Some((m, l as u8));
            f |= found::MODIFIER
                | match m {
                    Modifier::Negator => found::NEGATOR,
                    Modifier::Hedge(_) => found::HEDGE,
                    Modifier::Contrast => found::CONTRAST,
                    Modifier::Conditional => found::CONDITIONAL,
                    _ => 0,
                };
        }
        if info[k].quantity
            && let Some((&q, l)) = lx.quantities.longest(class_words(k))
        {
            quantity_at[k] = Some((q, l as u8));
            if !matches!(q, Quantity::Good | Quantity::Bad) {
                f |= found::CHANGE;
            }
        }
        found[k] = f;
    }
    Prepared {
        word_of_token,
        stop_of_token,
        tone_at,
        senti_at,
        modifier_at,
        rules: info.iter().map(|x| x.rules).collect(),
        found,
        quantity_at,
        emoticons,
        exclamations,
        scratch: RefCell::new(SCRATCH.with(RefCell::take)),
    }
}

/// A link ("http://", "https://", "www.") or a user name ("@anna") starts
/// at byte `at`: the start of a chunk of text between white space.
fn starts_link(bytes: &[u8], at: usize) -> bool {
    if at > 0 && !bytes[at - 1].is_ascii_whitespace() {
        return false;
    }
    let rest = &bytes[at..];
    let lower_starts = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    match rest.first() {
        Some(b'@') => rest
            .get(1)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_'),
        Some(b'h' | b'H') => lower_starts(b"http://") || lower_starts(b"https://"),
        Some(b'w' | b'W') => lower_starts(b"www."),
        _ => false,
    }
}

/// Step S4 ELONGATE: a word written long for emphasis ("sooo", "goooood",
/// "yayyyy") is looked up with each run of three or more of one letter cut
/// to two ("good"), or else to one ("yay"), whichever is a lexicon word.
/// Returns the spelling to look up, or "" when neither is a word.
fn shorten(lx: &Lexicons, w: &str) -> String {
    let known = |w: &str| {
        let i = lx.word(w);
        i.tone != crate::lexicon::UNKNOWN_WORD
            || i.sentiment != crate::lexicon::UNKNOWN_WORD
            || i.modifier
    };
    for keep in [2, 1] {
        let mut short = String::with_capacity(w.len());
        let mut run = 0;
        let mut last = None;
        for c in w.chars() {
            run = if Some(c) == last { run + 1 } else { 1 };
            last = Some(c);
            if run <= keep || !c.is_alphabetic() {
                short.push(c);
            }
        }
        if known(&short) {
            return short;
        }
    }
    String::new()
}

/// Three of one ASCII letter in a row ("sooo"), the mark of a stretched word.
fn has_run_of_three(b: &[u8]) -> bool {
    let mut run = 1;
    for k in 1..b.len() {
        if b[k] == b[k - 1] && b[k].is_ascii_alphabetic() {
            run += 1;
            if run == 3 {
                return true;
            }
        } else {
            run = 1;
        }
    }
    false
}

/// The characters an ASCII emoticon can start or end with: a chunk of text
/// is looked up only when it holds one, so the commas and full stops of
/// news prose cost no lookup.
fn emoticon_char(b: u8) -> bool {
    matches!(
        b,
        b':' | b';'
            | b'='
            | b'<'
            | b'>'
            | b'('
            | b')'
            | b'^'
            | b'*'
            | b'\\'
            | b'/'
            | b'|'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'~'
            | b'_'
    )
}

/// Step S1: the emoticon or emoji starting at token `i`, if any. An ASCII
/// emoticon is a whole chunk between white space (":-)", "<3", ":'("),
/// possibly closing a quotation or followed by sentence punctuation; "xD"
/// style ones start as words. An emoji is one token, looked up alone, so
/// "great😀" and "😀😀" count. `chunk_end` keeps a chunk from being looked
/// up again from its later tokens.
fn emoticon_at(doc: &Document, lx: &Lexicons, i: usize, chunk_end: &mut usize) -> Option<f32> {
    let text = doc.text.as_str();
    let bytes = text.as_bytes();
    let t = &doc.tokens[i];
    if bytes[t.span.start] >= 0x80 {
        return lx.emoticons.get(&text[t.span.start..t.span.end]).copied();
    }
    if t.span.start < *chunk_end {
        return None;
    }
    let mut start = bytes[..t.span.start]
        .iter()
        .rposition(|b| b.is_ascii_whitespace())
        .map_or(0, |p| p + 1);
    // an emoticon may open or close a quotation: '":)', ':)"'
    while start < t.span.start && text[start..].starts_with(['"', '\'', '“', '‘']) {
        start += text[start..].chars().next().map_or(1, char::len_utf8);
    }
    let end = bytes[t.span.start..]
        .iter()
        .position(|b| b.is_ascii_whitespace())
        .map_or(bytes.len(), |p| t.span.start + p);
    *chunk_end = end;
    // only a chunk that starts here: "ok:)" is no emoticon
    if start != t.span.start {
        return None;
    }
    let chunk = &text[start..end];
    let trimmed = chunk.trim_end_matches(['.', ',', '!', '?', ';', '"', '\'', '”', '’']);
    // a chunk longer than every emoticon ("(BBC)", "(the") costs no lookup
    if trimmed.is_empty() || trimmed.len() > lx.emoticon_max_len {
        return None;
    }
    lx.emoticons
        .get(trimmed)
        .or_else(|| {
            (trimmed.len() < chunk.len())
                .then(|| lx.emoticons.get(chunk))
                .flatten()
        })
        .copied()
}

/// Score the text of `span` (a statement, or a sentence).
pub fn score(doc: &Document, lx: &Lexicons, span: Span) -> Score {
    let prep = prepare(doc, lx);
    score_span(doc, lx, &prep, span)
}

/// Rule 18 FRAME: add the tone of the reporting cue `cue` ("warned", "hailed
/// the", "said in a statement") to a statement's score. A cue with no value
/// in the `reporting` class leaves the score as it is.
pub fn frame(score: Score, lx: &Lexicons, cue: &str) -> Score {
    if cue.is_empty() {
        return score;
    }
    let lower = cue.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let Some((&v, len)) = lx.framing.longest(&words) else {
        return score;
    };
    let contribution = v * FRAME_SCALE;
    let (mut o, mut c) = (score.o_sum, score.c_sum);
    if contribution > 0.0 {
        o += contribution;
        c *= FRAME_OTHER_SIDE;
    } else {
        c -= contribution;
        o *= FRAME_OTHER_SIDE;
    }
    let mut hits = score.hits;
    hits.push(Hit {
        text: words[..len].join(" "),
        base: v,
        contribution,
        steps: vec![format!(
            "18 frame: reporting verb x{FRAME_SCALE}, the other side x{FRAME_OTHER_SIDE}"
        )],
    });
    finish(o, c, score.s_sum, hits)
}

/// Score `span` with the document's lookups already done.
pub fn score_span(doc: &Document, lx: &Lexicons, prep: &Prepared, span: Span) -> Score {
    let first = doc.tokens.partition_point(|t| t.span.start < span.start);
    let last = doc.tokens.partition_point(|t| t.span.end <= span.end);
    score_tokens(doc, lx, prep, first, last.max(first))
}

/// Score tokens `[a, b)`, recording every cue and step (for statements and
/// `stance explain`).
pub fn score_tokens(doc: &Document, lx: &Lexicons, prep: &Prepared, a: usize, b: usize) -> Score {
    score_tokens_with(doc, lx, prep, a, b, true)
}

/// Score tokens `[a, b)` for the sums only, without the per-cue record:
/// whole-article scores need no explanation of each sentence, and writing
/// the steps out was most of the scoring time.
pub fn score_sums(doc: &Document, lx: &Lexicons, prep: &Prepared, a: usize, b: usize) -> Score {
    score_tokens_with(doc, lx, prep, a, b, false)
}

fn score_tokens_with(
    doc: &Document,
    lx: &Lexicons,
    prep: &Prepared,
    a: usize,
    b: usize,
    detail: bool,
) -> Score {
    let mut scratch = prep.scratch.borrow_mut();
    let Scratch {
        ws,
        questions,
        modifier,
        in_tone,
        expectation,
        tone_hits,
        contrast_at,
        cue_at,
        open_from,
        quantity,
        tied,
        ties,
        cue_starts,
        senti_starts,
    } = &mut *scratch;
    ws.clear();
    cue_starts.clear();
    senti_starts.clear();
    let mut clause = 0usize;
    let mut sentence = 0usize;
    questions.clear();
    questions.push(false);
    // the rule words and the findings of the whole stretch: a rule whose
    // words are not in it is skipped
    let mut span_rules = 0u32;
    let mut span_found = 0u8;
    for i in a..b {
        let global = prep.word_of_token[i];
        if global != u32::MAX {
            let global = global as usize;
            let w = W {
                clause,
                sentence,
                global,
                token: i,
                rules: prep.rules[global],
                found: prep.found[global],
            };
            span_rules |= w.rules;
            span_found |= w.found;
            if w.has(found::TONE) || w.is(rule::FEAR | rule::HOPE | rule::EXPECTED) {
                cue_starts.push(ws.len());
            }
            if w.has(found::SENTIMENT) {
                senti_starts.push(ws.len());
            }
            ws.push(w);
            continue;
        }
        match prep.stop_of_token[i] {
            Stop::None => {}
            Stop::Clause => clause += 1,
            stop => {
                if stop == Stop::Question {
                    questions[sentence] = true;
                }
                if ws.last().is_some_and(|w| w.sentence == sentence) {
                    sentence += 1;
                    questions.push(false);
                }
                clause += 1;
            }
        }
    }
    let ws: &[W] = ws;
    let questions: &[bool] = questions;
    let n = ws.len();
    // A stretch with nothing a score can come from (no cue, sentiment word,
    // hedge, change, negator (rule 19), expectation word, "we will",
    // "not"/"so" or question) scores zero, without the rules.
    let sources = found::TONE | found::SENTIMENT | found::HEDGE | found::CHANGE | found::NEGATOR;
    let source_words =
        rule::FEAR | rule::HOPE | rule::EXPECTED | rule::WE | rule::WE_WILL | rule::NOT | rule::SO;
    if span_found & sources == 0 && span_rules & source_words == 0 && !questions.contains(&true) {
        let (emoticons, emo_hits) = emoticons_in(doc, prep, a, b, detail);
        let mut hits = emo_hits;
        let s = exclaim(prep, a, b, emoticons, detail.then_some(&mut hits));
        return finish(0.0, 0.0, s, hits);
    }
    // words' text, for explanations only
    let word = |k: usize| doc.norm(ws[k].token);
    let join = |from: usize, to: usize| {
        let mut s = String::new();
        for k in from..to {
            if k > from {
                s.push(' ');
            }
            s.push_str(word(k));
        }
        s
    };
    // Lookups, from the document's (a match may not run past this span).
    let fits = |k: usize, l: u8| k + l as usize <= n;
    let tone_at = |k: usize| {
        prep.tone_at[ws[k].global]
            .filter(|&(_, l)| fits(k, l))
            .map(|(id, l)| (id, l as usize))
    };
    let senti_at = |k: usize| {
        prep.senti_at[ws[k].global]
            .filter(|&(_, l)| fits(k, l))
            .map(|(id, l)| (id, l as usize))
    };
    modifier.clear();
    if span_found & found::MODIFIER == 0 {
        modifier.resize(n, None);
    } else {
        modifier.extend((0..n).map(|k| {
            prep.modifier_at[ws[k].global]
                .filter(|&(_, l)| fits(k, l))
                .map(|(m, l)| (m, l as usize))
        }));
    }
    let modifier: &[Option<(Modifier, usize)>] = modifier;
    let mut o = 0f32;
    let mut c = 0f32;
    let mut s = 0f32;
    let mut hits = Vec::new();
    in_tone.clear();
    in_tone.resize(n, false);
    // 8. EXPECT (found first: it replaces the expectation word's own cue)
    expectation.clear();
    // most stretches hold no expectation word: then the array stays empty
    let expect_words = rule::FEAR | rule::HOPE | rule::EXPECTED;
    if span_rules & expect_words != 0 {
        expectation.resize(n, None);
        for k in 0..n {
            let sign = if ws[k].is(rule::FEAR) {
                1.0
            } else if ws[k].is(rule::HOPE) {
                -1.0
            } else if ws[k].is(rule::EXPECTED) {
                0.0
            } else {
                continue;
            };
            let lo = k.saturating_sub(EXPECTATION_WINDOW + 1);
            let Some(t) = (lo..k)
                .rev()
                .find(|&j| ws[j].is(rule::THAN | rule::AS) && ws[j].clause == ws[k].clause)
            else {
                continue;
            };
            // a cue just before "than" carries the tone itself
            let cue_before =
                (t.saturating_sub(3)..t).any(|j| tone_at(j).is_some_and(|(_, l)| j + l >= t));
            // "more than hoped": exceeding the expectation reverses it
            let more = ws[t].is(rule::THAN) && more_before_than(ws, t);
            expectation[k] = Some(if cue_before {
                0.0
            } else if more {
                -sign * EXPECTATION_WEIGHT
            } else {
                sign * EXPECTATION_WEIGHT
            });
            // the thing compared with a fear or a hope is what the
            // comparison judges: "the losses were smaller than feared" is
            // no bad news, "the recovery was slower than hoped" no good news
            if !cue_before && sign != 0.0 {
                for j in t.saturating_sub(EXPECT_SUBJECT_WINDOW)..t {
                    if ws[j].clause == ws[t].clause
                        && expectation[j].is_none()
                        && tone_at(j).is_some_and(|(_, l)| {
                            // the subject, with its verb before "than":
                            // not "painful but smaller than feared"
                            j + l <= t && (j + l..t).any(|m| ws[m].is(rule::AUX | rule::COPULA))
                        })
                    {
                        expectation[j] = Some(0.0);
                    }
                }
            }
        }
    }
    // 15. QUANTITY (found before the cues: it replaces the change word's and
    // the quantity's own cues, as "costs plunged" is no bad news)
    let quantity_at = |k: usize| {
        prep.quantity_at[ws[k].global]
            .filter(|&(_, l)| fits(k, l))
            .map(|(q, l)| (q, l as usize))
    };
    quantity.clear();
    tied.clear();
    ties.clear();
    // most stretches hold no change word: then the arrays stay empty
    let any_change = span_found & found::CHANGE != 0
        && (0..n).any(|k| {
            quantity_at(k).is_some_and(|(q, _)| !matches!(q, Quantity::Good | Quantity::Bad))
        });
    if any_change {
        quantity.resize(n, None);
        tied.resize(n, false);
    }
    // a longer tone cue starting at the change word is the author's phrase
    // and wins ("cut jobs"); one starting at the quantity ("sales .. fall")
    // does not, as the rule also reads a negation between them
    let own_phrase = |k: usize, len: usize| tone_at(k).is_some_and(|(_, l)| l > len);
    // What changes at j: a listed quantity; right after "less"/"fewer" also
    // any tone cue, whose sign says whether more of it is good news ("less
    // difficult", "fewer problems", "less confident"; "more" before a cue
    // is an intensifier, step 2, and already reads right)
    let thing_at = |j: usize, after_less: bool| -> Option<(bool, usize)> {
        match quantity_at(j) {
            Some((Quantity::Good, l)) => Some((true, l)),
            Some((Quantity::Bad, l)) => Some((false, l)),
            Some(_) => None,
            None if after_less => {
                tone_at(j).map(|(id, l)| (lx.tone.entries[id as usize].weight > 0.0, l))
            }
            None => None,
        }
    };
    for k in (0..n).filter(|_| any_change) {
        let Some((change, clen)) = quantity_at(k) else {
            continue;
        };
        if matches!(change, Quantity::Good | Quantity::Bad) || own_phrase(k, clen) {
            continue;
        }
        let near = matches!(change, Quantity::More | Quantity::Less);
        let lo = k.saturating_sub(QUANTITY_SUBJECT_WINDOW + 4);
        let hi = if near {
            (k + clen + 1).min(n)
        } else {
            (k + clen + QUANTITY_WINDOW + 1).min(n)
        };
        for j in lo..hi {
            let Some((_, qlen)) = thing_at(j, change == Quantity::Less) else {
                continue;
            };
            if ws[j].clause != ws[k].clause || ws[(j + qlen - 1).min(n - 1)].clause != ws[k].clause
            {
                continue;
            }
            let between = if j >= k + clen {
                j - (k + clen)
            } else if j + qlen <= k && !near {
                k - (j + qlen)
            } else {
                continue;
            };
            let window = if j < k {
                QUANTITY_SUBJECT_WINDOW
            } else {
                QUANTITY_WINDOW
            };
            if between <= window && (!near || between == 0) {
                ties.push((between, k, j));
            }
        }
    }
    // closest ties first; at equal distance the quantity before its change
    // ("sales fell") before the one after it
    ties.sort_unstable_by_key(|&(between, k, j)| (between, j > k, k, j));
    for &(_, k, j) in ties.iter() {
        let (change, clen) = quantity_at(k).expect("a change word");
        let (good, qlen) = thing_at(j, change == Quantity::Less).expect("a quantity");
        if quantity[k].is_some() || tied[j] || (k..k + clen).any(|x| tied[x]) {
            continue;
        }
        let up = matches!(change, Quantity::Up | Quantity::More);
        let w = if up == good {
            QUANTITY_WEIGHT
        } else {
            -QUANTITY_WEIGHT
        };
        quantity[k] = Some((w, clen, j));
        for t in tied.iter_mut().skip(j).take(qlen) {
            *t = true;
        }
    }
    let quantity = |k: usize| quantity.get(k).copied().flatten();
    let tied = |k: usize| tied.get(k).copied().unwrap_or(false);
    // 1. CUES
    let mut k = 0;
    tone_hits.clear();
    // only a cue, an expectation word or (with a change word in the
    // stretch) a quantity tie starts anything: without a change word, go
    // from one of `cue_starts` to the next
    let mut next_start = cue_starts.iter().copied().peekable();
    while k < n {
        if !any_change {
            while next_start.next_if(|&p| p < k).is_some() {}
            match next_start.peek() {
                Some(&p) => k = p,
                None => break,
            }
        }
        if let Some((w, len, _)) = quantity(k) {
            tone_hits.push((k, len, w));
            for f in in_tone.iter_mut().skip(k).take(len) {
                *f = true;
            }
            k += len;
            continue;
        }
        if tied(k) {
            in_tone[k] = true;
            k += 1;
            continue;
        }
        if let Some(w) = expectation.get(k).copied().flatten() {
            if w != 0.0 {
                tone_hits.push((k, 1, w));
            }
            in_tone[k] = true;
            k += 1;
            continue;
        }
        if let Some((id, len)) = tone_at(k) {
            let e = &lx.tone.entries[id as usize];
            tone_hits.push((k, len, e.weight));
            for f in in_tone.iter_mut().skip(k).take(len) {
                *f = true;
            }
            k += len;
        } else {
            k += 1;
        }
    }
    let in_tone: &[bool] = in_tone;
    let tone_hits: &[(usize, usize, f32)] = tone_hits;
    contrast_at.clear();
    if span_found & found::CONTRAST != 0 {
        contrast_at.extend(
            (0..n).filter(|&k| matches!(modifier[k], Some((Modifier::Contrast, _))) && !in_tone[k]),
        );
    }
    let contrast_at: &[usize] = contrast_at;
    // (position, contribution) of every tone cue, for rule 12
    cue_at.clear();
    // the clause of a doubt, where its complement starts, and whether that
    // complement is a noun's ("shortage *of* nurses")
    let mut doubt_clause: Option<(usize, usize, bool)> = None;
    // 13. OPEN: where an uncertainty cue opens a question ("not clear
    // whether", "could not say when"), the outcome asked about is no hope
    open_from.clear();
    open_from.extend(
        tone_hits
            .iter()
            .filter(|&&(k, len, base)| {
                base < 0.0
                    && k + len < n
                    && ws[k + len].clause == ws[k].clause
                    && ws[k + len].is(rule::OPEN_QUESTION)
            })
            .map(|&(k, len, _)| (k + len, ws[k].sentence)),
    );
    let open_from: &[(usize, usize)] = open_from;
    for (hit, &(k, len, base)) in tone_hits.iter().enumerate() {
        let mut w = base;
        let mut steps = Vec::new();
        let mut from = k;
        if let Some((_, _, j)) = quantity(k) {
            let sign = if base > 0.0 { "good news" } else { "bad news" };
            note!(
                detail,
                steps,
                format!("change of {:?}: {sign} ({QUANTITY_WEIGHT})", word(j))
            );
        }
        if base > 0.0
            && let Some(&(q, _)) = open_from
                .iter()
                .find(|&&(q, si)| q < k && si == ws[k].sentence)
        {
            w *= OPEN_QUESTION_SCALE;
            note!(
                detail,
                steps,
                format!("open question after {:?} x{OPEN_QUESTION_SCALE}", word(q))
            );
        }
        // 2. INTENSIFY
        if k > 0 && ws[k - 1].clause == ws[k].clause && !in_tone[k - 1] {
            match modifier[k - 1] {
                Some((Modifier::Intensifier(v), 1)) => {
                    w *= 1.0 + v;
                    note!(
                        detail,
                        steps,
                        format!("intensified by {:?} x{:.2}", word(k - 1), 1.0 + v)
                    );
                    from = k - 1;
                }
                Some((Modifier::Diminisher(v), 1)) => {
                    w *= 1.0 - v;
                    note!(
                        detail,
                        steps,
                        format!("diminished by {:?} x{:.2}", word(k - 1), 1.0 - v)
                    );
                    from = k - 1;
                }
                _ => {}
            }
        }
        // 3. NEGATE
        let mut negated_here = false;
        let lo = k.saturating_sub(NEGATION_WINDOW + 1);
        // "no" + its noun + auxiliaries + the cue ("no lives were lost")
        let no_subject = (k.saturating_sub(NO_SUBJECT_WORDS + 4)..k)
            .rev()
            .filter(|_| span_rules & rule::NO != 0)
            .find(|&j| {
                ws[j].is(rule::NO) && ws[j].clause == ws[k].clause && !in_tone[j] && {
                    let aux_from = (j + 1..k).find(|&m| ws[m].is(rule::AUX)).unwrap_or(k);
                    aux_from > j + 1
                        && aux_from - (j + 1) <= NO_SUBJECT_WORDS
                        && aux_from < k
                        && (aux_from..k).all(|m| ws[m].is(rule::AUX | rule::TRANSPARENT))
                }
            });
        if let Some(j) = (lo..k)
            .rev()
            .filter(|_| span_found & found::NEGATOR != 0)
            .find(|&j| {
                ws[j].clause == ws[k].clause
                    && !in_tone[j]
                    && matches!(modifier[j], Some((Modifier::Negator, l)) if j + l <= k
                    && (j + l..k).all(|m| ws[m].is(rule::TRANSPARENT) || modifier[m].is_some()))
            })
            .or(no_subject)
        {
            // a contrast word between negator and cue ends its scope
            if !contrast_at.iter().any(|&x| x > j && x < k) {
                if w > 0.0 {
                    w = -w * NEGATED_OPTIMISM;
                } else {
                    w = -w * NEGATED_CAUTION;
                }
                note!(detail, steps, format!("negated by {:?}", word(j)));
                from = from.min(j);
                negated_here = true;
            }
        }
        // 17. NEG-RAISE: "I don't think the talks will succeed" is "I think
        // they will not": a negated verb of belief negates the cues after it
        // in its clause (unless step 3 already did)
        if !steps.iter().any(|s: &String| s.starts_with("negated"))
            && !negated_here
            && span_found & found::NEGATOR != 0
            && let Some(j) = (0..k)
                .rev()
                .take_while(|&j| ws[j].clause == ws[k].clause)
                .find(|&j| matches!(modifier[j], Some((Modifier::Belief, l)) if j + l <= k))
            && let Some(m) = (j.saturating_sub(BELIEF_NEGATION_WINDOW)..j)
                .rev()
                .find(|&m| {
                    ws[m].clause == ws[j].clause
                        && matches!(modifier[m], Some((Modifier::Negator, _)))
                })
        {
            if w > 0.0 {
                w = -w * NEGATED_OPTIMISM;
            } else {
                w = -w * NEGATED_CAUTION;
            }
            note!(detail, steps, format!("under {:?} {:?}", word(m), word(j)));
            from = from.min(m);
        }
        // 16. OVERCOME: "could withstand a severe recession", "we have
        // come through worse": the trouble named is what is overcome, unless
        // the coming through is negated ("could not cope with the
        // pressure") or itself doubted ("will take years to recover from")
        if w < 0.0
            && span_found & found::MODIFIER != 0
            && let Some(j) = (0..k)
                .rev()
                .take_while(|&j| ws[j].clause == ws[k].clause)
                .find(|&j| matches!(modifier[j], Some((Modifier::Overcome, l)) if j + l <= k))
        {
            let negated = (j.saturating_sub(NEGATION_WINDOW)..j).any(|m| {
                ws[m].clause == ws[j].clause && matches!(modifier[m], Some((Modifier::Negator, _)))
            });
            let doubted = cue_at
                .iter()
                .any(|&(x, cw)| cw < 0.0 && x < j && ws[x].clause == ws[j].clause);
            if !negated && !doubted {
                w = -w * OVERCOME_SCALE;
                note!(
                    detail,
                    steps,
                    format!("overcome by {:?} x-{OVERCOME_SCALE}", word(j))
                );
                from = from.min(j);
            }
        } else if w < 0.0
            && span_found & found::MODIFIER != 0
            && span_rules & rule::AUX != 0
            && let Some(j) = (k + len..n)
                .take_while(|&j| ws[j].clause == ws[k].clause)
                .find(|&j| matches!(modifier[j], Some((Modifier::Overcome, _))))
            && (j.saturating_sub(PASSIVE_WINDOW)..=j)
                .any(|m| m > k && m <= k + PASSIVE_SUBJECT_WINDOW && ws[m].is(rule::AUX))
            && !(k + 1..j).any(|m| matches!(modifier[m], Some((Modifier::Negator, _))))
            && !(0..j)
                .rev()
                .take_while(|&m| ws[m].clause == ws[k].clause)
                .any(|m| ws[m].is(rule::PENDING))
        {
            // the passive: "the backlog would be cleared", "the shortage was
            // resolved": the trouble is the subject of its remedy
            w = -w * OVERCOME_SCALE;
            note!(
                detail,
                steps,
                format!("overcome (passive) by {:?} x-{OVERCOME_SCALE}", word(j))
            );
        }
        // 4. HEDGE
        if w > 0.0
            && span_found & found::HEDGE != 0
            && let Some(j) = (0..k)
                .rev()
                .take_while(|&j| ws[j].clause == ws[k].clause)
                .find(|&j| matches!(modifier[j], Some((Modifier::Hedge(_), _))) && !in_tone[j])
        {
            w *= 1.0 - HEDGE_DAMPING;
            note!(
                detail,
                steps,
                format!("hedged by {:?} x{:.2}", word(j), 1.0 - HEDGE_DAMPING)
            );
        }
        // 5. CONDITION
        if span_found & found::CONDITIONAL != 0
            && (0..k)
                .rev()
                .take_while(|&j| ws[j].sentence == ws[k].sentence)
                .any(|j| {
                    matches!(modifier[j], Some((Modifier::Conditional, _)))
                        && !in_tone[j]
                        && (ws[j].clause == ws[k].clause || ws[j].clause + 1 == ws[k].clause)
                })
        {
            w *= CONDITIONAL_SCALE;
            note!(detail, steps, format!("conditional x{CONDITIONAL_SCALE}"));
        }
        // 6. CONTRAST
        let same_sentence = |x: usize| ws[x].sentence == ws[k].sentence;
        if contrast_at.iter().any(|&x| same_sentence(x) && x < k) {
            w *= CONTRAST_AFTER;
            note!(detail, steps, format!("after contrast x{CONTRAST_AFTER}"));
        } else if contrast_at.iter().any(|&x| same_sentence(x) && x > k) {
            w *= CONTRAST_BEFORE;
            note!(detail, steps, format!("before contrast x{CONTRAST_BEFORE}"));
        }
        // 7. QUESTION
        if questions[ws[k].sentence] && w > 0.0 {
            w *= QUESTION_DAMPING;
            note!(detail, steps, format!("question x{QUESTION_DAMPING}"));
        }
        // 14. DOUBT: hope inside the complement of a doubt ("not hopeful of a
        // breakthrough", "will take decades to recover") is what is doubted
        if w > 0.0
            && let Some((dc, from_word, noun)) = doubt_clause
            && dc == ws[k].clause
            // a noun's complement ends where the clause's verb begins: "the
            // shortage of nurses *is* easing" is hope about the shortage
            && !(noun && (from_word..k).any(|m| ws[m].is(rule::AUX)))
        {
            w *= DOUBTED_OPTIMISM;
            note!(detail, steps, format!("doubted x{DOUBTED_OPTIMISM}"));
        }
        // 20. FAILING: a good thing as the subject of trouble ("hope is
        // fading", "the recovery has stalled", "support for the project
        // has dried up") is what fails, not hope
        if w > 0.0
            && span_rules & rule::AUX != 0
            && let Some(&(p, _, pbase)) = tone_hits.get(hit + 1)
            && pbase < 0.0
            && p >= k + len
            && p - (k + len) <= FAILING_WINDOW
            && ws[p].clause == ws[k].clause
            && (p == k + len || {
                // over intensifiers to the auxiliary ("is *more* fragile")
                let before = (k + len..p).rev().find(|&m| {
                    !matches!(
                        modifier[m],
                        Some((Modifier::Intensifier(_) | Modifier::Diminisher(_), 1))
                    )
                });
                before.is_some_and(|m| ws[m].is(rule::AUX))
            })
        {
            w *= FAILING_SCALE;
            note!(
                detail,
                steps,
                format!("failing: subject of {:?} x{FAILING_SCALE}", word(p))
            );
        }
        if w < 0.0 && k + len < n && ws[k + len].clause == ws[k].clause {
            // the complement word after the cue, or ending it ("little sign
            // *of* a breakthrough", "too early *to* celebrate")
            let at = if ws[k + len].is(rule::DOUBT_COMPLEMENT) {
                Some(k + len)
            } else if len > 1 && ws[k + len - 1].is(rule::DOUBT_COMPLEMENT) {
                Some(k + len - 1)
            } else {
                None
            };
            if let Some(at) = at {
                doubt_clause = Some((ws[k].clause, at, ws[at].is(rule::NOUN_COMPLEMENT)));
            }
        }
        if w > 0.0 {
            o += w;
        } else {
            c -= w;
        }
        cue_at.push((k, w));
        if detail {
            hits.push(Hit {
                text: join(from, k + len),
                base,
                contribution: w,
                steps,
            });
        }
    }
    // Hedges add their own caution, once each (each word is visited once).
    if span_found & found::HEDGE != 0 {
        for k in 0..n {
            if let Some((Modifier::Hedge(v), _)) = modifier[k]
                && v > 0.0
                && !in_tone[k]
            {
                c += v;
                if detail {
                    hits.push(Hit {
                        text: word(k).to_string(),
                        base: -v,
                        contribution: -v,
                        steps: vec!["hedge".into()],
                    });
                }
            }
        }
    }
    // 9. COMMIT
    let mut committed_clause = usize::MAX;
    if span_rules & (rule::WE | rule::WE_WILL) != 0 {
        for k in 0..n {
            let first_person_will = ws[k].is(rule::WE_WILL)
                || (ws[k].is(rule::WE)
                    && k + 1 < n
                    && (ws[k + 1].is(rule::WILL)
                        || (k + 3 < n
                            && ws[k + 1].is(rule::ARE)
                            && ws[k + 2].is(rule::GOING)
                            && ws[k + 3].is(rule::TO))));
            // not when the words are already part of a cue ("we will get there")
            if !first_person_will || in_tone[k] || ws[k].clause == committed_clause {
                continue;
            }
            // "we'll" is one word, "we will" two
            let next = if ws[k].is(rule::WE_WILL) {
                k + 1
            } else {
                k + 2
            };
            let negated = (next..(next + 2).min(n))
                .any(|j| matches!(modifier[j], Some((Modifier::Negator, _))));
            let conditional = (0..k)
                .rev()
                .take_while(|&j| ws[j].sentence == ws[k].sentence)
                .any(|j| {
                    matches!(modifier[j], Some((Modifier::Conditional, _)))
                        && (ws[j].clause == ws[k].clause || ws[j].clause + 1 == ws[k].clause)
                });
            // a doubt over the whole future earlier in its clause ("I'm not sure
            // I'll see twenty", "nobody thinks we will") is no commitment
            let doubted = (0..k)
                .rev()
                .take_while(|&j| ws[j].clause == ws[k].clause)
                .any(|j| matches!(modifier[j], Some((Modifier::Negator, _))));
            if negated || conditional || doubted || questions[ws[k].sentence] {
                continue;
            }
            committed_clause = ws[k].clause;
            o += COMMITMENT_WEIGHT;
            if detail {
                hits.push(Hit {
                    text: join(k, next.min(n)),
                    base: COMMITMENT_WEIGHT,
                    contribution: COMMITMENT_WEIGHT,
                    steps: vec!["first-person commitment".into()],
                });
            }
        }
    }
    // Once per question sentence that has words: sentences are numbered in
    // order and a new one starts only after a word, so those are the
    // sentences up to the last word's.
    for (si, q) in questions.iter().enumerate() {
        if *q && n > 0 && si <= ws[n - 1].sentence {
            c += QUESTION_CAUTION;
            if detail {
                hits.push(Hit {
                    text: "?".into(),
                    base: -QUESTION_CAUTION,
                    contribution: -QUESTION_CAUTION,
                    steps: vec!["question".into()],
                });
            }
        }
    }
    // Sentiment, and 8. SPILL into tone from sentiment words that are not cues.
    // S2 needs to know whether the whole stretch is in capitals (a headline,
    // a shout throughout): then capitals single nothing out.
    let all_shouting = std::cell::OnceCell::new();
    let all_shouting = || *all_shouting.get_or_init(|| ws.iter().all(|w| !has_lower(doc, w.token)));
    let mut k = 0;
    // from one word where a sentiment entry starts to the next
    let mut next_start = senti_starts.iter().copied().peekable();
    while k < n {
        while next_start.next_if(|&p| p < k).is_some() {}
        match next_start.peek() {
            Some(&p) => k = p,
            None => break,
        }
        let Some((id, len)) = senti_at(k) else {
            k += 1;
            continue;
        };
        let e = &lx.sentiment.entries[id as usize];
        let mut v = e.weight;
        if k > 0 && ws[k - 1].clause == ws[k].clause {
            match modifier[k - 1] {
                Some((Modifier::Intensifier(x), 1)) => v *= 1.0 + x,
                Some((Modifier::Diminisher(x), 1)) => v *= 1.0 - x,
                _ => {}
            }
        }
        let lo = k.saturating_sub(NEGATION_WINDOW + 1);
        let negated = (lo..k).any(|j| {
            ws[j].clause == ws[k].clause
                && matches!(modifier[j], Some((Modifier::Negator, l)) if j + l <= k)
        });
        // S2 CAPS: shouted among lower-case words
        let caps = shouted(doc, ws[k].token) && !all_shouting();
        if caps {
            v += v.signum() * CAPS_EMPHASIS;
        }
        if negated {
            v *= SENTIMENT_NEGATION;
        }
        let same = |x: usize| ws[x].sentence == ws[k].sentence;
        if contrast_at.iter().any(|&x| same(x) && x < k) {
            v *= SENTIMENT_CONTRAST_AFTER;
        } else if contrast_at.iter().any(|&x| same(x) && x > k) {
            v *= SENTIMENT_CONTRAST_BEFORE;
        }
        s += v;
        if !(k..k + len).any(|j| in_tone[j]) && SENTIMENT_SPILL > 0.0 {
            let t = v / 4.0 * SENTIMENT_SPILL;
            if t > 0.0 {
                o += t;
            } else {
                c -= t;
            }
            if detail {
                hits.push(Hit {
                    text: format!("~{}", join(k, k + len)),
                    base: e.weight,
                    contribution: t,
                    steps: vec![if caps {
                        format!("sentiment {v:+.1} (S2 caps +{CAPS_EMPHASIS}) spills x{SENTIMENT_SPILL}/4")
                    } else {
                        format!("sentiment {v:+.1} spills x{SENTIMENT_SPILL}/4")
                    }],
                });
            }
        }
        k += len;
    }
    // 11. NOT-CONTRAST
    // only a "not" or a "so" can be one: test the bits before the clauses
    if span_rules & (rule::NOT | rule::SO) != 0
        && let Some(k) =
            (1..n).find(|&k| ws[k].is(rule::NOT | rule::SO) && not_contrast_at(ws, in_tone, k))
    {
        // never more than NOT_CONTRAST_CAP of the gap: the sign stays
        let add = NOT_CONTRAST_WEIGHT.min((o - c).abs() * NOT_CONTRAST_CAP);
        let (to_o, to_c) = if o < c {
            (add, 0.0)
        } else if c < o {
            (0.0, add)
        } else {
            (NOT_CONTRAST_WEIGHT, NOT_CONTRAST_WEIGHT)
        };
        o += to_o;
        c += to_c;
        let end = (k + 2).min(n);
        for (w, side) in [(to_o, "optimism"), (-to_c, "caution")] {
            if w != 0.0 && detail {
                hits.push(Hit {
                    text: join(k - 1, end),
                    base: w,
                    contribution: w,
                    steps: vec![format!("X, not Y: {w:+.2} to the weaker side ({side})")],
                });
            }
        }
    }
    // 12. TURN
    if let Some((x, side)) = contrast_turn(ws, in_tone, contrast_at, cue_at) {
        let (to_o, to_c) = if side > 0.0 {
            (CONTRAST_TURN_WEIGHT, 0.0)
        } else {
            (0.0, CONTRAST_TURN_WEIGHT)
        };
        o += to_o;
        c += to_c;
        if detail {
            let w = to_o - to_c;
            hits.push(Hit {
                text: word(x).to_string(),
                base: w,
                contribution: w,
                steps: vec![format!(
                    "turn: {:?} after one side, nothing after it leans back: {w:+.2} to the other side",
                    word(x)
                )],
            });
        }
    }
    // 19. DENIAL
    if o == 0.0 && c == 0.0 && span_found & found::NEGATOR != 0 {
        c += DENIAL_CAUTION;
        if detail && let Some(w) = ws.iter().find(|w| w.has(found::NEGATOR)) {
            hits.push(Hit {
                text: doc.tok(w.token).to_string(),
                base: -DENIAL_CAUTION,
                contribution: -DENIAL_CAUTION,
                steps: vec![format!(
                    "denial: a negator and no other cue: -{DENIAL_CAUTION} (caution)"
                )],
            });
        }
    }
    // S1-S3: emoticons, then exclamation marks, on the words' sentiment
    let (emoticons, emo_hits) = emoticons_in(doc, prep, a, b, detail);
    hits.extend(emo_hits);
    let s = exclaim(prep, a, b, s + emoticons, detail.then_some(&mut hits));
    finish(o, c, s, hits)
}

/// A word with a lower-case letter.
fn has_lower(doc: &Document, t: usize) -> bool {
    doc.tok(t).chars().any(char::is_lowercase)
}

/// Step S2: a word of at least two letters, all capitals ("GREAT", not "I"
/// or "A").
fn shouted(doc: &Document, t: usize) -> bool {
    if !doc.tokens[t].cap {
        return false;
    }
    let w = doc.tok(t);
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !has_lower(doc, t)
}

/// Step S1: the valence of the emoticons and emoji among tokens `[a, b)`.
fn emoticons_in(
    doc: &Document,
    prep: &Prepared,
    a: usize,
    b: usize,
    detail: bool,
) -> (f32, Vec<Hit>) {
    let from = prep.emoticons.partition_point(|&(t, _)| (t as usize) < a);
    let mut sum = 0.0;
    let mut hits = Vec::new();
    for &(t, v) in prep.emoticons[from..]
        .iter()
        .take_while(|&&(t, _)| (t as usize) < b)
    {
        sum += v;
        if detail {
            let tok = &doc.tokens[t as usize];
            let rest = &doc.text[tok.span.start..];
            let shown = rest
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches(['.', ',', '!', '?', ';', '"', '\'', '”', '’']);
            hits.push(Hit {
                text: shown.to_string(),
                base: v,
                contribution: 0.0,
                steps: vec![format!("S1 emoticon: sentiment {v:+.1}")],
            });
        }
    }
    (sum, hits)
}

/// Step S3 EXCLAIM: each exclamation mark among tokens `[a, b)`, up to
/// [`EXCLAIM_MAX`], makes the sentiment sum `s` stronger by
/// [`EXCLAIM_EMPHASIS`] in its own direction ("great!!!"); it adds nothing
/// to a sum of zero.
fn exclaim(prep: &Prepared, a: usize, b: usize, s: f32, hits: Option<&mut Vec<Hit>>) -> f32 {
    if s == 0.0 {
        return s;
    }
    let from = prep.exclamations.partition_point(|&t| (t as usize) < a);
    let n = prep.exclamations[from..]
        .iter()
        .take_while(|&&t| (t as usize) < b)
        .count()
        .min(EXCLAIM_MAX);
    let add = s.signum() * EXCLAIM_EMPHASIS * n as f32;
    if let Some(hits) = hits
        && n > 0
    {
        hits.push(Hit {
            text: "!".repeat(n),
            base: add,
            contribution: 0.0,
            steps: vec![format!("S3 exclaim: sentiment {add:+.1}")],
        });
    }
    s + add
}

/// Rule 12: the first contrast word ("but", "though" ...) of the statement
/// whose earlier words lean one way (net tone cues before it) while the rest
/// of its sentence, at least [`TURN_MIN_WORDS`] words, has no cue leaning the
/// other way: "It's a good start, but it won't survive on goodwill alone".
/// The turn itself signals the reservation (or the consolation) the plain
/// words after it carry; returns the contrast word and the sign to add.
fn contrast_turn(
    ws: &[W],
    in_tone: &[bool],
    contrast_at: &[usize],
    cue_at: &[(usize, f32)],
) -> Option<(usize, f32)> {
    let n = ws.len();
    // "while" is as often a time as a contrast
    let &x = contrast_at.iter().find(|&&x| !ws[x].is(rule::WHILE))?;
    // what leans before: the contrast word's own sentence, or the sentence
    // before it when the contrast opens its sentence ("... wrong. But we were promised")
    let opens = x == 0 || ws[x - 1].sentence != ws[x].sentence;
    let from_sentence = if opens {
        ws[x].sentence.saturating_sub(1)
    } else {
        ws[x].sentence
    };
    let before: f32 = cue_at
        .iter()
        .filter(|&&(k, _)| k < x && ws[k].sentence >= from_sentence)
        .map(|&(_, w)| w)
        .sum();
    if before == 0.0 {
        return None;
    }
    let end = (x + 1..n)
        .find(|&j| ws[j].sentence != ws[x].sentence)
        .unwrap_or(n);
    if end - (x + 1) < TURN_MIN_WORDS || not_contrast_at(ws, in_tone, x + 1) {
        return None;
    }
    let against = cue_at
        .iter()
        .any(|&(k, w)| k > x && k < end && w * before < 0.0);
    if against {
        return None;
    }
    Some((x, -before.signum()))
}

/// Whether the comparative nearest before "than" at `t` (within
/// [`EXPECT_MORE_WINDOW`] words: "more data than we had hoped") is one of
/// increase ([`EXPECT_MORE`]) rather than of decrease ("less", "fewer" ...).
fn more_before_than(ws: &[W], t: usize) -> bool {
    (t.saturating_sub(EXPECT_MORE_WINDOW)..t)
        .rev()
        .find_map(|j| {
            if ws[j].is(rule::MORE) {
                Some(true)
            } else if ws[j].is(rule::LESS_THAN) {
                Some(false)
            } else {
                None
            }
        })
        .unwrap_or(false)
}

/// Whether word `k` is the "not" (or "less so") of an "X, not Y" contrast or
/// an elliptic denial closing a clause (rule 11).
fn not_contrast_at(ws: &[W], in_tone: &[bool], k: usize) -> bool {
    let n = ws.len();
    if k == 0 || in_tone[k] || ws[k - 1].sentence != ws[k].sentence {
        return false;
    }
    let clause_start = ws[k - 1].clause != ws[k].clause;
    let clause_end = k + 1 == n || ws[k + 1].clause != ws[k].clause;
    // something before, in an earlier clause of the same sentence; only the
    // elliptic denials need it, and scanning back for every word made this
    // test quadratic in the span, so it is asked only when they do
    let earlier_clause = || {
        ws[..k]
            .iter()
            .any(|w| w.sentence == ws[k].sentence && w.clause < ws[k].clause)
    };
    if ws[k].is(rule::NOT) {
        if k + 1 < n && ws[k + 1].is(rule::NOT_ONLY) && !clause_end {
            return false;
        }
        // ", not Y" or "but not Y"
        ((clause_start || ws[k - 1].is(rule::BUT)) && !clause_end)
            // "; the pace is not"
            || (clause_end && ws[k - 1].is(rule::COPULA) && earlier_clause())
    } else if ws[k].is(rule::SO) {
        // "the detail less so"
        ws[k - 1].is(rule::LESS) && clause_end && earlier_clause()
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::parse;

    fn sc(s: &str) -> Score {
        let lx = Lexicons::built_in().unwrap();
        let d = parse(s.to_string());
        let p = prepare(&d, &lx);
        score_tokens(&d, &lx, &p, 0, d.tokens.len())
    }

    #[test]
    fn hundredths_print_like_the_float_formatter() {
        let mut xs = vec![
            0.0f32, -0.0, 0.125, -0.125, 0.375, 0.005, -0.005, 0.62, -0.41,
        ];
        xs.extend([f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 1e20, -3.5e16]);
        // every eighth (ties among them) and its neighbours, and hundredths
        for m in -2000..2000 {
            let x = m as f32 / 8.0;
            xs.extend([x, f32::from_bits(x.to_bits() + 1), m as f32 / 100.0]);
        }
        for x in xs {
            let mut s = String::new();
            signed_hundredths(&mut s, x);
            assert_eq!(s, format!("{x:+.2}"), "{x:e}");
        }
    }

    #[test]
    fn labels_follow_thresholds() {
        assert_eq!(label_for(0.6, 0.0), Label::Optimistic);
        assert_eq!(label_for(0.0, 0.5), Label::Cautious);
        assert_eq!(label_for(0.5, 0.4), Label::Mixed);
        assert_eq!(label_for(0.02, 0.0), Label::Neutral);
    }

    #[test]
    fn scores_stay_in_range() {
        let s = sc("very very optimistic hopeful confident breakthrough progress success");
        assert!(s.optimism > 0.0 && s.optimism <= 1.0 && s.caution >= 0.0);
        assert!((-1.0..=1.0).contains(&s.stance) && (-1.0..=1.0).contains(&s.sentiment));
    }
}
