//! Reads the built-in bank's core as `build.rs` writes it: lines of
//! tab-separated fields, list items separated by U+001F. A few lines of
//! code instead of serde's bank reader keeps the JSON reader for banks out
//! of the main Wasm module (the full bank and custom banks are read behind
//! the split). Only this app's own build writes this format, but it is
//! still read without a panic: anything unexpected is a [`BankError`].

use super::{
    Bank, BankError, Condition, DatedEvidence, Effort, EvidenceItem, Question, Remediation,
    Retired, Role, invalid,
};
use crate::core::cadence::Frequency;
use crate::core::catalog::{Category, Criterion, Series};

const HEADER: &str = "soc2-readiness-core 1";
const ITEM: char = '\u{1f}';
/// What a long text shows until the full bank arrives (as in `build.rs`).
const PENDING: &str = "…";

/// The fields of one line, taken in order.
struct Fields<'a> {
    kind: &'a str,
    line: usize,
    parts: std::str::Split<'a, char>,
}

impl<'a> Fields<'a> {
    fn place(&self) -> String {
        format!("compact core, line {} ({})", self.line, self.kind)
    }

    fn text(&mut self) -> Result<&'a str, BankError> {
        let place = self.place();
        self.parts
            .next()
            .ok_or_else(|| invalid(place, "a field is missing"))
    }

    fn owned(&mut self) -> Result<String, BankError> {
        self.text().map(str::to_owned)
    }

    fn optional(&mut self) -> Result<Option<String>, BankError> {
        self.text().map(|t| (!t.is_empty()).then(|| t.to_owned()))
    }

    fn list(&mut self) -> Result<Vec<String>, BankError> {
        self.text().map(|t| {
            if t.is_empty() {
                Vec::new()
            } else {
                t.split(ITEM).map(str::to_owned).collect()
            }
        })
    }

    fn flag(&mut self) -> Result<bool, BankError> {
        match self.text()? {
            "1" => Ok(true),
            "0" | "" => Ok(false),
            other => Err(invalid(self.place(), format!("`{other}` is not 0 or 1"))),
        }
    }

    fn number<T: std::str::FromStr>(&mut self) -> Result<T, BankError> {
        let text = self.text()?;
        text.parse()
            .map_err(|_| invalid(self.place(), format!("`{text}` is not a number")))
    }

    fn named<T>(&mut self, what: &str, of: impl Fn(&str) -> Option<T>) -> Result<T, BankError> {
        let text = self.text()?;
        of(text).ok_or_else(|| invalid(self.place(), format!("unknown {what} `{text}`")))
    }
}

fn effort(id: &str) -> Option<Effort> {
    [Effort::Hours, Effort::Days, Effort::Weeks, Effort::Months]
        .into_iter()
        .find(|e| e.label() == id)
}

fn role(id: &str) -> Option<Role> {
    [Role::Description, Role::Assertion, Role::Disclosure]
        .into_iter()
        .find(|r| r.id() == id)
}

fn frequency(id: &str) -> Option<Frequency> {
    Frequency::ALL.into_iter().find(|f| f.id() == id)
}

/// The evidence field: `count:` then each item's validity in months (or
/// nothing), separated by U+001F; the texts are stand-ins.
fn evidence(fields: &mut Fields) -> Result<Vec<EvidenceItem>, BankError> {
    let text = fields.text()?;
    let place = fields.place();
    let (count, months) = text
        .split_once(':')
        .ok_or_else(|| invalid(place.clone(), "the evidence field has no count"))?;
    let count: usize = count
        .parse()
        .map_err(|_| invalid(place.clone(), "the evidence count is not a number"))?;
    let months: Vec<&str> = if count == 0 {
        Vec::new()
    } else {
        months.split(ITEM).collect()
    };
    if months.len() != count {
        return Err(invalid(place, "the evidence count does not match"));
    }
    months
        .into_iter()
        .enumerate()
        .map(|(ix, m)| {
            let text = format!("Evidence item {}", ix + 1);
            if m.is_empty() {
                return Ok(EvidenceItem::Text(text));
            }
            m.parse()
                .map(|valid_months| EvidenceItem::Dated(DatedEvidence { text, valid_months }))
                .map_err(|_| invalid(place.clone(), "an evidence validity is not a number"))
        })
        .collect()
}

