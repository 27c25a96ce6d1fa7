//! Crosswalks: the shipped files against the built-in bank, validation that
//! names the row, and readiness and proposals worked out by hand on a
//! small bank and crosswalk.
//!
//! | question | criteria | links                                   |
//! |----------|----------|-----------------------------------------|
//! | q-a      | CC6.1    | q-a ⊂ X.1 (subset_of)                   |
//! | q-b      | CC6.1    | CC6.1 ∩ X.2 (intersects)                |
//! | q-c      | CC8.1    | q-c ⊃ X.3 (superset_of), CC8.1 ∩ X.3    |
//! | q-d      | CC1.1    | CC1.1 ⊂ X.5 (subset_of)                 |
//!
//! Themes: T1 = X.1, X.2; T2 = X.3, X.4 (no link), X.5. Every question
//! weighs 3, so a criterion's readiness is the mean of its questions'.

#[path = "support/schema.rs"]
mod schema;

use serde_json::{Value, json};
use soc2_readiness::core::assessment::{Action, Assessment, QuestionPath, Status, reduce};
use soc2_readiness::core::bank::Bank;
use soc2_readiness::core::crosswalk::{
    Crosswalk, CrosswalkReadiness, PROPOSED_STATUS, SHIPPED, Shown, accepted, proposals,
};
use soc2_readiness::core::score::Scorecard;

fn bank() -> Bank {
    bank_with(&[])
}

/// The test bank, with `extra` questions (id, criteria) after the others.
fn bank_with(extra: &[(&str, &str)]) -> Bank {
    let questions = [
        ("q-a", "\"CC6.1\"", true),
        ("q-b", "\"CC6.1\"", false),
        ("q-c", "\"CC8.1\"", true),
        ("q-d", "\"CC1.1\"", false),
    ]
    .into_iter()
    .chain(extra.iter().map(|(id, c)| (*id, *c, false)))
    .map(|(id, c, quick)| {
        format!(
            r#"{{"id":"{id}","text":"Is {id} done?","guidance":"g","criteria":[{c}],
            "weight":3,"key":false,"evidence":["e"],"remediation":{{"steps":["s"],
            "effort":"days"}},"type2_proof":"p","quick":{quick}}}"#
        )
    })
    .collect::<Vec<_>>()
    .join(",");
    let text = format!(
        r#"{{"format":"soc2-readiness-bank","format_version":1,"id":"xw","version":"1",
        "title":"Crosswalk test","series":[
          {{"id":"CC1","category":"security","name":"S1"}},
          {{"id":"CC6","category":"security","name":"S6"}},
          {{"id":"CC8","category":"security","name":"S8"}}],
        "criteria":[{{"id":"CC1.1","series":"CC1","topic":"t","one_question_reason":"test"}},
          {{"id":"CC6.1","series":"CC6","topic":"t"}},
          {{"id":"CC8.1","series":"CC8","topic":"t","one_question_reason":"test"}}],
        "questions":[{questions}]}}"#
    );
    Bank::from_json(&text).expect("the test bank is valid")
}

fn crosswalk_value() -> Value {
    json!({
        "format": "soc2-readiness-crosswalk",
        "format_version": 1,
        "id": "t",
        "version": "1",
        "framework": "Test framework",
        "short_name": "Test",
        "themes": [{ "id": "T1", "name": "One" }, { "id": "T2", "name": "Two" }],
        "controls": [
            { "id": "X.1", "theme": "T1", "topic": "one" },
            { "id": "X.2", "theme": "T1", "topic": "two" },
            { "id": "X.3", "theme": "T2", "topic": "three" },
            { "id": "X.4", "theme": "T2", "topic": "four" },
            { "id": "X.5", "theme": "T2", "topic": "five" }
        ],
        "links": [
            { "question": "q-a", "control": "X.1", "relationship": "subset_of", "rationale": "r" },
            { "criterion": "CC6.1", "control": "X.2", "relationship": "intersects", "rationale": "r" },
            { "question": "q-c", "control": "X.3", "relationship": "superset_of", "rationale": "r" },
            { "criterion": "CC8.1", "control": "X.3", "relationship": "intersects", "rationale": "r" },
            { "criterion": "CC1.1", "control": "X.5", "relationship": "subset_of", "rationale": "r" }
        ]
    })
}

