//! A request's timeline, newest first, as the hub keeps it: who submitted it, replaced its
//! credentials, tested them, approved or rejected it.

use leptos::prelude::*;

use crate::api;
use crate::format;
use crate::i18n::{t, tf};
use crate::lifecycle_text::history_line;

#[component]
pub fn RequestHistory(id: String) -> impl IntoView {
    let history = LocalResource::new(move || {
        let id = id.clone();
        async move { api::history(&id).await }
    });
    view! {
        <section class="history" aria-labelledby="request-history-title">
            <h3 id="request-history-title">{t("History")}</h3>
            <Transition fallback=|| view! { <p role="status">{t("Loading the history…")}</p> }>
                {move || Suspend::new(async move {
                    match history.await {
                        Ok(history) if history.results.is_empty() => view! { <p>{t("Nothing on record yet.")}</p> }.into_any(),
                        Ok(history) => view! {
                            <ol class="timeline">
                                {history.results.iter().map(|event| view! {
                                    <li>
                                        <time datetime=event.at.clone()>{format::timestamp(&event.at)}</time>
                                        <p>{history_line(event)}</p>
                                    </li>
                                }).collect_view()}
                            </ol>
                        }.into_any(),
                        Err(error) => view! { <p class="message tone-negative" role="alert">{tf("The history could not be loaded. {error}", &[("error", &error)])}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
