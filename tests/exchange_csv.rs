//! CSV exports as a spreadsheet reads them: UTF-8 detected, every cell in
//! its own column whatever it holds, and nothing run as a formula.

use proptest::prelude::*;
use soc2_readiness::core::exchange::csv::{CSV_MIME, to_csv};

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

/// Reads RFC 4180 CSV the way a spreadsheet does (after the BOM).
fn read(csv: &str) -> Vec<Vec<String>> {
    let body = csv.strip_prefix('\u{feff}').expect("starts with a BOM");
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = body.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => {
                assert!(
                    c != '\n' && c != '\r' && c != '"',
                    "unquoted {c:?} in {body:?}"
                );
                cell.push(c);
            }
        }
    }
    assert!(
        !quoted && cell.is_empty() && row.is_empty(),
        "the last record ends with CRLF"
    );
    rows
}

#[test]
fn the_file_starts_with_a_bom_and_ends_every_line_with_crlf() {
    let csv = to_csv(
        &["Question", "Status"],
        &[row(&["MFA", "Missing"]), row(&["Backups", "Partly"])],
    );
    assert_eq!(
        csv,
        "\u{feff}Question,Status\r\nMFA,Missing\r\nBackups,Partly\r\n"
    );
    assert!(CSV_MIME.contains("utf-8"));
}

#[test]
fn a_header_without_rows_is_still_a_table() {
    assert_eq!(to_csv(&["A", "B"], &[]), "\u{feff}A,B\r\n");
}

#[test]
fn commas_quotes_and_line_breaks_stay_inside_their_cell() {
    let cells = row(&[
        "Acme, Inc.",
        "She said \"done\"",
        "line one\nline two",
        "windows\r\nbreak",
        "a;b",
        "plain",
    ]);
    let csv = to_csv(
        &["a", "b", "c", "d", "e", "f"],
        std::slice::from_ref(&cells),
    );
    assert!(csv.contains("\"Acme, Inc.\""));
    assert!(csv.contains("\"She said \"\"done\"\"\""));
    assert!(csv.contains("\"line one\nline two\""));
    assert!(csv.contains("\"a;b\""), "semicolon locales split on `;`");
    assert!(csv.contains(",plain\r\n"), "plain cells are not quoted");
    assert_eq!(read(&csv)[1], cells);
}

#[test]
fn cells_a_spreadsheet_would_run_as_formulas_are_shown_as_text() {
    for dangerous in [
        "=HYPERLINK(\"http://evil\",\"x\")",
        "+1+1",
        "-2+3",
        "@SUM(A1:A2)",
        "\tindented",
        "\rcarriage",
        "＝1+1",
        "＋1",
        "－1",
        "＠SUM(A1)",
    ] {
        let csv = to_csv(&["note"], &[row(&[dangerous])]);
        let cell = &read(&csv)[1][0];
        assert_eq!(cell, &format!("'{dangerous}"), "{dangerous:?}");
    }
}

#[test]
fn a_formula_after_a_separator_inside_a_cell_is_neutralised_too() {
    for (written, shown) in [
        ("x;=1+1;y", "x;'=1+1;y"),
        ("a,+SUM(A1)", "a,'+SUM(A1)"),
        ("note\n=cmd|' /C calc'!A0", "note\n'=cmd|' /C calc'!A0"),
        ("a\r\n@SUM(1)", "a\r\n'@SUM(1)"),
        ("a\t-2", "a\t'-2"),
        ("\0=1+1", "'\0=1+1"),
        // Past quotes and spaces after a separator (the review's L5).
        ("x;\"=1+1", "x;\"'=1+1"),
        ("x; =1+1", "x; '=1+1"),
        ("x; \" \"=HYPERLINK(1)", "x; \" \"'=HYPERLINK(1)"),
    ] {
        let csv = to_csv(&["note"], &[row(&[written])]);
        assert_eq!(read(&csv)[1][0], shown, "{written:?}");
    }
    // A tab is quoted, so a tab-separated reader keeps the cell whole.
    assert!(to_csv(&["n"], &[row(&["a\tb"])]).contains("\"a\tb\""));
}

#[test]
fn formula_characters_inside_a_cell_are_left_alone() {
    let csv = to_csv(
        &["note"],
        &[row(&["a=b", "x-1", "mail@example.com", " =1"])],
    );
    assert_eq!(
        read(&csv)[1],
        row(&["a=b", "x-1", "mail@example.com", " =1"])
    );
}

#[test]
fn a_neutralised_cell_that_needs_quotes_gets_both() {
    let csv = to_csv(&["note"], &[row(&["=1,2"])]);
    assert!(csv.contains("\"'=1,2\""), "{csv}");
    assert_eq!(read(&csv)[1], row(&["'=1,2"]));
}

#[test]
fn the_header_is_written_by_the_same_rules() {
    let csv = to_csv(&["=Owner", "Due, date"], &[]);
    assert_eq!(read(&csv)[0], row(&["'=Owner", "Due, date"]));
}

#[test]
fn unicode_is_written_as_utf8() {
    let csv = to_csv(&["Owner"], &[row(&["Dana Ríos 中文 😀"])]);
    assert_eq!(read(&csv)[1], row(&["Dana Ríos 中文 😀"]));
}

/// The documented rule, written out plainly: a `'` before a formula
/// character at the start or after `;`, `,`, tab, CR or LF (past any quotes
/// and spaces), and before a leading NUL.
fn neutralised(cell: &str) -> String {
    let formula = [
        '=', '+', '-', '@', '\t', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
    ];
    let mut out = String::new();
    let mut first = true;
    // At the cell's start, or after a separator and any quotes or spaces.
    let mut start = true;
    for c in cell.chars() {
        if start && (formula.contains(&c) || (first && c == '\0')) {
            out.push('\'');
        }
        out.push(c);
        start = [';', ',', '\t', '\r', '\n'].contains(&c)
            || (start && !first && (c == '"' || c == ' '));
        first = false;
    }
    out
}

proptest! {
    #[test]
    fn every_cell_reads_back_as_written_or_neutralised(
        rows in proptest::collection::vec(
            proptest::collection::vec("[a-z \"',;=+@\t\r\n\u{ff1d}-]{0,8}|.{0,8}", 3),
            0..6,
        )
    ) {
        let csv = to_csv(&["a", "b", "c"], &rows);
        let read = read(&csv);
        prop_assert_eq!(read.len(), rows.len() + 1);
        for (written, got) in rows.iter().zip(&read[1..]) {
            for (w, g) in written.iter().zip(got) {
                prop_assert_eq!(g, &neutralised(w));
            }
        }
    }
}
