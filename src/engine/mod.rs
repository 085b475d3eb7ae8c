//! The corpus arithmetic that can outgrow memory, on Apache DataFusion. Only place with
//! DataFusion, Arrow and tokio.
//!
//! Owns the memory budget of a run ([`Budget`]: `--memory`) and [`Sums`]: counts summed by a
//! 64-bit key, fed in batches from any thread while the documents are analysed, and read
//! back once, in no particular order. The sums run in DataFusion's hash aggregate under a
//! `FairSpillPool`: past its share of the budget it writes sorted runs to a folder inside
//! the report's staging area and merges them back, so what the corpus counts is bounded by
//! the budget, not by the corpus. The spill files go with the staging folder (removed on
//! success and on error; after a `kill -9`, by the next run).
//!
//! Integer sums do not depend on the order rows arrive in or on how often the aggregate
//! spilled, so the result is the same whatever the thread count or budget.

mod budget;

pub use budget::{Budget, own_status_kb};

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

use arrow_array::{Array, RecordBatch, UInt64Array};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use datafusion_common::DataFusionError;
use datafusion_execution::TaskContext;
use datafusion_execution::config::SessionConfig;
use datafusion_execution::disk_manager::{DiskManagerBuilder, DiskManagerMode};
use datafusion_execution::memory_pool::FairSpillPool;
use datafusion_execution::runtime_env::{RuntimeEnv, RuntimeEnvBuilder};
use datafusion_functions_aggregate::sum::sum_udaf;
use datafusion_physical_expr::aggregate::AggregateExprBuilder;
use datafusion_physical_expr::expressions::col;
use datafusion_physical_plan::aggregates::{AggregateExec, AggregateMode, PhysicalGroupBy};
use datafusion_physical_plan::stream::RecordBatchStreamAdapter;
use datafusion_physical_plan::streaming::{PartitionStream, StreamingTableExec};
use datafusion_physical_plan::{ExecutionPlan, SendableRecordBatchStream};
use futures::StreamExt;

/// Rows per batch sent to the engine: Arrow's kernels work best on tens of thousands.
pub const BATCH_ROWS: usize = 1 << 16;

/// The smallest pool: room for two batches' hash tables. The budget's share is far above it
/// (42 MB at the smallest budget); only `NEWSREPORT_SUMS_POOL` asks for less.
pub const MIN_POOL: u64 = 6 << 20;

/// Batches waiting between the feeders and the engine: feeders block beyond it, so the
/// queue itself stays small (4 x 64k rows x 24 bytes).
const QUEUE: usize = 4;

/// One summed row: the key and its two sums.
pub type Row = (u64, u64, u64);

/// Why the engine failed (a spill folder that cannot be written, a full disk).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct EngineError(String);

impl From<String> for EngineError {
    fn from(e: String) -> Self {
        EngineError(e)
    }
}

impl From<DataFusionError> for EngineError {
    fn from(e: DataFusionError) -> Self {
        EngineError(e.to_string())
    }
}

/// Sums of two counts by a 64-bit key, on DataFusion, bounded by a memory pool of `pool`
/// bytes with spill files in `spill`. Feed rows with [`Sums::feed`] from any thread, then
/// [`Sums::finish`] once.
pub struct Sums {
    tx: Mutex<Option<SyncSender<RecordBatch>>>,
    /// Read only by `finish` (the Mutex makes the sums shareable between feeding threads).
    out: Mutex<Receiver<Result<RecordBatch, EngineError>>>,
    worker: JoinHandle<()>,
    plan: Arc<dyn ExecutionPlan>,
    schema: SchemaRef,
    spill: PathBuf,
    /// The first row batch that could not be fed; `finish` reports it.
    failed: Mutex<Option<EngineError>>,
}

