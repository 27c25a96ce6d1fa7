//! Vendors: the register of subservice organisations and other vendors,
//! each with how the report treats it, its reports and bridge letter, the
//! controls relied on at it and those it asks of us, and what an auditor
//! would make of it (coverage of the period, flags, verdict).

use crate::core::assessment::ReportType;
use crate::core::vendor::{
    Csoc, Cuec, ReportKind, Treatment, Vendor, VendorOpinion, VendorReport, VendorStanding, next_id,
};
use crate::core::{Action, Assessment, Day};
use crate::ui::lazy::{split_pending, use_split_load};
use crate::ui::widgets::form::{area_value, checked, edited, ids, value};
use crate::ui::widgets::select::Choice;
use crate::ui::{BankHandle, Derived};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub assessment: Rc<Assessment>,
    pub derived: Derived,
    pub on_edit: Callback<Action>,
}

/// The rules that judge the register load with the document readers; a
/// screen that edits the register waits for them, so nothing entered here
/// goes unjudged (see [`split_pending`] for what shows meanwhile).
#[hook]
pub(crate) fn use_register_rules() -> (Option<bool>, Callback<MouseEvent>) {
    use crate::browser::record_reader;
    use_split_load(record_reader::loaded().is_some(), || {
        Box::pin(async { record_reader::load().await.is_ok() })
    })
}

#[component]
pub fn Vendors(props: &Props) -> Html {
    let (rules, retry) = use_register_rules();
    if rules != Some(true) {
        return split_pending(rules, retry, "register-failed");
    }
    html! { <VendorsLoaded assessment={props.assessment.clone()} derived={props.derived.clone()} on_edit={props.on_edit.clone()} /> }
}

