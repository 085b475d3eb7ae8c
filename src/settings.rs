//! Resolved settings of a run: what the command line asked for, checked and loaded.
//!
//! Owns the defaults and the checks that need no corpus (a stop-word file that exists, a
//! scheme option that makes sense). Knows nothing of clap: the CLI builds a [`Settings`], and
//! so can a test or another program.

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::input::Columns;
use crate::input::metadata::Overrides;
use crate::periods::Period;
use crate::text::StopWords;
use crate::tfidf::Weighting;
use crate::topics::dictionary::Dictionary;

#[derive(Debug, Clone)]
pub struct Settings {
    /// Files and folders to analyse.
    pub inputs: Vec<PathBuf>,
    /// Output folder.
    pub out: PathBuf,
    /// Worker threads; 0 = one per core.
    pub threads: usize,
    /// The memory budget (`--memory`).
    pub memory: crate::engine::Budget,
    pub stop_words: StopWords,
    /// Snowball stemming on (default) or off.
    pub stem: bool,
    /// Start tables with a UTF-8 byte-order mark for Excel.
    pub excel: bool,
    /// Terms per document in tfidf.csv.
    pub top_per_doc: usize,
    /// Also write the whole document-term matrix (doc_terms.csv).
    pub matrix: bool,
    pub weighting: Weighting,
    /// No progress or summary on stderr/stdout.
    pub quiet: bool,
    /// Count page furniture too (no boilerplate removal).
    pub keep_boilerplate: bool,
    /// Workers' URLs (`--cluster`): the parts of the run that can go to a cluster go there;
    /// empty, the whole run is local.
    pub cluster: Vec<String>,
    /// Count every copy of a repeated article.
    pub keep_duplicates: bool,
    /// Write tables only: no PNG charts (index.html still shows the tables).
    pub no_charts: bool,
    /// No report.xlsx (`--no-workbook`).
    pub no_workbook: bool,
    /// Write the big tables as Parquet too (`crate::parquet`), not only past its row limit.
    pub parquet: bool,
    /// The user's own dates, titles and sources (`--metadata`).
    pub metadata: Overrides,
    /// Column names of CSV/JSONL input (None: the usual names).
    pub columns: Columns,
    /// Name variant (lower case) -> canonical speaker name (`--aliases`).
    pub aliases: std::collections::HashMap<String, String>,
    /// Length of the periods of trends; None picks a readable one.
    pub period: Option<Period>,
    /// How many of the corpus's top terms term_trends.csv follows.
    pub trend_terms: usize,
    /// Words the user follows over time (`--track`), as written.
    pub track: Vec<String>,
    /// Dictionary topics (the built-in one unless `--topics`); None: off.
    pub topics: Option<Dictionary>,
    /// Where the dictionary came from: `built-in` or the file's path.
    pub topics_from: String,
    /// Number of discovered topics; None: chosen from the corpus size; Some(0): off.
    pub topics_k: Option<usize>,
    /// Seed of the NMF initialisation.
    pub seed: u64,
    /// Most documents NMF is fitted on (`crate::topics::nmf::sample_rows`).
    pub topics_sample: usize,
    /// What groups keyness compares (`--compare`: source, folder, period or a metadata
    /// column); None chooses.
    pub compare: Option<String>,
    /// Words each side of a keyword in kwic.csv.
    pub kwic_window: usize,
    /// Examples per term in kwic.csv at most.
    pub kwic_per_term: usize,
}

/// The default `--seed`.
pub const DEFAULT_SEED: u64 = 1;

