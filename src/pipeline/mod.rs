//! [`run`]: the stages of a run, in order. The only module that sees them all; the passes
//! over the files are in [`passes`].

mod file_list;
mod on_cluster;
mod passes;
mod phases;
mod signatures;
// Its bytes are written and read only by the cluster (and the tests).
#[cfg_attr(not(feature = "cluster"), allow(dead_code))]
pub(crate) mod worked;

use std::time::Instant;

use rayon::prelude::*;

use crate::Warning;
use crate::charts;
use crate::compare::{self, groups, kwic};
use crate::corpus::{self, Corpus, DocStats, Pairs, Partial, Record, Status};
use crate::discover;
use crate::engine::EngineError;
use crate::error::{Error, Result};
use crate::human::{count, thousands};
use crate::manifest;
use crate::meta::boilerplate::LineSums;
use crate::output::OutDir;
use crate::page;
use crate::parquet;
use crate::phrases;
use crate::progress;
use crate::results::{Results, Summary};
use crate::settings::Settings;
use crate::speakers::{self, merge::DocSpeech};
use crate::tables;
use crate::text::{Analyzer, Stemmer};
use crate::topics::{self, Discovered, NmfInput, TopicSeries, dictionary::Matcher};
use crate::trends::{self, Tracked, Trends};
use crate::workbook;
use phases::Phases;