fn crosswalk() -> Crosswalk {
    Crosswalk::from_json(&crosswalk_value().to_string()).expect("the test crosswalk is valid")
}

fn answered(bank: &Bank, answers: &[(&str, Status)]) -> Assessment {
    let mut a = Assessment::new("a".into(), "A".into(), bank, "2026-01-01T00:00:00Z".into());
    for (q, s) in answers {
        a = reduce(&a, Action::SetStatus((*q).into(), Some(*s)));
    }
    a
}

fn readiness(cw: &Crosswalk, bank: &Bank, a: &Assessment) -> CrosswalkReadiness {
    CrosswalkReadiness::compute(cw, bank, &Scorecard::compute(bank, a))
}

/// (readiness, shown) of control `id`.
fn control(r: &CrosswalkReadiness, cw: &Crosswalk, id: &str) -> (Option<f64>, Shown) {
    let c = &r.controls[cw.control_index(id).unwrap()];
    (c.readiness, c.shown)
}

fn tick(a: &Assessment, control: &str, on: bool) -> Assessment {
    reduce(
        a,
        Action::SetInPlaceElsewhere {
            crosswalk: "t".into(),
            control: control.into(),
            on,
        },
    )
}

fn proposed(cw: &Crosswalk, bank: &Bank, a: &Assessment) -> Vec<String> {
    proposals(cw, bank, a)
        .into_iter()
        .map(|p| p.question)
        .collect()
}

// ---------------------------------------------------------- shipped files

