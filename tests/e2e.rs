//! End-to-end: the real binary on the real seed articles, its tables read back as a
//! spreadsheet would. Expected figures were worked out by hand from the seed texts (and the
//! term counts agree with the independent scikit-learn pipeline in ../shared/tools).

mod common;

use std::path::{Path, PathBuf};

use common::{bin, col, run_ok, table};

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// The row whose `key` column equals `value`.
fn row<'a>(t: &'a (Vec<String>, Vec<Vec<String>>), key: &str, value: &str) -> &'a [String] {
    let k = col(&t.0, key);
    t.1.iter()
        .find(|r| r[k] == value)
        .unwrap_or_else(|| panic!("no row with {key} = {value}"))
}

fn field<'a>(t: &'a (Vec<String>, Vec<Vec<String>>), r: &'a [String], name: &str) -> &'a str {
    &r[col(&t.0, name)]
}

fn num(s: &str) -> f64 {
    s.parse().unwrap_or_else(|_| panic!("not a number: {s:?}"))
}

#[test]
fn seeds_documents_table() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run_ok(&[seeds().to_str().expect("utf-8 path")], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("5 documents"), "summary: {stdout}");
    assert!(stdout.contains("distinct terms"), "summary: {stdout}");

    let docs = table(&dir.path().join("documents.csv"));
    assert_eq!(
        docs.0,
        [
            "doc_id",
            "path",
            "status",
            "duplicate_of",
            "date",
            "date_precision",
            "date_raw",
            "date_from",
            "title",
            "source",
            "section",
            "byline",
            "characters",
            "tokens",
            "terms",
            "sentences",
            "boilerplate_lines",
            "encoding"
        ]
    );
    // Every field of every seed, checked by reading the articles:
    // - 000: header " date 2018-02-05" (its 4 tokens go with it: 323 - 4 = 319), a Sputnik
    //   dateline, no headline; 14 sentences counted by hand.
    // - 001: no date anywhere; its first line is the headline; the comment box (3 lines,
    //   18 tokens, 4 sentences) goes: 323 - 18 = 305 tokens, 16 - 4 = 12 sentences.
    // - 002: header date; "Register" on the date line, 3 photo credits and the 2 captions
    //   right above the REUTERS and AP credits are furniture: 6 lines, 65 tokens with the
    //   date header (496 - 65 = 431).
    // - 003: TASS dateline "October 23" has no year, so no date; nothing removed (446 tokens,
    //   as the scikit-learn reference tokeniser counts).
    // - 004: page clock "GMT +3" run into "11 December 2019"; 10 furniture lines ("Listen
    //   Live", a credit, "Get short URL", 4 related headlines, a tag line, 2 comment widgets)
    //   and the clock line: 301 - 71 = 230 tokens.
    let expected = [
        [
            "000_bf45cc4860d0bda4",
            "ok",
            "",
            "2018-02-05",
            "day",
            "2018-02-05",
            "header",
            "",
            "Sputnik",
            "",
            "",
            "2062",
            "319",
            "129",
            "14",
            "0",
            "UTF-8",
        ],
        [
            "001_53374c4ae69391e8",
            "ok",
            "",
            "",
            "",
            "",
            "none",
            "Russia urges US to work together to fine-tune difficulties in New START Treaty",
            "",
            "",
            "",
            "2061",
            "305",
            "121",
            "12",
            "3",
            "UTF-8",
        ],
        [
            "002_95ae96cf098ceefb",
            "ok",
            "",
            "2017-04-13",
            "day",
            "2017-04-13",
            "header",
            "Russia Ready to Work With US in All Areas of Mutual Interest - Deputy FM",
            "Sputnik",
            "",
            "",
            "3192",
            "431",
            "140",
            "20",
            "6",
            "UTF-8",
        ],
        [
            "003_ecb1709d6c659af1",
            "ok",
            "",
            "",
            "",
            "October 23",
            "dateline",
            "",
            "TASS",
            "",
            "",
            "2897",
            "446",
            "148",
            "26",
            "0",
            "UTF-8",
        ],
        [
            "004_030c5e5f29651762",
            "ok",
            "",
            "2019-12-11",
            "day",
            "14:57 GMT +311 December 2019",
            "timestamp",
            "Russia-US Cooperation Vital for Resolution of Global Problems - Kremlin",
            "Sputnik",
            "",
            "",
            "2125",
            "230",
            "105",
            "10",
            "10",
            "UTF-8",
        ],
    ];
    assert_eq!(docs.1.len(), 5);
    for (got, want) in docs.1.iter().zip(expected) {
        let mut got: Vec<&str> = got.iter().map(String::as_str).collect();
        assert!(
            got[1].ends_with(&format!("{}.txt", want[0])),
            "path {}",
            got[1]
        );
        got.remove(1);
        assert_eq!(got, want);
    }
    assert!(
        stdout.contains(
            "2 of 5 documents have no usable date (1 with no date found, 1 with no year (dateline))"
        ),
        "summary names the undated: {stdout}"
    );
}

#[test]
fn seeds_terms_tfidf_and_phrases() {
    let dir = tempfile::tempdir().expect("temp dir");
    run_ok(&[seeds().to_str().expect("utf-8 path")], dir.path());

    let terms = table(&dir.path().join("terms.csv"));
    assert_eq!(
        terms.0,
        [
            "term",
            "stem",
            "count",
            "per_10k",
            "doc_freq",
            "doc_share",
            "idf"
        ]
    );
    // Sorted by count descending, then term.
    let counts: Vec<u64> = terms
        .1
        .iter()
        .map(|r| r[2].parse().expect("count"))
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    // "Russian" 30 times in the news text (32 in the files, 2 in captions).
    assert_eq!(&terms.1[0][..3], ["russian", "russian", "30"]);
    // "Russia": 34 in the files, less 5 in 004's related headlines and tag line and 1 in a
    // 002 caption = 28. 1,731 tokens in the corpus: 28 x 10,000 / 1,731 = 161.756; in all 5
    // documents, so idf = ln(6/6) + 1 = 1.
    let russia = row(&terms, "term", "russia");
    assert_eq!(field(&terms, russia, "count"), "28");
    assert_eq!(field(&terms, russia, "per_10k"), "161.756");
    assert_eq!(field(&terms, russia, "doc_share"), "1.0000");
    assert_eq!(field(&terms, russia, "idf"), "1.00000000");
    // "US" (the country, an acronym) and "relations" (stem relat) as counted by hand.
    // "US": 32 in the files, less 4 in related headlines and 2 in captions.
    let us = row(&terms, "term", "US");
    assert_eq!(field(&terms, us, "stem"), "US");
    assert_eq!(field(&terms, us, "count"), "26");
    let relations = row(&terms, "stem", "relat");
    assert_eq!(field(&terms, relations, "term"), "relations");
    assert_eq!(field(&terms, relations, "count"), "14");
    // Bolton: 9 times, only in seed 003: idf = ln(6/2) + 1 = 2.09861229.
    let bolton = row(&terms, "term", "bolton");
    assert_eq!(field(&terms, bolton, "count"), "9");
    assert_eq!(field(&terms, bolton, "doc_freq"), "1");
    assert_eq!(field(&terms, bolton, "idf"), "2.09861229");
    // Stop words and numbers never appear.
    for gone in ["the", "and", "2014", "2018", "date", "register", "bonn"] {
        assert!(
            !terms.1.iter().any(|r| r[0] == gone),
            "{gone} is not a term"
        );
    }

    let tfidf = table(&dir.path().join("tfidf.csv"));
    assert_eq!(
        tfidf.0,
        ["doc_id", "rank", "term", "stem", "count", "tfidf"]
    );
    for doc in ["000_bf45cc4860d0bda4", "003_ecb1709d6c659af1"] {
        let rows: Vec<&Vec<String>> = tfidf.1.iter().filter(|r| r[0] == doc).collect();
        assert_eq!(rows.len(), 20, "top 20 of {doc}");
        let ranks: Vec<String> = rows.iter().map(|r| r[1].clone()).collect();
        assert_eq!(ranks, (1..=20).map(|i| i.to_string()).collect::<Vec<_>>());
        let scores: Vec<f64> = rows.iter().map(|r| num(&r[5])).collect();
        assert!(
            scores.windows(2).all(|w| w[0] >= w[1]),
            "{doc} sorted by tfidf"
        );
    }
    let top3 = tfidf
        .1
        .iter()
        .find(|r| r[0] == "003_ecb1709d6c659af1")
        .expect("doc 003");
    assert_eq!(&top3[2..5], ["bolton", "bolton", "9"]);

    let phrases = table(&dir.path().join("phrases.csv"));
    assert_eq!(
        phrases.0,
        ["phrase", "stems", "count", "doc_freq", "log_likelihood"]
    );
    // "Foreign Minister(s)": grep -i counts 14 in the files, 3 of them in 002's captions.
    let fm = row(&phrases, "phrase", "foreign minister");
    assert_eq!(&fm[..4], ["foreign minister", "foreign minist", "11", "5"]);
    // "United States" 8 times in 3 articles, never apart: the strongest phrase.
    assert_eq!(
        &phrases.1[0][..4],
        ["united states", "unit state", "8", "3"]
    );
    assert!(phrases.1.iter().any(|r| r[0] == "missile defense"));
    assert!(
        phrases.1.iter().all(|r| num(&r[2]) >= 2.0),
        "no phrase seen once"
    );
}

