//! The question bank, checked the way a user and a vendor meet it: the
//! built-in bank must cover the 2017 Trust Services Criteria with usable
//! questions, and a broken bank file must be refused with a message that says
//! what to fix.

#[path = "support/schema.rs"]
mod schema;

use serde_json::{Value, json};
use soc2_readiness::core::bank::{
    BANK_FORMAT, BANK_FORMAT_VERSION, Effort, OLDEST_BANK_FORMAT_VERSION, is_kebab_case,
};
use soc2_readiness::core::{
    Action, Assessment, Bank, BankError, Category, Status, builtin_bank, reduce,
};
use std::collections::{BTreeSet, HashMap, HashSet};

const MINI_BANK: &str = include_str!("fixtures/mini-bank.json");
const BUILTIN_BANK: &str = include_str!("../static/bank/soc2-bank.json");
const SCHEMA: &str = include_str!("../static/schema/bank.schema.json");
/// Question ids of bank version 1.0.0. Saved answers are keyed by them, so
/// none may disappear or be renamed in a later bank version.
const SHIPPED_IDS: &str = include_str!("fixtures/bank-shipped-ids.json");

/// The 61 criteria of the 2017 Trust Services Criteria, by series.
const TSC_2017: &[(&str, Category, &[&str])] = &[
    (
        "CC1",
        Category::Security,
        &["CC1.1", "CC1.2", "CC1.3", "CC1.4", "CC1.5"],
    ),
    ("CC2", Category::Security, &["CC2.1", "CC2.2", "CC2.3"]),
    (
        "CC3",
        Category::Security,
        &["CC3.1", "CC3.2", "CC3.3", "CC3.4"],
    ),
    ("CC4", Category::Security, &["CC4.1", "CC4.2"]),
    ("CC5", Category::Security, &["CC5.1", "CC5.2", "CC5.3"]),
    (
        "CC6",
        Category::Security,
        &[
            "CC6.1", "CC6.2", "CC6.3", "CC6.4", "CC6.5", "CC6.6", "CC6.7", "CC6.8",
        ],
    ),
    (
        "CC7",
        Category::Security,
        &["CC7.1", "CC7.2", "CC7.3", "CC7.4", "CC7.5"],
    ),
    ("CC8", Category::Security, &["CC8.1"]),
    ("CC9", Category::Security, &["CC9.1", "CC9.2"]),
    ("A1", Category::Availability, &["A1.1", "A1.2", "A1.3"]),
    ("C1", Category::Confidentiality, &["C1.1", "C1.2"]),
    (
        "PI1",
        Category::ProcessingIntegrity,
        &["PI1.1", "PI1.2", "PI1.3", "PI1.4", "PI1.5"],
    ),
    ("P1", Category::Privacy, &["P1.1"]),
    ("P2", Category::Privacy, &["P2.1"]),
    ("P3", Category::Privacy, &["P3.1", "P3.2"]),
    ("P4", Category::Privacy, &["P4.1", "P4.2", "P4.3"]),
    ("P5", Category::Privacy, &["P5.1", "P5.2"]),
    (
        "P6",
        Category::Privacy,
        &["P6.1", "P6.2", "P6.3", "P6.4", "P6.5", "P6.6", "P6.7"],
    ),
    ("P7", Category::Privacy, &["P7.1"]),
    ("P8", Category::Privacy, &["P8.1"]),
];

const CC_SERIES: [&str; 9] = [
    "CC1", "CC2", "CC3", "CC4", "CC5", "CC6", "CC7", "CC8", "CC9",
];

fn bank() -> Bank {
    builtin_bank().unwrap_or_else(|e| panic!("the built-in bank is rejected: {e}"))
}

fn mini() -> Value {
    serde_json::from_str(MINI_BANK).expect("mini-bank.json is JSON")
}

/// Loads a bank and returns the message a user would read on rejection.
fn rejection(bank: &Value) -> String {
    match Bank::from_json(&bank.to_string()) {
        Ok(_) => panic!("a malformed bank was accepted:\n{bank:#}"),
        Err(e) => e.to_string(),
    }
}

/// Checks the words of a message; the invisible isolates around quoted
/// values (Unicode FSI and PDI) are left out.
fn assert_names(message: &str, parts: &[&str]) {
    let message = message.replace(['\u{2068}', '\u{2069}'], "");
    for part in parts {
        assert!(
            message.contains(part),
            "the message should name {part:?}: {message}"
        );
    }
}

/// The question with this id in a bank `Value`.
fn question<'a>(bank: &'a mut Value, id: &str) -> &'a mut serde_json::Map<String, Value> {
    bank["questions"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|q| q["id"] == id)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("no question `{id}` in the fixture"))
}

// ---------------------------------------------------------------- catalog

#[test]
fn the_catalog_holds_all_61_criteria_of_the_2017_tsc() {
    let bank = bank();
    let expected: BTreeSet<&str> = TSC_2017
        .iter()
        .flat_map(|(_, _, ids)| ids.iter().copied())
        .collect();
    assert_eq!(
        expected.len(),
        61,
        "the fact table itself lists 61 criteria"
    );
    let actual: BTreeSet<&str> = bank.criteria.iter().map(|c| c.id.as_str()).collect();
    let missing: Vec<_> = expected.difference(&actual).collect();
    let extra: Vec<_> = actual.difference(&expected).collect();
    assert!(
        missing.is_empty(),
        "criteria missing from the catalog: {missing:?}"
    );
    assert!(
        extra.is_empty(),
        "criteria that are not in the 2017 TSC: {extra:?}"
    );
    assert_eq!(bank.criteria.len(), 61, "no criterion is listed twice");
}

