//! Term trends over time: the timeline of periods, each term's counts per period, and which
//! terms rose or fell.
//!
//! Owns the denominators of every rate over time (documents and tokens per period), the
//! choice of the terms followed (the corpus's top terms plus those the user tracks), and the
//! change rule of `term_change.csv`:
//!
//! - the periods are split into an early half and a late half (with an odd number of periods
//!   the middle one belongs to neither); rates are per 10,000 tokens of each half;
//! - a term is considered only if it occurs at least [`MIN_CHANGE_COUNT`] times in the two
//!   halves together;
//! - the change is the log2 ratio of the late rate to the early rate, each count plus 0.5 so
//!   that a term absent from one half has a finite ratio;
//! - its 99.9% confidence interval uses the Poisson standard error of a log rate ratio,
//!   sqrt(1/(a+0.5) + 1/(b+0.5)) (natural log, z = 3.29); a term is listed only when the
//!   interval excludes 0, and ranked by the bound nearer zero (the change we are confident
//!   of), so a rare word's huge but uncertain ratio ranks below a common word's sure rise.
//!
//! Pure arithmetic over the merged corpus: no I/O, never fails.

use crate::corpus::Corpus;
use crate::meta::PubDate;
use crate::periods::{Period, Span, spans};
use crate::speakers::merge::Quotes;
use crate::text::TermId;

/// A term must occur this often in the two halves together to be ranked by change.
pub const MIN_CHANGE_COUNT: u64 = 10;
/// z of the two-sided 99.9% interval of the change.
pub const CHANGE_Z: f64 = 3.29;

/// The periods of the dated documents, with their denominators.
#[derive(Debug, Clone)]
pub struct Timeline {
    pub period: Period,
    /// Picked automatically (no `--period`).
    pub automatic: bool,
    pub spans: Vec<Span>,
    /// Dated documents per period.
    pub documents: Vec<u32>,
    /// Word tokens per period (stop words included, as in terms.csv).
    pub tokens: Vec<u64>,
    /// The period of each corpus document; None when it has no date.
    pub doc_period: Vec<Option<u32>>,
    /// Documents left out for want of a date.
    pub undated: usize,
    /// Documents left out because their date is coarser than the period (a year-only date
    /// in months).
    pub too_coarse: usize,
}

/// Builds the timeline of the dated documents; None when no document has a date that fits
/// the period. `dates` is indexed like `corpus.docs`. Without a period asked for, periods
/// are the finest readable ones that most dates are precise enough for (years when most
/// documents are dated only by year).
pub fn timeline(
    corpus: &Corpus,
    dates: &[Option<PubDate>],
    period: Option<Period>,
) -> Option<Timeline> {
    let automatic = period.is_none();
    let period = match period {
        Some(p) => p,
        None => {
            let first = dates.iter().flatten().map(|d| d.start).min()?;
            let last = dates.iter().flatten().map(|d| d.end()).max()?;
            Period::readable(first, last).max(Period::finest_for(dates.iter().flatten()))
        }
    };
    let fits = |d: &&PubDate| period.holds(d.precision);
    let first = dates.iter().flatten().filter(fits).map(|d| d.start).min()?;
    let last = dates.iter().flatten().filter(fits).map(|d| d.end()).max()?;
    let spans = spans(period, first, last);
    let mut documents = vec![0u32; spans.len()];
    let mut tokens = vec![0u64; spans.len()];
    let (mut undated, mut too_coarse) = (0, 0);
    let doc_period = corpus
        .docs
        .iter()
        .zip(dates)
        .map(|(doc, date)| {
            let Some(date) = date else {
                undated += 1;
                return None;
            };
            if !period.holds(date.precision) {
                too_coarse += 1;
                return None;
            }
            let p = period.steps(first, date.start) as usize;
            documents[p] += 1;
            tokens[p] += u64::from(doc.tokens);
            Some(p as u32)
        })
        .collect();
    Some(Timeline {
        period,
        automatic,
        spans,
        documents,
        tokens,
        doc_period,
        undated,
        too_coarse,
    })
}

/// Rate per 10,000 tokens, 0 when there are no tokens.
pub fn per_10k(count: u64, tokens: u64) -> f64 {
    if tokens == 0 {
        0.0
    } else {
        count as f64 * 10_000.0 / tokens as f64
    }
}

