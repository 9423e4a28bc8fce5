//! A plotters `DrawingBackend` that writes the charts' SVG into a `String`.
//!
//! Why not plotters' own `SVGBackend`: it builds every attribute with `format!`, prints floats
//! with `std::fmt` (opacity, font size) and measures text through the DOM on wasm if asked.
//! This writer pushes integers digit by digit, writes only what differs from SVG's defaults,
//! and estimates text widths from `layout::text_width` (never the DOM). It removes about a
//! tenth of the wasm and makes a chart faster to write and for the browser to parse. The
//! charts keep drawing through plotters' elements (`Rectangle`, `PathElement`, `Text`, …).

use super::layout::text_width;
use plotters::prelude::{DrawingBackend, FontStyle};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

/// Writing into a `String` cannot fail; plotters' trait still asks for an error type.
#[derive(Debug)]
pub struct Infallible;

impl std::fmt::Display for Infallible {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("unreachable")
    }
}

impl std::error::Error for Infallible {}

type Done = Result<(), DrawingErrorKind<Infallible>>;

/// A flag in a path's stroke width: the line is dashed, 5 on and 4 off (`Frame::dashed`).
pub const DASHED: u32 = 1 << 30;

pub struct SvgWriter<'a> {
    out: &'a mut String,
    size: (u32, u32),
}

/// Opens the `<svg>` element; `head` goes into its start tag (accessibility attributes).
pub fn open_svg(out: &mut String, size: (u32, u32), head: &str) {
    out.push_str("<svg ");
    out.push_str(head);
    out.push_str("width=\"");
    push_int(out, size.0 as i64);
    out.push_str("\" height=\"");
    push_int(out, size.1 as i64);
    out.push_str("\" viewBox=\"0 0 ");
    push_int(out, size.0 as i64);
    out.push(' ');
    push_int(out, size.1 as i64);
    out.push_str("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
}

impl<'a> SvgWriter<'a> {
    /// Draws into `out`, after `open_svg`; the caller closes the element.
    pub fn new(out: &'a mut String, size: (u32, u32)) -> Self {
        SvgWriter { out, size }
    }

    fn open(&mut self, tag: &str) {
        self.out.push('<');
        self.out.push_str(tag);
    }

    fn int(&mut self, name: &str, v: i64) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_int(self.out, v);
        self.out.push('"');
    }

    fn attr(&mut self, name: &str, value: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.out.push_str(value);
        self.out.push('"');
    }

    fn color(&mut self, name: &str, c: BackendColor) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"#");
        for byte in [c.rgb.0, c.rgb.1, c.rgb.2] {
            self.out.push(HEX[(byte >> 4) as usize] as char);
            self.out.push(HEX[(byte & 15) as usize] as char);
        }
        self.out.push('"');
    }

    /// `opacity`, only when it is not 1 (three decimals are more than the eye can tell).
    fn opacity(&mut self, c: BackendColor) {
        if c.alpha < 1.0 {
            self.out.push_str(" opacity=\"");
            push_decimal(self.out, c.alpha, 3);
            self.out.push('"');
        }
    }

    /// A shape's opacity and either its fill or its outline (with a width when given).
    fn paint(&mut self, c: BackendColor, fill: bool, stroke_width: Option<u32>) {
        self.opacity(c);
        if fill {
            self.color("fill", c);
        } else {
            self.attr("fill", "none");
            self.color("stroke", c);
            if let Some(w) = stroke_width {
                self.int("stroke-width", w as i64);
            }
        }
    }

    fn points<I: IntoIterator<Item = BackendCoord>>(&mut self, path: I) {
        self.out.push_str(" points=\"");
        for (x, y) in path {
            push_int(self.out, x as i64);
            self.out.push(',');
            push_int(self.out, y as i64);
            self.out.push(' ');
        }
        self.out.push('"');
    }

    fn close(&mut self) {
        self.out.push_str("/>\n");
    }
}