#[test]
fn every_criterion_sits_in_its_series_and_category() {
    let bank = bank();
    for (series, category, ids) in TSC_2017 {
        let s = bank
            .series(series)
            .unwrap_or_else(|| panic!("series {series} is missing"));
        assert_eq!(s.category, *category, "series {series}");
        assert!(!s.name.trim().is_empty(), "series {series} has a name");
        for id in *ids {
            let c = bank.criterion(id).unwrap();
            assert_eq!(c.series, *series, "criterion {id}");
            assert_eq!(bank.criterion_category(c), *category, "criterion {id}");
            assert!(!c.topic.trim().is_empty(), "criterion {id} has a topic");
        }
    }
    assert_eq!(bank.series.len(), TSC_2017.len(), "no extra series");
}

// -------------------------------------------------------------- questions

#[test]
fn the_bank_has_at_least_150_questions() {
    let n = bank().questions.len();
    assert!(n >= 150, "only {n} questions");
}

#[test]
fn every_criterion_has_two_questions_or_says_why_one_is_enough() {
    let bank = bank();
    let mut reached: HashMap<&str, usize> = HashMap::new();
    for q in &bank.questions {
        for c in &q.criteria {
            *reached.entry(c.as_str()).or_default() += 1;
        }
    }
    for c in &bank.criteria {
        match reached.get(c.id.as_str()).copied().unwrap_or(0) {
            0 => panic!("no question covers {}", c.id),
            1 => {
                let reason = c.one_question_reason.as_deref().unwrap_or("");
                assert!(
                    !reason.trim().is_empty(),
                    "{} has one question and no one_question_reason",
                    c.id
                );
            }
            _ => {}
        }
    }
}

#[test]
fn every_question_links_to_criteria_in_the_catalog() {
    let bank = bank();
    for q in &bank.questions {
        assert!(!q.criteria.is_empty(), "{} supports no criterion", q.id);
        for c in &q.criteria {
            assert!(
                bank.criterion(c).is_some(),
                "{}: unknown criterion {c}",
                q.id
            );
        }
        let primary = bank.criterion(&q.criteria[0]).unwrap();
        assert_eq!(
            q.category,
            bank.criterion_category(primary),
            "{} belongs to the category of its first criterion",
            q.id
        );
    }
}

#[test]
fn question_ids_are_unique_lowercase_kebab_case() {
    let bank = bank();
    let mut seen = HashSet::new();
    for q in &bank.questions {
        assert!(
            is_kebab_case(&q.id),
            "question id `{}` is not lowercase kebab-case",
            q.id
        );
        assert!(
            seen.insert(q.id.as_str()),
            "question id `{}` is used twice",
            q.id
        );
        assert_eq!(bank.question(&q.id).map(|found| &found.text), Some(&q.text));
    }
}

#[test]
fn the_kebab_case_rule_rejects_what_it_should() {
    for good in ["cc6-mfa", "p6-breach-notice", "a1-2-restore"] {
        assert!(is_kebab_case(good), "{good}");
    }
    for bad in [
        "",
        "CC6-mfa",
        "cc6_mfa",
        "cc6--mfa",
        "-cc6",
        "cc6-",
        "cc6 mfa",
        "cc6.1",
        "cc6-mfa\u{200b}",
        "cc6-mfa ",
    ] {
        assert!(!is_kebab_case(bad), "{bad:?}");
    }
}

#[test]
fn shipped_question_ids_are_asked_or_retired_to_questions_that_are() {
    let bank = bank();
    let shipped: Vec<String> = serde_json::from_str(SHIPPED_IDS).unwrap();
    assert!(shipped.len() >= 150);
    let orphaned: Vec<_> = shipped
        .iter()
        .filter(|id| {
            bank.question(id).is_none()
                && bank
                    .retired(id)
                    .is_none_or(|r| r.successors.iter().any(|s| bank.question(s).is_none()))
        })
        .collect();
    assert!(
        orphaned.is_empty(),
        "saved answers would be orphaned: these shipped ids are neither asked nor retired: {orphaned:?}"
    );
    // A retired id is never asked again, so its answers cannot collide.
    for r in &bank.retired {
        assert!(bank.question(&r.id).is_none(), "{} is back", r.id);
    }
}

#[test]
fn every_question_is_answerable_with_evidence_remediation_and_type2_proof() {
    let bank = bank();
    for q in &bank.questions {
        let id = &q.id;
        assert!(
            q.text.trim().ends_with('?'),
            "{id}: the text should be a question"
        );
        assert!(!q.guidance.trim().is_empty(), "{id}: guidance");
        assert!(!q.evidence.is_empty(), "{id}: no evidence to collect");
        assert!(
            q.evidence.iter().all(|e| !e.trim().is_empty()),
            "{id}: blank evidence"
        );
        assert!(
            !q.remediation.steps.is_empty(),
            "{id}: no remediation steps"
        );
        assert!(
            q.remediation.steps.iter().all(|s| !s.trim().is_empty()),
            "{id}: blank remediation step"
        );
        assert!(!q.type2_proof.trim().is_empty(), "{id}: type2_proof");
        assert!((1..=5).contains(&q.weight), "{id}: weight {}", q.weight);
    }
}

#[test]
fn key_controls_exist_in_every_cc_series() {
    let bank = bank();
    for series in CC_SERIES {
        assert!(
            bank.questions
                .iter()
                .any(|q| q.key && primary_series(&bank, q) == series),
            "no key control in {series}"
        );
    }
}

fn primary_series<'a>(bank: &'a Bank, q: &soc2_readiness::core::Question) -> &'a str {
    &bank.criterion(&q.criteria[0]).unwrap().series
}