#[test]
fn matrix_rows_are_unit_vectors_and_match_top_terms() {
    let dir = tempfile::tempdir().expect("temp dir");
    run_ok(
        &[seeds().to_str().expect("utf-8 path"), "--matrix"],
        dir.path(),
    );
    let m = table(&dir.path().join("doc_terms.csv"));
    assert_eq!(m.0, ["doc_id", "term", "stem", "count", "tfidf"]);
    let docs = table(&dir.path().join("documents.csv"));
    for d in &docs.1 {
        let rows: Vec<&Vec<String>> = m.1.iter().filter(|r| r[0] == d[0]).collect();
        assert_eq!(
            rows.len().to_string(),
            d[col(&docs.0, "terms")],
            "one row per distinct term of {}",
            d[0]
        );
        let norm: f64 = rows.iter().map(|r| num(&r[4]).powi(2)).sum();
        assert!((norm - 1.0).abs() < 1e-6, "{}: squared norm {norm}", d[0]);
    }
}

/// `--parquet`: the four big tables as Parquet, every row and cell the CSV's (read back
/// with the parquet crate's own reader; DuckDB and pyarrow were checked by hand, README).
#[test]
fn parquet_files_hold_the_csv_rows() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;
    let dir = tempfile::tempdir().expect("temp dir");
    run_ok(
        &[
            seeds().to_str().expect("utf-8 path"),
            "--matrix",
            "--parquet",
        ],
        dir.path(),
    );
    for name in ["documents", "quotes", "mentions", "doc_terms"] {
        let csv = table(&dir.path().join(format!("{name}.csv")));
        let file = std::fs::File::open(dir.path().join(format!("{name}.parquet"))).expect("open");
        let reader = SerializedFileReader::new(file).expect("a Parquet file");
        let rows: Vec<Vec<String>> = reader
            .get_row_iter(None)
            .expect("rows")
            .map(|r| {
                r.expect("row")
                    .get_column_iter()
                    .map(|(_, f)| match f {
                        Field::Null => String::new(),
                        Field::Str(s) => s.clone(),
                        Field::Long(n) => n.to_string(),
                        Field::Bool(b) => b.to_string(),
                        Field::Double(x) => x.to_string(),
                        other => panic!("{name}: unexpected {other:?}"),
                    })
                    .collect()
            })
            .collect();
        assert_eq!(rows.len(), csv.1.len(), "{name}: rows");
        for (p, c) in rows.iter().zip(&csv.1) {
            for (a, b) in p.iter().zip(c) {
                // Decimals: the CSV rounds to its places, Parquet keeps the double.
                let same = a == b || (b.contains('.') && (num(a) - num(b)).abs() < 1e-8);
                assert!(same, "{name}: parquet {a:?}, csv {b:?}");
            }
        }
    }
    // quotes.parquet has typed columns: the sentence number is an integer.
    let file = std::fs::File::open(dir.path().join("quotes.parquet")).expect("open");
    let meta = SerializedFileReader::new(file).expect("parquet");
    let schema = meta.metadata().file_metadata().schema_descr();
    let sentence = (0..schema.num_columns())
        .map(|i| schema.column(i))
        .find(|c| c.name() == "sentence")
        .expect("sentence column");
    assert_eq!(sentence.physical_type(), parquet::basic::Type::INT64);
    // Without --parquet, seeds' small tables are CSV only.
    let plain = tempfile::tempdir().expect("temp dir");
    run_ok(&[seeds().to_str().expect("utf-8 path")], plain.path());
    assert!(!plain.path().join("quotes.parquet").exists());
}

#[test]
fn other_schemes_are_recorded_and_differ() {
    let dir = tempfile::tempdir().expect("temp dir");
    run_ok(
        &[seeds().to_str().expect("utf-8 path"), "--tfidf", "quanteda"],
        dir.path(),
    );
    let manifest = std::fs::read_to_string(dir.path().join("run.json")).expect("run.json");
    assert!(manifest.contains("\"tfidf\": \"quanteda\""), "{manifest}");
    let tfidf = table(&dir.path().join("tfidf.csv"));
    // quanteda: count x log10(n/df). Bolton in seed 003: 9 x log10(5/1) = 9 x 0.69897000 = 6.29073004.
    let bolton = tfidf
        .1
        .iter()
        .find(|r| r[0] == "003_ecb1709d6c659af1" && r[2] == "bolton")
        .expect("bolton row");
    assert_eq!(bolton[5], "6.29073004");
    assert_eq!(bolton[1], "1");
}

#[test]
fn same_report_whatever_the_thread_count_or_input_order() {
    let a = tempfile::tempdir().expect("temp dir");
    let b = tempfile::tempdir().expect("temp dir");
    let s = seeds();
    run_ok(
        &[
            s.to_str().expect("utf-8 path"),
            "--threads",
            "1",
            "--matrix",
        ],
        a.path(),
    );
    // The same files named one by one, in reverse order, with two threads.
    let mut files: Vec<PathBuf> = std::fs::read_dir(&s)
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files.reverse();
    let mut args: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    args.extend(["--threads".into(), "2".into(), "--matrix".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run_ok(&args, b.path());
    for name in ["terms.csv", "tfidf.csv", "doc_terms.csv", "phrases.csv"] {
        let x = std::fs::read(a.path().join(name)).expect("read");
        let y = std::fs::read(b.path().join(name)).expect("read");
        assert!(x == y, "{name} differs between runs");
    }
}

#[test]
fn excel_flag_adds_a_byte_order_mark() {
    let dir = tempfile::tempdir().expect("temp dir");
    run_ok(
        &[seeds().to_str().expect("utf-8 path"), "--excel"],
        dir.path(),
    );
    let bytes = std::fs::read(dir.path().join("terms.csv")).expect("read");
    assert!(bytes.starts_with(b"\xEF\xBB\xBFterm,stem,"));
}

#[test]
fn stop_words_file_and_listing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let list = dir.path().join("mine.txt");
    std::fs::write(&list, "# my list\nRussia\nsaid\n").expect("write");
    let out = bin()
        .args(["--list-stop-words", "--stop-words"])
        .arg(&list)
        .output()
        .expect("run");
    assert!(out.status.success());
    let words: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(String::from)
        .collect();
    assert_eq!(words.len(), 197, "195 NLTK words once normalised, plus 2");
    assert!(words.iter().any(|w| w == "russia") && words.iter().any(|w| w == "don't"));

    let out_dir = dir.path().join("r");
    run_ok(
        &[
            seeds().to_str().expect("utf-8 path"),
            "--stop-words",
            list.to_str().expect("utf-8"),
        ],
        &out_dir,
    );
    let terms = table(&out_dir.join("terms.csv"));
    assert!(!terms.1.iter().any(|r| r[0] == "russia" || r[0] == "said"));
    assert_eq!(terms.1[0][0], "russian");
}

#[test]
fn no_stem_counts_words_as_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    run_ok(
        &[seeds().to_str().expect("utf-8 path"), "--no-stem"],
        dir.path(),
    );
    let terms = table(&dir.path().join("terms.csv"));
    let relations = row(&terms, "term", "relations");
    assert_eq!(field(&terms, relations, "stem"), "relations");
    // "relation" (singular) is its own term now.
    assert!(terms.1.iter().all(|r| r[1] != "relat"));
}

