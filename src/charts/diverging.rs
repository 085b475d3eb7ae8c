//! A diverging bar chart (keyness.png for two groups, in the shape of quanteda's
//! `textplot_keyness`): one group's key terms as bars to the right of a zero line, strongest
//! at the top, the other group's to the left below them, strongest at the bottom; each label
//! sits on the other side of the zero line from its bar, so labels never cover bars.

use plotters::prelude::*;

use super::Diverging;
use super::bars::{legend, value_axis};
use super::style::{self, Align, Area, DrawResult};

pub fn draw(area: &Area<'_>, d: &Diverging) -> DrawResult {
    style::title(area, &d.title, &d.subtitle)?;
    let (w, h) = (style::WIDTH as i32, style::HEIGHT as i32);
    let names = [d.right_name.clone(), d.left_name.clone()];
    let mut top = style::TITLE_BAND + 14;
    legend(area, &names, top)?;
    top += 44;
    let rows: Vec<(&str, f64, usize)> = (d.right.iter().map(|(t, v)| (t.as_str(), *v, 0)))
        .chain(d.left.iter().rev().map(|(t, v)| (t.as_str(), -v.abs(), 1)))
        .collect();
    let n = rows.len().max(1) as i32;
    let bottom_limit = h - style::MARGIN - 76;
    let row = ((bottom_limit - top) / n).min(44);
    let bottom = top + row * n;
    let size = style::LABEL_SIZE.min(f64::from(row) * 0.72).max(12.0);
    let max = rows
        .iter()
        .map(|r| r.1.abs())
        .fold(0.0, f64::max)
        .max(1e-12);
    let (ticks, axis_max) = style::ticks(0.0, max, 4);
    let step = if ticks.len() > 1 {
        ticks[1] - ticks[0]
    } else {
        1.0
    };
    let mid = w / 2;
    let half = mid - style::MARGIN - 20;
    let x_of = |v: f64| mid + ((v / axis_max) * f64::from(half)).round() as i32;
    // Magnitudes either side of zero.
    let grid: Vec<(i32, f64)> = (ticks.iter())
        .flat_map(|&t| [(x_of(t), t), (x_of(-t), t)])
        .collect();
    value_axis(area, &grid, (top, bottom), step, &d.unit, mid)?;
    let thick = ((f64::from(row) * 0.7).round() as i32).max(2);
    for (i, &(label, v, side)) in rows.iter().enumerate() {
        let y0 = top + row * i as i32 + (row - thick) / 2;
        let yc = y0 + thick / 2;
        let (x0, x1) = if v >= 0.0 {
            (mid, x_of(v))
        } else {
            (x_of(v), mid)
        };
        let color = style::PALETTE[side % style::PALETTE.len()];
        area.draw(&Rectangle::new(
            [(x0, y0), (x1.max(x0 + 1), y0 + thick)],
            color.filled(),
        ))
        .map_err(style::err)?;
        let label = style::fit(label, size, false, half - 20);
        let (x, align) = if v >= 0.0 {
            (mid - 8, Align::Right)
        } else {
            (mid + 8, Align::Left)
        };
        style::text(area, &label, (x, yc), size, false, style::INK, align)?;
    }
    Ok(())
}
