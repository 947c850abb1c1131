//! What the request has now, and what saving would change: the user sees what they replace.

use leptos::prelude::*;

use crate::api::ConnectionRequest;
use crate::credentials_form::CredentialsForm;
use crate::i18n::t;

#[component]
pub fn CurrentCredentials(current: RwSignal<ConnectionRequest>) -> impl IntoView {
    let row = |label: &'static str, value: Option<String>| {
        value.map(|value| view! { <dt>{label}</dt><dd><code>{value}</code></dd> })
    };
    view! {
        <section class="current" aria-labelledby="current-credentials-title">
            <h3 id="current-credentials-title">{t("Current credentials")}</h3>
            <dl class="details">
                {move || current.with(|request| {
                    let credentials = &request.credentials;
                    view! {
                        {row(t("Client ID"), Some(credentials.client_id.clone().unwrap_or_else(|| t("none").to_owned())))}
                        {row(t("URL"), Some(credentials.url.clone()))}
                        {row(t("Token URL"), Some(credentials.token_url.clone()))}
                        {row(t("Cert URL"), credentials.cert_url.clone())}
                    }
                })}
            </dl>
        </section>
    }
}

#[component]
pub fn ChangeSummaryView(form: RwSignal<CredentialsForm>) -> impl IntoView {
    let summary = Memo::new(move |_| form.with(CredentialsForm::summary));
    move || {
        summary.get().map(|summary| {
            view! {
                <section class="changes" aria-labelledby="changes-title">
                    <h3 id="changes-title">{t("What saving changes")}</h3>
                    <p>{summary.sentence}</p>
                    // No list when nothing is listed: screen readers would announce an empty one.
                    {(!summary.changes.is_empty()).then(|| view! {
                        <ul>
                            {summary.changes.into_iter().map(|(label, new, old)| view! {
                                <li>{format!("{label}: ")}<code>{new}</code>{old.map(|old| view! { {format!(" ({} ", t("now"))} <code>{old}</code> ")" })}</li>
                            }).collect_view()}
                        </ul>
                    })}
                </section>
            }
        })
    }
}
