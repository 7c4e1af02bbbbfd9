//! Properties that must hold for any text: analysis never panics, offsets
//! always slice the article, statements never overlap, output is
//! deterministic.

use proptest::prelude::*;
use stance::analyze::analyze;
use stance::lexicons::Lexicons;

fn lexicons() -> &'static Lexicons {
    static LX: std::sync::OnceLock<Lexicons> = std::sync::OnceLock::new();
    LX.get_or_init(|| Lexicons::built_in().unwrap())
}

/// News-like text: words, names, quote marks of every kind, punctuation,
/// newlines, and arbitrary Unicode mixed in.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("said".to_string()),
        Just("told reporters".to_string()),
        Just("according to".to_string()),
        Just("Anna Kowal".to_string()),
        Just("the minister".to_string()),
        Just("he".to_string()),
        Just("She".to_string()),
        Just("that".to_string()),
        Just("not optimistic".to_string()),
        Just("but".to_string()),
        prop::sample::select(vec![
            "\"", "'", "“", "”", "‘", "’", "«", "»", "„", ",", ".", "?", ":", "\n", "\n\n", " ",
            "—", "(", ")"
        ])
        .prop_map(str::to_string),
        "[a-zA-Z]{1,8}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

fn check(text: &str) {
    let lx = lexicons();
    let a = analyze(text, lx);
    let chars: Vec<char> = text.chars().collect();
    let mut last_end = 0usize;
    for s in &a.statements {
        assert!(s.start <= s.end && s.end <= chars.len());
        let by_chars: String = chars[s.start..s.end].iter().collect();
        assert_eq!(by_chars, &text[s.content.start..s.content.end]);
        assert!(s.start >= last_end, "statements overlap");
        last_end = s.end;
        for v in [s.score.optimism, s.score.caution] {
            assert!((0.0..=1.0).contains(&v));
        }
        assert!(
            (-1.0..=1.0).contains(&s.score.stance) && (-1.0..=1.0).contains(&s.score.sentiment)
        );
    }
    let b = analyze(text, lx);
    let key = |a: &stance::analyze::Analysis| {
        a.statements
            .iter()
            .map(|s| (s.start, s.end, s.speaker.clone(), s.score.stance.to_bits()))
            .collect::<Vec<_>>()
    };
    assert_eq!(key(&a), key(&b), "deterministic");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode_text(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn news_like_text(text in newsy()) {
        check(&text);
    }
}