#[test]
fn bad_files_are_reported_and_the_rest_analysed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    std::fs::write(input.join("good.txt"), "Russia and the US talked.").expect("write");
    std::fs::write(input.join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    std::fs::write(input.join("latin1.txt"), b"Caf\xe9 talks in Moscow.").expect("write");
    let out = run_ok(&[input.to_str().expect("utf-8")], &dir.path().join("r"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("image.txt") && err.contains("binary"), "{err}");
    assert!(
        err.contains("latin1.txt") && err.contains("windows-1252"),
        "{err}"
    );
    let docs = table(&dir.path().join("r/documents.csv"));
    // Every input file has a row; the image is skipped with its reason, the Latin-1 file is
    // decoded (not replaced) and says how.
    let status: Vec<(&str, &str, &str)> = docs
        .1
        .iter()
        .map(|r| {
            (
                r[0].as_str(),
                r[2].as_str(),
                r[col(&docs.0, "encoding")].as_str(),
            )
        })
        .collect();
    assert_eq!(
        status,
        [
            ("good", "ok", "UTF-8"),
            ("image", "skipped: binary file (PNG image), not text", ""),
            ("latin1", "ok", "windows-1252")
        ]
    );
}

#[test]
fn usage_errors_exit_2_and_name_the_fix() {
    let out = bin().args(["/no/such/folder"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/folder"));
    let out = bin()
        .args(["--tfidf", "tidytext", "--sublinear-tf"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let dir = tempfile::tempdir().expect("temp dir");
    let out = bin()
        .arg(dir.path())
        .arg("-o")
        .arg(dir.path().join("r"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "no documents at all");
}

/// A small corpus written into `dir/in`: `files` are (name, bytes).
fn corpus(dir: &Path, files: &[(&str, &[u8])]) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    for (name, bytes) in files {
        std::fs::write(input.join(name), bytes).expect("write");
    }
    input
}

const STORY: &str = "MOSCOW (Sputnik) - Russia and the United States should resume their dialogue on missile defense, Russian Deputy Foreign Minister Sergey Ryabkov said on Thursday. He said the two countries had not held substantial talks on the subject for a long time and that the preamble of the strategic arms treaty links offensive arms and missile defense. Ryabkov added that economic cooperation and regional crises were also on the agenda of the talks between Moscow and Washington.";

#[test]
fn csv_and_jsonl_tables_are_articles_with_their_metadata() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = "id,headline,published,outlet,body\n\
               a1,Talks resume,2019-12-11,TASS,\"Russia and the US agreed, again, to talk.\"\n\
               a2,,13 April 2017,,Sanctions were discussed in Brussels on Monday.\n";
    let jsonl = "{\"id\": 9, \"text\": \"NATO ministers met in Brussels.\", \"date\": \"2020-01-03\"}\n\
                 not json\n";
    let input = corpus(
        dir.path(),
        &[
            ("wire.csv", csv.as_bytes()),
            ("feed.jsonl", jsonl.as_bytes()),
        ],
    );
    let out = run_ok(&[input.to_str().expect("utf-8")], &dir.path().join("r"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("feed.jsonl") && err.contains("line 2"),
        "bad line reported: {err}"
    );
    let docs = table(&dir.path().join("r/documents.csv"));
    let got: Vec<Vec<&str>> = docs
        .1
        .iter()
        .map(|r| {
            ["doc_id", "status", "date", "date_from", "title", "source"]
                .iter()
                .map(|c| r[col(&docs.0, c)].as_str())
                .collect()
        })
        .collect();
    assert_eq!(
        got,
        [
            vec!["feed/9", "ok", "2020-01-03", "metadata", "", ""],
            vec![
                "wire/a1",
                "ok",
                "2019-12-11",
                "metadata",
                "Talks resume",
                "TASS"
            ],
            vec!["wire/a2", "ok", "2017-04-13", "metadata", "", ""],
        ]
    );
    let terms = table(&dir.path().join("r/terms.csv"));
    let brussels = row(&terms, "term", "brussels");
    assert_eq!(field(&terms, brussels, "count"), "2");
}

/// The run summary counts undated documents by reason, under the reason's own name: an
/// ambiguous numeric date is not "no date found", and its text is kept in date_raw.
#[test]
fn undated_documents_are_counted_by_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = corpus(
        dir.path(),
        &[
            (
                "ambiguous.txt",
                b"Molly and Tom Martens sentenced\n02/11/2023 02:00pm GMT\n\nThe court sentenced them on Thursday.\n",
            ),
            (
                "ambiguous_too.txt",
                b"Ministers meet\n03/12/2019\n\nThe ministers met in Brussels.\n",
            ),
            (
                "no_year.txt",
                b"MOSCOW, September 23. /TASS/. France backed the recognition of Palestine.\n",
            ),
            (
                "dated.txt",
                b"Talks resume\nBy Jane Smith, Reuters | March 5, 2015\n\nTalks resumed in Geneva.\n",
            ),
        ],
    );
    let out = dir.path().join("out");
    let run = run_ok(&[input.to_str().expect("utf-8 path")], &out);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains(
            "3 of 4 documents have no usable date (1 with ambiguous date (header), \
             1 with ambiguous date (timestamp), 1 with no year (dateline))"
        ),
        "summary: {stdout}"
    );
    let docs = table(&out.join("documents.csv"));
    let d = row(&docs, "doc_id", "ambiguous");
    assert_eq!(
        (field(&docs, d, "date"), field(&docs, d, "date_raw")),
        ("", "02/11/2023 02:00pm GMT")
    );
    let d = row(&docs, "doc_id", "dated");
    assert_eq!(
        (field(&docs, d, "date"), field(&docs, d, "date_from")),
        ("2015-03-05", "byline")
    );
}

#[test]
fn metadata_file_overrides_what_the_text_says() {
    let dir = tempfile::tempdir().expect("temp dir");
    let meta = dir.path().join("meta.csv");
    std::fs::write(
        &meta,
        "doc_id,date,title,source\n003_ecb1709d6c659af1,2018-10-23,Shoigu meets Bolton,\n",
    )
    .expect("write");
    let out = dir.path().join("r");
    run_ok(
        &[
            seeds().to_str().expect("utf-8"),
            "--metadata",
            meta.to_str().expect("utf-8"),
        ],
        &out,
    );
    let docs = table(&out.join("documents.csv"));
    let d = row(&docs, "doc_id", "003_ecb1709d6c659af1");
    assert_eq!(field(&docs, d, "date"), "2018-10-23");
    assert_eq!(field(&docs, d, "date_from"), "metadata");
    assert_eq!(field(&docs, d, "title"), "Shoigu meets Bolton");
    // No source given: what the text says (the /TASS/ dateline) stays.
    assert_eq!(field(&docs, d, "source"), "TASS");
}

#[test]
fn a_tsv_index_dates_speeches_by_year_and_keeps_its_columns() {
    // ungdc's layout: index.tsv with file, country_code, session, year; no date in the texts.
    let dir = tempfile::tempdir().expect("temp dir");
    let speech = "The Assembly meets again to speak of peace and of the development of nations.";
    let articles = corpus(
        dir.path(),
        &[
            ("ARG_01_1946.txt", speech.as_bytes()),
            ("USA_01_1946.txt", speech.as_bytes()),
            (
                "FRA_03_1948.txt",
                b"France speaks of trade, of food and of refugees.",
            ),
            (
                "GBR_04_1949.txt",
                b"An undated speech on shipping, not in the index.",
            ),
        ],
    );
    let index = dir.path().join("index.tsv");
    std::fs::write(
        &index,
        "file\tcountry_code\tsession\tyear\nARG_01_1946.txt\tARG\t1\t1946\nUSA_01_1946.txt\tUSA\t1\t1946\nFRA_03_1948.txt\tFRA\t3\t1948\n",
    )
    .expect("write");
    let out = dir.path().join("r");
    let run = run_ok(
        &[
            articles.to_str().expect("utf-8"),
            "--metadata",
            index.to_str().expect("utf-8"),
            "--keep-duplicates",
        ],
        &out,
    );
    let docs = table(&out.join("documents.csv"));
    assert_eq!(
        docs.0[docs.0.len() - 2..],
        ["country_code".to_string(), "session".to_string()]
    );
    let d = row(&docs, "doc_id", "FRA_03_1948");
    assert_eq!(field(&docs, d, "date"), "1948");
    assert_eq!(field(&docs, d, "date_precision"), "year");
    assert_eq!(field(&docs, d, "date_from"), "metadata");
    assert_eq!(field(&docs, d, "country_code"), "FRA");
    assert_eq!(field(&docs, d, "session"), "3");
    let d = row(&docs, "doc_id", "GBR_04_1949");
    assert_eq!(
        (field(&docs, d, "date"), field(&docs, d, "country_code")),
        ("", "")
    );
    // Years, not days: 1946 (2 speeches), 1947 (none), 1948 (1), whole years.
    let periods = table(&out.join("periods.csv"));
    let rows: Vec<Vec<&str>> = periods
        .1
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        rows.iter()
            .map(|r| [r[0], r[1], r[2], r[3], r[5]])
            .collect::<Vec<_>>(),
        [
            ["1946", "1946-01-01", "1946-12-31", "2", "false"],
            ["1947", "1947-01-01", "1947-12-31", "0", "false"],
            ["1948", "1948-01-01", "1948-12-31", "1", "false"],
        ]
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("trends: 3 periods by year"), "{stdout}");
    // Asked for months, year-only dates fit none: the run says so rather than inventing days.
    let out = dir.path().join("m");
    let run = run_ok(
        &[
            articles.to_str().expect("utf-8"),
            "--metadata",
            index.to_str().expect("utf-8"),
            "--period",
            "month",
        ],
        &out,
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("trends: none"), "{stdout}");
    assert!(!out.join("periods.csv").exists());
}

#[test]
fn exact_and_near_duplicates_are_counted_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let near = STORY.replace("on Thursday", "on Friday");
    let other = "Oil prices rose on Monday after producers agreed to cut output for another quarter, traders in London said, while analysts warned that demand in Asia remained weak and stocks in the United States were still high after a mild winter.";
    let input = corpus(
        dir.path(),
        &[
            ("a.txt", format!("date 2018-02-05\n\n{STORY}").as_bytes()),
            ("b.txt", format!("date 2018-02-06\n\n{STORY}").as_bytes()),
            (
                "c.txt",
                format!("date 2018-02-07\nA headline\n\n{near}").as_bytes(),
            ),
            ("d.txt", other.as_bytes()),
        ],
    );
    let out = run_ok(&[input.to_str().expect("utf-8")], &dir.path().join("r"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 duplicates left out"));
    let docs = table(&dir.path().join("r/documents.csv"));
    let st: Vec<(&str, &str, &str)> = docs
        .1
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str(), r[3].as_str()))
        .collect();
    assert_eq!(
        st,
        [
            ("a", "ok", ""),
            ("b", "duplicate", "a"),
            ("c", "duplicate", "a"),
            ("d", "ok", "")
        ]
    );
    // Ryabkov: 2 mentions in one counted copy, not 6.
    let terms = table(&dir.path().join("r/terms.csv"));
    let r = row(&terms, "term", "ryabkov");
    assert_eq!(
        (field(&terms, r, "count"), field(&terms, r, "doc_freq")),
        ("2", "1")
    );

    let kept = dir.path().join("k");
    run_ok(
        &[input.to_str().expect("utf-8"), "--keep-duplicates"],
        &kept,
    );
    let terms = table(&kept.join("terms.csv"));
    let r = row(&terms, "term", "ryabkov");
    assert_eq!(
        (field(&terms, r, "count"), field(&terms, r, "doc_freq")),
        ("6", "3")
    );
}

#[test]
fn keep_boilerplate_counts_the_furniture() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("r");
    run_ok(
        &[seeds().to_str().expect("utf-8"), "--keep-boilerplate"],
        &out,
    );
    let docs = table(&out.join("documents.csv"));
    let d = row(&docs, "doc_id", "001_53374c4ae69391e8");
    // The comment box stays: 305 + 18 = 323 tokens.
    assert_eq!(field(&docs, d, "tokens"), "323");
    assert_eq!(field(&docs, d, "boilerplate_lines"), "0");
}

