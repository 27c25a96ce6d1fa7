//! Code that loads on first need. With the `split` feature (the release
//! build, `./setup.sh build`), each function declared with [`split_fn!`]
//! moves, with everything only it reaches, into a module of its group that
//! the browser fetches the first time the function is called. Without the
//! feature (host tests, browser tests, the single file) it is an ordinary
//! function and nothing is fetched.
//!
//! Groups are few and coarse, so a user never waits on a string of small
//! files: `screens` (every screen but Home and the questionnaire, with the
//! exports they offer), `xwalk` (reading the crosswalk tables) and `crypto`
//! (password-protected files).

use std::fmt;

/// A part of the app that could not be fetched: offline before the browser
/// had saved it for offline use. Not remembered: the next call tries again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadFailed;

impl fmt::Display for LoadFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "this part of the app could not be loaded (offline before it was saved for offline use)",
        )
    }
}

impl std::error::Error for LoadFailed {}

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for LoadFailed {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        LoadFailed
    }
}

/// Declares `async fn $name(args) -> Result<$ret, LoadFailed>` whose body
/// moves to the module `$group` in the split build. Arguments are passed by
/// value: the call crosses into another module with the C calling
/// convention, so nothing may panic across it (the release profile aborts).
#[macro_export]
macro_rules! split_fn {
    ($(#[$attr:meta])* $group:ident, $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$attr])*
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($group, fallible)]
        #[allow(unused_braces)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::split::LoadFailed> {
            Ok($body)
        }
        $(#[$attr])*
        #[cfg(not(feature = "split"))]
        #[allow(unused_braces)]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::split::LoadFailed> {
            Ok($body)
        }
    };
}

/// Declares `mod $name` handing over a `Copy` value (function pointers)
/// that lives in the module `$group` of the split build, kept once loaded:
/// `$name::loaded()` has it if it is loaded (always, without the split),
/// `$name::load().await` loads it first if need be. A failed load is not
/// kept, so the next call tries again.
#[macro_export]
macro_rules! split_kept {
    ($(#[$attr:meta])* $group:ident, $vis:vis mod $name:ident: $ty:ty = $value:expr;) => {
        $(#[$attr])*
        $vis mod $name {
            #[allow(unused_imports)]
            use super::*;

            $crate::split_fn!(
                #[cfg_attr(not(feature = "split"), allow(dead_code))]
                $group, fn in_module() -> $ty { $value }
            );

            #[cfg(feature = "split")]
            thread_local! {
                static LOADED: std::cell::Cell<Option<$ty>> = const { std::cell::Cell::new(None) };
            }

            /// The value, if it is loaded (always, without the split).
            pub fn loaded() -> Option<$ty> {
                #[cfg(feature = "split")]
                return LOADED.get();
                #[cfg(not(feature = "split"))]
                Some($value)
            }

            /// The value, loading it first if need be.
            pub async fn load() -> Result<$ty, $crate::split::LoadFailed> {
                if let Some(value) = loaded() {
                    return Ok(value);
                }
                let value = in_module().await?;
                #[cfg(feature = "split")]
                LOADED.set(Some(value));
                Ok(value)
            }
        }
    };
}
