use leptos::prelude::*;

use crate::api::ApiError;

/// An error from the hub, announced to screen readers.
#[component]
pub fn ErrorMessage(error: ApiError) -> impl IntoView {
    view! { <p class="message message-error" role="alert">{error.to_string()}</p> }
}
