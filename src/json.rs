//! JSON by hand: a small parser (RFC 8259) for datasets, a value tree with line and column on
//! errors, and a small writer for what the wasm hands the page.
//!
//! Written here rather than derived through serde because the dataset reader wants the JSON
//! path of every problem, and serde_json's deserializer plus path tracking was a third of the
//! wasm; the writer keeps serde out of the wasm altogether. Never panics: depth is bounded,
//! numbers are checked, every byte is accounted for.

/// Nesting deeper than this is refused (a hostile file must not exhaust the stack).
pub const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    /// Members in document order.
    Object(Vec<(String, Value)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub message: &'static str,
}

pub fn parse(text: &str) -> Result<Value, ParseError> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        pos: 0,
    };
    p.skip_ws();
    let value = p.value(0)?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(p.error("trailing characters after the document"));
    }
    Ok(value)
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, message: &'static str) -> ParseError {
        let upto = &self.bytes[..self.pos.min(self.bytes.len())];
        let line = upto.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = upto.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        // Columns count characters, not bytes.
        let column = String::from_utf8_lossy(&upto[line_start..]).chars().count() + 1;
        ParseError {
            line,
            column,
            message,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, literal: &[u8], value: Value) -> Result<Value, ParseError> {
        if self.bytes[self.pos..].starts_with(literal) {
            self.pos += literal.len();
            Ok(value)
        } else {
            Err(self.error("unexpected character"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        match self.peek() {
            None => Err(self.error("unexpected end of the document")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.expect(b"true", Value::Bool(true)),
            Some(b'f') => self.expect(b"false", Value::Bool(false)),
            Some(b'n') => self.expect(b"null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("unexpected character")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, ParseError> {
        self.pos += 1;
        let mut members: Vec<(String, Value)> = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a quoted key"));
            }
            let key_at = self.pos;
            let key = self.string()?;
            if members.iter().any(|(k, _)| *k == key) {
                self.pos = key_at;
                return Err(self.error("a key appears twice in the same object"));
            }
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("expected ':' after a key"));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value(depth + 1)?;
            members.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                None => return Err(self.error("unexpected end of the document")),
                _ => return Err(self.error("expected ',' or '}'")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, ParseError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error("unexpected end of the document")),
                _ => return Err(self.error("expected ',' or ']'")),
            }
        }
    }

    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let from = p.pos;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.pos += 1;
            }
            p.pos > from
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        if self.peek() == Some(b'0') {
            self.pos += 1;
        } else if !digits(self) {
            return Err(self.error("invalid number"));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.error("invalid number"));
            }
        }
        let text = std::str::from_utf8(&self.bytes[start..self.pos]).unwrap_or("");
        match crate::decimal::parse(text) {
            Some(n) if n.is_finite() => Ok(Value::Number(n)),
            _ => {
                self.pos = start;
                Err(self.error("number out of range"))
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let hex = self
            .bytes
            .get(self.pos..self.pos + 4)
            .and_then(|h| std::str::from_utf8(h).ok());
        let code = hex
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or_else(|| self.error("invalid \\u escape"))?;
        self.pos += 4;
        Ok(code)
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.pos += 1; // the opening quote
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error("unterminated string"));
            };
            match b {
                b'"' => {
                    self.pos += 1;
                    // The input is a &str, and escapes push whole UTF-8 sequences: always valid.
                    return String::from_utf8(out).map_err(|_| self.error("invalid text"));
                }
                b'\\' => {
                    self.pos += 1;
                    let escaped = self
                        .peek()
                        .ok_or_else(|| self.error("unterminated string"))?;
                    self.pos += 1;
                    let c = match escaped {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let high = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&high) {
                                if !self.bytes[self.pos..].starts_with(b"\\u") {
                                    return Err(self.error("unpaired surrogate in \\u escape"));
                                }
                                self.pos += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.error("unpaired surrogate in \\u escape"));
                                }
                                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                high
                            };
                            char::from_u32(code)
                                .ok_or_else(|| self.error("unpaired surrogate in \\u escape"))?
                        }
                        _ => {
                            self.pos -= 1;
                            return Err(self.error("invalid escape in a string"));
                        }
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0x00..=0x1F => return Err(self.error("control character in a string")),
                _ => {
                    out.push(b);
                    self.pos += 1;
                }
            }
        }
    }
}

/// Appends `text` as a JSON string.
pub fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Also U+2028/U+2029, so the text is safe inside a <script> as well.
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let n = c as u32;
                out.push_str("\\u");
                for shift in [12, 8, 4, 0] {
                    out.push(HEX[((n >> shift) & 15) as usize] as char);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends a number (shortest round trip), or `null` for NaN and infinities.
pub fn write_number(out: &mut String, v: f64) {
    if v.is_finite() {
        out.push_str(&crate::decimal::plain(v));
    } else {
        out.push_str("null");
    }
}

/// A JSON object being written: `{"a":1,"b":"x"}`, members in the order they are added.
pub struct ObjectWriter<'a> {
    out: &'a mut String,
    empty: bool,
}

