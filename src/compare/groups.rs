//! Which group each document belongs to for `--compare`: its source, its folder, its period,
//! or one of the user's metadata columns; and, without the flag, the choice a user would make
//! (sources, else folders, else the two halves of the dated period). Pure: reads the records.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::corpus::Record;
use crate::trends::Timeline;

/// Documents a group needs to be compared at all.
pub const MIN_GROUP_DOCS: u32 = 5;
/// Without `--compare`: sources are compared when two or more have at least this many
/// articles.
pub const AUTO_SOURCE_DOCS: u32 = 20;

/// What documents are grouped by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum By {
    Source,
    /// The first folder below the input (a file directly in an input folder: the folder's
    /// name; a file given as an input: its own).
    Folder,
    /// The periods of the timeline (`--period`).
    Period,
    /// The first and second half of the dated span (the automatic fallback).
    Halves,
    /// A column of `--metadata`.
    Attribute(String),
}

impl By {
    /// `--compare BY`: `source`, `folder`, `period`, or a metadata column's name.
    pub fn parse(s: &str) -> By {
        match s.trim() {
            "source" => By::Source,
            "folder" => By::Folder,
            "period" => By::Period,
            other => By::Attribute(other.to_string()),
        }
    }

    pub fn name(&self) -> &str {
        match self {
            By::Source => "source",
            By::Folder => "folder",
            By::Period => "period",
            By::Halves => "half of the dated period",
            By::Attribute(a) => a,
        }
    }
}

/// The groups of a comparison: their names in order, and each document's group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Groups {
    pub by: By,
    /// How the grouping was chosen, for the summary.
    pub why: String,
    /// Group names in the order of the tables (alphabetical; periods in time order).
    pub names: Vec<String>,
    /// Documents in each group.
    pub docs: Vec<u32>,
    /// The group of each corpus document; None: in no group compared (no value, or its
    /// group too small), left out of the comparison.
    pub of_doc: Vec<Option<u32>>,
}

/// What the grouping needs to know about the run.
pub struct Context<'a> {
    pub records: &'a [Record],
    /// Analysed documents.
    pub documents: usize,
    pub inputs: &'a [PathBuf],
    pub timeline: Option<&'a Timeline>,
}

/// The groups for `by` (None: choose), or why there is no comparison.
pub fn groups(by: Option<&By>, cx: &Context<'_>) -> Result<Groups, String> {
    match by {
        Some(by) => {
            let labels = labels(by, cx)?;
            let why = format!("--compare {}", by.name());
            form(by.clone(), why, labels, MIN_GROUP_DOCS)
        }
        None => automatic(cx),
    }
}

fn automatic(cx: &Context<'_>) -> Result<Groups, String> {
    if let Ok(g) = form(
        By::Source,
        format!("automatic: sources with {AUTO_SOURCE_DOCS} or more articles"),
        labels(&By::Source, cx)?,
        AUTO_SOURCE_DOCS,
    ) {
        return Ok(g);
    }
    if let Ok(g) = form(
        By::Folder,
        "automatic: the corpus has several folders".into(),
        labels(&By::Folder, cx)?,
        MIN_GROUP_DOCS,
    ) {
        return Ok(g);
    }
    labels(&By::Halves, cx)
        .and_then(|labels| {
            form(
                By::Halves,
                "automatic: one source and one folder, so the first half of the dated period against the second".into(),
                labels,
                MIN_GROUP_DOCS,
            )
        })
        .map_err(|_| {
            "no two groups to compare (fewer than two sources with 20+ articles, folders, or dated halves with 5+); --compare chooses".to_string()
        })
}

/// Each document's label under `by` (in corpus order); labels carry a sort key first.
fn labels(by: &By, cx: &Context<'_>) -> Result<Vec<Option<(String, String)>>, String> {
    let mut out = vec![None; cx.documents];
    let plain = |s: &str| Some((s.to_string(), s.to_string()));
    match by {
        By::Period | By::Halves => {
            let Some(tl) = cx.timeline else {
                return Err(
                    "no document has a usable date, so there are no periods to compare".into(),
                );
            };
            if *by == By::Period {
                for (i, p) in tl.doc_period.iter().enumerate() {
                    if let Some(p) = p {
                        let label = tl.spans[*p as usize].label.clone();
                        out[i] = Some((format!("{p:08}"), label));
                    }
                }
            } else {
                halves(cx, &mut out);
            }
        }
        _ => {
            for r in cx.records {
                let (Some(i), Some(m)) = (r.analysed(), &r.meta) else {
                    continue;
                };
                out[i] = match by {
                    By::Source => m.words().source().and_then(|s| plain(s.trim())),
                    By::Folder => plain(&folder_of(Path::new(r.name.path()), cx.inputs)),
                    By::Attribute(name) => (m.attributes.iter())
                        .find(|(k, _)| &**k == name)
                        .and_then(|(_, v)| plain(v.trim())),
                    _ => None,
                }
                .filter(|(_, v)| !v.is_empty());
            }
        }
    }
    Ok(out)
}