#[test]
fn key_controls_are_a_third_or_less_at_most_three_per_criterion_each_with_a_reason() {
    let bank = bank();
    let key = bank.questions.iter().filter(|q| q.key).count();
    assert!(
        key * 100 <= bank.questions.len() * 35,
        "{key} of {} questions are key: more than 35%",
        bank.questions.len()
    );
    for c in &bank.criteria {
        let keys: Vec<&str> = bank
            .questions
            .iter()
            .filter(|q| q.key && q.criteria[0] == c.id)
            .map(|q| q.id.as_str())
            .collect();
        // A criterion no single control decides (CC4.1: a mix of
        // evaluations) has none: its answers decide it together.
        assert!(
            keys.len() <= 3,
            "{} has {} key controls: {keys:?}",
            c.id,
            keys.len()
        );
    }
    let without: Vec<&str> = bank
        .criteria
        .iter()
        .filter(|c| {
            !bank
                .questions
                .iter()
                .any(|q| q.key && q.criteria[0] == c.id)
        })
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(without, ["CC1.4", "CC2.1", "CC2.3", "CC4.1"]);
    // Report preconditions are judged apart, never as key controls.
    for q in bank.questions.iter().filter(|q| q.role.is_some()) {
        assert!(!q.key, "{}", q.id);
    }
    for q in &bank.questions {
        assert_eq!(q.key, q.key_reason.is_some(), "{}: key reason", q.id);
    }
    // Key is decided apart from weight: some key controls are not the
    // heaviest and some of the heaviest are not key.
    assert!(bank.questions.iter().any(|q| q.key && q.weight <= 3));
    assert!(bank.questions.iter().any(|q| !q.key && q.weight >= 4));
}

#[test]
fn no_two_questions_ask_the_same_thing() {
    // The duplicates the 1.0.0 review found: one of each pair is retired
    // into the other.
    let bank = bank();
    for (gone, kept) in [
        ("cc7-penetration-test", "cc4-penetration-test"),
        ("cc4-vulnerability-scanning", "cc7-vulnerability-scanning"),
        (
            "cc4-subservice-report-review",
            "cc9-vendor-assurance-review",
        ),
        (
            "a1-cloud-provider-environmental",
            "cc9-vendor-assurance-review",
        ),
        ("cc2-vendor-security-requirements", "cc9-vendor-contracts"),
        (
            "cc2-incident-notification-procedure",
            "cc7-breach-communication",
        ),
        (
            "cc2-incident-reporting-channel",
            "cc7-staff-incident-reporting",
        ),
        ("cc2-system-inventory", "cc6-system-inventory-owners"),
        (
            "cc5-segregation-of-duties",
            "cc6-conflicting-duties-separated",
        ),
        (
            "cc3-privileged-misuse-scenarios",
            "cc3-fraud-risk-assessment",
        ),
        ("c1-media-disposal-certificates", "cc6-media-disposal"),
        ("a1-dr-test-annual", "cc9-dr-exercise"),
        ("a1-backup-restore-test", "cc9-restore-testing"),
    ] {
        assert!(bank.question(gone).is_none(), "{gone} is still asked");
        let r = bank
            .retired(gone)
            .unwrap_or_else(|| panic!("{gone} not retired"));
        assert!(r.successors.iter().any(|s| s == kept), "{gone} → {kept}");
    }
    // And no two questions share their text.
    let mut texts = BTreeSet::new();
    for q in &bank.questions {
        assert!(
            texts.insert(q.text.to_lowercase()),
            "{} repeats a question",
            q.id
        );
    }
}

#[test]
fn what_auditors_always_look_at_is_asked_under_security() {
    let bank = bank();
    for id in [
        "cc2-system-description",
        "cc2-management-assertion",
        "cc2-cuecs-communicated",
        "cc9-subservice-org-method",
        "cc9-subservice-csoc-check",
        "cc2-control-evidence-retention",
        "cc4-prior-exceptions-remediated",
        "cc6-tenant-data-isolation",
        "c1-classification-policy",
    ] {
        let q = bank.question(id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(
            q.category,
            Category::Security,
            "{id} is not asked under Security"
        );
    }
}

#[test]
fn scope_conditions_each_rule_out_real_questions() {
    let bank = bank();
    assert_eq!(bank.conditions.len(), 4);
    for c in &bank.conditions {
        assert!(
            bank.questions_under(&c.id).count() >= 1,
            "condition {} rules out nothing",
            c.id
        );
    }
    // Follow-ups follow a real question.
    let follow_ups = bank
        .questions
        .iter()
        .filter(|q| q.follows_ix.is_some())
        .count();
    assert!(follow_ups >= 5, "{follow_ups} follow-ups");
}

#[test]
fn efforts_include_months_where_the_work_takes_months() {
    let bank = bank();
    let months: Vec<&str> = bank
        .questions
        .iter()
        .filter(|q| q.remediation.effort == Effort::Months)
        .map(|q| q.id.as_str())
        .collect();
    for id in ["a1-multi-zone-redundancy", "p4-personal-data-disposal"] {
        assert!(months.contains(&id), "{id} is not months: {months:?}");
    }
}

// ------------------------------------------------------------- quick path

#[test]
fn the_quick_path_is_short_and_touches_every_cc_series() {
    let bank = bank();
    let quick: Vec<_> = bank.questions.iter().filter(|q| q.quick).collect();
    assert!(!quick.is_empty(), "there is no quick path");
    assert!(
        quick.len() <= 30,
        "the quick path has {} questions",
        quick.len()
    );
    let touched: BTreeSet<&str> = quick
        .iter()
        .flat_map(|q| &q.criteria)
        .map(|c| bank.criterion(c).unwrap().series.as_str())
        .collect();
    for series in CC_SERIES {
        assert!(touched.contains(series), "the quick path misses {series}");
    }
    // What first audits most often fail is on it.
    for id in [
        "cc6-access-request-approval",
        "cc1-background-checks",
        "cc9-vendor-assurance-review",
        "cc4-penetration-test",
        "cc6-mdm-endpoint-baseline",
    ] {
        assert!(quick.iter().any(|q| q.id == id), "{id} is not quick");
    }
}

// --------------------------------------------------------- people controls

fn questions_mentioning<'a>(bank: &'a Bank, words: &[&str]) -> Vec<&'a str> {
    bank.questions
        .iter()
        .filter(|q| {
            let text = q.text.to_lowercase();
            words.iter().any(|w| text.contains(w))
        })
        .map(|q| q.id.as_str())
        .collect()
}

