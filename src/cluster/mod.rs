//! The cluster path (built with `--features cluster`): parts of a run planned here and run on
//! workers over datafusion-distributed. A worker is this binary (`newsreport worker`, see
//! [`serve`]); the machine that asks ([`Cluster`]) plans, sends each worker its share of the
//! files, and writes the report. Every worker must read the input files at the paths the
//! machine that asks sees (a shared file system).
//!
//! What runs on the workers so far: the first pass' recurring-line counts
//! ([`Cluster::recurring_lines`], the leaf in [`line_keys`]), summed by the engine's hash
//! aggregate across the workers. The rest of the run is the local one, so the report is the
//! same as a run on one machine.

mod line_keys;

use std::net::SocketAddr;
use std::sync::Arc;

use datafusion::arrow::array::UInt64Array;
use datafusion::common::DataFusionError;
use datafusion::datasource::provider_as_source;
use datafusion::execution::SessionStateBuilder;
use datafusion::functions_aggregate::expr_fn::sum;
use datafusion::logical_expr::{LogicalPlanBuilder, col};
use datafusion::physical_plan::collect;
use datafusion_distributed::{
    DistributedExt, SessionStateBuilderExt, Worker, WorkerQueryContext, WorkerResolver,
};
use url::Url;

use crate::discover::Source;
use crate::engine::{Budget, spilling_runtime, sums_pool};
use crate::input::Columns;
use crate::meta::boilerplate::RecurringLines;
use crate::meta::boilerplate::recurring::Recurring;
pub use line_keys::DOCS_KEY;
use line_keys::{LineKeysCodec, LineKeysTable};

/// Why the cluster could not do its part: names the worker or the step, and what to do.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ClusterError(String);

impl From<DataFusionError> for ClusterError {
    fn from(e: DataFusionError) -> Self {
        ClusterError(format!(
            "the cluster failed (a worker could not be reached, stopped, or failed): {e}. Check that every worker given to --cluster is running `newsreport worker` of this same version and can read the input files at the same paths, then run again"
        ))
    }
}

/// The workers of a run, by URL.
#[derive(Clone, Debug)]
struct Workers(Vec<Url>);

impl WorkerResolver for Workers {
    fn get_urls(&self) -> Result<Vec<Url>, DataFusionError> {
        Ok(self.0.clone())
    }
}

/// The machine that asks: plans the distributed parts of a run and collects their results.
pub struct Cluster {
    workers: Workers,
    runtime: tokio::runtime::Runtime,
}

