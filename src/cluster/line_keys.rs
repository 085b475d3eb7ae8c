//! The first pass' line counts as a leaf of a distributed plan: [`LineKeysExec`] reads a
//! share of the input files on a worker and emits every article's line keys (one row a key,
//! `docs` = 1) and one row with the number of articles read (key [`DOCS_KEY`]). The plan
//! above it sums `docs` by key, on the workers; [`LineKeysCodec`] carries the node (its
//! files and table columns, as JSON) to them, and the two handlers split the files into
//! one contiguous share per task.

use std::fmt;
use std::sync::Arc;

use async_trait::async_trait;
use datafusion::arrow::array::{RecordBatch, UInt64Array};
use datafusion::arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use datafusion::catalog::Session;
use datafusion::common::tree_node::TreeNodeRecursion;
use datafusion::common::{DataFusionError, Result, internal_err};
use datafusion::datasource::{TableProvider, TableType};
use datafusion::execution::{SendableRecordBatchStream, TaskContext};
use datafusion::logical_expr::Expr;
use datafusion::physical_expr::{EquivalenceProperties, Partitioning, PhysicalExpr};
use datafusion::physical_plan::execution_plan::{Boundedness, EmissionType};
use datafusion::physical_plan::stream::RecordBatchStreamAdapter;
use datafusion::physical_plan::{DisplayAs, DisplayFormatType, ExecutionPlan, PlanProperties};
use datafusion_distributed::{
    DesiredTaskCountEvent, DesiredTaskCountEventResponse, DistributedLeafExec,
    ScaleUpLeafNodeEvent, ScaleUpLeafNodeEventResponse,
};
use datafusion_proto::physical_plan::{PhysicalExtensionCodec, PhysicalProtoConverterExtension};
use futures::StreamExt;
use rayon::prelude::*;

use crate::discover::Source;
use crate::input::{self, Columns};
use crate::meta::boilerplate::recurring::document_keys;

/// The row that carries how many articles a share held: no line key has both top bits set
/// (they hold one of three kinds).
pub const DOCS_KEY: u64 = u64::MAX;

/// Files read and sent as one batch: small enough that a worker's memory holds only a few
/// batches, large enough for both its cores.
const FILES_PER_BATCH: usize = 2048;

/// Files below which a share is not worth a task of its own.
const MIN_FILES_PER_TASK: usize = 256;

fn schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("key", DataType::UInt64, false),
        Field::new("docs", DataType::UInt64, false),
    ]))
}

/// The files of a run as a table of line keys, for the logical plan.
#[derive(Debug)]
pub struct LineKeysTable {
    pub sources: Vec<Source>,
    pub columns: Columns,
}

#[async_trait]
impl TableProvider for LineKeysTable {
    fn schema(&self) -> SchemaRef {
        schema()
    }

    fn table_type(&self) -> TableType {
        TableType::Base
    }

    async fn scan(
        &self,
        _state: &dyn Session,
        projection: Option<&Vec<usize>>,
        _filters: &[Expr],
        _limit: Option<usize>,
    ) -> Result<Arc<dyn ExecutionPlan>> {
        let projection = projection.cloned().unwrap_or_else(|| vec![0, 1]);
        Ok(Arc::new(LineKeysExec::new(
            self.sources.clone(),
            self.columns.clone(),
            projection,
        )?))
    }
}

/// Reads its files and emits their line keys (see the module's doc).
#[derive(Debug)]
pub struct LineKeysExec {
    sources: Vec<Source>,
    columns: Columns,
    /// Of `key`, `docs`: the columns the plan asked for.
    projection: Vec<usize>,
    properties: Arc<PlanProperties>,
}

impl LineKeysExec {
    fn new(sources: Vec<Source>, columns: Columns, projection: Vec<usize>) -> Result<Self> {
        let projected = Arc::new(schema().project(&projection)?);
        let properties = Arc::new(PlanProperties::new(
            EquivalenceProperties::new(projected),
            Partitioning::UnknownPartitioning(1),
            EmissionType::Incremental,
            Boundedness::Bounded,
        ));
        Ok(LineKeysExec {
            sources,
            columns,
            projection,
            properties,
        })
    }
}

impl DisplayAs for LineKeysExec {
    fn fmt_as(&self, _t: DisplayFormatType, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "LineKeysExec: {} files", self.sources.len())
    }
}

impl ExecutionPlan for LineKeysExec {
    fn name(&self) -> &str {
        "LineKeysExec"
    }

    fn properties(&self) -> &Arc<PlanProperties> {
        &self.properties
    }

    fn children(&self) -> Vec<&Arc<dyn ExecutionPlan>> {
        vec![]
    }

    fn apply_expressions(
        &self,
        _f: &mut dyn FnMut(&Arc<dyn PhysicalExpr>) -> Result<TreeNodeRecursion>,
    ) -> Result<TreeNodeRecursion> {
        Ok(TreeNodeRecursion::Continue)
    }

    fn with_new_children(
        self: Arc<Self>,
        _: Vec<Arc<dyn ExecutionPlan>>,
    ) -> Result<Arc<dyn ExecutionPlan>> {
        Ok(self)
    }