/// Precision and recall of quotes.csv against a hand-annotated gold file (doc_id, cue,
/// speaker, kind, how, verb): a statement is found when a quote of the same document
/// contains the gold cue and names the same person (same surname, so "Sergei"/"Sergey" and
/// a surname alone agree; a company's legal form is left out, so "Cominco Ltd"/"Cominco"). Returns ((named p, named r), (resolved p, resolved r)).
fn score_speakers(gold: &Path, quotes: &Path) -> ((f64, f64), (f64, f64)) {
    let g = table(gold);
    let q = table(quotes);
    let docs: std::collections::HashSet<&str> = g.1.iter().map(|r| r[0].as_str()).collect();
    let (qd, qs, qh, qt) = (
        col(&q.0, "doc_id"),
        col(&q.0, "speaker"),
        col(&q.0, "how"),
        col(&q.0, "text"),
    );
    let pred: Vec<&Vec<String>> =
        q.1.iter()
            .filter(|r| docs.contains(r[qd].as_str()))
            .collect();
    // The last word, after a company's legal form ("Cominco Ltd" and "Cominco" agree; the
    // forms are the crate's list of company suffixes).
    let forms = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lexicon/company_suffixes.txt"),
    )
    .expect("company suffixes");
    let forms: Vec<String> = forms
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.trim().trim_end_matches('.').to_lowercase())
        .collect();
    let surname = |n: &str| {
        let mut words: Vec<&str> = n.split_whitespace().collect();
        while words.len() > 1
            && forms.contains(&words[words.len() - 1].trim_end_matches('.').to_lowercase())
        {
            words.pop();
        }
        words.last().copied().unwrap_or("").to_lowercase()
    };
    let resolved = |how: &str| how == "pronoun" || how == "description";
    let mut used = vec![false; pred.len()];
    let (mut gold_n, mut tp) = ([0usize; 2], [0usize; 2]);
    for row in &g.1 {
        let cls = usize::from(resolved(&row[4]));
        gold_n[cls] += 1;
        let hit = pred.iter().enumerate().position(|(i, p)| {
            !used[i]
                && p[qd] == row[0]
                && p[qt].contains(row[1].as_str())
                && surname(&p[qs]) == surname(&row[2])
        });
        if let Some(i) = hit {
            used[i] = true;
            tp[cls] += 1;
        }
    }
    let mut found = [0usize; 2];
    for p in &pred {
        found[usize::from(resolved(&p[qh]))] += 1;
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    (
        (ratio(tp[0], found[0]), ratio(tp[0], gold_n[0])),
        (ratio(tp[1], found[1]), ratio(tp[1], gold_n[1])),
    )
}

#[test]
fn speakers_of_the_seeds_match_the_gold_annotation() {
    let dir = tempfile::tempdir().expect("temp dir");
    run_ok(&[seeds().to_str().expect("utf-8")], dir.path());
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/seeds.csv");
    let ((np, nr), (rp, rr)) = score_speakers(&gold, &dir.path().join("quotes.csv"));
    eprintln!(
        "seeds: named precision {np:.3} recall {nr:.3}; resolved precision {rp:.3} recall {rr:.3}"
    );
    assert!(
        np >= 0.95 && nr >= 0.95,
        "named: precision {np:.3}, recall {nr:.3}"
    );
    assert!(
        rp >= 0.85 && rr >= 0.85,
        "resolved: precision {rp:.3}, recall {rr:.3}"
    );

    // A quote shows the quotation mark that opens it, as the article writes it (straight in
    // 004, curly in 001).
    let (head, rows) = table(&dir.path().join("quotes.csv"));
    let text_of = |doc: &str, sentence: &str| {
        let (d, s, t) = (
            col(&head, "doc_id"),
            col(&head, "sentence"),
            col(&head, "text"),
        );
        (rows.iter())
            .find(|r| r[d] == doc && r[s] == sentence)
            .map(|r| r[t].clone())
    };
    let peskov = text_of("004_030c5e5f29651762", "5").unwrap_or_default();
    assert!(
        peskov.starts_with("\"We are still convinced")
            && peskov.ends_with("impossible,\" Peskov told reporters in\u{a0}Moscow."),
        "{peskov}"
    );
    let lavrov = text_of("001_53374c4ae69391e8", "3").unwrap_or_default();
    assert!(
        lavrov.starts_with("\u{201C}We have honored")
            && lavrov.ends_with("vehicles,\u{201D} he said."),
        "{lavrov}"
    );

    let speakers = table(&dir.path().join("speakers.csv"));
    assert_eq!(
        speakers.0,
        [
            "speaker",
            "role",
            "kind",
            "statements",
            "named",
            "resolved",
            "documents",
            "first_date",
            "last_date",
            "variants"
        ]
    );
    // Sergey/Sergei Ryabkov and "Ryabkov" are one speaker; 000 (2018-02-05), 002
    // (2017-04-13) and 004 (2019-12-11) quote him.
    let r = row(&speakers, "speaker", "Sergey Ryabkov");
    assert_eq!(
        field(&speakers, r, "role"),
        "Russian Deputy Foreign Minister"
    );
    assert_eq!(
        field(&speakers, r, "variants"),
        "Ryabkov; Sergei Ryabkov; Sergey Ryabkov"
    );
    assert_eq!(field(&speakers, r, "documents"), "3");
    assert_eq!(field(&speakers, r, "first_date"), "2017-04-13");
    assert_eq!(field(&speakers, r, "last_date"), "2019-12-11");
    let mentions = table(&dir.path().join("mentions.csv"));
    // Bolton is named 9 times in 003 and never speaks there.
    let b = row(&mentions, "person", "John Bolton");
    assert_eq!(
        (
            field(&mentions, b, "mentions"),
            field(&mentions, b, "as_speaker")
        ),
        ("9", "0")
    );
}

