//! What the second pass makes of one input file before the run keeps it: each article read,
//! described (metadata, furniture), analysed and its speakers attributed ([`work`]). That
//! part needs nothing of the other articles but what the first pass learnt, so a cluster's
//! worker can do it; it sends a [`WorkedSource`] as bytes ([`WorkedSource::write`]), its
//! words as strings, and the machine that asks reads them back into its own ids
//! ([`WorkedSource::read`]). What the run keeps of it is made in `passes`.

use std::sync::Arc;

use crate::Warning;
use crate::bytes::{In, Out, static_str};
use crate::discover::Source;
use crate::input::metadata::{self, Overrides};
use crate::input::{self, Columns, Unreadable};
use crate::meta::boilerplate::{RecurringLines, RemovedLine, kind_named, lines_of};
use crate::meta::dates::DateFrom;
use crate::meta::{self, DateOrigin, Meta, MetaText, PubDate};
use crate::speakers;
use crate::speakers::attribute::Speech;
use crate::speakers::mentions::{Kept, Mentions};
use crate::speakers::statements::Statements;
use crate::text::{Analyzer, DocAnalysis, Hit, NamedAnalysis};

/// What [`work`] needs besides the file.
pub struct Work<'a> {
    pub columns: &'a Columns,
    /// The user's `--metadata` sheet.
    pub sheet: &'a Overrides,
    /// `None` with `--keep-boilerplate`.
    pub recurring: Option<&'a RecurringLines>,
    /// Whether the article with this doc_id copies another: copies are not analysed.
    pub is_copy: &'a (dyn Fn(&str) -> bool + Sync),
    pub analyzer: &'a Analyzer,
}

/// One file, worked.
#[derive(Debug, PartialEq)]
pub struct WorkedSource {
    /// The file's bytes when listed (for progress).
    pub size: u64,
    pub fingerprint: u64,
    pub warnings: Vec<Warning>,
    pub unreadable: Vec<Unreadable>,
    pub articles: Vec<WorkedArticle>,
}

/// One article, worked.
#[derive(Debug, PartialEq)]
pub struct WorkedArticle {
    pub doc_id: String,
    pub path: String,
    pub encoding: &'static str,
    pub characters: u64,
    pub meta: Meta,
    pub removed: Vec<RemovedLine>,
    /// The analysis and the statements; `None` for a copy.
    pub analysis: Option<(DocAnalysis, Speech)>,
}

/// Reads `source` and works each of its articles.
pub fn work(source: &Source, w: &Work<'_>) -> WorkedSource {
    let read = input::read_source(source, w.columns);
    let articles = (read.articles.into_iter())
        .map(|article| {
            let given = metadata::given_for(&article, w.sheet);
            let described = meta::describe(&article.text, &given, w.recurring);
            let analysis = (!(w.is_copy)(&article.doc_id)).then(|| {
                let mut words = Vec::new();
                let a = w.analyzer.analyze_with(&described.body, |t| words.push(t));
                let speech = speakers::attribute::attribute_tokens(
                    &described.body,
                    &words,
                    described.meta.words().title(),
                );
                (a, speech)
            });
            WorkedArticle {
                characters: article.text.chars().count() as u64,
                doc_id: article.doc_id,
                path: article.path,
                encoding: article.encoding,
                removed: lines_of(&described.removed),
                meta: described.meta,
                analysis,
            }
        })
        .collect();
    WorkedSource {
        size: source.size,
        fingerprint: read.fingerprint,
        warnings: read.warnings,
        unreadable: read.unreadable,
        articles,
    }
}

impl WorkedSource {
    /// The bytes [`WorkedSource::read`] reads back; `analyzer` is the one that analysed the
    /// articles (their ids are written as the words they stand for).
    pub fn write(&self, analyzer: &Analyzer) -> Vec<u8> {
        let mut out = Out::default();
        out.u64(self.size);
        out.u64(self.fingerprint);
        out.count(self.warnings.len());
        for w in &self.warnings {
            out.str(&w.path.to_string_lossy());
            out.str(&w.message);
        }
        out.count(self.unreadable.len());
        for u in &self.unreadable {
            out.str(&u.doc_id);
            out.str(&u.path);
            out.str(&u.reason);
        }
        out.count(self.articles.len());
        for a in &self.articles {
            a.write(&mut out, analyzer);
        }
        out.0
    }

