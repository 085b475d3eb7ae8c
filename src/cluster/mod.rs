//! The cluster path (built with `--features cluster`): parts of a run planned here and run on
//! workers over datafusion-distributed. A worker is this binary (`newsreport worker`, see
//! [`serve`]); the machine that asks ([`Cluster`]) plans, sends each worker its share of the
//! files, and writes the report. Every worker must read the input files at the paths the
//! machine that asks sees (a shared file system).
//!
//! What runs on the workers: the first pass, whole, and the work of the second. The first
//! pass' recurring-line counts ([`Cluster::recurring_lines`]) are summed by the engine's
//! hash aggregate across the workers; its duplicate signatures ([`Cluster::signatures`])
//! are made there and sorted by doc_id. In the second pass ([`Cluster::articles`]) the
//! workers read, describe, analyse and attribute every article, and send each file's
//! results as bytes; the machine that asks keeps them as it keeps its own. All three come
//! from the leaf in [`files`]. The machine that asks reads no file in the first two passes;
//! the rest of the run is the local one, so the report is the same as a run on one machine.

mod files;

use std::net::SocketAddr;
use std::sync::Arc;

use datafusion::arrow::array::{
    Array, BinaryArray, FixedSizeBinaryArray, Int32Array, RecordBatch, StringArray, UInt8Array,
    UInt32Array, UInt64Array,
};
use datafusion::common::DataFusionError;
use datafusion::datasource::provider_as_source;
use datafusion::execution::SessionStateBuilder;
use datafusion::execution::session_state::SessionState;
use datafusion::functions_aggregate::expr_fn::sum;
use datafusion::logical_expr::{LogicalPlan, LogicalPlanBuilder, col};
use datafusion::physical_plan::{collect, execute_stream};
use datafusion_distributed::{
    DistributedExt, SessionStateBuilderExt, Worker, WorkerQueryContext, WorkerResolver,
};
use futures::StreamExt;
use url::Url;

use crate::discover::Source;
use crate::engine::{Budget, spilling_runtime, sums_pool};
use crate::input::Columns;
use crate::input::metadata::Overrides;
use crate::meta::PubDate;
use crate::meta::boilerplate::RecurringLines;
use crate::meta::boilerplate::recurring::Recurring;
use crate::meta::duplicates::{MINS_BYTES, NUM_HASHES, Signature, Signed, mins_from_bytes};
pub use files::Articles;
pub use files::DOCS_KEY;
use files::{FilesCodec, FilesTable, Job};

/// Why the cluster could not do its part: names the worker or the step, and what to do.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ClusterError(String);

