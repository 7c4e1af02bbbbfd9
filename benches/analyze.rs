//! Micro-benchmarks (divan) for the analysis of one article and its hot
//! stages. Run with `cargo bench`; not part of the test suite. The
//! whole-process throughput benchmark is `scripts/bench.sh`.

use stance::analyze::analyze;
use stance::lexicons::Lexicons;

fn main() {
    divan::main();
}

fn lexicons() -> &'static Lexicons {
    static LX: std::sync::OnceLock<Lexicons> = std::sync::OnceLock::new();
    LX.get_or_init(|| Lexicons::built_in().unwrap())
}

fn article() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    std::fs::read_to_string(&paths[0]).unwrap()
}

#[divan::bench]
fn load_lexicons() -> Lexicons {
    Lexicons::built_in().unwrap()
}

#[divan::bench]
fn tokenize_and_quotes(b: divan::Bencher) {
    let text = article();
    b.counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| stance::text::parse(divan::black_box(text.clone())));
}

#[divan::bench]
fn tone_lookups(b: divan::Bencher) {
    let text = article();
    let lx = lexicons();
    let doc = stance::text::parse(text.clone());
    b.counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| stance::tone::prepare(divan::black_box(&doc), lx));
}

#[divan::bench]
fn attribution(b: divan::Bencher) {
    let text = article();
    let lx = lexicons();
    let doc = stance::text::parse(text.clone());
    b.counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| stance::attribution::attribute(divan::black_box(&doc), lx));
}

#[divan::bench]
fn analyze_article(b: divan::Bencher) {
    let text = article();
    let lx = lexicons();
    b.counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| analyze(divan::black_box(&text), lx));
}