fn shipped(id: &str) -> String {
    let path = format!("{}/static/crosswalk/{id}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn both_shipped_crosswalks_fit_the_built_in_bank_and_cover_every_criterion() {
    let bank = soc2_readiness::core::builtin_bank().unwrap();
    for id in SHIPPED {
        let cw = Crosswalk::from_json(&shipped(id)).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(cw.id, id);
        let problems: Vec<String> = cw
            .check_against(&bank)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(problems.is_empty(), "{id}: {problems:#?}");
        // Every question link is precise enough to propose from or not;
        // the file says which with its relationship, and each one explains.
        assert!(cw.links.iter().all(|l| !l.rationale.is_empty()));
    }
}

#[test]
fn iso_lists_the_93_annex_a_controls_and_nist_its_106_subcategories() {
    let iso = Crosswalk::from_json(&shipped("iso27001-2022")).unwrap();
    assert_eq!(iso.controls.len(), 93);
    assert_eq!(iso.controls.first().unwrap().id, "A.5.1");
    assert_eq!(iso.controls.last().unwrap().id, "A.8.34");
    let per_theme: Vec<usize> = (0..iso.themes.len())
        .map(|t| (0..93).filter(|&c| iso.theme_of(c) == t).count())
        .collect();
    assert_eq!(per_theme, [37, 8, 14, 34]);
    let nist = Crosswalk::from_json(&shipped("nist-csf-2.0")).unwrap();
    assert_eq!(nist.controls.len(), 106);
    let functions: Vec<&str> = nist.themes.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(functions, ["GV", "ID", "PR", "DE", "RS", "RC"]);
}

// ------------------------------------------------------------- validation

/// The message for the test crosswalk changed by `change`.
fn refusal(change: impl FnOnce(&mut Value)) -> String {
    let mut v = crosswalk_value();
    change(&mut v);
    match Crosswalk::from_json(&v.to_string()) {
        Ok(_) => panic!("a broken crosswalk was accepted"),
        Err(e) => e.to_string().replace(['\u{2068}', '\u{2069}'], ""),
    }
}

#[test]
fn each_broken_row_is_named_with_what_is_wrong() {
    type Change = Box<dyn FnOnce(&mut Value)>;
    let cases: Vec<(Change, &[&str])> = vec![
        (
            Box::new(|v| v["links"][1]["control"] = json!("X.9")),
            &["links[1] (CC6.1 → X.9)", "unknown control"],
        ),
        (
            Box::new(|v| v["links"][2]["rationale"] = json!("  ")),
            &["links[2] (q-c → X.3)", "rationale is missing"],
        ),
        (
            Box::new(|v| {
                v["links"][4].as_object_mut().unwrap().remove("rationale");
            }),
            &["links[4]", "missing field `rationale`"],
        ),
        (
            Box::new(|v| v["links"][3]["relationship"] = json!("overlaps")),
            &["links[3].relationship", "unknown variant `overlaps`"],
        ),
        (
            Box::new(|v| v["links"][0]["criterion"] = json!("CC6.1")),
            &[
                "links[0] (→ X.1)",
                "exactly one of `criterion` and `question`",
            ],
        ),
        (
            Box::new(|v| {
                let copy = v["links"][1].clone();
                v["links"].as_array_mut().unwrap().push(copy);
            }),
            &["links[5] (CC6.1 → X.2)", "same pair twice"],
        ),
        (
            Box::new(|v| v["controls"][4]["id"] = json!("X.1")),
            &["controls[4] (X.1)", "repeats an id"],
        ),
        (
            Box::new(|v| v["controls"][2]["theme"] = json!("T9")),
            &["controls[2] (X.3)", "unknown theme", "T9"],
        ),
        (
            Box::new(|v| v["uncovered"] = json!([{ "criterion": "CC8.1", "why": "w" }])),
            &["uncovered[0] (CC8.1)", "linked too"],
        ),
        (
            Box::new(|v| v["links"][0]["rationale"] = json!("x".repeat(241))),
            &["links[0] (q-a → X.1)", "longer than 240"],
        ),
        (
            Box::new(|v| v["format_version"] = json!(2)),
            &["not a crosswalk in a format this app reads"],
        ),
    ];
    for (change, words) in cases {
        let message = refusal(change);
        for w in words {
            assert!(message.contains(w), "{w:?} missing from: {message}");
        }
        assert!(message.len() < 300, "short: {message}");
    }
}

#[test]
fn a_crosswalk_that_does_not_fit_the_bank_says_which_rows() {
    let bank = bank();
    assert!(crosswalk().check_against(&bank).is_empty());
    let mut v = crosswalk_value();
    v["links"][0]["question"] = json!("q-gone");
    // CC1.1's only link removed, and no reason given.
    v["links"].as_array_mut().unwrap().remove(4);
    let cw = Crosswalk::from_json(&v.to_string()).unwrap();
    let problems: Vec<String> = cw
        .check_against(&bank)
        .iter()
        .map(|e| e.to_string().replace(['\u{2068}', '\u{2069}'], ""))
        .collect();
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems[0].contains("links[0] (q-gone → X.1)"),
        "{problems:?}"
    );
    assert!(problems[1].contains("criterion CC1.1") && problems[1].contains("no reason"));
    // A reason is enough.
    v["uncovered"] = json!([{ "criterion": "CC1.1", "why": "no counterpart" }]);
    v["links"][0]["question"] = json!("q-a");
    let cw = Crosswalk::from_json(&v.to_string()).unwrap();
    assert!(cw.check_against(&bank).is_empty());
}

// -------------------------------------------------------------- readiness

