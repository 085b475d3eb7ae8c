//! Corpora shipped as one table: a CSV file or a JSONL file, one row per article.
//!
//! Owns already-decoded text -> `Row`s. Rules:
//! - Columns are the user's choice (`Columns`), else the first default name present, matched
//!   case-insensitively after trimming (see `TEXT`, `DATE`, ...). No text column, or a chosen
//!   column that is not there, is an `Err` that lists the columns found and names the option.
//! - id: the id column's value if non-empty, else the 1-based data row number (CSV: record
//!   number; JSONL: line number); a repeat gets "-2", "-3", ... and a problem.
//! - Empty optional values are `None`; optional values are trimmed, text is kept as is. Empty
//!   text is kept (the caller reports empty documents).
//! - Bad input never panics and never silently drops a row: every skipped or damaged row
//!   leaves a problem naming its record or line. CSV rows with the wrong number of fields are
//!   used if the text field is there; a record with broken quoting is skipped and parsing
//!   restarts on the next line, so one stray quote cannot swallow the rest of the file.
//!   Blank JSONL lines are skipped; lines that are not JSON objects are reported.
//! - At most `MAX_PROBLEMS` messages are kept, then one "… and N more".

use std::collections::{HashMap, HashSet};

use csv::{ReaderBuilder, StringRecord};
use serde_json::Value;

const TEXT: &[&str] = &["text", "content", "body", "full_article", "article"];
const DATE: &[&str] = &[
    "date",
    "published",
    "publish_date",
    "published_at",
    "pubdate",
];
const TITLE: &[&str] = &["title", "headline"];
const SOURCE: &[&str] = &["source", "outlet", "publisher"];
const ID: &[&str] = &["id", "doc_id", "article_id"];

/// Problem messages kept; the rest are counted.
const MAX_PROBLEMS: usize = 100;

/// Column names chosen by the user; None = find by the defaults below.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Columns {
    pub text: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub text: String,
    pub date: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
}

#[derive(Debug, Default)]
pub struct TableRead {
    pub rows: Vec<Row>,
    pub problems: Vec<String>,
}

/// The five roles a column can play, in `Columns` order, with their defaults and option.
fn roles(cols: &Columns) -> [(&'static str, Option<&str>, &'static [&'static str]); 5] {
    [
        ("text", cols.text.as_deref(), TEXT),
        ("date", cols.date.as_deref(), DATE),
        ("title", cols.title.as_deref(), TITLE),
        ("source", cols.source.as_deref(), SOURCE),
        ("id", cols.id.as_deref(), ID),
    ]
}

fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    a == b || a.to_lowercase() == b.to_lowercase()
}

/// Index of the column for one role: the chosen name, else the first default present.
fn find<'a>(
    names: impl Iterator<Item = &'a str> + Clone,
    chosen: Option<&str>,
    defaults: &[&str],
) -> Option<usize> {
    match chosen {
        Some(c) => names.clone().position(|n| same_name(n, c)),
        None => defaults
            .iter()
            .find_map(|d| names.clone().position(|n| same_name(n, d))),
    }
}

fn quoted_list<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let list: Vec<String> = names.map(|n| format!("\"{}\"", n.trim())).collect();
    if list.is_empty() {
        "none".into()
    } else {
        list.join(", ")
    }
}

fn missing_text(found: &str) -> String {
    format!(
        "no text column: looked for {}; columns found: {found}. \
         Name the column that holds the article text with --text-column NAME",
        TEXT.join("/")
    )
}

fn missing_chosen(role: &str, name: &str, found: &str) -> String {
    format!("no column named \"{name}\" (given with --{role}-column); columns found: {found}")
}

/// Problem messages, bounded.
#[derive(Default)]
struct Problems {
    list: Vec<String>,
    more: usize,
}

impl Problems {
    fn push(&mut self, msg: String) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(msg);
        } else {
            self.more += 1;
        }
    }

    fn finish(mut self) -> Vec<String> {
        if self.more > 0 {
            self.list.push(format!("… and {} more problems", self.more));
        }
        self.list
    }
}

/// Unique ids: the given one or the row number, with "-2", "-3", ... on a repeat.
#[derive(Default)]
struct Ids {
    used: HashSet<String>,
    /// Next suffix to try per repeated base, so many repeats stay linear.
    next: HashMap<String, usize>,
}

