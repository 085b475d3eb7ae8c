//! Series over periods (statements per month, term rates, topic shares): up to
//! [`style::MAX_LINES`] lines in one panel with a legend on the right, more as small multiples
//! (one series per panel, one shared scale). Period labels are thinned to those that fit side
//! by side; periods the corpus only partly covers are drawn dashed with hollow markers.

use plotters::prelude::*;

use super::PeriodSeries;
use super::small_multiples::columns;
use super::style::{self, Align, Area, DrawResult};

/// Markers on the points while they are far enough apart to see.
const MARKERS_UP_TO: usize = 80;
/// ... and at least this many pixels apart.
const MIN_MARKER_SPACING: i32 = 14;

pub fn draw(area: &Area<'_>, s: &PeriodSeries) -> DrawResult {
    style::title(area, &s.title, &s.subtitle)?;
    if s.series.len() <= style::MAX_LINES && !s.multiples {
        one_panel(area, s)
    } else {
        multiples(area, s)
    }
}

/// The plotting frame of one panel, in pixels.
struct Frame {
    left: i32,
    right: i32,
    top: i32,
    bottom: i32,
    /// Periods and the value axis maximum.
    n: usize,
    max: f64,
}

impl Frame {
    fn x(&self, i: usize) -> i32 {
        if self.n <= 1 {
            return (self.left + self.right) / 2;
        }
        let pad = 12;
        self.left
            + pad
            + ((i as f64 / (self.n - 1) as f64) * f64::from(self.right - self.left - 2 * pad))
                .round() as i32
    }
    fn y(&self, v: f64) -> i32 {
        self.bottom - ((v / self.max) * f64::from(self.bottom - self.top)).round() as i32
    }
}

/// The largest value of periods with enough articles over all series: a thin period's 1.0
/// (one article of one) must not set the scale of the rest.
fn max_value(s: &PeriodSeries) -> f64 {
    (s.series.iter())
        .map(|(_, v)| max_of(s, v))
        .fold(0.0, f64::max)
}

/// The largest value of one series, thin periods apart unless they are all there is.
fn max_of(s: &PeriodSeries, values: &[f64]) -> f64 {
    let thin = |i: usize| s.thin.get(i).copied().unwrap_or(false);
    let finite = || values.iter().enumerate().filter(|(_, v)| v.is_finite());
    let solid = finite()
        .filter(|&(i, _)| !thin(i))
        .map(|(_, v)| *v)
        .fold(0.0, f64::max);
    if solid > 0.0 {
        solid
    } else {
        finite().map(|(_, v)| *v).fold(0.0, f64::max)
    }
}

fn one_panel(area: &Area<'_>, s: &PeriodSeries) -> DrawResult {
    let (w, h) = (style::WIDTH as i32, style::HEIGHT as i32);
    let (ticks, max) = style::ticks(0.0, max_value(s).max(1e-12), 5);
    let step = ticks.get(1).map_or(1.0, |t| t - ticks[0]);
    let tick_w = style::widest(
        ticks.iter().map(|&t| style::number(t, step)),
        style::TICK_SIZE,
        false,
    );
    let legend_room = 330;
    let names: Vec<String> = s
        .series
        .iter()
        .map(|(n, _)| style::fit(n, style::LABEL_SIZE, false, legend_room - 52))
        .collect();
    let legend_w = style::widest(&names, style::LABEL_SIZE, false) + 52;
    let f = Frame {
        left: style::MARGIN + 40 + tick_w + 12,
        right: w - style::MARGIN - legend_w - 24,
        top: style::TITLE_BAND + 24,
        bottom: h - style::MARGIN - 84,
        n: s.periods.len(),
        max,
    };
    y_axis(area, &f, &ticks, step, style::TICK_SIZE, true)?;
    style::text_vertical(
        area,
        &s.unit,
        (style::MARGIN + 6, (f.top + f.bottom) / 2),
        style::LABEL_SIZE,
    )?;
    x_axis(area, &f, &s.periods, style::TICK_SIZE)?;
    for (k, (_, values)) in s.series.iter().enumerate() {
        series(area, &f, values, s, style::PALETTE[k], 3)?;
    }
    // Legend: one row per series, beside the plot.
    let lx = f.right + 24;
    for (k, name) in names.iter().enumerate() {
        let y = f.top + 10 + 34 * k as i32;
        let c = style::PALETTE[k];
        area.draw(&PathElement::new(
            vec![(lx, y), (lx + 36, y)],
            c.stroke_width(4),
        ))
        .map_err(style::err)?;
        area.draw(&Circle::new((lx + 18, y), 5, c.filled()))
            .map_err(style::err)?;
        style::text(
            area,
            name,
            (lx + 46, y),
            style::LABEL_SIZE,
            false,
            style::INK,
            Align::Left,
        )?;
    }
    if s.partial.iter().any(|&p| p) {
        let y = f.top + 10 + 34 * names.len() as i32 + 10;
        style::text(
            area,
            "dashed: period only partly covered",
            (lx, y),
            style::SMALL_SIZE,
            false,
            style::MUTED,
            Align::Left,
        )?;
    }
    Ok(())
}