impl DrawingBackend for SvgWriter<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Done {
        Ok(())
    }

    fn present(&mut self) -> Done {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Done {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Done {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.open("line");
        self.opacity(c);
        self.color("stroke", c);
        self.int("stroke-width", style.stroke_width() as i64);
        self.int("x1", from.0 as i64);
        self.int("y1", from.1 as i64);
        self.int("x2", to.0 as i64);
        self.int("y2", to.1 as i64);
        self.close();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Done {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.open("rect");
        self.int("x", upper_left.0 as i64);
        self.int("y", upper_left.1 as i64);
        self.int("width", (bottom_right.0 - upper_left.0) as i64);
        self.int("height", (bottom_right.1 - upper_left.1) as i64);
        self.paint(c, fill, None);
        self.close();
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Done {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let width = style.stroke_width();
        self.open("polyline");
        self.attr("fill", "none");
        self.opacity(c);
        self.color("stroke", c);
        self.int("stroke-width", (width & !DASHED) as i64);
        if width & DASHED != 0 {
            self.attr("stroke-dasharray", "5 4");
        }
        self.points(path);
        self.close();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Done {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.open("polygon");
        self.opacity(c);
        self.color("fill", c);
        self.points(path);
        self.close();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Done {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.open("circle");
        self.int("cx", center.0 as i64);
        self.int("cy", center.1 as i64);
        self.int("r", radius as i64);
        self.paint(c, fill, Some(style.stroke_width()));
        self.close();
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Done {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.open("text");
        self.int("x", pos.0 as i64);
        self.int("y", pos.1 as i64);
        // Vertical anchors as plotters' SVG backend writes them.
        match style.anchor().v_pos {
            VPos::Top => self.attr("dy", "0.76em"),
            VPos::Center => self.attr("dy", "0.5ex"),
            VPos::Bottom => self.attr("dy", "-0.5ex"),
        }
        match style.anchor().h_pos {
            HPos::Left => {}
            HPos::Center => self.attr("text-anchor", "middle"),
            HPos::Right => self.attr("text-anchor", "end"),
        }
        self.attr("font-family", style.family().as_str());
        self.out.push_str(" font-size=\"");
        // plotters' font sizes are 1.24 × the CSS pixel size (see charts::font).
        push_decimal(self.out, style.size() / 1.24, 2);
        self.out.push('"');
        self.opacity(c);
        self.color("fill", c);
        if let FontStyle::Bold = style.style() {
            self.attr("font-weight", "bold");
        }
        self.out.push('>');
        crate::escape::escape_into(self.out, text);
        self.out.push_str("</text>\n");
        Ok(())
    }

    /// Never the DOM: the same estimate the charts lay text out with.
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        let px = style.size() / 1.24;
        Ok((text_width(text, px).max(0) as u32, (px * 1.2) as u32))
    }
}

/// Appends an integer in ASCII digits.
fn push_int(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    let mut n = v.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(d as char);
    }
}

/// Appends `v` rounded to `decimals` places, trailing zeros dropped ("12.5", "0.35", "14").
/// Non-finite values, which no chart draws, are written as 0.
fn push_decimal(out: &mut String, v: f64, decimals: u32) {
    let scale = 10i64.pow(decimals);
    let scaled = if v.is_finite() {
        crate::model::clamp((v * scale as f64).round(), -1e15, 1e15) as i64
    } else {
        0
    };
    if scaled < 0 {
        out.push('-');
    }
    let n = scaled.unsigned_abs() as i64;
    push_int(out, n / scale);
    let mut frac = n % scale;
    if frac != 0 {
        out.push('.');
        let mut width = decimals;
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        let mut digits = [b'0'; 18];
        let mut i = width as usize;
        while i > 0 {
            i -= 1;
            digits[i] = b'0' + (frac % 10) as u8;
            frac /= 10;
        }
        for &d in &digits[..width as usize] {
            out.push(d as char);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decimal(v: f64, d: u32) -> String {
        let mut s = String::new();
        push_decimal(&mut s, v, d);
        s
    }

    #[test]
    fn numbers_are_written_short_and_exact() {
        assert_eq!(decimal(12.5, 2), "12.5");
        assert_eq!(decimal(14.0 * 1.24 / 1.24, 2), "14");
        assert_eq!(decimal(0.35, 3), "0.35");
        assert_eq!(decimal(0.05, 3), "0.05");
        assert_eq!(decimal(0.007, 3), "0.007");
        assert_eq!(decimal(-3.25, 2), "-3.25");
        assert_eq!(decimal(f64::NAN, 2), "0");
        let mut s = String::new();
        push_int(&mut s, i64::MIN);
        assert_eq!(s, "-9223372036854775808");
    }
}