#[test]
fn people_controls_get_real_questions() {
    let bank = bank();
    for (topic, words) in [
        (
            "background checks",
            &["background check", "background screen"][..],
        ),
        ("security awareness training", &["awareness"][..]),
        ("offboarding of leavers", &["offboard", "leaver"][..]),
        ("onboarding", &["onboard", "new hire"][..]),
    ] {
        assert!(
            !questions_mentioning(&bank, words).is_empty(),
            "no question asks about {topic}"
        );
    }
}

// --------------------------------------------------------- malformed banks

#[test]
fn the_mini_fixture_is_a_valid_bank() {
    // Each rejection test below changes one thing in it.
    let bank = Bank::from_json(MINI_BANK).unwrap();
    assert_eq!(bank.questions.len(), 5);
    assert_eq!(
        bank.question("a1-backups").unwrap().category,
        Category::Availability
    );
}

#[test]
fn an_unknown_criterion_is_named_with_its_question() {
    let mut bank = mini();
    question(&mut bank, "cc6-mfa")["criteria"] = json!(["CC6.1", "CC6.99"]);
    assert_names(&rejection(&bank), &["cc6-mfa", "CC6.99", "criteria"]);
}

#[test]
fn a_criterion_listed_twice_in_a_question_is_named() {
    let mut bank = mini();
    question(&mut bank, "cc6-mfa")["criteria"] = json!(["CC6.1", "CC6.1"]);
    assert_names(&rejection(&bank), &["cc6-mfa", "CC6.1", "twice"]);
}

#[test]
fn a_question_with_no_criteria_is_rejected() {
    let mut bank = mini();
    question(&mut bank, "cc6-access-review")["criteria"] = json!([]);
    assert_names(&rejection(&bank), &["cc6-access-review", "criteria"]);
}

#[test]
fn a_duplicate_question_id_is_named() {
    let mut bank = mini();
    question(&mut bank, "cc1-training")["id"] = json!("cc1-conduct");
    assert_names(&rejection(&bank), &["cc1-conduct", "duplicate"]);
}

#[test]
fn a_missing_field_is_named_with_its_question() {
    for field in [
        "evidence",
        "text",
        "weight",
        "remediation",
        "type2_proof",
        "quick",
    ] {
        let mut bank = mini();
        question(&mut bank, "cc6-mfa").remove(field);
        assert_names(&rejection(&bank), &["cc6-mfa", field, "missing"]);
    }
}

#[test]
fn a_missing_remediation_effort_is_named() {
    let mut bank = mini();
    question(&mut bank, "cc6-mfa")["remediation"] = json!({ "steps": ["Enforce MFA"] });
    assert_names(&rejection(&bank), &["cc6-mfa", "effort"]);
}

#[test]
fn a_field_of_the_wrong_kind_is_named_with_its_question() {
    for (field, value, path) in [
        ("key", json!("yes"), "key"),
        ("quick", json!(1), "quick"),
        ("evidence", json!("a screenshot"), "evidence"),
        ("criteria", json!("CC6.1"), "criteria"),
        (
            "remediation",
            json!({ "steps": ["Do it"], "effort": "years" }),
            "remediation.effort",
        ),
        (
            "remediation",
            json!({ "steps": [""], "effort": "days" }),
            "remediation.steps",
        ),
    ] {
        let mut bank = mini();
        question(&mut bank, "cc6-mfa")[field] = value;
        assert_names(&rejection(&bank), &["cc6-mfa", path]);
    }
}

#[test]
fn empty_evidence_and_blank_text_are_rejected() {
    for (field, value) in [
        ("evidence", json!([])),
        ("evidence", json!(["  "])),
        ("text", json!("   ")),
        ("guidance", json!("")),
        ("type2_proof", json!("")),
    ] {
        let mut bank = mini();
        question(&mut bank, "cc6-mfa")[field] = value;
        assert_names(&rejection(&bank), &["cc6-mfa", field]);
    }
}

#[test]
fn evidence_listed_twice_is_named() {
    let mut bank = mini();
    question(&mut bank, "cc6-mfa")["evidence"] = json!(["MFA policy", "MFA policy"]);
    assert_names(&rejection(&bank), &["cc6-mfa", "evidence", "MFA policy"]);
}

#[test]
fn a_weight_out_of_range_is_named() {
    for weight in [0, 6, 300, -1] {
        let mut bank = mini();
        question(&mut bank, "cc6-mfa")["weight"] = json!(weight);
        assert_names(&rejection(&bank), &["cc6-mfa", "weight"]);
    }
    let mut bank = mini();
    question(&mut bank, "cc6-mfa")["weight"] = json!(2.5);
    assert_names(&rejection(&bank), &["cc6-mfa", "weight"]);
}

#[test]
fn an_unknown_question_field_is_named() {
    let mut bank = mini();
    question(&mut bank, "cc6-mfa").insert("severity".into(), json!("high"));
    assert_names(&rejection(&bank), &["cc6-mfa", "severity"]);
}

/// The mini bank as format 2: key reasons on its key questions, one
/// condition, one follow-up and one retired id.
fn mini2() -> Value {
    let mut bank = mini();
    bank["format_version"] = json!(2);
    for q in bank["questions"].as_array_mut().unwrap() {
        if q["key"] == json!(true) {
            q["key_reason"] = json!("Nothing else meets the criterion");
        }
    }
    bank["conditions"] = json!([{ "id": "own-facilities", "text": "Own offices?",
                                  "not_applicable": "No offices" }]);
    question(&mut bank, "cc1-training").insert("applies_if".into(), json!("own-facilities"));
    question(&mut bank, "cc1-training").insert("follows".into(), json!("cc1-conduct"));
    bank["retired"] = json!([{ "id": "cc6-old-mfa", "successors": ["cc6-mfa"],
                               "reason": "merged" }]);
    bank
}