/// Analyses the inputs named in `settings` and writes the report.
pub fn run(settings: &Settings) -> Result<Summary> {
    let started = Instant::now();
    let mut phase = Phases::new();
    settings.check()?;
    // Fail on an unwritable or unsuitable output folder before the long work, not after it.
    let out = OutDir::create(&settings.out)?;
    let found = discover::discover(&settings.inputs, &out.own_folders())?;
    phase.done("discover");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.threads)
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {} threads: {e}", settings.threads)))?;

    let mut analyzer = analyzer_for(settings);
    let mut early_warnings = Vec::new();
    let matcher = settings.topics.as_ref().map(|dict| {
        let (matcher, patterns, notes) = Matcher::compile(dict, &analyzer);
        analyzer.set_patterns(patterns);
        let from = std::path::Path::new(&settings.topics_from);
        early_warnings.extend(notes.into_iter().map(|n| Warning::new(from, n)));
        matcher
    });
    let tracked: Vec<Tracked> = settings
        .track
        .iter()
        .map(|w| {
            let t = track(&analyzer, w);
            if t.stem.is_none() {
                early_warnings.push(Warning::new(
                    std::path::Path::new("--track"),
                    format!("\"{w}\" is not one word that counts as a term (a stop word, a number or several words), so it is not followed"),
                ));
            }
            t
        })
        .collect();
    // The first pass' recurring-line counts, then the second's word pairs, are summed by the
    // engine within their share of the budget (the passes never overlap), spilling past it
    // into the staging folder (removed with it, also by the next run after a kill).
    let sums_pool = crate::engine::sums_pool(settings.memory.sums_share());
    let spill = |e: EngineError| Error::Spill(e.to_string());
    // With --cluster, the workers do the first pass: here it reads no file.
    let on_cluster = (!settings.cluster.is_empty())
        .then(|| on_cluster::first_pass(settings, &found.sources, &out.spill_dir()))
        .transpose()?;
    if on_cluster.is_some() {
        phase.done("first pass on the cluster");
    }
    let (recurring, copies) = on_cluster.map_or((None, None), |c| (c.recurring, c.duplicate_of));
    let lines = (!settings.keep_boilerplate && settings.cluster.is_empty())
        .then(|| LineSums::start(sums_pool, &out.spill_dir()))
        .transpose()
        .map_err(spill)?;
    let pairs = Pairs::start(sums_pool, &out.spill_dir()).map_err(spill)?;
    let bars = progress::wanted(settings.quiet);
    let files = found.sources.len() as u64;
    let bytes: u64 = found.sources.iter().map(|s| s.size).sum();
    // The workers of --cluster are sent the list whole for the second pass too.
    let cluster_sources = (!settings.cluster.is_empty()).then(|| found.sources.clone());
    // Each pass reads the list of files a block at a time, from disk.
    let sources = file_list::FileList::store(found.sources, &out.spill_dir());
    // Each document's term counts go to disk as the second pass makes them (renumbered into
    // a second file when the corpus is merged): without it, none is written.
    let made = corpus::Spool::create(&out.spill_dir());
    // The articles' metadata strings, statement texts and mentions too: only the tables, a
    // few charts and the speakers' merge read them.
    let texts = crate::spool::Spool::create(
        &out.spill_dir(),
        "article-texts",
        "metadata, statement texts and mentions",
    );
    let (scan, analysed) = pool.install(|| {
        let stage = progress::Stage::new("scanning", files, bytes, bars);
        let mut scan =
            passes::scan_all(&sources, settings, lines, copies, &out.spill_dir(), &stage)
                .map_err(spill)?;
        if recurring.is_some() {
            scan.recurring = recurring;
        }
        stage.finish();
        phase.done("scan (pass 1, incl. serial tail)");
        let stage = progress::Stage::new("analysing", files, bytes, bars);
        let keep = passes::Keep::new(files as usize, &scan, matcher.as_ref(), &pairs, made, texts);
        let analysed = match cluster_sources {
            Some(list) => on_cluster::second_pass(settings, list, &scan, &analyzer, &stage, keep)?,
            None => passes::analyze_all(&sources, settings, &scan, &analyzer, &stage, keep),
        };
        stage.finish();
        phase.done("analyse (pass 2, incl. sort)");
        Ok::<_, Error>((scan, analysed))
    })?;
    let passes::Analysed {
        records,
        docs,
        mentions,
        made,
        texts,
        partial,
        removed,
        mut warnings,
    } = analysed;
    // A spool that could not be written has lost counts the run cannot make again without
    // reading every article anew.
    let on_disk = |what: &str, e: std::io::Error| {
        Error::CountsOnDisk(format!(
            "cannot write the {what} kept on disk in {}: {e}",
            out.spill_dir().display()
        ))
    };
    let made = made.map_err(|e| on_disk("term counts", e))?;
    // Kept here too, to ask at the end whether every text was read back.
    let texts = texts.map_err(|e| on_disk("metadata, statement texts and mentions", e))?;
    // Every word form the analysis met, cached on each thread: the pool lives to the end of
    // the run, and nothing after this pass analyses a document through the cache.
    pool.broadcast(|_| crate::text::release_word_cache());
    // A pass that could not read the whole list of files has left articles out.
    if let Some(why) = sources.read_back_failed() {
        return Err(Error::CountsOnDisk(why.to_string()));
    }
    warnings.extend(found.warnings);
    warnings.extend(early_warnings);
    warnings.sort();
    warnings.dedup();
    for w in &warnings {
        eprintln!("newsreport: warning: {w}");
    }
    if docs.is_empty() {
        return Err(Error::NoDocuments(format!(
            "no readable article in {}: newsreport reads .txt files (UTF-8 or a legacy encoding), and .csv/.jsonl tables with a text column, in the folders it is given",
            settings
                .inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    phase.done("warnings");
    // From here the documents' term counts wait on disk, read back as each stage asks.
    let spool = corpus::Spool::create(&out.spill_dir());
    let (corpus, spills) = pool
        .install(|| corpus::build(analyzer.into_lexicon(), docs, partial, pairs, spool))
        .map_err(spill)?;
    // The merged counts were made from these: any that could not be read back are missing
    // from them (the file itself goes with its last reader, now).
    if let Some(why) = made.as_deref().and_then(corpus::Spooled::failed) {
        return Err(Error::CountsOnDisk(why.to_string()));
    }
    drop(made);
    phase.done("corpus::build");

    // The pair counts are taken out of the corpus: only the phrases are scored from them,
    // and the phrases wait on disk. The mentions (from disk, where they wait in a run) go
    // to the speakers' merge, which lets them go once it has read them.
    let mut corpus = corpus;
    let pair_counts = std::mem::take(&mut corpus.pairs);
    let corpus = corpus;
    let mut dates = vec![None; corpus.docs.len()];
    for r in &records {
        if let Some(i) = r.analysed() {
            dates[i] = r.meta.as_ref().and_then(|m| m.date);
        }
    }
    // Phrases, speakers, trends and topics each read only the corpus. With room to spare they
    // run side by side, so the serial ones fill the cores the factorisation leaves idle; under
    // a tight budget one after another, so that only one's working memory is held at a time.
    // Each is deterministic on its own, so how they run changes nothing in the output.
    // NEWSREPORT_IN_TURN is for developers: a small corpus run in turn, as a large one under
    // a tight budget would (a test compares it with a run side by side).
    let in_turn = settings.memory.in_turn(corpus.docs.len())
        || std::env::var_os("NEWSREPORT_IN_TURN").is_some_and(|v| !v.is_empty());
    let phrase_spool = crate::spool::Spool::create(&out.spill_dir(), "phrases", "phrases");
    // The pair counts go as soon as the phrases are scored.
    let terms = &corpus.terms;
    let phrases = move || phrases::score(&pair_counts, terms, phrase_spool);
    let trends = || {
        trends::timeline(&corpus, &dates, settings.period)
            .map(|t| trends::trends(&corpus, t, settings.trend_terms, &tracked))
    };
    let topics = || {
        let started = Instant::now();
        (discover(&corpus, settings), started.elapsed().as_secs_f64())
    };
    let speech = DocsSpeech {
        docs: &corpus.docs,
        dates: &dates,
    };
    let (((phrases, speakers), trends), ((discovered, nmf_input, note), topics_seconds)) =
        if in_turn {
            // The phrases first, so that the pair counts are gone before the others run.
            let phrases = pool.install(phrases);
            let merge = || speakers::merge::merge(&speech, mentions, &settings.aliases);
            let speakers = pool.install(merge);
            pool.install(|| (((phrases, speakers), trends()), topics()))
        } else {
            let speakers = || speakers::merge::merge(&speech, mentions, &settings.aliases);
            pool.install(|| rayon::join(|| (rayon::join(phrases, speakers), trends()), topics))
        };
    let phrases = phrases.map_err(|e| on_disk("phrases", e))?;
    let mut notes = vec![trends_note(trends.as_ref())];
    if let Some(m) = &matcher {
        notes.push(format!(
            "dictionary topics: {} ({})",
            m.names.len(),
            settings.topics_from
        ));
    }
    let lower_case = corpus.docs.iter().filter(|d| d.speech.lower_case).count();
    notes.extend(speakers::lower::note(lower_case, corpus.docs.len()));
    let topics_seconds = discovered.as_ref().map(|_| topics_seconds);
    notes.push(match (&discovered, topics_seconds) {
        (Some(_), Some(s)) => format!("{note} in {s:.2} s"),
        _ => note,
    });
    phase.done("phrases, speakers, trends and topics");
    let weighting = settings.weighting;
    let idfs = weighting.idfs(&corpus);
    // Each document's top terms are chosen when the tables and charts ask for them. Its
    // weights are kept only for doc_terms.csv (--matrix).
    let top = crate::tfidf::TopTerms::new(&corpus, &idfs, weighting, settings.top_per_doc);
    let matrix: Option<Vec<Vec<f64>>> = settings.matrix.then(|| {
        pool.install(|| {
            (corpus.docs.par_iter())
                .map(|d| weighting.weigh(d, &idfs))
                .collect()
        })
    });
    phase.done("tfidf weights (--matrix) [par]");
    let topic_series: Option<Vec<TopicSeries>> = trends.as_ref().map(|t| {
        let names = matcher.as_ref().map(|m| &m.names[..]).unwrap_or(&[]);
        topics::topic_trends(&corpus, &t.timeline, names, discovered.as_ref())
    });
    phase.done("topic_trends [serial]");

    // Comparisons, then the third pass: the chosen words in context.
    let words = analyzer_for(settings);
    // The word pairs' engine is done: the co-mentions have the same share of the budget.
    let co_mentions = crate::engine::Sums::start(sums_pool, &out.spill_dir()).map_err(spill)?;
    let comparison = pool
        .install(|| {
            let by = settings.compare.as_deref().map(groups::By::parse);
            let cx = groups::Context {
                records: &records,
                documents: corpus.docs.len(),
                inputs: &settings.inputs,
                timeline: trends.as_ref().map(|t| &t.timeline),
            };
            let groups = groups::groups(by.as_ref(), &cx);
            compare::compare(&corpus, groups, &speakers, &words, co_mentions)
        })
        .map_err(spill)?;
    let memory = memory_note(
        settings.memory,
        in_turn,
        sums_pool,
        scan.recurring.is_some(),
        scan.spills + spills + comparison.spills,
    );
    notes.push(comparison.note.clone());
    let terms_order = Results::order_terms(&corpus);
    let plan = kwic::plan(
        kwic_terms(&corpus, &terms_order, &comparison, &tracked),
        &corpus,
        &dates,
        settings.kwic_per_term,
    );
    let stems: Vec<&str> = (plan.terms.iter())
        .map(|w| corpus.terms[w.term as usize].stem())
        .collect();
    let kwic_lines = pool
        .install(|| passes::contexts(&plan, &records, &sources, settings, &scan, &words, &stems));
    drop(sources);
    phase.done("compare and keyword in context (pass 3)");

    let boilerplate = removed.rows();
    let results = Results {
        records: &records,
        corpus: &corpus,
        idfs: &idfs,
        top,
        matrix: matrix.as_deref(),
        phrases: &phrases,
        speakers: &speakers,
        trends: trends.as_ref(),
        topic_series: topic_series.as_deref(),
        discovered: discovered.as_ref(),
        nmf_input: nmf_input.as_ref().filter(|_| settings.matrix),
        attributes: settings.metadata.attribute_names(),
        boilerplate: &boilerplate,
        terms_order,
        speaker_periods: trends.as_ref().map_or_else(Vec::new, |t| {
            trends::speaker_periods(&t.timeline, &speakers.quotes)
        }),
        comparison: &comparison,
        kwic_terms: &plan.terms,
        kwic: &kwic_lines,
    };
    let table_list = tables::all(&results);
    let mut summary = summarize(&records, &corpus, warnings);
    summary.notes = notes;
    summary.memory = memory;
    summary.topics_seconds = topics_seconds;
    let about = charts::about(&results, &charts::corpus_name(&settings.inputs));
    let about_lines = summary.about();
    // The workbook's sheets first, side by side; then packing them into report.xlsx, which
    // is serial, runs beside the CSV, the Parquet and the charts (on one core the order
    // changes nothing; on two the packing no longer runs alone).
    let sheets = (!settings.no_workbook)
        .then(|| pool.install(|| workbook::sheets(&out, &table_list, &about_lines)))
        .transpose()?;
    phase.done("workbook sheets");
    let (book, (written, drawn)) = pool.install(|| {
        rayon::join(
            || sheets.map(|s| s.save(&out)).transpose(),
            || {
                rayon::join(
                    || -> Result<Vec<std::path::PathBuf>> {
                        let mut files = tables::write_all(&out, &table_list, settings.excel)?;
                        files.extend(parquet::write_all(&out, &table_list, settings.parquet)?);
                        Ok(files)
                    },
                    || {
                        (!settings.no_charts)
                            .then(|| {
                                let drawing = Instant::now();
                                let plan = charts::plan(&results, &about, weighting.scheme.name());
                                charts::draw_all(&out, &plan)
                                    .map(|d| (d, drawing.elapsed().as_secs_f64()))
                            })
                            .transpose()
                    },
                )
            },
        )
    });
    let mut files = written?;
    if let Some((path, truncated)) = book? {
        files.push(path);
        for t in truncated {
            summary.notes.push(format!(
                "report.xlsx: sheet {} holds the first {} of {} rows (the CSV has them all)",
                t.sheet,
                thousands(i64::from(workbook::MAX_DATA_ROWS)),
                thousands(t.rows as i64)
            ));
        }
    }
    if let Some((drawn, seconds)) = drawn? {
        for w in &drawn.warnings {
            eprintln!("newsreport: warning: {w}");
        }
        files.extend(drawn.files);
        summary.not_drawn = drawn.not_drawn;
        summary.warnings.extend(drawn.warnings);
        summary.chart_seconds = seconds;
    }
    phase.done("tables, parquet and charts beside packing the workbook");
    summary.out = settings.out.clone();
    summary.seconds = started.elapsed().as_secs_f64();
    // Said on the page and the terminal, never in the tables or workbook: the same input
    // gives the same report whatever the machine.
    let peak = crate::engine::own_status_kb("VmHWM:").map(|kb| kb * 1024);
    if let Some(over) = peak.and_then(|p| settings.memory.overrun(p)) {
        summary.memory.push_str(&format!("; {over}"));
    }
    let index = page::write(
        &out,
        &page::Page {
            about: &about.over(),
            summary: &summary,
            files: &files,
            not_drawn: &summary.not_drawn,
            no_charts: settings.no_charts,
            tables: &table_list,
        },
    )?;
    files.push(index);
    files.push(manifest::write(&out, settings, &summary, &records, &files)?);
    // A report made from counts that could not be read back would be wrong: none is published.
    let texts_failed = texts.as_deref().and_then(crate::spool::Spooled::failed);
    let phrases_failed = phrases.read_back_failed();
    if let Some(why) = corpus
        .read_back_failed()
        .or(texts_failed)
        .or(phrases_failed)
    {
        return Err(Error::CountsOnDisk(why.to_string()));
    }
    // Only now, with every file and the manifest written, does the report replace the old.
    out.publish()?;
    phase.done("page+manifest+publish");
    summary.files = files;
    Ok(summary)
}

/// What the speakers' merge reads of each analysed document's statements, in document order
/// (its mentions are given beside them, in the same order), made as it asks.
struct DocsSpeech<'a> {
    docs: &'a [DocStats],
    /// Each document's date.
    dates: &'a [Option<crate::meta::PubDate>],
}

impl<'a> speakers::merge::Documents<'a> for DocsSpeech<'a> {
    fn len(&self) -> usize {
        self.docs.len()
    }

    fn get(&self, i: usize) -> DocSpeech<'a> {
        let d = &self.docs[i];
        DocSpeech {
            doc_id: d.name.doc_id(),
            date: self.dates[i],
            statements: &d.speech.statements,
            texts: &d.speech.texts,
        }
    }
}