#[test]
fn readiness_per_control_and_theme_follows_the_links_by_hand() {
    let (bank, cw) = (bank(), crosswalk());
    let a = answered(
        &bank,
        &[
            ("q-a", Status::Ready),
            ("q-b", Status::Partial),
            ("q-c", Status::Ready),
        ],
    );
    let r = readiness(&cw, &bank, &a);
    // q-a is ready, but SOC 2 asks less than X.1: never fully shown.
    assert_eq!(control(&r, &cw, "X.1"), (Some(100.0), Shown::Partly));
    // CC6.1 = (3×100 + 3×50) / (3×200) = 75%.
    assert_eq!(control(&r, &cw, "X.2"), (Some(75.0), Shown::Partly));
    // q-c (SOC 2 asks more) ready, and CC8.1 ready: (100 + 100) / 2.
    assert_eq!(control(&r, &cw, "X.3"), (Some(100.0), Shown::Fully));
    assert_eq!(control(&r, &cw, "X.4"), (None, Shown::NoLink));
    // q-d unanswered: CC1.1 has nothing to say yet.
    assert_eq!(control(&r, &cw, "X.5"), (None, Shown::NotAnswered));
    let t1 = &r.themes[0];
    assert_eq!((t1.controls, t1.linked, t1.fully, t1.partly), (2, 2, 0, 2));
    assert_eq!(t1.readiness, Some(87.5), "(100 + 75) / 2");
    let t2 = &r.themes[1];
    assert_eq!((t2.controls, t2.linked, t2.fully, t2.partly), (3, 2, 1, 0));
    assert_eq!(t2.readiness, Some(100.0), "only X.3 has answers");

    // q-c in place without evidence: (75 + 75) / 2, short of fully.
    let a = reduce(
        &a,
        Action::SetStatus("q-c".into(), Some(Status::Implemented)),
    );
    let r = readiness(&cw, &bank, &a);
    assert_eq!(control(&r, &cw, "X.3"), (Some(75.0), Shown::Partly));
    // Not in place: answered, and nothing shown.
    let a = reduce(&a, Action::SetStatus("q-c".into(), Some(Status::Missing)));
    let r = readiness(&cw, &bank, &a);
    assert_eq!(control(&r, &cw, "X.3"), (Some(0.0), Shown::NotYet));
    // Not applicable says nothing about the control.
    let a = reduce(
        &a,
        Action::SetStatus("q-c".into(), Some(Status::NotApplicable)),
    );
    let r = readiness(&cw, &bank, &a);
    assert_eq!(control(&r, &cw, "X.3"), (None, Shown::NotAnswered));
}

#[test]
fn questions_the_assessment_does_not_ask_do_not_count() {
    let (bank, cw) = (bank(), crosswalk());
    let a = answered(&bank, &[("q-a", Status::Ready), ("q-b", Status::Missing)]);
    let quick = reduce(&a, Action::SetPath(QuestionPath::Quick));
    // The quick path asks q-a and q-c only: CC6.1 is q-a alone.
    let r = readiness(&cw, &bank, &quick);
    assert_eq!(control(&r, &cw, "X.2"), (Some(100.0), Shown::Partly));
    let c = &r.controls[cw.control_index("X.5").unwrap()];
    assert_eq!((c.asked, c.answered), (0, 0));
}

// -------------------------------------------------------------- proposals

#[test]
fn controls_in_place_propose_only_what_they_wholly_cover_and_nothing_silently() {
    let (bank, cw) = (bank(), crosswalk());
    let a = answered(&bank, &[("q-b", Status::Partial)]);
    assert!(proposed(&cw, &bank, &a).is_empty(), "nothing ticked");
    // X.2 overlaps CC6.1 only; q-c asks more than X.3: neither proposes.
    let a = tick(&tick(&a, "X.2", true), "X.3", true);
    assert!(proposed(&cw, &bank, &a).is_empty());
    // X.1 covers q-a; X.5 covers all of CC1.1, so q-d.
    let a = tick(&tick(&a, "X.1", true), "X.5", true);
    assert_eq!(proposed(&cw, &bank, &a), ["q-a", "q-d"]);
    assert_eq!(a.status("q-a"), None, "a proposal is not an answer");
    // An answered question is never proposed over.
    let mine = reduce(&a, Action::SetStatus("q-a".into(), Some(Status::Planned)));
    assert_eq!(proposed(&cw, &bank, &mine), ["q-d"]);
    // Unticking takes its proposal away.
    assert_eq!(proposed(&cw, &bank, &tick(&a, "X.5", false)), ["q-a"]);
}

