//! End-to-end: keyness, keywords in context, speakers' terms and co-mentions, from the real
//! binary. Expected G², log ratios and p-values were computed independently in Python
//! (math.log, math.erfc; the formulas of benches/keyness_check.py) from counts worked out by
//! hand.

mod common;

use std::path::{Path, PathBuf};

use common::{bin, col, run_ok, run_ok_with, table};

type Table = (Vec<String>, Vec<Vec<String>>);

/// Two folders of five articles: north "Harbour boats harbour fish N." (4 terms each),
/// south "Desert camels desert sand fish S." (5 terms each).
fn two_folders(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    for (folder, text) in [
        ("north", "Harbour boats harbour fish"),
        ("south", "Desert camels desert sand fish"),
    ] {
        std::fs::create_dir_all(input.join(folder)).expect("mkdir");
        for i in 1..=5 {
            std::fs::write(
                input.join(folder).join(format!("{i}.txt")),
                format!("{text}.\n"),
            )
            .expect("write");
        }
    }
    input
}

fn key_row<'a>(t: &'a Table, group: &str, term: &str) -> Option<&'a [String]> {
    let (g, w) = (col(&t.0, "group"), col(&t.0, "term"));
    t.1.iter()
        .find(|r| r[g] == group && r[w] == term)
        .map(Vec::as_slice)
}

fn get<'a>(t: &'a Table, r: &'a [String], name: &str) -> &'a str {
    &r[col(&t.0, name)]
}

#[test]
fn keyness_of_two_folders_equals_the_independent_computation() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = two_folders(dir.path());
    let out = dir.path().join("out");
    let args = [
        input.to_str().expect("utf-8"),
        "--keep-boilerplate",
        "--keep-duplicates",
    ];
    let done = run_ok(&args, &out);
    let said = String::from_utf8_lossy(&done.stdout);
    assert!(said.contains("compared by folder"), "{said}");
    let k = table(&out.join("keyness.csv"));
    // harbour: 10 of north's 20 terms, 0 of south's 25.
    let r = key_row(&k, "north", "harbour").expect("harbour is key for north");
    assert_eq!(get(&k, r, "direction"), "over");
    assert_eq!(get(&k, r, "rank"), "1");
    assert_eq!((get(&k, r, "count"), get(&k, r, "count_rest")), ("10", "0"));
    assert_eq!((get(&k, r, "docs"), get(&k, r, "docs_rest")), ("5", "0"));
    assert_eq!(get(&k, r, "per_10k"), "5000.000");
    assert_eq!(get(&k, r, "g2"), "19.947671");
    assert_eq!(get(&k, r, "log_ratio"), "4.643856");
    assert_eq!(get(&k, r, "p_value"), "0.000008");
    let r = key_row(&k, "north", "boats").expect("boats");
    assert_eq!(get(&k, r, "g2"), "8.901483");
    assert_eq!(get(&k, r, "rank"), "2");
    // desert is used less in north: 0 of 20 against 10 of 25.
    let r = key_row(&k, "north", "desert").expect("desert");
    assert_eq!(get(&k, r, "direction"), "under");
    assert_eq!(get(&k, r, "g2"), "-14.022975");
    assert_eq!(get(&k, r, "log_ratio"), "-4.000000");
    // fish (5 and 5) is no key term; camels (G² -6.37 for north) is under the threshold.
    assert!(key_row(&k, "north", "fish").is_none());
    assert!(key_row(&k, "north", "camels").is_none());

    // Keyword in context: both occurrences of harbour in each north article.
    let kw = table(&out.join("kwic.csv"));
    let (t, key) = (col(&kw.0, "term"), col(&kw.0, "keyword"));
    let harbour: Vec<&Vec<String>> = kw.1.iter().filter(|r| r[t] == "harbour").collect();
    assert_eq!(harbour.len(), 10);
    let first = harbour[0];
    assert_eq!(first[key], "Harbour");
    assert_eq!(first[col(&kw.0, "left")], "");
    assert_eq!(first[col(&kw.0, "right")], "boats harbour fish");
    assert_eq!(harbour[1][col(&kw.0, "left")], "Harbour boats");
    assert_eq!(harbour[1][col(&kw.0, "right")], "fish");
    assert_eq!(first[col(&kw.0, "why")], "top term");
    // --kwic-per-term and --kwic-window bound it.
    let out2 = dir.path().join("out2");
    let mut more = args.to_vec();
    more.extend(["--kwic-per-term", "3", "--kwic-window", "1"]);
    run_ok(&more, &out2);
    let kw = table(&out2.join("kwic.csv"));
    let harbour: Vec<&Vec<String>> = kw.1.iter().filter(|r| r[t] == "harbour").collect();
    assert_eq!(harbour.len(), 3);
    // Five articles for three examples: one each, its middle (second) occurrence.
    assert_eq!(harbour[0][col(&kw.0, "left")], "boats");
    assert_eq!(harbour[0][col(&kw.0, "right")], "fish");
}