impl Ids {
    fn assign(
        &mut self,
        given: Option<&str>,
        row_no: usize,
        at: &str,
        problems: &mut Problems,
    ) -> String {
        let base = match given.map(str::trim) {
            Some(g) if !g.is_empty() => g.to_owned(),
            _ => row_no.to_string(),
        };
        if self.used.insert(base.clone()) {
            return base;
        }
        let mut n = self.next.get(&base).copied().unwrap_or(2);
        let id = loop {
            let candidate = format!("{base}-{n}");
            n += 1;
            if self.used.insert(candidate.clone()) {
                break candidate;
            }
        };
        problems.push(format!(
            "{at}: id \"{base}\" repeats an earlier one; using \"{id}\""
        ));
        self.next.insert(base, n);
        id
    }
}

fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// CSV with a header row -> rows, by the rules in the module doc.
pub fn read_csv(text: &str, cols: &Columns) -> Result<TableRead, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut problems = Problems::default();
    let mut ids = Ids::default();
    let mut rows = Vec::new();
    // Column indexes for text, date, title, source, id, and the header's width.
    let mut layout: Option<(usize, [Option<usize>; 4], usize)> = None;
    let mut record_no = 0usize;
    // Where the current reader started: byte offset, and lines before it.
    let (mut offset, mut line_base) = (0usize, 0u64);

    'restart: loop {
        let rest = text.get(offset..).unwrap_or("");
        let mut reader = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(rest.as_bytes());
        let mut rec = StringRecord::new();
        loop {
            let start = reader.position().clone();
            let result = reader.read_record(&mut rec);
            let start = rec.position().cloned().unwrap_or(start);
            // The reader's start may sit on blank lines or the '\n' of a CRLF: step over them.
            let skipped = rest
                .get(start.byte() as usize..)
                .map_or(0, |r| r.len() - r.trim_start_matches(['\r', '\n']).len());
            let begin = start.byte() as usize + skipped;
            let newlines = rest
                .get(start.byte() as usize..begin)
                .map_or(0, |g| g.matches('\n').count());
            let line = line_base + start.line() + newlines as u64;
            let at = format!("record {} (line {line})", record_no + 1);
            let bad = match result {
                Ok(false) => break 'restart,
                Ok(true) => {
                    let raw = rest.get(begin..reader.position().byte() as usize);
                    check_quoting(raw.unwrap_or("")).err().map(str::to_owned)
                }
                Err(e) => Some(e.to_string()),
            };
            if let Some(why) = bad {
                if layout.is_none() {
                    return Err(format!("header row (line {line}): {why}"));
                }
                record_no += 1;
                problems.push(format!("{at}: {why}; record skipped"));
                // Start again on the next line: the damage stays in this record.
                match next_line(text, offset + begin) {
                    Some((next, newline)) => {
                        offset = next;
                        line_base = if newline { line } else { line - 1 };
                        continue 'restart;
                    }
                    None => break 'restart,
                }
            }

            let Some((text_i, optional, width)) = layout else {
                layout = Some(csv_layout(&rec, cols)?);
                continue;
            };
            record_no += 1;
            let mut ragged = (rec.len() != width)
                .then(|| format!("{at}: {} fields, header has {width}", rec.len()));
            let Some(body) = rec.get(text_i) else {
                let head = ragged.take().unwrap_or_else(|| at.clone());
                problems.push(format!("{head}, so no text field; record skipped"));
                continue;
            };
            if let Some(msg) = ragged {
                problems.push(format!("{msg}; used the fields that are there"));
            }
            let get = |i: Option<usize>| non_empty(i.and_then(|i| rec.get(i)));
            let [date, title, source, id] = optional;
            let id = ids.assign(get(id).as_deref(), record_no, &at, &mut problems);
            rows.push(Row {
                id,
                text: body.to_owned(),
                date: get(date),
                title: get(title),
                source: get(source),
            });
        }
    }
    if layout.is_none() {
        return Err("empty table: no header row".into());
    }
    Ok(TableRead {
        rows,
        problems: problems.finish(),
    })
}