fn question(f: &mut Fields) -> Result<Question, BankError> {
    let id = f.owned()?;
    let text = f.owned()?;
    let criteria = f.list()?;
    let weight = f.number()?;
    let key = f.flag()?;
    let quick = f.flag()?;
    let automated = f.flag()?;
    let applies_if = f.optional()?;
    let follows = f.optional()?;
    let frequency = match f.text()? {
        "" => None,
        id => Some(frequency(id).ok_or_else(|| invalid(f.place(), "unknown frequency"))?),
    };
    let evidence_items = evidence(f)?;
    let effort = f.named("effort", effort)?;
    let steps: usize = f.number()?;
    let short = f.optional()?;
    let risk = f.optional()?;
    let also_decides = f.list()?;
    let role = match f.text()? {
        "" => None,
        id => Some(role(id).ok_or_else(|| invalid(f.place(), "unknown role"))?),
    };
    let key_reason = f.flag()?.then(|| PENDING.to_owned());
    Ok(Question {
        id,
        text,
        guidance: PENDING.to_owned(),
        criteria,
        weight,
        key,
        key_reason,
        applies_if,
        follows,
        evidence_items,
        frequency,
        evidence: Vec::new(),
        evidence_valid_months: Vec::new(),
        remediation: Remediation {
            steps: vec![PENDING.to_owned(); steps],
            effort,
        },
        type2_proof: PENDING.to_owned(),
        quick,
        short,
        automated,
        risk,
        also_decides,
        role,
        criterion_ix: Vec::new(),
        category: Category::Security,
        follows_ix: None,
        also_decides_ix: Vec::new(),
    })
}

impl Bank {
    /// Reads the compact core (see the module) and checks it as a bank.
    pub fn from_compact(text: &str) -> Result<Bank, BankError> {
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Err(BankError::WrongFormat);
        }
        let (mut head, mut series, mut criteria, mut questions) = (None, vec![], vec![], vec![]);
        let (mut conditions, mut retired) = (vec![], vec![]);
        for (ix, line) in lines.enumerate() {
            let mut parts = line.split('\t');
            let kind = parts.next().unwrap_or_default();
            let mut f = Fields {
                kind,
                line: ix + 2,
                parts,
            };
            match kind {
                "B" => {
                    let id = f.owned()?;
                    let version = f.owned()?;
                    let title = f.owned()?;
                    let format_version: u64 = f.number()?;
                    head = Some((id, version, title, format_version));
                }
                "S" => {
                    let id = f.owned()?;
                    let category = f.named("category", Category::from_id)?;
                    let name = f.owned()?;
                    series.push(Series { id, category, name });
                }
                "C" => criteria.push(Criterion {
                    id: f.owned()?,
                    series: f.owned()?,
                    topic: f.owned()?,
                    name: f.optional()?,
                    one_question_reason: f.optional()?,
                }),
                "Q" => questions.push(question(&mut f)?),
                "D" => conditions.push(Condition {
                    id: f.owned()?,
                    text: f.owned()?,
                    not_applicable: f.owned()?,
                }),
                "R" => retired.push(Retired {
                    id: f.owned()?,
                    successors: f.list()?,
                    reason: f.owned()?,
                }),
                other => return Err(invalid(f.place(), format!("unknown line kind `{other}`"))),
            }
            if f.parts.next().is_some() {
                return Err(invalid(f.place(), "a line has more fields than its kind"));
            }
        }
        let (id, version, title, format_version) =
            head.ok_or_else(|| invalid("compact core", "the bank line is missing"))?;
        let mut bank = Bank::build(id, version, title, series, criteria, questions)?;
        bank.conditions = conditions;
        bank.retired = retired;
        bank.index_format2();
        if format_version >= 2 {
            bank.check_format2()?;
        }
        Ok(bank)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CORE_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/soc2-bank.core.txt"));
    const CORE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/soc2-bank.core.json"));

    #[test]
    fn the_compact_core_reads_to_the_same_bank_as_its_json() {
        let compact = Bank::from_compact(CORE_TEXT).expect("the compact core reads");
        let json = Bank::from_json(CORE_JSON).expect("the JSON core reads");
        assert_eq!(compact, json);
        // And it asks what the full bank asks.
        let full = crate::core::builtin_bank().expect("the full bank");
        assert!(compact.same_questions(&full));
    }

    #[test]
    fn a_broken_core_is_an_error_not_a_panic() {
        let mut lines: Vec<&str> = CORE_TEXT.lines().collect();
        assert!(matches!(
            Bank::from_compact("not a core"),
            Err(BankError::WrongFormat)
        ));
        let q = lines
            .iter()
            .position(|l| l.starts_with("Q\t"))
            .expect("a question");
        let cut: String = lines[q].split('\t').take(5).collect::<Vec<_>>().join("\t");
        lines[q] = &cut;
        let err = Bank::from_compact(&lines.join("\n")).unwrap_err();
        assert!(err.to_string().contains("a field is missing"), "{err}");
        for bad in ["Q\tx\ty\tCC1.1\tnine", "Z\tx", "B\ta\tb\tc\td"] {
            let text = format!("{HEADER}\n{bad}");
            assert!(Bank::from_compact(&text).is_err(), "{bad}");
        }
        // A question whose criterion does not exist is refused by the
        // same checks as any bank.
        let mut lines: Vec<String> = CORE_TEXT.lines().map(str::to_owned).collect();
        let q = lines
            .iter()
            .position(|l| l.starts_with("Q\t"))
            .expect("a question");
        let mut fields: Vec<String> = lines[q].split('\t').map(str::to_owned).collect();
        fields[3] = "ZZ9.9".into();
        lines[q] = fields.join("\t");
        assert!(Bank::from_compact(&lines.join("\n")).is_err());
    }
}
