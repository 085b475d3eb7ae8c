//! The passes over the input files: the first counts recurring lines and finds duplicates
//! ([`scan_all`], with the MinHash values in [`super::signatures`]' files); the second reads, describes and analyses every article ([`analyze_all`]);
//! the third reads again only the articles whose words are shown in context
//! ([`contexts`]). Each pass runs in parallel over the sources and gives its results in
//! doc_id order.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use rayon::prelude::*;

use super::file_list::FileList;
use super::signatures::{self, SignatureFiles, Slot};
use super::worked::{self, Work, WorkedSource};
use crate::Warning;
use crate::compare::kwic::{self, Line, Plan};
use crate::corpus::{
    DocName, DocStats, Pairs, Partial, Record, Spool, Spooled, Status, TermCounts,
};
use crate::discover::Source;
use crate::engine::EngineError;
use crate::input::{self, Article, metadata};
use crate::meta::boilerplate::{LineBatch, LineSums, RecurringLines, Removed};
use crate::meta::duplicates::{self, Head, Signed};
use crate::meta::{self, Given, PubDate};
use crate::progress;
use crate::settings::Settings;
use crate::speakers::mentions::Kept;
use crate::text::Analyzer;
use crate::topics::dictionary::Matcher;

/// Per-document `Given` metadata: the table's columns overlaid with the user's file.
fn given_for(article: &Article, settings: &Settings) -> Given {
    metadata::given_for(article, &settings.metadata)
}

/// What the first pass learns about the corpus: lines that recur across articles (page
/// furniture), and which articles are copies of an earlier one.
#[derive(Default)]
pub struct Scan {
    pub recurring: Option<RecurringLines>,
    /// How often the line counts spilled to disk.
    pub spills: usize,
    /// doc_id of a copy -> doc_id of the article it copies.
    pub duplicate_of: HashMap<String, String>,
}

/// Sources per parallel task in the two passes: small, so that no core sits idle while the
/// other finishes a long run of articles at the end of a pass.
const SOURCES_PER_TASK: usize = 32;

/// One accumulator per pool thread: each worker adds into its own (its lock is never
/// contended), so tasks can be small without a merge per task. What is summed is exact and
/// order-free, so the total does not depend on which thread added what.
struct PerWorker<T>(Vec<Mutex<T>>);

impl<T: Default> PerWorker<T> {
    fn new() -> PerWorker<T> {
        PerWorker(
            (0..rayon::current_num_threads().max(1))
                .map(|_| Mutex::default())
                .collect(),
        )
    }

    /// Runs `f` on the calling worker's accumulator. `f` must not wait on other tasks.
    fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        self.with_index(|_, t| f(t))
    }

    /// [`PerWorker::with`], also given which accumulator it is.
    fn with_index<R>(&self, f: impl FnOnce(usize, &mut T) -> R) -> R {
        let i = rayon::current_thread_index().unwrap_or(0) % self.0.len();
        f(
            i,
            &mut self.0[i].lock().unwrap_or_else(PoisonError::into_inner),
        )
    }

    fn into_inner(self) -> impl Iterator<Item = T> {
        (self.0.into_iter()).map(|m| m.into_inner().unwrap_or_else(PoisonError::into_inner))
    }
}

/// What the first pass keeps of an article: its date and id (which copy is the original)
/// and its signature's head; the MinHash values are in the signature files at `slot`.
struct Scanned {
    date: Option<PubDate>,
    doc_id: String,
    head: Head,
    slot: Slot,
}

