//! Settings an embedding page gives through `data-*` attributes on the
//! mount element. Parsing is pure so it is tested on the host; anything
//! invalid is ignored with a warning rather than trusted.

use crate::browser::storage::DEFAULT_NAMESPACE;
use crate::core::Category;
use yew::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq, Properties)]
pub struct Settings {
    #[prop_or(AttrValue::Static("SOC 2 readiness assessment"))]
    pub title: AttrValue,
    /// Prefix of local-storage keys, so embeds on one site stay apart.
    #[prop_or(AttrValue::Static(DEFAULT_NAMESPACE))]
    pub namespace: AttrValue,
    /// `#rgb` or `#rrggbb`; applied as the accent colour.
    #[prop_or_default]
    pub brand_colour: Option<AttrValue>,
    /// Address of a logo image shown beside the title.
    #[prop_or_default]
    pub logo: Option<AttrValue>,
    /// Categories a user may put in scope (Security is always offered).
    #[prop_or(Category::ALL.to_vec())]
    pub categories: Vec<Category>,
    /// The vendor's call to action shown with the results: the only outbound link.
    #[prop_or_default]
    pub call_to_action: Option<CallToAction>,
    /// Where the app runs, which decides what it can truthfully promise.
    #[prop_or_default]
    pub hosting: Hosting,
}

pub use crate::browser::hosting::Hosting;

