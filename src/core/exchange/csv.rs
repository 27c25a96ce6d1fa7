//! CSV tables (the gap list, the roadmap) that open cleanly in Excel,
//! LibreOffice and Google Sheets.
//!
//! The caller turns its rows into strings, so this module knows nothing about
//! what the table holds. The output is:
//! - UTF-8 with a byte order mark, so Excel does not read it as ANSI;
//! - RFC 4180: comma separated, CRLF line ends, a cell containing a quote,
//!   comma, semicolon or line break enclosed in double quotes with inner
//!   quotes doubled;
//! - safe to open: wherever a spreadsheet could start a cell (the start, and
//!   after a `;`, `,`, tab or line break inside the cell, which a
//!   semicolon-locale Excel or a paste splits on), a formula character (`=`,
//!   `+`, `-`, `@`, a tab or a carriage return, or their full-width forms)
//!   gets a `'` before it, and so does a leading NUL: it shows as text and is
//!   never executed. A negative number therefore shows as text, such as
//!   `'-5`. Cells with a tab are quoted too.
//!
//! Hand-written rather than the `csv` crate: the rules above are the whole of
//! it, and the Wasm bundle stays smaller.

/// MIME type for a download of [`to_csv`] output.
pub const CSV_MIME: &str = "text/csv;charset=utf-8";

/// Writes a header line and the rows. Rows are written as given: each should
/// have as many cells as the header.
pub fn to_csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::from('\u{feff}');
    write_record(&mut out, header.iter().copied());
    for row in rows {
        write_record(&mut out, row.iter().map(String::as_str));
    }
    out
}

fn write_record<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_cell(out, cell);
    }
    out.push_str("\r\n");
}

fn write_cell(out: &mut String, cell: &str) {
    let cell = neutralise(cell);
    if cell.contains(['"', ',', ';', '\t', '\n', '\r']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&cell);
    }
}

/// The cell with a `'` before every place a spreadsheet could start a
/// formula: the start, and after a `;`, `,`, tab or line break, past any
/// quotes and spaces (a
/// semicolon-locale Excel, or a paste, splits there), or a leading NUL
/// (which some readers drop, leaving what follows at the start).
fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let mut out = String::new();
    let mut changed = false;
    let mut at_start = true;
    for (i, c) in cell.char_indices() {
        if at_start && (starts_formula(c) || (i == 0 && c == '\0')) {
            out.push('\'');
            changed = true;
        }
        out.push(c);
        // After a separator, quotes and spaces do not end the field's start:
        // Excel reads `; "=1+1` or `; =1+1` as a formula too.
        at_start = matches!(c, ';' | ',' | '\t' | '\r' | '\n')
            || (at_start && i > 0 && matches!(c, '"' | ' '));
    }
    if changed { out.into() } else { cell.into() }
}

/// Whether a spreadsheet reads a cell starting with this as a formula.
fn starts_formula(c: char) -> bool {
    matches!(
        c,
        '=' | '+' | '-' | '@' | '\t' | '\r' | '\u{ff1d}' | '\u{ff0b}' | '\u{ff0d}' | '\u{ff20}'
    )
}