#[test]
fn a_format_2_bank_loads_with_its_conditions_follow_ups_and_retired_ids() {
    let bank = Bank::from_json(&mini2().to_string()).expect("valid format 2");
    assert_eq!(bank.conditions[0].id, "own-facilities");
    let training = bank.question("cc1-training").unwrap();
    assert_eq!(training.applies_if.as_deref(), Some("own-facilities"));
    assert_eq!(
        training.follows_ix.map(|ix| bank.questions[ix].id.as_str()),
        Some("cc1-conduct")
    );
    assert_eq!(bank.retired("cc6-old-mfa").unwrap().successors, ["cc6-mfa"]);
    assert_eq!(schema_check(&mini2()), Vec::<String>::new());
}

#[test]
fn format_2_rules_are_enforced_with_the_place_named() {
    type Change = fn(&mut Value);
    let cases: [(Change, &[&str]); 8] = [
        (
            |b| {
                question(b, "cc6-mfa").remove("key_reason");
            },
            &["cc6-mfa", "key_reason", "say why"],
        ),
        (
            |b| {
                question(b, "cc1-conduct").insert("key_reason".into(), json!("x"));
            },
            &["cc1-conduct", "only for key"],
        ),
        (
            |b| {
                question(b, "cc1-training")["applies_if"] = json!("no-such");
            },
            &["cc1-training", "unknown condition `no-such`"],
        ),
        (
            |b| {
                question(b, "cc1-training")["follows"] = json!("nope");
            },
            &["cc1-training", "unknown question `nope`"],
        ),
        (
            |b| {
                question(b, "cc1-conduct").insert("follows".into(), json!("cc1-training"));
            },
            &["follows", "follows no other"],
        ),
        (
            |b| {
                b["retired"][0]["id"] = json!("cc6-mfa");
            },
            &["retired `cc6-mfa`", "still a question"],
        ),
        (
            |b| {
                b["retired"][0]["successors"] = json!(["gone"]);
            },
            &["retired `cc6-old-mfa`", "unknown question `gone`"],
        ),
        (
            |b| {
                b["conditions"][0]["id"] = json!("own-facilities\u{200b}");
            },
            &["conditions[0]", "kebab-case"],
        ),
    ];
    for (change, parts) in cases {
        let mut bank = mini2();
        change(&mut bank);
        assert_names(&rejection(&bank), parts);
    }
}

#[test]
fn a_format_1_bank_cannot_use_format_2_fields() {
    let mut bank = mini();
    question(&mut bank, "cc6-mfa").insert("key_reason".into(), json!("why"));
    assert_names(
        &rejection(&bank),
        &["cc6-mfa", "key_reason", "format_version` 2"],
    );
    let mut bank = mini();
    bank["retired"] = json!([]);
    assert_names(&rejection(&bank), &["retired", "format_version` 2"]);
}

#[test]
fn format_3_states_every_frequency_and_the_validity_of_evidence() {
    use soc2_readiness::core::cadence::Frequency;
    // The built-in bank: every question has a frequency; dated evidence
    // items are read with their validity, the others without.
    let builtin = bank();
    assert!(builtin.questions.iter().all(|q| q.frequency.is_some()));
    let pen = builtin
        .questions
        .iter()
        .find(|q| q.evidence_valid_months.iter().any(Option::is_some))
        .expect("some evidence goes stale");
    assert_eq!(pen.evidence.len(), pen.evidence_valid_months.len());

    // A format 2 bank has none and still loads (judged on "operating since").
    let old = Bank::from_json(MINI_BANK).unwrap();
    assert!(old.questions.iter().all(|q| q.frequency.is_none()));

    // In format 3 a frequency is required and validity is 1 to 36 months.
    let mut three = mini();
    three["format_version"] = json!(3);
    assert_names(
        &rejection(&three),
        &["cc1-conduct", "`frequency`", "required"],
    );
    for q in three["questions"].as_array_mut().unwrap() {
        q["frequency"] = json!("quarterly");
        if q["key"] == json!(true) {
            q["key_reason"] = json!("Nothing else meets the criterion.");
        }
    }
    let loaded = Bank::from_json(&three.to_string()).unwrap();
    assert!(
        loaded
            .questions
            .iter()
            .all(|q| q.frequency == Some(Frequency::Quarterly))
    );
    let first = &mut three["questions"][0]["evidence"][0];
    let text = first.as_str().unwrap().to_owned();
    *first = json!({"text": text, "valid_months": 12});
    let loaded = Bank::from_json(&three.to_string()).unwrap();
    assert_eq!(loaded.questions[0].evidence[0], text);
    assert_eq!(loaded.questions[0].evidence_valid_months[0], Some(12));
    three["questions"][0]["evidence"][0]["valid_months"] = json!(40);
    assert_names(&rejection(&three), &["valid_months", "1 to 36", "40"]);
    three["questions"][0]["evidence"][0]["valid_months"] = json!("12");
    assert!(Bank::from_json(&three.to_string()).is_err());
    three["questions"][1]["frequency"] = json!("hourly");
    assert!(Bank::from_json(&three.to_string()).is_err());

    // Older formats may not use them.
    let mut two = mini();
    two["questions"][0]["frequency"] = json!("annual");
    assert_names(&rejection(&two), &["`frequency`", "format_version` 3"]);
    let mut two = mini();
    two["questions"][0]["evidence"][0] = json!({"text": "x", "valid_months": 12});
    assert_names(&rejection(&two), &["valid_months", "format_version` 3"]);
}

#[test]
fn a_newer_format_version_is_refused() {
    let mut bank = mini();
    bank["format_version"] = json!(5);
    let message = rejection(&bank);
    assert_names(&message, &["version 5", "not supported", "versions 1 to 4"]);
    assert!(matches!(
        Bank::from_json(&bank.to_string()),
        Err(BankError::UnsupportedVersion(5))
    ));
    for odd in [json!("1"), json!(1.5), Value::Null] {
        bank["format_version"] = odd;
        assert_names(&rejection(&bank), &["format_version"]);
    }
    bank.as_object_mut().unwrap().remove("format_version");
    assert_names(&rejection(&bank), &["format_version"]);
}

