//! The command line: every flag, its help text and default, defined once.
//!
//! Owns turning arguments into [`Settings`]; the only module that knows clap.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::error::Result;
use crate::input::Columns;
use crate::input::metadata::Overrides;
use crate::periods::Period;
use crate::settings::{DEFAULT_SEED, Settings};
use crate::tfidf::{Scheme, Weighting};

#[derive(Debug, Parser)]
#[command(
    name = "newsreport",
    version,
    about = "Turn a folder of news articles into a report: CSV tables of the words that dominate, \
             the words that make each article distinctive (TF-IDF), recurring phrases, who is \
             quoted (speakers), how words and topics rise and fall over time, discovered topics; \
             PNG charts of them and one page, index.html, that shows it all.",
    long_about = "Turn a folder of news articles into a report: CSV tables of the words that \
                  dominate, the words that make each article distinctive (TF-IDF), recurring \
                  two-word phrases, who is quoted and how often (speakers), how words and topics \
                  rise and fall over time, and discovered topics; PNG charts of them, and one \
                  page, index.html, that shows it all.\n\n\
                  Example: newsreport articles/ --out reports/",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Article files or folders to analyse. Folders are searched recursively. Read: .txt files
    /// (one article each, any common encoding; Factiva and LexisNexis text exports are split
    /// into their articles), and .csv/.jsonl tables with one article per row.
    /// [default: seeds, the repository's five example articles]
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Folder to write the report into: created if missing; otherwise it must be empty or hold
    /// an earlier newsreport report, which is replaced whole (other files are never touched:
    /// a folder holding them is refused).
    #[arg(short, long, value_name = "DIR", default_value = "reports")]
    pub out: PathBuf,

    /// Worker threads; 0 uses every core. The counting engine (word pairs, recurring lines)
    /// has one thread of its own besides. The report is the same whatever the number.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub threads: usize,

    /// Memory budget, e.g. 1GB or 800MB (default: half this machine's memory, at most 2GB).
    /// Recurring lines (first pass) and word pairs (second pass) are counted within a sixth
    /// of it and spill to disk past that (into the report's staging folder beside --out,
    /// removed when the run ends). Other parts of a run are not bounded by it yet: a corpus
    /// much larger than memory can still exhaust it.
    #[arg(long, value_name = "SIZE")]
    pub memory: Option<String>,

    /// Extra stop words, one per line (# starts a comment), added to the NLTK English list.
    #[arg(long, value_name = "FILE")]
    pub stop_words: Option<PathBuf>,

    /// Print the effective stop-word list (with --stop-words FILE included) and exit.
    #[arg(long)]
    pub list_stop_words: bool,

    /// Count words as written instead of by their Snowball English stem.
    #[arg(long)]
    pub no_stem: bool,

    /// Start each CSV with a UTF-8 byte-order mark so Excel shows accented names correctly.
    #[arg(long)]
    pub excel: bool,

    /// How many top TF-IDF terms of each document tfidf.csv lists.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub top_per_doc: usize,

    /// Also write doc_terms.csv: every nonzero cell of the document-term matrix, with counts and
    /// TF-IDF (large on big corpora).
    #[arg(long)]
    pub matrix: bool,

    /// Whose TF-IDF numbers to reproduce: sklearn = tf x (ln((1+n)/(1+df))+1), L2-normalised;
    /// tidytext = tf/len x ln(n/df); quanteda = tf x log10(n/df); voyant = tf/len x log10(n/df).
    #[arg(long, value_enum, value_name = "SCHEME", default_value = "sklearn")]
    pub tfidf: SchemeArg,

    /// Use 1 + log(tf) instead of the raw count (natural log for sklearn, log10 for quanteda).
    #[arg(long)]
    pub sublinear_tf: bool,

    /// Count page furniture too: by default comment boxes, share widgets, photo credits, wire
    /// sign-offs, export stamps and lines that recur across many articles are removed first.
    #[arg(long)]
    pub keep_boilerplate: bool,

    /// Count every copy of a repeated article: by default exact and near copies (a re-scrape,
    /// another edition) are marked duplicate_of in documents.csv and left out of every count.
    #[arg(long)]
    pub keep_duplicates: bool,

    /// Your own metadata sheet (CSV or TSV): a doc_id, path, file or filename column to match
    /// articles, and any of date (YYYY, YYYY-MM or a whole date; or a year column), title,
    /// source, section, byline. They win over what is found in the text; every other column
    /// is kept as an attribute in documents.csv.
    #[arg(long, value_name = "FILE.csv|FILE.tsv")]
    pub metadata: Option<PathBuf>,

    /// Speaker names the rules cannot link: a CSV of variant,canonical name (e.g.
    /// "Zelensky,Volodymyr Zelenskyy").
    #[arg(long, value_name = "FILE.csv")]
    pub aliases: Option<PathBuf>,

    /// Column of CSV/JSONL input holding the article text [default: the first of text, content,
    /// body, full_article, article].
    #[arg(long, value_name = "NAME")]
    pub text_column: Option<String>,

    /// Column of CSV/JSONL input holding the publication date [default: date, published,
    /// publish_date, published_at, pubdate].
    #[arg(long, value_name = "NAME")]
    pub date_column: Option<String>,

    /// Column of CSV/JSONL input holding the title [default: title, headline].
    #[arg(long, value_name = "NAME")]
    pub title_column: Option<String>,

    /// Column of CSV/JSONL input holding the outlet [default: source, outlet, publisher].
    #[arg(long, value_name = "NAME")]
    pub source_column: Option<String>,

    /// Column of CSV/JSONL input holding an article id [default: id, doc_id, article_id; else
    /// the row number]. Documents from a table are named FILE/ID.
    #[arg(long, value_name = "NAME")]
    pub id_column: Option<String>,

    /// Write the tables only: no PNG charts (index.html then shows the tables alone).
    #[arg(long)]
    pub no_charts: bool,

    /// Write no report.xlsx (the workbook of every table as typed sheets).
    #[arg(long)]
    pub no_workbook: bool,
    /// Also write documents, quotes, mentions and (with --matrix) doc_terms as Parquet files
    /// (quotes.parquet, ...) for DuckDB, Polars, pandas or Spark. Without it, one of those
    /// tables with more than 1,000,000 rows is written as Parquet anyway
    #[arg(long)]
    pub parquet: bool,
    /// Length of the periods of term_trends.csv, topic_trends.csv and periods.csv [default: the
    /// finest of month, quarter and year giving at most 40 periods].
    #[arg(long, value_enum, value_name = "PERIOD")]
    pub period: Option<PeriodArg>,

    /// How many of the corpus's most frequent terms term_trends.csv follows.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub trend_terms: usize,

    /// Words to follow over time as well (stemmed like every word), e.g. --track sanctions,drone.
    #[arg(long, value_name = "WORD,...", value_delimiter = ',')]
    pub track: Vec<String>,

    /// Dictionary topics: a TOML file of [[topic]] tables with name = "..." and
    /// words = ["word", "stem", "prefix*", "a phrase"]; `none` turns them off [default: the
    /// built-in dictionary for international affairs].
    #[arg(long, value_name = "FILE.toml|none")]
    pub topics: Option<String>,

    /// Number of topics to discover by NMF; 0 turns discovery off [default: √(documents/10),
    /// 3 to 20; none under 50 documents].
    #[arg(long, value_name = "K")]
    pub topics_k: Option<usize>,

    /// Seed of the discovered topics' random start: the same seed gives the same topics.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_SEED)]
    pub seed: u64,

    /// Documents the topics are discovered on: a larger corpus is sampled (seeded by --seed)
    /// and every document then folded into the topics found, so topics cost about the same on
    /// a year of news as on this many articles
    #[arg(long, value_name = "N", default_value_t = crate::topics::DEFAULT_SAMPLE)]
    pub topics_sample: usize,

    /// What keyness.csv compares, each group against the others: source, folder (the first
    /// folder below the input), period (the periods of --period), or a column of --metadata
    /// (e.g. country_code) [default: sources when two or more have 20+ articles, else
    /// folders, else the first half of the dated period against the second]
    #[arg(long, value_name = "BY")]
    pub compare: Option<String>,

    /// Words shown each side of a keyword in kwic.csv.
    #[arg(long, value_name = "N", default_value_t = crate::compare::kwic::DEFAULT_WINDOW)]
    pub kwic_window: usize,

    /// Examples per term in kwic.csv at most, spread evenly over the documents in date order.
    #[arg(long, value_name = "N", default_value_t = crate::compare::kwic::DEFAULT_PER_TERM)]
    pub kwic_per_term: usize,

    /// Print nothing but errors and warnings.
    #[arg(short, long)]
    pub quiet: bool,

    /// Workers to run on, as `newsreport worker` prints their URLs (http://HOST:PORT,...).
    /// Every worker must read the input files at the same paths as this machine. So far the
    /// first pass (recurring lines and duplicate signatures) runs on the workers; the report
    /// is the same as a run on this machine. Needs a newsreport built with `--features cluster`.
    #[arg(long, value_name = "URL,...", value_delimiter = ',')]
    pub cluster: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run as a cluster worker until stopped: prints the URL to give to `--cluster` on its
    /// first line. Needs a newsreport built with `--features cluster`.
    Worker {
        /// Address to listen on: HOST:PORT (port 0 takes a free one).
        #[arg(long, value_name = "HOST:PORT", default_value = "0.0.0.0:50051")]
        listen: String,
        /// The worker's memory budget, e.g. 4GB (default: half this machine's memory, at
        /// most 2GB). Its sums spill to the system's temporary folder past two thirds of it.
        #[arg(long, value_name = "SIZE")]
        memory: Option<String>,
    },
}

