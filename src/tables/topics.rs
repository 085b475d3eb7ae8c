//! `topics.csv`, `document_topics.csv` and `topic_matrix.csv` (with `--matrix`): present
//! when topics are discovered.

use super::{Cell, Table};
use crate::corpus::Corpus;
use crate::topics::{Discovered, NmfInput};

pub fn topics<'r>(c: &'r Corpus, d: &'r Discovered) -> Table<'r> {
    Table::new(
        "topics.csv",
        "discovered topic x its top 10 terms, by weight",
        &["topic", "label", "rank", "term", "weight"],
        d.topics.len(),
        move |j, rows| {
            let topic = &d.topics[j];
            for (rank, &(term, weight)) in topic.terms.iter().enumerate() {
                rows.row(&[
                    Cell::Int(j as u64 + 1),
                    Cell::Text(&topic.label),
                    Cell::Int(rank as u64 + 1),
                    Cell::Text(c.terms[term as usize].display()),
                    Cell::Real(weight, 6),
                ])?;
            }
            Ok(())
        },
    )
}

pub fn document_topics<'r>(c: &'r Corpus, d: &'r Discovered) -> Table<'r> {
    Table::new(
        "document_topics.csv",
        "article x topic making up at least 5% of it, heaviest first",
        &["doc_id", "topic", "weight"],
        c.docs.len(),
        move |i, rows| {
            for &(topic, weight) in d.doc_topics.get(i) {
                rows.row(&[
                    Cell::Text(c.docs[i].name.doc_id()),
                    Cell::Int(u64::from(topic) + 1),
                    Cell::Real(weight, 4),
                ])?;
            }
            Ok(())
        },
    )
    .expecting_rows(d.doc_topics.items().len())
}

pub fn topic_matrix<'r>(c: &'r Corpus, input: &'r NmfInput) -> Table<'r> {
    Table::new(
        "topic_matrix.csv",
        "nonzero cell of the matrix the topics were found in",
        &["doc_id", "stem", "tfidf"],
        c.docs.len(),
        move |i, rows| {
            let mut row = Vec::new();
            input.row(&c.docs[i], &mut row);
            for (col, value) in row {
                let term = input.terms[col as usize];
                rows.row(&[
                    Cell::Text(c.docs[i].name.doc_id()),
                    Cell::Text(c.terms[term as usize].stem()),
                    Cell::Real(value, 10),
                ])?;
            }
            Ok(())
        },
    )
    // At most every term of each document (the matrix keeps those in 2+ documents).
    .expecting_rows(c.docs.iter().map(|d| d.terms.len()).sum())
}