/// A tracked word as the analysis sees it.
fn track(analyzer: &Analyzer, word: &str) -> Tracked {
    let terms = analyzer.terms_of(word);
    let stem = match terms.as_slice() {
        [Some(stem)] => Some(stem.clone()),
        _ => None,
    };
    Tracked {
        word: word.to_string(),
        stem,
    }
}

fn trends_note(trends: Option<&Trends>) -> String {
    let Some(t) = trends else {
        return "trends: none, since no document has a date that fits the periods (give dates with --metadata, or a coarser --period)".into();
    };
    let tl = &t.timeline;
    let how = if tl.automatic {
        format!(
            "by {}, the finest of month, quarter and year with at most {} periods that most dates are precise enough for; --period to change",
            tl.period.name(),
            crate::periods::READABLE_PERIODS
        )
    } else {
        format!("by {}", tl.period.name())
    };
    let (first, last) = match (tl.spans.first(), tl.spans.last()) {
        (Some(f), Some(l)) => (f.label.as_str(), l.label.as_str()),
        _ => ("", ""),
    };
    let mut note = format!(
        "trends: {} periods {how}, {first} to {last}",
        tl.spans.len()
    );
    if tl.undated > 0 {
        note.push_str(&format!(
            "; {} without a date left out",
            count(tl.undated as u64, "document")
        ));
    }
    if tl.too_coarse > 0 {
        note.push_str(&format!(
            "; {} dated only by {} left out (--period year counts them)",
            count(tl.too_coarse as u64, "document"),
            if tl.period < crate::periods::Period::Month {
                "month or year"
            } else {
                "year"
            }
        ));
    }
    note
}