/// First pass: read every article once to count recurring lines (in `lines`, the engine's
/// sums; none when furniture is kept) and find duplicates. Only line hashes and signatures
/// are kept, never the texts; the signatures' MinHash values go to files in `spill`. With
/// `copies` (found from the signatures a cluster's workers made, [`Copies`]), no file is
/// read here: `lines` is then none, the workers having counted them too.
pub fn scan_all(
    sources: &FileList,
    settings: &Settings,
    lines: Option<LineSums>,
    copies: Option<HashMap<String, String>>,
    spill: &Path,
    stage: &progress::Stage,
) -> Result<Scan, EngineError> {
    if let Some(duplicate_of) = copies {
        debug_assert!(lines.is_none(), "the workers counted the lines");
        return Ok(Scan {
            duplicate_of,
            ..Scan::default()
        });
    }
    if lines.is_none() && settings.keep_duplicates {
        return Ok(Scan::default());
    }
    let batches = PerWorker::<LineBatch>::new();
    let writers = PerWorker::<signatures::Writer>::new();
    // Flattened a block of files at a time, as the second pass keeps its rows: a vector for
    // every file, held to the end of the pass, cost more than the signatures' heads.
    let mut sigs: Vec<Scanned> = Vec::with_capacity(sources.len());
    sources.in_blocks(|block| {
        let per_source: Vec<Vec<Scanned>> = block
            .par_iter()
            .with_max_len(SOURCES_PER_TASK)
            .map(|source| {
                let articles = input::read_source(source, &settings.columns).articles;
                // Sized to the source: a vector grown from empty keeps room for 4 rows, and
                // most sources hold one article.
                let mut sigs = Vec::with_capacity(articles.len());
                for article in articles {
                    if let Some(lines) = &lines {
                        batches.with(|b| lines.add_document(&article.text, b));
                    }
                    if !settings.keep_duplicates {
                        let given = given_for(&article, settings);
                        let (date, sig) = duplicates::dated_signature(&article.text, &given);
                        let slot = writers.with_index(|i, w| w.push(spill, i, &sig));
                        sigs.push(Scanned {
                            date,
                            doc_id: article.doc_id,
                            head: sig.head(),
                            slot,
                        });
                    }
                }
                stage.advance(source.size);
                sigs
            })
            .collect();
        sigs.extend(per_source.into_iter().flatten());
    });
    let tail = Instant::now();
    let (recurring, spills) = match lines {
        Some(lines) => {
            for mut b in batches.into_inner() {
                lines.flush(&mut b);
            }
            let (recurring, spills) = lines.finish()?;
            (Some(recurring), spills)
        }
        None => (None, 0),
    };
    let duplicate_of = copies_of(sigs, writers.into_inner().enumerate())?;
    if std::env::var_os("NEWSREPORT_PHASES").is_some() {
        eprintln!(
            "phase {:>8.3} s    of which scan serial tail (recurring, sort, find_duplicates)",
            tail.elapsed().as_secs_f64()
        );
    }
    Ok(Scan {
        recurring,
        spills,
        duplicate_of,
    })
}

/// The duplicates from signatures made elsewhere (by a cluster's workers), as they come:
/// their MinHash values go to the signature files, as the local pass writes them, and the
/// copies are found the same way.
#[cfg_attr(not(feature = "cluster"), allow(dead_code))]
pub struct Copies<'a> {
    spill: &'a Path,
    writer: signatures::Writer,
    sigs: Vec<Scanned>,
}

#[cfg_attr(not(feature = "cluster"), allow(dead_code))]
impl<'a> Copies<'a> {
    /// Signature files in `spill`.
    pub fn new(spill: &'a Path) -> Self {
        Copies {
            spill,
            writer: signatures::Writer::default(),
            sigs: Vec::new(),
        }
    }

    pub fn push(&mut self, s: Signed) {
        self.sigs.push(Scanned {
            slot: self.writer.push(self.spill, 0, &s.signature),
            head: s.signature.head(),
            date: s.date,
            doc_id: s.doc_id,
        });
    }

    /// doc_id of each copy -> doc_id of the article it copies.
    pub fn finish(self) -> Result<HashMap<String, String>, EngineError> {
        copies_of(self.sigs, std::iter::once((0, self.writer)))
    }
}

/// doc_id of each copy -> doc_id of the article it copies, from every article's signature
/// (its MinHash values in the files of `writers`).
fn copies_of(
    mut sigs: Vec<Scanned>,
    writers: impl Iterator<Item = (usize, signatures::Writer)>,
) -> Result<HashMap<String, String>, EngineError> {
    // The earliest published copy is the original; undated ones come after dated ones, and
    // ties go by doc_id, so the choice never depends on thread timing.
    sigs.sort_unstable_by(|a, b| {
        (a.date.is_none(), a.date, &a.doc_id).cmp(&(b.date.is_none(), b.date, &b.doc_id))
    });
    let heads: Vec<Head> = sigs.iter().map(|s| s.head).collect();
    let slots: Vec<Slot> = sigs.iter().map(|s| s.slot).collect();
    let files = SignatureFiles::finish(writers, &slots)?;
    drop(slots);
    let mut duplicate_of = HashMap::new();
    for (i, of) in duplicates::find_duplicates_in(&heads, &files)?
        .into_iter()
        .enumerate()
    {
        if let Some(j) = of {
            duplicate_of.insert(sigs[i].doc_id.clone(), sigs[j].doc_id.clone());
        }
    }
    Ok(duplicate_of)
}