/// A chart read back: (width, height, RGB bytes).
fn png(path: &Path) -> (u32, u32, Vec<u8>) {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .expect("a valid PNG");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("a frame");
    assert_eq!(info.color_type, png::ColorType::Rgb);
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// The first bar colour of the palette (Okabe-Ito blue).
const BAR: [u8; 3] = [0x00, 0x72, 0xB2];

/// Number of runs of `color` down the leftmost column where it appears below `y0` (3 pixels
/// in): one run per bar that starts at the value axis.
fn bars_below(img: &(u32, u32, Vec<u8>), color: [u8; 3], y0: u32, y1: u32) -> usize {
    let (w, _, rgb) = img;
    let at = |x: u32, y: u32| {
        let i = ((y * w + x) * 3) as usize;
        rgb[i..i + 3] == color
    };
    let Some(first) = (0..*w).find(|&x| (y0..y1).any(|y| at(x, y))) else {
        return 0;
    };
    let mut runs = 0;
    let mut inside = false;
    for y in y0..y1 {
        let now = at(first + 3, y);
        runs += usize::from(now && !inside);
        inside = now;
    }
    runs
}

fn check_chart(path: &Path) -> (u32, u32, Vec<u8>) {
    let img = png(path);
    assert_eq!((img.0, img.1), (1600, 1000), "{}", path.display());
    let pixels = (img.0 * img.1) as usize;
    let white = img.2.chunks(3).filter(|p| p == &[255, 255, 255]).count();
    assert!(white < pixels * 99 / 100, "{} is blank", path.display());
    // The title band (top 118 rows) holds dark text.
    let dark = img.2[..(118 * img.0 * 3) as usize]
        .chunks(3)
        .filter(|p| p.iter().map(|&c| u32::from(c)).sum::<u32>() < 200)
        .count();
    assert!(
        dark > 1_000,
        "{}: no title ({dark} dark pixels)",
        path.display()
    );
    img
}

#[test]
fn charts_of_the_seeds_show_their_tables() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("r");
    let stdout = run_ok(&[seeds().to_str().expect("utf-8 path")], &out);
    let stdout = String::from_utf8_lossy(&stdout.stdout);
    // Five charts of the tables, two over time (3 dated seeds); too few documents for topics.
    assert!(stdout.contains("7 charts drawn"), "{stdout}");
    assert!(
        stdout.contains("topics.png not drawn: no topics discovered"),
        "{stdout}"
    );

    let terms = table(&out.join("terms.csv"));
    let img = check_chart(&out.join("top_terms.png"));
    assert_eq!(bars_below(&img, BAR, 0, 1000), terms.1.len().min(25));

    let phrases = table(&out.join("phrases.csv"));
    let img = check_chart(&out.join("phrases.png"));
    assert_eq!(bars_below(&img, BAR, 0, 1000), phrases.1.len().min(25));

    // Speakers: the legend sits above y = 170; bars below it, one per speaker with statements.
    let speakers = table(&out.join("speakers.csv"));
    // Blue is the named part of a bar; a speaker only resolved has none.
    let quoted = speakers
        .1
        .iter()
        .filter(|r| num(&r[col(&speakers.0, "named")]) > 0.0)
        .count();
    assert!(quoted >= 4, "{quoted}");
    let img = check_chart(&out.join("speakers.png"));
    assert_eq!(bars_below(&img, BAR, 170, 1000), quoted.min(20));

    // distinctive_terms: 5 documents, 5 panels in 3 columns; the first row of panels ends
    // above y = 500 and its first panel shows the first document's top 6 terms.
    let tfidf = table(&out.join("tfidf.csv"));
    let first_doc = &tfidf.1[0][0];
    let first_terms = tfidf.1.iter().filter(|r| &r[0] == first_doc).count();
    let img = check_chart(&out.join("distinctive_terms.png"));
    assert_eq!(bars_below(&img, BAR, 118, 500), first_terms.min(6));

    // speakers_over_time: one panel per speaker with dated statements (at most 6). The seeds
    // have at most one article a month, so every month is too thin to trust: its points are
    // faint (the palette's blue washed three quarters to white) and joined to nothing.
    let by_period = table(&out.join("speakers_by_period.csv"));
    assert!(!by_period.1.is_empty());
    let img = check_chart(&out.join("speakers_over_time.png"));
    let wash = |v: u8| ((u16::from(v) + 3 * 255) / 4) as u8;
    let faint = [wash(BAR[0]), wash(BAR[1]), wash(BAR[2])];
    let count = |c: [u8; 3]| img.2.chunks(3).filter(|p| *p == c).count();
    assert!(count(faint) > 50, "faint points: {}", count(faint));
    assert_eq!(count(BAR), 0, "no solid line where every month is thin");
}

/// Every href and src of the page.
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        for (i, _) in html.match_indices(attr) {
            let rest = &html[i + attr.len()..];
            if let Some(end) = rest.find('"') {
                out.push(rest[..end].to_string());
            }
        }
    }
    out
}

#[test]
fn index_page_shows_everything_and_links_only_to_files_that_exist() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("r");
    run_ok(&[seeds().to_str().expect("utf-8 path"), "-q"], &out);
    let html = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    let links = links(&html);
    for l in &links {
        assert!(!l.contains("://"), "no network: {l}");
        assert!(out.join(l).is_file(), "{l} does not exist");
    }
    // Every table and chart written is linked, and shown.
    for entry in std::fs::read_dir(&out).expect("list") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".csv") || name.ends_with(".png") || name == "run.json" {
            assert!(links.contains(&name), "{name} not linked");
        }
        if name.ends_with(".png") {
            assert!(
                html.contains(&format!("<img src=\"{name}\"")),
                "{name} not shown"
            );
        }
    }
    // The top rows of the tables, escaped: the first term and a speaker are on the page.
    assert!(html.contains("<td>russian</td>"), "terms.csv rows shown");
    assert!(html.contains("Sergey Ryabkov"));
    assert!(html.contains("Documents analysed</dt><dd>5</dd>"));
    assert!(!html.contains("<script"));
}

#[test]
fn no_charts_writes_tables_and_the_page_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("r");
    run_ok(
        &[seeds().to_str().expect("utf-8 path"), "--no-charts"],
        &out,
    );
    let pngs = std::fs::read_dir(&out)
        .expect("list")
        .filter(|e| {
            e.as_ref()
                .expect("entry")
                .path()
                .extension()
                .is_some_and(|x| x == "png")
        })
        .count();
    assert_eq!(pngs, 0);
    let html = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    assert!(html.contains("Charts were not drawn (--no-charts)"));
    let run = std::fs::read_to_string(out.join("run.json")).expect("run.json");
    assert!(run.contains("\"no_charts\": true"), "{run}");
}

#[test]
fn empty_charts_are_not_drawn_and_the_run_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = corpus(
        dir.path(),
        &[
            (
                "a.txt",
                b"Harvest figures rose sharply across the northern farms this autumn.",
            ),
            (
                "b.txt",
                b"Farm harvest figures fell across the southern valleys this winter.",
            ),
        ],
    );
    let out = dir.path().join("r");
    let stdout = run_ok(&[input.to_str().expect("utf-8 path")], &out);
    let stdout = String::from_utf8_lossy(&stdout.stdout);
    assert!(
        stdout.contains("speakers.png not drawn: no statements found"),
        "{stdout}"
    );
    assert!(
        stdout.contains("speakers_over_time.png not drawn: no statements found"),
        "{stdout}"
    );
    assert!(!out.join("speakers.png").exists());
    assert!(out.join("top_terms.png").exists());
    let html = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    assert!(html.contains("speakers.png not drawn: no statements found"));
    let run = std::fs::read_to_string(out.join("run.json")).expect("run.json");
    assert!(run.contains("speakers.png not drawn"), "{run}");
}

#[test]
fn charts_are_identical_whatever_the_thread_count() {
    let a = tempfile::tempdir().expect("temp dir");
    let b = tempfile::tempdir().expect("temp dir");
    let s = seeds();
    run_ok(
        &[s.to_str().expect("utf-8 path"), "--threads", "1"],
        a.path(),
    );
    run_ok(
        &[s.to_str().expect("utf-8 path"), "--threads", "2"],
        b.path(),
    );
    for name in [
        "top_terms.png",
        "distinctive_terms.png",
        "phrases.png",
        "speakers.png",
        "speakers_over_time.png",
    ] {
        let x = std::fs::read(a.path().join(name)).expect("read");
        let y = std::fs::read(b.path().join(name)).expect("read");
        assert!(x == y, "{name} differs between thread counts");
    }
}

#[test]
fn distinctive_terms_never_shows_a_document_twice() {
    let dir = tempfile::tempdir().expect("temp dir");
    // 7 long documents and 6 stubs: more than 12 documents, but only 7 at least as long as
    // the median, so 7 panels (3 columns), not 12 with repeats (4 columns).
    let texts: Vec<(String, Vec<u8>)> = (0..13)
        .map(|i| {
            let body = if i % 2 == 0 {
                format!("{STORY} Topic{i} matters to readers{i}.")
            } else {
                format!("Stub{i} headline only.")
            };
            (format!("d{i:02}.txt"), body.into_bytes())
        })
        .collect();
    let files: Vec<(&str, &[u8])> = texts
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let input = corpus(dir.path(), &files);
    let out = dir.path().join("r");
    run_ok(
        &[
            input.to_str().expect("utf-8 path"),
            "-q",
            "--keep-duplicates",
        ],
        &out,
    );
    let (w, _, rgb) = check_chart(&out.join("distinctive_terms.png"));
    let at = |x: u32, y: u32| {
        let i = ((y * w + x) * 3) as usize;
        rgb[i..i + 3] == BAR
    };
    // Along the first row of bars, one bar per panel of the first row of the grid.
    let y = (0..1000).find(|&y| (0..w).any(|x| at(x, y))).expect("bars") + 3;
    let mut panels = 0;
    let mut inside = false;
    for x in 0..w {
        panels += usize::from(at(x, y) && !inside);
        inside = at(x, y);
    }
    assert_eq!(panels, 3);
}

/// Runs the binary on a gold folder of `tests/data` and scores it against its gold file.
fn score_gold_set(data: &str, gold: &str) -> ((f64, f64), (f64, f64)) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let input = root.join("tests/data").join(data);
    run_ok(&[input.to_str().expect("utf-8")], dir.path());
    let scores = score_speakers(
        &root.join("tests/gold").join(gold),
        &dir.path().join("quotes.csv"),
    );
    let ((np, nr), (rp, rr)) = scores;
    eprintln!(
        "{gold}: named precision {np:.3} recall {nr:.3}; resolved precision {rp:.3} recall {rr:.3}"
    );
    scores
}