/// The analysis chain of the run's settings (stop words, stemming).
fn analyzer_for(settings: &Settings) -> Analyzer {
    let stemmer = if settings.stem {
        Stemmer::english()
    } else {
        Stemmer::none()
    };
    Analyzer::new(settings.stop_words.clone(), stemmer)
}

/// The terms shown in context: the corpus' top terms, the tracked words, and the strongest
/// key terms of each group drawn in keyness.png.
fn kwic_terms(
    corpus: &Corpus,
    order: &[crate::text::TermId],
    comparison: &compare::Comparison,
    tracked: &[Tracked],
) -> Vec<kwic::Wanted> {
    let mut wanted: Vec<kwic::Wanted> = (order.iter())
        .filter(|&&t| corpus.terms[t as usize].count > 0)
        .take(compare::KWIC_TOP_TERMS)
        .map(|&term| kwic::Wanted {
            term,
            why: "top term".into(),
        })
        .collect();
    wanted.extend(
        (tracked.iter())
            .filter_map(|t| corpus.term_of_stem(t.stem.as_deref()?))
            .map(|term| kwic::Wanted {
                term,
                why: "tracked".into(),
            }),
    );
    if let Some(g) = &comparison.groups {
        for keys in comparison
            .shown_groups()
            .iter()
            .map(|&k| &comparison.keyness[k])
        {
            wanted.extend(
                (keys.over.iter())
                    .take(compare::KWIC_KEYS_PER_GROUP)
                    .map(|k| kwic::Wanted {
                        term: k.term,
                        why: format!("key for {}", g.names[keys.group]),
                    }),
            );
        }
    }
    wanted
}