#[test]
fn a_question_serving_a_criterion_no_ticked_control_covers_is_not_proposed() {
    let bank = bank_with(&[("q-e", "\"CC1.1\", \"CC8.1\"")]);
    let cw = crosswalk();
    let a = tick(&answered(&bank, &[]), "X.5", true);
    // X.5 covers CC1.1, so q-d; q-e also serves CC8.1, which X.5 does not.
    assert_eq!(proposed(&cw, &bank, &a), ["q-d"]);
    // CC8.1 only overlaps X.3: ticking it still leaves q-e partly covered.
    assert_eq!(proposed(&cw, &bank, &tick(&a, "X.3", true)), ["q-d"]);
    // A link of the question's own is enough on its own.
    let mut v = crosswalk_value();
    v["links"].as_array_mut().unwrap().push(
        json!({ "question": "q-e", "control": "X.4", "relationship": "equal", "rationale": "r" }),
    );
    let cw = Crosswalk::from_json(&v.to_string()).unwrap();
    assert_eq!(proposed(&cw, &bank, &tick(&a, "X.4", true)), ["q-d", "q-e"]);
}

#[test]
fn accepting_proposals_is_marked_and_undone_without_touching_user_answers() {
    let (bank, cw) = (bank(), crosswalk());
    let a = tick(&tick(&answered(&bank, &[]), "X.1", true), "X.5", true);
    let all = Action::AcceptProposals {
        crosswalk: "t".into(),
        questions: proposed(&cw, &bank, &a),
        status: PROPOSED_STATUS,
    };
    let a = reduce(&a, all);
    for q in ["q-a", "q-d"] {
        assert_eq!(a.status(q), Some(Status::Implemented), "{q}");
        assert_eq!(a.answer(q).unwrap().accepted_from, "t");
    }
    assert!(proposed(&cw, &bank, &a).is_empty());
    assert_eq!(accepted(&bank, &a, "t"), ["q-a", "q-d"]);
    // The user confirms q-a with evidence: theirs now.
    let a = reduce(&a, Action::SetStatus("q-a".into(), Some(Status::Ready)));
    assert_eq!(accepted(&bank, &a, "t"), ["q-d"]);
    // Undo takes back only what is still as accepted.
    let undone = reduce(&a, Action::UndoAccepted("t".into()));
    assert_eq!(undone.status("q-a"), Some(Status::Ready));
    assert_eq!(undone.answer("q-d"), None, "nothing left behind");
    assert_eq!(proposed(&cw, &bank, &undone), ["q-d"], "proposed again");
    // Accepting one at a time, and never over an answer given meanwhile.
    let one = reduce(
        &undone,
        Action::AcceptProposals {
            crosswalk: "t".into(),
            questions: vec!["q-d".into(), "q-a".into()],
            status: PROPOSED_STATUS,
        },
    );
    assert_eq!(one.status("q-a"), Some(Status::Ready));
    assert_eq!(one.answer("q-a").unwrap().accepted_from, "");
    // Unticking everything clears the record of controls in place.
    let none = tick(&tick(&one, "X.1", false), "X.5", false);
    assert!(none.in_place_elsewhere.is_empty());
}

#[test]
fn the_gap_list_cell_names_each_target_control_once_with_its_relationship() {
    let (bank, cw) = (bank(), crosswalk());
    assert_eq!(
        cw.cell_for_question(&bank, "q-a"),
        "X.1 (SOC 2 asks less); X.2 (overlap, via CC6.1)"
    );
    assert_eq!(
        cw.cell_for_question(&bank, "q-c"),
        "X.3 (SOC 2 asks more)",
        "the criterion's link to X.3 is not listed again"
    );
    assert_eq!(
        cw.cell_for_question(&bank, "q-b"),
        "X.2 (overlap, via CC6.1)"
    );
    // Whatever the order in the file, the question's own link wins.
    let mut v = crosswalk_value();
    v["links"].as_array_mut().unwrap().reverse();
    let reversed = Crosswalk::from_json(&v.to_string()).unwrap();
    assert_eq!(
        reversed.cell_for_question(&bank, "q-c"),
        "X.3 (SOC 2 asks more)"
    );
}