/// Header record -> (text index, [date, title, source, id] indexes, width).
fn csv_layout(
    header: &StringRecord,
    cols: &Columns,
) -> Result<(usize, [Option<usize>; 4], usize), String> {
    let found = || quoted_list(header.iter());
    let mut idx = [None; 5];
    for (slot, (role, chosen, defaults)) in idx.iter_mut().zip(roles(cols)) {
        *slot = find(header.iter(), chosen, defaults);
        if let (None, Some(name)) = (*slot, chosen) {
            return Err(missing_chosen(role, name, &found()));
        }
    }
    let [text, date, title, source, id] = idx;
    let text = text.ok_or_else(|| missing_text(&found()))?;
    Ok((text, [date, title, source, id], header.len()))
}

/// The csv crate accepts any quoting silently; this finds what it would have got wrong in
/// one raw record: text after a closing quote (`"a"b`), or a quote never closed (which
/// swallows the rest of the file).
fn check_quoting(raw: &str) -> Result<(), &'static str> {
    #[derive(PartialEq)]
    enum S {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut s = S::FieldStart;
    for b in raw.bytes() {
        s = match (s, b) {
            (S::Quoted, b'"') => S::QuoteInQuoted,
            (S::Quoted, _) => S::Quoted,
            (S::QuoteInQuoted, b'"') => S::Quoted,
            (_, b',') => S::FieldStart,
            (_, b'\r' | b'\n') => return Ok(()),
            (S::FieldStart, b'"') => S::Quoted,
            (S::FieldStart | S::Unquoted, _) => S::Unquoted,
            (S::QuoteInQuoted, _) => {
                return Err("bad quoting: text after a closing quote \
                            (a quote inside a quoted field must be doubled: \"\")");
            }
        };
    }
    if s == S::Quoted {
        Err("bad quoting: a quote is opened and never closed")
    } else {
        Ok(())
    }
}

/// Start of the line after the one holding `from`, and whether a '\n' ended it (the csv
/// crate counts lines by '\n' only). None at the end of the text.
fn next_line(text: &str, from: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let mut i = from
        + bytes
            .get(from..)?
            .iter()
            .position(|&b| b == b'\r' || b == b'\n')?;
    let newline = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
        i += 1;
        true
    } else {
        bytes[i] == b'\n'
    };
    (i + 1 < bytes.len()).then_some((i + 1, newline))
}