    /// The file [`WorkedSource::write`] wrote, its words interned by `analyzer`; `None` for
    /// bytes it cannot have written.
    pub fn read(bytes: &[u8], analyzer: &Analyzer) -> Option<WorkedSource> {
        let mut from = In::new(bytes);
        let (size, fingerprint) = (from.u64()?, from.u64()?);
        let mut warnings = Vec::new();
        for _ in 0..from.count()? {
            let path = std::path::Path::new(from.str()?);
            warnings.push(Warning::new(path, from.str()?));
        }
        let mut unreadable = Vec::new();
        for _ in 0..from.count()? {
            unreadable.push(Unreadable {
                doc_id: from.str()?.into(),
                path: from.str()?.into(),
                reason: from.str()?.into(),
            });
        }
        let mut articles = Vec::new();
        for _ in 0..from.count()? {
            articles.push(WorkedArticle::read(&mut from, analyzer)?);
        }
        from.is_done().then_some(WorkedSource {
            size,
            fingerprint,
            warnings,
            unreadable,
            articles,
        })
    }
}

/// [`DateOrigin`] as a byte.
fn origin_code(o: DateOrigin) -> u8 {
    match o {
        DateOrigin::Metadata => 0,
        DateOrigin::Found(DateFrom::Header) => 1,
        DateOrigin::Found(DateFrom::Dateline) => 2,
        DateOrigin::Found(DateFrom::Timestamp) => 3,
        DateOrigin::Found(DateFrom::Byline) => 4,
        DateOrigin::Found(DateFrom::None) => 5,
    }
}

fn origin_of(code: u8) -> Option<DateOrigin> {
    Some(match code {
        0 => DateOrigin::Metadata,
        1 => DateOrigin::Found(DateFrom::Header),
        2 => DateOrigin::Found(DateFrom::Dateline),
        3 => DateOrigin::Found(DateFrom::Timestamp),
        4 => DateOrigin::Found(DateFrom::Byline),
        5 => DateOrigin::Found(DateFrom::None),
        _ => return None,
    })
}

impl WorkedArticle {
    fn write(&self, out: &mut Out, analyzer: &Analyzer) {
        out.str(&self.doc_id);
        out.str(&self.path);
        out.str(self.encoding);
        out.u64(self.characters);
        let m = &self.meta;
        match m.date.map(PubDate::to_parts) {
            Some((day, precision)) => {
                out.u8(1);
                out.u32(day as u32);
                out.u8(precision);
            }
            None => out.u8(0),
        }
        out.u8(origin_code(m.date_from));
        out.opt_str(m.date_problem);
        out.count(m.attributes.len());
        for (k, v) in &m.attributes {
            out.str(k);
            out.str(v);
        }
        out.u32(m.boilerplate_lines);
        let w = m.words();
        out.str(w.date_raw());
        for s in [w.title(), w.source(), w.section(), w.byline()] {
            out.opt_str(s);
        }
        out.str(w.lead());
        out.count(self.removed.len());
        for r in &self.removed {
            out.str(r.kind);
            out.str(&r.pattern);
            out.str(&r.line);
        }
        let Some((doc, speech)) = &self.analysis else {
            out.u8(0);
            return;
        };
        out.u8(1);
        write_named(out, &analyzer.named(doc));
        speech.statements.write(out);
        out.u8(u8::from(speech.lower_case));
        // A worker's mentions are always here: only a run's second pass spools them.
        let mentions = match &speech.mentions {
            Kept::Here(m) => m.to_bytes(),
            Kept::Spooled(_) => Mentions::default().to_bytes(),
        };
        out.bytes(&mentions);
    }

    fn read(from: &mut In<'_>, analyzer: &Analyzer) -> Option<WorkedArticle> {
        let (doc_id, path) = (from.str()?.to_string(), from.str()?.to_string());
        let encoding = static_str(from.str()?);
        let characters = from.u64()?;
        let date = match from.u8()? {
            0 => None,
            1 => Some(PubDate::from_parts(from.u32()? as i32, from.u8()?)?),
            _ => return None,
        };
        let date_from = origin_of(from.u8()?)?;
        let date_problem = from.opt_str()?.map(static_str);
        let mut attributes = Vec::new();
        for _ in 0..from.count()? {
            attributes.push((Arc::<str>::from(from.str()?), from.str()?.to_string()));
        }
        let boilerplate_lines = from.u32()? as usize;
        let date_raw = from.str()?;
        let (title, source, section, byline) = (
            from.opt_str()?,
            from.opt_str()?,
            from.opt_str()?,
            from.opt_str()?,
        );
        let text = MetaText {
            date_raw,
            title,
            source,
            section,
            byline,
            lead: from.str()?,
        };
        let meta = Meta::new(
            date,
            date_from,
            date_problem,
            text,
            attributes,
            boilerplate_lines,
        );
        let mut removed = Vec::new();
        for _ in 0..from.count()? {
            removed.push(RemovedLine {
                kind: kind_named(from.str()?)?,
                pattern: from.str()?.into(),
                line: from.str()?.into(),
            });
        }
        let analysis = match from.u8()? {
            0 => None,
            1 => {
                let doc = analyzer.intern_named(&read_named(from)?)?;
                let statements = Statements::read(from)?;
                let lower_case = from.u8()? == 1;
                let mentions = Mentions::from_bytes(from.bytes()?)?;
                let speech = Speech {
                    statements,
                    mentions: Kept::Here(mentions),
                    lower_case,
                    texts: Default::default(),
                };
                Some((doc, speech))
            }
            _ => return None,
        };
        Some(WorkedArticle {
            doc_id,
            path,
            encoding,
            characters,
            meta,
            removed,
            analysis,
        })
    }
}

