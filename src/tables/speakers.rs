//! `speakers.csv`, `quotes.csv`, `mentions.csv` and `speakers_by_period.csv`.

use super::{Cell, Table};
use crate::results::Results;

pub fn all<'r>(r: &'r Results<'_>) -> Vec<Table<'r>> {
    let s = r.speakers;
    vec![
        Table::new(
            "speakers.csv",
            "speaker (person, organisation or anonymous source), most statements first",
            &[
                "speaker",
                "role",
                "kind",
                "statements",
                "named",
                "resolved",
                "documents",
                "first_date",
                "last_date",
                "variants",
            ],
            s.speakers.len(),
            move |i, rows| {
                let sp = &s.speakers[i];
                let variants = sp.variants.join("; ");
                rows.row(&[
                    Cell::Text(&sp.name),
                    Cell::Text(&sp.role),
                    Cell::Text(sp.kind.as_str()),
                    Cell::Int(u64::from(sp.statements)),
                    Cell::Int(u64::from(sp.named)),
                    Cell::Int(u64::from(sp.resolved)),
                    Cell::Int(u64::from(sp.documents)),
                    Cell::Date(sp.first_date),
                    Cell::Date(sp.last_date),
                    Cell::Text(&variants),
                ])
            },
        ),
        Table::new(
            "quotes.csv",
            "attributed statement, in document order",
            &[
                "doc_id", "date", "sentence", "speaker", "role", "verb", "how", "rule", "text",
            ],
            s.quotes.len(),
            move |i, rows| {
                let q = s.quotes.get(i);
                rows.row(&[
                    Cell::Text(q.doc_id),
                    Cell::Date(q.date),
                    Cell::Int(u64::from(q.sentence)),
                    Cell::Text(q.speaker),
                    Cell::Text(q.role),
                    Cell::Text(q.verb),
                    Cell::Text(q.how.as_str()),
                    Cell::Text(q.rule),
                    Cell::Text(&q.text),
                ])
            },
        ),
        Table::new(
            "mentions.csv",
            "person named, speaking or not, most mentions first",
            &["person", "mentions", "documents", "as_speaker"],
            s.mentions.len(),
            move |i, rows| {
                let m = &s.mentions[i];
                rows.row(&[
                    Cell::Text(&m.person),
                    Cell::Int(u64::from(m.mentions)),
                    Cell::Int(u64::from(m.documents)),
                    Cell::Int(u64::from(m.as_speaker)),
                ])
            },
        ),
        Table::new(
            "speakers_by_period.csv",
            "period x speaker: statements in dated articles",
            &["period", "speaker", "statements"],
            r.trends.map_or(0, |_| r.speaker_periods.len()),
            move |i, rows| {
                let (p, speaker, n) = &r.speaker_periods[i];
                let label = r.trends.map_or("", |t| t.timeline.spans[*p].label.as_str());
                rows.row(&[
                    Cell::Text(label),
                    Cell::Text(speaker),
                    Cell::Int(u64::from(*n)),
                ])
            },
        ),
    ]
}