/// What the second pass gives: every article's record, the analysed documents, the summed
/// corpus counts, the furniture removed, and the warnings.
pub struct Analysed {
    pub records: Vec<Record>,
    pub docs: Vec<DocStats>,
    /// The people each document names, one for each of `docs`: only the speakers' merge
    /// reads them.
    pub mentions: Vec<Kept>,
    /// The spool the documents' term counts were written to, sealed (each document's
    /// counts read back from it by position); `Ok(None)` without a spool, and an error when
    /// it could not be written: counts are then missing.
    pub made: std::io::Result<Option<Arc<Spooled>>>,
    /// The spool the articles' metadata strings and statement texts were written to,
    /// sealed, as `made`.
    pub texts: std::io::Result<Option<Arc<Spooled>>>,
    pub partial: Partial,
    pub removed: Removed,
    pub warnings: Vec<Warning>,
}

/// Second pass: reads, describes and analyses every article in parallel, into `keep`;
/// returns the records of all articles and the analysed documents, both in doc_id order, the
/// summed corpus-wide counts, and the warnings.
pub fn analyze_all(
    sources: &FileList,
    settings: &Settings,
    scan: &Scan,
    analyzer: &Analyzer,
    stage: &progress::Stage,
    mut keep: Keep<'_>,
) -> Analysed {
    let is_copy = |doc_id: &str| scan.duplicate_of.contains_key(doc_id);
    let work = Work {
        columns: &settings.columns,
        sheet: &settings.metadata,
        recurring: scan.recurring.as_ref(),
        is_copy: &is_copy,
        analyzer,
    };
    sources.in_blocks(|block| {
        let rows: Vec<Rows> = block
            .par_iter()
            .with_max_len(SOURCES_PER_TASK)
            .map(|source| {
                let rows = keep.source(worked::work(source, &work));
                stage.advance(source.size);
                rows
            })
            .collect();
        keep.push(rows);
    });
    keep.finish()
}

/// An input file's rows: each article's record with its analysis (none for a copy or an
/// unreadable file), and the file's warnings.
pub type Rows = (Vec<(Record, Option<(DocStats, Kept)>)>, Vec<Warning>);

/// What the run keeps of the worked files of the second pass, whichever machine worked them
/// and in whatever order they come.
pub struct Keep<'a> {
    scan: &'a Scan,
    matcher: Option<&'a Matcher>,
    pairs: &'a Pairs,
    spool: Option<Spool>,
    texts: Option<crate::spool::Spool>,
    partials: PerWorker<Partial>,
    removed: PerWorker<Removed>,
    records: Vec<Record>,
    docs: Vec<DocStats>,
    mentions: Vec<Kept>,
    warnings: Vec<Warning>,
}

impl<'a> Keep<'a> {
    /// For about `files` files. With a `spool`, each document's term counts are written to
    /// it as soon as they are made, and not kept in memory; it is sealed once every article
    /// is kept. The same for the metadata strings and statement texts with `texts`.
    pub fn new(
        files: usize,
        scan: &'a Scan,
        matcher: Option<&'a Matcher>,
        pairs: &'a Pairs,
        spool: Option<Spool>,
        texts: Option<crate::spool::Spool>,
    ) -> Self {
        // Records and documents in two vectors, each record pointing at its document,
        // filled a block of files at a time: the rows of every file, held to the end of the
        // pass, took 180 MB more than these on the 16x corpus. Sized for one article a file
        // (a table file holds more): room never written to takes no memory.
        Keep {
            scan,
            matcher,
            pairs,
            spool,
            texts,
            partials: PerWorker::new(),
            removed: PerWorker::new(),
            records: Vec::with_capacity(files),
            docs: Vec::with_capacity(files),
            mentions: Vec::with_capacity(files),
            warnings: Vec::new(),
        }
    }