impl Cluster {
    /// The workers at `urls` (`http://HOST:PORT`, as `newsreport worker` prints them).
    pub fn new(urls: &[String]) -> Result<Cluster, ClusterError> {
        let workers = (urls.iter())
            .map(|u| {
                Url::parse(u).map_err(|e| {
                    ClusterError(format!(
                        "--cluster: \"{u}\" is not a worker's URL ({e}); give http://HOST:PORT as `newsreport worker` prints it"
                    ))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if workers.is_empty() {
            return Err(ClusterError(
                "--cluster needs at least one worker URL".into(),
            ));
        }
        let runtime = runtime("cluster")?;
        Ok(Cluster {
            workers: Workers(workers),
            runtime,
        })
    }

    /// The first pass' recurring lines of the articles in `sources`, counted on the workers:
    /// the same set as [`crate::meta::boilerplate::LineSums`] gives on one machine.
    pub fn recurring_lines(
        &self,
        sources: Vec<Source>,
        columns: &Columns,
    ) -> Result<RecurringLines, ClusterError> {
        let sums = self.line_sums(sources, columns)?;
        let articles = sums.iter().find(|(k, _)| *k == DOCS_KEY).map_or(0, |r| r.1);
        let mut kept = Recurring::new(articles as usize);
        for (key, docs) in sums {
            kept.add(key, docs);
        }
        Ok(kept.lines())
    }

    /// Every line key of the articles in `sources` (kind in the top two bits, as
    /// [`crate::meta::boilerplate::recurring::document_keys`] makes them) with the number of
    /// articles that have it, and the key [`DOCS_KEY`] with the number of articles; summed
    /// on the workers, in key order.
    pub fn line_sums(
        &self,
        sources: Vec<Source>,
        columns: &Columns,
    ) -> Result<Vec<(u64, u64)>, ClusterError> {
        let state = SessionStateBuilder::new()
            .with_default_features()
            .with_distributed_worker_resolver(self.workers.clone())
            .with_distributed_planner()
            .with_distributed_user_codec(LineKeysCodec)
            .with_distributed_desired_task_count_handler(line_keys::desired_tasks)
            .with_distributed_scale_up_leaf_node_handler(line_keys::split_files)
            // Two tasks a worker at most: with one worker, a stage of one task would be
            // planned back onto this machine (the engine leaves out a boundary between one
            // task and one task), and --cluster would not use the worker at all.
            .with_distributed_max_tasks_per_stage(2 * self.workers.0.len())?
            .build();
        let table = LineKeysTable {
            sources,
            columns: columns.clone(),
        };
        let plan =
            LogicalPlanBuilder::scan("line_keys", provider_as_source(Arc::new(table)), None)?
                .aggregate(vec![col("key")], vec![sum(col("docs")).alias("docs")])?
                .build()?;
        let batches = self.runtime.block_on(async {
            let physical = state.create_physical_plan(&plan).await?;
            collect(physical, state.task_ctx()).await
        })?;
        let mut sums = Vec::new();
        for batch in &batches {
            let column = |i: usize| {
                (batch.column(i).as_any())
                    .downcast_ref::<UInt64Array>()
                    .ok_or_else(|| {
                        ClusterError("the line sums came back in an unexpected type".into())
                    })
            };
            let (keys, docs) = (column(0)?, column(1)?);
            sums.extend(
                keys.values()
                    .iter()
                    .copied()
                    .zip(docs.values().iter().copied()),
            );
        }
        sums.sort_unstable();
        Ok(sums)
    }
}

/// Runs a worker on `listen` (`HOST:PORT`; port 0 takes a free one) until the process is
/// stopped. Prints the URL it listens on as its first line on stdout, for `--cluster`. Its
/// sums run within two thirds of `memory` (the rest for what the pool does not count) and
/// spill past it into a folder of its own in the system's temporary folder; the folders of
/// workers no longer running are removed first.
pub fn serve(listen: &str, memory: Budget) -> Result<(), ClusterError> {
    let addr: SocketAddr = listen.parse().map_err(|e| {
        ClusterError(format!(
            "--listen: \"{listen}\" is not HOST:PORT ({e}); e.g. 0.0.0.0:50051, or 127.0.0.1:0 for a free port"
        ))
    })?;
    let runtime = runtime("worker")?;
    let spill = std::env::temp_dir().join(format!("{SPILL_PREFIX}{}", std::process::id()));
    remove_stale_spills();
    let engine = spilling_runtime(sums_pool(memory.bytes / 3 * 2), &spill)
        .map_err(|e| ClusterError(format!("cannot start the worker's engine: {e}")))?;
    runtime.block_on(async {
        let incoming = tonic::transport::server::TcpIncoming::bind(addr)
            .map_err(|e| ClusterError(format!("cannot listen on {addr}: {e}")))?;
        let bound = incoming
            .local_addr()
            .map_err(|e| ClusterError(format!("cannot listen on {addr}: {e}")))?;
        // An address for every interface is not one to connect to: the URL then needs
        // this machine's name.
        match bound.ip().is_unspecified() {
            false => println!("newsreport worker listening on http://{bound}"),
            true => println!(
                "newsreport worker listening on port {} of every interface: give --cluster http://THIS-MACHINE:{}",
                bound.port(),
                bound.port()
            ),
        }
        let worker = Worker::from_session_builder(|ctx: WorkerQueryContext| async move {
            Ok(ctx
                .builder
                .with_distributed_user_codec(LineKeysCodec)
                .build())
        })
        .with_runtime_env(engine);
        tonic::transport::Server::builder()
            .add_service(worker.into_worker_server())
            .serve_with_incoming(incoming)
            .await
            .map_err(|e| ClusterError(format!("the worker on {bound} stopped: {e}")))
    })
}

/// The async runtime the engine's network code runs on, for the `whose` side.
fn runtime(whose: &str) -> Result<tokio::runtime::Runtime, ClusterError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| ClusterError(format!("cannot start the {whose}'s runtime: {e}")))
}

/// A worker's spill folder in the system's temporary folder: this, then its process id.
const SPILL_PREFIX: &str = "newsreport-worker-";

/// Removes the spill folders of workers that are no longer running (killed while spilling):
/// a folder whose process id has no `/proc` entry. Elsewhere than Linux nothing is removed.
fn remove_stale_spills() {
    if !std::path::Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = (name.to_str())
            .and_then(|n| n.strip_prefix(SPILL_PREFIX))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if !std::path::Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}