impl Default for Settings {
    fn default() -> Self {
        Self {
            inputs: vec![PathBuf::from("seeds")],
            out: PathBuf::from("reports"),
            threads: 0,
            memory: crate::engine::Budget::default_for_machine(),
            stop_words: StopWords::nltk_english(),
            stem: true,
            excel: false,
            top_per_doc: 20,
            matrix: false,
            weighting: Weighting::default(),
            quiet: false,
            keep_boilerplate: false,
            cluster: Vec::new(),
            keep_duplicates: false,
            no_charts: false,
            no_workbook: false,
            parquet: false,
            metadata: Overrides::default(),
            columns: Columns::default(),
            aliases: Default::default(),
            period: None,
            trend_terms: 20,
            track: Vec::new(),
            topics: Some(Dictionary::builtin()),
            topics_from: "built-in".into(),
            topics_k: None,
            seed: DEFAULT_SEED,
            topics_sample: crate::topics::DEFAULT_SAMPLE,
            compare: None,
            kwic_window: crate::compare::kwic::DEFAULT_WINDOW,
            kwic_per_term: crate::compare::kwic::DEFAULT_PER_TERM,
        }
    }
}

impl Settings {
    /// Adds the words of a user's stop-word file (one per line) to the list.
    pub fn add_stop_words_file(&mut self, path: &std::path::Path) -> Result<()> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        self.stop_words.extend_from_lines(&text);
        Ok(())
    }

    /// Loads `--aliases FILE.csv`: rows of variant, canonical name (a header row is allowed).
    pub fn add_aliases_file(&mut self, path: &std::path::Path) -> Result<()> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut rd = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        for (i, rec) in rd.records().enumerate() {
            let rec =
                rec.map_err(|e| Error::Usage(format!("{}: row {}: {e}", path.display(), i + 1)))?;
            let (Some(variant), Some(canonical)) = (rec.get(0), rec.get(1)) else {
                return Err(Error::Usage(format!(
                    "{}: row {} needs two columns: variant,canonical name",
                    path.display(),
                    i + 1
                )));
            };
            let (variant, canonical) = (variant.trim(), canonical.trim());
            if i == 0 && variant.eq_ignore_ascii_case("variant") {
                continue;
            }
            if !variant.is_empty() && !canonical.is_empty() {
                self.aliases
                    .insert(variant.to_lowercase(), canonical.to_string());
            }
        }
        Ok(())
    }

    /// Loads `--topics FILE.toml`, or turns dictionary topics off for `none`.
    pub fn set_topics(&mut self, arg: &str) -> Result<()> {
        if arg == "none" {
            self.topics = None;
            self.topics_from = "none".into();
            return Ok(());
        }
        let path = std::path::Path::new(arg);
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let dict = Dictionary::parse(&text)
            .map_err(|e| Error::Usage(format!("--topics {}: {e}", path.display())))?;
        self.topics = Some(dict);
        self.topics_from = path.display().to_string();
        Ok(())
    }

    /// Checks combinations that cannot work, with the fix in the message.
    pub fn check(&self) -> Result<()> {
        let w = self.weighting;
        if w.sublinear && !w.scheme.has_sublinear() {
            return Err(Error::Usage(format!(
                "--sublinear-tf has no meaning for --tfidf {} (it has no sublinear variant); use it with --tfidf sklearn or --tfidf quanteda",
                w.scheme.name()
            )));
        }
        if self.inputs.is_empty() {
            return Err(Error::Usage(
                "no input given: name a folder of .txt articles".into(),
            ));
        }
        if let Some(by) = &self.compare
            && let crate::compare::groups::By::Attribute(name) =
                crate::compare::groups::By::parse(by)
            && !self.metadata.attribute_names().iter().any(|a| **a == *name)
        {
            let columns: Vec<&str> = (self.metadata.attribute_names().iter())
                .map(|a| &**a)
                .collect();
            let known = if columns.is_empty() {
                "no --metadata file with other columns is given".to_string()
            } else {
                format!("the --metadata columns are {}", columns.join(", "))
            };
            return Err(Error::Usage(format!(
                "--compare {name}: not source, folder, period or a column of the --metadata file ({known})"
            )));
        }
        Ok(())
    }
}
