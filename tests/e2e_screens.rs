//! Every screen at phone and desktop widths, with a realistic assessment:
//! it renders, nothing overflows sideways, axe-core finds no serious or
//! critical accessibility violation, and the report prints without the
//! app around it. Screenshots land in `target/screenshots/` for review.
//!
//! Needs `./setup.sh build` (and axe-core, installed by `./setup.sh test`).
//! Run: `cargo test --features e2e --test e2e_screens`.

#[path = "support/e2e.rs"]
mod e2e;
#[path = "support/runs.rs"]
mod runs;

use e2e::*;
use fantoccini::{Client, Locator};
use serde_json::{Value, json};
use soc2_readiness::core::assessment::{Period, ReportType};
use soc2_readiness::core::commitment::{Commitment, CommitmentKind};
use soc2_readiness::core::description::{DescriptionDraft, Event};
use soc2_readiness::core::exchange::export_json;
use soc2_readiness::core::vendor::{
    Csoc, Cuec, ReportKind, Treatment, Vendor, VendorOpinion, VendorReport,
};
use soc2_readiness::core::{Action, Assessment, Category, Day, Status, builtin_bank, reduce};
use std::path::PathBuf;

const ID: &str = "demo";

/// The same assessment after remediation: every planned control is now ready.
fn final_assessment() -> String {
    let bank = builtin_bank().unwrap();
    let initial =
        soc2_readiness::core::exchange::import_json(demo_assessment().as_bytes(), &bank).unwrap();
    let mut a = initial.clone();
    a.id = "final".into();
    a.name = "Acme final readiness".into();
    for (q, answer) in &initial.answers {
        if answer.status == Some(Status::Planned) {
            a = reduce(&a, Action::SetStatus(q.clone(), Some(Status::Ready)));
            a = reduce(
                &a,
                Action::SetOperatingSince(q.clone(), Some(Day::parse("2025-12-01").unwrap())),
            );
            a = runs::every_window_of_h1_2026(&bank, a, q);
        }
    }
    export_json(&a)
}

