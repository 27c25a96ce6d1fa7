//! Browser tests: run with `cargo test --target wasm32-unknown-unknown --test browser`
//! (headless Chromium through chromedriver). On the host they compile to nothing.
#![cfg(target_arch = "wasm32")]

#[path = "support/browser.rs"]
mod browser;

use browser::{assessment, clear, find, find_as, local, mount, unmount};
use soc2_readiness::browser::storage::Store;
use soc2_readiness::core::exchange::import_json;
use soc2_readiness::core::{Action, Assessment, Bank, Status, reduce};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const MINI_BANK: &str = include_str!("fixtures/mini-bank.json");

fn bank() -> Bank {
    Bank::from_json(MINI_BANK).expect("fixture bank is valid")
}

fn sample(bank: &Bank, id: &str) -> Assessment {
    let a = assessment(bank, id, "Test");
    let a = reduce(&a, Action::SetStatus("cc6-mfa".into(), Some(Status::Ready)));
    reduce(&a, Action::SetOwner("cc6-mfa".into(), "Dana".into()))
}

#[wasm_bindgen_test]
fn saved_answers_come_back_after_reopening_storage() {
    let ns = "test-roundtrip";
    clear(ns);
    let bank = bank();
    let a = sample(&bank, "a1");
    Store::open(ns).save(&a).unwrap();

    let loaded = Store::open(ns).load(&[&bank]);
    assert!(loaded.broken.is_empty());
    assert_eq!(loaded.assessments, vec![a]);
    clear(ns);
}

#[wasm_bindgen_test]
fn without_browser_storage_answers_are_kept_for_the_tab_and_nothing_is_written() {
    let ns = "test-memory-only";
    clear(ns);
    let bank = bank();
    let store = Store::in_memory(ns);
    assert!(!store.is_persistent());
    let (a, b) = (sample(&bank, "m1"), sample(&bank, "m2"));
    store.save(&a).unwrap();
    store.save(&b).unwrap();
    let mut newer = reduce(&a, Action::SetOwner("cc6-mfa".into(), "Eve".into()));
    newer.revision = a.revision + 1;
    store.save(&newer).unwrap();
    assert_eq!(store.load(&[&bank]).assessments, vec![newer.clone(), b]);
    assert_eq!(store.stored_keys().len(), 2);
    store.remove("m2").unwrap();
    assert_eq!(store.load(&[&bank]).assessments, vec![newer]);
    assert!(
        Store::open(ns).stored_keys().is_empty(),
        "nothing reached local storage"
    );
    assert_eq!(store.erase_all().unwrap(), 1);
    assert!(store.load(&[&bank]).assessments.is_empty());
}

#[wasm_bindgen_test]
fn a_corrupt_record_is_reported_and_kept_while_others_load() {
    let ns = "test-corrupt";
    clear(ns);
    let bank = bank();
    let good = sample(&bank, "good");
    Store::open(ns).save(&good).unwrap();
    local()
        .set_item(&format!("{ns}/v1/assessment/bad"), "{\"format\": trunc")
        .unwrap();

    let loaded = Store::open(ns).load(&[&bank]);
    assert_eq!(loaded.assessments, vec![good]);
    assert_eq!(loaded.broken.len(), 1);
    assert_eq!(loaded.broken[0].raw, "{\"format\": trunc");
    assert!(
        loaded.broken[0]
            .error
            .to_string()
            .contains("not valid JSON")
    );
    // Loading never deletes what it could not read.
    assert_eq!(
        local()
            .get_item(&format!("{ns}/v1/assessment/bad"))
            .unwrap()
            .as_deref(),
        Some("{\"format\": trunc")
    );
    clear(ns);
}

#[wasm_bindgen_test]
fn an_older_revision_never_overwrites_a_newer_save() {
    let ns = "test-revision";
    clear(ns);
    let bank = bank();
    let mut newer = sample(&bank, "shared");
    newer.revision = 5;
    let store = Store::open(ns);
    store.save(&newer).unwrap();
    let mut older = Assessment::new("shared".into(), "Stale tab".into(), &bank, "x".into());
    older.revision = 3;

    let err = store.save(&older).unwrap_err();
    assert!(err.to_string().contains("another tab"), "{err}");
    let raw = local()
        .get_item(&format!("{ns}/v1/assessment/shared"))
        .unwrap()
        .unwrap();
    assert_eq!(import_json(raw.as_bytes(), &bank).unwrap(), newer);
    clear(ns);
}