/// What `--cluster` and `newsreport worker` say in a binary built without the cluster.
pub const NO_CLUSTER: &str = "this newsreport was built without the cluster: build it with `cargo build --release --features cluster`";

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PeriodArg {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl From<PeriodArg> for Period {
    fn from(p: PeriodArg) -> Self {
        match p {
            PeriodArg::Day => Period::Day,
            PeriodArg::Week => Period::Week,
            PeriodArg::Month => Period::Month,
            PeriodArg::Quarter => Period::Quarter,
            PeriodArg::Year => Period::Year,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SchemeArg {
    Sklearn,
    Tidytext,
    Quanteda,
    Voyant,
}

impl From<SchemeArg> for Scheme {
    fn from(s: SchemeArg) -> Self {
        match s {
            SchemeArg::Sklearn => Scheme::Sklearn,
            SchemeArg::Tidytext => Scheme::Tidytext,
            SchemeArg::Quanteda => Scheme::Quanteda,
            SchemeArg::Voyant => Scheme::Voyant,
        }
    }
}

impl Cli {
    /// The inputs; without any, the repository's `seeds/` when it is there (so that
    /// `cargo run --release` shows a report), else a usage error that says what to give.
    fn inputs(&self) -> Result<Vec<PathBuf>> {
        if !self.inputs.is_empty() {
            return Ok(self.inputs.clone());
        }
        let seeds = PathBuf::from("seeds");
        if seeds.is_dir() {
            return Ok(vec![seeds]);
        }
        Err(crate::Error::Usage(
            "no INPUT given: name a folder of articles (or article files, .csv/.jsonl tables), e.g. `newsreport path/to/articles --out report`; `newsreport --help` lists every option".into(),
        ))
    }

    /// Resolves the arguments into checked settings (reads the stop-word file).
    pub fn settings(&self) -> Result<Settings> {
        let mut s = Settings {
            inputs: self.inputs()?,
            out: self.out.clone(),
            threads: self.threads,
            memory: match &self.memory {
                Some(m) => crate::engine::Budget::parse(m).map_err(crate::Error::Usage)?,
                None => crate::engine::Budget::default_for_machine(),
            },
            stem: !self.no_stem,
            excel: self.excel,
            top_per_doc: self.top_per_doc,
            matrix: self.matrix,
            weighting: Weighting {
                scheme: self.tfidf.into(),
                sublinear: self.sublinear_tf,
            },
            quiet: self.quiet,
            keep_boilerplate: self.keep_boilerplate,
            cluster: self.cluster.clone(),
            keep_duplicates: self.keep_duplicates,
            no_charts: self.no_charts,
            no_workbook: self.no_workbook,
            parquet: self.parquet,
            columns: Columns {
                text: self.text_column.clone(),
                date: self.date_column.clone(),
                title: self.title_column.clone(),
                source: self.source_column.clone(),
                id: self.id_column.clone(),
            },
            period: self.period.map(Period::from),
            trend_terms: self.trend_terms,
            track: self
                .track
                .iter()
                .map(|w| w.trim().to_string())
                .filter(|w| !w.is_empty())
                .collect(),
            topics_k: self.topics_k,
            seed: self.seed,
            topics_sample: self.topics_sample.max(1),
            compare: self.compare.clone(),
            kwic_window: self.kwic_window,
            kwic_per_term: self.kwic_per_term,
            ..Settings::default()
        };
        if !s.cluster.is_empty() && !cfg!(feature = "cluster") {
            return Err(crate::Error::Usage(format!("--cluster: {NO_CLUSTER}")));
        }
        if let Some(arg) = &self.topics {
            s.set_topics(arg)?;
        }
        if let Some(path) = &self.aliases {
            s.add_aliases_file(path)?;
        }
        if let Some(path) = &self.metadata {
            s.metadata = Overrides::load(path)?;
        }
        if let Some(path) = &self.stop_words {
            s.add_stop_words_file(path)?;
        }
        s.check()?;
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let cli = Cli::try_parse_from(["newsreport"]).expect("parse");
        let s = cli.settings().expect("settings");
        assert_eq!(s.inputs, [PathBuf::from("seeds")]);
        assert_eq!(s.out, PathBuf::from("reports"));
        assert_eq!(s.top_per_doc, 20);
        assert_eq!(s.weighting, Weighting::default());
        assert!(s.stem && !s.matrix && !s.excel);
    }

    #[test]
    fn sublinear_needs_a_scheme_that_has_it() {
        let cli = Cli::try_parse_from(["newsreport", "--tfidf", "voyant", "--sublinear-tf"])
            .expect("parse");
        let err = cli.settings().expect_err("must refuse");
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("--tfidf sklearn"), "{err}");
    }

    #[test]
    fn flags_are_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