/// A half-done Type II assessment: every status, owners, due dates, ticks.
fn demo_assessment() -> String {
    let bank = builtin_bank().unwrap();
    let mut a = Assessment::new(
        ID.into(),
        "Acme initial readiness".into(),
        &bank,
        "2026-11-20T10:00:00Z".into(),
    );
    let day = |s| Day::parse(s).unwrap();
    for action in [
        Action::SetOrganisation("Acme Analytics Ltd".into()),
        Action::SetSystem("Acme SaaS platform".into()),
        Action::SetReportType(ReportType::Type2),
        Action::SetPeriod(Some(Period {
            start: day("2026-01-01"),
            end: day("2026-06-30"),
        })),
        Action::SetCategory(Category::Availability, true),
        Action::SetCategory(Category::Confidentiality, true),
    ] {
        a = reduce(&a, action);
    }
    let statuses = [
        Some(Status::Ready),
        Some(Status::Implemented),
        Some(Status::Partial),
        Some(Status::Planned),
        Some(Status::Missing),
        None,
        Some(Status::Ready),
    ];
    let asked: Vec<String> = a.asked(&bank).map(|q| q.id.clone()).collect();
    for (i, q) in asked.iter().enumerate() {
        let status = statuses[i % statuses.len()];
        a = reduce(&a, Action::SetStatus(q.clone(), status));
        if status == Some(Status::Ready) {
            a = reduce(
                &a,
                Action::SetOperatingSince(q.clone(), Some(day("2025-10-01"))),
            );
            a = reduce(&a, Action::SetEvidence(q.clone(), 0, true));
            a = runs::every_window_of_h1_2026(&bank, a, q);
            if bank
                .question(q)
                .is_some_and(|q| q.evidence_valid_months[0].is_some())
            {
                a = reduce(
                    &a,
                    Action::SetCollected(q.clone(), 0, Some(day("2025-11-15"))),
                );
            }
        }
        if i % 3 == 0 {
            a = reduce(
                &a,
                Action::SetOwner(
                    q.clone(),
                    ["Dana (CTO)", "Sam (IT)", "Priya (HR)"][(i / 3) % 3].into(),
                ),
            );
            a = reduce(
                &a,
                Action::SetDue(
                    q.clone(),
                    Some(day(if i % 2 == 0 {
                        "2026-01-15"
                    } else {
                        "2027-03-01"
                    })),
                ),
            );
        }
    }
    // A vendor register with each kind of vendor, commitments and a
    // started description draft, so their screens have something to show.
    let report = |report_type, start, end, reviewed: Option<&str>| VendorReport {
        kind: ReportKind::Soc2,
        report_type,
        start: day(start),
        end: day(end),
        opinion: VendorOpinion::Unmodified,
        exceptions: String::new(),
        reviewed: reviewed.map(|r| Day::parse(r).unwrap()),
    };
    let csoc = |text: &str, tested| Csoc {
        text: text.into(),
        supports: vec!["CC6.4".into()],
        tested,
        exception: false,
    };
    for v in [
        Vendor {
            id: "v1".into(),
            name: "Cloudhost".into(),
            service: "Hosting, databases and backups".into(),
            treatment: Treatment::CarveOut,
            reports: vec![report(
                ReportType::Type2,
                "2025-04-01",
                "2026-03-31",
                Some("2026-04-20"),
            )],
            bridge_until: Some(day("2026-05-15")),
            csocs: vec![csoc("Physical security of the data centres", true)],
            cuecs: vec![Cuec {
                text: "Enable MFA for console users".into(),
                question: "cc6-mfa-enforced".into(),
            }],
        },
        Vendor {
            id: "v2".into(),
            name: "Signin".into(),
            service: "Single sign-on".into(),
            treatment: Treatment::CarveOut,
            reports: vec![report(ReportType::Type1, "2026-02-28", "2026-02-28", None)],
            bridge_until: None,
            csocs: vec![csoc("Sign-in tokens are signed and expire", false)],
            cuecs: Vec::new(),
        },
        Vendor {
            id: "v3".into(),
            name: "Payco".into(),
            service: "Card payments".into(),
            treatment: Treatment::Inclusive,
            ..Vendor::default()
        },
        Vendor {
            id: "v4".into(),
            name: "Mailer".into(),
            treatment: Treatment::NotSubservice,
            ..Vendor::default()
        },
    ] {
        a = reduce(&a, Action::PutVendor(v));
    }
    for c in [
        Commitment {
            id: "c1".into(),
            kind: CommitmentKind::Availability,
            text: "99.9% monthly uptime for the API".into(),
            supports: vec!["a1-capacity-monitoring-alerts".into(), "A1.2".into()],
        },
        Commitment {
            id: "c2".into(),
            kind: CommitmentKind::Deletion,
            text: "Customer data deleted within 30 days of termination".into(),
            supports: vec!["c1-customer-offboarding-deletion".into()],
        },
    ] {
        a = reduce(&a, Action::PutCommitment(c));
    }
    let mut draft = DescriptionDraft::default();
    draft.texts.insert(
        "services".into(),
        "A web analytics service for online shops, sold to small and mid-sized retailers.".into(),
    );
    draft.texts.insert(
        "components.software".into(),
        "Rust services and a web app".into(),
    );
    draft.incidents.push(Event {
        day: day("2026-03-02"),
        summary: "A phished support account, locked within 2 hours; no customer data seen".into(),
    });
    draft.none.insert("changes".into());
    a = reduce(&a, Action::SetDescription(draft));
    // A rehearsed sample: 30 leavers over the period, 15 drawn, two tested.
    let mut rows = String::from("id,date\n");
    for i in 0..30 {
        rows.push_str(&format!("L{i:02},{}\n", day("2026-01-03").add_days(6 * i)));
    }
    rows.push_str("L99,2025-12-20\n");
    let period = a.scope.period.unwrap();
    let population = soc2_readiness::core::fieldwork::read_population(&rows, period).unwrap();
    let drawn = soc2_readiness::core::fieldwork::draw(&population.items, 15, 4242, period);
    let picks = drawn
        .iter()
        .enumerate()
        .map(|(n, &ix)| soc2_readiness::core::fieldwork::Pick {
            id: population.items[ix].id.clone(),
            result: match n {
                0 => Some(soc2_readiness::core::fieldwork::Outcome::Pass),
                1 => Some(soc2_readiness::core::fieldwork::Outcome::Fail),
                _ => None,
            },
            note: if n == 1 {
                "Access removed 9 days late".into()
            } else {
                String::new()
            },
            evidence: if n < 2 {
                "HR ticket and IdP log".into()
            } else {
                String::new()
            },
        })
        .collect();
    a = reduce(
        &a,
        Action::SetRehearsal(
            "cc6-leaver-deprovisioning".into(),
            Some(soc2_readiness::core::fieldwork::Rehearsal {
                question: String::new(),
                items: population.items,
                outside: 1,
                seed: Some(4242),
                picks,
            }),
        ),
    );
    // ISO 27001 controls in place, so the crosswalk has proposals to show.
    for control in ["A.5.18", "A.5.19", "A.5.24", "A.8.8", "A.8.13", "A.8.15"] {
        a = reduce(
            &a,
            Action::SetInPlaceElsewhere {
                crosswalk: "iso27001-2022".into(),
                control: control.into(),
                on: true,
            },
        );
    }
    export_json(&a)
}