// Issue 4's targets are 0.95 (named) and 0.85 (resolved) for precision and recall. Where a
// figure is not there yet, the floor asserted is the figure reached (measured 2026-11-22), so
// that it cannot silently fall back; the report names the gap.

#[test]
fn speakers_of_ru_ua_press_match_the_gold_annotation() {
    let ((np, nr), (rp, rr)) = score_gold_set("gold_ru_ua", "ru_ua_press_2022.csv");
    // 30 articles (12 added and annotated before the tool was run on them). Reached
    // (2026-11-28): named 0.977 / 0.956, resolved 0.972 / 0.908: all targets met.
    assert!(np >= 0.95 && nr >= 0.95, "named: {np:.3} {nr:.3}");
    assert!(rp >= 0.85 && rr >= 0.85, "resolved: {rp:.3} {rr:.3}");
}

#[test]
fn speakers_of_lower_case_uk_immigration_news_match_the_gold_annotation() {
    // 16 development articles of uk_immigration_news_2014 (a Factiva export, lower-cased,
    // without full stops, commas or apostrophes); the held-out ones in the same folder are
    // not scored here. Names are found by honorifics, titles, given names and names the
    // document repeats (speakers::lower). Reached (2026-12-02, third round): named P 1.027
    // (38 found, 37 predicted: a resolved prediction may find a named row), R 0.475; resolved
    // P 0.558 (24 of 43), R 0.226. Before issue 15: nothing found (0/0/80, 0/0/106).
    let dir = tempfile::tempdir().expect("temp dir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let input = root.join("tests/data/gold_uk_immigration");
    let out = run_ok(&[input.to_str().expect("utf-8")], dir.path());
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains(
            "text is lower case in 24 of 24 documents: speakers found by titles and known names \
             only"
        ),
        "{said}"
    );
    let ((np, nr), (rp, rr)) = score_speakers(
        &root.join("tests/gold/uk_immigration_news_2014.csv"),
        &dir.path().join("quotes.csv"),
    );
    eprintln!("uk_immigration: named {np:.3} {nr:.3}; resolved {rp:.3} {rr:.3}");
    assert!(np >= 1.02 && nr >= 0.47, "named: {np:.3} {nr:.3}");
    assert!(rp >= 0.55 && rr >= 0.22, "resolved: {rp:.3} {rr:.3}");
}

#[test]
fn speakers_of_bbc_match_the_gold_annotation() {
    let ((np, nr), (rp, rr)) = score_gold_set("gold_bbc", "bbc.csv");
    // 20 articles. Reached (2026-11-28): named 1.000 / 0.991, resolved 1.000 / 0.968: all
    // targets met (hyphenated names, coordinated subjects and verbs, "it" for the
    // organisation a sentence opens with, descriptions before the name, short names such as
    // "the Fed" taking the document's long form). Misses left: a statement reported inside
    // a quotation ("The Audit Commission has said", in someone's quoted words), "they" for
    // a party only mentioned before, "its rival" (Lockheed Martin).
    assert!(np >= 0.95 && nr >= 0.95, "named: {np:.3} {nr:.3}");
    assert!(rp >= 0.85 && rr >= 0.85, "resolved: {rp:.3} {rr:.3}");
}

// The development gold of issue 15 (usnews, reuters21578; never the held-out files). The
// folders hold held-out articles too, which is fine: only the development rows are scored.
// Targets are not met there yet: the floors are the figures reached, so that they cannot
// silently fall back.

#[test]
fn speakers_of_usnews_match_the_development_gold() {
    let ((np, nr), (rp, rr)) = score_gold_set("gold_usnews", "usnews.csv");
    // 15 WSJ and Washington Post articles. Reached (2026-12-02, third round): named 0.955 /
    // 0.700, resolved 1.000 / 0.765 (anonymous groups: "analysts said", "welfare experts
    // say"; "Wendy's said", "Dell on Tuesday said"; "according to a House Ways and Means
    // Committee report"; before: 0.895 / 0.567, 1.000 / 0.294).
    assert!(np >= 0.95 && nr >= 0.70, "named: {np:.3} {nr:.3}");
    assert!(rp >= 0.99 && rr >= 0.76, "resolved: {rp:.3} {rr:.3}");
}

#[test]
fn speakers_of_reuters_match_the_development_gold() {
    let ((np, nr), (rp, rr)) = score_gold_set("gold_reuters", "reuters21578.csv");
    // 11 Reuters wire stories of 1987. Reached (2026-12-02, third round): named 0.759 /
    // 0.647 ("Standard and Poor's Corp said" is Poor's Corp, not "Corp"), resolved 0.682 / 0.625 ("he" after "a Goldstar spokesman told reporters" is
    // the spokesman again; groups; "an Egyptian official said", then "the official" and
    // "he"; "The bank, Canada's fifth largest, said"; before: 0.724 / 0.618, 0.316 / 0.250).
    assert!(np >= 0.75 && nr >= 0.64, "named: {np:.3} {nr:.3}");
    assert!(rp >= 0.68 && rr >= 0.62, "resolved: {rp:.3} {rr:.3}");
}

/// Held-out set 7 (tests/gold/notes/NOTES_heldout7.md): 20 articles of usnews, reuters21578
/// and uk_immigration_news_2014, sampled by the next positions of the earlier sha1 walks and
/// annotated (127 statements) by someone who neither ran nor read the tool, all held out.
/// Scored once when the third round's rules were final (2026-12-02): named 0.870 / 0.606,
/// resolved 0.655 / 0.311 (the rules of 55edd16: 0.870 / 0.606, 0.583 / 0.230; the GGT-style
/// spaCy peer 0.786 / 0.333, 0.316 / 0.098). Far from the targets (0.95, 0.85); the floors
/// are the figures reached, so that they cannot silently fall.
/// Its errors were read after that and it is development data now: named 0.978 / 0.682,
/// resolved 0.710 / 0.361 ("Fiat" is "Fiat Spa", "Marcio Stefani of the Brazilian
/// Association ... said" is the man).
#[test]
fn speakers_of_held_out_set_7() {
    let ((np, nr), (rp, rr)) = score_gold_set("gold_heldout7", "heldout7.csv");
    assert!(np >= 0.97 && nr >= 0.68, "named: {np:.3} {nr:.3}");
    assert!(rp >= 0.70 && rr >= 0.36, "resolved: {rp:.3} {rr:.3}");
}

/// Held-out set 8 (tests/gold/notes/NOTES_heldout8.md): the next 20 articles of the same
/// walk, 109 statements, annotated before any run. Scored once when the fourth round's rules
/// were final (2026-12-02): named 0.742 / 0.404, resolved 0.542 / 0.250 (the GGT-style
/// spaCy peer 0.727 / 0.281, 0.417 / 0.096; textacy finds none). After reading its errors
/// (Reuters tickers, "<Qintex Ltd> of Brisbane said"): named 0.781 / 0.439.
#[test]
fn speakers_of_held_out_set_8() {
    let ((np, nr), (rp, rr)) = score_gold_set("gold_heldout8", "heldout8.csv");
    assert!(np >= 0.78 && nr >= 0.43, "named: {np:.3} {nr:.3}");
    assert!(rp >= 0.54 && rr >= 0.25, "resolved: {rp:.3} {rr:.3}");
}

/// Four small dated articles (one undated) and a two-topic dictionary, written by hand.
fn dated_corpus(dir: &Path) -> (PathBuf, PathBuf) {
    let articles = corpus(
        dir,
        &[
            (
                "a.txt",
                b"date 2021-12-30\nEU acts\n\nSanctions on oil exports were announced in Brussels. Officials discussed missile defense.\n",
            ),
            (
                "b.txt",
                b"date 2022-01-03\nGeneva\n\nTalks in Geneva on missile defense stalled while diplomats argued about missiles.\n",
            ),
            (
                "c.txt",
                b"date 2022-03-15\nPorts\n\nGrain shipments resumed as the blockade eased at the port.\n",
            ),
            (
                "d.txt",
                b"Undated\n\nA grain embargo was discussed somewhere at some time.\n",
            ),
        ],
    );
    let topics = dir.join("topics.toml");
    std::fs::write(
        &topics,
        "[[topic]]\nname = \"arms\"\nwords = [\"missile defense\", \"missile*\"]\n\n\
         [[topic]]\nname = \"sanctions\"\nwords = [\"sanction*\", \"embargo\"]\n",
    )
    .expect("write topics");
    (articles, topics)
}