fn multiples(area: &Area<'_>, s: &PeriodSeries) -> DrawResult {
    let (w, h) = (style::WIDTH as i32, style::HEIGHT as i32);
    let n = s.series.len();
    let cols = columns(n);
    let rows = n.div_ceil(cols);
    let (gap_x, gap_y) = (40, 30);
    let (top, bottom) = (style::TITLE_BAND + 10, h - style::MARGIN - 34);
    let pw = (w - 2 * style::MARGIN - gap_x * (cols as i32 - 1)) / cols as i32;
    let ph = (bottom - top - gap_y * (rows as i32 - 1)) / rows as i32;
    // The scale of the panel of series `k`: one for all, or its own.
    let scale = |k: usize| {
        let hi = if s.shared_scale {
            max_value(s)
        } else {
            max_of(s, &s.series[k].1)
        };
        let (ticks, max) = style::ticks(0.0, hi.max(1e-12), 3);
        let step = ticks.get(1).map_or(1.0, |t| t - ticks[0]);
        (ticks, max, step)
    };
    for (k, (name, values)) in s.series.iter().enumerate() {
        let x0 = style::MARGIN + (k % cols) as i32 * (pw + gap_x);
        let y0 = top + (k / cols) as i32 * (ph + gap_y);
        style::text(
            area,
            &style::fit(name, 19.0, true, pw),
            (x0, y0 + 12),
            19.0,
            true,
            style::INK,
            Align::Left,
        )?;
        let (ticks, max, step) = scale(k);
        let tick_w = style::widest(
            ticks.iter().map(|&t| style::number(t, step)),
            style::SMALL_SIZE,
            false,
        );
        let f = Frame {
            left: x0 + tick_w + 8,
            right: x0 + pw - 10,
            top: y0 + 34,
            bottom: y0 + ph - 30,
            n: s.periods.len(),
            max,
        };
        y_axis(area, &f, &ticks, step, style::SMALL_SIZE, true)?;
        x_axis(area, &f, &s.periods, style::SMALL_SIZE)?;
        series(area, &f, values, s, style::PALETTE[0], 2)?;
    }
    let scales = if s.shared_scale {
        "same scale in every panel"
    } else {
        "each panel on its own scale"
    };
    let dashed = if s.partial.iter().any(|&p| p) {
        "; dashed: periods the corpus covers only in part"
    } else {
        ""
    };
    style::text(
        area,
        &format!("{} ({scales}){dashed}", s.unit),
        (w / 2, h - style::MARGIN - 4),
        style::LABEL_SIZE,
        false,
        style::MUTED,
        Align::Center,
    )
}

fn y_axis(
    area: &Area<'_>,
    f: &Frame,
    ticks: &[f64],
    step: f64,
    size: f64,
    grid: bool,
) -> DrawResult {
    for &t in ticks {
        let y = f.y(t);
        let color = if t == 0.0 { style::AXIS } else { style::GRID };
        if grid || t == 0.0 {
            area.draw(&PathElement::new(vec![(f.left, y), (f.right, y)], color))
                .map_err(style::err)?;
        }
        style::text(
            area,
            &style::number(t, step),
            (f.left - 8, y),
            size,
            false,
            style::MUTED,
            Align::Right,
        )?;
    }
    Ok(())
}