impl ClusterError {
    pub fn new(why: impl Into<String>) -> Self {
        ClusterError(why.into())
    }
}

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
        let table = FilesTable {
            job: Job::LineKeys,
            sources,
            columns: columns.clone(),
        };
        let plan =
            LogicalPlanBuilder::scan("line_keys", provider_as_source(Arc::new(table)), None)?
                .aggregate(vec![col("key")], vec![sum(col("docs")).alias("docs")])?
                .build()?;
        let mut sums = Vec::new();
        for batch in &self.run(&plan)? {
            let (keys, docs) = (
                column::<UInt64Array>(batch, 0)?,
                column::<UInt64Array>(batch, 1)?,
            );
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

    /// Every article's id, date and duplicate signature in `sources`, made on the workers
    /// as the local first pass makes them (the dates of `sheet`, the user's `--metadata`,
    /// first), handed to `each` in doc_id order as they come: nothing is collected here.
    pub fn signatures(
        &self,
        sources: Vec<Source>,
        columns: &Columns,
        sheet: &Overrides,
        mut each: impl FnMut(Signed),
    ) -> Result<(), ClusterError> {
        let table = FilesTable {
            job: Job::Signatures(sheet.dates()),
            sources,
            columns: columns.clone(),
        };
        // Sorted on the workers and merged here: the merge of the leaf's sorted partitions
        // (see `Job::partitions`) is the boundary that sends the reading to the workers.
        let plan =
            LogicalPlanBuilder::scan("signatures", provider_as_source(Arc::new(table)), None)?
                .sort(vec![col("doc_id").sort(true, false)])?
                .build()?;
        self.stream(&plan, |batch| {
            let ids = column::<StringArray>(batch, 0)?;
            let (days, precisions) = (
                column::<Int32Array>(batch, 1)?,
                column::<UInt8Array>(batch, 2)?,
            );
            let exact = column::<UInt64Array>(batch, 3)?;
            let words = column::<UInt32Array>(batch, 4)?;
            let mins = column::<FixedSizeBinaryArray>(batch, 5)?;
            for i in 0..batch.num_rows() {
                let date = match days.is_valid(i) && precisions.is_valid(i) {
                    true => Some(
                        PubDate::from_parts(days.value(i), precisions.value(i))
                            .ok_or_else(|| unexpected("a date"))?,
                    ),
                    false => None,
                };
                let bytes: &[u8; MINS_BYTES] =
                    (mins.value(i).try_into()).map_err(|_| unexpected("a signature"))?;
                let mut values = [0u32; NUM_HASHES];
                mins_from_bytes(bytes, &mut values);
                each(Signed {
                    doc_id: ids.value(i).to_string(),
                    date,
                    signature: Signature::from_parts(values, exact.value(i), words.value(i)),
                });
            }
            Ok(())
        })
    }

    /// The second pass' work on every file of `sources`, done on the workers: `each` gets
    /// the worked files of each batch as it comes (bytes of
    /// [`crate::pipeline::worked::WorkedSource`]), in no set order. Nothing is collected here.
    pub fn articles(
        &self,
        sources: Vec<Source>,
        columns: &Columns,
        job: Articles,
        mut each: impl FnMut(Vec<&[u8]>) -> Result<(), ClusterError>,
    ) -> Result<(), ClusterError> {
        let table = FilesTable {
            job: Job::Articles(Box::new(job)),
            sources,
            columns: columns.clone(),
        };
        // As for the signatures, the merge of the leaf's sorted partitions sends the work to
        // the workers.
        let plan = LogicalPlanBuilder::scan("articles", provider_as_source(Arc::new(table)), None)?
            .sort(vec![col("doc_id").sort(true, false)])?
            .build()?;
        self.stream(&plan, |batch| {
            let worked = column::<BinaryArray>(batch, 1)?;
            each(worked.iter().flatten().collect())
        })
    }

    /// Runs `plan` across the workers and hands each batch to `each` as it comes.
    fn stream(
        &self,
        plan: &LogicalPlan,
        mut each: impl FnMut(&RecordBatch) -> Result<(), ClusterError>,
    ) -> Result<(), ClusterError> {
        let state = self.state()?;
        self.runtime.block_on(async {
            let physical = state.create_physical_plan(plan).await?;
            let mut stream = execute_stream(physical, state.task_ctx())?;
            while let Some(batch) = stream.next().await {
                each(&batch?)?;
            }
            Ok(())
        })
    }

    /// Runs `plan` across the workers and collects its rows here.
    fn run(&self, plan: &LogicalPlan) -> Result<Vec<RecordBatch>, ClusterError> {
        let state = self.state()?;
        Ok(self.runtime.block_on(async {
            let physical = state.create_physical_plan(plan).await?;
            collect(physical, state.task_ctx()).await
        })?)
    }

    /// The engine's session for a plan across the workers.
    fn state(&self) -> Result<SessionState, ClusterError> {
        Ok(SessionStateBuilder::new()
            .with_default_features()
            .with_distributed_worker_resolver(self.workers.clone())
            .with_distributed_planner()
            .with_distributed_user_codec(FilesCodec)
            .with_distributed_desired_task_count_handler(files::desired_tasks)
            .with_distributed_scale_up_leaf_node_handler(files::split_files)
            // Two tasks a worker at most: with one worker, a stage of one task would be
            // planned back onto this machine (the engine leaves out a boundary between one
            // task and one task), and --cluster would not use the worker at all.
            .with_distributed_max_tasks_per_stage(2 * self.workers.0.len())?
            .build())
    }
}

/// Column `i` of a batch the workers sent, as the type the plan gives it.
fn column<T: 'static>(batch: &RecordBatch, i: usize) -> Result<&T, ClusterError> {
    (batch.column(i).as_any().downcast_ref::<T>()).ok_or_else(|| unexpected("a column"))
}

/// A result of the workers in a shape the plan does not give.
fn unexpected(what: &str) -> ClusterError {
    ClusterError(format!(
        "{what} came back from the cluster in an unexpected form: are all workers running `newsreport worker` of this same version?"
    ))
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
                .with_distributed_user_codec(FilesCodec)
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