/// Discovered topics, the NMF input they came from, and a line for the summary.
fn discover(
    corpus: &Corpus,
    settings: &Settings,
) -> (Option<Discovered>, Option<NmfInput>, String) {
    let n = corpus.docs.len();
    let k = match settings.topics_k {
        Some(0) => return (None, None, "discovered topics: off (--topics-k 0)".into()),
        Some(k) if n >= topics::MIN_DOCUMENTS => k.min(n),
        None if n >= topics::MIN_DOCUMENTS => topics::default_k(n).unwrap_or(3),
        _ => {
            return (
                None,
                None,
                format!(
                    "discovered topics: skipped, {n} documents are too few to find topics in (at least {} are needed)",
                    topics::MIN_DOCUMENTS
                ),
            );
        }
    };
    let input = topics::nmf_input(corpus);
    if input.terms.len() < k {
        let note = format!(
            "discovered topics: skipped, only {} terms are in 2 or more (and at most 95%) of the documents, fewer than the {k} topics asked for",
            input.terms.len()
        );
        return (None, None, note);
    }
    let d = topics::discover(corpus, &input, k, settings.seed, settings.topics_sample);
    let fitted = if n > settings.topics_sample {
        format!(
            "a seeded sample of {} of {} (--topics-sample), then every document folded in",
            thousands(settings.topics_sample as i64),
            count(n as u64, "document"),
        )
    } else {
        count(n as u64, "document")
    };
    let note = format!(
        "discovered topics: {k} (NMF of {fitted} x {} terms, seed {}, {} iterations, loss {:.4})",
        thousands(input.terms.len() as i64),
        settings.seed,
        d.iterations,
        d.loss
    );
    (Some(d), Some(input), note)
}

