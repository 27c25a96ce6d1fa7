//! Text taken from a file, made safe to show in a message: short, with
//! invisible and direction-changing characters shown as visible codes, and
//! isolated so a right-to-left name cannot reorder the sentence around it.

/// Most characters of one quoted value shown in a message.
pub const QUOTE_CHARS: usize = 60;
/// Most names listed in one message.
pub const NAMES_SHOWN: usize = 10;
/// Most characters of a message taken from a parser (which may quote the file).
pub const MESSAGE_CHARS: usize = 240;

/// Unicode "first strong isolate" and "pop directional isolate": the plain
/// text equivalent of `<bdi>`.
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// Characters that are invisible or change text direction.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00ad}' | '\u{034f}' | '\u{061c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}'
            | '\u{17b5}' | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' | '\u{ffa0}' | '\u{fff0}'..='\u{fffb}'
            | '\u{e0000}'..='\u{e007f}')
}

/// `text` with each invisible or direction-changing character written as
/// `⟨U+202E⟩`, cut to `max` characters (then `…`).
pub fn visible(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (shown, c) in text.chars().enumerate() {
        if shown >= max {
            out.push('…');
            break;
        }
        if is_hidden(c) {
            out.push_str(&format!("⟨U+{:04X}⟩", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// A user's name for something (an assessment, a bank's title) for a
/// sentence, in quotation marks: visible, at most [`QUOTE_CHARS`]
/// characters, and isolated so it cannot reorder the sentence.
pub fn named(text: &str) -> String {
    format!("\"{FSI}{}{PDI}\"", visible(text, QUOTE_CHARS))
}

/// A value from a file for a sentence, in backticks: visible, at most
/// [`QUOTE_CHARS`] characters, and isolated from the text around it.
pub fn quoted(text: &str) -> String {
    format!("{FSI}`{}`{PDI}", visible(text, QUOTE_CHARS))
}

/// A message from a parser, which may quote the file: visible and at most
/// [`MESSAGE_CHARS`] characters.
pub fn message(text: &str) -> String {
    visible(text, MESSAGE_CHARS)
}

/// "a, b, c and 4,990 more": at most [`NAMES_SHOWN`] names, each quoted.
pub fn some_names(names: &[String]) -> String {
    let shown = names.iter().take(NAMES_SHOWN).map(|n| quoted(n)).collect();
    and_more(shown, names.len())
}

/// "a, b, c and 4,990 more": at most [`NAMES_SHOWN`] names, as given.
pub fn first_names(names: &[String]) -> String {
    first_n_names(names, NAMES_SHOWN)
}

/// "a, b, c and 4,990 more": at most `most` names, as given.
pub fn first_n_names(names: &[String], most: usize) -> String {
    let shown = names.iter().take(most).cloned().collect();
    and_more(shown, names.len())
}

fn and_more(shown: Vec<String>, total: usize) -> String {
    match total.saturating_sub(shown.len()) {
        0 => shown.join(", "),
        more => format!("{} and {} more", shown.join(", "), thousands(more)),
    }
}

/// "1 question" or "3 questions".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// 4990 → "4,990".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Most characters of a download's name taken from the user's text.
pub const FILE_STEM_CHARS: usize = 60;

/// A download name safe on every OS: the user's `stem` (letters, digits, `-`
/// and `_`; anything else becomes `-`; at most [`FILE_STEM_CHARS`]), then
/// the `suffix` that says what the file is, kept whole, then `.extension`.
pub fn file_name(stem: &str, suffix: &str, extension: &str) -> String {
    let mut clean = String::new();
    for c in stem.chars() {
        let c = if c.is_alphanumeric() || c == '_' {
            c
        } else {
            '-'
        };
        if !(c == '-' && (clean.is_empty() || clean.ends_with('-'))) {
            clean.push(c);
        }
    }
    let clean: String = clean.chars().take(FILE_STEM_CHARS).collect();
    let mut clean = clean.trim_end_matches('-').to_owned();
    if clean.is_empty() {
        clean = "assessment".to_owned();
    }
    // Names Windows keeps for devices, whatever the extension.
    let device = clean.to_ascii_uppercase();
    let reserved = matches!(device.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((device.starts_with("COM") || device.starts_with("LPT"))
            && device.len() == 4
            && device.as_bytes()[3].is_ascii_digit());
    if reserved {
        clean = format!("file-{clean}");
    }
    if suffix.is_empty() {
        format!("{clean}.{extension}")
    } else {
        format!("{clean}-{suffix}.{extension}")
    }
}

/// `v` rounded to a whole number ("88"), halves to even as `{:.0}` does.
/// Integer formatting instead of the float formatter keeps about 10 KB of
/// float-printing code out of the Wasm.
pub fn whole(v: f64) -> String {
    (v.round_ties_even() as i64).to_string()
}

/// `v` to one decimal place ("2.5", "-0.3", "12.0"), halves to even.
pub fn tenths(v: f64) -> String {
    let t = (v * 10.0).round_ties_even() as i64;
    let sign = if t < 0 { "-" } else { "" };
    let t = t.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}

/// A percentage as shown everywhere: `whole(v)` and `%` ("88%").
pub fn percent(v: f64) -> String {
    format!("{}%", whole(v))
}

#[cfg(test)]
mod number_tests {
    use super::*;

    #[test]
    fn numbers_read_as_the_float_formatter_would_write_them() {
        for v in [
            0.0, 0.4, 0.5, 1.5, 2.5, 62.5, 87.5, 99.96, 100.0, -3.25, -7.5, 1234.56,
        ] {
            assert_eq!(whole(v), format!("{v:.0}"), "{v}");
            assert_eq!(tenths(v), format!("{v:.1}"), "{v}");
        }
        assert_eq!(percent(87.5), "88%");
        // Unlike the formatter, never a "-0".
        assert_eq!(whole(-0.5), "0");
        assert_eq!(tenths(-0.04), "0.0");
    }
}
