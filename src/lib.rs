//! # newsreport
//!
//! Turns a folder of news articles into CSV tables: which words dominate (`terms.csv`), which
//! make each article distinctive (`tfidf.csv`), which two-word phrases recur (`phrases.csv`),
//! who is quoted, and how words and topics moved over time (`term_trends.csv`,
//! `topic_trends.csv`, `topics.csv`), how groups of articles and speakers differ
//! (`keyness.csv`, `speaker_terms.csv`), who is named with whom (`co_mentions.csv`) and
//! words in context (`kwic.csv`); PNG charts of them, and an `index.html` page that shows it
//! all.
//!
//! ## Data flow
//!
//! Data flows one way; each stage is a module that knows only the one before it:
//!
//! ```text
//! discover -> input (read, decode, split tables) -> meta (dates, titles, sources,
//!          boilerplate: recurring-line sums in the engine; duplicates)
//!          -> text (analyse each document, in parallel)
//!          -> corpus (merge; engine: word-pair sums, spilling past the budget)
//!          -> tfidf, phrases, trends, topics (corpus arithmetic)
//!          -> compare (keyness, speakers' terms, co-mentions: sums in the engine;
//!             keywords in context)
//!          -> tables (CSV) -> charts (PNG, in parallel) -> page (index.html)
//!          -> manifest (run.json)
//! ```
//!
//! The pipeline reads the files rather than keeping texts in memory: the first pass counts
//! lines that recur across articles (summed by [`engine`] within the budget) and MinHash
//! signatures (for duplicates; their values kept on disk, in the staging folder);
//! the second cleans, describes and analyses each article; a third reads again only the
//! articles whose words `kwic.csv` shows.
//!
//! ## Codemap
//!
//! - `main.rs`: the binary; parses flags, calls [`run`], maps the result to an exit code;
//!   sets the allocator ([`alloc`]; freed pages returned at once).
//! - [`alloc`]: the global allocator, mimalloc with a second heap for what the run keeps of
//!   every article ([`alloc::kept`], used by the second pass).
//! - [`cli`]: every flag and its help, defined once; builds [`Settings`]. Only place with clap.
//! - [`settings`]: resolved, checked settings of a run. No clap, no I/O beyond loading a list.
//! - [`pipeline`]: [`run`], the stages in order: the only module that sees them all; its
//!   `passes` read the files (scan, analyse, and the third pass for keywords in context);
//!   `signatures` keeps the first pass' MinHash values in files while duplicates are found;
//!   `file_list` keeps the list of input files on disk from the start of the first pass to
//!   the third, and gives the first two passes a block of files at a time; `worked` is the
//!   second pass' work on one file (read, describe, analyse, attribute: what a cluster's
//!   worker does, and the bytes it sends of it), `passes::Keep` what the run keeps of it;
//!   `on_cluster` runs the first pass and that work on the workers of `--cluster`.
//! - [`discover`]: which files are read, their `doc_id`, and document order.
//! - [`input`]: a file -> articles. [`input::decode`] (encodings, binary files),
//!   [`input::table`] (CSV/JSONL, one article per row), [`input::export`] (Factiva and
//!   LexisNexis text exports, split into their records), [`input::metadata`] (`--metadata`,
//!   CSV or TSV).
//! - [`meta`]: what is known about an article: [`meta::dates`] (publication dates),
//!   [`meta::headline`] (title, source), [`meta::boilerplate`] (page furniture),
//!   [`meta::duplicates`] (MinHash near-duplicates); [`meta::describe`] combines them.
//!   An article's metadata strings wait in a [`spool`] from the second pass on. No other
//!   I/O, never fails.
//! - [`text`]: analysis of one document as a chain of stages:
//!   [`text::tokenize`] (words, sentences) -> [`text::normalize`] (case, apostrophes,
//!   acronyms) -> [`text::stopwords`] -> [`text::stem`]; plus interning into ids, and the
//!   places where dictionary [`text::TokenPatterns`] match (decided once per distinct word).
//!   No I/O, never fails.
//! - [`speakers`]: who is quoted. [`speakers::attribute`] (the driver: statements of one
//!   document) runs a sieve: [`speakers::sieve`] (stage 1, cue -> candidate: ordered named
//!   passes, the first that answers wins and the statement records its `rule`), then
//!   [`speakers::resolve`] (stage 2, candidate -> speaker: named, pronoun, description,
//!   organisation, anonymous source, asking [`speakers::context`]); [`speakers::sentence`]
//!   (the sentence view), [`speakers::names`] (names and titles), [`speakers::words`] (word
//!   lists, data files in `speakers/words/`); [`speakers::lower`] (lower-cased documents:
//!   the names they show given back their capitals, then the sieve); [`speakers::mentions`]
//!   (the people a document names, packed; in a run, on disk in a [`spool`] from the second
//!   pass until the merge reads them, kept beside the documents, not in them);
//!   [`speakers::statements`] (a document's statements as the run keeps them, packed);
//!   [`speakers::merge`] (name variants -> one speaker) and [`speakers::quotes`] (its quotes,
//!   three numbers each, read from the statements when shown); [`speakers::texts`] (where a
//!   document's statement texts are: on disk, in a [`spool`], from the second pass until the
//!   quotes are written). No other I/O, never fails.
//! - [`lexicon`]: word lists more than one module reads (honorifics, company suffixes), one
//!   data file each, loaded once; and [`lexicon::gazetteer`], evidence of what a capitalised
//!   name is (given names, places, nationalities, news outlets, institutions; open data,
//!   licences in `SOURCES.md`).
//! - [`corpus`]: merges documents into corpus counts; renumbers terms in stem order so that
//!   output does not depend on threads; each document's term counts packed
//!   ([`corpus::TermCounts`], kept until the report is written: in a [`corpus::Spool`] on
//!   disk from the second pass on, renumbered into a second one by the merge, read back by
//!   position); [`corpus::DocName`] (an article's id and path, one allocation);
//!   [`corpus::FrequentPairs`] (the pairs seen twice or more, 16 bytes each, gathered in
//!   blocks and made one vector at the end). Word pairs are
//!   summed by [`engine`]. No other I/O.
//! - [`spool`]: bytes that wait on disk until the report is written (term counts, metadata
//!   strings, statement texts, mentions, phrases): an unlinked file in the staging folder,
//!   written from any thread, read back by position.
//! - [`engine`]: the corpus arithmetic that can outgrow memory, on Apache DataFusion: the
//!   budget (`--memory`, [`engine::Budget`]) and [`engine::Sums`], counts summed by key
//!   under a spilling memory pool, spill files in the report's staging folder. Only place
//!   with DataFusion, Arrow and tokio, but for [`cluster`].
//! - `cluster` (`--features cluster`): the workers (`newsreport worker`) and the machine that
//!   asks (`--cluster URL,...`), on datafusion-distributed: the first pass (recurring-line
//!   counts, duplicate signatures) and the work of the second run there, read from the
//!   files by the leaf in `cluster/files.rs`. Only place with datafusion-distributed and
//!   tonic.
//! - [`tfidf`]: the TF-IDF schemes (sklearn, tidytext, quanteda, voyant), and each
//!   document's top terms, chosen when a writer asks ([`tfidf::TopTerms`]). Pure arithmetic.
//! - [`periods`]: days, ISO weeks, months, quarters, years: labels, the zero-filled run of
//!   periods, partial ends. Pure date arithmetic.
//! - [`trends`]: the timeline (documents and tokens per period), term series for the top and
//!   tracked terms, and the change rule of `term_change.csv`. Pure arithmetic; its [`trends::Trends`]
//!   is plain data for the tables and charts.
//! - [`topics`]: dictionary topics ([`topics::dictionary`]: the TOML format, the built-in
//!   dictionary, matching from the token patterns the analysis records per document) and
//!   discovered topics ([`topics::nmf`]: sparse NMF, NNDSVDa + HALS, deterministic for a seed
//!   and any thread count); topic series per period. No I/O (settings read the
//!   dictionary file), never fails.
//! - [`phrases`]: adjacent-pair collocations scored by log-likelihood; the phrases wait in a
//!   [`spool`] once scored (the pair counts are then let go). No other I/O.
//! - [`compare`]: groups of documents (`--compare`: [`compare::groups`]), keyness
//!   ([`compare::keyness`]: signed G², log ratio; for groups and for speakers,
//!   [`compare::speaker_terms`]), people named together ([`compare::co_mentions`]: the pairs
//!   summed by an [`engine::Sums`] the pipeline starts), and which occurrences `kwic.csv`
//!   shows and finding them in a text ([`compare::kwic`]). No other I/O.
//! - [`output`]: the one place that writes files: into a staging folder, swapped with the
//!   output folder in one step once the report is complete; refuses folders not its own.
//! - [`progress`]: the progress bars on stderr (terminal only).
//! - [`tables`]: every table defined once (name, columns, order, typed cells);
//!   [`tables::csv`] writes them as CSV (only place with the csv crate).
//! - [`results`]: the one set of results of a run (and its [`Summary`]), built once and
//!   handed to every writer.
//! - [`workbook`]: `report.xlsx`, the tables as typed sheets. Only place with
//!   rust_xlsxwriter.
//! - [`parquet`]: the big tables (documents, quotes, mentions, doc_terms) as Parquet files,
//!   typed columns, with `--parquet` or past a million rows. Only place with the parquet crate.
//! - [`charts`]: the PNG charts. [`charts::plan`] turns the tables' data into plain chart data
//!   (or the reason a chart is not drawn); [`charts::draw_all`] draws them in parallel:
//!   [`charts::style`] (size, embedded font, palette, text fitting, set once),
//!   [`charts::bars`], [`charts::small_multiples`], [`charts::lines`],
//!   [`charts::diverging`]; [`charts::compare`] plans the comparison charts. Only place with
//!   plotters; writes through [`output`].
//! - [`page`]: `index.html`: summary, charts, first rows of every table, links. No network.
//! - [`manifest`]: `run.json`, written last: options, input fingerprint, counts, warnings,
//!   files.
//! - [`error`]: the error type and exit codes.
//! - [`packed`]: a few strings in one allocation, for what every article keeps (its
//!   metadata, a corpus term's stem and shown word); many strings, or many short lists, in
//!   one buffer (the speaker merge's names; the people and topics of each article).
//! - [`bytes`]: little-endian numbers and length-prefixed strings, written and read back
//!   checked: the layout of what a cluster's worker sends of each article.
//! - [`human`]: numbers in messages: thousands separators, plurals.
//! - `test_rng` (tests only): a seeded xorshift generator the tests share.
//!
//! ## Invariants
//!
//! - Same input, same output: documents are ordered by `doc_id`, terms by stem, and every
//!   table is sorted with explicit tie-breaks, whatever the thread count or file order.
//! - A file that cannot be read is a [`Warning`], never the end of the run.
//! - The output folder holds the previous complete report or the new one, never a mix.
//! - A chart with nothing to show is not drawn, and the run says why.

pub mod alloc;
pub mod bytes;
pub mod charts;
pub mod cli;
#[cfg(feature = "cluster")]
pub mod cluster;
pub mod compare;
pub mod corpus;
pub mod discover;
pub mod engine;
pub mod error;
pub mod human;
pub mod input;
pub mod lexicon;
pub mod manifest;
pub mod meta;
pub mod output;
pub mod packed;
pub mod page;
pub mod parquet;
pub mod periods;
pub mod phrases;
pub mod pipeline;
pub mod progress;
pub mod results;
pub mod settings;
pub mod speakers;
pub mod spool;
pub mod tables;
#[cfg(test)]
mod test_rng;
pub mod text;
pub mod tfidf;
pub mod topics;
pub mod trends;
pub mod workbook;

use std::path::{Path, PathBuf};

pub use error::{Error, Result};
pub use pipeline::run;
pub use results::{Results, Summary};
pub use settings::Settings;

/// A problem with one input that did not stop the run: which file, and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Warning {
    pub path: PathBuf,
    pub message: String,
}

impl Warning {
    pub fn new(path: &Path, message: impl Into<String>) -> Self {
        Self {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}
