//! Views side by side, as many as there are, with nothing else in the page.

use leptos::prelude::*;

/// The views one after the other. A `Vec` view would add a marker node to find its end; this
/// nests them in pairs instead, which need none (an empty list leaves one placeholder). It is for
/// lists drawn once per row, where a node saved counts 25 times. Built again with other views,
/// it reuses the elements where the pairs and the kinds of view line up, and replaces the rest.
pub fn siblings(views: Vec<AnyView>) -> AnyView {
    views.into_iter().reduce(|before, next| (before, next).into_any()).unwrap_or_else(|| ().into_any())
}