#[test]
fn a_file_that_is_not_a_bank_is_refused() {
    let mut bank = mini();
    bank["format"] = json!("soc2-readiness-assessment");
    assert_names(&rejection(&bank), &["not a question bank", BANK_FORMAT]);
    bank.as_object_mut().unwrap().remove("format");
    assert_names(&rejection(&bank), &["not a question bank"]);
    assert_names(&rejection(&json!([1, 2, 3])), &["not a question bank"]);
}

#[test]
fn text_that_is_not_json_is_refused() {
    for text in ["", "question bank", "{\"format\": ", "<html></html>"] {
        let message = Bank::from_json(text).unwrap_err().to_string();
        assert_names(&message, &["not valid JSON"]);
    }
}

#[test]
fn a_bank_saved_with_a_byte_order_mark_loads() {
    // Editors on Windows often save UTF-8 with a BOM.
    let bank = Bank::from_json(&format!("\u{feff}{MINI_BANK}")).unwrap();
    assert_eq!(bank.id, "mini");
}

#[test]
fn a_criterion_with_no_question_is_named() {
    let mut bank = mini();
    bank["questions"]
        .as_array_mut()
        .unwrap()
        .retain(|q| q["id"] != "a1-backups");
    assert_names(&rejection(&bank), &["A1.2", "no question"]);
}

#[test]
fn a_criterion_with_one_question_needs_a_reason() {
    let mut bank = mini();
    bank["criteria"][2]
        .as_object_mut()
        .unwrap()
        .remove("one_question_reason");
    assert_names(&rejection(&bank), &["A1.2", "one_question_reason"]);
    bank["criteria"][2]["one_question_reason"] = json!("  ");
    assert_names(&rejection(&bank), &["A1.2", "one_question_reason"]);
}

#[test]
fn a_criterion_in_an_unknown_series_is_named() {
    let mut bank = mini();
    bank["criteria"][1]["series"] = json!("CC7");
    assert_names(&rejection(&bank), &["CC6.1", "series", "CC7"]);
}

#[test]
fn duplicate_criteria_and_series_are_named() {
    let mut bank = mini();
    bank["criteria"][1]["id"] = json!("CC1.1");
    assert_names(&rejection(&bank), &["CC1.1", "duplicate"]);
    let mut bank = mini();
    bank["series"][1]["id"] = json!("CC1");
    assert_names(&rejection(&bank), &["CC1", "duplicate"]);
}

#[test]
fn an_unknown_category_is_named_with_its_series() {
    let mut bank = mini();
    bank["series"][2]["category"] = json!("resilience");
    assert_names(&rejection(&bank), &["A1", "category", "resilience"]);
}

#[test]
fn blank_names_and_topics_are_rejected() {
    let mut bank = mini();
    bank["series"][0]["name"] = json!(" ");
    assert_names(&rejection(&bank), &["CC1", "name"]);
    let mut bank = mini();
    bank["criteria"][0]["topic"] = json!("");
    assert_names(&rejection(&bank), &["CC1.1", "topic"]);
    let mut bank = mini();
    bank["title"] = json!("");
    assert_names(&rejection(&bank), &["title"]);
}

#[test]
fn unknown_and_missing_top_level_fields_are_named() {
    let mut bank = mini();
    bank["author"] = json!("Vendor");
    assert_names(&rejection(&bank), &["author"]);
    let mut bank = mini();
    bank.as_object_mut().unwrap().remove("questions");
    assert_names(&rejection(&bank), &["questions"]);
    let mut bank = mini();
    bank["questions"] = json!({});
    assert_names(&rejection(&bank), &["questions", "list"]);
}

// ------------------------------------------------------------ JSON Schema

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("bank.schema.json is JSON")
}

fn schema_check(value: &Value) -> Vec<String> {
    schema::errors(&schema(), value)
}

#[test]
fn the_schema_is_draft_2020_12_and_matches_the_app_constants() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["properties"]["format"]["const"], BANK_FORMAT);
    let versions: Vec<u32> = (OLDEST_BANK_FORMAT_VERSION..=BANK_FORMAT_VERSION).collect();
    assert_eq!(
        schema["properties"]["format_version"]["enum"],
        json!(versions)
    );
    let categories: Vec<&str> = Category::ALL.iter().map(|c| c.id()).collect();
    assert_eq!(
        schema["$defs"]["series"]["properties"]["category"]["enum"],
        json!(categories)
    );
    let efforts: Vec<&str> = [Effort::Hours, Effort::Days, Effort::Weeks, Effort::Months]
        .iter()
        .map(|e| e.label())
        .collect();
    assert_eq!(
        schema["$defs"]["question"]["properties"]["remediation"]["properties"]["effort"]["enum"],
        json!(efforts)
    );
}

#[test]
fn the_builtin_and_mini_banks_validate_against_the_schema() {
    for (name, text) in [("built-in", BUILTIN_BANK), ("mini", MINI_BANK)] {
        let errors = schema_check(&serde_json::from_str(text).unwrap());
        assert!(
            errors.is_empty(),
            "the {name} bank fails the schema: {errors:#?}"
        );
    }
}

#[test]
fn the_schema_declares_exactly_the_fields_the_app_reads() {
    // Both banks load in the app, so the fields they use are the ones the app
    // reads; a field only the schema knows would pass the schema and then be
    // refused by the app as unknown.
    let declared = schema::declared_fields(&schema());
    let mut used = BTreeSet::new();
    for text in [BUILTIN_BANK, MINI_BANK] {
        Bank::from_json(text).unwrap();
        used.extend(schema::used_fields(
            &serde_json::from_str(text).unwrap(),
            &[],
        ));
    }
    assert_eq!(declared, used);
}

