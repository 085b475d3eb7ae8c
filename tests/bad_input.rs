//! End-to-end: bad input is named and survived, and an interrupted run never leaves a mixed
//! report. Each test builds its inputs in a temporary folder and runs the real binary.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

use common::{bin, column, run_ok, table};

const STORY: &str = "Russia and the United States should resume their dialogue on missile defense, Russian Deputy Foreign Minister Sergey Ryabkov said on Thursday. He said the two countries had not held substantial talks on the subject for a long time.";

fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, bytes).expect("write");
}

/// The lines of stderr that mention `file`.
/// A text of `words` words, different for every `seed` (so no two are near duplicates).
fn distinct_text(seed: u64, words: usize) -> String {
    const VOCAB: [&str; 24] = [
        "talks",
        "minister",
        "energy",
        "trade",
        "grain",
        "border",
        "troops",
        "sanctions",
        "summit",
        "treaty",
        "election",
        "budget",
        "market",
        "oil",
        "gas",
        "port",
        "court",
        "police",
        "vote",
        "tariff",
        "missile",
        "bank",
        "union",
        "strike",
    ];
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut out = String::new();
    for _ in 0..words {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        out.push_str(VOCAB[(x >> 33) as usize % VOCAB.len()]);
        out.push(' ');
    }
    out
}

