//! The search box: answered by the hub, a moment after the user stops typing.

use std::time::Duration;

use leptos::html::Input;
use leptos::prelude::*;

use crate::i18n::t;

const DEBOUNCE: Duration = Duration::from_millis(300);

#[component]
pub fn SearchBox(
    /// The search of the current view; the box follows it on back and forward.
    #[prop(into)]
    search: Signal<String>,
    #[prop(into)] on_search: Callback<String>,
) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    // Follow the URL (back, forward, a cleared filter) without fighting the user's typing.
    Effect::new(move |_| {
        let search = search.get();
        if let Some(input) = input.get() {
            if input.value().trim() != search {
                input.set_value(&search);
            }
        }
    });
    let schedule = move |value: String| {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || on_search.run(value), DEBOUNCE).ok();
        pending.set_value(handle);
    };
    view! {
        <form class="search" role="search" on:submit=move |event| event.prevent_default()>
            <label for="request-search">{t("Search")}</label>
            <input
                id="request-search"
                node_ref=input
                type="search"
                placeholder=t("Alias, API portal or requester")
                autocomplete="off"
                value=search.get_untracked()
                on:input=move |event| schedule(event_target_value(&event))
            />
        </form>
    }
}
