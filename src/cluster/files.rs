//! The leaf of the cluster's plans: [`FilesExec`] reads a share of the input files on a
//! worker and emits, for its [`Job`], every article's line keys (one row a key, `docs` = 1,
//! and one row with the number of articles read, key [`DOCS_KEY`]; the plan above sums
//! `docs` by key, on the workers), every article's date and duplicate signature (one row an
//! article), or each file worked as the second pass works it (one row a file: its articles'
//! metadata, analysis and statements as bytes, `crate::pipeline::worked`). [`FilesCodec`] carries the node (its job, files and
//! table columns, as JSON) to the workers, and the two handlers split the files into one
//! contiguous share per task.

use std::collections::HashSet;
use std::fmt;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use datafusion::arrow::array::{
    BinaryArray, FixedSizeBinaryArray, Int32Array, RecordBatch, StringArray, UInt8Array,
    UInt32Array, UInt64Array,
};
use datafusion::arrow::compute::SortOptions;
use datafusion::arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use datafusion::catalog::Session;
use datafusion::common::tree_node::TreeNodeRecursion;
use datafusion::common::{DataFusionError, Result, internal_err};
use datafusion::datasource::{TableProvider, TableType};
use datafusion::execution::{SendableRecordBatchStream, TaskContext};
use datafusion::logical_expr::Expr;
use datafusion::physical_expr::expressions::Column;
use datafusion::physical_expr::{
    EquivalenceProperties, Partitioning, PhysicalExpr, PhysicalSortExpr,
};
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
use crate::input::metadata::{self, Dates, Overrides};
use crate::input::{self, Columns};
use crate::meta::boilerplate::RecurringLines;
use crate::meta::boilerplate::recurring::document_keys;
use crate::meta::duplicates::{self, MINS_BYTES};
use crate::pipeline::worked::{self, Work};
use crate::text::{Analyzer, Chain};

/// The row that carries how many articles a share held: no line key has both top bits set
/// (they hold one of three kinds).
pub const DOCS_KEY: u64 = u64::MAX;

/// Files read and sent as one batch: small enough that a worker's memory holds only a few
/// batches, large enough for both its cores.
const FILES_PER_BATCH: usize = 2048;

/// Files below which a share is not worth a task of its own.
const MIN_FILES_PER_TASK: usize = 256;

/// What a [`FilesExec`] makes of its files.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub enum Job {
    /// Line keys (`key`, `docs`), for the recurring lines.
    LineKeys,
    /// Each article's `doc_id`, date (`day`, `precision`: [`crate::meta::PubDate::to_parts`])
    /// and signature (`exact`, `words`, `mins`), for the duplicates; the dates of the user's
    /// sheet win, as in the local pass.
    Signatures(Dates),
    /// The second pass' work on each file (`doc_id` of the file, `worked`: a
    /// [`WorkedSource`](crate::pipeline::worked::WorkedSource) as bytes).
    Articles(Box<Articles>),
}

/// What the workers need of the run to work the files of the second pass as the machine
/// that asks would.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Articles {
    /// The user's `--metadata` sheet.
    pub sheet: Overrides,
    /// The first pass' recurring lines; `None` with `--keep-boilerplate`.
    pub recurring: Option<RecurringLines>,
    /// The doc_ids of the copies, which are not analysed.
    pub copies: Vec<String>,
    pub chain: Chain,
}

/// An [`Articles`] job ready to work files: the copies as a set, and the analyzer.
struct Working {
    job: Arc<Articles>,
    copies: HashSet<String>,
    analyzer: Analyzer,
}