#[component]
fn VendorsLoaded(props: &Props) -> Html {
    let a = &props.assessment;
    let bank = use_context::<BankHandle>().map(|BankHandle(b)| b);
    let outcome = &props.derived.0.outcome;
    let name = use_state(String::new);
    let add = {
        let (on_edit, vendors, name) = (props.on_edit.clone(), a.vendors.clone(), name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let n = name.trim();
            if n.is_empty() {
                return;
            }
            on_edit.emit(Action::PutVendor(Vendor {
                id: next_id(&vendors),
                name: n.to_owned(),
                ..Vendor::default()
            }));
            name.set(String::new());
        })
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            name.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    let type2 = a.scope.report_type == ReportType::Type2;
    let period = match (type2, a.scope.period) {
        (true, Some(p)) => format!("your period, {} to {}", p.start, p.end),
        (true, None) => "your period (set it in the scope)".to_owned(),
        _ => "your Type I report".to_owned(),
    };
    let cards = a.vendors.iter().enumerate().map(|(ix, v)| {
        let standing = outcome.vendors.get(ix).cloned();
        html! {
            <VendorCard key={v.id.clone()} vendor={v.clone()} {standing} on_edit={props.on_edit.clone()} />
        }
    });
    html! {
        <section class="soc2r-vendors" aria-labelledby="vendors-heading">
            <h2 id="vendors-heading">{ "Vendors and subservice organisations" }</h2>
            <p class="hint">
                { "A subservice organisation runs part of your system (hosting, identity, payments). \
                   Carved out: your report leaves its controls out, so you name the controls you rely \
                   on it for and show, from its own report, that they work. Inclusive: your auditor \
                   tests its controls as yours. Coverage is checked against " }
                { period }{ "." }
            </p>
            <form class="add-vendor" onsubmit={add}>
                <label for="vendor-new-name">{ "Vendor name" }</label>
                <input id="vendor-new-name" type="text" value={(*name).clone()} oninput={on_name}
                    placeholder="e.g. your cloud provider" />
                <button type="submit" class="primary" id="vendor-add">{ "Add vendor" }</button>
            </form>
            if a.vendors.is_empty() {
                <p class="empty">{ "No vendors yet. Start with the ones your system runs on." }</p>
            }
            { for cards }
            <datalist id="question-ids">
                { for bank.iter().flat_map(|b| a.asked(b).map(|q| html! { <option value={q.id.clone()}>{ q.title() }</option> })) }
                { for bank.iter().flat_map(|b| b.criteria.iter().map(|c| html! { <option value={c.id.clone()}>{ &c.topic }</option> })) }
            </datalist>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CardProps {
    vendor: Vendor,
    standing: Option<VendorStanding>,
    on_edit: Callback<Action>,
}

/// A callback that edits a copy and saves it if it changed.
fn change<E: 'static>(
    record: &Vendor,
    on_edit: &Callback<Action>,
    f: impl Fn(&mut Vendor, &E) + 'static,
) -> Callback<E> {
    edited(record, on_edit, Action::PutVendor, f)
}

fn set_day(slot: &mut Option<Day>, text: &str) {
    *slot = Day::parse(text).ok();
}

#[component]
fn VendorCard(props: &CardProps) -> Html {
    let v = &props.vendor;
    let on_edit = &props.on_edit;
    let confirming = use_state(|| false);
    let pre = format!("vendor-{}", v.id);
    let heading = format!("{pre}-heading");
    let treatments: Vec<(&'static str, &'static str)> =
        Treatment::ALL.iter().map(|t| (t.id(), t.label())).collect();
    let on_treatment = {
        let (v, on_edit) = (v.clone(), on_edit.clone());
        Callback::from(move |id: String| {
            if let Some(t) = Treatment::ALL.into_iter().find(|t| t.id() == id) {
                let mut next = v.clone();
                next.treatment = t;
                on_edit.emit(Action::PutVendor(next));
            }
        })
    };
    let reports = v.reports.iter().enumerate().map(|(r, report)| {
        html! { <ReportRow key={r} vendor={v.clone()} index={r} report={report.clone()} on_edit={on_edit.clone()} /> }
    });
    let add_report = change(v, on_edit, |v, _: &MouseEvent| {
        let end = v
            .reports
            .iter()
            .map(|r| r.end)
            .max()
            .map_or_else(crate::browser::clock::today, |d| d.add_months(12));
        v.reports.push(VendorReport {
            kind: ReportKind::Soc2,
            report_type: ReportType::Type2,
            start: end.add_days(-364),
            end,
            opinion: VendorOpinion::Unmodified,
            exceptions: String::new(),
            reviewed: None,
        });
    });
    let csocs = v.csocs.iter().enumerate().map(|(c, csoc)| {
        let id = format!("{pre}-csoc-{c}");
        html! {
            <li class="csoc">
                <div class="field">
                    <label for={id.clone()}>{ "Control relied on" }</label>
                    <input id={id.clone()} type="text" value={csoc.text.clone()}
                        onchange={change(v, on_edit, move |v, e: &Event| if let Some(x) = v.csocs.get_mut(c) { x.text = value(e) })} />
                </div>
                <div class="field">
                    <label for={format!("{id}-supports")}>{ "Supports (question ids or criteria)" }</label>
                    <input id={format!("{id}-supports")} type="text" list="question-ids" value={csoc.supports.join(", ")}
                        onchange={change(v, on_edit, move |v, e: &Event| if let Some(x) = v.csocs.get_mut(c) { x.supports = ids(&value(e)) })} />
                </div>
                <label class="check">
                    <input type="checkbox" id={format!("{id}-tested")} checked={csoc.tested}
                        onchange={change(v, on_edit, move |v, e: &Event| if let Some(x) = v.csocs.get_mut(c) { x.tested = checked(e) })} />
                    { "Its report tests this control" }
                </label>
                <label class="check">
                    <input type="checkbox" id={format!("{id}-exception")} checked={csoc.exception}
                        onchange={change(v, on_edit, move |v, e: &Event| if let Some(x) = v.csocs.get_mut(c) { x.exception = checked(e) })} />
                    { "Its report notes an exception on it" }
                </label>
                <button type="button" class="link" aria-label={format!("Remove control {}", c + 1)}
                    onclick={change(v, on_edit, move |v, _: &MouseEvent| { if c < v.csocs.len() { v.csocs.remove(c); } })}>{ "Remove" }</button>
            </li>
        }
    });
    let cuecs = v.cuecs.iter().enumerate().map(|(c, cuec)| {
        let id = format!("{pre}-cuec-{c}");
        html! {
            <li class="cuec">
                <div class="field">
                    <label for={id.clone()}>{ "Control it asks of you" }</label>
                    <input id={id.clone()} type="text" value={cuec.text.clone()}
                        onchange={change(v, on_edit, move |v, e: &Event| if let Some(x) = v.cuecs.get_mut(c) { x.text = value(e) })} />
                </div>
                <div class="field">
                    <label for={format!("{id}-question")}>{ "Your question that carries it (id)" }</label>
                    <input id={format!("{id}-question")} type="text" list="question-ids" value={cuec.question.clone()}
                        onchange={change(v, on_edit, move |v, e: &Event| if let Some(x) = v.cuecs.get_mut(c) { x.question = value(e).trim().to_owned() })} />
                </div>
                <button type="button" class="link" aria-label={format!("Remove asked control {}", c + 1)}
                    onclick={change(v, on_edit, move |v, _: &MouseEvent| { if c < v.cuecs.len() { v.cuecs.remove(c); } })}>{ "Remove" }</button>
            </li>
        }
    });
    let remove = {
        let (on_edit, id, confirming) = (on_edit.clone(), v.id.clone(), confirming.clone());
        Callback::from(move |_| {
            confirming.set(false);
            on_edit.emit(Action::RemoveVendor(id.clone()))
        })
    };
    let (ask, keep) = {
        let (a, b) = (confirming.clone(), confirming.clone());
        (
            Callback::from(move |_| a.set(true)),
            Callback::from(move |_| b.set(false)),
        )
    };
    let name = if v.name.trim().is_empty() {
        "Unnamed vendor".to_owned()
    } else {
        v.name.trim().to_owned()
    };
    html! {
        <section class="soc2r-card vendor" data-vendor={v.id.clone()} aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ &name }
                if let Some(s) = &props.standing {
                    <span class={classes!("badge", "vendor-verdict", format!("verdict-{}", s.verdict.id()))} data-vendor-verdict={s.verdict.id()}>{ s.verdict.label() }</span>
                }
            </h3>
            if let Some(s) = &props.standing {
                <p class={classes!("coverage", format!("cov-{}", s.coverage.id()), (!v.treatment.is_subservice()).then_some("outside"))}
                    data-vendor-coverage={s.coverage.id()}>
                    <strong>{ "Coverage: " }</strong>{ s.coverage.describe() }
                </p>
                if !s.notes.is_empty() {
                    <ul class="vendor-notes">{ for s.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                }
            }
            <div class="grid">
                <div class="field">
                    <label for={format!("{pre}-name")}>{ "Name" }</label>
                    <input id={format!("{pre}-name")} type="text" value={v.name.clone()}
                        onchange={change(v, on_edit, |v, e: &Event| v.name = value(e))} />
                </div>
                <div class="field">
                    <label for={format!("{pre}-service")}>{ "What it does for the system" }</label>
                    <input id={format!("{pre}-service")} type="text" value={v.service.clone()}
                        onchange={change(v, on_edit, |v, e: &Event| v.service = value(e))} />
                </div>
                <Choice id={format!("{pre}-treatment")} label="How your report treats it" options={treatments}
                    value={v.treatment.id()} onchange={on_treatment} />
            </div>
            <fieldset class="reports"><legend>{ "Its reports" }</legend>
                if v.reports.is_empty() {
                    <p class="hint">{ "No report on file." }</p>
                }
                { for reports }
                <button type="button" id={format!("{pre}-add-report")} onclick={add_report}>{ "Add a report" }</button>
                <div class="field">
                    <label for={format!("{pre}-bridge")}>{ "Bridge letter covers up to" }</label>
                    <input id={format!("{pre}-bridge")} type="date" value={v.bridge_until.map(|d| d.to_string()).unwrap_or_default()}
                        onchange={change(v, on_edit, |v, e: &Event| set_day(&mut v.bridge_until, &value(e)))} />
                    <p class="hint">{ "A bridge letter vouches for the days after its latest Type II report." }</p>
                </div>
            </fieldset>
            if v.treatment.is_subservice() {
                <fieldset><legend>{ "Controls you rely on it for (CSOCs)" }</legend>
                    <ul class="csocs">{ for csocs }</ul>
                    <button type="button" id={format!("{pre}-add-csoc")}
                        onclick={change(v, on_edit, |v, _: &MouseEvent| v.csocs.push(Csoc::default()))}>{ "Add a control relied on" }</button>
                </fieldset>
            }
            <fieldset><legend>{ "Controls its report asks of you (its CUECs)" }</legend>
                <ul class="cuecs">{ for cuecs }</ul>
                <button type="button" id={format!("{pre}-add-cuec")}
                    onclick={change(v, on_edit, |v, _: &MouseEvent| v.cuecs.push(Cuec::default()))}>{ "Add a control it asks of you" }</button>
            </fieldset>
            if *confirming {
                <div class="confirm" role="alertdialog" aria-labelledby={format!("{pre}-remove-q")}>
                    <p id={format!("{pre}-remove-q")}>{ format!("Remove {name} with its reports and controls?") }</p>
                    <button type="button" class="danger" id={format!("{pre}-remove-yes")} onclick={remove}>{ "Remove" }</button>
                    <button type="button" onclick={keep}>{ "Keep it" }</button>
                </div>
            } else {
                <button type="button" class="danger" id={format!("{pre}-remove")} onclick={ask}>{ "Remove vendor" }</button>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    vendor: Vendor,
    index: usize,
    report: VendorReport,
    on_edit: Callback<Action>,
}

/// One report of a vendor: kind, type, period, opinion, review.
#[component]
fn ReportRow(props: &RowProps) -> Html {
    let (v, r, on_edit) = (&props.vendor, props.index, &props.on_edit);
    let report = &props.report;
    let id = format!("vendor-{}-report-{r}", v.id);
    let pick = |f: fn(&mut VendorReport, &str)| {
        let (v, on_edit) = (v.clone(), on_edit.clone());
        Callback::from(move |value: String| {
            let mut next = v.clone();
            if let Some(x) = next.reports.get_mut(r) {
                f(x, &value);
            }
            on_edit.emit(Action::PutVendor(next));
        })
    };
    let date = |f: fn(&mut VendorReport, Option<Day>)| {
        change(v, on_edit, move |v, e: &Event| {
            if let Some(x) = v.reports.get_mut(r) {
                f(x, Day::parse(&value(e)).ok());
            }
        })
    };
    let kinds: Vec<(&str, &str)> = ReportKind::ALL
        .iter()
        .map(|k| (k.id(), k.label()))
        .collect();
    let types = vec![("type1", "Type I"), ("type2", "Type II")];
    let opinions: Vec<(&str, &str)> = VendorOpinion::ALL
        .iter()
        .map(|o| (o.id(), o.label()))
        .collect();
    let type_id = match report.report_type {
        ReportType::Type1 => "type1",
        ReportType::Type2 => "type2",
    };
    let bad_order = report.start > report.end;
    html! {
        <div class="vendor-report" data-report={r.to_string()}>
            <Choice id={format!("{id}-kind")} label="Report" options={kinds} value={report.kind.id()}
                onchange={pick(|x, s| if let Some(k) = ReportKind::ALL.into_iter().find(|k| k.id() == s) { x.kind = k })} />
            <Choice id={format!("{id}-type")} label="Type" options={types} value={type_id}
                onchange={pick(|x, s| x.report_type = if s == "type1" { ReportType::Type1 } else { ReportType::Type2 })} />
            <div class="field">
                <label for={format!("{id}-start")}>{ if report.report_type == ReportType::Type1 { "As of" } else { "Period starts" } }</label>
                <input id={format!("{id}-start")} type="date" value={report.start.to_string()}
                    onchange={date(|x, d| if let Some(d) = d { x.start = d; if x.report_type == ReportType::Type1 { x.end = d } })} />
            </div>
            if report.report_type == ReportType::Type2 {
                <div class="field">
                    <label for={format!("{id}-end")}>{ "Period ends" }</label>
                    <input id={format!("{id}-end")} type="date" value={report.end.to_string()}
                        onchange={date(|x, d| if let Some(d) = d { x.end = d })} />
                </div>
            }
            <Choice id={format!("{id}-opinion")} label="Opinion" options={opinions} value={report.opinion.id()}
                onchange={pick(|x, s| if let Some(o) = VendorOpinion::ALL.into_iter().find(|o| o.id() == s) { x.opinion = o })} />
            <div class="field">
                <label for={format!("{id}-reviewed")}>{ "You reviewed it on" }</label>
                <input id={format!("{id}-reviewed")} type="date" value={report.reviewed.map(|d| d.to_string()).unwrap_or_default()}
                    onchange={date(|x, d| x.reviewed = d)} />
            </div>
            <div class="field wide">
                <label for={format!("{id}-exceptions")}>{ "Exceptions it notes" }</label>
                <textarea id={format!("{id}-exceptions")} rows="2" value={report.exceptions.clone()}
                    onchange={change(v, on_edit, move |v, e: &Event| if let Some(x) = v.reports.get_mut(r) { x.exceptions = area_value(e) })} />
            </div>
            if bad_order {
                <p class="notice error" role="alert">{ "This report's period ends before it starts." }</p>
            }
            <button type="button" class="link" aria-label={format!("Remove report {}", r + 1)}
                onclick={change(v, on_edit, move |v, _: &MouseEvent| { if r < v.reports.len() { v.reports.remove(r); } })}>{ "Remove report" }</button>
        </div>
    }
}