/// `n` made-up words of consonants (no stem changes them, none is a stop word), different
/// for every `seed`: word pairs seen in one file only.
fn rare_words(seed: u64, n: usize) -> String {
    const LETTERS: &[u8] = b"bcdfghjkmnpqrtvwxz";
    (0..n as u64)
        .map(|k| {
            let mut x = (seed * 1000 + k).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 20;
            (0..6)
                .map(|_| {
                    let c = LETTERS[(x % 18) as usize] as char;
                    x /= 18;
                    c
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn said_about<'a>(stderr: &'a str, file: &str) -> Vec<&'a str> {
    stderr.lines().filter(|l| l.contains(file)).collect()
}

#[test]
fn every_bad_input_is_named_with_its_reason_and_the_rest_analysed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    write(&input.join("good.txt"), STORY.as_bytes());
    write(&input.join("empty.txt"), b"");
    write(
        &input.join("photo.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
    );
    write(&input.join("bundle.txt"), b"PK\x03\x04\x14\0\0\0\x08\0rest");
    // Latin-1 bytes that are not UTF-8: decoded, not dropped, and the encoding named.
    write(
        &input.join("latin1.txt"),
        b"Caf\xe9 owner M\xfcller said the talks in Z\xfcrich were useful.",
    );
    write(
        &input.join("dir with spaces/Ünïcødé папка/статья 1.txt"),
        "Zelensky told reporters in Kyiv that grain exports would restart next week.".as_bytes(),
    );
    // A file deleted after it was listed: a link whose target is gone.
    std::os::unix::fs::symlink(input.join("deleted.txt"), input.join("gone.txt")).expect("symlink");
    std::fs::create_dir_all(input.join("loop")).expect("mkdir");
    std::os::unix::fs::symlink(&input, input.join("loop/back")).expect("symlink");
    let fifo = input.join("pipe.txt");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    write(
        &input.join("absurd.txt"),
        b"date 9999-99-99\nTalks resume\n\nThe minister said on 31 February 2019 that talks resume in the year 3000.\n",
    );
    write(
        &input.join("ragged.csv"),
        b"id,text,date\n1,\"Lavrov said the talks went well.\",2020-01-01\n2,\"Too many fields\",2020-01-02,x,y\n3,\"bad \"quote\" here\",2020-01-03\n4\n",
    );
    write(&input.join("no_text.csv"), b"id,headline_id\n1,2\n");
    let big_field = format!("text,date\n\"{}\",2020-05-05\n", "word ".repeat(2_000_000));
    write(&input.join("big_field.csv"), big_field.as_bytes());
    write(
        &input.join("latin1.csv"),
        b"text,date\n\"M\xfcller said the caf\xe9 was closed.\",2021-03-04\n",
    );
    write(
        &input.join("rows.jsonl"),
        b"{\"text\":\"Peskov said it was fine.\",\"date\":\"2020-02-02\"}\n{not json}\n{\"date\":\"2020-01-01\"}\n",
    );

    let out = dir.path().join("report");
    let run = run_ok(&[input.to_str().expect("utf-8")], &out);
    let stderr = String::from_utf8_lossy(&run.stderr);
    let expect = [
        ("empty.txt", "empty file"),
        ("photo.txt", "binary file (PNG image)"),
        ("bundle.txt", "binary file (ZIP archive"),
        ("latin1.txt", "windows-1252"),
        ("gone.txt", "No such file"),
        ("loop/back", "loop"),
        ("pipe.txt", "not a regular file"),
        ("ragged.csv", "record 2 (line 3): 5 fields, header has 3"),
        ("ragged.csv", "record 3 (line 4): bad quoting"),
        ("ragged.csv", "record 4 (line 5): 1 fields"),
        ("no_text.csv", "--text-column"),
        ("latin1.csv", "windows-1252"),
        ("rows.jsonl", "line 2: not JSON"),
        ("rows.jsonl", "line 3: no text field"),
    ];
    for (file, reason) in expect {
        let lines = said_about(&stderr, file);
        assert!(
            lines.iter().any(|l| l.contains(reason)),
            "{file}: expected a warning with {reason:?}; stderr:\n{stderr}"
        );
    }

    let docs = table(&out.join("documents.csv"));
    let ids = column(&docs, "doc_id");
    let status = column(&docs, "status");
    let by_id = |id: &str| {
        let i = ids
            .iter()
            .position(|d| d == id)
            .unwrap_or_else(|| panic!("no row for {id}: {ids:?}"));
        (status[i].clone(), i)
    };
    for ok in [
        "good",
        "latin1.txt",
        "dir with spaces/Ünïcødé папка/статья 1",
        "absurd",
        "ragged/1",
        "ragged/2",
        "big_field/1",
        "latin1.csv/1",
        "rows/1",
    ] {
        assert_eq!(by_id(ok).0, "ok", "{ok}");
    }
    assert_eq!(by_id("empty").0, "skipped: empty file");
    assert!(by_id("photo").0.starts_with("skipped: binary file"));
    assert!(by_id("no_text").0.contains("--text-column"));
    // Absurd dates are not dates: kept as written, never turned into one.
    let (_, i) = by_id("absurd");
    assert_eq!(column(&docs, "date")[i], "");
    assert_eq!(column(&docs, "date_raw")[i], "9999-99-99");
    // The 10 MB field is one whole document of 2,000,000 tokens.
    let (_, i) = by_id("big_field/1");
    assert_eq!(column(&docs, "tokens")[i], "2000000");
    // Decoded text, not replacement characters: the accented words are terms.
    let terms: BTreeSet<String> = column(&table(&out.join("terms.csv")), "term")
        .into_iter()
        .collect();
    for t in ["café", "müller", "zürich"] {
        assert!(terms.contains(t), "{t} missing from terms");
    }
    // The manifest lists the warnings too.
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).expect("run.json"))
            .expect("json");
    let warnings = manifest["warnings"].as_array().expect("warnings");
    assert!(warnings.len() >= expect.len() - 2, "{warnings:?}");
}

#[test]
fn exit_codes_say_done_nothing_to_do_or_wrong_usage() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    write(&input.join("a.txt"), STORY.as_bytes());
    // 1: nothing usable at all.
    let empty = dir.path().join("empty_in");
    write(&empty.join("x.txt"), b"");
    let out = bin()
        .arg(&empty)
        .arg("-o")
        .arg(dir.path().join("r1"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("x.txt") && err.contains("empty file"), "{err}");
    // 1: the report cannot be written (a file stands where a folder must go).
    write(&dir.path().join("file"), b"x");
    let out = bin()
        .arg(&input)
        .arg("-o")
        .arg(dir.path().join("file/report"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out"));
    // 2: an output folder holding someone else's files, which stay as they were.
    let theirs = dir.path().join("src");
    write(&theirs.join("main.rs"), b"fn main() {}");
    let out = bin()
        .arg(&input)
        .arg("-o")
        .arg(&theirs)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("main.rs") && err.contains("folder of its own"),
        "{err}"
    );
    let left: Vec<_> = std::fs::read_dir(&theirs)
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(left, ["main.rs"]);
    assert_eq!(
        std::fs::read_to_string(theirs.join("main.rs")).expect("read"),
        "fn main() {}"
    );
    // 0: done, with the report complete and nothing left beside it.
    run_ok(&[input.to_str().expect("utf-8")], &dir.path().join("r0"));
    assert!(dir.path().join("r0/run.json").exists());
    let beside: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
}

#[test]
fn a_report_inside_the_corpus_is_not_read_back_as_news() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(&dir.path().join("a.txt"), STORY.as_bytes());
    let root = dir.path().to_str().expect("utf-8");
    let out = dir.path().join("reports");
    run_ok(&[root], &out);
    let again = run_ok(&[root], &out);
    assert!(
        String::from_utf8_lossy(&again.stderr).is_empty(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(column(&table(&out.join("documents.csv")), "doc_id"), ["a"]);
}

#[test]
fn a_folder_of_100000_tiny_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    for d in 0..100 {
        std::fs::create_dir_all(input.join(format!("d{d:02}"))).expect("mkdir");
    }
    for i in 0..100_000 {
        std::fs::write(
            input.join(format!("d{:02}/f{i:06}.txt", i % 100)),
            format!("Note {i}: officials said item {} went well.\n", i * 7919),
        )
        .expect("write");
    }
    let out = dir.path().join("r");
    run_ok(&[input.to_str().expect("utf-8"), "-q"], &out);
    let docs = table(&out.join("documents.csv"));
    assert_eq!(docs.1.len(), 100_000);
    let ok = column(&docs, "status")
        .iter()
        .filter(|s| s.as_str() == "ok")
        .count();
    let dup = column(&docs, "status")
        .iter()
        .filter(|s| s.starts_with("duplicate"))
        .count();
    assert_eq!(ok + dup, 100_000, "every file analysed or a named copy");
}

#[test]
fn a_17_mb_single_file_is_analysed_whole_with_advice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    let sentence =
        "The ministers met in Geneva and discussed trade, energy and security at length. ";
    let n = (17 << 20) / sentence.len() + 1;
    write(&input.join("dump.txt"), sentence.repeat(n).as_bytes());
    let out = dir.path().join("r");
    let run = run_ok(&[input.to_str().expect("utf-8")], &out);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("dump.txt") && err.contains("one file per article"),
        "{err}"
    );
    let docs = table(&out.join("documents.csv"));
    assert_eq!(column(&docs, "status"), ["ok"]);
    assert_eq!(column(&docs, "sentences"), [n.to_string()]);
}