/// Share of `of` documents, 0 when there are none.
pub fn share(documents: u32, of: u32) -> f64 {
    if of == 0 {
        0.0
    } else {
        f64::from(documents) / f64::from(of)
    }
}

/// One followed term, period by period.
#[derive(Debug, Clone, PartialEq)]
pub struct TermSeries {
    /// None for a tracked word the corpus never uses (its series is all zeros).
    pub term: Option<TermId>,
    pub display: String,
    pub stem: String,
    /// Why the term is followed.
    pub why: Followed,
    /// Occurrences per period.
    pub counts: Vec<u64>,
    /// Documents using the term, per period.
    pub documents: Vec<u32>,
}

/// Why a term is followed over time, in the order charts show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Followed {
    /// Named with `--track`.
    Tracked,
    /// One of the strongest risers of `term_change.csv`.
    Rising,
    /// One of the strongest fallers.
    Falling,
    /// One of the corpus' most frequent terms.
    Top,
}

impl Followed {
    pub fn as_str(self) -> &'static str {
        match self {
            Followed::Tracked => "tracked",
            Followed::Rising => "rising",
            Followed::Falling => "falling",
            Followed::Top => "top",
        }
    }
}

/// The strongest risers and the strongest fallers of the change ranking followed over time
/// (each), besides the top and tracked terms.
pub const CHANGE_SERIES: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Rise,
    Fall,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Rise => "rise",
            Direction::Fall => "fall",
        }
    }
}

/// A term whose rate changed with confidence between the early and late halves.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub term: TermId,
    pub direction: Direction,
    pub early_count: u64,
    pub late_count: u64,
    pub early_per_10k: f64,
    pub late_per_10k: f64,
    /// log2 of late rate / early rate (counts + 0.5).
    pub log2_ratio: f64,
    /// The end of the 99.9% interval nearer zero: the change we are confident of.
    pub log2_bound: f64,
}

/// Everything over time.
#[derive(Debug, Clone)]
pub struct Trends {
    pub timeline: Timeline,
    /// Top terms (by corpus count), then tracked words, then the strongest risers and
    /// fallers not already among them, in that order.
    pub terms: Vec<TermSeries>,
    /// Risers (most confident first), then fallers (most confident first).
    pub change: Vec<Change>,
    /// Period indexes of the early and late halves compared in `change`, when there are two
    /// halves with tokens.
    pub halves: Option<(std::ops::Range<usize>, std::ops::Range<usize>)>,
}

/// A tracked word as the analyzer sees it: None when it is not a term (a stop word, a number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tracked {
    pub word: String,
    pub stem: Option<String>,
}

/// The series of the top `top_n` terms, of the tracked words and of the [`CHANGE_SERIES`]
/// strongest risers and fallers, and the change ranking.
pub fn trends(corpus: &Corpus, timeline: Timeline, top_n: usize, tracked: &[Tracked]) -> Trends {
    let mut order: Vec<usize> = (0..corpus.terms.len()).collect();
    // The order of terms.csv: count, then display word, then stem.
    order.sort_by(|&a, &b| {
        let (x, y) = (&corpus.terms[a], &corpus.terms[b]);
        y.count
            .cmp(&x.count)
            .then_with(|| x.display().cmp(y.display()))
            .then_with(|| x.stem().cmp(y.stem()))
    });
    let (change, halves) = match halves(&timeline) {
        Some((early, late)) => (
            change(corpus, &timeline, &early, &late),
            Some((early, late)),
        ),
        None => (Vec::new(), None),
    };
    let n = timeline.spans.len();
    let series = |term: Option<TermId>, display: &str, stem: &str, why: Followed| TermSeries {
        term,
        display: display.to_string(),
        stem: stem.to_string(),
        why,
        counts: vec![0; n],
        documents: vec![0; n],
    };
    let mut terms: Vec<TermSeries> = order
        .iter()
        .take(top_n)
        .map(|&t| {
            let term = &corpus.terms[t];
            series(
                Some(t as TermId),
                term.display(),
                term.stem(),
                Followed::Top,
            )
        })
        .collect();
    for w in tracked {
        let Some(stem) = &w.stem else { continue };
        if let Some(s) = terms.iter_mut().find(|s| &s.stem == stem) {
            s.why = Followed::Tracked;
            continue;
        }
        let id = corpus.term_of_stem(stem);
        let display = id.map_or(w.word.as_str(), |t| corpus.terms[t as usize].display());
        terms.push(series(id, display, stem, Followed::Tracked));
    }
    for (direction, why) in [
        (Direction::Rise, Followed::Rising),
        (Direction::Fall, Followed::Falling),
    ] {
        for ch in change
            .iter()
            .filter(|c| c.direction == direction)
            .take(CHANGE_SERIES)
        {
            if let Some(s) = terms.iter_mut().find(|s| s.term == Some(ch.term)) {
                if s.why == Followed::Top {
                    s.why = why;
                }
                continue;
            }
            let term = &corpus.terms[ch.term as usize];
            terms.push(series(Some(ch.term), term.display(), term.stem(), why));
        }
    }
    // Which series each term feeds.
    let mut slot = vec![usize::MAX; corpus.terms.len()];
    for (i, s) in terms.iter().enumerate() {
        if let Some(t) = s.term {
            slot[t as usize] = i;
        }
    }
    for (doc, p) in corpus.docs.iter().zip(&timeline.doc_period) {
        let Some(p) = *p else { continue };
        for (t, c) in &doc.terms {
            let i = slot[t as usize];
            if i != usize::MAX {
                terms[i].counts[p as usize] += u64::from(c);
                terms[i].documents[p as usize] += 1;
            }
        }
    }
    Trends {
        timeline,
        terms,
        change,
        halves,
    }
}

