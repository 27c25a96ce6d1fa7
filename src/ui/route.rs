//! Hash routes: the URL names the assessment, the screen and the question,
//! so reload and back/forward land where the user was. Pure, host-tested.

/// Screens of one assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Scope,
    Questions,
    Dashboard,
    Gaps,
    Vendors,
    Description,
    Fieldwork,
    Report,
    Crosswalk,
}

impl Screen {
    pub const ALL: [Screen; 9] = [
        Screen::Scope,
        Screen::Questions,
        Screen::Dashboard,
        Screen::Gaps,
        Screen::Vendors,
        Screen::Description,
        Screen::Fieldwork,
        Screen::Report,
        Screen::Crosswalk,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Screen::Scope => "scope",
            Screen::Questions => "questions",
            Screen::Dashboard => "dashboard",
            Screen::Gaps => "gaps",
            Screen::Vendors => "vendors",
            Screen::Description => "description",
            Screen::Fieldwork => "fieldwork",
            Screen::Report => "report",
            Screen::Crosswalk => "crosswalk",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Screen::Scope => "Scope",
            Screen::Questions => "Questionnaire",
            Screen::Dashboard => "Dashboard",
            Screen::Gaps => "Gaps and roadmap",
            Screen::Vendors => "Vendors",
            Screen::Description => "Description",
            Screen::Fieldwork => "Fieldwork",
            Screen::Report => "Report",
            Screen::Crosswalk => "Crosswalk",
        }
    }

    fn from_slug(slug: &str) -> Option<Screen> {
        Screen::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The list of saved assessments (and the first-visit introduction).
    Home,
    /// One screen of one assessment; `question` selects a question.
    Assessment {
        id: String,
        screen: Screen,
        question: Option<String>,
    },
    /// Compare two assessments (either may still be unchosen).
    Compare {
        before: Option<String>,
        after: Option<String>,
    },
    /// How scores and the likely outcome are worked out.
    Help,
    /// What is stored where, and erasing it.
    Privacy,
}

impl Route {
    /// Parses `location.hash`; anything unknown is the home screen.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<String> = path
            .split('/')
            .filter(|p| !p.is_empty())
            .map(decode)
            .collect();
        let part = |i: usize| parts.get(i).cloned();
        match parts.first().map(String::as_str) {
            Some("a") => match (part(1), part(2).as_deref().and_then(Screen::from_slug)) {
                (Some(id), Some(screen)) => Route::Assessment {
                    id,
                    screen,
                    question: part(3),
                },
                (Some(id), None) => Route::Assessment {
                    id,
                    screen: Screen::Questions,
                    question: None,
                },
                _ => Route::Home,
            },
            Some("compare") => {
                // `-` holds the place of an unchosen first side.
                let side = |i| part(i).filter(|p| p != EMPTY);
                Route::Compare {
                    before: side(1),
                    after: side(2),
                }
            }
            Some("help") => Route::Help,
            Some("privacy") => Route::Privacy,
            _ => Route::Home,
        }
    }

    pub fn to_hash(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Assessment {
                id,
                screen,
                question,
            } => {
                let mut hash = format!("#/a/{}/{}", encode(id), screen.slug());
                if let Some(q) = question {
                    hash.push('/');
                    hash.push_str(&encode(q));
                }
                hash
            }
            Route::Compare { before, after } => {
                let side = |s: &Option<String>| s.as_deref().map_or(EMPTY.to_owned(), encode);
                match (before, after) {
                    (None, None) => "#/compare".into(),
                    (b, None) => format!("#/compare/{}", side(b)),
                    (b, a) => format!("#/compare/{}/{}", side(b), side(a)),
                }
            }
            Route::Help => "#/help".into(),
            Route::Privacy => "#/privacy".into(),
        }
    }

    /// The assessment this route shows, if any.
    pub fn assessment_id(&self) -> Option<&str> {
        match self {
            Route::Assessment { id, .. } => Some(id),
            _ => None,
        }
    }
}

/// Placeholder segment for an unchosen side of a comparison.
const EMPTY: &str = "-";

/// Percent-encodes what could break a path segment.
fn encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_survive_a_round_trip_through_the_url() {
        let routes = [
            Route::Home,
            Route::Help,
            Route::Privacy,
            Route::Assessment {
                id: "3f2a".into(),
                screen: Screen::Gaps,
                question: None,
            },
            Route::Assessment {
                id: "a b/c".into(),
                screen: Screen::Questions,
                question: Some("cc6-mfa".into()),
            },
            Route::Compare {
                before: Some("x".into()),
                after: Some("y".into()),
            },
            Route::Compare {
                before: None,
                after: None,
            },
            Route::Compare {
                before: None,
                after: Some("y".into()),
            },
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.to_hash()), r, "{}", r.to_hash());
        }
    }

    #[test]
    fn unknown_or_broken_urls_fall_back_safely() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#/nonsense/1"), Route::Home);
        assert_eq!(Route::parse("#/a"), Route::Home);
        assert_eq!(
            Route::parse("#/a/id1/unknown-screen"),
            Route::Assessment {
                id: "id1".into(),
                screen: Screen::Questions,
                question: None
            }
        );
        assert_eq!(
            Route::parse("#/a/%E2%9C%93%zz"),
            Route::Assessment {
                id: "✓%zz".into(),
                screen: Screen::Questions,
                question: None
            }
        );
    }
}
