//! The PNG charts: which are drawn, from what, and why one is not.
//!
//! Two steps, kept apart: [`plan`] turns the tables' data into plain chart data ([`Bars`],
//! [`Multiples`], [`PeriodSeries`]), deciding what a chart shows (how many rows, which
//! documents, months or years) and refusing a chart that would be empty, with the reason;
//! [`draw_all`] draws the planned charts in parallel (rayon), one PNG each, written through
//! [`OutDir::write`] like every table. Only this module tree knows plotters: [`style`] (size,
//! font, palette, title band, set once), [`bars`] (horizontal bars, stacked when there are
//! several parts), [`small_multiples`] (a grid of small bar panels), [`lines`] (series over
//! periods), [`diverging`] (two groups' key terms either side of zero); [`compare`] plans
//! the comparison charts.

pub mod bars;
pub mod compare;
pub mod diverging;
pub mod lines;
pub mod over_time;
pub mod small_multiples;
pub mod style;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::Warning;
use crate::error::Result;
use crate::meta::PubDate;
use crate::output::OutDir;
use crate::results::Results;

/// What every title says the chart is over: the corpus, its size and its dates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct About {
    /// Short name of the input (its folder).
    pub corpus: String,
    pub documents: usize,
    /// Documents with a publication date, and the first and last of those dates.
    pub dated: usize,
    pub first: Option<PubDate>,
    /// The date whose span ends last.
    pub last: Option<PubDate>,
}

impl About {
    /// "bbc/articles · 2,225 documents · 2004-01-02 to 2005-12-30 (2,100 dated)".
    pub fn over(&self) -> String {
        let docs = match self.documents {
            1 => "1 document".to_string(),
            n => format!("{} documents", style::thousands(n as i64)),
        };
        let dates = match (self.first, self.last) {
            (Some(a), Some(b)) if self.dated == self.documents => format!(" · {a} to {b}"),
            (Some(a), Some(b)) => format!(
                " · {a} to {b} ({} dated)",
                style::thousands(self.dated as i64)
            ),
            _ => " · no publication dates".to_string(),
        };
        format!("{} · {docs}{dates}", self.corpus)
    }
}

/// One horizontal bar: a label and its parts (stacked left to right).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub parts: Vec<f64>,
}

/// A horizontal bar chart, bars top to bottom in the order given.
#[derive(Debug, Clone, PartialEq)]
pub struct Bars {
    pub title: String,
    pub subtitle: String,
    /// Axis title with the unit, e.g. "occurrences in the corpus".
    pub unit: String,
    /// Names of the parts (a legend is drawn when there are two or more).
    pub series: Vec<String>,
    pub bars: Vec<Bar>,
}

/// One small panel of bars.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    pub title: String,
    /// A second, muted line under the title (date, source); may be empty.
    pub note: String,
    pub bars: Vec<(String, f64)>,
}

/// A grid of small bar panels sharing one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Multiples {
    pub title: String,
    pub subtitle: String,
    pub unit: String,
    pub panels: Vec<Panel>,
}

/// Values of several series over the same periods (term rates, topic shares, statements).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PeriodSeries {
    pub title: String,
    pub subtitle: String,
    /// Axis title with the unit, e.g. "per 10,000 words".
    pub unit: String,
    /// Period labels in time order (YYYY-MM, YYYY, ...).
    pub periods: Vec<String>,
    /// Periods the corpus covers only in part (drawn dashed: fewer articles, less certain).
    pub partial: Vec<bool>,
    /// Periods with too few articles to trust (drawn faint and unjoined, left out of the
    /// scale).
    pub thin: Vec<bool>,
    /// (name, one value per period); up to [`style::MAX_LINES`] share one panel, more are
    /// drawn as small multiples.
    pub series: Vec<(String, Vec<f64>)>,
    /// One panel per series even when few (crossing lines are hard to read).
    pub multiples: bool,
    /// Small multiples on one scale (compare sizes across panels) or each on its own (see
    /// each one's shape: a rare term that tripled beside a common one that held).
    pub shared_scale: bool,
}