/// Loads axe-core's source once (installed by setup.sh next to wasm-opt).
fn axe_source() -> String {
    let dir = std::env::var("SOC2R_TOOLS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(std::env::var("HOME").unwrap_or_default())
                .join(".local/share/soc2-readiness-tools")
        });
    let path = dir.join("node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core at {}: {e} (./setup.sh test installs it)",
            path.display()
        )
    })
}

/// Serious and critical axe-core violations on the current page.
async fn accessibility_violations(c: &Client, axe: &str) -> Vec<String> {
    let script = format!(
        "{axe}\nconst done = arguments[arguments.length - 1];
         axe.run(document, {{ resultTypes: ['violations'] }}).then((r) => done(
           r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
             .map((v) => v.id + ': ' + v.help + ' (' + v.nodes.length + 'x, e.g. ' + v.nodes[0].target.join(' ') + ')')));"
    );
    let result = c
        .execute_async(&script, vec![])
        .await
        .expect("axe-core ran");
    serde_json::from_value(result).unwrap()
}

/// `target/screenshots/`, made if missing.
fn screenshots_dir() -> PathBuf {
    let shots = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    shots
}

async fn set_width(c: &Client, width: u32) {
    c.set_window_size(width, 900).await.unwrap();
}

async fn horizontal_overflow(c: &Client) -> i64 {
    let v = c
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            vec![],
        )
        .await
        .unwrap();
    v.as_i64().unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_renders_fits_and_passes_axe_at_phone_and_desktop_widths() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let c = browser(&driver, "screens", &temp_dir("screens-downloads")).await;
    let axe = axe_source();
    let shots = screenshots_dir();

    c.goto(&server.url).await.unwrap();
    wait_for(&c, ".soc2r-app").await;
    c.execute(
        "localStorage.setItem('soc2r/v1/assessment/demo', arguments[0]);
         localStorage.setItem('soc2r/v1/assessment/final', arguments[1]);",
        vec![json!(demo_assessment()), json!(final_assessment())],
    )
    .await
    .unwrap();
    c.refresh().await.unwrap();

    let screens = [
        ("home", "#/", ".soc2r-list"),
        ("scope", "#/a/demo/scope", "#scope-heading"),
        ("questions", "#/a/demo/questions", ".soc2r-question"),
        ("dashboard", "#/a/demo/dashboard", "#outcome-opinion"),
        (
            "gaps",
            "#/a/demo/gaps",
            ".soc2r-app main h3, .soc2r-app main h2",
        ),
        ("vendors", "#/a/demo/vendors", "section[data-vendor=\"v1\"]"),
        ("description", "#/a/demo/description", "#draft-heading"),
        (
            "fieldwork",
            "#/a/demo/fieldwork",
            "section[data-fieldwork=\"cc6-leaver-deprovisioning\"] table.picks",
        ),
        ("report", "#/a/demo/report", "#report-heading"),
        ("crosswalk", "#/a/demo/crosswalk", "#xw-themes"),
        ("compare", "#/compare", "#compare-before"),
        ("compare-results", "#/compare/demo/final", ".gaps-closed li"),
        ("help", "#/help", "#help-heading"),
        ("privacy", "#/privacy", ".soc2r-app main"),
    ];
    let mut problems = Vec::new();
    // Phone and desktop in the light theme and in the dark one.
    for (width, theme) in [
        (360, "light"),
        (375, "dark"),
        (1280, "light"),
        (1280, "dark"),
    ] {
        set_width(&c, width).await;
        devtools(
            &c,
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": theme }] }),
        )
        .await;
        for (name, hash, ready) in screens {
            let name = format!("{name}-{theme}");
            c.goto(&format!("{}{hash}", server.url)).await.unwrap();
            c.wait()
                .for_element(Locator::Css(ready))
                .await
                .unwrap_or_else(|e| panic!("{name}: no `{ready}`: {e}"));
            let png = c.screenshot().await.unwrap();
            std::fs::write(shots.join(format!("{name}-{width}.png")), png).unwrap();
            // The register screens are long forms: the whole page, to look at.
            if ["/vendors", "/description", "/dashboard", "/fieldwork"]
                .iter()
                .any(|s| hash.ends_with(s))
            {
                let full = devtools_value(
                    &c,
                    "Page.captureScreenshot",
                    json!({ "format": "png", "captureBeyondViewport": true }),
                )
                .await;
                let png = base64_decode(full["data"].as_str().expect("PNG data"));
                std::fs::write(shots.join(format!("{name}-{width}-full.png")), png).unwrap();
            }
            let overflow = horizontal_overflow(&c).await;
            if overflow > 0 {
                // Name what sticks out, deepest first, to say where to look.
                let culprits = run(
                    &c,
                    "const w = document.documentElement.clientWidth; \
                     return [...document.querySelectorAll('body *')] \
                       .filter(e => e.getBoundingClientRect().right > w + 1) \
                       .filter(e => ![...e.children].some(k => k.getBoundingClientRect().right > w + 1)) \
                       .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + \
                         (e.className ? '.' + String(e.className).split(' ').join('.') : '')).join(', ');",
                )
                .await;
                problems.push(format!(
                    "{name} at {width}px overflows sideways by {overflow}px ({})",
                    culprits.as_str().unwrap_or("")
                ));
            }
            for v in accessibility_violations(&c, &axe).await {
                problems.push(format!("{name} at {width}px: {v}"));
            }
        }
        // The Type II parts, close up: the operation panel, and a periodic
        // control's card opened on its run days (its inputs checked too).
        let periodic = demo_periodic_question();
        let parts = [
            (
                "operation",
                "#/a/demo/dashboard".to_owned(),
                ".soc2r-operation".to_owned(),
            ),
            (
                "type2-card",
                format!("#/a/demo/questions/{periodic}"),
                format!("#q-{periodic}"),
            ),
            (
                "crosswalk-proposals",
                "#/a/demo/crosswalk".to_owned(),
                "#proposals".to_owned(),
            ),
            (
                "crosswalk-controls",
                "#/a/demo/crosswalk".to_owned(),
                "details[id=\"theme-A.5\"]".to_owned(),
            ),
        ];
        for (part, hash, css) in parts {
            let name = format!("{part}-{theme}-{width}");
            c.goto(&format!("{}{hash}", server.url)).await.unwrap();
            let element = wait_for(&c, &css).await;
            // The card closed (its occurrence line), the panel unfolded;
            // then the card's run days once opened.
            if part == "operation" {
                click(&c, &format!("{css} details summary")).await;
            }
            // A theme unfolded, with one control's links open.
            if part == "crosswalk-controls" {
                run(
                    &c,
                    "const t = document.getElementById('theme-A.5'); t.open = true;
                     t.querySelector('tr[data-control=\"A.5.18\"] details').open = true;",
                )
                .await;
            }
            // A shot shows only what is in view: bring each part to the top.
            let top = |css: String| format!("document.querySelector('{css}').scrollIntoView()");
            run(&c, &top(css.clone())).await;
            let png = element.screenshot().await.unwrap();
            std::fs::write(shots.join(format!("{name}.png")), png).unwrap();
            if part == "type2-card" {
                click(&c, &format!("{css} details summary")).await;
                let runs = wait_for(&c, &format!("{css} fieldset.runs")).await;
                run(&c, &top(format!("{css} fieldset.runs"))).await;
                let png = runs.screenshot().await.unwrap();
                std::fs::write(shots.join(format!("type2-runs-{theme}-{width}.png")), png).unwrap();
            }
            for v in accessibility_violations(&c, &axe).await {
                problems.push(format!("{name}: {v}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A periodic key control the demo answers ready, with its run days.
fn demo_periodic_question() -> String {
    let bank = builtin_bank().unwrap();
    let a =
        soc2_readiness::core::exchange::import_json(demo_assessment().as_bytes(), &bank).unwrap();
    a.asked(&bank)
        .find(|q| {
            q.key
                && q.frequency.is_some_and(|f| f.is_periodic())
                && a.answer(&q.id).is_some_and(|x| !x.runs.is_empty())
        })
        .map(|q| q.id.clone())
        .expect("the demo has a periodic key control with runs")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_report_prints_without_the_app_around_it() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let c = browser(&driver, "print", &temp_dir("print-downloads")).await;
    c.goto(&server.url).await.unwrap();
    wait_for(&c, ".soc2r-app").await;
    c.execute(
        "localStorage.setItem('soc2r/v1/assessment/' + arguments[0], arguments[1]);",
        vec![json!(ID), json!(demo_assessment())],
    )
    .await
    .unwrap();
    c.goto(&format!("{}#/a/demo/report", server.url))
        .await
        .unwrap();
    c.refresh().await.unwrap();
    wait_for(&c, "#report-heading").await;

    devtools(
        &c,
        "Emulation.setEmulatedMedia",
        json!({ "media": "print" }),
    )
    .await;
    let display = |css: &str| {
        format!(
            "const e = document.querySelector('{css}'); return e ? getComputedStyle(e).display : 'absent';"
        )
    };
    for chrome in [".soc2r-header", ".soc2r-assessment-bar", "#print-report"] {
        let v: Value = c.execute(&display(chrome), vec![]).await.unwrap();
        assert_eq!(v, json!("none"), "{chrome} is hidden in print");
    }
    for content in ["#report-heading", ".report-tier", ".report-checklist"] {
        let v: Value = c.execute(&display(content), vec![]).await.unwrap();
        assert_ne!(v, json!("none"), "{content} prints");
        assert_ne!(v, json!("absent"), "{content} is in the report");
    }
    let png = c.screenshot().await.unwrap();
    std::fs::write(screenshots_dir().join("report-print.png"), png).unwrap();

    // Printed on A4: the first page is the summary and the whole report
    // keeps to the page budget (a realistic Type II assessment: 154 asked,
    // 110 gaps).
    let pdf = devtools_value(
        &c,
        "Page.printToPDF",
        json!({ "preferCSSPageSize": true, "printBackground": false }),
    )
    .await;
    let bytes = base64_decode(pdf["data"].as_str().expect("PDF data"));
    std::fs::write(screenshots_dir().join("report.pdf"), &bytes).unwrap();
    let pages = count_pages(&bytes);
    assert!(
        (2..=REPORT_PAGE_BUDGET).contains(&pages),
        "the report prints on {pages} A4 pages"
    );
    // The board one-pager: the print button's class, then one page.
    c.execute(
        "document.querySelector('.soc2r-report').classList.add('summary-only');",
        vec![],
    )
    .await
    .unwrap();
    let one = devtools_value(&c, "Page.printToPDF", json!({ "preferCSSPageSize": true })).await;
    let one = base64_decode(one["data"].as_str().expect("PDF data"));
    std::fs::write(screenshots_dir().join("report-summary.pdf"), &one).unwrap();
    assert_eq!(count_pages(&one), 1, "the one-page summary");
    c.execute(
        "document.querySelector('.soc2r-report').classList.remove('summary-only');",
        vec![],
    )
    .await
    .unwrap();
    // The summary fits the first page: laid out at the printable width of
    // A4 (210 mm less 28 mm), it is no taller than one page.
    c.set_window_size(A4_PRINTABLE_WIDTH_PX as u32, 1100)
        .await
        .unwrap();
    let fits: Value = c
        .execute(
            "const s = document.querySelector('.report-summary');
             return s.getBoundingClientRect().height;",
            vec![],
        )
        .await
        .unwrap();
    let height = fits.as_f64().unwrap_or(f64::MAX);
    // A4 less 30 mm of margins, at 96 px per inch, at the print width.
    assert!(height <= A4_PRINTABLE_PX, "the summary is {height} px tall");
}

/// Pages a realistic report may take on A4.
// Round two judges more criteria not met in the demo (risk groups, most of
// a criterion's weight short) and so lists more blockers (63, each with its
// steps in Appendix B): 30 pages measured, with room for two more.
const REPORT_PAGE_BUDGET: usize = 32;
/// Width of the printable area of an A4 page (210 mm less 28 mm), in CSS px.
const A4_PRINTABLE_WIDTH_PX: f64 = (210.0 - 28.0) / 25.4 * 96.0;
/// Height of the printable area of an A4 page (297 mm less 34 mm), in CSS px.
const A4_PRINTABLE_PX: f64 = (297.0 - 34.0) / 25.4 * 96.0;

/// Pages in a PDF: its page objects (`/Type /Page`, not `/Pages`).
fn count_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
        + text.matches("/Type/Page").count()
        - text.matches("/Type/Pages").count()
}

fn base64_decode(text: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .expect("base64 PDF")
}
