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
    let shown: Vec<String> = names.iter().take(NAMES_SHOWN).map(|n| quoted(n)).collect();
    match names.len().saturating_sub(NAMES_SHOWN) {
        0 => shown.join(", "),
        more => format!("{} and {} more", shown.join(", "), thousands(more)),
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