    /// The rows of one worked file; its counts added to the run's (any thread).
    pub fn source(&self, worked: WorkedSource) -> Rows {
        // Sized to the source, as in the first pass (rows are about 360 bytes).
        let mut rows = Vec::with_capacity(worked.unreadable.len() + worked.articles.len());
        let mut warnings = worked.warnings;
        for u in worked.unreadable {
            warnings.push(Warning::new(Path::new(&u.path), u.reason.clone()));
            rows.push((
                Record::new(
                    DocName::new(&u.doc_id, &u.path),
                    Status::Skipped(u.reason.into()),
                    None,
                    "",
                    worked.fingerprint,
                ),
                None,
            ));
        }
        for article in worked.articles {
            if !article.removed.is_empty() {
                (self.removed).with(|r| r.add_lines(&article.doc_id, &article.removed));
            }
            let status = match self.scan.duplicate_of.get(&article.doc_id) {
                Some(of) => Status::Duplicate(of.as_str().into()),
                None => Status::Ok,
            };
            // What the run keeps of the article goes to the heap for kept data
            // (crate::alloc): its ids made there, its analysis and metadata copied there.
            let name = crate::alloc::kept(|| DocName::new(&article.doc_id, &article.path));
            let analysis = article.analysis.filter(|_| status == Status::Ok);
            let stats = analysis.map(|(a, speech)| {
                self.partials.with(|p| p.add(&a, self.pairs));
                let terms = match &self.spool {
                    Some(s) => TermCounts::spooled(s.spooled(), s.put(&a.terms)),
                    None => TermCounts::from_sorted(&a.terms),
                };
                let (speech, mut named) = speech.split();
                let mut stats = DocStats {
                    name: name.clone(),
                    characters: article.characters,
                    tokens: a.tokens,
                    sentences: a.sentences,
                    terms,
                    speech,
                    topics: self.matcher.map_or_else(Vec::new, |m| m.count(&a.hits)),
                };
                if let Some(t) = &self.texts {
                    stats.speech.spool_texts(t);
                    named.spool(t);
                }
                crate::alloc::kept(|| (stats.clone(), named.clone()))
            });
            let mut meta = article.meta;
            if let Some(t) = &self.texts {
                meta.spool_words(t);
            }
            rows.push((
                Record::new(
                    name,
                    status,
                    Some(crate::alloc::kept(|| meta.clone())),
                    article.encoding,
                    worked.fingerprint,
                ),
                stats,
            ));
        }
        (rows, warnings)
    }

    /// Keeps the rows of a block of files.
    pub fn push(&mut self, rows: Vec<Rows>) {
        for (rows, w) in rows {
            for (mut record, stats) in rows {
                if let Some((s, named)) = stats {
                    record.set_analysed(self.docs.len());
                    self.docs.push(s);
                    self.mentions.push(named);
                }
                self.records.push(record);
            }
            self.warnings.extend(w);
        }
    }

    /// Everything kept, in doc_id order.
    pub fn finish(self) -> Analysed {
        let Keep {
            spool,
            texts,
            partials,
            removed,
            mut records,
            mut docs,
            mut mentions,
            warnings,
            ..
        } = self;
        // What went to the spools is read from them from now on.
        let made = spool.map(Spool::seal).transpose();
        let texts = texts.map(crate::spool::Spool::seal).transpose();
        let partial = partials
            .into_inner()
            .reduce(Partial::merge)
            .unwrap_or_default();
        let removed = removed
            .into_inner()
            .reduce(Removed::merge)
            .unwrap_or_default();
        let tail = Instant::now();
        // Ids are unique (discover makes them so): the order is the same whatever came first.
        records.sort_unstable_by(|a, b| {
            (a.name.doc_id(), a.name.path()).cmp(&(b.name.doc_id(), b.name.path()))
        });
        // The documents follow their records, moved in place.
        let mut from = Vec::with_capacity(docs.len());
        for record in &mut records {
            if let Some(i) = record.analysed() {
                record.set_analysed(from.len());
                from.push(i);
            }
        }
        permute(from, |a, b| {
            docs.swap(a, b);
            mentions.swap(a, b);
        });
        if std::env::var_os("NEWSREPORT_PHASES").is_some() {
            eprintln!(
                "phase {:>8.3} s    of which analyse serial tail (sort rows)",
                tail.elapsed().as_secs_f64()
            );
        }
        Analysed {
            records,
            docs,
            mentions,
            made,
            texts,
            partial,
            removed,
            warnings,
        }
    }
}