#[wasm_bindgen_test]
async fn the_questionnaire_answers_update_the_score_and_are_saved() {
    use soc2_readiness::core::builtin_bank;
    let ns = "test-ui";
    clear(ns);
    // A stored assessment, opened through its deep link like a bookmark would.
    let bank = builtin_bank().unwrap();
    let stored = assessment(&bank, "ui1", "Bookmarked");
    Store::open(ns).save(&stored).unwrap();
    let (root, handle) = mount(ns, "#/a/ui1/questions").await;

    let score = || find(&root, "#overall-readiness").text_content().unwrap();
    assert_eq!(score(), "0%");
    let first_ready: web_sys::HtmlElement =
        find_as(&root, ".soc2r-question button[data-status=ready]");
    first_ready.click();
    yew::scheduler::flush().await;

    assert_eq!(
        first_ready.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_ne!(score(), "0%");
    // The change was saved under the embedder's namespace, with a new revision.
    let saved = Store::open(ns).load(&[&bank]).assessments;
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].answers.len(), 1);
    assert!(saved[0].revision > stored.revision);
    unmount(root, handle, ns);
}

#[wasm_bindgen_test]
fn a_custom_bank_is_kept_and_assessments_load_with_the_bank_they_name() {
    use soc2_readiness::core::builtin_bank;
    let ns = "test-banks";
    clear(ns);
    let (builtin, mini) = (builtin_bank().unwrap(), bank());
    let store = Store::open(ns);
    store.save_bank(&mini, MINI_BANK).unwrap();
    store.save(&sample(&mini, "on-mini")).unwrap();

    let (banks, broken) = Store::open(ns).load_banks();
    assert!(broken.is_empty());
    assert_eq!(banks, vec![mini.clone()]);
    let loaded = Store::open(ns).load(&[&builtin, &mini]);
    assert_eq!(loaded.assessments.len(), 1);
    assert_eq!(loaded.assessments[0].bank.id, "mini");

    // Without its bank the assessment is reported, named, and kept.
    store.remove_bank("mini", "1").unwrap();
    let loaded = Store::open(ns).load(&[&builtin]);
    assert!(loaded.assessments.is_empty());
    assert!(
        loaded.broken[0].error.contains("`mini`"),
        "{}",
        loaded.broken[0].error
    );
    assert!(
        local()
            .get_item(&format!("{ns}/v1/assessment/on-mini"))
            .unwrap()
            .is_some()
    );
    clear(ns);
}