/// A period of the timeline with fewer dated articles than this gives rates and shares too
/// uncertain to draw at full weight (charts show them faint and unjoined).
pub const MIN_PERIOD_DOCS: u32 = 5;

impl Timeline {
    /// The index of the period holding `date`, when the date is precise enough for it and
    /// inside the timeline.
    pub fn period_of(&self, date: PubDate) -> Option<usize> {
        if !self.period.holds(date.precision) {
            return None;
        }
        let first = self.spans.first()?.start;
        let p = usize::try_from(self.period.steps(first, date.start)).ok()?;
        (p < self.spans.len()).then_some(p)
    }

    /// Periods with fewer than [`MIN_PERIOD_DOCS`] articles.
    pub fn thin(&self) -> Vec<bool> {
        self.documents
            .iter()
            .map(|&d| d < MIN_PERIOD_DOCS)
            .collect()
    }
}

/// Statements per period of each speaker (statements of dated documents whose date fits the
/// periods): (period index, speaker, statements), by period, then most statements first,
/// then speaker A-Z.
pub fn speaker_periods(timeline: &Timeline, quotes: &Quotes) -> Vec<(usize, String, u32)> {
    let mut counts: std::collections::BTreeMap<(usize, &str), u32> = Default::default();
    for (date, speaker) in quotes.dates_and_speakers() {
        if let Some(p) = date.and_then(|d| timeline.period_of(d)) {
            *counts.entry((p, speaker)).or_default() += 1;
        }
    }
    let mut out: Vec<(usize, String, u32)> = counts
        .into_iter()
        .map(|((p, s), n)| (p, s.to_string(), n))
        .collect();
    out.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.2.cmp(&a.2))
            .then_with(|| a.1.cmp(&b.1))
    });
    out
}

/// The early and late halves of the periods; None unless both hold tokens.
fn halves(t: &Timeline) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let n = t.spans.len();
    let (early, late) = (0..n / 2, n.div_ceil(2)..n);
    let tokens = |r: &std::ops::Range<usize>| t.tokens[r.clone()].iter().sum::<u64>();
    (tokens(&early) > 0 && tokens(&late) > 0).then_some((early, late))
}

fn change(
    corpus: &Corpus,
    t: &Timeline,
    early: &std::ops::Range<usize>,
    late: &std::ops::Range<usize>,
) -> Vec<Change> {
    let mut counts = vec![(0u64, 0u64); corpus.terms.len()];
    for (doc, p) in corpus.docs.iter().zip(&t.doc_period) {
        let Some(p) = p.map(|p| p as usize) else {
            continue;
        };
        let early_doc = early.contains(&p);
        if !early_doc && !late.contains(&p) {
            continue;
        }
        for (term, c) in &doc.terms {
            let e = &mut counts[term as usize];
            if early_doc {
                e.0 += u64::from(c);
            } else {
                e.1 += u64::from(c);
            }
        }
    }
    let early_tokens: u64 = t.tokens[early.clone()].iter().sum();
    let late_tokens: u64 = t.tokens[late.clone()].iter().sum();
    let mut out: Vec<Change> = counts
        .iter()
        .enumerate()
        .filter_map(|(term, &(a, b))| {
            change_of(a, b, early_tokens, late_tokens).map(|(direction, ratio, bound)| Change {
                term: term as TermId,
                direction,
                early_count: a,
                late_count: b,
                early_per_10k: per_10k(a, early_tokens),
                late_per_10k: per_10k(b, late_tokens),
                log2_ratio: ratio,
                log2_bound: bound,
            })
        })
        .collect();
    out.sort_by(|x, y| {
        let key = |c: &Change| match c.direction {
            Direction::Rise => (0, -c.log2_bound),
            Direction::Fall => (1, c.log2_bound),
        };
        let (kx, ky) = (key(x), key(y));
        kx.0.cmp(&ky.0)
            .then_with(|| kx.1.total_cmp(&ky.1))
            .then_with(|| {
                corpus.terms[x.term as usize]
                    .stem()
                    .cmp(corpus.terms[y.term as usize].stem())
            })
    });
    out
}

