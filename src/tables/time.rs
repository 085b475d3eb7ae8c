//! `periods.csv`, `term_trends.csv`, `term_change.csv` and `topic_trends.csv`: present when
//! some article has a date.

use super::{Cell, Table};
use crate::corpus::Corpus;
use crate::meta::PubDate;
use crate::topics::{TopicSeries, topic_note};
use crate::trends::{Direction, Trends, per_10k, share};

pub fn periods(tr: &Trends) -> Table<'_> {
    let tl = &tr.timeline;
    Table::new(
        "periods.csv",
        "period from the first dated article to the last, zeros included: the denominators",
        &["period", "start", "end", "documents", "tokens", "partial"],
        tl.spans.len(),
        move |i, rows| {
            let s = &tl.spans[i];
            rows.row(&[
                Cell::Text(&s.label),
                Cell::Date(Some(PubDate::day(s.start))),
                Cell::Date(Some(PubDate::day(s.end))),
                Cell::Int(u64::from(tl.documents[i])),
                Cell::Int(tl.tokens[i]),
                Cell::Bool(s.partial),
            ])
        },
    )
}

pub fn term_trends(tr: &Trends) -> Table<'_> {
    let tl = &tr.timeline;
    Table::new(
        "term_trends.csv",
        "period x followed term (top terms, --track words, strongest risers and fallers)",
        &[
            "period",
            "term",
            "stem",
            "followed",
            "count",
            "per_10k",
            "documents",
            "doc_share",
        ],
        tl.spans.len(),
        move |p, rows| {
            let span = &tl.spans[p];
            for s in &tr.terms {
                rows.row(&[
                    Cell::Text(&span.label),
                    Cell::Text(&s.display),
                    Cell::Text(&s.stem),
                    Cell::Text(s.why.as_str()),
                    Cell::Int(s.counts[p]),
                    Cell::Real(per_10k(s.counts[p], tl.tokens[p]), 3),
                    Cell::Int(u64::from(s.documents[p])),
                    Cell::Real(share(s.documents[p], tl.documents[p]), 4),
                ])?;
            }
            Ok(())
        },
    )
    .expecting_rows(tl.spans.len() * tr.terms.len())
}

pub fn term_change<'r>(c: &'r Corpus, tr: &'r Trends) -> Table<'r> {
    // Risers come first, then fallers; a rank counts within its direction.
    let first_fall = tr
        .change
        .iter()
        .position(|ch| ch.direction == Direction::Fall)
        .unwrap_or(tr.change.len());
    Table::new(
        "term_change.csv",
        "term whose rate rose or fell between the early and late halves, with confidence",
        &[
            "direction",
            "rank",
            "term",
            "stem",
            "early_count",
            "late_count",
            "early_per_10k",
            "late_per_10k",
            "log2_ratio",
            "log2_ratio_bound",
        ],
        tr.change.len(),
        move |i, rows| {
            let ch = &tr.change[i];
            let rank = if i < first_fall {
                i + 1
            } else {
                i - first_fall + 1
            };
            let term = &c.terms[ch.term as usize];
            rows.row(&[
                Cell::Text(ch.direction.as_str()),
                Cell::Int(rank as u64),
                Cell::Text(term.display()),
                Cell::Text(term.stem()),
                Cell::Int(ch.early_count),
                Cell::Int(ch.late_count),
                Cell::Real(ch.early_per_10k, 3),
                Cell::Real(ch.late_per_10k, 3),
                Cell::Real(ch.log2_ratio, 4),
                Cell::Real(ch.log2_bound, 4),
            ])
        },
    )
}

pub fn topic_trends<'r>(tr: &'r Trends, series: &'r [TopicSeries]) -> Table<'r> {
    let tl = &tr.timeline;
    // Why a dictionary topic is left out of the chart, on each of its rows.
    let notes: Vec<Option<String>> = series.iter().map(|s| topic_note(tl, s)).collect();
    Table::new(
        "topic_trends.csv",
        "period x topic (dictionary and discovered)",
        &[
            "period",
            "topic",
            "kind",
            "documents",
            "matches",
            "per_10k",
            "doc_share",
            "note",
        ],
        tl.spans.len(),
        move |p, rows| {
            let span = &tl.spans[p];
            for (s, note) in series.iter().zip(&notes) {
                rows.row(&[
                    Cell::Text(&span.label),
                    Cell::Text(&s.name),
                    Cell::Text(s.kind.as_str()),
                    Cell::Int(u64::from(s.documents[p])),
                    Cell::Int(s.matches[p]),
                    Cell::Real(per_10k(s.matches[p], tl.tokens[p]), 3),
                    Cell::Real(share(s.documents[p], tl.documents[p]), 4),
                    Cell::Text(note.as_deref().unwrap_or("")),
                ])?;
            }
            Ok(())
        },
    )
    .expecting_rows(tl.spans.len() * series.len())
}