/// Period labels under the axis: every k-th, k as small as lets them stand apart; the last
/// period is labelled when it does not crowd its neighbour.
fn x_axis(area: &Area<'_>, f: &Frame, periods: &[String], size: f64) -> DrawResult {
    let n = periods.len();
    if n == 0 {
        return Ok(());
    }
    let widest = style::widest(periods, size, false) + 14;
    let spacing = if n > 1 {
        f64::from(f.x(1) - f.x(0))
    } else {
        f64::INFINITY
    };
    let every = ((f64::from(widest) / spacing).ceil() as usize).max(1);
    let mut shown: Vec<usize> = (0..n).step_by(every).collect();
    if let Some(&last) = shown.last()
        && last != n - 1
        && f.x(n - 1) - f.x(last) >= widest
    {
        shown.push(n - 1);
    }
    for i in shown {
        let x = f.x(i);
        area.draw(&PathElement::new(
            vec![(x, f.bottom), (x, f.bottom + 6)],
            style::AXIS,
        ))
        .map_err(style::err)?;
        style::text(
            area,
            &periods[i],
            (x, f.bottom + 20),
            size,
            false,
            style::MUTED,
            Align::Center,
        )?;
    }
    Ok(())
}

/// The dashes of a dashed segment from `a` to `b`: 12 pixels drawn, 8 left out.
fn dashes(a: (i32, i32), b: (i32, i32)) -> Vec<((i32, i32), (i32, i32))> {
    let (dx, dy) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
    let len = dx.hypot(dy);
    let at = |t: f64| {
        (
            a.0 + (dx * t / len.max(1e-9)).round() as i32,
            a.1 + (dy * t / len.max(1e-9)).round() as i32,
        )
    };
    let mut out = Vec::new();
    let mut t = 0.0;
    while t < len {
        out.push((at(t), at((t + 12.0).min(len))));
        t += 20.0;
    }
    out
}

fn series(
    area: &Area<'_>,
    f: &Frame,
    values: &[f64],
    s: &PeriodSeries,
    color: RGBColor,
    width: u32,
) -> DrawResult {
    let is_partial = |i: usize| s.partial.get(i).copied().unwrap_or(false);
    let is_thin = |i: usize| s.thin.get(i).copied().unwrap_or(false);
    // Above the axis top a thin period's value is drawn at the top (its point says "more").
    let point = |i: usize| (f.x(i), f.y(values[i].clamp(0.0, f.max)));
    // A value that is not a number (a share of no articles) is a gap in the line, not a zero;
    // a period with too few articles is a faint point, joined to nothing.
    let known = |i: usize| values.get(i).is_some_and(|v| v.is_finite());
    let solid = |i: usize| known(i) && !is_thin(i);
    for i in 1..values.len().min(f.n) {
        if !solid(i - 1) || !solid(i) {
            continue;
        }
        let (a, b) = (point(i - 1), point(i));
        let pieces = if is_partial(i) || is_partial(i - 1) {
            dashes(a, b)
        } else {
            vec![(a, b)]
        };
        for (p, q) in pieces {
            area.draw(&PathElement::new(vec![p, q], color.stroke_width(width)))
                .map_err(style::err)?;
        }
    }
    let faint = style::faint(color);
    for i in (0..values.len().min(f.n)).filter(|&i| known(i) && is_thin(i)) {
        area.draw(&Circle::new(
            point(i),
            width as i32 + 2,
            faint.stroke_width(2),
        ))
        .map_err(style::err)?;
    }
    // A point alone between gaps has no line to show it: give it a dot.
    for i in (0..values.len().min(f.n)).filter(|&i| solid(i)) {
        if (i == 0 || !solid(i - 1)) && !solid(i + 1) {
            area.draw(&Circle::new(point(i), width as i32 + 2, color.filled()))
                .map_err(style::err)?;
        }
    }
    let spacing = if f.n > 1 { f.x(1) - f.x(0) } else { i32::MAX };
    if f.n <= MARKERS_UP_TO && spacing >= MIN_MARKER_SPACING {
        for i in (0..values.len().min(f.n)).filter(|&i| solid(i)) {
            let r = width as i32 + 2;
            if is_partial(i) {
                area.draw(&Circle::new(point(i), r, color.stroke_width(2)))
                    .map_err(style::err)?;
            } else {
                area.draw(&Circle::new(point(i), r, color.filled()))
                    .map_err(style::err)?;
            }
        }
    }
    Ok(())
}