/// First half and second half of the span of the documents' dates (midpoint of the first
/// and last day), labelled by their days.
fn halves(cx: &Context<'_>, out: &mut [Option<(String, String)>]) {
    let dates: Vec<(usize, NaiveDate)> = (cx.records.iter())
        .filter_map(|r| Some((r.analysed()?, r.meta.as_ref()?.date?.start)))
        .collect();
    let (Some(first), Some(last)) = (
        dates.iter().map(|d| d.1).min(),
        dates.iter().map(|d| d.1).max(),
    ) else {
        return;
    };
    let days = (last - first).num_days();
    if days < 1 {
        return;
    }
    let mid = first + chrono::Duration::days(days / 2);
    let next = mid + chrono::Duration::days(1);
    let early = format!("{first} to {mid}");
    let late = format!("{next} to {last}");
    for (i, d) in dates {
        out[i] = Some(if d <= mid {
            ("1".into(), early.clone())
        } else {
            ("2".into(), late.clone())
        });
    }
}

/// The first folder below the input the file was found in; a file directly in an input
/// folder belongs to the folder's own name, and a file given as an input to its own
/// (`guardian.csv mail.csv --compare folder` compares the two files).
pub fn folder_of(path: &Path, inputs: &[PathBuf]) -> String {
    let name = |p: &Path| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    for input in inputs {
        if let Ok(rel) = path.strip_prefix(input) {
            let parts: Vec<_> = rel.components().collect();
            return match parts.as_slice() {
                [first, _, ..] => first.as_os_str().to_string_lossy().into_owned(),
                _ if rel.as_os_str().is_empty() => name(path),
                _ => name(input),
            };
        }
    }
    path.parent().map_or_else(String::new, name)
}

/// Groups of at least `min_docs` documents, if two or more.
fn form(
    by: By,
    why: String,
    labels: Vec<Option<(String, String)>>,
    min_docs: u32,
) -> Result<Groups, String> {
    let mut sizes: BTreeMap<&(String, String), u32> = BTreeMap::new();
    for l in labels.iter().flatten() {
        *sizes.entry(l).or_default() += 1;
    }
    let kept: Vec<(&(String, String), u32)> =
        sizes.into_iter().filter(|&(_, n)| n >= min_docs).collect();
    if kept.len() < 2 {
        return Err(format!(
            "fewer than two groups by {} have {min_docs} or more documents",
            by.name()
        ));
    }
    let index: BTreeMap<&(String, String), u32> = (kept.iter().enumerate())
        .map(|(i, (l, _))| (*l, i as u32))
        .collect();
    let of_doc = (labels.iter())
        .map(|l| l.as_ref().and_then(|l| index.get(l).copied()))
        .collect();
    Ok(Groups {
        names: kept.iter().map(|(l, _)| l.1.clone()).collect(),
        docs: kept.iter().map(|&(_, n)| n).collect(),
        by,
        why,
        of_doc,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_is_the_first_one_below_the_input() {
        let inputs = [PathBuf::from("corpus"), PathBuf::from("extra/mail.csv")];
        let f = |p: &str| folder_of(Path::new(p), &inputs);
        assert_eq!(f("corpus/guardian/2014/a.txt"), "guardian");
        assert_eq!(f("corpus/mail/b.txt"), "mail");
        assert_eq!(f("corpus/c.txt"), "corpus");
        assert_eq!(f("extra/mail.csv"), "mail.csv");
    }

    #[test]
    fn small_groups_are_left_out_and_one_group_is_no_comparison() {
        let l = |s: &str| Some((s.to_string(), s.to_string()));
        let mut labels = vec![l("a"); 5];
        labels.extend(vec![l("b"); 4]);
        labels.push(None);
        assert!(form(By::Source, String::new(), labels.clone(), 5).is_err());
        labels.extend(vec![l("c"); 6]);
        let g = form(By::Source, String::new(), labels, 5).expect("two groups");
        assert_eq!(g.names, ["a", "c"]);
        assert_eq!(g.docs, [5, 6]);
        assert_eq!(g.of_doc[0], Some(0));
        assert_eq!(g.of_doc[5], None);
        assert_eq!(g.of_doc[9], None);
        assert_eq!(g.of_doc[10], Some(1));
    }
}
