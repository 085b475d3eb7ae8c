//! The passes that run on the workers of `--cluster` (built with `--features cluster`):
//! the first, whole ([`first_pass`]), and the work of the second on each file
//! ([`second_pass`]: the workers read, describe, analyse and attribute; what comes back is
//! kept here as the local pass keeps its own). Without the feature, `--cluster` is refused
//! when the flags are read and these say so.

use std::path::Path;

use super::passes::{Analysed, Keep, Scan};
use crate::discover::Source;
use crate::error::{Error, Result};
use crate::progress;
use crate::settings::Settings;
use crate::text::Analyzer;

/// What the workers of `--cluster` did of the first pass: the recurring lines (unless the
/// furniture is kept) and, from every article's signature, the copies (unless duplicates are
/// kept): doc_id of each copy -> doc_id of the article it copies.
#[cfg_attr(not(feature = "cluster"), allow(dead_code))]
pub struct FromCluster {
    pub recurring: Option<crate::meta::boilerplate::RecurringLines>,
    pub duplicate_of: Option<std::collections::HashMap<String, String>>,
}

#[cfg(feature = "cluster")]
fn cluster_of(settings: &Settings) -> Result<crate::cluster::Cluster> {
    crate::cluster::Cluster::new(&settings.cluster).map_err(|e| Error::Usage(e.to_string()))
}

#[cfg(feature = "cluster")]
fn failed(e: crate::cluster::ClusterError) -> Error {
    Error::Cluster(e.to_string())
}

/// The first pass, on the workers of `--cluster`; the signatures they send go to files in
/// `spill` as they come, as in the local pass.
#[cfg(feature = "cluster")]
pub fn first_pass(settings: &Settings, sources: &[Source], spill: &Path) -> Result<FromCluster> {
    let cluster = cluster_of(settings)?;
    let recurring = (!settings.keep_boilerplate)
        .then(|| cluster.recurring_lines(sources.to_vec(), &settings.columns))
        .transpose()
        .map_err(failed)?;
    let duplicate_of = match settings.keep_duplicates {
        true => None,
        false => {
            let mut copies = super::passes::Copies::new(spill);
            let (columns, sheet) = (&settings.columns, &settings.metadata);
            (cluster.signatures(sources.to_vec(), columns, sheet, |s| copies.push(s)))
                .map_err(failed)?;
            Some(copies.finish().map_err(|e| Error::Spill(e.to_string()))?)
        }
    };
    Ok(FromCluster {
        recurring,
        duplicate_of,
    })
}

/// The second pass with its work done on the workers of `--cluster`: gives what
/// [`super::passes::analyze_all`] gives.
#[cfg(feature = "cluster")]
pub fn second_pass(
    settings: &Settings,
    sources: Vec<Source>,
    scan: &Scan,
    analyzer: &Analyzer,
    stage: &progress::Stage,
    mut keep: Keep<'_>,
) -> Result<Analysed> {
    use rayon::prelude::*;

    use super::passes::Rows;
    use super::worked::WorkedSource;
    use crate::cluster::{Articles, ClusterError};

    let cluster = cluster_of(settings)?;
    let mut copies: Vec<String> = scan.duplicate_of.keys().cloned().collect();
    copies.sort_unstable();
    let job = Articles {
        sheet: settings.metadata.clone(),
        recurring: scan.recurring.clone(),
        copies,
        chain: analyzer.chain(),
    };
    (cluster.articles(sources, &settings.columns, job, |worked| {
        let rows: Option<Vec<Rows>> = (worked.par_iter())
            .map(|bytes| {
                let w = WorkedSource::read(bytes, analyzer)?;
                stage.advance(w.size);
                Some(keep.source(w))
            })
            .collect();
        keep.push(rows.ok_or_else(|| {
            ClusterError::new("a worked file came back from the cluster in an unexpected form: are all workers running `newsreport worker` of this same version?")
        })?);
        Ok(())
    }))
    .map_err(failed)?;
    Ok(keep.finish())
}

/// Without the cluster built in, `--cluster` is refused when the flags are read.
#[cfg(not(feature = "cluster"))]
fn not_built() -> Error {
    Error::Usage(format!("--cluster: {}", crate::cli::NO_CLUSTER))
}

#[cfg(not(feature = "cluster"))]
pub fn first_pass(_settings: &Settings, _sources: &[Source], _spill: &Path) -> Result<FromCluster> {
    Err(not_built())
}

#[cfg(not(feature = "cluster"))]
pub fn second_pass(
    _settings: &Settings,
    _sources: Vec<Source>,
    _scan: &Scan,
    _analyzer: &Analyzer,
    _stage: &progress::Stage,
    _keep: Keep<'_>,
) -> Result<Analysed> {
    Err(not_built())
}