fn write_named(out: &mut Out, n: &NamedAnalysis) {
    out.u32(n.tokens);
    out.u32(n.sentences);
    out.count(n.terms.len());
    for (term, count) in &n.terms {
        out.str(term);
        out.u32(*count);
    }
    out.count(n.words.len());
    for (word, term, count) in &n.words {
        out.str(word);
        out.u32(*term);
        out.u32(*count);
    }
    out.count(n.bigrams.len());
    for &(a, b, count) in &n.bigrams {
        for v in [a, b, count] {
            out.u32(v);
        }
    }
    out.count(n.hits.len());
    for h in &n.hits {
        for v in [h.token, h.sentence, h.pattern] {
            out.u32(v);
        }
    }
}

fn read_named(from: &mut In<'_>) -> Option<NamedAnalysis> {
    let (tokens, sentences) = (from.u32()?, from.u32()?);
    let mut terms = Vec::new();
    for _ in 0..from.count()? {
        terms.push((Box::<str>::from(from.str()?), from.u32()?));
    }
    let mut words = Vec::new();
    for _ in 0..from.count()? {
        words.push((Box::<str>::from(from.str()?), from.u32()?, from.u32()?));
    }
    let mut bigrams = Vec::new();
    for _ in 0..from.count()? {
        bigrams.push((from.u32()?, from.u32()?, from.u32()?));
    }
    let mut hits = Vec::new();
    for _ in 0..from.count()? {
        let (token, sentence, pattern) = (from.u32()?, from.u32()?, from.u32()?);
        hits.push(Hit {
            token,
            sentence,
            pattern,
        });
    }
    Some(NamedAnalysis {
        tokens,
        sentences,
        terms,
        words,
        bigrams,
        hits,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::Kind;
    use crate::text::{Stemmer, StopWords};

    /// Every seed article, worked by one analyzer, written and read back by another that has
    /// met other words first, is what that analyzer makes of it: the same metadata,
    /// furniture, analysis (in its ids) and statements. Bytes cut short read as nothing.
    #[test]
    fn a_worked_file_read_back_elsewhere_is_the_work_done_there() {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut files: Vec<_> = std::fs::read_dir(&seeds)
            .expect("seeds")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        let analyzer = || Analyzer::new(StopWords::nltk_english(), Stemmer::english());
        let (worker, asker) = (analyzer(), analyzer());
        asker.analyze("Other words first, so that the ids differ.");
        let sheet = Overrides::default();
        let copy = |id: &str| id.ends_with("2");
        let (columns, recurring) = (Columns::default(), RecurringLines::default());
        let work_with = |analyzer| Work {
            columns: &columns,
            sheet: &sheet,
            recurring: Some(&recurring),
            is_copy: &copy,
            analyzer,
        };
        let mut statements = 0;
        for (i, path) in files.iter().enumerate() {
            let source = Source {
                doc_id: format!("seed{i}"),
                path: path.clone(),
                kind: Kind::Text,
                size: 1000,
            };
            let sent = work(&source, &work_with(&worker));
            let bytes = sent.write(&worker);
            let got = WorkedSource::read(&bytes, &asker).expect("bytes it wrote");
            assert_eq!(got, work(&source, &work_with(&asker)), "{}", path.display());
            assert_eq!(got.articles.len(), 1);
            assert_eq!(got.articles[0].analysis.is_none(), i == 2);
            statements += (got.articles[0].analysis.iter())
                .map(|(_, s)| s.statements.len())
                .sum::<usize>();
            assert!(WorkedSource::read(&bytes[..bytes.len() - 1], &asker).is_none());
        }
        assert_eq!(files.len(), 5);
        assert!(statements > 10, "{statements}");
    }
}
