//! Horizontal bar charts (top terms, phrases, speakers): a label column on the left, sized to
//! the longest label (at most 40% of the width, longer ones shortened with an ellipsis), bars
//! stacked by part, the total written at the end of each bar, a value axis with its unit
//! below, and a legend above when there are several parts.

use plotters::prelude::*;

use super::Bars;
use super::style::{self, Align, Area, DrawResult};

/// Tallest row: a chart of three bars stays a bar chart, not three slabs.
const MAX_ROW: i32 = 62;

pub fn draw(area: &Area<'_>, b: &Bars) -> DrawResult {
    style::title(area, &b.title, &b.subtitle)?;
    let (w, h) = (style::WIDTH as i32, style::HEIGHT as i32);
    let mut top = style::TITLE_BAND + 14;
    if b.series.len() > 1 {
        legend(area, &b.series, top)?;
        top += 44;
    }
    let n = b.bars.len().max(1) as i32;
    let bottom_limit = h - style::MARGIN - 76;
    let row = ((bottom_limit - top) / n).min(MAX_ROW);
    let bottom = top + row * n;
    let size = style::LABEL_SIZE.min(f64::from(row) * 0.66).max(11.0);

    let totals: Vec<f64> = b.bars.iter().map(|x| x.parts.iter().sum()).collect();
    let max = totals.iter().copied().fold(0.0, f64::max).max(1e-12);
    let (ticks, axis_max) = style::ticks(0.0, max, 8);
    let step = if ticks.len() > 1 {
        ticks[1] - ticks[0]
    } else {
        1.0
    };
    let value_text = |v: f64| style::number(v, if v.fract() == 0.0 { 1.0 } else { step / 10.0 });
    let value_w = style::widest(totals.iter().map(|&v| value_text(v)), size, false);

    let label_max = (w as f64 * 0.4) as i32;
    let labels: Vec<String> = b
        .bars
        .iter()
        .map(|x| style::fit(&x.label, size, false, label_max))
        .collect();
    let label_w = style::widest(&labels, size, false);
    let left = style::MARGIN + label_w + 14;
    // The last tick label is centred on the axis end: leave room for half of it too.
    let last_tick_w = style::width(&style::number(axis_max, step), style::TICK_SIZE, false);
    let right = w - style::MARGIN - (value_w + 10).max(last_tick_w / 2);
    let x_of = |v: f64| left + ((v / axis_max) * f64::from(right - left)).round() as i32;

    // Grid and ticks first, so the bars sit on top.
    let grid: Vec<(i32, f64)> = ticks.iter().map(|&t| (x_of(t), t)).collect();
    value_axis(
        area,
        &grid,
        (top, bottom),
        step,
        &b.unit,
        (left + right) / 2,
    )?;

    let thick = ((f64::from(row) * 0.7).round() as i32).max(2);
    for (i, (bar, label)) in b.bars.iter().zip(&labels).enumerate() {
        let y0 = top + row * i as i32 + (row - thick) / 2;
        let yc = y0 + thick / 2;
        style::text(
            area,
            label,
            (left - 10, yc),
            size,
            false,
            style::INK,
            Align::Right,
        )?;
        let mut acc = 0.0;
        for (k, &part) in bar.parts.iter().enumerate() {
            if part <= 0.0 {
                continue;
            }
            let (x0, x1) = (x_of(acc), x_of(acc + part));
            acc += part;
            let color = style::PALETTE[k % style::PALETTE.len()];
            area.draw(&Rectangle::new(
                [(x0, y0), (x1.max(x0 + 1), y0 + thick)],
                color.filled(),
            ))
            .map_err(style::err)?;
        }
        style::text(
            area,
            &value_text(totals[i]),
            (x_of(totals[i]) + 8, yc),
            size,
            false,
            style::INK,
            Align::Left,
        )?;
    }
    Ok(())
}

/// The value axis of horizontal bars: a vertical grid line at each (x, value) (the zero line
/// darker), the value below it, and the unit centred at `unit_x` under them.
pub fn value_axis(
    area: &Area<'_>,
    grid: &[(i32, f64)],
    (top, bottom): (i32, i32),
    step: f64,
    unit: &str,
    unit_x: i32,
) -> DrawResult {
    for &(x, t) in grid {
        let color = if t == 0.0 { style::AXIS } else { style::GRID };
        area.draw(&PathElement::new(vec![(x, top), (x, bottom)], color))
            .map_err(style::err)?;
        style::text(
            area,
            &style::number(t, step),
            (x, bottom + 20),
            style::TICK_SIZE,
            false,
            style::MUTED,
            Align::Center,
        )?;
    }
    style::text(
        area,
        unit,
        (unit_x, bottom + 58),
        style::LABEL_SIZE,
        false,
        style::MUTED,
        Align::Center,
    )
}

/// A row of colour swatches with their names, left-aligned under the title band.
pub fn legend(area: &Area<'_>, names: &[String], y: i32) -> DrawResult {
    let mut x = style::MARGIN;
    let room = (style::WIDTH as i32 - 2 * style::MARGIN) / names.len().max(1) as i32 - 40;
    for (k, name) in names.iter().enumerate() {
        let color = style::PALETTE[k % style::PALETTE.len()];
        area.draw(&Rectangle::new(
            [(x, y + 4), (x + 24, y + 24)],
            color.filled(),
        ))
        .map_err(style::err)?;
        let label = style::fit(name, style::LABEL_SIZE, false, room);
        style::text(
            area,
            &label,
            (x + 34, y + 14),
            style::LABEL_SIZE,
            false,
            style::INK,
            Align::Left,
        )?;
        x += 34 + style::width(&label, style::LABEL_SIZE, false) + 40;
    }
    Ok(())
}
