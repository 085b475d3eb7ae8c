//! Helpers shared by the end-to-end test binaries: run the real binary, read its tables back
//! as a spreadsheet would.
#![allow(dead_code)] // each test binary uses its own subset

use std::path::Path;
use std::process::{Command, Output};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsreport"))
}

/// Runs newsreport with `args` into `out`; fails the test unless it exits 0.
pub fn run_ok(args: &[&str], out: &Path) -> Output {
    run_ok_with(args, out, &[])
}

/// [`run_ok`] with environment variables set for the run.
pub fn run_ok_with(args: &[&str], out: &Path, envs: &[(&str, &str)]) -> Output {
    let output = bin()
        .args(args)
        .arg("--out")
        .arg(out)
        .envs(envs.iter().copied())
        .output()
        .expect("run newsreport");
    assert!(
        output.status.success(),
        "newsreport {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// A table as (header, rows), checking it is well-formed RFC 4180 UTF-8 CSV.
pub fn table(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rd = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let header: Vec<String> = rd
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows: Vec<Vec<String>> = rd
        .records()
        .map(|r| {
            r.expect("well-formed row")
                .iter()
                .map(String::from)
                .collect()
        })
        .collect();
    for r in &rows {
        assert_eq!(r.len(), header.len(), "ragged row in {}", path.display());
    }
    (header, rows)
}

pub fn col(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// The values of column `name`, in row order.
pub fn column(t: &(Vec<String>, Vec<Vec<String>>), name: &str) -> Vec<String> {
    let c = col(&t.0, name);
    t.1.iter().map(|r| r[c].clone()).collect()
}