    fn execute(
        &self,
        _partition: usize,
        _context: Arc<TaskContext>,
    ) -> Result<SendableRecordBatchStream> {
        // One line a task on the worker's stderr: what a worker did, for whoever runs it.
        eprintln!(
            "newsreport worker: counting the lines of {} files",
            self.sources.len()
        );
        let blocks: Vec<Vec<Source>> = (self.sources.chunks(FILES_PER_BATCH))
            .map(<[Source]>::to_vec)
            .collect();
        let columns = self.columns.clone();
        let projection = self.projection.clone();
        // Reading and splitting lines is CPU work: off the runtime's threads, on rayon's.
        let batches = futures::stream::iter(blocks).then(move |block| {
            let columns = columns.clone();
            let projection = projection.clone();
            async move {
                let batch = tokio::task::spawn_blocking(move || keys_of(&block, &columns))
                    .await
                    .map_err(|e| DataFusionError::External(Box::new(e)))??;
                Ok(batch.project(&projection)?)
            }
        });
        Ok(Box::pin(RecordBatchStreamAdapter::new(
            self.schema(),
            batches,
        )))
    }
}

/// The line keys of every article in `sources` (unreadable files give none, as in the
/// local pass), and the [`DOCS_KEY`] row with how many articles there were.
fn keys_of(sources: &[Source], columns: &Columns) -> Result<RecordBatch> {
    let per_source: Vec<(Vec<u64>, u64)> = sources
        .par_iter()
        .map(|source| {
            let mut keys = Vec::new();
            let articles = input::read_source(source, columns).articles;
            let n = articles.len() as u64;
            for article in articles {
                document_keys(&article.text, &mut keys);
            }
            (keys, n)
        })
        .collect();
    let rows = per_source.iter().map(|(k, _)| k.len()).sum::<usize>() + 1;
    let mut keys = Vec::with_capacity(rows);
    let mut docs = Vec::with_capacity(rows);
    let mut articles = 0;
    for (k, n) in per_source {
        docs.resize(docs.len() + k.len(), 1);
        keys.extend(k);
        articles += n;
    }
    keys.push(DOCS_KEY);
    docs.push(articles);
    Ok(RecordBatch::try_new(
        schema(),
        vec![
            Arc::new(UInt64Array::from(keys)),
            Arc::new(UInt64Array::from(docs)),
        ],
    )?)
}

/// What crosses the network for a [`LineKeysExec`].
#[derive(serde::Serialize, serde::Deserialize)]
struct Wire {
    sources: Vec<Source>,
    columns: Columns,
    projection: Vec<usize>,
}

/// Carries [`LineKeysExec`] to the workers: registered on the coordinator and on every
/// worker.
#[derive(Debug)]
pub struct LineKeysCodec;

impl PhysicalExtensionCodec for LineKeysCodec {
    fn try_decode(
        &self,
        buf: &[u8],
        inputs: &[Arc<dyn ExecutionPlan>],
        _ctx: &TaskContext,
        _proto_converter: &dyn PhysicalProtoConverterExtension,
    ) -> Result<Arc<dyn ExecutionPlan>> {
        if !inputs.is_empty() {
            return internal_err!("LineKeysExec has no inputs, got {}", inputs.len());
        }
        let wire: Wire =
            serde_json::from_slice(buf).map_err(|e| DataFusionError::External(Box::new(e)))?;
        Ok(Arc::new(LineKeysExec::new(
            wire.sources,
            wire.columns,
            wire.projection,
        )?))
    }

    fn try_encode(
        &self,
        node: Arc<dyn ExecutionPlan>,
        buf: &mut Vec<u8>,
        _proto_converter: &dyn PhysicalProtoConverterExtension,
    ) -> Result<()> {
        let Some(exec) = node.downcast_ref::<LineKeysExec>() else {
            return internal_err!("expected LineKeysExec, got {}", node.name());
        };
        let wire = Wire {
            sources: exec.sources.clone(),
            columns: exec.columns.clone(),
            projection: exec.projection.clone(),
        };
        // A path that is not UTF-8 cannot be sent: the error names serde's reason.
        serde_json::to_writer(buf, &wire).map_err(|e| DataFusionError::External(Box::new(e)))
    }
}

/// One task for every [`MIN_FILES_PER_TASK`] files, and two at least where there are two
/// files (one task alone would run on the machine that asks); the planner caps it at two a
/// worker.
pub fn desired_tasks(ev: DesiredTaskCountEvent) -> Option<Result<DesiredTaskCountEventResponse>> {
    let exec = ev.plan.downcast_ref::<LineKeysExec>()?;
    let files = exec.sources.len();
    let tasks = files.div_ceil(MIN_FILES_PER_TASK).max(2).min(files.max(1));
    Some(Ok(DesiredTaskCountEventResponse::desired(tasks)))
}

/// Splits the files into `task_count` contiguous shares, one node for each task.
pub fn split_files(ev: ScaleUpLeafNodeEvent) -> Option<Result<ScaleUpLeafNodeEventResponse>> {
    let exec = ev.plan.downcast_ref::<LineKeysExec>()?;
    let per_task = exec.sources.len().div_ceil(ev.task_count.max(1)).max(1);
    let variants: Result<Vec<Arc<dyn ExecutionPlan>>> = (0..ev.task_count)
        .map(|t| {
            let start = (t * per_task).min(exec.sources.len());
            let end = (start + per_task).min(exec.sources.len());
            let node = LineKeysExec::new(
                exec.sources[start..end].to_vec(),
                exec.columns.clone(),
                exec.projection.clone(),
            )?;
            Ok(Arc::new(node) as Arc<dyn ExecutionPlan>)
        })
        .collect();
    Some(variants.and_then(|v| {
        let leaf = DistributedLeafExec::try_new(Arc::clone(ev.plan), v)?;
        Ok(ScaleUpLeafNodeEventResponse::new(Arc::new(leaf)))
    }))
}
