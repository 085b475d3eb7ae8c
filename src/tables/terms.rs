//! `terms.csv`, `tfidf.csv`, `doc_terms.csv` (with `--matrix`) and `phrases.csv`.

use super::{Cell, Table};
use crate::results::Results;

pub fn terms<'r>(r: &'r Results<'_>) -> Table<'r> {
    let c = r.corpus;
    let n_docs = c.docs.len().max(1) as f64;
    let tokens = c.tokens.max(1) as f64;
    Table::new(
        "terms.csv",
        "term of the corpus, most frequent first",
        &[
            "term",
            "stem",
            "count",
            "per_10k",
            "doc_freq",
            "doc_share",
            "idf",
        ],
        r.terms_order.len(),
        move |k, rows| {
            let i = r.terms_order[k] as usize;
            let term = &c.terms[i];
            rows.row(&[
                Cell::Text(term.display()),
                Cell::Text(term.stem()),
                Cell::Int(term.count),
                Cell::Real(term.count as f64 * 10_000.0 / tokens, 3),
                Cell::Int(u64::from(term.doc_freq)),
                Cell::Real(f64::from(term.doc_freq) / n_docs, 4),
                Cell::Real(r.idfs[i], 8),
            ])
        },
    )
}

pub fn tfidf<'r>(r: &'r Results<'_>) -> Table<'r> {
    let docs = &r.corpus.docs;
    Table::new(
        "tfidf.csv",
        "article x its most distinctive terms (TF-IDF), rank 1 first",
        &["doc_id", "rank", "term", "stem", "count", "tfidf"],
        docs.len(),
        move |i, rows| {
            let doc = &docs[i];
            for (rank, &(term, count, weight)) in r.top.of(i).iter().enumerate() {
                let term = &r.corpus.terms[term as usize];
                rows.row(&[
                    Cell::Text(doc.name.doc_id()),
                    Cell::Int(rank as u64 + 1),
                    Cell::Text(term.display()),
                    Cell::Text(term.stem()),
                    Cell::Int(u64::from(count)),
                    Cell::Real(weight, 8),
                ])?;
            }
            Ok(())
        },
    )
    .expecting_rows((0..docs.len()).map(|i| r.top.len_of(i)).sum())
}

pub fn doc_terms<'r>(r: &'r Results<'_>) -> Table<'r> {
    let matrix = r.matrix.unwrap_or(&[]);
    let docs = &r.corpus.docs;
    Table::new(
        "doc_terms.csv",
        "nonzero cell of the document-term matrix, with count and TF-IDF",
        &["doc_id", "term", "stem", "count", "tfidf"],
        docs.len().min(matrix.len()),
        move |i, rows| {
            let doc = &docs[i];
            for ((term, count), &weight) in doc.terms.iter().zip(&matrix[i]) {
                let term = &r.corpus.terms[term as usize];
                rows.row(&[
                    Cell::Text(doc.name.doc_id()),
                    Cell::Text(term.display()),
                    Cell::Text(term.stem()),
                    Cell::Int(u64::from(count)),
                    Cell::Real(weight, 8),
                ])?;
            }
            Ok(())
        },
    )
    .expecting_rows(matrix.iter().map(Vec::len).sum())
}

pub fn phrases<'r>(r: &'r Results<'_>) -> Table<'r> {
    Table::new(
        "phrases.csv",
        "two-word phrase seen at least twice, strongest (log-likelihood) first",
        &["phrase", "stems", "count", "doc_freq", "log_likelihood"],
        r.phrases.len(),
        move |i, rows| {
            let p = r.phrases.get(i);
            let terms = &r.corpus.terms;
            let text = p.text(terms);
            let stems = format!(
                "{} {}",
                terms[p.pair.first as usize].stem(),
                terms[p.pair.second as usize].stem()
            );
            rows.row(&[
                Cell::Text(&text),
                Cell::Text(&stems),
                Cell::Int(p.pair.count),
                Cell::Int(u64::from(p.pair.doc_freq)),
                Cell::Real(p.score, 3),
            ])
        },
    )
}
