//! The error type of a run, and the exit code each kind maps to.
//!
//! Errors carry what a user needs to act: the path involved and, where there is one, the fix.
//! Problems with single input files are not errors: they are [`crate::Warning`]s, reported and
//! counted while the rest of the corpus is analysed.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line asks for something that cannot be done (exit code 2).
    #[error("{0}")]
    Usage(String),
    /// A file the user named (stop words, input) could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Nothing to analyse (exit code 1).
    #[error("{0}")]
    NoDocuments(String),
    /// The report could not be written (exit code 1).
    #[error(
        "cannot write {}: {source}. Check that the folder is writable and the disk has space, or pick another folder with --out.",
        path.display()
    )]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Counting past the memory budget failed (exit code 1).
    #[error(
        "counting past the memory budget failed: {0}. Spill files go into the report's staging folder beside --out: free disk space there, or give a larger --memory."
    )]
    Spill(String),
    /// What a run keeps on disk (term counts, texts, phrases, the list of input files) could
    /// not be written or read back (exit code 1): it goes to disk whatever the budget, so
    /// only space (or another folder) helps.
    #[error(
        "{0}. Every article's term counts, metadata, statement texts and mentions, the phrases and the list of input files are kept in the report's staging folder beside --out while the report is made: free disk space there, or pick another folder with --out."
    )]
    CountsOnDisk(String),
    /// The cluster (`--cluster`) could not do its part (exit code 1); the message names the
    /// worker or the step.
    #[error("{0}")]
    Cluster(String),
}

impl Error {
    /// The process exit code: 2 for wrong usage, 1 for everything else.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) | Error::Read { .. } => 2,
            Error::NoDocuments(_)
            | Error::Write { .. }
            | Error::Spill(_)
            | Error::CountsOnDisk(_)
            | Error::Cluster(_) => 1,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts that cannot be kept on disk say what failed and what helps: space, or another
    /// folder, not a larger budget (they go to disk whatever it is).
    #[test]
    fn counts_on_disk_says_what_helps() {
        let e = Error::CountsOnDisk(
            "cannot write the term counts kept on disk in out/spill: No space left on device"
                .into(),
        );
        let text = e.to_string();
        assert!(text.starts_with(
            "cannot write the term counts kept on disk in out/spill: No space left on device. "
        ));
        assert!(text.contains("free disk space there, or pick another folder with --out"));
        assert!(!text.contains("--memory"));
        assert_eq!(e.exit_code(), 1);
    }
}