fn summarize(records: &[Record], corpus: &Corpus, warnings: Vec<Warning>) -> Summary {
    let mut undated: std::collections::BTreeMap<String, usize> = Default::default();
    let mut summary = Summary {
        documents: corpus.docs.len(),
        tokens: corpus.tokens,
        terms: corpus.terms.len(),
        warnings,
        ..Summary::default()
    };
    for r in records {
        match &r.status {
            Status::Ok => {
                if let Some(m) = &r.meta
                    && m.date.is_none()
                {
                    let why = match m.date_problem {
                        Some(p) => format!("with {p} ({})", m.date_from.as_str()),
                        None => "with no date found".to_string(),
                    };
                    *undated.entry(why).or_default() += 1;
                }
            }
            Status::Duplicate(_) => summary.duplicates += 1,
            Status::Skipped(_) => summary.skipped += 1,
        }
        if let Some(m) = &r.meta {
            summary.boilerplate_lines += m.boilerplate_lines as u64;
        }
    }
    summary.undated = undated.into_iter().collect();
    summary
        .undated
        .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    summary
}

/// The budget and where it bit, for the summary ("2.0 GB (...); ... summed within 341 MB"):
/// `lines` when the first pass counted recurring lines in the engine, `spills` over both
/// passes and the co-mentions.
fn memory_note(
    budget: crate::engine::Budget,
    in_turn: bool,
    pool: u64,
    lines: bool,
    spills: usize,
) -> String {
    let whence = if budget.given {
        "--memory"
    } else {
        "half this machine's memory, at most 2 GB; --memory sets it"
    };
    let what = if lines {
        "recurring-line counts, word pairs and co-mentions"
    } else {
        "word pairs and co-mentions"
    };
    let pool = crate::human::bytes(pool);
    let sums = match spills {
        0 => format!("{what} summed within {pool}"),
        n => format!(
            "{what} summed within {pool}, on disk past it ({})",
            count(n as u64, "spill")
        ),
    };
    let stages = if in_turn {
        "; phrases, speakers and topics one after another, to stay within it"
    } else {
        ""
    };
    format!("{} ({whence}); {sums}{stages}", budget.label())
}

