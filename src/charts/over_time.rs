//! The over-time charts' data: `term_trends.png` (the terms that rose and fell most, the
//! tracked words, then frequent terms), `topic_trends.png` (topics that discriminate) and
//! `speakers_over_time.png` (one panel per speaker). Every period, its label, whether it is
//! partial and how many articles it holds come from the timeline ([`crate::trends`]); rates
//! and shares from [`crate::trends::per_10k`] and [`crate::trends::share`]: nothing is
//! recomputed here.

use std::collections::BTreeMap;

use super::{About, Chart, PeriodSeries};
use crate::results::Results;
use crate::topics::{self, Kind};
use crate::trends::{Followed, MIN_PERIOD_DOCS, TermSeries, Timeline, Trends, per_10k, share};

/// Terms followed in term_trends.png, up to this many.
pub const TREND_TERMS: usize = 12;
/// Of which at most this many risers and this many fallers.
pub const CHANGE_PANELS: usize = 4;
/// Discovered topics followed in topic_trends.png (with the dictionary topics shown).
pub const TREND_TOPICS: usize = 8;
/// Speakers followed in speakers_over_time.png.
pub const SPEAKER_PANELS: usize = 6;

/// The timeline's periods as the charts show them: labels, partial ends, thin periods.
fn axis(tl: &Timeline) -> (Vec<String>, Vec<bool>, Vec<bool>) {
    (
        tl.spans.iter().map(|s| s.label.clone()).collect(),
        tl.spans.iter().map(|s| s.partial).collect(),
        tl.thin(),
    )
}

/// "1995 to 2014 by year" etc. for subtitles.
fn by(tl: &Timeline) -> &'static str {
    tl.period.name()
}

/// A note on thin periods for the chart's subtitle, when there are any.
fn thin_note(thin: &[bool]) -> String {
    if thin.iter().any(|&t| t) {
        format!(" · faint: periods with fewer than {MIN_PERIOD_DOCS} articles")
    } else {
        String::new()
    }
}

/// The terms term_trends.png follows: tracked words, then the strongest risers and fallers
/// (at most [`CHANGE_PANELS`] each), then the most frequent terms, up to [`TREND_TERMS`].
pub fn followed_terms(tr: &Trends) -> Vec<&TermSeries> {
    let mut out: Vec<&TermSeries> = tr
        .terms
        .iter()
        .filter(|s| s.why == Followed::Tracked)
        .collect();
    for why in [Followed::Rising, Followed::Falling] {
        out.extend(tr.terms.iter().filter(|s| s.why == why).take(CHANGE_PANELS));
    }
    out.extend(tr.terms.iter().filter(|s| s.why == Followed::Top));
    out.truncate(TREND_TERMS);
    out
}

pub fn term_trends(t: &Results<'_>, about: &About) -> Result<Chart, String> {
    let Some(tr) = t.trends else {
        return Err("no document has a publication date (give dates with --metadata)".into());
    };
    let tl = &tr.timeline;
    let (periods, partial, thin) = axis(tl);
    let followed = followed_terms(tr);
    if followed.is_empty() {
        return Err("no term to follow".into());
    }
    let rate = |counts: &[u64]| -> Vec<f64> {
        counts
            .iter()
            .zip(&tl.tokens)
            .map(|(&c, &n)| if n == 0 { f64::NAN } else { per_10k(c, n) })
            .collect()
    };
    let count = |why: Followed| followed.iter().filter(|s| s.why == why).count();
    let (rising, falling, tracked) = (
        count(Followed::Rising),
        count(Followed::Falling),
        count(Followed::Tracked),
    );
    let title = if rising + falling > 0 {
        format!(
            "The terms that rose and fell most, {} by {}",
            by(tl),
            by(tl)
        )
    } else {
        format!(
            "How often the most frequent terms were used, {} by {}",
            by(tl),
            by(tl)
        )
    };
    let mut which = Vec::new();
    if tracked > 0 {
        which.push(format!("{tracked} tracked"));
    }
    if rising + falling > 0 {
        which.push(format!(
            "{rising} rising and {falling} falling most surely (term_change.csv)"
        ));
    }
    let top = count(Followed::Top);
    if top > 0 {
        which.push(format!("{top} most frequent"));
    }
    let series = followed
        .iter()
        .map(|s| {
            let name = match s.why {
                Followed::Rising => format!("{} · rising", s.display),
                Followed::Falling => format!("{} · falling", s.display),
                Followed::Tracked => format!("{} · tracked", s.display),
                Followed::Top => s.display.clone(),
            };
            (name, rate(&s.counts))
        })
        .collect();
    Ok(Chart::Lines(PeriodSeries {
        title,
        subtitle: format!(
            "{} · terms: {}{}",
            about.over(),
            which.join(", "),
            thin_note(&thin)
        ),
        unit: "uses per 10,000 words".into(),
        periods,
        partial,
        thin,
        series,
        multiples: true,
        shared_scale: false,
    }))
}

