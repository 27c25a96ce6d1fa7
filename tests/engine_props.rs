//! Properties of the scoring engine over the built-in bank and random
//! assessments: scopes, paths, report types, periods and answers.

use proptest::prelude::*;
use soc2_readiness::core::assessment::{
    Answer, Assessment, Period, QuestionPath, ReportType, Status,
};
use soc2_readiness::core::bank::{Bank, Question};
use soc2_readiness::core::catalog::Category;
use soc2_readiness::core::date::Day;
use soc2_readiness::core::evaluate::Evaluation;
use soc2_readiness::core::outcome::Tier;
use soc2_readiness::core::score::Score;
use soc2_readiness::core::{builtin_bank, evaluate};
use std::sync::OnceLock;

fn bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| builtin_bank().expect("built-in bank"))
}

/// The questions that follow `q` up.
fn follow_ups<'b>(bank: &'b Bank, q: &Question) -> impl Iterator<Item = &'b Question> {
    let ix = bank.questions.iter().position(|x| x.id == q.id);
    bank.questions
        .iter()
        .filter(move |f| f.follows_ix.is_some() && f.follows_ix == ix)
}

fn has_follow_ups(bank: &Bank, q: &Question) -> bool {
    follow_ups(bank, q).next().is_some()
}

fn base_day() -> Day {
    Day::from_ymd(2026, 1, 1).expect("valid date")
}

/// Statuses from worst to best, `None` being unanswered; N/A apart.
const LADDER: [Option<Status>; 6] = [
    None,
    Some(Status::Missing),
    Some(Status::Planned),
    Some(Status::Partial),
    Some(Status::Implemented),
    Some(Status::Ready),
];

fn any_status() -> impl Strategy<Value = Option<Status>> {
    prop_oneof![
        4 => (0..LADDER.len()).prop_map(|i| LADDER[i]),
        1 => Just(Some(Status::NotApplicable)),
    ]
}

fn any_answer() -> impl Strategy<Value = Answer> {
    (
        any_status(),
        any::<bool>(),
        prop::option::of(-400i64..400),
        prop::option::of(-60i64..60),
        prop::collection::btree_set(0usize..6, 0..4),
        "[a-z]{0,3}",
    )
        .prop_map(|(status, justified, since, due, evidence, owner)| Answer {
            status,
            justification: if justified {
                "Out of scope".into()
            } else {
                String::new()
            },
            owner,
            due: due.map(|d| base_day().add_days(d)),
            evidence,
            operating_since: since.map(|d| base_day().add_days(d)),
            ..Answer::default()
        })
}

fn any_assessment() -> impl Strategy<Value = Assessment> {
    let n = bank().questions.len();
    (
        prop::collection::vec(any::<bool>(), 4),
        any::<bool>(),
        any::<bool>(),
        prop::option::of((-200i64..200, 0i64..500)),
        prop::collection::vec(prop::option::of(any_answer()), n),
    )
        .prop_map(|(optional, quick, type2, period, answers)| {
            let bank = bank();
            let mut a = Assessment::new("p".into(), "Prop".into(), bank, "now".into());
            for (c, on) in Category::ALL[1..].iter().zip(optional) {
                if on {
                    a.scope.categories.insert(*c);
                }
            }
            if quick {
                a.path = QuestionPath::Quick;
            }
            if type2 {
                a.scope.report_type = ReportType::Type2;
            }
            a.scope.period = period.map(|(start, len)| Period {
                start: base_day().add_days(start),
                end: base_day().add_days(start + len),
            });
            for (q, answer) in bank.questions.iter().zip(answers) {
                if let Some(answer) = answer {
                    a.answers.insert(q.id.clone(), answer);
                }
            }
            a
        })
}

fn today() -> Day {
    base_day().add_days(30)
}

/// Every score of an evaluation, labelled, for comparisons.
fn all_scores(e: &Evaluation) -> Vec<(String, Score)> {
    let card = &e.scorecard;
    let mut out = vec![("overall".to_owned(), card.overall)];
    out.extend(card.categories.iter().map(|(c, s)| (c.id().to_owned(), *s)));
    out.extend(
        card.series
            .iter()
            .map(|s| (format!("series {}", s.series), s.score)),
    );
    out.extend(
        card.criteria
            .iter()
            .map(|c| (format!("criterion {}", c.criterion), c.score)),
    );
    out
}

