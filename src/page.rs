//! `index.html`: the one page a user opens first.
//!
//! Owns the page: the run summary, every chart drawn (and why any was not), the first rows of
//! every table read back from the files just written, and links to every file. Self-contained:
//! CSS inline, no script, nothing from the network; the charts and tables are linked by their
//! names because they sit in the same folder. Every text from the corpus is HTML-escaped.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::human::thousands;
use crate::output::OutDir;
use crate::results::Summary;
use crate::tables::{self, Table};

/// Rows of each table shown on the page.
pub const HEAD_ROWS: usize = 10;
/// Longer cells (quotes, titles) are shortened on the page; the CSV has them whole.
const CELL_CHARS: usize = 140;

/// What the page shows besides the summary.
pub struct Page<'a> {
    /// "bbc/articles · 2,225 documents · ...".
    pub about: &'a str,
    pub summary: &'a Summary,
    /// Files written so far (tables, charts), in order.
    pub files: &'a [PathBuf],
    /// "speakers.png not drawn: no statements found".
    pub not_drawn: &'a [String],
    /// Charts were asked not to be drawn (`--no-charts`).
    pub no_charts: bool,
    /// The tables, whose first rows the page shows.
    pub tables: &'a [Table<'a>],
}

/// A one-line reading guide for a file the page shows, where one helps.
fn guide(name: &str) -> Option<&'static str> {
    Some(match name {
        "keyness.png" => {
            "the words one group uses far more than the others compared (longer bar: stronger evidence); read them in kwic.csv before drawing conclusions, since page furniture and one big story can top a list"
        }
        "speaker_terms.png" => {
            "the words that set each speaker's statements apart from everyone else's: their subjects and their set phrases"
        }
        "co_mentions.png" => {
            "pairs of people named in the same articles; co_mentions.csv says how far above chance each pair is (pmi above 0: more often together than chance)"
        }
        "keyness.csv" => {
            "Each group against the other groups compared: over = used more, under = used less. g2 is the signed log-likelihood (|g2| >= 6.63 is p < 0.01), log_ratio the effect size (1 = twice as frequent, -1 = half). Sort by log_ratio for the most lopsided words, by g2 for the best evidenced."
        }
        "speaker_terms.csv" => {
            "Each speaker with 20+ statements: the terms of their statements most distinctive against all other attributed statements (the words of their own name and title left out)."
        }
        "co_mentions.csv" => {
            "Pairs of people named in the same article (3+ articles): pmi = log2 of how many times more often than chance; g2 = the evidence for it."
        }
        "kwic.csv" => {
            "Keyword in context: the top terms, the tracked words and the top key terms of each group charted, up to --kwic-per-term examples each (50 unless set), spread over the documents in date order. Read these before trusting a count."
        }
        _ => return None,
    })
}

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A file name as a link target: percent-encodes what a URL path cannot hold as is.
fn href(name: &str) -> String {
    let mut out = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= CELL_CHARS {
        return s.to_string();
    }
    let cut: String = s.chars().take(CELL_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;\
margin:0 auto;max-width:1240px;padding:24px 32px;color:#222;line-height:1.45}\
h1{font-size:28px;margin:0 0 4px}h2{font-size:22px;margin:36px 0 10px;border-bottom:1px solid #ddd;padding-bottom:4px}\
h3{font-size:17px;margin:24px 0 6px}.about{color:#555;margin:0 0 16px}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:0}dt{color:#555}dd{margin:0}\
figure{margin:0 0 28px}figure img{width:100%;height:auto;border:1px solid #e3e3e3}\
figcaption{color:#555;font-size:14px}.note{color:#555}\
.scroll{overflow-x:auto;border:1px solid #e3e3e3}table{border-collapse:collapse;font-size:13px;width:100%}\
th,td{padding:4px 8px;text-align:left;vertical-align:top;border-bottom:1px solid #eee;\
white-space:nowrap}td{max-width:26em;overflow:hidden;text-overflow:ellipsis}\
th{background:#f4f4f4;position:sticky;top:0}td.n{text-align:right;font-variant-numeric:tabular-nums}\
ul.files{columns:3}";

/// Writes index.html into `out`; returns its path.
pub fn write(out: &OutDir, page: &Page<'_>) -> Result<PathBuf> {
    let html = render(page);
    out.write("index.html", |w| {
        std::io::Write::write_all(w, html.as_bytes())
    })
}

fn render(page: &Page<'_>) -> String {
    let s = page.summary;
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>newsreport: {}</title><style>{CSS}</style></head><body>\n",
        escape(page.about)
    );
    let _ = writeln!(
        h,
        "<h1>newsreport</h1><p class=\"about\">{}</p>",
        escape(page.about)
    );

    if page.files.iter().any(|p| name(p) == "report.xlsx") {
        h.push_str(
            "<p>Every table below is also a sheet of <a href=\"report.xlsx\">report.xlsx</a>, \
with numbers as numbers, dates as dates and every text as text.</p>\n",
        );
    }

    // Summary.
    h.push_str("<h2>Run summary</h2><dl>");
    let mut item = |k: &str, v: String| {
        let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", escape(k), v);
    };
    item("Documents analysed", thousands(s.documents as i64));
    item("Duplicates left out", thousands(s.duplicates as i64));
    item("Files skipped", thousands(s.skipped as i64));
    item("Word tokens", thousands(s.tokens as i64));
    item("Distinct terms", thousands(s.terms as i64));
    item(
        "Boilerplate lines removed",
        format!(
            "{} (by pattern in <a href=\"boilerplate.csv\">boilerplate.csv</a>)",
            thousands(s.boilerplate_lines as i64)
        ),
    );
    let undated: usize = s.undated.iter().map(|(_, n)| n).sum();
    if undated > 0 {
        let why: Vec<String> = s
            .undated
            .iter()
            .map(|(r, n)| escape(&format!("{} {r}", thousands(*n as i64))))
            .collect();
        item(
            "Without a usable date",
            format!(
                "{} ({}); see date_raw in documents.csv",
                thousands(undated as i64),
                why.join(", ")
            ),
        );
    }
    if !s.notes.is_empty() {
        let notes: Vec<String> = s.notes.iter().map(|n| escape(n)).collect();
        item("Notes", notes.join("<br>"));
    }
    item("Time", format!("{:.2} s", s.seconds));
    if !s.memory.is_empty() {
        item("Memory budget", escape(&s.memory));
    }
    if s.chart_seconds > 0.0 {
        item("Of which charts", format!("{:.2} s", s.chart_seconds));
    }
    if !s.warnings.is_empty() {
        let list: Vec<String> = s
            .warnings
            .iter()
            .take(50)
            .map(|w| format!("<li>{}</li>", escape(&w.to_string())))
            .collect();
        let more = if s.warnings.len() > 50 {
            format!("<li>… {} more in run.json</li>", s.warnings.len() - 50)
        } else {
            String::new()
        };
        item(
            "Warnings",
            format!("{}<ul>{}{more}</ul>", s.warnings.len(), list.join("")),
        );
    }
    h.push_str("</dl>\n");

    // Charts.
    h.push_str("<h2>Charts</h2>\n");
    if page.no_charts {
        h.push_str("<p class=\"note\">Charts were not drawn (--no-charts).</p>\n");
    }
    for p in page.files.iter().filter(|p| crate::charts::is_chart(p)) {
        let n = name(p);
        let caption = match guide(&n) {
            Some(g) => format!("{}: {}", escape(&n), escape(g)),
            None => escape(&n),
        };
        let _ = writeln!(
            h,
            "<figure><a href=\"{0}\"><img src=\"{0}\" alt=\"{1}\" width=\"1600\" height=\"1000\"></a>\
<figcaption>{caption}</figcaption></figure>",
            href(&n),
            escape(&n)
        );
    }
    for why in page.not_drawn {
        let _ = writeln!(h, "<p class=\"note\">{}</p>", escape(why));
    }

    // Tables.
    h.push_str("<h2>Tables</h2>\n");
    for table in page.tables {
        let n = table.name;
        let head = tables::head(table, HEAD_ROWS);
        let shown = if head.more {
            format!("first {} rows", head.rows.len())
        } else {
            match head.rows.len() {
                0 => "no rows".to_string(),
                1 => "1 row".to_string(),
                k => format!("all {k} rows"),
            }
        };
        let _ = writeln!(
            h,
            "<h3><a href=\"{}\">{}</a> <span class=\"note\">({shown})</span></h3>",
            href(n),
            escape(n)
        );
        if let Some(g) = guide(n) {
            let _ = writeln!(h, "<p class=\"note\">{}</p>", escape(g));
        }
        if head.rows.is_empty() {
            continue;
        }
        h.push_str("<div class=\"scroll\"><table><thead><tr>");
        for c in &head.header {
            let _ = write!(h, "<th>{}</th>", escape(c));
        }
        h.push_str("</tr></thead><tbody>\n");
        for row in &head.rows {
            h.push_str("<tr>");
            for cell in row {
                let numeric = !cell.is_empty() && cell.parse::<f64>().is_ok();
                let class = if numeric { " class=\"n\"" } else { "" };
                let text = escape(&shorten(cell));
                // Long cells are cut by the CSS at one line; the tooltip shows more.
                if cell.chars().count() > 40 {
                    let _ = write!(h, "<td{class} title=\"{text}\">{text}</td>");
                } else {
                    let _ = write!(h, "<td{class}>{text}</td>");
                }
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody></table></div>\n");
    }

    // Every file.
    h.push_str("<h2>Files</h2><ul class=\"files\">");
    for p in page.files {
        let n = name(p);
        let _ = write!(h, "<li><a href=\"{}\">{}</a></li>", href(&n), escape(&n));
    }
    h.push_str("<li><a href=\"run.json\">run.json</a> (options, counts, warnings)</li></ul>\n");
    h.push_str("</body></html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<b>\"Tom & Jerry's\"</b>"),
            "&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;&lt;/b&gt;"
        );
        assert_eq!(escape("Зеленский"), "Зеленский");
    }

    #[test]
    fn links_are_percent_encoded() {
        assert_eq!(href("top_terms.png"), "top_terms.png");
        assert_eq!(href("a b#.csv"), "a%20b%23.csv");
    }

    /// Counts of undated documents are written as every other count on the page is.
    #[test]
    fn undated_documents_are_counted_with_separators() {
        let summary = Summary {
            undated: vec![
                ("with no date found".into(), 82_230),
                ("with no year (header)".into(), 42),
            ],
            ..Summary::default()
        };
        let html = render(&Page {
            about: "test",
            summary: &summary,
            files: &[],
            not_drawn: &[],
            no_charts: true,
            tables: &[],
        });
        let want = "<dt>Without a usable date</dt><dd>82,272 (82,230 with no date found, 42 with no year (header)); see date_raw";
        assert!(html.contains(want), "{html}");
    }

    #[test]
    fn long_cells_are_shortened() {
        let long = "x".repeat(500);
        let s = shorten(&long);
        assert_eq!(s.chars().count(), CELL_CHARS);
        assert!(s.ends_with('…'));
        assert_eq!(shorten("short"), "short");
    }
}
