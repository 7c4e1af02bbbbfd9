//! Fuzz the input readers: the first byte picks JSONL, CSV or a text file;
//! every record read is analysed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stance::input::{Input, csv_rows, decode, jsonl};
use stance::lexicons::Lexicons;

fn lexicons() -> &'static Lexicons {
    static LX: std::sync::OnceLock<Lexicons> = std::sync::OnceLock::new();
    LX.get_or_init(|| Lexicons::built_in().unwrap())
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else { return };
    let rest = rest.to_vec();
    let inputs: Vec<Input> = match kind % 3 {
        0 => jsonl(Box::new(std::io::Cursor::new(rest)), "f.jsonl".into(), "f".into()).take(1000).collect(),
        1 => csv_rows(std::io::Cursor::new(rest), "f.csv".into(), "f".into()).take(1000).collect(),
        _ => match decode(&rest) {
            Ok((text, _)) => vec![Input::Ok(stance::input::Article {
                id: "f".into(),
                source: "f.txt".into(),
                title: String::new(),
                date: String::new(),
                text,
                warning: String::new(),
            })],
            Err(_) => Vec::new(),
        },
    };
    for i in inputs {
        if let Input::Ok(a) = i {
            let _ = stance::analyze::analyze(&a.text, lexicons());
        }
    }
});
