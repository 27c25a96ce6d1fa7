//! Strategies for arbitrary assessments over the mini bank, shared by the
//! property tests (`#[path = "support/strategies.rs"] mod strategies;`).

// Each test crate uses only some of these.
#![allow(dead_code)]

use proptest::prelude::*;
use soc2_readiness::core::assessment::{
    Answer, BankRef, Period, QuestionPath, ReportType, Scope, ScopeItem,
};
use soc2_readiness::core::commitment::{Commitment, CommitmentKind};
use soc2_readiness::core::description::{DescriptionDraft, Event};
use soc2_readiness::core::vendor::{Csoc, Cuec, Vendor, VendorReport};
use soc2_readiness::core::{Assessment, Bank, Category, Day, Status};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

pub const MINI_BANK: &str = include_str!("../fixtures/mini-bank.json");

pub static BANK: LazyLock<Bank> = LazyLock::new(|| Bank::from_json(MINI_BANK).unwrap());

/// Text users type, weighted towards what breaks naive writers: quotes,
/// backslashes, line breaks, control characters, emoji, right-to-left text.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        ".{0,40}",
        "[\"\\\\\n\r\t ,;=+@'<>&é中😀\u{0}\u{1f}\u{7f}\u{200b}\u{202e}\u{feff}a-z]{0,30}",
    ]
}

pub fn day() -> impl Strategy<Value = Day> {
    (0i32..=9999, 1u8..=12, 1u8..=31)
        .prop_filter_map("a real day", |(y, m, d)| Day::from_ymd(y, m, d))
}

/// RFC 3339 timestamps as the browser writes them (with milliseconds) or
/// with an offset.
pub fn timestamp() -> impl Strategy<Value = String> {
    (0i64..=4_102_444_800, 0u16..1000, -14i8..=14, any::<bool>()).prop_map(
        |(seconds, millis, hours, utc)| {
            let t = time::OffsetDateTime::from_unix_timestamp(seconds).unwrap()
                + time::Duration::milliseconds(i64::from(millis));
            let t = if utc {
                t
            } else {
                t.to_offset(time::UtcOffset::from_hms(hours, 0, 0).unwrap())
            };
            t.format(&time::format_description::well_known::Rfc3339)
                .unwrap()
        },
    )
}

pub fn status() -> impl Strategy<Value = Option<Status>> {
    proptest::option::of(proptest::sample::select(Status::ALL.to_vec()))
}

pub fn answer(evidence_items: usize) -> impl Strategy<Value = Answer> {
    (
        status(),
        (text(), text(), text()),
        proptest::option::of(day()),
        proptest::collection::btree_set(0..evidence_items, 0..=evidence_items),
        any::<bool>(),
        proptest::option::of(day()),
        (
            proptest::collection::btree_set(day(), 0..4),
            (
                proptest::option::of(any::<u32>()),
                proptest::option::of(any::<u32>()),
            ),
            proptest::collection::btree_map(0..evidence_items.max(1), day(), 0..3),
            prop_oneof![Just(String::new()), Just("iso27001-2022".to_owned())],
        ),
    )
        .prop_map(
            move |(
                status,
                (justification, note, owner),
                due,
                evidence,
                review,
                operating_since,
                (runs, (unhandled, population), mut collected, accepted_from),
            )| {
                // Only real evidence positions (a bank may list one item).
                collected.retain(|&ix, _| ix < evidence_items);
                Answer {
                    status,
                    justification,
                    note,
                    owner,
                    due,
                    evidence,
                    review,
                    operating_since,
                    runs,
                    unhandled,
                    population,
                    collected,
                    accepted_from,
                }
            },
        )
}

/// Answers to any subset of the bank's questions (including empty answers).
pub fn answers() -> impl Strategy<Value = BTreeMap<String, Answer>> {
    let per_question: Vec<_> = BANK
        .questions
        .iter()
        .map(|q| {
            (
                Just(q.id.clone()),
                proptest::option::of(answer(q.evidence.len())),
            )
        })
        .collect();
    per_question.prop_map(|list| {
        list.into_iter()
            .filter_map(|(id, answer)| answer.map(|a| (id, a)))
            .collect()
    })
}

pub fn scope() -> impl Strategy<Value = Scope> {
    (
        (text(), text()),
        prop_oneof![Just(ReportType::Type1), Just(ReportType::Type2)],
        proptest::option::of((day(), day()).prop_map(|(start, end)| Period { start, end })),
        proptest::sample::subsequence(Category::ALL.to_vec(), 0..=5),
        proptest::sample::subsequence(ScopeItem::ALL.to_vec(), 0..=5),
        proptest::collection::btree_map(
            prop_oneof![
                Just("own-facilities".to_owned()),
                Just("builds-software".to_owned())
            ],
            any::<bool>(),
            0..=2,
        ),
    )
        .prop_map(
            |((organisation, system), report_type, period, categories, items, conditions)| {
                let mut categories: BTreeSet<Category> = categories.into_iter().collect();
                categories.insert(Category::Security);
                Scope {
                    organisation,
                    system,
                    report_type,
                    period,
                    categories,
                    in_scope: items.into_iter().collect(),
                    conditions,
                }
            },
        )
}