impl Hosting {
    /// The privacy promise the app can keep here, in one paragraph.
    pub fn privacy_claim(self) -> &'static str {
        match self {
            Hosting::OwnPage => {
                "Private by design: no sign-up, no tracking. Everything runs in this browser and \
                 is stored only here, in its storage for this website's address, until you \
                 export it (any page at the same address could read it, so it serves nothing \
                 else)."
            }
            Hosting::HostPage => {
                "This assessment runs inside this website's page. It sends nothing anywhere \
                 itself, but the website's own scripts (analytics, tag managers, chat widgets) \
                 can read what you enter and what it stores here. For full privacy, use the \
                 assessor on a page of its own."
            }
            Hosting::SameOriginFrame => {
                "This assessment is framed by a page of the same website, whose scripts can \
                 read what you enter and what it stores here. It sends nothing anywhere \
                 itself. For full privacy, use the assessor on a page of its own."
            }
            Hosting::File => {
                "Opened from a file on disk: nothing is sent anywhere. Your answers stay in this \
                 tab unless you choose to keep them in this browser, whose storage for files \
                 opened from disk any other HTML file you open from disk can read."
            }
        }
    }

    /// Whether a page other than the app can read what it stores.
    pub fn is_shared(self) -> bool {
        self != Hosting::OwnPage
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallToAction {
    pub href: AttrValue,
    pub label: AttrValue,
}

impl Default for Settings {
    fn default() -> Self {
        yew::props!(Settings {})
    }
}

impl Settings {
    /// Reads settings from `data-*` attributes (`get("title")` reads
    /// `data-title`). Returns the settings and a warning per ignored value.
    pub fn from_attributes(get: impl Fn(&str) -> Option<String>) -> (Settings, Vec<String>) {
        let mut s = Settings::default();
        let mut warnings = Vec::new();
        let get = |name: &str| {
            get(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        if let Some(title) = get("title") {
            s.title = title.into();
        }
        if let Some(ns) = get("namespace") {
            if ns
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                && ns.len() <= 64
            {
                s.namespace = ns.into();
            } else {
                warnings.push(format!(
                    "data-namespace `{ns}` ignored: use up to 64 letters, digits, - or _"
                ));
            }
        }
        if let Some(colour) = get("brand-colour").or_else(|| get("brand-color")) {
            if is_hex_colour(&colour) {
                s.brand_colour = Some(colour.into());
            } else {
                warnings.push(format!(
                    "data-brand-colour `{colour}` ignored: use #rgb or #rrggbb"
                ));
            }
        }
        if let Some(logo) = get("logo") {
            if is_image_address(&logo) {
                s.logo = Some(logo.into());
            } else {
                warnings.push(format!(
                    "data-logo `{}` ignored: use a path on this site, an https:// address or a data:image/ address",
                    crate::core::text::visible(&logo, crate::core::text::QUOTE_CHARS)
                ));
            }
        }
        if let Some(list) = get("categories") {
            let mut offered = vec![Category::Security];
            for id in list.split(',').map(str::trim).filter(|id| !id.is_empty()) {
                match Category::from_id(id) {
                    Some(c) if !offered.contains(&c) => offered.push(c),
                    Some(_) => {}
                    None => warnings.push(format!(
                        "data-categories: unknown category `{id}` ignored (use security, availability, processing_integrity, confidentiality, privacy)"
                    )),
                }
            }
            // In the catalog's order, whatever order the page listed them in.
            s.categories = Category::ALL
                .into_iter()
                .filter(|c| offered.contains(c))
                .collect();
        }
        match (get("cta-href"), get("cta-label")) {
            (Some(href), Some(label)) if is_web_address(&href) => {
                s.call_to_action = Some(CallToAction {
                    href: href.into(),
                    label: label.into(),
                });
            }
            (Some(href), Some(_)) => warnings.push(format!(
                "data-cta-href `{href}` ignored: it must start with https:// or http://"
            )),
            (Some(_), None) | (None, Some(_)) => warnings
                .push("the call to action needs both data-cta-href and data-cta-label".into()),
            (None, None) => {}
        }
        (s, warnings)
    }
}

fn is_hex_colour(v: &str) -> bool {
    v.strip_prefix('#')
        .is_some_and(|h| matches!(h.len(), 3 | 6) && h.chars().all(|c| c.is_ascii_hexdigit()))
}

/// A logo address: a path on this site, `https://`, or an inline raster or
/// SVG image; never `javascript:`, another scheme or a protocol-relative
/// address.
fn is_image_address(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("data:image/") {
        // Inline SVG is often written with spaces and quotes; the browser
        // reads it as an image only, never as a page.
        return ["png", "jpeg", "gif", "webp", "svg+xml"]
            .iter()
            .any(|t| rest.starts_with(&format!("{t};")) || rest.starts_with(&format!("{t},")));
    }
    if v.contains(char::is_whitespace) || v.contains(['"', '<', '>', '\\']) {
        return false;
    }
    if lower.starts_with("https://") {
        return true;
    }
    // Relative: no scheme before the first `/`, `?` or `#`, not `//host`.
    let head = lower.split(['/', '?', '#']).next().unwrap_or("");
    !lower.starts_with("//") && !head.contains(':')
}

/// Only plain web links: never `javascript:` or `data:` addresses.
fn is_web_address(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !v.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(pairs: &[(&str, &str)]) -> (Settings, Vec<String>) {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::from_attributes(|k| map.get(k).cloned())
    }

    #[test]
    fn a_logo_must_be_a_site_path_https_or_an_inline_image() {
        for good in [
            "/img/acme.svg",
            "img/acme.png",
            "./acme.png?v=2",
            "https://cdn.acme.example/mark.svg",
            "data:image/png;base64,iVBORw0KGgo=",
            "data:image/svg+xml,%3Csvg%3E",
            "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'%3E%3C/svg%3E",
        ] {
            let (s, warnings) = parse(&[("logo", good)]);
            assert_eq!(s.logo.as_deref(), Some(good), "{good}");
            assert!(warnings.is_empty());
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "//evil.example/x.png",
            "http://plain.example/x.png",
            "data:text/html,<script>",
            "data:image/png\u{202e};base64,x",
            "ftp://x/y.png",
            "img/a b.png",
        ] {
            let (s, warnings) = parse(&[("logo", bad)]);
            assert_eq!(s.logo, None, "{bad}");
            assert!(warnings[0].starts_with("data-logo"), "{warnings:?}");
            assert!(!warnings[0].contains('\u{202e}'));
        }
    }

    #[test]
    fn each_hosting_makes_only_the_privacy_claim_it_can_keep() {
        assert!(
            Hosting::OwnPage
                .privacy_claim()
                .contains("stored only here")
        );
        for shared in [Hosting::HostPage, Hosting::SameOriginFrame, Hosting::File] {
            assert!(shared.is_shared());
            let claim = shared.privacy_claim();
            assert!(claim.contains("can read"), "{claim}");
            assert!(!claim.contains("stored only here"), "{claim}");
        }
    }

    #[test]
    fn no_attributes_give_the_defaults() {
        let (s, w) = parse(&[]);
        assert_eq!(s, Settings::default());
        assert_eq!(s.categories, Category::ALL.to_vec());
        assert!(w.is_empty());
    }

    #[test]
    fn a_vendor_configures_title_colour_categories_and_call_to_action() {
        let (s, w) = parse(&[
            ("title", "Acme readiness check"),
            ("namespace", "acme-soc2"),
            ("brand-colour", "#0a7"),
            ("categories", "availability, privacy"),
            ("cta-href", "https://acme.example/book"),
            ("cta-label", "Book a call"),
        ]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.title, "Acme readiness check");
        assert_eq!(s.namespace, "acme-soc2");
        assert_eq!(s.brand_colour.as_deref(), Some("#0a7"));
        assert_eq!(
            s.categories,
            vec![
                Category::Security,
                Category::Availability,
                Category::Privacy
            ]
        );
        assert_eq!(s.call_to_action.unwrap().label, "Book a call");
    }

    #[test]
    fn unsafe_or_malformed_values_are_ignored_with_a_warning() {
        let (s, w) = parse(&[
            ("namespace", "a/b"),
            ("brand-colour", "red;background:url(x)"),
            ("categories", "security,bogus"),
            ("cta-href", "javascript:alert(1)"),
            ("cta-label", "Click"),
        ]);
        assert_eq!(s.namespace, DEFAULT_NAMESPACE);
        assert_eq!(s.brand_colour, None);
        assert_eq!(s.categories, vec![Category::Security]);
        assert_eq!(s.call_to_action, None);
        assert_eq!(w.len(), 4, "{w:?}");
        assert!(w.iter().any(|m| m.contains("bogus")));
    }
}