/// The pool for sums: `NEWSREPORT_SUMS_POOL` (bytes) where set, else `share`. The variable
/// is for developers: a pool small enough to make a small corpus spill, as a large one
/// would (the tests of the spill path use it); a run and a cluster worker both read it.
pub fn sums_pool(share: u64) -> u64 {
    (std::env::var("NEWSREPORT_SUMS_POOL").ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(share)
}

/// DataFusion's runtime for sums that spill: a `FairSpillPool` of `pool` bytes (at least
/// [`MIN_POOL`]) and spill files in `spill` (made if missing). The sums of a run and a
/// cluster worker's share both run in one.
pub fn spilling_runtime(pool: u64, spill: &Path) -> Result<Arc<RuntimeEnv>, EngineError> {
    // The aggregate reserves a whole batch's hash table at once (3.0 MB for 64k rows)
    // and can spill only what it already holds: a smaller pool fails on the first batch
    // (seen with a 2.9 MB pool) instead of spilling.
    let pool = usize::try_from(pool.max(MIN_POOL)).unwrap_or(usize::MAX);
    std::fs::create_dir_all(spill)
        .map_err(|e| EngineError(format!("cannot make {}: {e}", spill.display())))?;
    Ok(RuntimeEnvBuilder::new()
        .with_memory_pool(Arc::new(FairSpillPool::new(pool)))
        .with_disk_manager_builder(
            DiskManagerBuilder::default()
                .with_mode(DiskManagerMode::Directories(vec![spill.to_path_buf()])),
        )
        .build_arc()?)
}

impl Sums {
    /// Starts the aggregate on its own thread. `spill` is made if missing.
    pub fn start(pool: u64, spill: &Path) -> Result<Sums, EngineError> {
        let runtime = spilling_runtime(pool, spill)?;
        let schema: SchemaRef = Arc::new(Schema::new(
            ["key", "a", "b"]
                .map(|n| Field::new(n, DataType::UInt64, false))
                .to_vec(),
        ));
        let ctx = Arc::new(
            TaskContext::default()
                .with_runtime(runtime)
                .with_session_config(SessionConfig::new().with_batch_size(BATCH_ROWS)),
        );
        let (tx, rx) = sync_channel::<RecordBatch>(QUEUE);
        let (out_tx, out) = sync_channel(QUEUE);
        let input = Arc::new(StreamingTableExec::try_new(
            schema.clone(),
            vec![Arc::new(Feed {
                schema: schema.clone(),
                rx: Mutex::new(Some(rx)),
            }) as Arc<dyn PartitionStream>],
            None,
            vec![],
            false,
            None,
        )?);
        let plan = sum_plan(input)?;
        let running = plan.clone();
        let worker = std::thread::Builder::new()
            .name("newsreport-engine".into())
            .spawn(move || run(running, ctx, out_tx))
            .map_err(|e| EngineError(format!("cannot start the engine's thread: {e}")))?;
        Ok(Sums {
            tx: Mutex::new(Some(tx)),
            out: Mutex::new(out),
            worker,
            plan,
            schema,
            spill: spill.to_path_buf(),
            failed: Mutex::new(None),
        })
    }

    /// Adds rows (key, a, b); the same key may come any number of times, from any thread.
    /// Blocks while the engine is behind. Rows that cannot be fed (columns of unequal
    /// length) make [`Sums::finish`] fail: feeders never lose rows silently.
    pub fn feed(&self, keys: Vec<u64>, a: Vec<u64>, b: Vec<u64>) {
        let batch = RecordBatch::try_new(
            self.schema.clone(),
            vec![
                Arc::new(UInt64Array::from(keys)),
                Arc::new(UInt64Array::from(a)),
                Arc::new(UInt64Array::from(b)),
            ],
        );
        let tx = self
            .tx
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        match (batch, tx) {
            // A closed channel means the engine stopped on an error, which finish() reports.
            (Ok(batch), Some(tx)) => {
                let _ = tx.send(batch);
            }
            (Err(e), _) => self.fail(EngineError(e.to_string())),
            (_, None) => self.fail(EngineError("rows fed after the sums were finished".into())),
        }
    }

    fn fail(&self, e: EngineError) {
        let mut failed = self.failed.lock().unwrap_or_else(PoisonError::into_inner);
        failed.get_or_insert(e);
    }

    /// Ends the input and calls `each` on every summed row (key, sum of a, sum of b), each key
    /// once, in no particular order. Returns how many times the sums spilled to disk.
    pub fn finish(self, mut each: impl FnMut(Row)) -> Result<usize, EngineError> {
        drop(
            self.tx
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take(),
        );
        let mut failed = self
            .failed
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let out = self
            .out
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        for batch in out.iter() {
            if let Err(e) = batch.and_then(|b| each_row(&b, &mut each)) {
                failed.get_or_insert(e);
            }
        }
        if self.worker.join().is_err() {
            failed.get_or_insert(EngineError("the engine's thread panicked".into()));
        }
        let spills = (self.plan.metrics()).map_or(0, |m| m.spill_count().unwrap_or(0));
        // The spill files went with the runtime; the folder is ours.
        let _ = std::fs::remove_dir(&self.spill);
        failed.map_or(Ok(spills), Err)
    }
}

/// Calls `each` on the rows of one output batch, read in place. A column of another type
/// than the plan's is an error, never rows silently left out.
fn each_row(batch: &RecordBatch, each: &mut impl FnMut(Row)) -> Result<(), EngineError> {
    let column = |i: usize| {
        (batch.column(i).as_any().downcast_ref::<UInt64Array>())
            .map(|a| a.values())
            .ok_or_else(|| EngineError(format!("sums: column {i} is not UInt64")))
    };
    let (k, a, b) = (column(0)?, column(1)?, column(2)?);
    for ((&k, &a), &b) in k.iter().zip(a.iter()).zip(b.iter()) {
        each((k, a, b));
    }
    Ok(())
}

/// GROUP BY key, SUM(a), SUM(b) over `input`, in one partition.
fn sum_plan(input: Arc<dyn ExecutionPlan>) -> Result<Arc<dyn ExecutionPlan>, DataFusionError> {
    let schema = input.schema();
    let group_by = PhysicalGroupBy::new_single(vec![(col("key", &schema)?, "key".into())]);
    let sum = |name: &str| {
        AggregateExprBuilder::new(sum_udaf(), vec![col(name, &schema)?])
            .schema(schema.clone())
            .alias(name)
            .build()
            .map(Arc::new)
    };
    Ok(Arc::new(AggregateExec::try_new(
        AggregateMode::Single,
        group_by,
        vec![sum("a")?, sum("b")?],
        vec![None, None],
        input,
        schema.clone(),
    )?))
}

/// The engine's thread: runs the plan and sends its output batches (or its error) back.
fn run(
    plan: Arc<dyn ExecutionPlan>,
    ctx: Arc<TaskContext>,
    out: SyncSender<Result<RecordBatch, EngineError>>,
) {
    let runtime = match tokio::runtime::Builder::new_current_thread().build() {
        Ok(r) => r,
        Err(e) => {
            let _ = out.send(Err(EngineError(format!("cannot start the engine: {e}"))));
            return;
        }
    };
    runtime.block_on(async {
        let mut stream = match plan.execute(0, ctx) {
            Ok(s) => s,
            Err(e) => {
                let _ = out.send(Err(e.into()));
                return;
            }
        };
        while let Some(batch) = stream.next().await {
            let failed = batch.is_err();
            if out.send(batch.map_err(EngineError::from)).is_err() || failed {
                return;
            }
        }
    });
}

/// The input partition: the batches the feeders send, in arrival order. The engine's thread
/// blocks on the channel between batches, which is all it has to do then.
#[derive(Debug)]
struct Feed {
    schema: SchemaRef,
    rx: Mutex<Option<Receiver<RecordBatch>>>,
}

impl PartitionStream for Feed {
    fn schema(&self) -> &SchemaRef {
        &self.schema
    }

    fn execute(&self, _ctx: Arc<TaskContext>) -> SendableRecordBatchStream {
        let rx = self
            .rx
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        let batches = rx.into_iter().flat_map(|rx| rx.into_iter()).map(Ok);
        Box::pin(RecordBatchStreamAdapter::new(
            self.schema.clone(),
            futures::stream::iter(batches),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sums of many rows over few keys, with a pool small enough to spill, equal the sums
    /// computed in a map.
    #[test]
    fn sums_equal_a_map_also_when_spilling() {
        let dir = tempfile::tempdir().expect("tempdir");
        for pool in [4 << 20, 256 << 20] {
            let spill = dir.path().join(format!("spill{pool}"));
            let sums = Sums::start(pool, &spill).expect("start");
            let mut expected = std::collections::BTreeMap::<u64, (u64, u64)>::new();
            let mut rng = crate::test_rng::XorShift::new(0x2545_F491_4F6C_DD1D);
            for _ in 0..20 {
                let (mut k, mut a, mut b) = (vec![], vec![], vec![]);
                for _ in 0..20_000 {
                    let x = rng.next();
                    let key = x % 200_000;
                    k.push(key);
                    a.push(x % 7);
                    b.push(1);
                    let e = expected.entry(key).or_default();
                    e.0 += x % 7;
                    e.1 += 1;
                }
                sums.feed(k, a, b);
            }
            let mut got = std::collections::BTreeMap::new();
            let spills = sums
                .finish(|(k, a, b)| {
                    assert!(got.insert(k, (a, b)).is_none(), "key {k} twice");
                })
                .expect("finish");
            assert_eq!(got, expected, "pool {pool}");
            assert_eq!(spills > 0, pool == 4 << 20, "pool {pool}: {spills} spills");
            assert!(!spill.exists(), "spill folder left behind");
        }
    }
}