/// A vendor register, commitments and description draft as the app writes
/// them: unique ids, report periods in order, known part names.
pub fn register() -> impl Strategy<Value = (Vec<Vendor>, Vec<Commitment>, DescriptionDraft)> {
    use soc2_readiness::core::assessment::ReportType;
    use soc2_readiness::core::vendor::{ReportKind, Treatment, VendorOpinion};
    let report = (
        prop_oneof![Just(ReportKind::Soc1), Just(ReportKind::Soc2)],
        prop_oneof![Just(ReportType::Type1), Just(ReportType::Type2)],
        day(),
        0i64..400,
        prop_oneof![
            Just(VendorOpinion::Unmodified),
            Just(VendorOpinion::Qualified),
            Just(VendorOpinion::Adverse),
            Just(VendorOpinion::Disclaimer)
        ],
        text(),
        proptest::option::of(day()),
    )
        .prop_map(
            |(kind, report_type, start, len, opinion, exceptions, reviewed)| VendorReport {
                kind,
                report_type,
                start,
                end: start.add_days(len),
                opinion,
                exceptions,
                reviewed,
            },
        );
    let csoc = (
        text(),
        proptest::collection::vec(text(), 0..3),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(text, supports, tested, exception)| Csoc {
            text,
            supports,
            tested,
            exception,
        });
    let cuec = (text(), text()).prop_map(|(text, question)| Cuec { text, question });
    let vendor = (
        (text(), text()),
        prop_oneof![
            Just(Treatment::CarveOut),
            Just(Treatment::Inclusive),
            Just(Treatment::NotSubservice)
        ],
        proptest::collection::vec(report, 0..3),
        proptest::option::of(day()),
        proptest::collection::vec(csoc, 0..3),
        proptest::collection::vec(cuec, 0..2),
    )
        .prop_map(
            |((name, service), treatment, reports, bridge_until, csocs, cuecs)| Vendor {
                id: String::new(),
                name,
                service,
                treatment,
                reports,
                bridge_until,
                csocs,
                cuecs,
            },
        );
    let commitment = (
        prop_oneof![
            Just(CommitmentKind::Availability),
            Just(CommitmentKind::Deletion),
            Just(CommitmentKind::Other)
        ],
        text(),
        proptest::collection::vec(text(), 0..3),
    )
        .prop_map(|(kind, text, supports)| Commitment {
            id: String::new(),
            kind,
            text,
            supports,
        });
    let event = || (day(), text()).prop_map(|(day, summary)| Event { day, summary });
    let draft = (
        proptest::collection::btree_map(
            prop_oneof![
                Just("services".to_owned()),
                Just("boundaries".to_owned()),
                Just("components.data".to_owned())
            ],
            text(),
            0..3,
        ),
        proptest::collection::vec(event(), 0..3),
        proptest::collection::vec(event(), 0..3),
        proptest::collection::vec(text(), 0..3),
        proptest::collection::btree_set(
            prop_oneof![Just("incidents".to_owned()), Just("changes".to_owned())],
            0..2,
        ),
        proptest::option::of(day()),
    )
        .prop_map(
            |(texts, incidents, changes, user_controls, none, reviewed)| DescriptionDraft {
                texts,
                incidents,
                changes,
                user_controls,
                none,
                reviewed,
            },
        );
    (
        proptest::collection::vec(vendor, 0..3),
        proptest::collection::vec(commitment, 0..3),
        draft,
    )
        .prop_map(|(mut vendors, mut commitments, draft)| {
            for (i, v) in vendors.iter_mut().enumerate() {
                v.id = format!("v{}", i + 1);
            }
            for (i, c) in commitments.iter_mut().enumerate() {
                c.id = format!("c{}", i + 1);
            }
            (vendors, commitments, draft)
        })
}

pub fn assessment() -> impl Strategy<Value = Assessment> {
    (
        (text(), text(), text()),
        prop_oneof![Just(QuestionPath::Full), Just(QuestionPath::Quick)],
        scope(),
        answers(),
        (timestamp(), timestamp()),
        // Crosswalk ids are kebab-case and control ids at most 64
        // characters: the importer refuses anything else.
        proptest::collection::btree_map(
            prop_oneof![
                Just("iso27001-2022".to_owned()),
                "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}"
            ],
            proptest::collection::btree_set("\\PC{0,30}", 0..4),
            0..3,
        ),
        // Any revision the app can hold (at most 2^53 − 1).
        0..=soc2_readiness::core::assessment::MAX_REVISION,
        register(),
    )
        .prop_map(
            |(
                (id, name, _),
                path,
                scope,
                answers,
                (created, updated),
                in_place_elsewhere,
                revision,
                (vendors, commitments, description),
            )| {
                Assessment {
                    id,
                    name,
                    bank: BankRef {
                        id: BANK.id.clone(),
                        // Another version of the bank is upgraded on import
                        // (tests/carry.rs); a round trip keeps this one.
                        version: BANK.version.clone(),
                    },
                    path,
                    scope,
                    answers,
                    in_place_elsewhere,
                    vendors,
                    commitments,
                    description,
                    fieldwork: Default::default(),
                    sample_table: Vec::new(),
                    created,
                    updated,
                    revision,
                }
            },
        )
}