/// The [`Working`] of `job`, one a worker for all the tasks of a run: the analysis caches
/// each word per thread for one analyzer at a time, and tasks with analyzers of their own,
/// their batches taking turns on the same threads, emptied each other's caches at every
/// batch. Kept until a job of another run comes (its lexicon, the words of the files
/// worked).
fn working_for(job: &Articles) -> Arc<Working> {
    static CURRENT: Mutex<Option<(u64, Arc<Working>)>> = Mutex::new(None);
    // A job that cannot be written out has no key: it gets an analyzer of its own.
    let key = serde_json::to_vec(job).map(|b| xxhash_rust::xxh3::xxh3_64(&b));
    let mut current = CURRENT.lock().unwrap_or_else(|e| e.into_inner());
    match (&*current, key) {
        (Some((k, w)), Ok(key)) if *k == key => Arc::clone(w),
        (_, key) => {
            let w = Arc::new(Working::new(job));
            if let Ok(key) = key {
                *current = Some((key, Arc::clone(&w)));
            }
            w
        }
    }
}

impl Working {
    fn new(job: &Articles) -> Working {
        Working {
            copies: job.copies.iter().cloned().collect(),
            analyzer: Analyzer::from_chain(job.chain.clone()),
            job: Arc::new(job.clone()),
        }
    }
}

impl Job {
    fn schema(&self) -> SchemaRef {
        Arc::new(Schema::new(match self {
            Job::LineKeys => vec![
                Field::new("key", DataType::UInt64, false),
                Field::new("docs", DataType::UInt64, false),
            ],
            Job::Articles(_) => return articles_schema(),
            Job::Signatures(_) => vec![
                Field::new("doc_id", DataType::Utf8, false),
                Field::new("day", DataType::Int32, true),
                Field::new("precision", DataType::UInt8, true),
                Field::new("exact", DataType::UInt64, false),
                Field::new("words", DataType::UInt32, false),
                Field::new("mins", DataType::FixedSizeBinary(MINS_BYTES as i32), false),
            ],
        }))
    }

    /// Partitions of a task, each a contiguous part of its files. The signatures' two give
    /// the sort above a merge of sorted parts, which the engine makes the boundary that
    /// sends the reading to the workers (a sort of one partition it would run here).
    fn partitions(&self) -> usize {
        match self {
            Job::LineKeys => 1,
            Job::Signatures(_) | Job::Articles(_) => 2,
        }
    }

    /// Files read and sent as one batch: [`FILES_PER_BATCH`], fewer for the second pass,
    /// whose rows are larger (an article's words, statements and metadata) and wait at the
    /// machine that asks until the merge takes them.
    fn files_per_batch(&self) -> usize {
        match self {
            Job::Articles(_) => FILES_PER_BATCH / 8,
            Job::LineKeys | Job::Signatures(_) => FILES_PER_BATCH,
        }
    }

    /// What the worker says it is doing, one line a task on its stderr.
    fn describe(&self, files: usize) -> String {
        match self {
            Job::LineKeys => format!("newsreport worker: counting the lines of {files} files"),
            Job::Signatures(_) => {
                format!("newsreport worker: signing the articles of {files} files")
            }
            Job::Articles(_) => {
                format!("newsreport worker: analysing the articles of {files} files")
            }
        }
    }
}

/// The files of a run as a table of what `job` makes of them, for the logical plan.
#[derive(Debug)]
pub struct FilesTable {
    pub job: Job,
    pub sources: Vec<Source>,
    pub columns: Columns,
}

#[async_trait]
impl TableProvider for FilesTable {
    fn schema(&self) -> SchemaRef {
        self.job.schema()
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
        let all = (0..self.job.schema().fields().len()).collect();
        let projection = projection.cloned().unwrap_or(all);
        Ok(Arc::new(FilesExec::new(
            self.job.clone(),
            self.sources.clone(),
            self.columns.clone(),
            projection,
        )?))
    }
}

/// Reads its files and emits what its job makes of them (see the module's doc).
#[derive(Debug)]
pub struct FilesExec {
    job: Job,
    sources: Vec<Source>,
    columns: Columns,
    /// The columns of the job's schema the plan asked for.
    projection: Vec<usize>,
    properties: Arc<PlanProperties>,
}

