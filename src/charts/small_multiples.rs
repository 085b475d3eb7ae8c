//! Small multiples: a grid of small bar panels (one per document, or per topic) on one shared
//! scale, so that bar lengths compare across panels. Each panel has a bold title and a muted
//! note line, both shortened to the panel's width; the unit is written once at the bottom.

use plotters::prelude::*;

use super::Multiples;
use super::style::{self, Align, Area, DrawResult};

const GAP_X: i32 = 48;
const GAP_Y: i32 = 26;
const PANEL_TITLE: f64 = 19.0;
/// No label smaller than this (pixels at 1600 wide): readable where the page shows it.
pub const MIN_LABEL: f64 = 15.0;

/// Columns of the grid for `n` panels: wide panels when there are few.
pub fn columns(n: usize) -> usize {
    match n {
        0..=2 => n.max(1),
        3..=4 => 2,
        5..=9 => 3,
        10..=16 => 4,
        _ => 5,
    }
}

pub fn draw(area: &Area<'_>, m: &Multiples) -> DrawResult {
    style::title(area, &m.title, &m.subtitle)?;
    let (w, h) = (style::WIDTH as i32, style::HEIGHT as i32);
    let n = m.panels.len().max(1);
    let cols = columns(n);
    let rows = n.div_ceil(cols);
    let (top, bottom) = (style::TITLE_BAND + 10, h - style::MARGIN - 36);
    let pw = (w - 2 * style::MARGIN - GAP_X * (cols as i32 - 1)) / cols as i32;
    let ph = (bottom - top - GAP_Y * (rows as i32 - 1)) / rows as i32;
    let max = m
        .panels
        .iter()
        .flat_map(|p| p.bars.iter().map(|b| b.1))
        .fold(0.0, f64::max)
        .max(1e-12);
    let most_bars = m
        .panels
        .iter()
        .map(|p| p.bars.len())
        .max()
        .unwrap_or(1)
        .max(1) as i32;
    // One label size for every panel, so panels look alike; no note line, more room.
    let head = if m.panels.iter().any(|p| !p.note.is_empty()) {
        52
    } else {
        34
    };
    let row = ((ph - head - 6) / most_bars).min(44);
    let size = style::LABEL_SIZE.min(f64::from(row) * 0.68).max(MIN_LABEL);
    // Two significant digits of the largest value: 0.59, 0.050, 12.
    let decimals = (1 - max.log10().floor() as i32).clamp(0, 6) as usize;

    for (k, p) in m.panels.iter().enumerate() {
        let x0 = style::MARGIN + (k % cols) as i32 * (pw + GAP_X);
        let y0 = top + (k / cols) as i32 * (ph + GAP_Y);
        style::text(
            area,
            &style::fit(&p.title, PANEL_TITLE, true, pw),
            (x0, y0 + 12),
            PANEL_TITLE,
            true,
            style::INK,
            Align::Left,
        )?;
        if !p.note.is_empty() {
            style::text(
                area,
                &style::fit(&p.note, style::SMALL_SIZE, false, pw),
                (x0, y0 + 36),
                style::SMALL_SIZE,
                false,
                style::MUTED,
                Align::Left,
            )?;
        }
        let labels: Vec<String> = p
            .bars
            .iter()
            .map(|(l, _)| style::fit(l, size, false, pw * 2 / 5))
            .collect();
        let label_w = style::widest(&labels, size, false);
        let values: Vec<String> = p
            .bars
            .iter()
            .map(|b| format!("{:.decimals$}", b.1))
            .collect();
        let value_w = style::widest(&values, size, false);
        let left = x0 + label_w + 10;
        let right = x0 + pw - value_w - 8;
        let by = y0 + head;
        area.draw(&PathElement::new(
            vec![(left, by), (left, by + row * p.bars.len() as i32)],
            style::AXIS,
        ))
        .map_err(style::err)?;
        let thick = ((f64::from(row) * 0.7).round() as i32).max(2);
        for (i, ((_, v), (label, value))) in
            p.bars.iter().zip(labels.iter().zip(&values)).enumerate()
        {
            let yb = by + row * i as i32 + (row - thick) / 2;
            let yc = yb + thick / 2;
            let x1 = left + ((v / max) * f64::from(right - left)).round() as i32;
            style::text(
                area,
                label,
                (left - 8, yc),
                size,
                false,
                style::INK,
                Align::Right,
            )?;
            area.draw(&Rectangle::new(
                [(left + 1, yb), (x1.max(left + 2), yb + thick)],
                style::PALETTE[0].filled(),
            ))
            .map_err(style::err)?;
            style::text(
                area,
                value,
                (x1.max(left + 2) + 6, yc),
                size,
                false,
                style::MUTED,
                Align::Left,
            )?;
        }
    }
    style::text(
        area,
        &format!("Bar length: {} (same scale in every panel)", m.unit),
        (w / 2, h - style::MARGIN - 6),
        style::LABEL_SIZE,
        false,
        style::MUTED,
        Align::Center,
    )
}
