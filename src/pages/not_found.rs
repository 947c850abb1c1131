use leptos::prelude::*;

use crate::i18n::t;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    crate::startup::shell_done();
    crate::startup::page_shown();
    view! {
        <main class="page">
            <h1>{t("Page not found")}</h1>
            <p>{t("There is nothing at this address.")} " " <a href=crate::startup::href("/connections")>{t("Go to the connection requests")}</a></p>
        </main>
    }
}