/// Reorders items in place, by swapping places (`swap`), so that the item at `i` is the one
/// that was at `from[i]` (`from` a permutation): no second vector of items.
fn permute(mut from: Vec<usize>, mut swap: impl FnMut(usize, usize)) {
    for start in 0..from.len() {
        // Follows the cycle through `start`, marking each place done as it is filled.
        let mut at = start;
        while from[at] != start && from[at] != at {
            let next = from[at];
            swap(at, next);
            from[at] = at;
            at = next;
        }
        from[at] = at;
    }
}

/// Third pass: reads again the articles `plan` shows in context, cleans them as the second
/// pass did, and finds the chosen occurrences. `records` and `sources` are the run's; an
/// article that cannot be read again (moved, changed) gives no lines.
pub fn contexts(
    plan: &Plan,
    records: &[Record],
    sources: &FileList,
    settings: &Settings,
    scan: &Scan,
    analyzer: &Analyzer,
    stems: &[&str],
) -> Vec<Line> {
    // The chosen documents' ids, by the source they come from.
    let mut by_source: HashMap<&str, Vec<(&str, usize)>> = HashMap::new();
    for r in records {
        if let Some(doc) = r.analysed().filter(|d| plan.by_doc.contains_key(d)) {
            (by_source.entry(r.name.path()).or_default()).push((r.name.doc_id(), doc));
        }
    }
    let sources =
        sources.matching(|s| by_source.contains_key(s.path.display().to_string().as_str()));
    let wanted: Vec<(&Source, &Vec<(&str, usize)>)> = (sources.iter())
        .filter_map(|s| Some((s, by_source.get(s.path.display().to_string().as_str())?)))
        .collect();
    let mut lines: Vec<Line> = wanted
        .par_iter()
        .flat_map_iter(|(source, docs)| {
            let mut out = Vec::new();
            for article in input::read_source(source, &settings.columns).articles {
                let Some(&(_, doc)) = docs.iter().find(|(id, _)| *id == article.doc_id) else {
                    continue;
                };
                let given = given_for(&article, settings);
                let described = meta::describe(&article.text, &given, scan.recurring.as_ref());
                out.extend(kwic::lines_in(
                    &described.body,
                    doc,
                    &plan.by_doc[&doc],
                    stems,
                    analyzer,
                    settings.kwic_window,
                ));
            }
            out
        })
        .collect();
    lines.sort_by_key(|l| (l.slot, plan.rank[l.doc], l.occurrence));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every permutation of six places, moved in place, equals the copy `from` describes.
    #[test]
    fn permute_in_place_equals_the_copy() {
        fn all(n: usize) -> Vec<Vec<usize>> {
            if n == 0 {
                return vec![vec![]];
            }
            let mut out = Vec::new();
            for p in all(n - 1) {
                for at in 0..n {
                    let mut q = p.clone();
                    q.insert(at, n - 1);
                    out.push(q);
                }
            }
            out
        }
        let perms = all(6);
        assert_eq!(perms.len(), 720);
        for from in perms {
            let old: Vec<String> = (0..6).map(|i| format!("item{i}")).collect();
            let want: Vec<String> = from.iter().map(|&i| old[i].clone()).collect();
            let mut items = old.clone();
            permute(from, |a, b| items.swap(a, b));
            assert_eq!(items, want);
        }
        let mut one = vec!['a', 'b', 'c'];
        permute(vec![1, 2, 0], |a, b| one.swap(a, b));
        assert_eq!(one, ['b', 'c', 'a']);
    }

    #[test]
    fn per_worker_sums_are_whole_on_any_pool() {
        for threads in [1, 3] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("pool");
            let sums = pool.install(|| {
                let acc = PerWorker::<u64>::new();
                (1..1001u32)
                    .into_par_iter()
                    .with_max_len(1)
                    .for_each(|i| acc.with(|s| *s += u64::from(i)));
                acc.into_inner().collect::<Vec<u64>>()
            });
            assert_eq!(sums.len(), threads);
            assert_eq!(sums.iter().sum::<u64>(), 500_500);
        }
    }
}
