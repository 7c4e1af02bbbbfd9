//! End-to-end tests of the `stance` binary on the project's own articles.

mod common;

use std::collections::HashMap;

use common::*;

fn score_dir(args: &[&str]) -> (std::path::PathBuf, std::process::Output) {
    let out = temp_dir("score");
    let mut a = vec!["score", "--quiet", "--out", out.to_str().unwrap()];
    a.extend_from_slice(args);
    let o = stance(&a);
    (out, o)
}

#[test]
fn scores_the_samples_with_the_output_contract() {
    let samples = root().join("samples");
    let (out, o) = score_dir(&[samples.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        header(&out.join("statements.csv")),
        "article_id,statement_id,speaker,speaker_type,speaker_title,speaker_mention,kind,cue,start,end,text,optimism,caution,stance,sentiment,label,cues"
            .split(',')
            .collect::<Vec<_>>()
    );
    assert_eq!(
        header(&out.join("speakers.csv")),
        "speaker,speaker_type,speaker_title,n_articles,n_statements,optimism_mean,caution_mean,stance_mean,stance_sd,sentiment_mean,label"
            .split(',')
            .collect::<Vec<_>>()
    );
    assert_eq!(
        header(&out.join("articles.csv")),
        "article_id,source,title,date,n_sentences,n_statements,n_speakers,optimism,caution,stance,sentiment,status,error"
            .split(',')
            .collect::<Vec<_>>()
    );
    let articles = read_csv(&out.join("articles.csv"));
    assert_eq!(articles.len(), 5);
    let statements = read_csv(&out.join("statements.csv"));
    assert!(
        statements.len() >= 40,
        "only {} statements",
        statements.len()
    );
    // one file per article, named by the id (path relative to the input dir)
    for a in &articles {
        assert_eq!(a["status"], "ok");
        let f = out
            .join("articles")
            .join(format!("{}.csv", a["article_id"]));
        let rows = read_csv(&f);
        assert_eq!(rows.len().to_string(), a["n_statements"]);
    }
    // offsets: text == article[start:end] in Unicode scalar values
    let mut texts: HashMap<String, Vec<char>> = HashMap::new();
    for e in std::fs::read_dir(&samples).unwrap() {
        let p = e.unwrap().path();
        let id = p.file_stem().unwrap().to_string_lossy().into_owned();
        texts.insert(id, std::fs::read_to_string(&p).unwrap().chars().collect());
    }
    for s in &statements {
        let t = &texts[&s["article_id"]];
        let (a, b): (usize, usize) = (s["start"].parse().unwrap(), s["end"].parse().unwrap());
        let slice: String = t[a..b].iter().collect();
        let shown = s["text"]
            .strip_prefix('\'')
            .filter(|_| s["text"].starts_with("'-") || s["text"].starts_with("'="))
            .unwrap_or(&s["text"]);
        assert_eq!(
            slice, shown,
            "offsets of statement {} in {}",
            s["statement_id"], s["article_id"]
        );
        for col in ["optimism", "caution"] {
            let v: f64 = s[col].parse().unwrap();
            assert!((0.0..=1.0).contains(&v));
        }
        let st: f64 = s["stance"].parse().unwrap();
        assert!((-1.0..=1.0).contains(&st));
        assert!(["optimistic", "cautious", "mixed", "neutral"].contains(&s["label"].as_str()));
        assert!(["direct", "indirect", "mixed"].contains(&s["kind"].as_str()));
    }
}

#[test]
fn output_is_identical_for_one_and_two_threads() {
    let samples = root().join("samples");
    let fixtures = root().join("tests/fixtures/annotated.jsonl");
    let (a, _) = score_dir(&[
        "--threads",
        "1",
        samples.to_str().unwrap(),
        fixtures.to_str().unwrap(),
    ]);
    let (b, _) = score_dir(&[
        "--threads",
        "2",
        samples.to_str().unwrap(),
        fixtures.to_str().unwrap(),
    ]);
    for f in ["statements.csv", "speakers.csv", "articles.csv"] {
        assert_eq!(
            std::fs::read(a.join(f)).unwrap(),
            std::fs::read(b.join(f)).unwrap(),
            "{f} differs"
        );
    }
}

#[test]
fn jsonl_errors_become_rows_and_the_run_goes_on() {
    let dir = temp_dir("jsonl");
    let input = dir.join("in.jsonl");
    std::fs::write(
        &input,
        "{\"id\": \"a\", \"text\": \"\\\"We will win,\\\" Anna Kowal said.\", \"title\": \"T\"}\n\
         {not json\n\
         {\"id\": \"b\"}\n\
         {\"id\": \"a\", \"text\": \"Analysts said the outlook was bleak.\"}\n",
    )
    .unwrap();
    let (out, o) = score_dir(&[input.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "some articles failed -> exit 1");
    let arts = read_csv(&out.join("articles.csv"));
    let ids: Vec<&str> = arts.iter().map(|r| r["article_id"].as_str()).collect();
    assert_eq!(ids, vec!["a", "in-2", "b", "a~2"]);
    let status: Vec<&str> = arts.iter().map(|r| r["status"].as_str()).collect();
    assert_eq!(status, vec!["ok", "error", "error", "ok"]);
    assert!(arts[1]["error"].contains("malformed JSON"));
    assert!(arts[1]["source"].ends_with(":2"));
    assert!(arts[2]["error"].contains("text"));
    assert_eq!(arts[0]["title"], "T");
    // duplicate id kept under a distinct name, nothing overwritten
    assert!(out.join("articles/a.csv").exists() && out.join("articles/a~2.csv").exists());
    let st = read_csv(&out.join("statements.csv"));
    assert_eq!(st[0]["speaker"], "Anna Kowal");
    assert_eq!(st[0]["text"], "We will win,");
    assert_eq!(st[1]["speaker"], "analysts");
}

#[test]
fn csv_input_and_stdin_jsonl() {
    let dir = temp_dir("csvin");
    let input = dir.join("arts.csv");
    std::fs::write(
        &input,
        "id,text\nx1,\"The minister, Jan Berg, said the plan was \"\"a disaster\"\".\"\n",
    )
    .unwrap();
    let (out, o) = score_dir(&[input.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let st = read_csv(&out.join("statements.csv"));
    assert_eq!(st.len(), 1);
    assert_eq!(st[0]["speaker"], "Jan Berg");
    assert_eq!(st[0]["kind"], "mixed");

    let out2 = temp_dir("stdin");
    let o = stance_stdin(
        &["score", "--quiet", "--out", out2.to_str().unwrap(), "-"],
        "{\"id\":\"s1\",\"text\":\"Officials said the bridge would reopen on Monday.\"}\n",
    );
    assert_eq!(o.status.code(), Some(0));
    let st = read_csv(&out2.join("statements.csv"));
    assert_eq!(st[0]["speaker"], "officials");
    assert_eq!(st[0]["speaker_type"], "anonymous");
}

#[test]
fn spreadsheet_formulas_are_neutralised_unless_raw() {
    let dir = temp_dir("formula");
    let input = dir.join("in.jsonl");
    std::fs::write(
        &input,
        "{\"id\":\"=cmd\",\"text\":\"\\\"-1 is the answer,\\\" said Ola Nordmann.\"}\n",
    )
    .unwrap();
    let (out, _) = score_dir(&[input.to_str().unwrap()]);
    let st = read_csv(&out.join("statements.csv"));
    assert_eq!(st[0]["article_id"], "'=cmd");
    assert_eq!(st[0]["text"], "'-1 is the answer,");
    let (out, _) = score_dir(&["--raw-text", input.to_str().unwrap()]);
    let st = read_csv(&out.join("statements.csv"));
    assert_eq!(st[0]["text"], "-1 is the answer,");
}

#[test]
fn bad_lexicon_stops_with_file_and_line() {
    let dir = temp_dir("lex");
    for (name, content) in stance::lexicon::BUILT_IN {
        std::fs::write(dir.join(name), content).unwrap();
    }
    let samples = root().join("samples");
    // score the samples with the lexicons in `dir`: exit code and messages
    let run = || {
        let (_, o) = score_dir(&[
            "--lexicons",
            dir.to_str().unwrap(),
            samples.to_str().unwrap(),
        ]);
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let mut c = std::fs::read_to_string(dir.join("caution.txt")).unwrap();
    c.push_str("this line has no weight\n");
    let line = c.lines().count();
    std::fs::write(dir.join("caution.txt"), c).unwrap();
    let (code, err) = run();
    assert_eq!(code, Some(2));
    assert!(err.contains(&format!("caution.txt:{line}:")), "{err}");

    std::fs::write(dir.join("caution.txt"), "# ok\nbleak = 0.5\n").unwrap();
    std::fs::write(dir.join("modifiers.txt"), "very = amplifier 0.3\n").unwrap();
    let (code, err) = run();
    assert_eq!(code, Some(2));
    assert!(
        err.contains("modifiers.txt:1: unknown modifier type"),
        "{err}"
    );

    // emoticons.txt has its own reader, with the same file:line errors
    std::fs::write(dir.join("modifiers.txt"), "very = intensifier 0.3\n").unwrap();
    std::fs::write(dir.join("emoticons.txt"), "# ok\n:) = 1.5\n:( -2\n").unwrap();
    let (code, err) = run();
    assert_eq!(code, Some(2));
    assert!(err.contains("emoticons.txt:3:"), "{err}");
}

#[test]
fn user_lexicon_overrides_a_weight() {
    let dir = temp_dir("userlex");
    let f = dir.join("my-optimism.txt");
    std::fs::write(&f, "splendid = 1.0\n").unwrap();
    let input = dir.join("a.txt");
    std::fs::write(&input, "\"The harvest is splendid,\" said Ana Lima.").unwrap();
    let (out, o) = score_dir(&["--lexicon", f.to_str().unwrap(), input.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let st = read_csv(&out.join("statements.csv"));
    assert!(
        st[0]["cues"].contains("splendid:+1.00"),
        "{}",
        st[0]["cues"]
    );
    assert_eq!(st[0]["label"], "optimistic");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(stance(&["score"]).status.code(), Some(2));
    assert_eq!(
        stance(&["score", "/no/such/file.txt"]).status.code(),
        Some(2)
    );
    assert_eq!(stance(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn explain_shows_speakers_cues_and_steps() {
    let o = stance(&[
        "explain",
        "Finance Minister Anna Kowal said she was not optimistic about the talks. “It is a tough issue,” she added.",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(s.contains("Anna Kowal (person, Finance Minister)"), "{s}");
    assert!(s.contains("found by pronoun"), "{s}");
    assert!(s.contains("negated by \"not\""), "{s}");
}

#[test]
fn eval_on_the_projects_own_annotated_articles() {
    let o = stance(&[
        "eval",
        root()
            .join("tests/fixtures/annotated.jsonl")
            .to_str()
            .unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let s = String::from_utf8_lossy(&o.stdout);
    let line = s.lines().find(|l| l.starts_with("overall")).unwrap();
    let fig = |name: &str| -> f64 {
        let i = line.find(name).unwrap() + name.len();
        line[i..]
            .split_whitespace()
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    // Regression floor for who-said-what on articles written for this project.
    assert!(fig("strict F1") >= 0.90, "{line}");
    assert!(fig(" F1") >= 0.95, "{line}");
}

#[test]
fn vader_and_liwc_lexicons_add_their_own_columns() {
    let dir = temp_dir("foreign");
    let dic = dir.join("mood.dic");
    std::fs::write(
        &dic,
        "%\n1\tposemo\n2\tnegemo\n%\nhapp*\t1\nworr*\t2\n:)\t1\n",
    )
    .unwrap();
    let vader = dir.join("my_vader.txt");
    std::fs::write(&vader, "good\t1.9\t0.9\t[2, 2]\nbad\t-2.5\t0.5\t[-2, -3]\n").unwrap();
    let input = dir.join("a.txt");
    std::fs::write(
        &input,
        "\"We are happy and it is good, not bad,\" said Ana Lima.",
    )
    .unwrap();
    let (out, o) = score_dir(&[
        "--lexicon",
        dic.to_str().unwrap(),
        "--lexicon",
        vader.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let h = header(&out.join("statements.csv"));
    assert_eq!(&h[17..], &["mood_posemo", "mood_negemo", "my_vader"]);
    let st = read_csv(&out.join("statements.csv"));
    // 9 words, one "happ*": 11.1%
    assert_eq!(st[0]["mood_posemo"], "11.1111");
    assert_eq!(st[0]["mood_negemo"], "0.0000");
    // good (+1.9) and negated bad (-2.5 * -0.74 = +1.85): positive
    assert!(st[0]["my_vader"].parse::<f64>().unwrap() > 0.5);
    // a malformed .dic line names file and line
    std::fs::write(&dic, "%\n1\tposemo\n%\nhappy\t7\n").unwrap();
    let (_, o) = score_dir(&["--lexicon", dic.to_str().unwrap(), input.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("mood.dic:4: unknown category id"));
}

#[test]
fn statements_stream_to_stdout_as_csv_or_jsonl() {
    let input = "{\"id\":\"s1\",\"text\":\"Officials said the bridge would reopen on Monday.\"}\n{\"id\":\"s2\",\"text\":\"\\\"=1+1 is fine,\\\" said Ana Lima.\"}\n";
    let o = stance_stdin(
        &["score", "--quiet", "--out", "-", "--format", "jsonl", "-"],
        input,
    );
    assert_eq!(o.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["speaker"], "officials");
    assert_eq!(lines[0]["statement_id"], 1);
    assert!(lines[0]["optimism"].is_number());
    // JSON is not a spreadsheet: text stays as written
    assert_eq!(lines[1]["text"], "=1+1 is fine,");
    let keys: Vec<&String> = lines[0].as_object().unwrap().keys().collect();
    assert_eq!(keys[0], "article_id");
    assert_eq!(keys[16], "cues");

    let o = stance_stdin(&["score", "--quiet", "--out", "-", "-"], input);
    let text = String::from_utf8(o.stdout).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(r.headers().unwrap().len(), 17);
    let rows: Vec<_> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        &rows[1][10], "'=1+1 is fine,",
        "CSV keeps formulas neutralised"
    );

    let out = temp_dir("jsonl-dir");
    let o = stance_stdin(
        &[
            "score",
            "--quiet",
            "--format",
            "jsonl",
            "--out",
            out.to_str().unwrap(),
            "-",
        ],
        input,
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(out.join("statements.jsonl").exists() && !out.join("statements.csv").exists());
    assert!(out.join("articles.csv").exists() && out.join("speakers.csv").exists());
}
