//! The cluster path end to end (`cargo test --release --features cluster --test cluster`):
//! two workers of the real binary on loopback ports chosen free at run time. The seeds and
//! a corpus split between both workers give the local run's report; a worker that is gone,
//! or is killed during the run, ends the run with an error and leaves no report. Every worker is stopped when its test
//! ends, also when it fails.
#![cfg(feature = "cluster")]

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};

use common::{bin, run_ok};

/// A worker process, killed when dropped; what it writes on stderr goes to `log`.
struct Worker {
    child: Child,
    url: String,
    log: tempfile::NamedTempFile,
}

impl Worker {
    fn start() -> Worker {
        let log = tempfile::NamedTempFile::new().expect("a log file");
        let mut child = bin()
            .args(["worker", "--listen", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(log.reopen().expect("the log file"))
            .spawn()
            .expect("start a worker");
        let mut line = String::new();
        let stdout = child.stdout.take().expect("the worker's stdout");
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("the worker's first line");
        let worker = Worker {
            url: line
                .trim()
                .rsplit(' ')
                .next()
                .unwrap_or_default()
                .to_string(),
            child,
            log,
        };
        assert!(
            worker.url.starts_with("http://127.0.0.1:"),
            "the worker printed {line:?}"
        );
        worker
    }

    /// The files of the tasks of `job` the worker has run, as it logs them.
    fn files_read(&self, job: Job) -> Vec<usize> {
        let prefix = match job {
            Job::Lines => "newsreport worker: counting the lines of ",
            Job::Signatures => "newsreport worker: signing the articles of ",
            Job::Articles => "newsreport worker: analysing the articles of ",
        };
        std::fs::read_to_string(self.log.path())
            .expect("the worker's log")
            .lines()
            .filter_map(|l| l.strip_prefix(prefix))
            .filter_map(|l| l.strip_suffix(" files")?.parse().ok())
            .collect()
    }
}

/// The jobs a worker runs: the two of the first pass, and the work of the second.
#[derive(Clone, Copy, Debug)]
enum Job {
    Lines,
    Signatures,
    Articles,
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// 600 short articles, each ending with the same two lines of page furniture: enough files
/// for three tasks (so both workers get some), and recurring lines for them to count. Their
/// sentences are drawn from pools by the article's number, so no two are near-copies.
fn corpus(dir: &Path) -> PathBuf {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).expect("folder");
    let places = [
        "Leeds", "Bristol", "Cardiff", "Glasgow", "Belfast", "Norwich", "Hull",
    ];
    let topics = [
        "housing",
        "buses",
        "schools",
        "libraries",
        "parks",
        "roads",
        "flood defences",
        "street lighting",
        "bin collections",
        "the budget",
        "care homes",
    ];
    let speakers = [
        "Jane Morgan, the council leader",
        "Tom Hughes, a local trader",
        "Priya Shah, who chairs the residents' group",
        "Alan Reid, the opposition leader",
        "Maria Lopez, a teacher",
        "Owen Price, the finance officer",
        "Sara Khan, a nurse",
        "David Lee, a bus driver",
        "Ruth Evans, a pensioner",
        "Sam Patel, a student",
        "Helen Ward, the mayor",
        "Ian Scott, a builder",
        "Grace Kim, a librarian",
    ];
    for i in 0..600 {
        let (place, topic) = (places[i % 7], topics[i % 11]);
        let (speaker, other) = (speakers[i % 13], topics[(i / 7) % 11]);
        let text = format!(
            "{place} weighs plan {i} on {topic}\n\n\
             Councillors in {place} met on day {} to argue over {topic}, and the money \
             for {other} came up again.\n\n\
             \"People here care about {topic} more than anything,\" said {speaker}.\n\n\
             A decision on plan {i} is expected within {} weeks.\n\n\
             Follow the Example Gazette on social media for more local news\n\
             Copyright Example Gazette Ltd. All rights reserved.\n",
            1 + i % 28,
            2 + i % 5,
        );
        std::fs::write(articles.join(format!("article_{i:03}.txt")), text).expect("write");
    }
    articles
}

/// Every file of two reports, but the two whose run times differ (`index.html`, `run.json`),
/// byte for byte; the same files in both.
fn assert_same_report(a: &Path, b: &Path) {
    let names = |d: &Path| {
        let mut n: Vec<String> = std::fs::read_dir(d)
            .expect("report folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n != "index.html" && n != "run.json")
            .collect();
        n.sort();
        n
    };
    let (na, nb) = (names(a), names(b));
    assert_eq!(na, nb, "different files");
    assert!(na.iter().any(|n| n == "terms.csv"), "{na:?}");
    for n in na {
        let (x, y) = (a.join(&n), b.join(&n));
        if x.is_file() {
            assert!(
                std::fs::read(&x).expect("read") == std::fs::read(&y).expect("read"),
                "{n} differs between the cluster's run and the local one"
            );
        }
    }
}

#[test]
fn two_workers_give_the_local_report() {
    let workers = [Worker::start(), Worker::start()];
    let urls = format!("{},{}", workers[0].url, workers[1].url);
    let dir = tempfile::tempdir().expect("temp dir");
    let made = corpus(dir.path());
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for (name, input) in [("made", made), ("seeds", seeds)] {
        let input = input.to_str().expect("utf-8 path");
        let local = dir.path().join(format!("{name}_local"));
        let cluster = dir.path().join(format!("{name}_cluster"));
        run_ok(&[input], &local);
        run_ok(&[input, "--cluster", &urls], &cluster);
        assert_same_report(&local, &cluster);
    }
    // The furniture was counted (on the workers) and removed: both lines, in all 600.
    let (header, rows) = common::table(&dir.path().join("made_cluster/boilerplate.csv"));
    let articles = common::col(&header, "articles");
    let counted: Vec<&str> = rows.iter().map(|r| r[articles].as_str()).collect();
    assert_eq!(counted, ["600", "600"], "{rows:?}");
    // Both workers read files for every job: the 600 made ones in three tasks of 200, and
    // the 5 seeds in two tasks of 3 and 2.
    for job in [Job::Lines, Job::Signatures, Job::Articles] {
        let mut tasks: Vec<usize> = workers.iter().flat_map(|w| w.files_read(job)).collect();
        tasks.sort_unstable();
        assert_eq!(
            tasks,
            [2, 3, 200, 200, 200],
            "tasks of {job:?} on the workers"
        );
        assert!(workers.iter().all(|w| !w.files_read(job).is_empty()));
    }
}

/// Copies of one seed article, dated by the user's sheet so that the second file is the
/// earliest: the workers' signatures and the sheet's dates they were sent choose the same
/// original as a local run, with the furniture counted on the workers or kept.
#[test]
fn the_workers_find_the_same_copies_by_the_users_dates() {
    let workers = [Worker::start(), Worker::start()];
    let urls = format!("{},{}", workers[0].url, workers[1].url);
    let dir = tempfile::tempdir().expect("temp dir");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let story = std::fs::read_to_string(seeds.join("000_bf45cc4860d0bda4.txt")).expect("seed");
    let input = dir.path().join("copies");
    std::fs::create_dir_all(&input).expect("folder");
    let near = story.replacen(" the ", " a ", 1);
    assert_ne!(near, story);
    for (name, text) in [("x.txt", &story), ("y.txt", &story), ("z.txt", &near)] {
        std::fs::write(input.join(name), text).expect("write");
    }
    for seed in ["001_53374c4ae69391e8.txt", "002_95ae96cf098ceefb.txt"] {
        std::fs::copy(seeds.join(seed), input.join(seed)).expect("copy");
    }
    let sheet = dir.path().join("dates.csv");
    std::fs::write(
        &sheet,
        "file,date,title,desk\nx.txt,2020-01-02,,\ny,2020-01-01,Sheet title,World\nz.txt,2020-01-03,,Home\n",
    )
    .expect("sheet");
    let (input, sheet) = (
        input.to_str().expect("utf-8"),
        sheet.to_str().expect("utf-8"),
    );
    for (name, kept) in [("lines", None), ("kept", Some("--keep-boilerplate"))] {
        let mut args = vec![input, "--metadata", sheet];
        args.extend(kept);
        let local = dir.path().join(format!("{name}_local"));
        let cluster = dir.path().join(format!("{name}_cluster"));
        run_ok(&args, &local);
        args.extend(["--cluster", &urls]);
        run_ok(&args, &cluster);
        assert_same_report(&local, &cluster);
        let docs = common::table(&cluster.join("documents.csv"));
        let (ids, status, of) = (
            common::column(&docs, "doc_id"),
            common::column(&docs, "status"),
            common::column(&docs, "duplicate_of"),
        );
        let copies: Vec<(&str, &str, &str)> = (0..ids.len())
            .filter(|&i| ids[i].len() == 1)
            .map(|i| (ids[i].as_str(), status[i].as_str(), of[i].as_str()))
            .collect();
        assert_eq!(
            copies,
            [
                ("x", "duplicate", "y"),
                ("y", "ok", ""),
                ("z", "duplicate", "y")
            ],
            "{name}"
        );
        // The sheet's other columns reached the workers that described the articles.
        let (titles, desks) = (
            common::column(&docs, "title"),
            common::column(&docs, "desk"),
        );
        let y = ids.iter().position(|i| i == "y").expect("y");
        assert_eq!(
            (titles[y].as_str(), desks[y].as_str()),
            ("Sheet title", "World"),
            "{name}"
        );
    }
    for job in [Job::Signatures, Job::Articles] {
        let read: usize = workers.iter().flat_map(|w| w.files_read(job)).sum();
        assert_eq!(
            read, 10,
            "each run's 5 files read on the workers for {job:?}"
        );
    }
}

#[test]
fn a_worker_that_is_gone_ends_the_run_with_an_error_and_no_report() {
    let alive = Worker::start();
    let gone = Worker::start().url.clone();
    let dir = tempfile::tempdir().expect("temp dir");
    let made = corpus(dir.path());
    let out = dir.path().join("report");
    let run = bin()
        .arg(&made)
        .args(["--cluster", &format!("{},{gone}", alive.url), "--out"])
        .arg(&out)
        .output()
        .expect("run newsreport");
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains("the cluster failed") && err.contains("newsreport worker"),
        "{err}"
    );
    assert!(!out.exists(), "a report was left behind");
}

/// The sums themselves, from the library: every key's count of articles equals a count made
/// here, one article at a time, and the articles are counted once (600), whichever worker
/// read them.
/// A worker killed while the run goes on (as soon as it starts its first task: the run still
/// has two jobs to send it) ends the run with the error, and leaves no report.
#[test]
fn a_worker_killed_during_the_run_ends_it_with_an_error_and_no_report() {
    let alive = Worker::start();
    let mut doomed = Worker::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let made = corpus(dir.path());
    let out = dir.path().join("report");
    let run = bin()
        .arg(&made)
        .args([
            "--cluster",
            &format!("{},{}", alive.url, doomed.url),
            "--out",
        ])
        .arg(&out)
        .stderr(Stdio::piped())
        .spawn()
        .expect("run newsreport");
    let started = std::time::Instant::now();
    while doomed.files_read(Job::Lines).is_empty() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "the worker got no task"
        );
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    doomed.child.kill().expect("kill the worker");
    let run = run.wait_with_output().expect("the run ends");
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(err.contains("the cluster failed"), "{err}");
    assert!(!out.exists(), "a report was left behind");
}

#[test]
fn the_workers_line_sums_are_exact() {
    use newsreport::cluster::{Cluster, DOCS_KEY};
    use newsreport::input::{Columns, read_source};
    use newsreport::meta::boilerplate::recurring::document_keys;
    use std::collections::BTreeMap;

    let workers = [Worker::start(), Worker::start()];
    let dir = tempfile::tempdir().expect("temp dir");
    let made = corpus(dir.path());
    let sources = newsreport::discover::discover(&[made], &[])
        .expect("the files")
        .sources;
    let columns = Columns::default();
    let mut want: BTreeMap<u64, u64> = BTreeMap::new();
    for s in &sources {
        for article in read_source(s, &columns).articles {
            let mut keys = Vec::new();
            document_keys(&article.text, &mut keys);
            for k in keys {
                *want.entry(k).or_default() += 1;
            }
            *want.entry(DOCS_KEY).or_default() += 1;
        }
    }
    assert_eq!(want[&DOCS_KEY], 600);
    let want: Vec<(u64, u64)> = want.into_iter().collect();
    let urls: Vec<String> = workers.iter().map(|w| w.url.clone()).collect();
    let both = Cluster::new(&urls).expect("the cluster");
    assert_eq!(
        both.line_sums(sources.clone(), &columns).expect("sums"),
        want
    );
    // One worker alone gets every task (the engine would otherwise plan a single task back
    // onto this machine).
    let before = workers[1].files_read(Job::Lines).len();
    let one = Cluster::new(&urls[1..]).expect("a cluster of one");
    assert_eq!(one.line_sums(sources, &columns).expect("sums"), want);
    assert!(
        workers[1].files_read(Job::Lines).len() == before + 2,
        "the lone worker did not run both tasks"
    );
}