/// For tests and benches: the corpus of in-memory texts, analysed as a run would.
///
/// Panics when the engine cannot start: a test must fail then, not see an empty corpus.
pub fn corpus_of(texts: &[(&str, &str)], settings: &Settings) -> Corpus {
    // A folder per call: tests run side by side in one process, and the engine removes its
    // folder when it finishes, which must not pull the folder from under another call.
    static CALLS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let scratch = std::env::temp_dir().join(format!(
        "newsreport-corpus-of-{}-{call}",
        std::process::id()
    ));
    let analyzer = analyzer_for(settings);
    let pairs = match Pairs::start(settings.memory.sums_share(), &scratch) {
        Ok(p) => p,
        Err(e) => panic!("corpus_of: {e}"),
    };
    let mut partial = Partial::default();
    let docs = texts
        .iter()
        .map(|&(id, text)| {
            let a = analyzer.analyze(text);
            partial.add(&a, &pairs);
            DocStats {
                name: crate::corpus::DocName::new(id, &format!("{id}.txt")),
                characters: text.chars().count() as u64,
                tokens: a.tokens,
                sentences: a.sentences,
                terms: corpus::TermCounts::from_sorted(&a.terms),
                speech: speakers::attribute(text, None).split().0,
                topics: Vec::new(),
            }
        })
        .collect();
    let spool = corpus::Spool::create(&scratch);
    (corpus::build(analyzer.into_lexicon(), docs, partial, pairs, spool))
        .unwrap_or_else(|e| panic!("corpus_of: {e}"))
        .0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spills are counted in words: "1 spill", "1,200 spills".
    #[test]
    fn the_memory_line_counts_spills_in_words() {
        let budget = crate::engine::Budget::parse("1GB").expect("budget");
        let one = memory_note(budget, false, 64 << 20, true, 1);
        assert!(one.ends_with("on disk past it (1 spill)"), "{one}");
        let many = memory_note(budget, true, 64 << 20, false, 1200);
        assert!(
            many.contains(
                "word pairs and co-mentions summed within 64 MB, on disk past it (1,200 spills); "
            ),
            "{many}"
        );
        let none = memory_note(budget, false, 64 << 20, false, 0);
        assert!(
            none.ends_with("word pairs and co-mentions summed within 64 MB"),
            "{none}"
        );
    }

    /// Tests build corpora side by side in one process; each must get its documents, even
    /// while another call's engine starts or removes its scratch folder.
    #[test]
    fn corpora_built_side_by_side_keep_their_documents() {
        let settings = Settings::default();
        std::thread::scope(|s| {
            for t in 0..4 {
                let settings = &settings;
                s.spawn(move || {
                    for i in 0..25 {
                        let c = corpus_of(&[("a", "Sanctions talks."), ("b", "Talks.")], settings);
                        assert_eq!(c.docs.len(), 2, "thread {t}, call {i}");
                    }
                });
            }
        });
    }
}
