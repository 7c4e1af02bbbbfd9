//! Fuzz the analysis of one article: any bytes, decoded as the readers do.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stance::analyze::analyze;
use stance::lexicons::Lexicons;

fn lexicons() -> &'static Lexicons {
    static LX: std::sync::OnceLock<Lexicons> = std::sync::OnceLock::new();
    LX.get_or_init(|| Lexicons::built_in().unwrap())
}

fuzz_target!(|data: &[u8]| {
    let Ok((text, _)) = stance::input::decode(data) else { return };
    let a = analyze(&text, lexicons());
    let chars: Vec<char> = text.chars().collect();
    let mut last = 0;
    for s in &a.statements {
        assert!(s.start >= last && s.end <= chars.len());
        let c: String = chars[s.start..s.end].iter().collect();
        assert_eq!(c, &text[s.content.start..s.content.end]);
        last = s.end;
    }
});