#[test]
fn the_schema_refuses_what_the_app_refuses() {
    type Change = fn(&mut Value);
    let changes: [(&str, Change); 24] = [
        ("no evidence", |b| {
            question(b, "cc6-mfa").remove("evidence");
        }),
        ("no remediation effort", |b| {
            question(b, "cc6-mfa")["remediation"] = json!({ "steps": ["Enforce MFA"] });
        }),
        ("weight 6", |b| question(b, "cc6-mfa")["weight"] = json!(6)),
        ("weight 0", |b| question(b, "cc6-mfa")["weight"] = json!(0)),
        ("weight 2.5", |b| {
            question(b, "cc6-mfa")["weight"] = json!(2.5)
        }),
        ("key as text", |b| {
            question(b, "cc6-mfa")["key"] = json!("yes")
        }),
        ("unknown question field", |b| {
            question(b, "cc6-mfa").insert("severity".into(), json!("high"));
        }),
        ("unknown effort", |b| {
            question(b, "cc6-mfa")["remediation"]["effort"] = json!("years");
        }),
        ("empty evidence", |b| {
            question(b, "cc6-mfa")["evidence"] = json!([])
        }),
        ("repeated evidence", |b| {
            question(b, "cc6-mfa")["evidence"] = json!(["x", "x"])
        }),
        ("repeated criterion", |b| {
            question(b, "cc6-mfa")["criteria"] = json!(["CC6.1", "CC6.1"]);
        }),
        ("no criteria", |b| {
            question(b, "cc6-mfa")["criteria"] = json!([])
        }),
        ("blank text", |b| {
            question(b, "cc6-mfa")["text"] = json!("  ")
        }),
        ("blank remediation step", |b| {
            question(b, "cc6-mfa")["remediation"]["steps"] = json!([""]);
        }),
        ("format version 5", |b| b["format_version"] = json!(5)),
        ("a series id with a tab", |b| {
            b["series"][0]["id"] = json!("CC\t1")
        }),
        ("a criterion id with a direction override", |b| {
            b["criteria"][0]["id"] = json!("CC1.1\u{202e}")
        }),
        ("a question id with a line break", |b| {
            question(b, "cc6-mfa")["id"] = json!("cc6\r\nX-INJECTED:yes")
        }),
        ("another format", |b| {
            b["format"] = json!("soc2-readiness-assessment")
        }),
        ("unknown category", |b| {
            b["series"][2]["category"] = json!("resilience")
        }),
        ("blank topic", |b| b["criteria"][0]["topic"] = json!("")),
        ("blank reason", |b| {
            b["criteria"][2]["one_question_reason"] = json!(" ")
        }),
        ("unknown top-level field", |b| b["author"] = json!("Vendor")),
        ("no questions", |b| b["questions"] = json!([])),
    ];
    for (what, change) in changes {
        let mut bank = mini();
        change(&mut bank);
        assert!(
            Bank::from_json(&bank.to_string()).is_err(),
            "the app accepts {what}"
        );
        assert!(!schema_check(&bank).is_empty(), "the schema accepts {what}");
    }
}

#[test]
fn the_embedded_bank_is_the_file_without_its_whitespace() {
    use soc2_readiness::core::BUILTIN_BANK_JSON;
    let file: Value = serde_json::from_str(BUILTIN_BANK).unwrap();
    let embedded: Value = serde_json::from_str(BUILTIN_BANK_JSON).unwrap();
    assert_eq!(embedded, file);
    assert!(BUILTIN_BANK_JSON.len() < BUILTIN_BANK.len() * 9 / 10);
    assert!(!BUILTIN_BANK_JSON.contains("\n"));
    assert_eq!(Bank::from_json(BUILTIN_BANK).unwrap(), bank());
}

#[test]
fn a_bank_id_must_be_plain_kebab_case() {
    for odd in [
        "mini ",
        "mini\u{200b}",
        "Mini",
        "mini_bank",
        "soc2-tsc-2017\u{202e}",
    ] {
        let mut bank = mini();
        bank["id"] = json!(odd);
        let message = rejection(&bank);
        assert_names(&message, &["id", "lowercase kebab-case"]);
        assert!(
            !message.contains('\u{200b}') && !message.contains('\u{202e}'),
            "{message}"
        );
    }
    let mut bank = mini();
    bank["id"] = json!("mini\u{200b}");
    assert_names(&rejection(&bank), &["mini⟨U+200B⟩"]);
}

#[test]
fn a_bank_error_names_the_line_an_editor_shows_whatever_the_line_ends() {
    let mut bank = mini();
    question(&mut bank, "cc6-mfa")["remediation"]["effort"] = json!("years");
    let pretty = serde_json::to_string_pretty(&bank).unwrap();
    let lf = rejection_text(&pretty);
    let cr = rejection_text(&pretty.replace('\n', "\r"));
    let line = |m: &str| m.split(" at line ").nth(1).map(str::to_owned);
    assert!(line(&lf).is_some(), "{lf}");
    assert_eq!(line(&lf), line(&cr), "{lf} / {cr}");
}

fn rejection_text(text: &str) -> String {
    Bank::from_json(text)
        .expect_err("a broken bank")
        .to_string()
}

