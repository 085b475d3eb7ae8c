//! How every chart looks, set once: size, font, palette, title band, text placement, fitting
//! long labels.
//!
//! The font is Noto Sans (SIL Open Font License via the `ttf-noto-sans` crate), embedded in the
//! binary and registered with plotters once, so no chart depends on the fonts of the machine.
//! Text is always placed by its vertical centre (of capital letters) and measured with the
//! same font, so a label is never clipped: it is shortened with an ellipsis instead.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};

/// Chart size in pixels: fits a laptop screen and a 16:10 slide.
pub const WIDTH: u32 = 1600;
pub const HEIGHT: u32 = 1000;
/// Height of the band at the top that holds the title and subtitle.
pub const TITLE_BAND: i32 = 118;
/// Outer margin on every side.
pub const MARGIN: i32 = 40;

pub const TITLE_SIZE: f64 = 36.0;
pub const SUBTITLE_SIZE: f64 = 23.0;
pub const LABEL_SIZE: f64 = 21.0;
pub const TICK_SIZE: f64 = 19.0;
pub const SMALL_SIZE: f64 = 17.0;

/// Family name the embedded font is registered under (not a system font name, so nothing
/// falls back to the machine's fonts).
const FAMILY: &str = "newsreport-sans";

pub const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
pub const MUTED: RGBColor = RGBColor(0x5a, 0x5a, 0x5a);
pub const GRID: RGBColor = RGBColor(0xe3, 0xe3, 0xe3);
pub const AXIS: RGBColor = RGBColor(0x88, 0x88, 0x88);

/// Okabe-Ito, the colour-blind-safe palette, ordered so that the first colours are the most
/// distinct on white (its yellow comes last: it is hard to see as a thin line).
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0x00, 0x00, 0x00), // black
    RGBColor(0xF0, 0xE4, 0x42), // yellow
];

/// Most series one panel shows; more go into small multiples. Six: more lines than that
/// tangle, and the palette's black and yellow are kept out of line charts.
pub const MAX_LINES: usize = 6;

/// A colour washed towards white: points drawn faint (too few articles to trust).
pub fn faint(c: RGBColor) -> RGBColor {
    let wash = |v: u8| ((u16::from(v) + 3 * 255) / 4) as u8;
    RGBColor(wash(c.0), wash(c.1), wash(c.2))
}

pub type Area<'a> = DrawingArea<BitMapBackend<'a>, Shift>;
/// A drawing failure, as text (plotters' error types stay in this module tree).
pub type DrawResult = Result<(), String>;