fn set_status(a: &Assessment, question: &str, status: Option<Status>) -> Assessment {
    let mut next = a.clone();
    next.answers.entry(question.to_owned()).or_default().status = status;
    next
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn scores_stay_between_0_and_100(a in any_assessment()) {
        let e = evaluate(bank(), &a, today());
        for (name, s) in all_scores(&e) {
            prop_assert!((0.0..=100.0).contains(&s.readiness), "{name}: {}", s.readiness);
            prop_assert!((0.0..=100.0).contains(&s.completion), "{name}: {}", s.completion);
        }
        for q in e.scorecard.questions.iter().flatten() {
            prop_assert!(q.readiness().is_none_or(|r| (0.0..=100.0).contains(&r)));
        }
        for g in &e.roadmap.gaps {
            prop_assert!(g.priority <= 100);
        }
    }

    #[test]
    fn improving_one_answer_never_lowers_a_score_or_adds_an_exception(
        a in any_assessment(),
        pick in any::<prop::sample::Index>(),
        from in 0..LADDER.len(),
        step in 1..LADDER.len(),
    ) {
        let bank = bank();
        let q = &bank.questions[pick.index(bank.questions.len())];
        let to = (from + step).min(LADDER.len() - 1);
        let before = evaluate(bank, &set_status(&a, &q.id, LADDER[from]), today());
        let after = evaluate(bank, &set_status(&a, &q.id, LADDER[to]), today());
        let after_scores = all_scores(&after);
        for (name, b) in all_scores(&before) {
            let Some((_, s)) = after_scores.iter().find(|(n, _)| *n == name) else {
                return Err(TestCaseError::fail(format!("{name} disappeared")));
            };
            prop_assert!(s.readiness >= b.readiness, "{name}: {} < {}", s.readiness, b.readiness);
            // Taking a question from "no" to better makes its follow-ups
            // askable again: they were implied "not in place", now they
            // wait for an answer (same readiness, less completion).
            prop_assert!(s.completion >= b.completion || has_follow_ups(bank, q), "{name} completion");
        }
        // From an answer to a better one, no criterion's verdict and no
        // ordered tier gets worse (unanswered to answered is not "better":
        // it can reveal a failure).
        if from > 0 {
            for j in &after.outcome.judgements {
                if let Some(b) = before.outcome.judgement(j.criterion) {
                    prop_assert!(j.verdict <= b.verdict, "criterion {} got worse", j.criterion);
                }
            }
            let ordered = |t: Tier| t <= Tier::Adverse;
            if ordered(before.outcome.tier) && ordered(after.outcome.tier) {
                prop_assert!(after.outcome.tier <= before.outcome.tier);
            }
        }
    }

    #[test]
    fn not_applicable_never_changes_another_criterions_score(
        a in any_assessment(),
        pick in any::<prop::sample::Index>(),
    ) {
        let bank = bank();
        let q = &bank.questions[pick.index(bank.questions.len())];
        let before = evaluate(bank, &a, today());
        let after = evaluate(bank, &set_status(&a, &q.id, Some(Status::NotApplicable)), today());
        // A follow-up of a question not applicable is not applicable too.
        let follow_up_criteria: Vec<usize> = follow_ups(bank, q)
            .flat_map(|f| f.criterion_ix.iter().copied())
            .collect();
        for c in &before.scorecard.criteria {
            if q.criterion_ix.contains(&c.criterion) || follow_up_criteria.contains(&c.criterion) {
                continue;
            }
            prop_assert_eq!(Some(&c.score), after.scorecard.criterion(c.criterion).map(|c| &c.score));
        }
    }

    #[test]
    fn same_input_gives_same_output(a in any_assessment()) {
        let bank = bank();
        let first = evaluate(bank, &a, today());
        prop_assert_eq!(&first, &evaluate(bank, &a.clone(), today()));
        prop_assert_eq!(first.outcome.reasons(bank), evaluate(bank, &a, today()).outcome.reasons(bank));
        // Answers to questions the bank does not have change nothing.
        let mut stray = a.clone();
        stray.answers.insert("not-a-question".into(), Answer { status: Some(Status::Missing), ..Answer::default() });
        prop_assert_eq!(&first, &evaluate(bank, &stray, today()));
    }

    #[test]
    fn a_category_out_of_scope_is_never_mentioned(a in any_assessment()) {
        let bank = bank();
        let e = evaluate(bank, &a, today());
        let in_scope = |c: Category| a.scope.categories.contains(&c);
        let criterion_in_scope = |ix: usize| {
            bank.criteria.get(ix).is_some_and(|c| in_scope(bank.criterion_category(c)))
        };
        prop_assert!(e.scorecard.categories.iter().all(|(c, _)| in_scope(*c)));
        prop_assert!(e.scorecard.series.iter().all(|s| in_scope(s.category)));
        prop_assert!(e.scorecard.criteria.iter().all(|c| in_scope(c.category)));
        for (ix, q) in e.scorecard.questions.iter().enumerate() {
            prop_assert!(q.is_none() || in_scope(bank.questions[ix].category));
        }
        for g in &e.roadmap.gaps {
            prop_assert!(in_scope(bank.questions[g.question].category));
            prop_assert!(e.roadmap.criteria(g).iter().all(|&c| criterion_in_scope(c)));
        }
        prop_assert!(e.outcome.judgements.iter().all(|x| criterion_in_scope(x.criterion)));
        // Criterion reasons start with the criterion's id.
        let reasons = e.outcome.reasons(bank);
        for c in &bank.criteria {
            if !in_scope(bank.criterion_category(c)) {
                let named = format!("{} (", c.id);
                prop_assert!(!reasons.iter().any(|r| r.starts_with(&named)), "{} mentioned", c.id);
            }
        }
    }

    #[test]
    fn roadmap_lists_every_answer_short_of_ready_once_in_order(a in any_assessment()) {
        let bank = bank();
        let e = evaluate(bank, &a, today());
        let short: Vec<usize> = e.scorecard.questions.iter().enumerate()
            .filter(|(_, q)| q.is_some_and(|q| q.is_short_of_ready() || q.needs_justification))
            .map(|(ix, _)| ix)
            .collect();
        let mut listed: Vec<usize> = e.roadmap.gaps.iter().map(|g| g.question).collect();
        listed.sort_unstable();
        prop_assert_eq!(listed, short);
        for pair in e.roadmap.gaps.windows(2) {
            let key = |g: &soc2_readiness::core::roadmap::Gap| (g.phase, std::cmp::Reverse(g.priority), g.question);
            prop_assert!(key(&pair[0]) < key(&pair[1]));
        }
        for g in &e.roadmap.gaps {
            prop_assert_eq!(g.overdue, g.due.is_some_and(|d| d < today()));
        }
    }
}