#[test]
fn the_embedded_core_asks_the_same_questions_without_the_long_texts() {
    use soc2_readiness::core::{BUILTIN_BANK_CORE, BUILTIN_BANK_JSON, builtin_bank_core};
    let full = builtin_bank().unwrap();
    let core = builtin_bank_core().unwrap();
    assert!(core.texts_pending && !full.texts_pending);
    assert!(core.same_questions(&full) && full.same_questions(&core));
    let q = core.question("cc6-mfa-enforced").unwrap();
    let f = full.question("cc6-mfa-enforced").unwrap();
    assert_ne!(q.guidance, f.guidance);
    assert_eq!(q.evidence.len(), f.evidence.len());
    assert_eq!(q.evidence_valid_months, f.evidence_valid_months);
    assert_eq!(q.remediation.effort, f.remediation.effort);
    // Scores, the outcome and the plan need nothing else: the same on both.
    let mut a = Assessment::new("a".into(), "A".into(), &full, "2026-01-01T00:00:00Z".into());
    for (i, q) in full.questions.iter().enumerate() {
        let s = [Status::Ready, Status::Partial, Status::Missing][i % 3];
        a = reduce(&a, Action::SetStatus(q.id.clone(), Some(s)));
    }
    let day = soc2_readiness::core::Day::parse("2026-06-01").unwrap();
    let (on_core, on_full) = (
        soc2_readiness::core::evaluate(&core, &a, day),
        soc2_readiness::core::evaluate(&full, &a, day),
    );
    assert_eq!(on_core.scorecard, on_full.scorecard);
    assert_eq!(on_core.outcome, on_full.outcome);
    // Most of the bank is its long text.
    assert!(BUILTIN_BANK_CORE.len() * 2 < BUILTIN_BANK_JSON.len());
}

#[test]
fn a_full_bank_that_asks_anything_differently_does_not_replace_the_core() {
    let core = soc2_readiness::core::builtin_bank_core().unwrap();
    let text = soc2_readiness::core::BUILTIN_BANK_JSON;
    for (from, to) in [
        ("\"weight\":5", "\"weight\":4"),
        ("\"valid_months\":12", "\"valid_months\":6"),
        ("\"version\":\"2.2.0\"", "\"version\":\"2.2.1\""),
    ] {
        assert!(text.contains(from), "{from}");
        let changed = Bank::from_json(&text.replacen(from, to, 1)).unwrap();
        assert!(!core.same_questions(&changed), "{from} → {to}");
    }
}

#[test]
fn ids_with_invisible_characters_and_oversized_lists_are_refused_with_the_place() {
    use soc2_readiness::core::bank::{MAX_CONDITIONS, MAX_RETIRED, MAX_SUCCESSORS};
    type Change = fn(&mut Value);
    let cases: &[(&str, Change, &[&str])] = &[
        (
            "series id with a tab",
            |b| b["series"][0]["id"] = json!("CC\t1"),
            &["series #1", "U+0009"],
        ),
        (
            "criterion id with a bidi override",
            |b| b["criteria"][0]["id"] = json!("CC1.1\u{202e}"),
            &["criterion #1", "U+202E"],
        ),
        (
            "question id with a line separator",
            |b| b["questions"][0]["id"] = json!("cc1\u{2028}x"),
            &["question #1", "U+2028"],
        ),
        (
            "a blank retired id",
            |b| b["retired"][0]["id"] = json!(" "),
            &["retired #1", "empty"],
        ),
        (
            "a retired id with CR LF",
            |b| b["retired"][0]["id"] = json!("old\r\nX-INJECTED:yes"),
            &["retired #1", "U+000D"],
        ),
        (
            "a successor listed twice",
            |b| b["retired"][0]["successors"] = json!(["cc6-mfa", "cc6-mfa"]),
            &["retired `cc6-old-mfa`", "`cc6-mfa` twice"],
        ),
        (
            "too many successors",
            |b| b["retired"][0]["successors"] = json!(vec!["cc6-mfa"; MAX_SUCCESSORS + 1]),
            &["retired `cc6-old-mfa`", "more than 50"],
        ),
        (
            "too many retired ids",
            |b| {
                let many: Vec<Value> = (0..=MAX_RETIRED)
                .map(|i| json!({"id": format!("r{i}"), "successors": ["cc6-mfa"], "reason": "r"}))
                .collect();
                b["retired"] = json!(many);
            },
            &["retired", "10001 entries", "10000"],
        ),
        (
            "too many conditions",
            |b| {
                let many: Vec<Value> = (0..=MAX_CONDITIONS)
                    .map(|i| json!({"id": format!("c{i}"), "text": "t", "not_applicable": "n"}))
                    .collect();
                b["conditions"] = json!(many);
            },
            &["conditions", "201 entries", "200"],
        ),
    ];
    for (what, change, parts) in cases {
        let mut bank = mini2();
        change(&mut bank);
        let message = rejection(&bank);
        assert_names(&message, parts);
        assert!(message.len() < 300, "{what}: a short message: {message}");
    }
}

#[test]
fn lookups_of_conditions_and_retired_ids_answer_from_the_index() {
    let bank = Bank::from_json(&mini2().to_string()).unwrap();
    assert_eq!(bank.retired("cc6-old-mfa").unwrap().successors, ["cc6-mfa"]);
    assert!(bank.retired("cc6-mfa").is_none());
    assert_eq!(
        bank.condition("own-facilities").unwrap().not_applicable,
        "No offices"
    );
    let under: Vec<&str> = bank
        .questions_under("own-facilities")
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(under, ["cc1-training"]);
    assert_eq!(bank.questions_under("nothing").count(), 0);
}

#[test]
fn a_wrong_value_or_evidence_item_is_named_in_plain_words() {
    let mut bank = mini();
    bank["format_version"] = json!(3);
    for q in bank["questions"].as_array_mut().unwrap() {
        q["frequency"] = json!("annual");
        if q["key"] == json!(true) {
            q["key_reason"] = json!("Nothing else meets the criterion");
        }
    }
    let mut odd = bank.clone();
    question(&mut odd, "cc6-mfa")["frequency"] = json!("fortnightly");
    let message = rejection(&odd);
    assert_names(&message, &["cc6-mfa", "unknown value `fortnightly`"]);
    assert!(!message.contains("variant"), "{message}");
    let mut odd = bank;
    question(&mut odd, "cc6-mfa")["evidence"] =
        json!([{"text": "report", "valid_months": "a year"}]);
    let message = rejection(&odd);
    assert_names(
        &message,
        &["cc6-mfa", "an evidence item is a text, or an object"],
    );
    assert!(!message.contains("untagged"), "{message}");
}
