//! Reads the `revision` of a stored assessment document without a JSON
//! library: every save checks it (storage never overwrites a newer copy),
//! and serde_json's reader is 10 KB of the first load that nothing else at
//! start needs. It walks the whole text by JSON's grammar, so it accepts
//! exactly what a JSON reader taking an object with an optional whole
//! `revision` would: anything else, truncated or corrupted, is `None`.

/// Deepest nesting read, as serde_json's own limit.
const MAX_DEPTH: usize = 128;

/// The top-level `revision` of `text` (0 when absent), or `None` when
/// `text` is not one JSON object whose `revision`, if present, is a whole
/// number that fits in 64 bits and is given once.
pub fn revision_of(text: &str) -> Option<u64> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        at: 0,
    };
    p.ws();
    p.eat(b'{')?;
    let mut revision = None;
    p.ws();
    if p.peek() == Some(b'}') {
        p.at += 1;
    } else {
        loop {
            p.ws();
            let key = p.string()?;
            p.ws();
            p.eat(b':')?;
            p.ws();
            if key == "revision" {
                if revision.is_some() {
                    return None;
                }
                revision = Some(p.whole()?);
            } else {
                p.value(1)?;
            }
            p.ws();
            match p.next()? {
                b',' => continue,
                b'}' => break,
                _ => return None,
            }
        }
    }
    p.ws();
    (p.at == p.bytes.len()).then_some(revision.unwrap_or(0))
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        (self.next()? == b).then_some(())
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'"' => self.string().map(drop),
            b'{' => self.container(depth, b'}', true),
            b'[' => self.container(depth, b']', false),
            b't' => self.word(b"true"),
            b'f' => self.word(b"false"),
            b'n' => self.word(b"null"),
            _ => self.number(),
        }
    }

    /// An object (`keyed`) or an array, its opening bracket next.
    fn container(&mut self, depth: usize, close: u8, keyed: bool) -> Option<()> {
        self.at += 1;
        self.ws();
        if self.peek() == Some(close) {
            self.at += 1;
            return Some(());
        }
        loop {
            self.ws();
            if keyed {
                self.string()?;
                self.ws();
                self.eat(b':')?;
                self.ws();
            }
            self.value(depth + 1)?;
            self.ws();
            match self.next()? {
                b',' => continue,
                b if b == close => return Some(()),
                _ => return None,
            }
        }
    }

    fn word(&mut self, word: &[u8]) -> Option<()> {
        let end = self.at.checked_add(word.len())?;
        (self.bytes.get(self.at..end)? == word).then(|| self.at = end)
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    /// A JSON number, checked and skipped.
    fn number(&mut self) -> Option<()> {
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let first = self.peek()?;
        let n = self.digits();
        if n == 0 || (first == b'0' && n > 1) {
            return None;
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return None;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return None;
            }
        }
        Some(())
    }

    /// A whole number without sign, fraction or exponent that fits in u64.
    fn whole(&mut self) -> Option<u64> {
        let start = self.at;
        let n = self.digits();
        let text = std::str::from_utf8(self.bytes.get(start..self.at)?).ok()?;
        if n == 0 || (n > 1 && text.starts_with('0')) {
            return None;
        }
        if matches!(self.peek(), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        text.parse().ok()
    }

    /// A string, its quote next, decoded.
    fn string(&mut self) -> Option<String> {
        self.eat(b'"')?;
        let mut out = String::new();
        loop {
            let start = self.at;
            while !matches!(self.peek()?, b'"' | b'\\' | 0..=0x1f) {
                self.at += 1;
            }
            out.push_str(std::str::from_utf8(self.bytes.get(start..self.at)?).ok()?);
            match self.next()? {
                b'"' => return Some(out),
                b'\\' => {}
                _ => return None,
            }
            let c = match self.next()? {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => self.escaped()?,
                _ => return None,
            };
            out.push(c);
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let end = self.at.checked_add(4)?;
        let text = std::str::from_utf8(self.bytes.get(self.at..end)?).ok()?;
        if !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.at = end;
        u32::from_str_radix(text, 16).ok()
    }

    /// The character of a `\u` escape (its `\u` read), pairing surrogates;
    /// a lone surrogate is refused.
    fn escaped(&mut self) -> Option<char> {
        let first = self.hex4()?;
        match first {
            0xD800..=0xDBFF => {
                self.eat(b'\\')?;
                self.eat(b'u')?;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return None;
                }
                char::from_u32(0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00))
            }
            0xDC00..=0xDFFF => None,
            c => char::from_u32(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::revision_of;

    #[test]
    fn reads_the_revision_of_a_document() {
        assert_eq!(
            revision_of(r#"{"a": [1, {"b": null}], "revision": 17}"#),
            Some(17)
        );
        assert_eq!(revision_of("{\n\"revision\":0\n}\n"), Some(0));
        assert_eq!(revision_of(r#"{"name": "x"}"#), Some(0));
        assert_eq!(revision_of("{}"), Some(0));
        assert_eq!(
            revision_of(r#"{"revision": 18446744073709551615}"#),
            Some(u64::MAX)
        );
        // Escaped, the key is still `revision`.
        assert_eq!(revision_of(r#"{"revi\u0073ion": 3}"#), Some(3));
        // Nested ones are not the document's.
        assert_eq!(
            revision_of(r#"{"x": {"revision": 9}, "revision": 2}"#),
            Some(2)
        );
    }

    #[test]
    fn anything_else_is_unreadable() {
        for bad in [
            "",
            "[]",
            r#"{"revision": 1"#,
            r#"{"revision": 1,}"#,
            r#"{"revision": -1}"#,
            r#"{"revision": 1.0}"#,
            r#"{"revision": 1e3}"#,
            r#"{"revision": 01}"#,
            r#"{"revision": "1"}"#,
            r#"{"revision": 18446744073709551616}"#,
            r#"{"revision": 1, "revision": 2}"#,
            r#"{"a": tru}"#,
            r#"{"a": "\ud800"}"#,
            "{\"a\": \"tab\there\"}",
            r#"{"a": 1} x"#,
            r#"{"a": -}"#,
            r#"{"a": [1 2]}"#,
        ] {
            assert_eq!(revision_of(bad), None, "{bad}");
        }
        let deep = format!("{{\"a\": {}{}}}", "[".repeat(200), "]".repeat(200));
        assert_eq!(revision_of(&deep), None);
    }
}