#[test]
fn trends_by_month_zero_filled_with_partial_ends() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (articles, topics) = dated_corpus(dir.path());
    let out = dir.path().join("out");
    let a = articles.to_string_lossy().into_owned();
    let t = topics.to_string_lossy().into_owned();
    let run = run_ok(
        &[
            &a,
            "--topics",
            &t,
            "--trend-terms",
            "0",
            "--track",
            "grain,missiles,the",
        ],
        &out,
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    // Automatic period: 4 months; d.txt has no date; 4 documents cannot make topics.
    assert!(
        stdout.contains("trends: 4 periods by month, the finest"),
        "{stdout}"
    );
    assert!(
        stdout.contains("; 1 document without a date left out"),
        "{stdout}"
    );
    assert!(
        stdout.contains("discovered topics: skipped, 4 documents"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("\"the\" is not one word that counts"),
        "{stderr}"
    );

    let docs = table(&out.join("documents.csv"));
    let tokens = |id: &str| num(field(&docs, row(&docs, "doc_id", id), "tokens"));
    let periods = table(&out.join("periods.csv"));
    let got: Vec<Vec<String>> = periods.1.clone();
    let (ta, tb, tc) = (tokens("a"), tokens("b"), tokens("c"));
    let want = [
        [
            "2021-12",
            "2021-12-01",
            "2021-12-31",
            "1",
            &ta.to_string(),
            "true",
        ],
        [
            "2022-01",
            "2022-01-01",
            "2022-01-31",
            "1",
            &tb.to_string(),
            "false",
        ],
        ["2022-02", "2022-02-01", "2022-02-28", "0", "0", "false"],
        [
            "2022-03",
            "2022-03-01",
            "2022-03-31",
            "1",
            &tc.to_string(),
            "true",
        ],
    ];
    assert_eq!(got, want.map(|r| r.map(String::from).to_vec()));

    // Tracked words only (--trend-terms 0): "missiles" as its stem, in a (missile) and b
    // (missile, missiles); grain in c (d is undated).
    let tt = table(&out.join("term_trends.csv"));
    assert_eq!(tt.1.len(), 4 * 2);
    let cell = |period: &str, stem: &str, name: &str| -> String {
        let r =
            tt.1.iter()
                .find(|r| r[col(&tt.0, "period")] == period && r[col(&tt.0, "stem")] == stem)
                .unwrap_or_else(|| panic!("no {period} {stem}"));
        r[col(&tt.0, name)].clone()
    };
    assert_eq!(cell("2022-01", "missil", "count"), "2");
    assert_eq!(cell("2022-01", "missil", "term"), "missile");
    assert_eq!(
        num(&cell("2022-01", "missil", "per_10k")),
        (2.0 * 10_000.0 / tb * 1000.0).round() / 1000.0
    );
    assert_eq!(cell("2022-03", "grain", "count"), "1");
    assert_eq!(cell("2022-03", "grain", "doc_share"), "1.0000");
    assert_eq!(cell("2022-02", "grain", "per_10k"), "0.000");

    // Dictionary topics: in a, "missile defense" is one match (its "missile" is not counted
    // again); in b, the phrase and "missiles": 2. Sanctions: "Sanctions" in a; the embargo
    // of d is undated.
    let topic = table(&out.join("topic_trends.csv"));
    let by = |period: &str, name: &str| -> Vec<String> {
        topic
            .1
            .iter()
            .find(|r| r[0] == period && r[1] == name)
            .unwrap_or_else(|| panic!("no {period} {name}"))
            .clone()
    };
    assert_eq!(
        by("2021-12", "arms")[2..6],
        [
            "dictionary",
            "1",
            "1",
            format!("{:.3}", 10_000.0 / ta).as_str()
        ]
    );
    assert_eq!(by("2022-01", "arms")[3..5], ["1", "2"]);
    assert_eq!(by("2021-12", "sanctions")[3..5], ["1", "1"]);
    assert_eq!(
        by("2022-02", "sanctions")[3..7],
        ["0", "0", "0.000", "0.0000"]
    );
    assert_eq!(topic.1.len(), 4 * 2);

    // Too little text for any change to be significant: a header only.
    let change = table(&out.join("term_change.csv"));
    assert!(change.1.is_empty());
}

#[test]
fn iso_weeks_across_the_new_year() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (articles, _) = dated_corpus(dir.path());
    let out = dir.path().join("out");
    let a = articles.to_string_lossy().into_owned();
    run_ok(&[&a, "--period", "week", "--topics", "none"], &out);
    let periods = table(&out.join("periods.csv"));
    let labels: Vec<&str> = periods.1.iter().map(|r| r[0].as_str()).collect();
    // Thursday 2021-12-30 is in 2021-W52; Monday 2022-01-03 starts 2022-W01; Tuesday
    // 2022-03-15 is in 2022-W11: 12 weeks, zero-filled.
    assert_eq!(labels.len(), 12);
    assert_eq!(labels[..2], ["2021-W52", "2022-W01"]);
    assert_eq!(labels[11], "2022-W11");
    assert_eq!(periods.1[0][1..4], ["2021-12-27", "2022-01-02", "1"]);
    // --topics none: no dictionary topics, and with no discovered ones, no rows.
    let topic = table(&out.join("topic_trends.csv"));
    assert!(topic.1.is_empty());
}

#[test]
fn discovered_topics_split_two_themes_the_same_whatever_the_threads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let energy = [
        "oil", "gas", "pipeline", "barrel", "crude", "refinery", "opec", "fuel",
    ];
    let vote = [
        "election",
        "ballot",
        "campaign",
        "voters",
        "parliament",
        "candidate",
        "poll",
        "party",
    ];
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..60usize {
        let words = if i % 2 == 0 { &energy } else { &vote };
        let body: Vec<&str> = (0..12).map(|j| words[(i * 7 + j * 3) % 8]).collect();
        let month = 1 + i % 3;
        files.push((
            format!("{i:02}.txt"),
            format!(
                "date 2022-{month:02}-10\nReport {i}\n\n{}.\n",
                body.join(" ")
            )
            .into_bytes(),
        ));
    }
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let articles = corpus(dir.path(), &refs);
    let a = articles.to_string_lossy().into_owned();
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    let run = run_ok(
        &[&a, "--topics-k", "2", "--keep-duplicates", "--threads", "1"],
        &one,
    );
    assert!(
        String::from_utf8_lossy(&run.stdout).contains("discovered topics: 2 (NMF of 60 documents")
    );
    run_ok(
        &[&a, "--topics-k", "2", "--keep-duplicates", "--threads", "2"],
        &two,
    );
    for name in ["topics.csv", "document_topics.csv", "topic_trends.csv"] {
        let x = std::fs::read(one.join(name)).expect("read");
        let y = std::fs::read(two.join(name)).expect("read");
        assert!(x == y, "{name} differs with the thread count");
    }
    let topics = table(&one.join("topics.csv"));
    let docs = table(&one.join("document_topics.csv"));
    // Each document's heaviest topic (rows come heaviest first) is its theme.
    let mut theme_of_topic = std::collections::HashMap::new();
    let mut seen = std::collections::HashSet::new();
    for r in &docs.1 {
        if !seen.insert(r[0].clone()) {
            continue;
        }
        let i: usize = r[0].parse().expect("doc id");
        let theme = i % 2;
        assert_eq!(
            *theme_of_topic.entry(r[1].clone()).or_insert(theme),
            theme,
            "{r:?}"
        );
    }
    assert_eq!(theme_of_topic.len(), 2);
    // Labels are three words of one theme.
    for r in &topics.1 {
        let label: Vec<&str> = r[1].split(' ').collect();
        assert_eq!(label.len(), 3);
        let from_energy = label
            .iter()
            .all(|w| energy.contains(&w.to_lowercase().as_str()));
        let from_vote = label
            .iter()
            .all(|w| vote.iter().any(|v| v.starts_with(&w.to_lowercase()[..3])));
        assert!(from_energy || from_vote, "{label:?}");
    }
    let trends = table(&one.join("topic_trends.csv"));
    let discovered: Vec<&Vec<String>> = trends.1.iter().filter(|r| r[2] == "discovered").collect();
    // 3 months x 2 topics; every month has 10 documents of each theme.
    assert_eq!(discovered.len(), 6);
    assert!(
        discovered.iter().all(|r| r[3] == "10" && r[6] == "0.5000"),
        "{discovered:?}"
    );
    // The over-time charts are drawn from these tables, the same whatever the threads.
    for name in ["term_trends.png", "topic_trends.png", "topics.png"] {
        check_chart(&one.join(name));
        let x = std::fs::read(one.join(name)).expect("read");
        let y = std::fs::read(two.join(name)).expect("read");
        assert!(x == y, "{name} differs with the thread count");
    }
}

