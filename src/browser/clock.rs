//! Time and identity from the browser: the core takes them as inputs.

use crate::core::Day;

/// Current time as an RFC 3339 timestamp (UTC).
pub fn now_rfc3339() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today's date in the user's time zone.
pub fn today() -> Day {
    let d = js_sys::Date::new_0();
    Day::from_ymd(
        d.get_full_year() as i32,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    )
    .unwrap_or(Day::FALLBACK)
}

/// A random (version 4) UUID. Uses `getRandomValues`, which unlike
/// `randomUUID` also works on plain-HTTP vendor pages.
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    if bytes == [0u8; 16] {
        // No crypto (very old browser): time-derived bytes still make ids distinct.
        let t = js_sys::Date::now().to_bits().to_le_bytes();
        let r = js_sys::Math::random().to_bits().to_le_bytes();
        bytes[..8].copy_from_slice(&t);
        bytes[8..].copy_from_slice(&r);
    }
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .hyphenated()
        .to_string()
}

/// Marks a step of the start in the browser's performance timeline, for
/// the start profile of `./setup.sh bench-browser` (README, "Performance").
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// A seed for a sample draw the user can read and type again: 1 to
/// 999,999, from `getRandomValues` (time-derived without it).
pub fn random_seed() -> u64 {
    let mut bytes = [0u8; 8];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    let mut n = u64::from_le_bytes(bytes);
    if n == 0 {
        n = js_sys::Date::now().to_bits() ^ js_sys::Math::random().to_bits();
    }
    n % 999_999 + 1
}