#[test]
fn files_deleted_while_the_run_goes_are_reported_and_the_rest_analysed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    let n = 4000;
    for i in 0..n {
        write(
            &input.join(format!("f{i:05}.txt")),
            distinct_text(i, 60).as_bytes(),
        );
    }
    let out = dir.path().join("r");
    let child = bin()
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start");
    // Delete every tenth file while the run is reading.
    let mut deleted = BTreeSet::new();
    for i in (0..n).step_by(10) {
        let _ = std::fs::remove_file(input.join(format!("f{i:05}.txt")));
        deleted.insert(format!("f{i:05}"));
    }
    let done = child.wait_with_output().expect("wait");
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let docs = table(&out.join("documents.csv"));
    let ids = column(&docs, "doc_id");
    let status = column(&docs, "status");
    for (id, st) in ids.iter().zip(&status) {
        if deleted.contains(id) {
            // Seen before it was deleted: read in time, or named as unreadable.
            assert!(
                st == "ok" || st.starts_with("skipped: cannot read"),
                "{id}: {st}"
            );
        } else {
            assert_eq!(st, "ok", "{id}");
        }
    }
    // Every file that was never deleted is in the report.
    let present: BTreeSet<&String> = ids.iter().collect();
    for i in 0..n {
        let id = format!("f{i:05}");
        assert!(deleted.contains(&id) || present.contains(&id), "{id} lost");
    }
}

/// The files a report folder holds, and whether they are exactly those its manifest lists.
fn consistent(out: &Path) -> Result<usize, String> {
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("run.json")).map_err(|e| format!("run.json: {e}"))?,
    )
    .map_err(|e| format!("run.json: {e}"))?;
    let mut listed: BTreeSet<String> = manifest["files"]
        .as_array()
        .ok_or("no files")?
        .iter()
        .filter_map(|f| f.as_str().map(String::from))
        .collect();
    listed.insert("run.json".into());
    let present: BTreeSet<String> = std::fs::read_dir(out)
        .map_err(|e| e.to_string())?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    if listed != present {
        return Err(format!("listed {listed:?} but found {present:?}"));
    }
    let docs = table(&out.join("documents.csv"));
    let analysed = column(&docs, "status")
        .iter()
        .filter(|s| s.as_str() == "ok")
        .count();
    let claimed = manifest["documents"].as_u64().ok_or("no documents")? as usize;
    if analysed != claimed {
        return Err(format!(
            "documents.csv has {analysed}, run.json says {claimed}"
        ));
    }
    Ok(analysed)
}