/// JSON Lines (one object per line) -> rows, by the rules in the module doc.
pub fn read_jsonl(text: &str, cols: &Columns) -> Result<TableRead, String> {
    const MAX_KEYS_LISTED: usize = 50;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let roles = roles(cols);
    let mut problems = Problems::default();
    let mut ids = Ids::default();
    let mut rows = Vec::new();
    let mut keys_seen: Vec<String> = Vec::new();
    let mut objects = 0usize;
    // Whether each role's column appeared in any object.
    let mut present = [false; 5];

    for (i, line) in text.split('\n').enumerate() {
        let line_no = i + 1;
        let at = format!("line {line_no}");
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let map = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(map)) => map,
            Ok(other) => {
                problems.push(format!(
                    "{at}: a JSON {}, not an object; skipped",
                    kind(&other)
                ));
                continue;
            }
            Err(e) => {
                problems.push(format!("{at}: not JSON ({e}); skipped"));
                continue;
            }
        };
        objects += 1;
        for k in map.keys() {
            if keys_seen.len() < MAX_KEYS_LISTED && !keys_seen.contains(k) {
                keys_seen.push(k.clone());
            }
        }
        let mut fields: [Option<(&String, &Value)>; 5] = [None; 5];
        for ((field, seen), (_, chosen, defaults)) in fields.iter_mut().zip(&mut present).zip(roles)
        {
            *field = find(map.keys().map(String::as_str), chosen, defaults)
                .and_then(|i| map.iter().nth(i));
            *seen |= field.is_some();
        }
        let [text_f, date, title, source, id] = fields;
        let Some((text_key, text_v)) = text_f else {
            problems.push(format!("{at}: no text field; skipped"));
            continue;
        };
        let body = match scalar(text_v) {
            Ok(t) => t.unwrap_or_default(),
            Err(k) => {
                problems.push(format!(
                    "{at}: text field \"{text_key}\" is {k}, not a string; skipped"
                ));
                continue;
            }
        };
        let mut opt = |f: Option<(&String, &Value)>| match f.map(|(k, v)| (k, scalar(v))) {
            Some((_, Ok(v))) => non_empty(v.as_deref()),
            Some((k, Err(what))) => {
                problems.push(format!("{at}: field \"{k}\" is {what}; ignored"));
                None
            }
            None => None,
        };
        let (date, title, source, id) = (opt(date), opt(title), opt(source), opt(id));
        let id = ids.assign(id.as_deref(), line_no, &at, &mut problems);
        rows.push(Row {
            id,
            text: body,
            date,
            title,
            source,
        });
    }

    let found = || quoted_list(keys_seen.iter().map(String::as_str));
    if objects == 0 {
        let first = problems
            .list
            .first()
            .map(|p| format!(": {p}"))
            .unwrap_or_default();
        return Err(if text.trim_start().starts_with('[') {
            "a JSON array, not JSON Lines: put one object per line".into()
        } else {
            format!("no JSON objects found{first}")
        });
    }
    for (seen, (role, chosen, _)) in present.iter().zip(roles) {
        match (seen, role, chosen) {
            (false, _, Some(name)) => return Err(missing_chosen(role, name, &found())),
            (false, "text", None) => return Err(missing_text(&found())),
            _ => {}
        }
    }
    Ok(TableRead {
        rows,
        problems: problems.finish(),
    })
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// A JSON value as text: strings as they are, numbers and booleans printed, null None.
fn scalar(v: &Value) -> Result<Option<String>, &'static str> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        Value::Number(n) => Ok(Some(n.to_string())),
        Value::Bool(b) => Ok(Some(b.to_string())),
        Value::Array(_) => Err("an array"),
        Value::Object(_) => Err("an object"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, text: &str) -> Row {
        Row {
            id: id.into(),
            text: text.into(),
            date: None,
            title: None,
            source: None,
        }
    }

    fn csv(text: &str) -> TableRead {
        read_csv(text, &Columns::default()).expect("usable table")
    }

    fn jsonl(text: &str) -> TableRead {
        read_jsonl(text, &Columns::default()).expect("usable table")
    }

    #[test]
    fn csv_default_columns_any_case() {
        let t = csv(
            " Headline ,BODY,Published_At,OUTLET,Doc_ID\nA title,Some text,2004-01-02,BBC,a1\n",
        );
        assert_eq!(
            t.rows,
            vec![Row {
                id: "a1".into(),
                text: "Some text".into(),
                date: Some("2004-01-02".into()),
                title: Some("A title".into()),
                source: Some("BBC".into()),
            }]
        );
        assert!(t.problems.is_empty());
    }

    #[test]
    fn default_priority_follows_the_list() {
        // "text" beats "article"; "date" beats "published".
        let t = csv("article,published,text,date\nA,P,T,D\n");
        assert_eq!(t.rows[0].text, "T");
        assert_eq!(t.rows[0].date.as_deref(), Some("D"));
    }

    #[test]
    fn csv_user_columns() {
        let cols = Columns {
            text: Some("Story".into()),
            date: Some("when".into()),
            id: Some("key".into()),
            ..Columns::default()
        };
        let t =
            read_csv("key,when,story,text\nk1,2020,the story,not this\n", &cols).expect("table");
        assert_eq!(t.rows[0].id, "k1");
        assert_eq!(t.rows[0].text, "the story");
        assert_eq!(t.rows[0].date.as_deref(), Some("2020"));
        let err = read_csv(
            "a,b\n1,2\n",
            &Columns {
                date: Some("day".into()),
                text: Some("a".into()),
                ..Columns::default()
            },
        )
        .expect_err("chosen column missing");
        assert_eq!(
            err,
            "no column named \"day\" (given with --date-column); columns found: \"a\", \"b\""
        );
    }

    #[test]
    fn missing_text_column_names_the_option() {
        let err =
            read_csv("headline,when\nx,y\n", &Columns::default()).expect_err("no text column");
        assert_eq!(
            err,
            "no text column: looked for text/content/body/full_article/article; columns found: \
             \"headline\", \"when\". Name the column that holds the article text with --text-column NAME"
        );
        assert_eq!(
            read_csv("", &Columns::default()).expect_err("empty"),
            "empty table: no header row"
        );
    }

    #[test]
    fn ragged_rows_use_what_is_there() {
        let t = csv("id,text,title,date,source\n1,short\n2,long,T,D,S,extra\n,\n");
        assert_eq!(
            t.rows,
            vec![
                row("1", "short"),
                Row {
                    title: Some("T".into()),
                    date: Some("D".into()),
                    source: Some("S".into()),
                    ..row("2", "long")
                },
                row("3", "")
            ]
        );
        assert_eq!(
            t.problems,
            vec![
                "record 1 (line 2): 2 fields, header has 5; used the fields that are there",
                "record 2 (line 3): 6 fields, header has 5; used the fields that are there",
                "record 3 (line 4): 2 fields, header has 5; used the fields that are there",
            ]
        );
        let t = csv("id,title,text\n7,only two\n8,t,body\n");
        assert_eq!(
            t.rows,
            vec![Row {
                title: Some("t".into()),
                ..row("8", "body")
            }]
        );
        assert_eq!(
            t.problems,
            vec!["record 1 (line 2): 2 fields, header has 3, so no text field; record skipped"]
        );
    }

    #[test]
    fn quoted_field_with_commas_quotes_newlines() {
        let t = csv("id,text\n1,\"He said, \"\"hi\"\"\nthen left.\"\n2,plain\n");
        assert_eq!(
            t.rows,
            vec![row("1", "He said, \"hi\"\nthen left."), row("2", "plain")]
        );
        assert!(t.problems.is_empty());
    }

    #[test]
    fn bad_quoting_skips_only_that_record() {
        // Undoubled quotes inside a quoted field.
        let t = csv("id,text\n1,\"He said \"hi\" there\"\n2,fine\n3,\"also fine\"\n");
        assert_eq!(t.rows, vec![row("2", "fine"), row("3", "also fine")]);
        assert_eq!(t.problems.len(), 1);
        assert!(
            t.problems[0].starts_with("record 1 (line 2): bad quoting: text after a closing quote")
        );
        // A quote never closed would swallow the rest of the file.
        let t = csv("id,text\n1,ok\n2,\"oops\n3,still here\n4,and here\n");
        assert_eq!(
            t.rows,
            vec![row("1", "ok"), row("3", "still here"), row("4", "and here")]
        );
        assert_eq!(
            t.problems,
            vec![
                "record 2 (line 3): bad quoting: a quote is opened and never closed; record skipped"
            ]
        );
        // CRLF and blank lines: line numbers stay right, the restart makes progress.
        let t = csv("id,text\r\n1,ok\r\n2,\"oops\r\n\r\n3,\"x\"y\r\n4,end");
        assert_eq!(t.rows, vec![row("1", "ok"), row("4", "end")]);
        assert_eq!(t.problems.len(), 2, "{:?}", t.problems);
        assert!(t.problems[0].starts_with("record 2 (line 3): bad quoting: text after"));
        assert!(t.problems[1].starts_with("record 3 (line 5): bad quoting: text after"));
        // Quotes inside an unquoted field are literal, as in the csv crate.
        assert_eq!(csv("text\n5\" screen\n").rows, vec![row("1", "5\" screen")]);
        // The header itself broken: an error.
        assert!(read_csv("\"text\n1\n", &Columns::default()).is_err());
    }

    #[test]
    fn ids_given_missing_duplicate() {
        let t = csv("id,text\na,x\n,y\na,z\n2,w\na,v\n");
        let ids: Vec<&str> = t.rows.iter().map(|r| r.id.as_str()).collect();
        // Row 2 has no id -> "2"; row 4's given "2" then repeats it.
        assert_eq!(ids, ["a", "2", "a-2", "2-2", "a-3"]);
        assert_eq!(
            t.problems,
            vec![
                "record 3 (line 4): id \"a\" repeats an earlier one; using \"a-2\"",
                "record 4 (line 5): id \"2\" repeats an earlier one; using \"2-2\"",
                "record 5 (line 6): id \"a\" repeats an earlier one; using \"a-3\"",
            ]
        );
        // No id column: record numbers.
        let t = csv("text\nx\ny\n");
        assert_eq!(t.rows, vec![row("1", "x"), row("2", "y")]);
    }

    #[test]
    fn csv_crlf_bom_and_empty_values() {
        let t = csv("\u{feff}Text,Title\r\nfirst\r\nline,\r\n\"multi\r\nline\",  \r\n");
        assert_eq!(
            t.rows,
            vec![
                row("1", "first"),
                row("2", "line"),
                row("3", "multi\r\nline")
            ]
        );
        assert_eq!(
            t.problems,
            vec!["record 1 (line 2): 1 fields, header has 2; used the fields that are there"]
        );
        // Empty text is kept, without a problem.
        let t = csv("text,title\n,T\n");
        assert_eq!(
            t.rows,
            vec![Row {
                title: Some("T".into()),
                ..row("1", "")
            }]
        );
        assert!(t.problems.is_empty());
    }

    #[test]
    fn ten_megabyte_field() {
        let big = "word ".repeat(2 * 1024 * 1024);
        let t = csv(&format!("id,text\nbig,\"{big}\"\nsmall,x\n"));
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].text.len(), big.len());
        let t = jsonl(&format!("{{\"text\": \"{big}\"}}\n{{\"text\": \"x\"}}\n"));
        assert_eq!(t.rows[0].text, big);
        assert_eq!(t.rows[1], row("2", "x"));
    }

    #[test]
    fn problems_are_bounded() {
        let mut input = String::from("id,text\n");
        for _ in 0..150 {
            input.push_str("same,x\n");
        }
        let t = csv(&input);
        assert_eq!(t.rows.len(), 150);
        assert_eq!(t.problems.len(), MAX_PROBLEMS + 1);
        assert_eq!(t.problems[MAX_PROBLEMS], "… and 49 more problems");
    }

    #[test]
    fn jsonl_values_nulls_and_bad_lines() {
        let input = "{\"id\": 17, \"Content\": \"first\", \"date\": null, \"title\": true}\r\n\
                     \n\
                     {\"text\": 3.5, \"source\": \"  \"}\n\
                     not json\n\
                     [1, 2]\n\
                     {\"text\": {\"nested\": 1}}\n\
                     {\"text\": null, \"title\": [\"a\"]}\n\
                     {\"title\": \"no text here\"}\n";
        let t = jsonl(input);
        assert_eq!(
            t.rows,
            vec![
                Row {
                    title: Some("true".into()),
                    ..row("17", "first")
                },
                row("3", "3.5"),
                row("7", ""),
            ]
        );
        assert_eq!(t.problems.len(), 5, "{:?}", t.problems);
        assert_eq!(
            t.problems[0],
            "line 4: not JSON (expected ident at line 1 column 2); skipped"
        );
        assert_eq!(
            t.problems[1],
            "line 5: a JSON array, not an object; skipped"
        );
        assert_eq!(
            t.problems[2],
            "line 6: text field \"text\" is an object, not a string; skipped"
        );
        assert_eq!(
            t.problems[3],
            "line 7: field \"title\" is an array; ignored"
        );
        assert_eq!(t.problems[4], "line 8: no text field; skipped");
    }

    #[test]
    fn jsonl_columns_and_errors() {
        let cols = Columns {
            text: Some("story".into()),
            ..Columns::default()
        };
        let t = read_jsonl(
            "{\"Story\": \"s\", \"id\": \"x\"}\n{\"story\": \"t\", \"id\": \"x\"}\n",
            &cols,
        )
        .expect("table");
        assert_eq!(t.rows, vec![row("x", "s"), row("x-2", "t")]);
        let err = read_jsonl("{\"headline\": \"h\", \"when\": 1}\n", &Columns::default())
            .expect_err("no text");
        assert!(
            err.contains("columns found: \"headline\", \"when\""),
            "{err}"
        );
        assert!(err.contains("--text-column NAME"), "{err}");
        assert!(
            read_jsonl("[{\"text\": \"a\"}]", &Columns::default())
                .expect_err("array")
                .contains("JSON array")
        );
        assert!(
            read_jsonl("oops\n", &Columns::default())
                .expect_err("none")
                .starts_with("no JSON objects found: line 1: not JSON")
        );
        // A leading U+FEFF is tolerated.
        assert_eq!(jsonl("\u{feff}{\"text\": \"a\"}").rows, vec![row("1", "a")]);
    }
}