impl FilesExec {
    fn new(
        job: Job,
        sources: Vec<Source>,
        columns: Columns,
        projection: Vec<usize>,
    ) -> Result<Self> {
        let projected = Arc::new(job.schema().project(&projection)?);
        // The files come in doc_id order (discover sorts them) and a worked file is one row:
        // the rows of the second pass are in doc_id order, so the sort above is left out
        // and each worked batch goes on as soon as it is made.
        let sorted = match (&job, projection.iter().position(|&c| c == 0)) {
            (Job::Articles(_), Some(at)) => vec![PhysicalSortExpr::new(
                Arc::new(Column::new("doc_id", at)),
                SortOptions {
                    descending: false,
                    nulls_first: false,
                },
            )],
            _ => Vec::new(),
        };
        let properties = Arc::new(PlanProperties::new(
            match sorted.is_empty() {
                true => EquivalenceProperties::new(projected),
                false => EquivalenceProperties::new_with_orderings(projected, [sorted]),
            },
            Partitioning::UnknownPartitioning(job.partitions()),
            EmissionType::Incremental,
            Boundedness::Bounded,
        ));
        Ok(FilesExec {
            job,
            sources,
            columns,
            projection,
            properties,
        })
    }
}

impl DisplayAs for FilesExec {
    fn fmt_as(&self, _t: DisplayFormatType, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "FilesExec: {} files", self.sources.len())
    }
}

impl ExecutionPlan for FilesExec {
    fn name(&self) -> &str {
        "FilesExec"
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
        partition: usize,
        _context: Arc<TaskContext>,
    ) -> Result<SendableRecordBatchStream> {
        // One line a task on the worker's stderr: what a worker did, for whoever runs it.
        if partition == 0 {
            eprintln!("{}", self.job.describe(self.sources.len()));
        }
        let parts = self.job.partitions();
        let per_part = self.sources.len().div_ceil(parts);
        let start = (partition * per_part).min(self.sources.len());
        let end = (start + per_part).min(self.sources.len());
        let blocks: Vec<Vec<Source>> = (self.sources[start..end]
            .chunks(self.job.files_per_batch()))
        .map(<[Source]>::to_vec)
        .collect();
        let (job, columns) = (self.job.clone(), self.columns.clone());
        let sheet = Arc::new(match &self.job {
            Job::Signatures(dates) => Overrides::from(dates.clone()),
            Job::LineKeys | Job::Articles(_) => Overrides::default(),
        });
        let working = match &self.job {
            Job::Articles(job) => Some(working_for(job)),
            _ => None,
        };
        let projection = self.projection.clone();
        // Reading and splitting lines is CPU work: off the runtime's threads, on rayon's.
        let batches = futures::stream::iter(blocks).then(move |block| {
            let (job, columns, sheet) = (job.clone(), columns.clone(), Arc::clone(&sheet));
            let (projection, working) = (projection.clone(), working.clone());
            async move {
                let batch = tokio::task::spawn_blocking(move || match (job, working) {
                    (Job::LineKeys, _) => keys_of(&block, &columns),
                    (Job::Signatures(_), _) => signatures_of(&block, &columns, &sheet),
                    (Job::Articles(_), Some(w)) => articles_of(&block, &columns, &w),
                    (Job::Articles(_), None) => {
                        internal_err!("an Articles job without its analyzer")
                    }
                })
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
        Job::LineKeys.schema(),
        vec![
            Arc::new(UInt64Array::from(keys)),
            Arc::new(UInt64Array::from(docs)),
        ],
    )?)
}

/// Every article's id, date and signature in `sources`, as the local first pass makes them
/// (unreadable files give none); `sheet` holds the user's dates.
fn signatures_of(sources: &[Source], columns: &Columns, sheet: &Overrides) -> Result<RecordBatch> {
    let rows: Vec<_> = sources
        .par_iter()
        .flat_map_iter(|source| {
            let articles = input::read_source(source, columns).articles;
            articles.into_iter().map(|article| {
                let given = metadata::given_for(&article, sheet);
                let (date, sig) = duplicates::dated_signature(&article.text, &given);
                (article.doc_id, date.map(|d| d.to_parts()), sig)
            })
        })
        .collect();
    let mut mins = Vec::with_capacity(rows.len() * MINS_BYTES);
    for (_, _, sig) in &rows {
        mins.extend(sig.mins_bytes());
    }
    let mins = FixedSizeBinaryArray::try_new(MINS_BYTES as i32, mins.into(), None)?;
    Ok(RecordBatch::try_new(
        Job::Signatures(Dates::default()).schema(),
        vec![
            Arc::new(StringArray::from_iter_values(rows.iter().map(|r| &r.0))),
            Arc::new(Int32Array::from_iter(rows.iter().map(|r| r.1.map(|d| d.0)))),
            Arc::new(UInt8Array::from_iter(rows.iter().map(|r| r.1.map(|d| d.1)))),
            Arc::new(UInt64Array::from_iter_values(
                rows.iter().map(|r| r.2.exact()),
            )),
            Arc::new(UInt32Array::from_iter_values(
                rows.iter().map(|r| r.2.words()),
            )),
            Arc::new(mins),
        ],
    )?)
}

/// The rows of [`Job::Articles`].
fn articles_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("doc_id", DataType::Utf8, false),
        Field::new("worked", DataType::Binary, false),
    ]))
}