/// The change rule (see the module docs): (direction, log2 ratio, log2 confident bound) of a
/// term seen `a` times in `early_tokens` and `b` times in `late_tokens`, or None when it is
/// too rare or its change is not significant.
pub fn change_of(
    a: u64,
    b: u64,
    early_tokens: u64,
    late_tokens: u64,
) -> Option<(Direction, f64, f64)> {
    if a + b < MIN_CHANGE_COUNT || early_tokens == 0 || late_tokens == 0 {
        return None;
    }
    let (a, b) = (a as f64 + 0.5, b as f64 + 0.5);
    let ln_ratio = (b / late_tokens as f64).ln() - (a / early_tokens as f64).ln();
    let margin = CHANGE_Z * (1.0 / a + 1.0 / b).sqrt();
    let l2 = std::f64::consts::LN_2;
    if ln_ratio - margin > 0.0 {
        Some((Direction::Rise, ln_ratio / l2, (ln_ratio - margin) / l2))
    } else if ln_ratio + margin < 0.0 {
        Some((Direction::Fall, ln_ratio / l2, (ln_ratio + margin) / l2))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::corpus_of;
    use crate::settings::Settings;
    use chrono::NaiveDate;

    fn d(s: &str) -> PubDate {
        PubDate::day(NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date"))
    }

    #[test]
    fn timeline_zero_fills_and_counts() {
        let c = corpus_of(
            &[
                ("a", "Sanctions talks."),
                ("b", "Talks talks talks continue."),
                ("c", "No date here."),
                ("d", "Sanctions."),
            ],
            &Settings::default(),
        );
        let dates = [
            Some(d("2022-01-15")),
            Some(d("2022-01-20")),
            None,
            Some(d("2022-03-02")),
        ];
        let t = timeline(&c, &dates, None).expect("dated");
        assert_eq!(t.period, Period::Month);
        assert!(t.automatic);
        let labels: Vec<&str> = t.spans.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["2022-01", "2022-02", "2022-03"]);
        assert_eq!(t.documents, [2, 0, 1]);
        // Tokens: 2 + 4 in January, none in February, 1 in March.
        assert_eq!(t.tokens, [6, 0, 1]);
        assert_eq!(t.undated, 1);
        assert_eq!(t.doc_period, [Some(0), Some(0), None, Some(2)]);
        assert_eq!(
            t.spans.iter().map(|s| s.partial).collect::<Vec<_>>(),
            [true, false, true]
        );
    }

    #[test]
    fn term_series_and_rates() {
        let c = corpus_of(
            &[
                ("a", "Sanctions talks."),
                ("b", "Talks talks talks continue."),
                ("d", "Sanctions."),
            ],
            &Settings::default(),
        );
        let dates = [
            Some(d("2022-01-15")),
            Some(d("2022-01-20")),
            Some(d("2022-03-02")),
        ];
        let t = timeline(&c, &dates, Some(Period::Month)).expect("dated");
        let tracked = [
            Tracked {
                word: "continuing".into(),
                stem: Some("continu".into()),
            },
            Tracked {
                word: "missiles".into(),
                stem: Some("missil".into()),
            },
        ];
        let tr = trends(&c, t, 2, &tracked);
        let got: Vec<(&str, bool, &[u64], &[u32])> = tr
            .terms
            .iter()
            .map(|s| {
                (
                    s.stem.as_str(),
                    s.why == Followed::Tracked,
                    &s.counts[..],
                    &s.documents[..],
                )
            })
            .collect();
        // Top 2 by count: talk (4), sanction (2); then the tracked words, one never used.
        assert_eq!(
            got,
            [
                ("talk", false, &[4u64, 0, 0][..], &[2u32, 0, 0][..]),
                ("sanction", false, &[1, 0, 1][..], &[1, 0, 1][..]),
                ("continu", true, &[1, 0, 0][..], &[1, 0, 0][..]),
                ("missil", true, &[0, 0, 0][..], &[0, 0, 0][..]),
            ]
        );
        assert_eq!(tr.terms[3].display, "missiles");
        assert_eq!(tr.terms[3].term, None);
        // January: 6 tokens; talk 4 -> 4 x 10,000 / 6 = 6666.667 per 10k; in 2 of 2 documents.
        assert!((per_10k(4, 6) - 6_666.666_666_666_667).abs() < 1e-9);
        assert_eq!(share(2, 2), 1.0);
        assert_eq!(per_10k(0, 0), 0.0);
        // Three periods: January early, March late, February (the middle) in neither.
        assert_eq!(tr.halves, Some((0..1, 2..3)));
    }

    #[test]
    fn change_rule_by_hand() {
        // 10 then 40 in equal halves of 10,000 tokens: ratio (40.5/10.5) -> log2 1.9475;
        // margin 3.29 x sqrt(1/10.5 + 1/40.5) = 3.29 x 0.346308 = 1.139354 (natural log),
        // bound (ln 3.857143 - 1.139354)/ln 2 = (1.349927 - 1.139354)/0.693147 = 0.303792.
        let (dir, ratio, bound) = change_of(10, 40, 10_000, 10_000).expect("significant");
        assert_eq!(dir, Direction::Rise);
        assert!((ratio - 1.947_533).abs() < 1e-5, "{ratio}");
        assert!((bound - 0.303_792).abs() < 1e-5, "{bound}");
        // Twice, from nothing: too rare whatever the ratio.
        assert_eq!(change_of(0, 2, 10_000, 10_000), None);
        // 9 -> 0 in equal halves is below the minimum count.
        assert_eq!(change_of(9, 0, 10_000, 10_000), None);
        // 30 vs 20 is within the noise: ln(30.5/20.5) = 0.397 < margin 3.29 x 0.2866.
        assert_eq!(change_of(30, 20, 10_000, 10_000), None);
        // A fall: 100 -> 20.
        let (dir, ratio, bound) = change_of(100, 20, 10_000, 10_000).expect("significant");
        assert_eq!(dir, Direction::Fall);
        assert!(ratio < bound && bound < 0.0);
    }

    #[test]
    fn a_word_seen_twice_never_tops_the_risers() {
        // "ukraine" is in every document; "drone" appears twice, only late; "grain" rises
        // from 2 to 30 mentions.
        let mut texts = Vec::new();
        for i in 0..10 {
            texts.push((
                format!("e{i}"),
                "Ukraine talks stalled again today. Grain".to_string(),
            ));
        }
        for i in 0..10 {
            let grain = "grain ".repeat(10);
            let drone = if i < 2 { "drone" } else { "" };
            texts.push((
                format!("l{i}"),
                format!("Ukraine talks stalled. {grain} {drone}"),
            ));
        }
        let refs: Vec<(&str, &str)> = texts
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let c = corpus_of(&refs, &Settings::default());
        let mut dates = vec![Some(d("2022-01-10")); 10];
        dates.extend(vec![Some(d("2022-02-10")); 10]);
        let t = timeline(&c, &dates, Some(Period::Month)).expect("dated");
        let tr = trends(&c, t, 5, &[]);
        let names: Vec<(&str, Direction)> = tr
            .change
            .iter()
            .map(|ch| (c.terms[ch.term as usize].stem(), ch.direction))
            .collect();
        // Early: 60 tokens, grain 10; late: 132 tokens, grain 100. ln((100.5/132)/(10.5/60))
        // = 1.4705 > 3.29 x sqrt(1/10.5 + 1/100.5) = 1.0676. "ukraine" (10 -> 10) falls by
        // ln 0.4545 = -0.788, inside its margin 1.436; "today" (10 -> 0) has margin 4.76.
        assert_eq!(names, [("grain", Direction::Rise)]);
        assert_eq!(
            (tr.change[0].early_count, tr.change[0].late_count),
            (10, 100)
        );
    }
}
