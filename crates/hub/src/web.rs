//! Serving the built single-page app.

use std::path::Path;

use tower_http::services::{ServeDir, ServeFile};

/// Files of `dir`, with `index.html` for every other path so that the app's client-side
/// routes (such as `/connections`) load the app.
pub fn single_page_app(dir: &Path) -> ServeDir<ServeFile> {
    ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")))
}