/// Every file of `sources` worked as the local second pass works it, one row a file.
fn articles_of(sources: &[Source], columns: &Columns, w: &Working) -> Result<RecordBatch> {
    let is_copy = |doc_id: &str| w.copies.contains(doc_id);
    let work = Work {
        columns,
        sheet: &w.job.sheet,
        recurring: w.job.recurring.as_ref(),
        is_copy: &is_copy,
        analyzer: &w.analyzer,
    };
    let rows: Vec<Vec<u8>> = (sources.par_iter())
        .map(|source| worked::work(source, &work).write(&w.analyzer))
        .collect();
    Ok(RecordBatch::try_new(
        articles_schema(),
        vec![
            Arc::new(StringArray::from_iter_values(
                sources.iter().map(|s| &s.doc_id),
            )),
            Arc::new(BinaryArray::from_iter_values(rows.iter())),
        ],
    )?)
}

/// What crosses the network for a [`FilesExec`].
#[derive(serde::Serialize, serde::Deserialize)]
struct Wire {
    job: Job,
    sources: Vec<Source>,
    columns: Columns,
    projection: Vec<usize>,
}

/// Carries [`FilesExec`] to the workers: registered on the coordinator and on every
/// worker.
#[derive(Debug)]
pub struct FilesCodec;

impl PhysicalExtensionCodec for FilesCodec {
    fn try_decode(
        &self,
        buf: &[u8],
        inputs: &[Arc<dyn ExecutionPlan>],
        _ctx: &TaskContext,
        _proto_converter: &dyn PhysicalProtoConverterExtension,
    ) -> Result<Arc<dyn ExecutionPlan>> {
        if !inputs.is_empty() {
            return internal_err!("FilesExec has no inputs, got {}", inputs.len());
        }
        let wire: Wire =
            serde_json::from_slice(buf).map_err(|e| DataFusionError::External(Box::new(e)))?;
        Ok(Arc::new(FilesExec::new(
            wire.job,
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
        let Some(exec) = node.downcast_ref::<FilesExec>() else {
            return internal_err!("expected FilesExec, got {}", node.name());
        };
        let wire = Wire {
            job: exec.job.clone(),
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
    let exec = ev.plan.downcast_ref::<FilesExec>()?;
    let files = exec.sources.len();
    let tasks = files.div_ceil(MIN_FILES_PER_TASK).max(2).min(files.max(1));
    Some(Ok(DesiredTaskCountEventResponse::desired(tasks)))
}

/// Splits the files into `task_count` contiguous shares, one node for each task.
pub fn split_files(ev: ScaleUpLeafNodeEvent) -> Option<Result<ScaleUpLeafNodeEventResponse>> {
    let exec = ev.plan.downcast_ref::<FilesExec>()?;
    let per_task = exec.sources.len().div_ceil(ev.task_count.max(1)).max(1);
    let variants: Result<Vec<Arc<dyn ExecutionPlan>>> = (0..ev.task_count)
        .map(|t| {
            let start = (t * per_task).min(exec.sources.len());
            let end = (start + per_task).min(exec.sources.len());
            let node = FilesExec::new(
                exec.job.clone(),
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