#[wasm_bindgen_test]
fn versions_of_a_custom_bank_are_kept_side_by_side_and_removed_one_by_one() {
    let ns = "test-bank-versions";
    clear(ns);
    let mini = bank();
    let store = Store::open(ns);
    // A bank an earlier release kept under its id alone is still read.
    local()
        .set_item(&format!("{ns}/v1/bank/mini"), MINI_BANK)
        .unwrap();
    let v2_raw = MINI_BANK.replace("\"version\": \"1\"", "\"version\": \"2\"");
    let v2 = Bank::from_json(&v2_raw).unwrap();
    store.save_bank(&v2, &v2_raw).unwrap();
    let (banks, broken) = Store::open(ns).load_banks();
    assert!(broken.is_empty());
    assert_eq!(banks, vec![mini.clone(), v2.clone()]);

    // Saving version 1 again leaves one record of it, not two.
    store.save_bank(&mini, MINI_BANK).unwrap();
    assert_eq!(Store::open(ns).load_banks().0.len(), 2);
    assert!(
        local()
            .get_item(&format!("{ns}/v1/bank/mini"))
            .unwrap()
            .is_none()
    );

    // Removing version 1 keeps version 2.
    store.remove_bank("mini", "1").unwrap();
    assert_eq!(Store::open(ns).load_banks().0, vec![v2]);
    clear(ns);
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_and_nothing_is_lost() {
    let ns = "test-quota";
    clear(ns);
    let bank = bank();
    let store = Store::open(ns);
    let a = sample(&bank, "kept");
    store.save(&a).unwrap();
    // Fill the origin's storage until the browser refuses more.
    let filler = "x".repeat(256 * 1024);
    let mut n = 0;
    while local()
        .set_item(&format!("{ns}/filler/{n}"), &filler)
        .is_ok()
    {
        n += 1;
        assert!(n < 400, "storage never filled up");
    }
    let mut bigger = a.clone();
    bigger.revision += 1;
    bigger.answers.get_mut("cc6-mfa").unwrap().note = "y".repeat(512 * 1024);
    let err = store.save(&bigger).unwrap_err();
    assert!(err.to_string().contains("storage is full"), "{err}");
    assert!(
        err.to_string().contains("Export"),
        "the message offers the way out: {err}"
    );
    // The earlier save is still there, intact.
    assert_eq!(Store::open(ns).load(&[&bank]).assessments, vec![a]);
    clear(ns);
}

// ------------------------------------------------- password-protected files

#[wasm_bindgen_test]
async fn a_password_protected_file_opens_with_its_password_and_only_with_it() {
    use soc2_readiness::browser::crypto::{WRONG_PASSWORD, open, seal};
    use soc2_readiness::core::exchange::export_json;
    use soc2_readiness::core::exchange::sealed::Sealed;
    let bank = bank();
    let a = sample(&bank, "sealed-1");
    let text = export_json(&a);
    let sealed = seal("correct horse battery", &text).await.expect("sealed");
    // Nothing of the answers is readable in the file.
    let file = sealed.to_json();
    assert!(
        !file.contains("Dana") && !file.contains("cc6-mfa"),
        "{file}"
    );
    // A fresh salt and IV every time.
    let again = seal("correct horse battery", &text).await.expect("sealed");
    assert_ne!((&sealed.salt, &sealed.iv), (&again.salt, &again.iv));

    let read = Sealed::from_json(file.as_bytes()).expect("a well-formed envelope");
    let opened = open("correct horse battery", &read).await.expect("opens");
    assert_eq!(import_json(&opened, &bank), Ok(a));

    assert_eq!(
        open("Correct horse battery", &read).await,
        Err(WRONG_PASSWORD.to_owned())
    );
    // One changed byte of ciphertext: GCM refuses it.
    let mut tampered = read.clone();
    tampered.ciphertext[3] ^= 1;
    assert_eq!(
        open("correct horse battery", &tampered).await,
        Err(WRONG_PASSWORD.to_owned())
    );
}

#[wasm_bindgen_test]
fn a_record_deleted_elsewhere_is_not_written_back_and_an_unreadable_one_not_overwritten() {
    let ns = "test-deleted";
    clear(ns);
    let bank = bank();
    let store = Store::open(ns);
    let a = sample(&bank, "gone");
    store.save(&a).unwrap();
    // Another tab deletes it; this tab's next save of it is refused.
    local()
        .remove_item(&format!("{ns}/v1/assessment/gone"))
        .unwrap();
    let mut edited = a.clone();
    edited.revision += 1;
    let err = store.save_again(&edited).unwrap_err();
    assert!(err.to_string().contains("deleted in another tab"), "{err}");
    assert_eq!(
        local()
            .get_item(&format!("{ns}/v1/assessment/gone"))
            .unwrap(),
        None
    );
    // A new assessment is still saved the first time.
    store.save(&sample(&bank, "new")).unwrap();

    // A record that cannot be read is never overwritten.
    let key = format!("{ns}/v1/assessment/broken");
    local().set_item(&key, "{ not json").unwrap();
    let err = store.save(&sample(&bank, "broken")).unwrap_err();
    assert!(err.to_string().contains("cannot be read"), "{err}");
    assert_eq!(
        local().get_item(&key).unwrap().as_deref(),
        Some("{ not json")
    );
    clear(ns);
}