// ------------------------------------------------------------------ schema

const SCHEMA: &str = include_str!("../static/schema/crosswalk.schema.json");

fn schema_errors(value: &Value) -> Vec<String> {
    schema::errors(&serde_json::from_str(SCHEMA).unwrap(), value)
}

#[test]
fn the_shipped_files_pass_the_published_schema() {
    for id in SHIPPED {
        let value: Value = serde_json::from_str(&shipped(id)).unwrap();
        assert_eq!(schema_errors(&value), Vec::<String>::new(), "{id}");
    }
    assert_eq!(schema_errors(&crosswalk_value()), Vec::<String>::new());
}

#[test]
fn the_schema_refuses_what_the_app_refuses() {
    type Change = fn(&mut Value);
    let cases: [(&str, Change); 6] = [
        ("no rationale", |v| {
            v["links"][0].as_object_mut().unwrap().remove("rationale");
        }),
        ("a blank rationale", |v| {
            v["links"][0]["rationale"] = json!(" ")
        }),
        ("an unknown relationship", |v| {
            v["links"][0]["relationship"] = json!("related")
        }),
        ("both a criterion and a question", |v| {
            v["links"][0]["criterion"] = json!("CC6.1")
        }),
        ("neither a criterion nor a question", |v| {
            v["links"][0].as_object_mut().unwrap().remove("question");
        }),
        ("an unknown field", |v| v["links"][0]["weight"] = json!(1)),
    ];
    for (what, change) in cases {
        let mut v = crosswalk_value();
        change(&mut v);
        assert!(!schema_errors(&v).is_empty(), "the schema accepts {what}");
        assert!(
            Crosswalk::from_json(&v.to_string()).is_err(),
            "the app accepts {what}"
        );
    }
}

#[test]
fn the_schema_declares_exactly_the_fields_of_the_shipped_files() {
    let mut used = std::collections::BTreeSet::new();
    for id in SHIPPED {
        let value: Value = serde_json::from_str(&shipped(id)).unwrap();
        used.extend(schema::used_fields(&value, &[]));
    }
    let declared = schema::declared_fields(&serde_json::from_str(SCHEMA).unwrap());
    assert_eq!(declared, used);
}

#[test]
fn a_question_card_names_a_shipped_crosswalk_without_its_file() {
    use soc2_readiness::core::crosswalk::short_name_of;
    for id in SHIPPED {
        let cw = Crosswalk::from_json(&shipped(id)).unwrap();
        assert_eq!(short_name_of(id), cw.short_name, "{id}");
    }
    // Any other id a file names is never printed as a framework.
    assert_eq!(short_name_of("custom-x"), "another framework");
    assert_eq!(short_name_of("totally-real-framework"), "another framework");
}

#[test]
fn controls_in_place_and_accepted_answers_survive_export_and_import() {
    let bank = soc2_readiness::core::builtin_bank().unwrap();
    let mut a = Assessment::new("a".into(), "A".into(), &bank, "2026-01-01T00:00:00Z".into());
    a = reduce(
        &a,
        Action::SetInPlaceElsewhere {
            crosswalk: "iso27001-2022".into(),
            control: "A.5.18".into(),
            on: true,
        },
    );
    a = reduce(
        &a,
        Action::AcceptProposals {
            crosswalk: "iso27001-2022".into(),
            questions: vec!["cc6-leaver-deprovisioning".into()],
            status: PROPOSED_STATUS,
        },
    );
    let text = soc2_readiness::core::exchange::export_json(&a);
    let back = soc2_readiness::core::exchange::import_json(text.as_bytes(), &bank).unwrap();
    assert_eq!(back, a);
    assert_eq!(back.in_place_elsewhere["iso27001-2022"].len(), 1);
}