/// The top words of one discovered topic.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicWords {
    pub label: String,
    pub words: Vec<(String, f64)>,
}

/// Two groups' key terms either side of a zero line: `right` (the first group's, drawn to
/// the right, strongest first) and `left` (the other's, strongest first, drawn below).
#[derive(Debug, Clone, PartialEq)]
pub struct Diverging {
    pub title: String,
    pub subtitle: String,
    pub unit: String,
    pub right_name: String,
    pub left_name: String,
    pub right: Vec<(String, f64)>,
    pub left: Vec<(String, f64)>,
}

/// A chart ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    Bars(Bars),
    Multiples(Multiples),
    Lines(PeriodSeries),
    Diverging(Diverging),
}

/// A chart file and what goes in it, or why it is not drawn.
pub type Planned = (&'static str, std::result::Result<Chart, String>);

/// Rows shown in bar charts: enough to be useful, few enough to read on a slide.
pub const TOP_BARS: usize = 25;
pub const TOP_SPEAKERS: usize = 20;
/// Words shown per topic in topics.png (20 topics stay readable at 1600 pixels).
pub const TOPIC_WORDS: usize = 5;
/// Documents shown in distinctive_terms.png, and terms per document.
pub const DOC_PANELS: usize = 12;
pub const TERMS_PER_PANEL: usize = 6;

/// Short name of the inputs for titles: the last two parts of each path ("bbc/articles").
pub fn corpus_name(inputs: &[PathBuf]) -> String {
    let name = |p: &PathBuf| {
        let parts: Vec<String> = p
            .components()
            .filter_map(|c| match c {
                std::path::Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        match parts.len() {
            0 => p.display().to_string(),
            n => parts[n.saturating_sub(2)..].join("/"),
        }
    };
    match inputs {
        [] => String::new(),
        [one] => name(one),
        [a, b] => format!("{} + {}", name(a), name(b)),
        [a, rest @ ..] => format!("{} + {} more", name(a), rest.len()),
    }
}

/// What the corpus is, for every title.
pub fn about(t: &Results<'_>, corpus: &str) -> About {
    let mut a = About {
        corpus: corpus.to_string(),
        documents: t.corpus.docs.len(),
        ..About::default()
    };
    for r in t.records.iter().filter(|r| r.analysed().is_some()) {
        if let Some(d) = r.meta.as_ref().and_then(|m| m.date) {
            a.dated += 1;
            a.first = Some(a.first.map_or(d, |f| f.min(d)));
            a.last = Some(a.last.map_or(d, |l| if d.end() > l.end() { d } else { l }));
        }
    }
    a
}

/// Each discovered topic's top words, by weight.
fn topic_words(t: &Results<'_>) -> Vec<TopicWords> {
    let Some(d) = t.discovered else {
        return Vec::new();
    };
    d.topics
        .iter()
        .enumerate()
        .map(|(i, topic)| TopicWords {
            label: format!("{}: {}", i + 1, topic.label),
            words: topic
                .terms
                .iter()
                .map(|&(term, w)| (t.corpus.terms[term as usize].display().to_string(), w))
                .collect(),
        })
        .collect()
}

/// Every chart of the run, from the results.
pub fn plan(t: &Results<'_>, about: &About, scheme: &str) -> Vec<Planned> {
    vec![
        ("top_terms.png", top_terms(t, about)),
        ("distinctive_terms.png", distinctive_terms(t, about, scheme)),
        ("phrases.png", phrases(t, about)),
        ("speakers.png", speakers(t, about)),
        (
            "speakers_over_time.png",
            over_time::speakers_over_time(t, about),
        ),
        ("term_trends.png", over_time::term_trends(t, about)),
        ("topic_trends.png", over_time::topic_trends(t, about)),
        (
            "topics.png",
            topics_chart(&topic_words(t), about).map_err(|_| {
                "no topics discovered (fewer than 50 documents, or --topics-k 0)".to_string()
            }),
        ),
        ("keyness.png", compare::keyness(t, about)),
        ("speaker_terms.png", compare::speaker_terms(t, about)),
        ("co_mentions.png", compare::co_mentions(t, about)),
    ]
}

/// topics.png: one panel per topic, its top words by weight.
pub fn topics_chart(topics: &[TopicWords], about: &About) -> std::result::Result<Chart, String> {
    let panels: Vec<Panel> = topics
        .iter()
        .filter(|t| !t.words.is_empty())
        .map(|t| Panel {
            title: t.label.clone(),
            note: String::new(),
            bars: t.words.iter().take(TOPIC_WORDS).cloned().collect(),
        })
        .collect();
    if panels.is_empty() {
        return Err("no topics found".into());
    }
    Ok(Chart::Multiples(Multiples {
        title: format!("Top words of the {} discovered topics", panels.len()),
        subtitle: about.over(),
        unit: "weight of the word in the topic".into(),
        panels,
    }))
}

fn top_terms(t: &Results<'_>, about: &About) -> std::result::Result<Chart, String> {
    let terms = &t.corpus.terms;
    // The order of terms.csv, as the results give it.
    let shown: Vec<&crate::corpus::Term> = (t.terms_order.iter())
        .map(|&i| &terms[i as usize])
        .filter(|term| term.count > 0)
        .take(TOP_BARS)
        .collect();
    if shown.is_empty() {
        return Err("no terms (every word is a stop word or a number)".into());
    }
    let bars: Vec<Bar> = shown
        .iter()
        .map(|term| Bar {
            label: term.display().to_string(),
            parts: vec![term.count as f64],
        })
        .collect();
    Ok(Chart::Bars(Bars {
        title: format!("The {} most frequent terms", bars.len()),
        subtitle: format!("{} · stop words removed, word forms merged", about.over()),
        unit: "occurrences in the corpus".into(),
        series: vec![],
        bars,
    }))
}

fn phrases(t: &Results<'_>, about: &About) -> std::result::Result<Chart, String> {
    if t.phrases.is_empty() {
        return Err("no two-word phrase occurs twice".into());
    }
    let mut shown: Vec<_> = t.phrases.iter().take(TOP_BARS).collect();
    // Strongest by log-likelihood (phrases.csv order), drawn longest first so bars read down.
    shown.sort_by(|a, b| {
        b.pair
            .count
            .cmp(&a.pair.count)
            .then_with(|| b.score.total_cmp(&a.score))
            .then_with(|| a.cmp_text(b, &t.corpus.terms))
    });
    Ok(Chart::Bars(Bars {
        title: format!("The {} strongest two-word phrases", shown.len()),
        subtitle: format!(
            "{} · strongest by log-likelihood, ordered by occurrences",
            about.over()
        ),
        unit: "occurrences in the corpus".into(),
        series: vec![],
        bars: shown
            .iter()
            .map(|p| Bar {
                label: p.text(&t.corpus.terms),
                parts: vec![p.pair.count as f64],
            })
            .collect(),
    }))
}

/// Anonymous groups ("analysts", "economists") are counted in speakers.csv; the charts show
/// the speakers one can name, and say how many statements the groups made.
fn groups_note(t: &Results<'_>) -> String {
    let groups: Vec<_> = t
        .speakers
        .speakers
        .iter()
        .filter(|s| s.kind == crate::speakers::Kind::Anonymous)
        .collect();
    let statements: u32 = groups.iter().map(|s| s.statements).sum();
    match groups.first() {
        None => String::new(),
        Some(top) => format!(
            " · not shown: {} statements by anonymous groups ({}...)",
            style::thousands(i64::from(statements)),
            top.name
        ),
    }
}

fn speakers(t: &Results<'_>, about: &About) -> std::result::Result<Chart, String> {
    let list: Vec<_> = t
        .speakers
        .speakers
        .iter()
        .filter(|s| s.statements > 0 && s.kind != crate::speakers::Kind::Anonymous)
        .take(TOP_SPEAKERS)
        .collect();
    if list.is_empty() {
        return Err("no statements found".into());
    }
    Ok(Chart::Bars(Bars {
        title: format!("The {} most quoted speakers", list.len()),
        subtitle: format!("{}{}", about.over(), groups_note(t)),
        unit: "statements attributed".into(),
        series: vec![
            "named in the sentence".into(),
            "resolved (he, she, the minister...)".into(),
        ],
        bars: list
            .iter()
            .map(|s| Bar {
                label: if s.role.is_empty() {
                    s.name.clone()
                } else {
                    format!("{} ({})", s.name, s.role)
                },
                parts: vec![f64::from(s.named), f64::from(s.resolved)],
            })
            .collect(),
    }))
}

fn distinctive_terms(
    t: &Results<'_>,
    about: &About,
    scheme: &str,
) -> std::result::Result<Chart, String> {
    let docs = &t.corpus.docs;
    let mut candidates: Vec<usize> = (0..docs.len()).filter(|&i| t.top.len_of(i) > 0).collect();
    if candidates.is_empty() {
        return Err("no document has a term".into());
    }
    let total = candidates.len();
    // Dates and titles of analysed documents, by their index in the corpus.
    let meta = t.meta_of_docs();
    let date = |i: usize| meta[i].and_then(|m| m.date);
    let mut how = format!("all {total} documents");
    if total > DOC_PANELS {
        // Stubs (a headline, a caption) have extreme TF-IDF scores and say little: keep the
        // documents at least as long as the median one, then spread the choice over time.
        let mut lengths: Vec<u32> = candidates.iter().map(|&i| docs[i].tokens).collect();
        lengths.sort_unstable();
        let median = lengths[lengths.len() / 2];
        candidates.retain(|&i| docs[i].tokens >= median);
        candidates.sort_by(|&a, &b| {
            (date(a).is_none(), date(a), docs[a].name.doc_id()).cmp(&(
                date(b).is_none(),
                date(b),
                docs[b].name.doc_id(),
            ))
        });
        let n = candidates.len();
        // Even when fewer than DOC_PANELS are long enough, no document is picked twice.
        let shown = DOC_PANELS.min(n);
        let order = if candidates.iter().any(|&i| date(i).is_some()) {
            "in date order"
        } else {
            "in document order"
        };
        candidates = (0..shown)
            .map(|k| candidates[(2 * k + 1) * n / (2 * shown)])
            .collect();
        how = format!(
            "{shown} of the {} documents with terms, evenly spaced {order} among those of {} words or more",
            style::thousands(total as i64),
            style::thousands(i64::from(median))
        );
    }
    let panels = candidates
        .iter()
        .map(|&i| {
            let m = meta[i];
            // An article without a title is named by its first words, its id in the note.
            let words = m.map(crate::meta::Meta::words);
            let title = (words.as_ref())
                .and_then(|w| w.title().map(str::to_string))
                .or_else(|| {
                    (words.as_ref())
                        .map(|w| w.lead().to_string())
                        .filter(|l| !l.is_empty())
                })
                .unwrap_or_else(|| docs[i].name.doc_id().to_string());
            let mut note: Vec<String> = Vec::new();
            if *title != *docs[i].name.doc_id() {
                note.push(docs[i].name.doc_id().to_string());
            }
            if let Some(d) = date(i) {
                note.push(d.to_string());
            }
            if let Some(s) = (words.as_ref()).and_then(|w| w.source().map(str::to_string)) {
                note.push(s);
            }
            Panel {
                title,
                note: note.join(" · "),
                bars: (t.top.of(i).iter())
                    .take(TERMS_PER_PANEL)
                    .map(|&(term, _, w)| (t.corpus.terms[term as usize].display().to_string(), w))
                    .collect(),
            }
        })
        .collect();
    Ok(Chart::Multiples(Multiples {
        title: "What makes each document distinctive: its top TF-IDF terms".into(),
        subtitle: format!("{} · {how}", about.over()),
        unit: format!("TF-IDF weight ({scheme})"),
        panels,
    }))
}

/// What drawing the charts did.
#[derive(Debug, Default)]
pub struct Drawn {
    /// Charts written, in plan order.
    pub files: Vec<PathBuf>,
    /// "speakers.png not drawn: no statements found", in plan order.
    pub not_drawn: Vec<String>,
    /// Charts that failed to draw (never expected; the tables are written already).
    pub warnings: Vec<Warning>,
}

/// Draws the planned charts in parallel into `out`; a chart that fails to draw is a warning,
/// a file that cannot be written is an error.
pub fn draw_all(out: &OutDir, plan: &[Planned]) -> Result<Drawn> {
    let results: Vec<_> = plan
        .par_iter()
        .map(|(name, chart)| match chart {
            Err(why) => Ok(Outcome::NotDrawn(format!("{name} not drawn: {why}"))),
            Ok(chart) => match render(chart) {
                Ok(png) => out
                    .write(name, |w| std::io::Write::write_all(w, &png))
                    .map(Outcome::Written),
                Err(e) => Ok(Outcome::Failed(Warning::new(
                    &out.path().join(name),
                    format!("chart not drawn: {e}"),
                ))),
            },
        })
        .collect();
    let mut drawn = Drawn::default();
    for r in results {
        match r? {
            Outcome::Written(p) => drawn.files.push(p),
            Outcome::NotDrawn(why) => drawn.not_drawn.push(why),
            Outcome::Failed(w) => drawn.warnings.push(w),
        }
    }
    Ok(drawn)
}

enum Outcome {
    Written(PathBuf),
    NotDrawn(String),
    Failed(Warning),
}

/// Draws one chart and encodes it as PNG bytes.
pub fn render(chart: &Chart) -> std::result::Result<Vec<u8>, String> {
    style::init()?;
    let (w, h) = (style::WIDTH, style::HEIGHT);
    let mut rgb = vec![0u8; (w * h * 3) as usize];
    {
        let area = plotters::prelude::BitMapBackend::with_buffer(&mut rgb, (w, h));
        let area = plotters::prelude::IntoDrawingArea::into_drawing_area(area);
        area.fill(&plotters::style::WHITE).map_err(style::err)?;
        match chart {
            Chart::Bars(b) => bars::draw(&area, b)?,
            Chart::Multiples(m) => small_multiples::draw(&area, m)?,
            Chart::Lines(s) => lines::draw(&area, s)?,
            Chart::Diverging(d) => diverging::draw(&area, d)?,
        }
        area.present().map_err(style::err)?;
    }
    encode_png(&rgb, w, h).map_err(style::err)
}

fn encode_png(rgb: &[u8], w: u32, h: u32) -> std::result::Result<Vec<u8>, png::EncodingError> {
    let mut bytes = Vec::new();
    let mut enc = png::Encoder::new(&mut bytes, w, h);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    let mut writer = enc.write_header()?;
    writer.write_image_data(rgb)?;
    writer.finish()?;
    Ok(bytes)
}

/// Whether a file written is a chart (a PNG).
pub fn is_chart(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "png")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    /// Decodes a PNG into (width, height, RGB bytes).
    fn decode(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
        let decoder = png::Decoder::new(png_bytes);
        let mut reader = decoder.read_info().expect("a valid PNG");
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).expect("one frame");
        assert_eq!(info.color_type, png::ColorType::Rgb);
        buf.truncate(info.buffer_size());
        (info.width, info.height, buf)
    }

    fn pixel(rgb: &[u8], x: u32, y: u32) -> (u8, u8, u8) {
        let i = ((y * style::WIDTH + x) * 3) as usize;
        (rgb[i], rgb[i + 1], rgb[i + 2])
    }

    fn is(c: (u8, u8, u8), p: plotters::style::RGBColor) -> bool {
        c == (p.0, p.1, p.2)
    }

    /// Dark (text) pixels in the title band.
    fn title_ink(rgb: &[u8]) -> usize {
        (0..style::TITLE_BAND as u32)
            .flat_map(|y| (0..style::WIDTH).map(move |x| (x, y)))
            .filter(|&(x, y)| {
                let (r, g, b) = pixel(rgb, x, y);
                u32::from(r) + u32::from(g) + u32::from(b) < 200
            })
            .count()
    }

    /// Runs of `color` down the first column (from the left) where it appears, 3 pixels in:
    /// the number of bars that start at that column.
    fn bar_runs(rgb: &[u8], color: plotters::style::RGBColor) -> usize {
        let first = (0..style::WIDTH)
            .find(|&x| (0..style::HEIGHT).any(|y| is(pixel(rgb, x, y), color)))
            .expect("the colour appears");
        let x = first + 3;
        let mut runs = 0;
        let mut inside = false;
        for y in 0..style::HEIGHT {
            let now = is(pixel(rgb, x, y), color);
            if now && !inside {
                runs += 1;
            }
            inside = now;
        }
        runs
    }

    fn check_png(chart: &Chart) -> Vec<u8> {
        let bytes = render(chart).expect("drawn");
        let (w, h, rgb) = decode(&bytes);
        assert_eq!((w, h), (1600, 1000));
        let white = rgb.chunks(3).filter(|p| p == &[255, 255, 255]).count();
        let total = (w * h) as usize;
        assert!(white < total * 99 / 100, "blank: {white} of {total} white");
        assert!(
            title_ink(&rgb) > 1_000,
            "no title text: {}",
            title_ink(&rgb)
        );
        rgb
    }

    fn bars(n: usize, parts: usize) -> Bars {
        Bars {
            title: "A synthetic bar chart to test the drawing".into(),
            subtitle: "synthetic".into(),
            unit: "things".into(),
            series: (0..parts).map(|k| format!("part {k}")).collect(),
            bars: (0..n)
                .map(|i| Bar {
                    label: format!("a rather long label number {i} that must be shortened to fit in the chart's label column"),
                    parts: (0..parts).map(|k| (n - i + k) as f64).collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn one_bar_per_row_shown() {
        for n in [1, 7, TOP_BARS] {
            let rgb = check_png(&Chart::Bars(bars(n, 1)));
            assert_eq!(bar_runs(&rgb, style::PALETTE[0]), n, "{n} bars");
        }
    }

    #[test]
    fn stacked_bars_draw_every_part_and_a_legend() {
        let rgb = check_png(&Chart::Bars(bars(5, 2)));
        let second = rgb
            .chunks(3)
            .filter(|p| {
                p == &[
                    style::PALETTE[1].0,
                    style::PALETTE[1].1,
                    style::PALETTE[1].2,
                ]
            })
            .count();
        assert!(second > 5 * 100, "second part drawn: {second} pixels");
        // The leftmost of the first colour is the legend swatch, at the margin, alone in its
        // column: the bars start right of the labels.
        assert_eq!(
            bar_runs(&rgb, style::PALETTE[0]),
            1,
            "legend swatch alone at the margin"
        );
    }

    #[test]
    fn small_multiples_show_each_panels_bars() {
        let panels = (0..5)
            .map(|p| Panel {
                title: format!(
                    "Document {p} with a title far too long to fit in one small panel of the grid"
                ),
                note: "2022-01-01 · Source".into(),
                bars: (0..4)
                    .map(|i| (format!("term{i}"), 0.5 - 0.1 * i as f64))
                    .collect(),
            })
            .collect();
        let rgb = check_png(&Chart::Multiples(Multiples {
            title: "Synthetic small multiples to test the drawing".into(),
            subtitle: "five".into(),
            unit: "weight".into(),
            panels,
        }));
        // 5 panels in 3 columns: the first column holds panels 0 and 3, 4 bars each.
        assert_eq!(small_multiples::columns(5), 3);
        assert_eq!(bar_runs(&rgb, style::PALETTE[0]), 8);
    }

    fn series(n: usize, periods: usize) -> PeriodSeries {
        PeriodSeries {
            title: "Synthetic rates over time to test the drawing".into(),
            subtitle: "synthetic".into(),
            unit: "per 10,000 words".into(),
            periods: (0..periods)
                .map(|i| format!("2020-{:02}", i % 12 + 1))
                .collect(),
            partial: (0..periods).map(|i| i == 0 || i == periods - 1).collect(),
            thin: vec![false; periods],
            multiples: false,
            shared_scale: true,
            series: (0..n)
                .map(|k| {
                    (
                        format!("term {k}"),
                        (0..periods)
                            .map(|i| ((i * (k + 1)) % 7) as f64 + k as f64)
                            .collect(),
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn lines_draw_every_series_in_its_colour() {
        let rgb = check_png(&Chart::Lines(series(5, 12)));
        for k in 0..5 {
            let c = style::PALETTE[k];
            let n = rgb.chunks(3).filter(|p| p == &[c.0, c.1, c.2]).count();
            assert!(n > 300, "series {k}: {n} pixels");
        }
        // A sixth colour is not used.
        let c = style::PALETTE[5];
        assert_eq!(rgb.chunks(3).filter(|p| p == &[c.0, c.1, c.2]).count(), 0);
    }

    #[test]
    fn a_period_without_articles_is_a_gap_not_a_zero() {
        let mut with_gap = series(1, 12);
        with_gap.partial = vec![false; 12];
        with_gap.series[0].1 = vec![5.0; 12];
        let mut with_zero = with_gap.clone();
        for i in 3..9 {
            with_gap.series[0].1[i] = f64::NAN;
            with_zero.series[0].1[i] = 0.0;
        }
        let c = style::PALETTE[0];
        let blue = |rgb: &[u8]| rgb.chunks(3).filter(|p| p == &[c.0, c.1, c.2]).count();
        let (gap, zero) = (
            blue(&check_png(&Chart::Lines(with_gap))),
            blue(&check_png(&Chart::Lines(with_zero))),
        );
        // The zeros add a line down to the axis and along it; the gap draws nothing there.
        assert!(gap > 300 && gap * 3 < zero * 2, "gap {gap}, zero {zero}");
    }

    #[test]
    fn many_series_become_small_multiples_in_one_colour() {
        let rgb = check_png(&Chart::Lines(series(10, 30)));
        let c = style::PALETTE[1];
        assert_eq!(rgb.chunks(3).filter(|p| p == &[c.0, c.1, c.2]).count(), 0);
        let c = style::PALETTE[0];
        assert!(rgb.chunks(3).filter(|p| p == &[c.0, c.1, c.2]).count() > 10 * 200);
    }

    #[test]
    fn topics_chart_has_a_panel_per_topic_or_a_reason() {
        let about = About {
            corpus: "c".into(),
            documents: 3,
            ..About::default()
        };
        assert_eq!(
            topics_chart(&[], &about),
            Err("no topics found".to_string())
        );
        let topics: Vec<TopicWords> = (0..3)
            .map(|k| TopicWords {
                label: format!("topic {k}"),
                words: vec![("war".into(), 0.3), ("peace".into(), 0.2)],
            })
            .collect();
        let Ok(chart) = topics_chart(&topics, &about) else {
            panic!("a chart")
        };
        let rgb = check_png(&chart);
        // 3 panels in 2 columns: panels 0 and 2 in the first, 2 bars each.
        assert_eq!(bar_runs(&rgb, style::PALETTE[0]), 4);
    }

    #[test]
    fn titles_say_what_the_corpus_is() {
        let mut a = About {
            corpus: "bbc/articles".into(),
            documents: 2065,
            ..About::default()
        };
        assert_eq!(
            a.over(),
            "bbc/articles · 2,065 documents · no publication dates"
        );
        a.dated = 3;
        a.first = NaiveDate::from_ymd_opt(2017, 4, 13).map(PubDate::day);
        a.last = NaiveDate::from_ymd_opt(2019, 12, 11).map(PubDate::day);
        assert_eq!(
            a.over(),
            "bbc/articles · 2,065 documents · 2017-04-13 to 2019-12-11 (3 dated)"
        );
        assert_eq!(
            corpus_name(&[PathBuf::from("/data/corpora/bbc/articles/")]),
            "bbc/articles"
        );
        assert_eq!(corpus_name(&[PathBuf::from("seeds")]), "seeds");
        assert_eq!(
            corpus_name(&[PathBuf::from("a"), PathBuf::from("b"), PathBuf::from("c")]),
            "a + 2 more"
        );
    }
}
