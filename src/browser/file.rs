//! Files in and out: downloads made from memory, files the user picks.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `contents` as a download named `filename`; nothing leaves the machine.
pub fn download(filename: &str, mime: &str, contents: &str) -> Result<(), String> {
    let fail = |e: JsValue| format!("the browser refused the download: {e:?}");
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document to download from")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "could not create a link".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A file name safe on every OS, from a user-chosen assessment name; see
/// [`crate::core::text::file_name`].
pub fn safe_filename(name: &str, suffix: &str, extension: &str) -> String {
    crate::core::text::file_name(name, suffix, extension)
}

/// Reads a picked file; `done` gets its bytes or a message. Keep the returned
/// reader alive until `done` runs, or the read is cancelled.
pub fn read_bytes(
    file: web_sys::File,
    limit: usize,
    done: impl FnOnce(Result<Vec<u8>, String>) + 'static,
) -> Option<gloo::file::callbacks::FileReader> {
    let size = file.size() as usize;
    if size > limit {
        done(Err(format!(
            "`{}` is {size} bytes; the largest file accepted is {limit} bytes",
            file.name()
        )));
        return None;
    }
    let file = gloo::file::File::from(file);
    Some(gloo::file::callbacks::read_as_bytes(&file, move |result| {
        done(result.map_err(|e| format!("the file could not be read: {e}")))
    }))
}