#[test]
fn factiva_and_lexisnexis_exports_are_split_into_their_articles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/exports");
    let out = dir.path().join("r");
    let run = run_ok(&[input.to_str().expect("utf-8")], &out);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("newsreport: 7 documents"), "{stdout}");
    let docs = table(&out.join("documents.csv"));
    let got: Vec<[&str; 6]> = docs
        .1
        .iter()
        .map(|r| {
            let f = |n: &str| r[col(&docs.0, n)].as_str();
            [
                f("doc_id"),
                f("date"),
                f("title"),
                f("source"),
                f("section"),
                f("byline"),
            ]
        })
        .collect();
    assert_eq!(
        got[..4],
        [
            // One record in the file: the file's own doc_id.
            [
                "factiva_lower",
                "2014-05-19",
                "councils warn of pressure on school places in the south east",
                "the daily express",
                "news",
                "tom hale",
            ],
            [
                "factiva_three/DT00000020140519ea5j0007r",
                "2014-05-19",
                "Ministers promise review of seasonal worker visas",
                "The Daily Telegraph",
                "Politics",
                "Helen Marsh",
            ],
            [
                "factiva_three/FTFTA00020140521ea5l0000d",
                "2014-05-21",
                "Why the migration debate needs better numbers",
                "Financial Times",
                "Comment",
                "Ravi Desai",
            ],
            [
                "factiva_three/GRDN000020140520ea5k0002b",
                "2014-05-20",
                "Farmers say visa cap leaves crops in the fields",
                "The Guardian",
                "",
                "",
            ],
        ]
    );
    assert_eq!(
        got[4],
        [
            "lexisnexis_three/1",
            "2014-05-19",
            "Seasonal workers: growers count the cost of the visa cap",
            "The Guardian (London)",
            "NEWS; Pg. 12",
            "Nadia Brookes",
        ]
    );
    assert_eq!(got.len(), 7);
    assert!(got.iter().all(|r| !r[1].is_empty() && !r[2].is_empty()));
    // No header or trailer word reaches a count ("words" does: the Telegraph story says "500
    // words of guidance").
    let terms = common::column(&table(&out.join("terms.csv")), "term");
    for w in [
        "document",
        "english",
        "copyright",
        "reserved",
        "load",
        "length",
        "byline",
        "dt",
        "grdn",
        "ftfta",
        "newspaper",
    ] {
        assert!(
            !terms.iter().any(|t| t.eq_ignore_ascii_case(w)),
            "{w} counted"
        );
    }
}

/// Articles of a video-heavy outlet, in the layout of its pages (written for this test): a
/// time stamp with two zones, "Story highlights", player lines with a changing title, caption
/// toggles and gallery counters around the story.
fn video_outlet(dir: &Path) -> PathBuf {
    let senators = ["Warren", "Collins", "Murkowski", "Tester", "Manchin"];
    let files: Vec<(String, Vec<u8>)> = (0..25)
        .map(|i| {
            let who = senators[i % senators.len()];
            let text = format!(
                "Senate debates farm bill number {i}\n\n\
                 Updated {h:02}{m:02} GMT ({m:02}{h:02} HKT) April {d}, 2016\n\
                 Story highlights The bill {i} would change subsidies\n\
                 Washington (Outlet) Senator {who} said on Tuesday that the farm bill would protect growers in her state.\n\
                 JUST WATCHED\n\
                 Senator {who} on the farm bill {i}\n\
                 MUST WATCH Flooding closes roads in district {i}\n\
                 Photos: Harvest season in county {i}\n\
                 Hide Caption {c} of 12\n\
                 SHOW TIME Panel {i} reacts to the vote\n\
                 Critics of bill {i} said it would raise food prices for families.\n",
                h = i % 24,
                m = (i * 7) % 60,
                d = 1 + i % 28,
                c = 1 + i % 12,
            );
            (format!("story_{i:02}.txt"), text.into_bytes())
        })
        .collect();
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_slice()))
        .collect();
    corpus(dir, &refs)
}

#[test]
fn furniture_of_an_unseen_outlet_is_learned_and_listed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = video_outlet(dir.path());
    let out = dir.path().join("r");
    run_ok(&[input.to_str().expect("utf-8"), "--no-charts"], &out);
    let bp = table(&out.join("boilerplate.csv"));
    assert_eq!(bp.0, ["pattern", "kind", "articles", "lines", "example"]);
    let rows: Vec<[&str; 3]> =
        bp.1.iter()
            .map(|r| [r[0].as_str(), r[1].as_str(), r[2].as_str()])
            .collect();
    for want in [
        ["updated … gmt (… hkt) … …, …", "template", "25"],
        ["show time …", "template", "25"],
        ["just watched", "known", "25"],
        ["must watch …", "known", "25"],
        ["photos: …", "known", "25"],
        ["hide caption …", "known", "25"],
        ["story highlights …", "known", "25"],
    ] {
        assert!(rows.contains(&want), "{want:?} not in {rows:?}");
    }
    // The video title after "JUST WATCHED" stands alone: it is a recurring template only if
    // its words recur, and here each names its senator; it is kept, like the story.
    let terms = common::column(&table(&out.join("terms.csv")), "term");
    for w in [
        "watched",
        "watch",
        "photos",
        "caption",
        "highlights",
        "hkt",
        "gmt",
        "show",
    ] {
        assert!(!terms.contains(&w.to_string()), "{w} counted");
    }
    for w in ["senator", "bill", "critics", "growers", "prices"] {
        assert!(terms.contains(&w.to_string()), "{w} lost");
    }
    // Every article keeps its two paragraphs of prose and the video title: the 7 furniture
    // lines go (time stamp, highlights, 2 player labels, photos, caption counter, show label).
    let docs = table(&out.join("documents.csv"));
    assert!(
        common::column(&docs, "boilerplate_lines")
            .iter()
            .all(|n| n == "7"),
        "{:?}",
        common::column(&docs, "boilerplate_lines")
    );
    let speakers = common::column(&table(&out.join("speakers.csv")), "speaker");
    assert!(
        !speakers
            .iter()
            .any(|s| s.contains("Story") || s.contains("WATCH")),
        "{speakers:?}"
    );
}

/// The serial number Excel gives a day (days since 1899-12-30).
fn excel_serial(y: i32, m: u32, d: u32) -> f64 {
    let day = chrono::NaiveDate::from_ymd_opt(y, m, d).expect("date");
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).expect("epoch");
    (day - epoch).num_days() as f64
}

#[test]
fn the_workbook_keeps_every_cell_as_what_it_is() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "date 2019-12-11\n1e5 reasons for a cliché\n\nIt is true that the 8pm meeting cost £42m, a cliché said to be true of every true budget. The 8pm vote was held at 8pm.\n";
    let input = corpus(
        dir.path(),
        &[
            ("0012.txt", text.as_bytes()),
            (
                "0013.txt",
                b"Undated note: the budget was true to form at 8pm.\n",
            ),
        ],
    );
    let index = dir.path().join("years.tsv");
    std::fs::write(&index, "file\tyear\n0013.txt\t1946\n").expect("write");
    let out = dir.path().join("r");
    run_ok(
        &[
            input.to_str().expect("utf-8"),
            "--metadata",
            index.to_str().expect("utf-8"),
        ],
        &out,
    );
    let mut wb: Xlsx<_> = open_workbook(out.join("report.xlsx")).expect("open report.xlsx");
    let names = wb.sheet_names();
    assert_eq!(names[0], "About");
    // One sheet per table, in the page's order.
    assert_eq!(&names[1..5], ["documents", "boilerplate", "terms", "tfidf"]);
    let docs = wb.worksheet_range("documents").expect("documents");
    let header: Vec<String> = docs
        .rows()
        .next()
        .expect("header")
        .iter()
        .map(|c| c.to_string())
        .collect();
    let at = |name: &str| header.iter().position(|h| h == name).expect(name);
    let row = |id: &str| {
        docs.rows()
            .find(|r| r[0] == Data::String(id.into()))
            .expect(id)
            .to_vec()
    };
    let first = row("0012");
    // An id of digits stays text, with its zeros; a title that looks like a number too.
    assert_eq!(first[at("doc_id")], Data::String("0012".into()));
    assert_eq!(
        first[at("title")],
        Data::String("1e5 reasons for a cliché".into())
    );
    // A day is a real date; counts are numbers.
    match &first[at("date")] {
        Data::DateTime(d) => assert_eq!(d.as_f64(), excel_serial(2019, 12, 11)),
        other => panic!("date cell {other:?}"),
    }
    assert!(matches!(first[at("tokens")], Data::Float(n) if n > 20.0));
    // A year-only date is a date too (1 January, shown as the year).
    match &row("0013")[at("date")] {
        Data::DateTime(d) => assert_eq!(d.as_f64(), excel_serial(1946, 1, 1)),
        other => panic!("year cell {other:?}"),
    }
    // Terms that a spreadsheet would convert stay the words they are.
    let terms = wb.worksheet_range("terms").expect("terms");
    let words: Vec<&Data> = terms.rows().skip(1).map(|r| &r[0]).collect();
    for w in ["true", "8pm", "cliché"] {
        assert!(words.contains(&&Data::String(w.into())), "{w} in {words:?}");
    }
    let count = |w: &str| {
        terms
            .rows()
            .find(|r| r[0] == Data::String(w.into()))
            .map(|r| r[2].clone())
    };
    assert_eq!(count("true"), Some(Data::Float(4.0)));
    assert_eq!(count("8pm"), Some(Data::Float(4.0)));
    // The About sheet lists every sheet with its rows.
    let about = wb.worksheet_range("About").expect("About");
    let listed: Vec<String> = about.rows().map(|r| r[0].to_string()).collect();
    assert!(listed.contains(&"Documents analysed".to_string()));
    for sheet in &names[1..] {
        assert!(listed.contains(sheet), "{sheet} not on the About sheet");
    }
}
