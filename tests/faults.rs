//! Faults and dirty input: interrupted runs, existing output folders, and
//! input that must not stop or corrupt a run.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// A JSONL corpus of `n` articles built from the project's samples.
fn corpus(n: usize) -> std::path::PathBuf {
    let dir = temp_dir("corpus");
    let mut texts = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for p in paths {
        texts.push(std::fs::read_to_string(p).unwrap());
    }
    let mut s = String::new();
    for i in 0..n {
        let t = &texts[i % texts.len()];
        s.push_str(&serde_json::json!({"id": format!("a{i:05}"), "text": t}).to_string());
        s.push('\n');
    }
    let f = dir.join("corpus.jsonl");
    std::fs::write(&f, s).unwrap();
    f
}

fn run_ok(args: &[&str]) {
    let o = stance(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn tables(dir: &std::path::Path) -> Vec<Vec<u8>> {
    ["statements.csv", "speakers.csv", "articles.csv"]
        .iter()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect()
}

#[test]
fn existing_results_are_refused_unless_force_or_resume() {
    let input = corpus(3);
    let out = temp_dir("exist");
    let o = out.to_str().unwrap();
    run_ok(&["score", "--quiet", "--out", o, input.to_str().unwrap()]);
    let again = stance(&["score", "--quiet", "--out", o, input.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    std::fs::write(out.join("articles/stale.csv"), "old").unwrap();
    run_ok(&[
        "score",
        "--quiet",
        "--force",
        "--out",
        o,
        input.to_str().unwrap(),
    ]);
    assert!(
        !out.join("articles/stale.csv").exists(),
        "--force starts over"
    );
    assert!(
        !out.join(".stance-journal.jsonl").exists(),
        "journal removed after a complete run"
    );
}

#[test]
fn killed_run_leaves_no_partial_file_and_resume_matches_a_clean_run() {
    let input = corpus(2500);
    let clean = temp_dir("clean");
    run_ok(&[
        "score",
        "--quiet",
        "--threads",
        "1",
        "--out",
        clean.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);

    let out = temp_dir("killed");
    let mut child = Command::new(env!("CARGO_BIN_EXE_stance"))
        .args([
            "score",
            "--quiet",
            "--threads",
            "1",
            "--out",
            out.to_str().unwrap(),
            input.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some articles are done, then kill without warning.
    let t0 = Instant::now();
    let journal = out.join(".stance-journal.jsonl");
    while std::fs::metadata(&journal).map(|m| m.len()).unwrap_or(0) < 50_000
        && t0.elapsed() < Duration::from_secs(20)
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "the run should have been killed midway");
    for f in ["statements.csv", "speakers.csv", "articles.csv"] {
        assert!(
            !out.join(f).exists(),
            "{f} must not exist under its final name after a kill"
        );
    }
    let files: Vec<_> = std::fs::read_dir(out.join("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(
        !files.is_empty() && files.len() < 2500,
        "killed midway: {} files",
        files.len()
    );
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue; // a temporary file, never a final name
        }
        let want = std::fs::read(clean.join("articles").join(&name)).unwrap();
        assert_eq!(std::fs::read(f).unwrap(), want, "{name} is complete");
    }
    run_ok(&[
        "score",
        "--quiet",
        "--resume",
        "--threads",
        "2",
        "--out",
        out.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(
        tables(&out),
        tables(&clean),
        "resumed tables equal a clean run"
    );
    let n = std::fs::read_dir(out.join("articles"))
        .unwrap()
        .filter(|e| {
            !e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with('.')
        })
        .count();
    assert_eq!(n, 2500);
}

#[test]
fn dirty_files_are_decoded_or_reported() {
    let dir = temp_dir("dirty");
    let d = dir.join("in");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(
        d.join("a_bom.txt"),
        b"\xEF\xBB\xBF\"We won,\" said Ana Lima.",
    )
    .unwrap();
    let mut u16 = vec![0xFF, 0xFE];
    for c in "\"We won,\" said Ana Lima.".encode_utf16() {
        u16.extend_from_slice(&c.to_le_bytes());
    }
    std::fs::write(d.join("b_utf16.txt"), u16).unwrap();
    std::fs::write(
        d.join("c_latin1.txt"),
        b"\"Caf\xe9 prices will fall,\" said Jos\xe9 Ruiz.",
    )
    .unwrap();
    std::fs::write(
        d.join("d_badbyte.txt"),
        b"\"Prices will fall sharply this year \xff,\" said Ana Lima, the economist.",
    )
    .unwrap();
    std::fs::write(d.join("e_binary.txt"), b"\x00\x01\x02PK\x03\x04").unwrap();
    std::fs::write(d.join("f_empty.txt"), b"").unwrap();
    std::fs::write(d.join("g_space.txt"), b"   \n\t\n").unwrap();
    std::fs::write(
        d.join("h_crlf.txt"),
        b"Headline here\r\n\"It works,\" said Ana Lima.\r\n",
    )
    .unwrap();
    std::fs::write(d.join("i_quotes.txt"), "\"\"\"“”‘’'«»„\n\"\"".as_bytes()).unwrap();
    let out = temp_dir("dirty-out");
    let o = stance(&[
        "score",
        "--quiet",
        "--out",
        out.to_str().unwrap(),
        d.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "the binary file fails, the rest goes on"
    );
    let arts = read_csv(&out.join("articles.csv"));
    let by: std::collections::HashMap<_, _> = arts
        .iter()
        .map(|r| (r["article_id"].clone(), r.clone()))
        .collect();
    assert_eq!(by.len(), 9);
    assert_eq!(by["e_binary"]["status"], "error");
    assert!(by["c_latin1"]["error"].contains("Latin-1"));
    assert!(by["d_badbyte"]["error"].contains("invalid UTF-8"));
    for id in [
        "a_bom",
        "b_utf16",
        "c_latin1",
        "d_badbyte",
        "f_empty",
        "g_space",
        "h_crlf",
        "i_quotes",
    ] {
        assert_eq!(by[id]["status"], "ok", "{id}");
    }
    let st = read_csv(&out.join("statements.csv"));
    let spk = |id: &str| {
        st.iter()
            .filter(|r| r["article_id"] == id)
            .map(|r| r["speaker"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(spk("a_bom"), vec!["Ana Lima"]);
    assert_eq!(spk("b_utf16"), vec!["Ana Lima"]);
    assert_eq!(spk("c_latin1"), vec!["José Ruiz"]);
    assert_eq!(spk("h_crlf"), vec!["Ana Lima"]);
    // offsets of the CRLF article index the text as read
    let row = st.iter().find(|r| r["article_id"] == "h_crlf").unwrap();
    let text: Vec<char> = "Headline here\r\n\"It works,\" said Ana Lima.\r\n"
        .chars()
        .collect();
    let (a, b): (usize, usize) = (row["start"].parse().unwrap(), row["end"].parse().unwrap());
    assert_eq!(text[a..b].iter().collect::<String>(), "It works,");
}

#[test]
fn huge_article_and_long_line_without_punctuation() {
    let dir = temp_dir("huge");
    let para = "“We are confident the talks will succeed,” said Ana Lima, the negotiator. Analysts said the outlook was uncertain.\n";
    let big: String = para.repeat(50 * 1024 * 1024 / para.len());
    std::fs::write(dir.join("big.txt"), &big).unwrap();
    std::fs::write(dir.join("line.txt"), "word ".repeat(200_000)).unwrap();
    let out = temp_dir("huge-out");
    let o = stance(&[
        "score",
        "--quiet",
        "--no-article-files",
        "--out",
        out.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let arts = read_csv(&out.join("articles.csv"));
    assert_eq!(arts.len(), 2);
    let n: usize = arts[0]["n_statements"].parse().unwrap();
    assert_eq!(n, 2 * (50 * 1024 * 1024 / para.len()));
}

#[test]
fn a_panic_in_one_article_becomes_its_error_row() {
    let dir = temp_dir("panic");
    let input = dir.join("in.jsonl");
    std::fs::write(
        &input,
        "{\"id\":\"ok1\",\"text\":\"Analysts said rates would fall.\"}\n\
         {\"id\":\"boom\",\"text\":\"<<stance-test-panic>>\"}\n\
         {\"id\":\"ok2\",\"text\":\"Officials said the road was open.\"}\n",
    )
    .unwrap();
    let out = temp_dir("panic-out");
    let o = Command::new(env!("CARGO_BIN_EXE_stance"))
        .args([
            "score",
            "--quiet",
            "--out",
            out.to_str().unwrap(),
            input.to_str().unwrap(),
        ])
        .env("STANCE_TEST_PANIC", "1")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let arts = read_csv(&out.join("articles.csv"));
    let status: Vec<_> = arts
        .iter()
        .map(|r| (r["article_id"].clone(), r["status"].clone()))
        .collect();
    assert_eq!(
        status,
        vec![
            ("ok1".into(), "ok".into()),
            ("boom".into(), "error".into()),
            ("ok2".into(), "ok".into())
        ]
    );
    assert!(arts[1]["error"].contains("internal error"));
    assert_eq!(read_csv(&out.join("statements.csv")).len(), 2);
}

#[test]
fn csv_fields_round_trip_and_excel_adds_a_bom() {
    let dir = temp_dir("rfc");
    let input = dir.join("in.jsonl");
    let title = "Line one\nline \"two\", with comma";
    std::fs::write(&input, serde_json::json!({"id": "q", "title": title, "text": "“He said \"no\", twice,” Ana Lima said."}).to_string() + "\n").unwrap();
    let out = temp_dir("rfc-out");
    let o = stance(&[
        "score",
        "--quiet",
        "--excel",
        "--out",
        out.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let raw = std::fs::read(out.join("articles.csv")).unwrap();
    assert!(
        raw.starts_with("\u{feff}".as_bytes()),
        "--excel writes a byte-order mark"
    );
    let mut r = csv::Reader::from_reader(&raw[3..]);
    let rec = r.records().next().unwrap().unwrap();
    assert_eq!(&rec[2], title);
}

#[test]
fn malformed_csv_rows_become_error_rows() {
    let dir = temp_dir("badcsv");
    let input = dir.join("arts.csv");
    std::fs::write(&input, b"id,text\nx1,\"Officials said the road was open.\"\nx2\nx3,\"Bad \xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8 bytes and more bad \xff\xff\xff\xff\xff\"\nx4,Analysts said costs would rise.\n").unwrap();
    let out = temp_dir("badcsv-out");
    let o = stance(&[
        "score",
        "--quiet",
        "--out",
        out.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let arts = read_csv(&out.join("articles.csv"));
    let ids: Vec<_> = arts
        .iter()
        .map(|r| (r["article_id"].clone(), r["status"].clone()))
        .collect();
    assert_eq!(ids[0], ("x1".into(), "ok".into()));
    assert_eq!(ids[1], ("x2".into(), "error".into()));
    assert!(arts[1]["source"].ends_with(":3"), "{}", arts[1]["source"]);
    assert_eq!(ids[3], ("x4".into(), "ok".into()));
    assert_eq!(arts.len(), 4);
}
