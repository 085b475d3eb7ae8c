//! The progress bar on stderr, one per stage that reads the corpus: files and MB done, rate,
//! time left.
//!
//! Shown only when stderr is a terminal and `--quiet` is not given, and only once a stage
//! has run for over a second, so short runs and logs stay clean. Counting is thread-safe
//! (workers call [`Stage::advance`] as they finish files); drawing is rate-limited by
//! indicatif. Never changes what a run computes.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a stage runs before its bar appears.
const QUIET_START: Duration = Duration::from_millis(1000);

/// Whether bars are drawn at all in this run.
pub fn wanted(quiet: bool) -> bool {
    !quiet && std::io::stderr().is_terminal()
}

/// One stage's bar (a no-op when bars are not wanted).
pub struct Stage {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: AtomicBool,
    files: AtomicU64,
    total_files: u64,
}

impl Stage {
    /// A stage named `name` over `files` files of `bytes` bytes in all.
    pub fn new(name: &str, files: u64, bytes: u64, wanted: bool) -> Self {
        let bar = wanted.then(|| {
            let bar = ProgressBar::with_draw_target(Some(bytes), ProgressDrawTarget::hidden());
            let style = ProgressStyle::with_template(
                // wide_bar takes what the text leaves, so the line never wraps.
                "{prefix:>9} {wide_bar} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} {msg} {eta} left",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
            bar.set_style(style);
            bar.set_prefix(name.to_string());
            bar
        });
        Self {
            bar,
            started: Instant::now(),
            shown: AtomicBool::new(false),
            files: AtomicU64::new(0),
            total_files: files,
        }
    }

    /// One file of `bytes` bytes done.
    pub fn advance(&self, bytes: u64) {
        let Some(bar) = &self.bar else {
            return;
        };
        let done = self.files.fetch_add(1, Ordering::Relaxed) + 1;
        bar.inc(bytes);
        // The file count is a message (a String), so it is refreshed now and then, not per file.
        if done.is_multiple_of(64) || done == self.total_files {
            bar.set_message(format!("{done}/{} files", self.total_files));
        }
        if !self.shown.load(Ordering::Relaxed)
            && self.started.elapsed() > QUIET_START
            && self
                .shown
                .compare_exchange(false, true, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    /// Clears the bar (warnings and the summary print after it).
    pub fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_files_and_bytes_from_many_threads() {
        let stage = Stage::new("reading", 1000, 1000 * 7, true);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..250 {
                        stage.advance(7);
                    }
                });
            }
        });
        assert_eq!(stage.files.load(Ordering::Relaxed), 1000);
        let bar = stage.bar.as_ref().expect("bar");
        assert_eq!(bar.position(), 7000);
        assert_eq!(bar.message(), "1000/1000 files");
        stage.finish();
    }

    #[test]
    fn no_bar_when_not_wanted() {
        let stage = Stage::new("reading", 3, 30, false);
        stage.advance(10);
        assert!(stage.bar.is_none());
    }
}