#[test]
fn an_unknown_grouping_is_a_usage_error_that_names_the_choices() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = two_folders(dir.path());
    let out = bin()
        .args([
            input.to_str().expect("utf-8"),
            "--compare",
            "outlet",
            "--out",
        ])
        .arg(dir.path().join("out"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--compare outlet") && err.contains("source, folder, period"),
        "{err}"
    );
}

fn ru_ua() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/ru_ua_press_2022")
}

/// The Kremlin's and Zelenskyy's press releases by source (from the corpus' index), with 1
/// and 2 threads: what each side says, who says what, who is named with whom. The 2-thread
/// run's word pairs spill to disk (an engine pool of 3 MB for them), and its phrases,
/// speakers, trends and topics run one after another, as under a tight budget: the same
/// tables.
#[test]
fn kremlin_against_zelenskyy_the_same_whatever_the_threads_and_budget() {
    let corpus = ru_ua();
    if !corpus.exists() {
        eprintln!("skipped: {} not found", corpus.display());
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let (articles, index) = (corpus.join("articles"), corpus.join("index.tsv"));
    // One thread within 1 GB; two threads within 2 GB, with a pool small enough to spill.
    let run = |threads: &str, out: &Path| {
        let (pool, memory, in_turn) = if threads == "2" {
            ("6291456", "2GB", "1")
        } else {
            ("", "1GB", "")
        };
        run_ok_with(
            &[
                articles.to_str().expect("utf-8"),
                "--metadata",
                index.to_str().expect("utf-8"),
                "--compare",
                "source",
                "--threads",
                threads,
                "--memory",
                memory,
                "--no-charts",
            ],
            out,
            &[
                ("NEWSREPORT_SUMS_POOL", pool),
                ("NEWSREPORT_IN_TURN", in_turn),
            ],
        )
    };
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    run("1", &a);
    run("2", &b);
    let page = std::fs::read_to_string(b.join("index.html")).expect("page");
    assert!(page.contains("on disk past it"), "the pairs did not spill");
    assert!(
        page.contains("one after another"),
        "the stages ran side by side"
    );
    let page = std::fs::read_to_string(a.join("index.html")).expect("page");
    assert!(
        !page.contains("one after another"),
        "the stages ran in turn"
    );
    for name in [
        "keyness.csv",
        "kwic.csv",
        "speaker_terms.csv",
        "co_mentions.csv",
        "phrases.csv",
        "terms.csv",
        // The workbook too: it leaves out what changes with the budget (and the times).
        "report.xlsx",
    ] {
        let x = std::fs::read(a.join(name)).expect("read");
        let y = std::fs::read(b.join(name)).expect("read");
        assert!(
            x == y,
            "{name} differs between 1 and 2 threads, in memory and on disk"
        );
    }
    let k = table(&a.join("keyness.csv"));
    // The war's vocabulary and its place names: Ukraine's "occupiers", "Kyiv" and "war",
    // the Kremlin's "Kiev", "Donbass" and "operation".
    for (group, term) in [
        ("zelenskyy", "occupiers"),
        ("zelenskyy", "kyiv"),
        ("zelenskyy", "war"),
        ("kremlin", "kiev"),
        ("kremlin", "donbass"),
        ("kremlin", "operation"),
    ] {
        let r = key_row(&k, group, term).unwrap_or_else(|| panic!("{term} not key for {group}"));
        assert_eq!(get(&k, r, "direction"), "over", "{group} {term}");
    }
    let s = table(&a.join("speaker_terms.csv"));
    let (sp, term) = (col(&s.0, "speaker"), col(&s.0, "term"));
    let of = |who: &str| -> Vec<&str> {
        (s.1.iter())
            .filter(|r| r[sp] == who)
            .map(|r| r[term].as_str())
            .collect()
    };
    assert!(of("Iryna Vereshchuk").contains(&"evacuation"));
    assert!(of("Oleg Ustenko").contains(&"oil"));
    // A speaker's own name is never their term.
    assert!(!of("Vladimir Putin").contains(&"putin"));
    let c = table(&a.join("co_mentions.csv"));
    let first = &c.1[0];
    assert_eq!(
        (first[0].as_str(), first[1].as_str()),
        ("Volodymyr Zelenskyy", "Andriy Yermak")
    );
}