pub fn topic_trends(t: &Results<'_>, about: &About) -> Result<Chart, String> {
    let (Some(tr), Some(all)) = (t.trends, t.topic_series) else {
        return Err("no dated documents, or no topics (--topics none and none discovered)".into());
    };
    let tl = &tr.timeline;
    let (periods, partial, thin) = axis(tl);
    let shares = |docs: &[u32]| -> Vec<f64> {
        docs.iter()
            .zip(&tl.documents)
            .map(|(&d, &n)| if n == 0 { f64::NAN } else { share(d, n) })
            .collect()
    };
    let mut series = Vec::new();
    let mut left_out = Vec::new();
    let mut discovered = 0;
    for ts in all {
        match ts.kind {
            Kind::Dictionary => match topics::topic_note(tl, ts) {
                Some(_) => left_out.push(ts.name.as_str()),
                None => series.push((ts.name.clone(), shares(&ts.documents))),
            },
            Kind::Discovered => {
                discovered += 1;
                if discovered <= TREND_TOPICS {
                    series.push((format!("topic {}", ts.name), shares(&ts.documents)));
                }
            }
        }
    }
    if series.is_empty() {
        return Err(format!(
            "no topic tells the articles apart (left out, matching nearly all or almost none: {})",
            left_out.join(", ")
        ));
    }
    let mut notes = String::new();
    if discovered > TREND_TOPICS {
        notes.push_str(&format!(
            " · discovered topics: the {TREND_TOPICS} largest of {discovered}"
        ));
    }
    if !left_out.is_empty() {
        notes.push_str(&format!(
            " · not drawn (nearly all or almost no articles): {}",
            left_out.join(", ")
        ));
    }
    Ok(Chart::Lines(PeriodSeries {
        title: format!("Share of articles on each topic, {} by {}", by(tl), by(tl)),
        subtitle: format!("{}{notes}{}", about.over(), thin_note(&thin)),
        unit: "share of the period's articles".into(),
        periods,
        partial,
        thin,
        series,
        multiples: true,
        shared_scale: true,
    }))
}

pub fn speakers_over_time(t: &Results<'_>, about: &About) -> Result<Chart, String> {
    let Some(tr) = t.trends else {
        return Err(if t.speakers.quotes.is_empty() {
            "no statements found".into()
        } else {
            "no document has a publication date (give dates with --metadata)".into()
        });
    };
    if t.speaker_periods.is_empty() {
        return Err(if t.speakers.quotes.is_empty() {
            "no statements found".into()
        } else {
            "no statement in a dated document".into()
        });
    }
    let tl = &tr.timeline;
    // The speakers with the most dated statements (ties: name A-Z).
    let groups: std::collections::BTreeSet<&str> = t
        .speakers
        .speakers
        .iter()
        .filter(|s| s.kind == crate::speakers::Kind::Anonymous)
        .map(|s| s.name.as_str())
        .collect();
    let mut dated: BTreeMap<&str, u32> = BTreeMap::new();
    for (_, s, n) in &t.speaker_periods {
        if !groups.contains(s.as_str()) {
            *dated.entry(s.as_str()).or_default() += n;
        }
    }
    let mut top: Vec<(&str, u32)> = dated.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    top.truncate(SPEAKER_PANELS);
    if top.is_empty() {
        return Err("no statement by a named speaker in a dated document".into());
    }
    let (periods, partial, thin) = axis(tl);
    let mut series: Vec<(String, Vec<f64>)> = top
        .iter()
        .map(|(s, _)| (s.to_string(), vec![0.0; periods.len()]))
        .collect();
    for (p, s, n) in &t.speaker_periods {
        if let Some(row) = series.iter_mut().find(|(name, _)| name == s) {
            row.1[*p] += f64::from(*n);
        }
    }
    let per = by(tl);
    Ok(Chart::Lines(PeriodSeries {
        title: format!(
            "Statements per {per} of the {} most quoted speakers",
            series.len()
        ),
        subtitle: format!(
            "{} · statements in dated documents only{}{}",
            about.over(),
            super::groups_note(t),
            thin_note(&thin)
        ),
        unit: format!("statements per {per}"),
        periods,
        partial,
        thin,
        series,
        multiples: true,
        shared_scale: true,
    }))
}