#[test]
fn a_run_killed_at_any_moment_leaves_one_whole_report_and_no_spill_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let small = dir.path().join("small");
    write(&small.join("a.txt"), STORY.as_bytes());
    write(
        &small.join("b.txt"),
        b"Peskov said the Kremlin had no comment on the talks.",
    );
    let large = dir.path().join("large");
    for i in 0..3000 {
        write(
            &large.join(format!("f{i:05}.txt")),
            format!(
                "{} {} Lavrov said.",
                distinct_text(i, 60),
                rare_words(i, 40)
            )
            .as_bytes(),
        );
    }
    let out = dir.path().join("r");
    run_ok(&[small.to_str().expect("utf-8")], &out);
    assert_eq!(consistent(&out), Ok(2));
    // The large corpus' word pairs spill to disk (an engine pool of 6 MB for them, the
    // smallest it takes), so some kills land while spill files exist.
    let spilling = [("NEWSREPORT_SUMS_POOL", "6291456")];
    // How long a whole run of the large corpus takes, to spread the kills over it.
    let started = Instant::now();
    let timing = dir.path().join("timing");
    let status = (bin().arg(&large).arg("-o").arg(&timing).arg("-q"))
        .envs(spilling)
        .status()
        .expect("run");
    let whole = started.elapsed();
    assert!(status.success());
    let page = std::fs::read_to_string(timing.join("index.html")).expect("page");
    assert!(page.contains("on disk past it"), "the pairs did not spill");
    run_ok(&[small.to_str().expect("utf-8")], &out);
    let mut seen = BTreeSet::new();
    for k in 0..14u32 {
        let mut child = bin()
            .arg(&large)
            .arg("-o")
            .arg(&out)
            .arg("-q")
            .envs(spilling)
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start");
        std::thread::sleep(whole * k / 10 + Duration::from_millis(u64::from(k)));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let n = consistent(&out).unwrap_or_else(|e| panic!("after a kill at step {k}: {e}"));
        assert!(n == 2 || n == 3000, "a report of {n} documents");
        seen.insert(n);
    }
    // The next run cleans whatever the killed ones left beside the folder.
    run_ok(&[small.to_str().expect("utf-8")], &out);
    let beside: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
    assert_eq!(consistent(&out), Ok(2));
    assert!(seen.contains(&2), "some kill came before publishing");
}

/// The page with its "Time" entries of the run summary cut out.
fn without_timing(html: &[u8]) -> Vec<u8> {
    let html = String::from_utf8_lossy(html);
    match (html.find("<dt>Time</dt>"), html.find("</dl>")) {
        (Some(from), Some(to)) if from < to => {
            format!("{}{}", &html[..from], &html[to..]).into_bytes()
        }
        _ => html.into_owned().into_bytes(),
    }
}

/// run.json with its timing field and the output path left out.
fn manifest_without_timing(out: &Path) -> serde_json::Value {
    let mut m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).expect("run.json"))
            .expect("json");
    let m_obj = m.as_object_mut().expect("object");
    m_obj.remove("seconds");
    m_obj.remove("chart_seconds");
    m
}

#[test]
fn same_input_same_report_and_manifest_and_a_changed_byte_shows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    for i in 0..40u64 {
        write(
            &input.join(format!("d{}/f{i:03}.txt", i % 3)),
            format!("{} Peskov said.", distinct_text(i, 80)).as_bytes(),
        );
    }
    let arg = input.to_str().expect("utf-8");
    let one = dir.path().join("one");
    let two = dir.path().join("two");
    run_ok(&[arg, "--threads", "1"], &one);
    run_ok(&[arg, "--threads", "2"], &two);
    let names = |d: &Path| -> BTreeSet<String> {
        std::fs::read_dir(d)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(names(&one), names(&two));
    for name in names(&one) {
        if name == "run.json" {
            continue;
        }
        let mut a = std::fs::read(one.join(&name)).expect("read");
        let mut b = std::fs::read(two.join(&name)).expect("read");
        if name == "index.html" {
            // The page shows the run's time, like run.json's timing fields.
            a = without_timing(&a);
            b = without_timing(&b);
        }
        assert!(a == b, "{name} differs between 1 and 2 threads");
    }
    let m1 = manifest_without_timing(&one);
    assert_eq!(m1, manifest_without_timing(&two));
    assert_eq!(m1["input"]["files"], 40);
    let fp = m1["input"]["fingerprint"].as_str().expect("fingerprint");
    assert!(fp.starts_with("xxh3:") && fp.len() == 21, "{fp}");
    // One byte changed in one file: a different fingerprint.
    let f = input.join("d1/f001.txt");
    let mut bytes = std::fs::read(&f).expect("read");
    bytes[0] ^= 0x20;
    std::fs::write(&f, bytes).expect("write");
    run_ok(&[arg], &one);
    assert_ne!(manifest_without_timing(&one)["input"]["fingerprint"], fp);
}