/// The embedded faces, parsed once.
struct Faces {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

fn faces() -> Result<&'static Faces, String> {
    static FACES: OnceLock<Result<Faces, String>> = OnceLock::new();
    FACES
        .get_or_init(|| {
            let bad = |_| "the embedded font could not be read".to_string();
            Ok(Faces {
                regular: FontRef::try_from_slice(ttf_noto_sans::REGULAR).map_err(bad)?,
                bold: FontRef::try_from_slice(ttf_noto_sans::BOLD).map_err(bad)?,
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// Registers the embedded font with plotters once (for any text plotters itself draws) and
/// checks that it parses; later calls return the first outcome.
pub fn init() -> DrawResult {
    static DONE: OnceLock<DrawResult> = OnceLock::new();
    DONE.get_or_init(|| {
        faces()?;
        register_font(FAMILY, FontStyle::Normal, ttf_noto_sans::REGULAR)
            .and_then(|()| register_font(FAMILY, FontStyle::Bold, ttf_noto_sans::BOLD))
            .map_err(|_| "the embedded font could not be registered".to_string())
    })
    .clone()
}

pub fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

fn face(bold: bool) -> Option<&'static FontRef<'static>> {
    faces()
        .ok()
        .map(|f| if bold { &f.bold } else { &f.regular })
}

/// Width in pixels of `text` in the chart font (advances and kerning, as drawn).
pub fn width(text: &str, size: f64, bold: bool) -> i32 {
    let Some(face) = face(bold) else { return 0 };
    let font = face.as_scaled(PxScale::from(size as f32));
    let mut x = 0f32;
    let mut prev = None;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(p) = prev {
            x += font.kern(p, id);
        }
        x += font.h_advance(id);
        prev = Some(id);
    }
    x.ceil() as i32
}

/// Width in pixels of the widest of `texts` (0 for none): how much room a column of labels,
/// values or ticks needs.
pub fn widest<S: AsRef<str>>(texts: impl IntoIterator<Item = S>, size: f64, bold: bool) -> i32 {
    texts
        .into_iter()
        .map(|t| width(t.as_ref(), size, bold))
        .max()
        .unwrap_or(0)
}

/// `text` shortened with an ellipsis so that it is at most `max` pixels wide.
pub fn fit(text: &str, size: f64, bold: bool, max: i32) -> String {
    if width(text, size, bold) <= max {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let cut = |n: usize| format!("{}…", chars[..n].iter().collect::<String>().trim_end());
    // Binary search on the number of characters kept.
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if width(&cut(mid), size, bold) <= max {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    cut(lo)
}

/// Horizontal anchor of [`text`].
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Draws `s` with its capitals centred on `y`, anchored at `x`.
///
/// Glyphs are rasterised here with ab_glyph rather than by plotters' text element: plotters
/// 0.3.7 drops each glyph's left side bearing, which spaces letters unevenly ("frequen t").
pub fn text(
    area: &Area<'_>,
    s: &str,
    (x, y): (i32, i32),
    size: f64,
    bold: bool,
    color: RGBColor,
    align: Align,
) -> DrawResult {
    let w = width(s, size, bold);
    let left = match align {
        Align::Left => x,
        Align::Center => x - w / 2,
        Align::Right => x - w,
    };
    rasterize(s, size, bold, |u, v, c| {
        area.draw_pixel((left + u, y + v), &color.mix(f64::from(c)))
            .map_err(err)
    })
}

/// Draws `s` rotated a quarter turn anticlockwise (a y-axis title), centred on (x, y).
pub fn text_vertical(area: &Area<'_>, s: &str, (x, y): (i32, i32), size: f64) -> DrawResult {
    let half = width(s, size, false) / 2;
    rasterize(s, size, false, |u, v, c| {
        area.draw_pixel((x + v, y + half - u), &MUTED.mix(f64::from(c)))
            .map_err(err)
    })
}

/// Calls `put(u, v, coverage)` for each pixel of `s`, with u from the text's left edge and v
/// from the vertical centre of its capitals.
fn rasterize(
    s: &str,
    size: f64,
    bold: bool,
    mut put: impl FnMut(i32, i32, f32) -> DrawResult,
) -> DrawResult {
    let face = face(bold).ok_or("the embedded font could not be read")?;
    let font = face.as_scaled(PxScale::from(size as f32));
    let cap = font
        .outline_glyph(font.scaled_glyph('H'))
        .map_or(size as f32 * 0.5, |o| -o.px_bounds().min.y);
    let baseline = cap / 2.0;
    let mut pen = 0f32;
    let mut prev = None;
    let mut result = Ok(());
    for ch in s.chars() {
        let id = font.glyph_id(ch);
        if let Some(p) = prev {
            pen += font.kern(p, id);
        }
        prev = Some(id);
        let glyph = id.with_scale_and_position(font.scale(), point(pen, baseline));
        pen += font.h_advance(id);
        if let Some(outline) = font.outline_glyph(glyph) {
            let b = outline.px_bounds();
            outline.draw(|gx, gy, c| {
                if c > 0.0 && result.is_ok() {
                    result = put(b.min.x as i32 + gx as i32, b.min.y as i32 + gy as i32, c);
                }
            });
        }
    }
    result
}

/// The title band: a bold title and a muted subtitle, each fitted to the width.
pub fn title(area: &Area<'_>, title: &str, subtitle: &str) -> DrawResult {
    let max = WIDTH as i32 - 2 * MARGIN;
    text(
        area,
        &fit(title, TITLE_SIZE, true, max),
        (MARGIN, 42),
        TITLE_SIZE,
        true,
        INK,
        Align::Left,
    )?;
    text(
        area,
        &fit(subtitle, SUBTITLE_SIZE, false, max),
        (MARGIN, 88),
        SUBTITLE_SIZE,
        false,
        MUTED,
        Align::Left,
    )
}

/// Tick positions for an axis from 0 (or `lo`) to at least `hi`: about `n` round steps of
/// 1, 2 or 5 times a power of ten. Returns (ticks, axis maximum).
pub fn ticks(lo: f64, hi: f64, n: usize) -> (Vec<f64>, f64) {
    let span = (hi - lo).max(f64::MIN_POSITIVE);
    let raw = span / n.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let first = (lo / step).floor() * step;
    let mut out = Vec::new();
    let mut v = first;
    while v < hi - step * 1e-9 {
        out.push(v);
        v += step;
    }
    out.push(v);
    let max = v;
    (out, max)
}

/// A tick label: integers without decimals, thousands with separators, small values with
/// as many decimals as the step needs.
pub fn number(v: f64, step: f64) -> String {
    if step >= 1.0 && v.fract().abs() < 1e-9 {
        return thousands(v.round() as i64);
    }
    let decimals = (-step.log10().floor()).clamp(0.0, 6.0) as usize;
    let decimals = if (step * 10f64.powi(decimals as i32)).fract().abs() > 1e-6 {
        decimals + 1
    } else {
        decimals
    };
    format!("{v:.decimals$}")
}

pub use crate::human::thousands;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(ticks(0.0, 30.0, 5), (vec![0.0, 10.0, 20.0, 30.0], 30.0));
        assert_eq!(ticks(0.0, 31.0, 5).1, 40.0);
        assert_eq!(ticks(0.0, 7.0, 5).0, vec![0.0, 2.0, 4.0, 6.0, 8.0]);
        let (t, max) = ticks(0.0, 0.43, 4);
        assert_eq!(t.len(), 4);
        assert!((max - 0.6).abs() < 1e-12, "{max}");
    }

    #[test]
    fn numbers_read_like_a_person_writes_them() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(number(20.0, 10.0), "20");
        assert_eq!(number(0.25, 0.25), "0.25");
        assert_eq!(number(0.2, 0.1), "0.2");
    }

    #[test]
    fn long_labels_are_shortened_to_fit() {
        init().expect("font");
        let long = "Ministry of Foreign Affairs of the Russian Federation spokeswoman";
        let w = width(long, LABEL_SIZE, false);
        assert!(w > 300, "{w}");
        let short = fit(long, LABEL_SIZE, false, 200);
        assert!(short.ends_with('…'), "{short}");
        assert!(width(&short, LABEL_SIZE, false) <= 200);
        // As many characters as fit: one more would not.
        let kept = short.trim_end_matches('…').chars().count();
        // kept + 2: the kept text may have lost a trailing space to trimming.
        let longer = long.chars().take(kept + 2).collect::<String>();
        assert!(width(&format!("{}…", longer.trim_end()), LABEL_SIZE, false) > 200);
        assert_eq!(fit("US", LABEL_SIZE, false, 200), "US");
    }
}
