//! `keyness.csv`, `speaker_terms.csv`, `co_mentions.csv` and `kwic.csv`.

use super::{Cell, Sink, Table};
use crate::compare::keyness::Key;
use crate::corpus::Corpus;
use crate::results::Results;

/// Columns shared by keyness.csv and speaker_terms.csv after their first ones.
const KEY_COLUMNS: [&str; 11] = [
    "term",
    "stem",
    "count",
    "count_rest",
    "units",
    "units_rest",
    "per_10k",
    "per_10k_rest",
    "g2",
    "log_ratio",
    "p_value",
];

fn per_10k(n: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        n as f64 * 10_000.0 / total as f64
    }
}

/// One key term's row: `first` cells, then [`KEY_COLUMNS`].
fn key_row(
    rows: &mut dyn Sink,
    first: &[Cell<'_>],
    corpus: &Corpus,
    k: &Key,
    (total, total_rest): (u64, u64),
) -> std::io::Result<()> {
    let term = &corpus.terms[k.term as usize];
    let mut cells = first.to_vec();
    cells.extend([
        Cell::Text(term.display()),
        Cell::Text(term.stem()),
        Cell::Int(k.count),
        Cell::Int(k.count_rest),
        Cell::Int(u64::from(k.units)),
        Cell::Int(u64::from(k.units_rest)),
        Cell::Real(per_10k(k.count, total), 3),
        Cell::Real(per_10k(k.count_rest, total_rest), 3),
        Cell::Real(k.g2, 6),
        Cell::Real(k.log_ratio, 6),
        Cell::Real(k.p, 6),
    ]);
    rows.row(&cells)
}

/// The header of a key-term table: its first columns, then the shared ones, with "units"
/// named for what they are (documents, statements).
fn key_header(first: &[&str], units: &str) -> Vec<String> {
    (first.iter().copied())
        .chain(KEY_COLUMNS)
        .map(|c| c.replace("units", units))
        .collect()
}

pub fn keyness<'r>(r: &'r Results<'_>) -> Table<'r> {
    let c = r.comparison;
    let names: &[String] = c.groups.as_ref().map_or(&[], |g| &g.names);
    let mut t = Table::new(
        "keyness.csv",
        "term used more (over) or less (under) in a group than in the other groups compared, strongest first",
        &[],
        2 * c.keyness.len(),
        move |i, rows| {
            let g = &c.keyness[i / 2];
            let (direction, keys) = if i % 2 == 0 {
                ("over", &g.over)
            } else {
                ("under", &g.under)
            };
            for (rank, k) in keys.iter().enumerate() {
                let first = [
                    Cell::Text(&names[g.group]),
                    Cell::Text(direction),
                    Cell::Int(rank as u64 + 1),
                ];
                key_row(rows, &first, r.corpus, k, (g.total, g.total_rest))?;
            }
            Ok(())
        },
    )
    .expecting_rows((c.keyness.iter()).map(|g| g.over.len() + g.under.len()).sum());
    t.header = key_header(&["group", "direction", "rank"], "docs");
    t
}

pub fn speaker_terms<'r>(r: &'r Results<'_>) -> Table<'r> {
    let list = &r.comparison.speaker_terms;
    let mut t = Table::new(
        "speaker_terms.csv",
        "term most distinctive of a speaker's statements against all other attributed statements",
        &[],
        list.len(),
        move |i, rows| {
            let s = &list[i];
            let name = &r.speakers.speakers[s.speaker].name;
            for (rank, k) in s.keys.iter().enumerate() {
                let first = [
                    Cell::Text(name),
                    Cell::Int(u64::from(s.statements)),
                    Cell::Int(rank as u64 + 1),
                ];
                key_row(rows, &first, r.corpus, k, (s.total, s.total_rest))?;
            }
            Ok(())
        },
    )
    .expecting_rows(list.iter().map(|s| s.keys.len()).sum());
    t.header = key_header(&["speaker", "speaker_statements", "rank"], "statements");
    t
}

pub fn co_mentions<'r>(r: &'r Results<'_>) -> Table<'r> {
    let pairs = &r.comparison.co_mentions;
    let people = &r.speakers.mentions;
    Table::new(
        "co_mentions.csv",
        "two people named in the same articles, most articles first",
        &[
            "person_a",
            "person_b",
            "articles",
            "articles_a",
            "articles_b",
            "pmi",
            "g2",
        ],
        pairs.len(),
        move |i, rows| {
            let p = &pairs[i];
            rows.row(&[
                Cell::Text(&people[p.a as usize].person),
                Cell::Text(&people[p.b as usize].person),
                Cell::Int(u64::from(p.articles)),
                Cell::Int(u64::from(p.articles_a)),
                Cell::Int(u64::from(p.articles_b)),
                Cell::Real(p.pmi, 6),
                Cell::Real(p.g2, 6),
            ])
        },
    )
}

pub fn kwic<'r>(r: &'r Results<'_>) -> Table<'r> {
    let meta = r.meta_of_docs();
    Table::new(
        "kwic.csv",
        "an occurrence of a term with the words around it, by term, then date",
        &[
            "doc_id", "date", "source", "term", "why", "left", "keyword", "right",
        ],
        r.kwic.len(),
        move |i, rows| {
            let l = &r.kwic[i];
            let m = meta[l.doc];
            let w = &r.kwic_terms[l.slot as usize];
            let words = m.map(crate::meta::Meta::words);
            rows.row(&[
                Cell::Text(r.corpus.docs[l.doc].name.doc_id()),
                Cell::Date(m.and_then(|m| m.date)),
                Cell::Text(words.as_ref().and_then(|w| w.source()).unwrap_or("")),
                Cell::Text(r.corpus.terms[w.term as usize].display()),
                Cell::Text(&w.why),
                Cell::Text(&l.left),
                Cell::Text(&l.keyword),
                Cell::Text(&l.right),
            ])
        },
    )
}
