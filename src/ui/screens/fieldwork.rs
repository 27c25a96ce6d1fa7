//! Fieldwork: rehearse what the auditor will do with each per-event
//! control. Paste its population, see what counts in the period, draw the
//! sample with a seed shown, and test each pick; the predicted result feeds
//! the likely outcome. Everything stays in this browser.

use crate::core::assessment::ReportType;
use crate::core::cadence::Frequency;
use crate::core::fieldwork::{
    Band, DEFAULT_TABLE, Outcome, Pick, Rehearsal, Skipped, draw, read_population, sample_size,
};
use crate::core::operation::type2_period;
use crate::core::{Action, Assessment};
use crate::ui::widgets::form::value;
use crate::ui::{BankHandle, Derived};
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub assessment: Rc<Assessment>,
    pub derived: Derived,
    pub on_edit: Callback<Action>,
}

#[component]
pub fn Fieldwork(props: &Props) -> Html {
    let Some(BankHandle(bank)) = use_context::<BankHandle>() else {
        return Html::default();
    };
    let a = &props.assessment;
    let Some(period) = type2_period(a) else {
        return html! {
            <section class="soc2r-fieldwork" aria-labelledby="fieldwork-heading">
                <h2 id="fieldwork-heading">{ "Fieldwork rehearsal" }</h2>
                <p class="notice info" id="fieldwork-needs-period">{
                    if a.scope.report_type == ReportType::Type2 {
                        "Set a valid Type II observation period in the scope: populations are counted within it."
                    } else {
                        "Fieldwork rehearsal is for a Type II report: the auditor samples each control's events across the observation period. Choose Type II in the scope."
                    }
                }</p>
            </section>
        };
    };
    let export_stripped = {
        let a = a.clone();
        Callback::from(move |_: MouseEvent| {
            let mut stripped = (*a).clone();
            stripped.fieldwork.clear();
            let name = crate::browser::file::safe_filename(&a.name, "no-populations", "soc2.json");
            let _ = crate::browser::file::download(
                &name,
                "application/json",
                &crate::core::exchange::export_json(&stripped),
            );
        })
    };
    let table: Vec<Band> = if a.sample_table.is_empty() {
        DEFAULT_TABLE.to_vec()
    } else {
        a.sample_table.clone()
    };
    // Those rehearsed first, then key controls, then the rest (bank order
    // within each).
    let mut asked: Vec<&crate::core::Question> = a
        .asked(&bank)
        .filter(|q| q.frequency == Some(Frequency::PerEvent))
        .collect();
    crate::core::order::sort_by_key(&mut asked, |q| (a.rehearsal(&q.id).is_none(), !q.key));
    let controls = asked.into_iter().map(|q| {
            html! {
                <ControlCard key={q.id.clone()} id={q.id.clone()} title={q.title().to_owned()}
                    key_control={q.key} rehearsal={a.rehearsal(&q.id).cloned()}
                    in_place={matches!(a.status(&q.id), Some(crate::core::Status::Ready | crate::core::Status::Implemented))}
                    table={table.clone()} {period}
                    on_edit={props.on_edit.clone()} />
            }
        });
    html! {
        <section class="soc2r-fieldwork" aria-labelledby="fieldwork-heading">
            <h2 id="fieldwork-heading">{ "Fieldwork rehearsal" }</h2>
            <p class="hint">{ format!(
                "For each control that runs per event (a hire, a leaver, a change), the auditor asks for every event of the \
                 period ({} to {}), draws a sample and tests each pick. Rehearse it here: paste the population as CSV or TSV \
                 with a header (an id column and a date column). Populations and picks stay in this browser and in the \
                 assessment file; they are never in the CSV, OSCAL or the report.", period.start, period.end) }</p>
            <TableEditor table={table.clone()} custom={!a.sample_table.is_empty()} on_edit={props.on_edit.clone()} />
            if !a.fieldwork.is_empty() {
                <p class="actions">
                    <button type="button" id="export-without-populations" onclick={export_stripped}>{ "Export without populations" }</button>
                    <span class="hint">{ " The assessment file with every population, draw and pick left out (the population counts stay): for sharing beyond your team." }</span>
                </p>
            }
            { for controls }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TableProps {
    table: Vec<Band>,
    custom: bool,
    on_edit: Callback<Action>,
}

/// The sample table, editable: each band's upper bound and size (blank:
/// any larger / every item).
#[component]
fn TableEditor(props: &TableProps) -> Html {
    let set = |i: usize, upper: bool| {
        let (table, on_edit) = (props.table.clone(), props.on_edit.clone());
        Callback::from(move |e: Event| {
            let text = value(&e);
            let n = text.trim().parse::<u32>().ok();
            let mut next = table.clone();
            if let Some(b) = next.get_mut(i) {
                if upper {
                    b.up_to = n;
                } else {
                    b.size = n;
                }
            }
            on_edit.emit(Action::SetSampleTable(next));
        })
    };
    let reset = props
        .on_edit
        .reform(|_: MouseEvent| Action::SetSampleTable(Vec::new()));
    let rows = props.table.iter().enumerate().map(|(i, b)| {
        html! {
            <tr>
                <td>
                    <label class="visually-hidden" for={format!("band-{i}-up-to")}>{ format!("Band {} up to (items)", i + 1) }</label>
                    <input id={format!("band-{i}-up-to")} type="text" inputmode="numeric" size="7"
                        value={b.up_to.map(|n| n.to_string()).unwrap_or_default()} placeholder="any" onchange={set(i, true)} />
                </td>
                <td>
                    <label class="visually-hidden" for={format!("band-{i}-size")}>{ format!("Band {} sample", i + 1) }</label>
                    <input id={format!("band-{i}-size")} type="text" inputmode="numeric" size="7"
                        value={b.size.map(|n| n.to_string()).unwrap_or_default()} placeholder="all" onchange={set(i, false)} />
                </td>
            </tr>
        }
    });
    html! {
        <details class="sample-table">
            <summary>{ if props.custom { "Sample sizes (your table)" } else { "Sample sizes (common practice; edit to match your auditor)" } }</summary>
            <p class="hint">{ "Populations up to each size get that many picks; blank size: every item; blank upper bound: any larger. The default is the larger end of the ranges audit firms commonly use; your auditor's table may differ. Your table is saved with the assessment." }</p>
            <table>
                <thead><tr><th scope="col">{ "Population up to" }</th><th scope="col">{ "Sample" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            if props.custom {
                <button type="button" id="sample-table-reset" onclick={reset}>{ "Back to the default table" }</button>
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct CardProps {
    id: String,
    title: String,
    key_control: bool,
    rehearsal: Option<Rehearsal>,
    /// Answered as in place (ready, or in place without evidence).
    in_place: bool,
    table: Vec<Band>,
    period: crate::core::assessment::Period,
    on_edit: Callback<Action>,
}

#[component]
fn ControlCard(props: &CardProps) -> Html {
    let pasted = use_state(String::new);
    let problems = use_state(Vec::<String>::new);
    let seed_text = use_state(|| {
        props
            .rehearsal
            .as_ref()
            .and_then(|r| r.seed)
            .map(|s| s.to_string())
            .unwrap_or_default()
    });
    let id = props.id.clone();
    let pre = format!("fw-{id}");
    let r = props.rehearsal.clone().unwrap_or_default();
    let n = u32::try_from(r.items.len()).unwrap_or(u32::MAX);
    let size = sample_size(&props.table, n);
    let count = {
        let (pasted, problems, on_edit, id, period) = (
            pasted.clone(),
            problems.clone(),
            props.on_edit.clone(),
            id.clone(),
            props.period,
        );
        Callback::from(
            move |_: MouseEvent| match read_population(&pasted, period) {
                Ok(p) => {
                    let mut lines: Vec<String> = p
                        .skipped
                        .iter()
                        .map(|s| match s {
                            Skipped::Outside { line, id, day } => {
                                format!("line {line}: {id} is dated {day}, outside the period")
                            }
                            Skipped::Duplicate { line, id } => {
                                format!("line {line}: {id} is listed twice")
                            }
                            Skipped::Unreadable { line, why } => format!("line {line}: {why}"),
                        })
                        .collect();
                    let listed = p.outside + p.duplicates + p.unreadable;
                    if listed > lines.len() {
                        lines.push(format!("…and {} more", listed - lines.len()));
                    }
                    problems.set(lines);
                    on_edit.emit(Action::SetRehearsal(
                        id.clone(),
                        Some(Rehearsal {
                            question: id.clone(),
                            items: p.items,
                            outside: u32::try_from(p.outside).unwrap_or(u32::MAX),
                            seed: None,
                            picks: Vec::new(),
                        }),
                    ));
                    pasted.set(String::new());
                }
                Err(e) => problems.set(vec![format!("Not read: {e}.")]),
            },
        )
    };
    // A file picked is read into the paste box (as text, within the
    // population's size limit), to be counted like a paste.
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let on_file = {
        let (pasted, problems, reader) = (pasted.clone(), problems.clone(), reader.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let Some(picked) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let name = crate::core::text::quoted(&picked.name());
            let (pasted, problems) = (pasted.clone(), problems.clone());
            *reader.borrow_mut() = crate::browser::file::read_bytes(
                picked,
                crate::core::fieldwork::MAX_BYTES,
                move |read| match read.map(String::from_utf8) {
                    Ok(Ok(text)) => {
                        problems.set(Vec::new());
                        pasted.set(text);
                    }
                    Ok(Err(_)) => problems.set(vec![format!(
                        "Not read: {name} is not UTF-8 text; save it as CSV (UTF-8)."
                    )]),
                    Err(e) => problems.set(vec![format!("Not read: {e}.")]),
                },
            );
        })
    };
    let on_paste = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            pasted.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_seed = {
        let seed_text = seed_text.clone();
        Callback::from(move |e: Event| seed_text.set(value(&e)))
    };
    let do_draw = {
        let (r, on_edit, id, period, seed_text) = (
            r.clone(),
            props.on_edit.clone(),
            id.clone(),
            props.period,
            seed_text.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let seed = seed_text
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|s| *s <= crate::core::fieldwork::MAX_SEED)
                .unwrap_or_else(crate::browser::clock::random_seed);
            seed_text.set(seed.to_string());
            let picks = draw(&r.items, size, seed, period)
                .into_iter()
                .filter_map(|ix| r.items.get(ix))
                .map(|item| Pick {
                    id: item.id.clone(),
                    result: None,
                    note: String::new(),
                    evidence: String::new(),
                })
                .collect();
            on_edit.emit(Action::SetRehearsal(
                id.clone(),
                Some(Rehearsal {
                    seed: Some(seed),
                    picks,
                    ..r.clone()
                }),
            ));
        })
    };
    // A new population or draw replaces the results recorded: asked first.
    let pending = use_state(|| None::<&'static str>);
    let recorded = r.tested();
    let guarded = |action: &Callback<MouseEvent>, which: &'static str| {
        let (action, pending) = (action.clone(), pending.clone());
        Callback::from(move |e: MouseEvent| {
            if recorded > 0 {
                pending.set(Some(which));
            } else {
                action.emit(e);
            }
        })
    };
    let (count_guarded, draw_guarded) = (guarded(&count, "count"), guarded(&do_draw, "draw"));
    let replace = {
        let (count, do_draw, pending) = (count.clone(), do_draw.clone(), pending.clone());
        Callback::from(move |e: MouseEvent| {
            match *pending {
                Some("count") => count.emit(e),
                Some(_) => do_draw.emit(e),
                None => {}
            }
            pending.set(None);
        })
    };
    let keep_results = {
        let pending = pending.clone();
        Callback::from(move |_: MouseEvent| pending.set(None))
    };
    let confirming = use_state(|| false);
    let remove = {
        let (on_edit, id, confirming) = (props.on_edit.clone(), id.clone(), confirming.clone());
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            on_edit.emit(Action::SetRehearsal(id.clone(), None));
        })
    };
    let (ask, keep) = {
        let (a, b) = (confirming.clone(), confirming.clone());
        (
            Callback::from(move |_: MouseEvent| a.set(true)),
            Callback::from(move |_: MouseEvent| b.set(false)),
        )
    };
    let edit_pick = |p: usize, f: fn(&mut Pick, String)| {
        let (r, on_edit, id) = (r.clone(), props.on_edit.clone(), id.clone());
        Callback::from(move |v: String| {
            let mut next = r.clone();
            if let Some(pick) = next.picks.get_mut(p) {
                f(pick, v);
            }
            if next != r {
                on_edit.emit(Action::SetRehearsal(id.clone(), Some(next)));
            }
        })
    };
    let tested = r.tested();
    let failed = r.failed();
    // The engine's own rule for events not handled, against the population.
    let deviation = crate::core::operation::Deviation::Unhandled {
        unhandled: u32::try_from(failed.len()).unwrap_or(u32::MAX),
        population: Some(n),
    };
    let prediction = if tested == 0 {
        ("untested", "Not tested yet".to_owned())
    } else if failed.is_empty() {
        (
            "no-exception",
            format!(
                "No exception: {tested} of {} tested, none failed",
                r.picks.len()
            ),
        )
    } else if deviation.did_not_operate() {
        (
            "did-not-operate",
            format!(
                "Control did not operate: {} failed ({})",
                failed.len(),
                failed.join(", ")
            ),
        )
    } else {
        (
            "exception",
            format!("Exception: {} failed ({})", failed.len(), failed.join(", ")),
        )
    };
    let day_of = |pid: &str| {
        r.items
            .iter()
            .find(|i| i.id == pid)
            .map(|i| i.day.to_string())
            .unwrap_or_default()
    };
    let picks = r.picks.iter().enumerate().map(|(p, pick)| {
        let result_button = |label: &'static str, outcome: Outcome| {
            let pressed = pick.result == Some(outcome);
            let set = edit_pick(p, if outcome == Outcome::Pass {
                |x: &mut Pick, _| x.result = if x.result == Some(Outcome::Pass) { None } else { Some(Outcome::Pass) }
            } else {
                |x: &mut Pick, _| x.result = if x.result == Some(Outcome::Fail) { None } else { Some(Outcome::Fail) }
            });
            html! {
                <button type="button" class={classes!("answer", label.to_lowercase())} aria-pressed={pressed.to_string()}
                    data-result={label.to_lowercase()} onclick={set.reform(|_: MouseEvent| String::new())}>{ label }</button>
            }
        };
        html! {
            <tr data-pick={pick.id.clone()}>
                <th scope="row">{ &pick.id }</th>
                <td>{ day_of(&pick.id) }</td>
                <td class="results">{ result_button("Pass", Outcome::Pass) }{ result_button("Fail", Outcome::Fail) }</td>
                <td>
                    <label class="visually-hidden" for={format!("{pre}-pick-{p}-note")}>{ format!("Note on {}", pick.id) }</label>
                    <input id={format!("{pre}-pick-{p}-note")} type="text" value={pick.note.clone()}
                        onchange={edit_pick(p, |x, v| x.note = v).reform(|e: Event| value(&e))} />
                </td>
                <td>
                    <label class="visually-hidden" for={format!("{pre}-pick-{p}-evidence")}>{ format!("Evidence looked at for {}", pick.id) }</label>
                    <input id={format!("{pre}-pick-{p}-evidence")} type="text" value={pick.evidence.clone()}
                        onchange={edit_pick(p, |x, v| x.evidence = v).reform(|e: Event| value(&e))} />
                </td>
            </tr>
        }
    });
    html! {
        <section class="soc2r-card fieldwork-control" data-fieldwork={id.clone()} aria-labelledby={format!("{pre}-heading")}>
            <h3 id={format!("{pre}-heading")}>{ &props.title }
                if props.key_control { <span class="badge">{ "key" }</span> }
            </h3>
            <p class="population" data-population={n.to_string()}>
                { if props.rehearsal.is_some() {
                    format!("Population: {n} in the period{}. Sample: {size}.",
                        if r.outside > 0 { format!(" ({} outside it, left out)", r.outside) } else { String::new() })
                } else {
                    "No population yet.".to_owned()
                } }
            </p>
            <details class="rehearse">
                <summary>{ if props.rehearsal.is_some() { "Replace its population" } else { "Paste its population" } }</summary>
                <div class="field">
                    <label for={format!("{pre}-paste")}>{ "The population (CSV or TSV, with a header: an id and a date)" }</label>
                    <textarea id={format!("{pre}-paste")} rows="4" value={(*pasted).clone()} oninput={on_paste}
                        placeholder={"id,date\nHR-101,2026-01-15\nHR-102,2026-02-03"} />
                </div>
                <label class="file-button">{ "…or choose a CSV or TSV file" }
                    <input type="file" id={format!("{pre}-file")} accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain" onchange={on_file} />
                </label>
                <button type="button" id={format!("{pre}-count")} onclick={count_guarded} disabled={pasted.trim().is_empty()}>
                    { if props.rehearsal.is_some() { "Replace the population" } else { "Count the population" } }</button>
            </details>
            if !problems.is_empty() {
                <ul class="population-problems" role="status">{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
            }
            if pending.is_some() {
                <div class="confirm" role="alertdialog" aria-labelledby={format!("{pre}-replace-q")}>
                    <p id={format!("{pre}-replace-q")}>{ format!(
                        "This replaces the {} recorded for this sample. Replace them?",
                        crate::core::text::plural(recorded, "result", "results")) }</p>
                    <button type="button" class="danger" id={format!("{pre}-replace-yes")} onclick={replace}>{ "Replace" }</button>
                    <button type="button" id={format!("{pre}-replace-no")} onclick={keep_results}>{ "Keep them" }</button>
                </div>
            }
            if n > 0 {
                <div class="draw">
                    <label for={format!("{pre}-seed")}>{ "Seed" }</label>
                    <input id={format!("{pre}-seed")} type="text" inputmode="numeric" size="10" value={(*seed_text).clone()}
                        placeholder="random" onchange={on_seed} />
                    <button type="button" class="primary" id={format!("{pre}-draw")} onclick={draw_guarded}>
                        { if r.picks.is_empty() { format!("Draw {size}") } else { format!("Draw {size} again") } }</button>
                    if let Some(seed) = r.seed {
                        <span class="hint" data-seed={seed.to_string()}>{ format!("Drawn with seed {seed}: the same seed and population give the same picks anywhere.") }</span>
                    }
                </div>
            }
            if !r.picks.is_empty() {
                <p class={classes!("prediction", prediction.0)} data-prediction={prediction.0}><strong>{ prediction.1.clone() }</strong>
                    if !props.in_place && !failed.is_empty() {
                        <span class="hint">{ " It counts in the likely outcome once the control is answered as in place." }</span>
                    }
                </p>
                <div class="table-scroll">
                    <table class="picks">
                        <thead><tr><th scope="col">{ "Item" }</th><th scope="col">{ "Date" }</th><th scope="col">{ "Result" }</th><th scope="col">{ "Note" }</th><th scope="col">{ "Evidence looked at" }</th></tr></thead>
                        <tbody>{ for picks }</tbody>
                    </table>
                </div>
            }
            if props.rehearsal.is_some() {
                if *confirming {
                    <div class="confirm" role="alertdialog" aria-labelledby={format!("{pre}-remove-q")}>
                        <p id={format!("{pre}-remove-q")}>{ "Remove this population, its draw and the results of its picks?" }</p>
                        <button type="button" class="danger" id={format!("{pre}-remove-yes")} onclick={remove}>{ "Remove" }</button>
                        <button type="button" onclick={keep}>{ "Keep it" }</button>
                    </div>
                } else {
                    <button type="button" class="link" id={format!("{pre}-remove")} onclick={ask}>{ "Remove this rehearsal" }</button>
                }
            }
        </section>
    }
}