impl<'a> ObjectWriter<'a> {
    pub fn new(out: &'a mut String) -> Self {
        out.push('{');
        ObjectWriter { out, empty: true }
    }

    /// Starts a member; the caller appends its value to the returned text.
    pub fn key(&mut self, key: &str) -> &mut String {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        write_string(self.out, key);
        self.out.push(':');
        self.out
    }

    pub fn string(&mut self, key: &str, value: &str) -> &mut Self {
        write_string(self.key(key), value);
        self
    }

    pub fn number(&mut self, key: &str, value: f64) -> &mut Self {
        write_number(self.key(key), value);
        self
    }

    pub fn opt_number(&mut self, key: &str, value: Option<f64>) -> &mut Self {
        write_number(self.key(key), value.unwrap_or(f64::NAN));
        self
    }

    pub fn opt_string(&mut self, key: &str, value: Option<&str>) -> &mut Self {
        match value {
            Some(v) => write_string(self.key(key), v),
            None => self.key(key).push_str("null"),
        }
        self
    }

    /// A member whose value is already JSON text.
    pub fn raw(&mut self, key: &str, json: &str) -> &mut Self {
        self.key(key).push_str(json);
        self
    }

    pub fn end(self) {
        self.out.push('}');
    }
}

/// Key–text pairs as one JSON object, in their own order.
pub fn text_object<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> String {
    let mut out = String::new();
    let mut o = ObjectWriter::new(&mut out);
    for (k, v) in pairs {
        o.string(k.as_ref(), v.as_ref());
    }
    o.end();
    out
}

/// A JSON array of the items, each written by `write`.
pub fn array<T>(
    items: impl IntoIterator<Item = T>,
    mut write: impl FnMut(&mut String, T),
) -> String {
    let mut out = String::from("[");
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write(&mut out, item);
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_grammar() {
        let v = parse(
            r#" {"a": [1, -2.5e3, 0.125, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00"} "#,
        )
        .unwrap();
        let Value::Object(m) = v else { panic!() };
        assert_eq!(
            m[0].1,
            Value::Array(vec![
                Value::Number(1.0),
                Value::Number(-2500.0),
                Value::Number(0.125),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null,
            ])
        );
        assert_eq!(m[1].1, Value::String("x\"\\/\né😀".into()));
    }

    #[test]
    fn errors_say_where() {
        let cases: &[(&str, usize, usize, &str)] = &[
            ("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expected ',' or '}'"),
            ("", 1, 1, "unexpected end of the document"),
            ("[1,]", 1, 4, "unexpected character"),
            ("{\"a\": 01}", 1, 8, "expected ',' or '}'"),
            ("{\"a\": 1e999}", 1, 7, "number out of range"),
            ("\"\\x\"", 1, 3, "invalid escape in a string"),
            ("\"\\ud800\"", 1, 8, "unpaired surrogate in \\u escape"),
            (
                "{\"a\": 1, \"a\": 2}",
                1,
                10,
                "a key appears twice in the same object",
            ),
            ("{} x", 1, 4, "trailing characters after the document"),
            ("\"é\u{1}\"", 1, 3, "control character in a string"),
            ("-", 1, 2, "invalid number"),
            ("1.", 1, 3, "invalid number"),
            ("tru", 1, 1, "unexpected character"),
        ];
        for (text, line, column, message) in cases {
            let e = parse(text).unwrap_err();
            assert_eq!(
                (e.line, e.column, e.message),
                (*line, *column, *message),
                "{text:?}"
            );
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().message, "nested too deeply");
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn written_json_reads_back_the_same() {
        let mut out = String::new();
        let mut o = ObjectWriter::new(&mut out);
        o.string(
            "text",
            "quote \" backslash \\ line\n\u{1} \u{2028} <script> العربية",
        )
        .number("n", 1.032)
        .opt_number("none", None)
        .number("nan", f64::NAN)
        .opt_string("s", None)
        .raw("list", &array([1.5, 2.0], write_number));
        o.end();
        assert!(!out.contains('\u{2028}'));
        let Ok(Value::Object(members)) = parse(&out) else {
            panic!("{out}")
        };
        assert_eq!(
            members[0],
            (
                "text".to_string(),
                Value::String(
                    "quote \" backslash \\ line\n\u{1} \u{2028} <script> العربية".to_string()
                )
            )
        );
        assert_eq!(members[1].1, Value::Number(1.032));
        assert_eq!(members[2].1, Value::Null);
        assert_eq!(members[3].1, Value::Null);
        assert_eq!(
            members[5].1,
            Value::Array(vec![Value::Number(1.5), Value::Number(2.0)])
        );
        assert_eq!(
            text_object(&[("a", "x"), ("b", "y")]),
            r#"{"a":"x","b":"y"}"#
        );
    }
}
