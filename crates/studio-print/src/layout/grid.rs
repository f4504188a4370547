//! The table grid: column positions and the rules between cells.

use super::{mm, Frame, PageLayout, Rect, Rule};

/// Table borders: a heavier outer frame, hairline-ish inner rules (as in print forms).
pub const OUTER_RULE: f32 = 1.2;
pub const INNER_RULE: f32 = 0.5;

/// Column boundaries in mm from the page's left edge. The table spans 20–190 mm
/// (170 mm). Rows 党代表 and 联系对象 share the lines at 70, 125 and 150 mm, so the
/// grid reads as one form rather than unrelated boxes.
const X_MM: [f32; 10] = [
    20.0, 40.0, 70.0, 100.0, 112.0, 125.0, 137.0, 150.0, 170.0, 190.0,
];

pub fn x(i: usize) -> f32 {
    mm(X_MM[i])
}

pub fn cell(from: usize, to: usize, y: f32, h: f32) -> Rect {
    Rect {
        x: x(from),
        y,
        w: x(to) - x(from),
        h,
    }
}

/// The outer frame plus every inner line, merged so each visible line is drawn once.
pub fn draw_grid(page: &mut PageLayout, frame: Rect, cells: &[Rect]) {
    const E: f32 = 0.05;
    let mut vertical: Vec<(f32, f32, f32)> = Vec::new();
    let mut horizontal: Vec<(f32, f32, f32)> = Vec::new();
    for c in cells {
        if (c.right() - frame.right()).abs() > E {
            vertical.push((c.right(), c.y, c.bottom()));
        }
        if (c.bottom() - frame.bottom()).abs() > E {
            horizontal.push((c.bottom(), c.x, c.right()));
        }
    }
    for (segments, is_vertical) in [(vertical, true), (horizontal, false)] {
        for (at, from, to) in merge(segments) {
            let (x1, y1, x2, y2) = if is_vertical {
                (at, from, at, to)
            } else {
                (from, at, to, at)
            };
            page.rules.push(Rule {
                x1,
                y1,
                x2,
                y2,
                width: INNER_RULE,
            });
        }
    }
    page.frames.push(Frame {
        rect: frame,
        width: OUTER_RULE,
    });
}

/// Joins collinear segments that touch or overlap.
fn merge(mut segments: Vec<(f32, f32, f32)>) -> Vec<(f32, f32, f32)> {
    const E: f32 = 0.05;
    // Rows are summed in different orders, so the same line can come out a few ULPs
    // apart: group by position rounded to 1/100 pt, not by exact value.
    let line = |at: f32| (at * 100.0).round() as i64;
    segments.sort_by(|a, b| line(a.0).cmp(&line(b.0)).then(a.1.total_cmp(&b.1)));
    let mut out: Vec<(f32, f32, f32)> = Vec::new();
    for s in segments {
        match out.last_mut() {
            Some(last) if line(last.0) == line(s.0) && s.1 <= last.2 + E => {
                last.2 = last.2.max(s.2);
            }
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn touching_segments_merge_even_when_rounding_differs() {
        let a = 10.0_f32;
        let b = a + 1e-5;
        let merged = merge(vec![
            (a, 5.0, 9.0),
            (b, 0.0, 5.0),
            (a, 9.0, 12.0),
            (a, 20.0, 30.0),
        ]);
        assert_eq!(merged.len(), 2, "{merged:?}");
        assert_eq!((merged[0].1, merged[0].2), (0.0, 12.0));
        assert_eq!((merged[1].1, merged[1].2), (20.0, 30.0));
    }
}
