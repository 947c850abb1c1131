//! The Edit Credentials dialog: paste or type the credentials, see at once what is wrong, and
//! save them with the request's version. A failed save keeps everything the user entered.

use credentials::{CredentialKind, Diagnostic, Field, Severity};
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiError, ConnectionRequest, ErrorDetail, User};
use crate::components::status_badge::StatusBadge;
use crate::credentials_form::CredentialsForm;

/// A failed save, with what the user can do about it.
#[derive(Clone, Debug, PartialEq)]
enum SaveProblem {
    /// The session ended: sign in again, the input stays.
    SignedOut,
    /// Someone else changed the request: here it is as it is now.
    Stale(ConnectionRequest),
    /// Its status changed: here it is as it is now.
    StatusChanged(ConnectionRequest),
    /// The hub named fields: shown at the fields.
    Fields(String, Vec<ErrorDetail>),
    /// Network or hub trouble: try again.
    Retry(String),
    /// Anything else, with the hub's message.
    Other(String),
}

#[component]
pub fn EditCredentialsDialog(
    request: ConnectionRequest,
    user: User,
    #[prop(into)] on_close: Callback<()>,
    #[prop(into)] on_saved: Callback<ConnectionRequest>,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let kind = credentials::CredentialKind::parse(&request.credentials.kind).unwrap_or(CredentialKind::ClientSecret);
    let form = RwSignal::new(CredentialsForm::new(kind, &request.api_portal_url));
    let current = RwSignal::new(request);
    let show_secret = RwSignal::new(false);
    let problem = RwSignal::new(None::<SaveProblem>);
    let save = Action::new_local(|(id, version, body): &(String, i64, String)| {
        api::replace_credentials(id.clone(), *version, body.clone())
    });
    let saving = save.pending();

    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            crate::components::modal::show_modal_when_attached(dialog);
        }
    });

    Effect::new(move |_| {
        let Some(result) = save.value().get() else { return };
        match result {
            Ok(updated) => on_saved.run(updated),
            Err(error) => handle_failure(error, current, problem),
        }
    });

    let close = move || {
        let dirty = form.with_untracked(CredentialsForm::is_dirty);
        let confirmed = !dirty
            || window().confirm_with_message("Discard the credentials you entered? They have not been saved.").unwrap_or(false);
        if confirmed {
            on_close.run(());
        }
    };
    let submit = move || {
        let Some(body) = form.with_untracked(CredentialsForm::body) else { return };
        if saving.get_untracked() {
            return;
        }
        problem.set(None);
        let request = current.get_untracked();
        save.dispatch((request.id, request.version, body));
    };
    let edited = move || problem.update(|problem| {
        if matches!(problem, Some(SaveProblem::Fields(..))) {
            *problem = None;
        }
    });

    let title = format!("Edit Credentials for {}", current.with_untracked(|request| request.api_portal_alias.clone()));
    let user_name = user.name.clone();
    view! {
        <dialog
            node_ref=dialog
            class="dialog dialog-wide"
            aria-labelledby="edit-credentials-title"
            on:cancel=move |event: leptos::ev::Event| {
                event.prevent_default();
                close();
            }
        >
            <form method="dialog" on:submit=move |event| {
                event.prevent_default();
                submit();
            }>
                <h2 id="edit-credentials-title">{title}</h2>
                <MessageStrip form problem />
                <ProblemDetails problem current user_name=user_name.clone() user_id=user.id.clone() />

                <div class="field">
                    <label for="credentials-json">"API Portal Access Credentials"</label>
                    <p id="credentials-json-help" class="field-help">
                        "Paste the JSON that Generate Credentials copied in Integration Suite (Settings > APIs > Connection), or type the fields below."
                    </p>
                    <textarea
                        id="credentials-json"
                        rows="7"
                        autocomplete="off"
                        spellcheck="false"
                        autofocus
                        prop:value=move || form.with(|form| form.json.clone())
                        aria-invalid=move || form.with(|form| form.input_diagnostics().iter().any(Diagnostic::is_error)).to_string()
                        aria-describedby="credentials-json-help credentials-json-messages"
                        on:input=move |event| {
                            form.update(|form| form.set_json(event_target_value(&event)));
                            edited();
                        }
                    ></textarea>
                    <Messages id="credentials-json-messages" diagnostics=Signal::derive(move || form.with(CredentialsForm::input_diagnostics)) />
                    <Show when=move || form.with(|form| !form.repairs.is_empty())>
                        <ul class="field-message tone-information" role="status">
                            {move || form.with(|form| form.repairs.iter().map(|repair| view! { <li>{repair.clone()}</li> }).collect_view())}
                        </ul>
                    </Show>
                </div>

                <fieldset class="fields">
                    <legend>{move || if form.with(|form| form.kind) == CredentialKind::X509 { "X.509 credentials" } else { "Client ID and Client Secret" }}</legend>
                    <Show when=move || form.with(|form| form.kind) == CredentialKind::ClientSecret>
                        <TextField field=Field::ClientId label="Client ID" form problem on_edit=edited />
                        <SecretField form problem show_secret on_edit=edited />
                    </Show>
                    <TextField field=Field::Url label="URL" form problem on_edit=edited />
                    <TextField field=Field::TokenUrl label="Token URL" form problem on_edit=edited />
                    <Show when=move || form.with(|form| form.kind) == CredentialKind::X509>
                        <TextField field=Field::CertUrl label="Cert URL" form problem on_edit=edited />
                        <TextField field=Field::ClientId label="Client ID (optional)" form problem on_edit=edited />
                        <TextField field=Field::Certificate label="Certificate" form problem on_edit=edited multiline=true />
                        <CertificateInfo form />
                        <TextField field=Field::Key label="Private key" form problem on_edit=edited multiline=true />
                    </Show>
                </fieldset>

                <section class="current" aria-labelledby="current-credentials-title">
                    <h3 id="current-credentials-title">"Current credentials"</h3>
                    <dl class="details">
                        <dt>"Client ID"</dt>
                        <dd><code>{move || current.with(|request| request.credentials.client_id.clone().unwrap_or_else(|| "none".to_owned()))}</code></dd>
                        <dt>"URL"</dt><dd>{move || current.with(|request| request.credentials.url.clone())}</dd>
                        <dt>"Token URL"</dt><dd>{move || current.with(|request| request.credentials.token_url.clone())}</dd>
                    </dl>
                </section>

                <Show when=move || form.with(|form| form.body().is_some())>
                    <section class="changes" aria-labelledby="changes-title">
                        <h3 id="changes-title">"Saving will change"</h3>
                        <ul>{move || current.with(|request| form.with(|form| form.changes(request))).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                    </section>
                </Show>

                <div class="dialog-footer">
                    <button
                        type="submit"
                        class="button button-emphasized"
                        disabled=move || saving.get() || form.with(|form| form.body().is_none())
                        aria-busy=move || saving.get().to_string()
                    >
                        {move || if saving.get() { "Saving…" } else { "Save" }}
                    </button>
                    <button type="button" class="button button-transparent" on:click=move |_| close()>"Cancel"</button>
                </div>
            </form>
        </dialog>
    }
}

/// Turns a failed save into what the dialog shows; reloads the request where that helps.
fn handle_failure(error: ApiError, current: RwSignal<ConnectionRequest>, problem: RwSignal<Option<SaveProblem>>) {
    let reload = move |make: fn(ConnectionRequest) -> SaveProblem| {
        let id = current.with_untracked(|request| request.id.clone());
        spawn_local(async move {
            match api::connection_request(&id).await {
                Ok(latest) => problem.set(Some(make(latest))),
                Err(error) => problem.set(Some(SaveProblem::Other(error.to_string()))),
            }
        });
    };
    match error {
        ApiError::NotAuthenticated => problem.set(Some(SaveProblem::SignedOut)),
        ApiError::PreconditionFailed => reload(SaveProblem::Stale),
        ApiError::Conflict(_) => reload(SaveProblem::StatusChanged),
        ApiError::NotFound(_) => problem.set(Some(SaveProblem::Other(
            "This request no longer exists. Close the dialog; the table shows what is there now.".to_owned(),
        ))),
        ApiError::Validation { message, details } => problem.set(Some(SaveProblem::Fields(message, details))),
        ApiError::PayloadTooLarge => problem.set(Some(SaveProblem::Fields(error.to_string(), Vec::new()))),
        ApiError::Network | ApiError::Server(_) => problem.set(Some(SaveProblem::Retry(error.to_string()))),
        other => problem.set(Some(SaveProblem::Other(other.to_string()))),
    }
}

/// The summary at the top: what blocks saving, what deserves a look.
#[component]
fn MessageStrip(form: RwSignal<CredentialsForm>, problem: RwSignal<Option<SaveProblem>>) -> impl IntoView {
    let summary = move || {
        let (errors, warnings) = form.with(|form| (form.count(Severity::Error), form.count(Severity::Warning)));
        if form.with(CredentialsForm::too_large_to_send) {
            return Some(("error", "Written out, these credentials are larger than the 64 KiB the hub accepts. Remove what does not belong to them.".to_owned()));
        }
        match (errors, warnings) {
            (0, 0) => None,
            (0, warnings) => Some(("warning", format!("{warnings} warning{}: saving is possible; check the fields marked below.", plural(warnings)))),
            (errors, _) => Some(("error", format!("{errors} problem{} to fix before saving, marked below.", plural(errors)))),
        }
    };
    view! {
        <div class="message-strip" role="status" aria-live="polite">
            {move || summary().map(|(tone, text)| view! { <p class=format!("message tone-{tone}")>{text}</p> })}
            {move || match problem.get() {
                Some(SaveProblem::Fields(message, _)) => Some(view! { <p class="message tone-error">{format!("The hub refused the credentials: {message}")}</p> }),
                _ => None,
            }}
        </div>
    }
}

/// A failed save that needs more than a field message.
#[component]
fn ProblemDetails(problem: RwSignal<Option<SaveProblem>>, current: RwSignal<ConnectionRequest>, user_name: String, user_id: String) -> impl IntoView {
    let sign_in = Action::new_local(|user_id: &String| api::sign_in(user_id.clone()));
    Effect::new(move |_| {
        if let Some(Ok(_)) = sign_in.value().get() {
            problem.set(None);
        }
    });
    move || {
        let user_id = user_id.clone();
        let user_name = user_name.clone();
        match problem.get()? {
            SaveProblem::SignedOut => Some(view! {
                <div class="message message-error" role="alert">
                    <p>"Your session has ended. Sign in again; what you entered stays here."</p>
                    <button type="button" class="button" on:click=move |_| { sign_in.dispatch(user_id.clone()); }>
                        {format!("Sign in again as {user_name}")}
                    </button>
                </div>
            }.into_any()),
            SaveProblem::Stale(latest) => {
                let changed_by_someone = format!(
                    "Someone else changed this request meanwhile (now version {}, updated {}; client ID {}).",
                    latest.version,
                    crate::format::timestamp(&latest.updated_at),
                    latest.credentials.client_id.clone().unwrap_or_else(|| "none".to_owned())
                );
                Some(view! {
                    <div class="message message-warning" role="alert">
                        <p>{changed_by_someone}</p>
                        <button type="button" class="button" on:click=move |_| {
                            current.set(latest.clone());
                            problem.set(None);
                        }>"Load the current state and keep my credentials"</button>
                    </div>
                }.into_any())
            }
            SaveProblem::StatusChanged(latest) => Some(view! {
                <div class="message message-error" role="alert">
                    <p>"The request's status changed, so its credentials can no longer be edited here. It is now: "</p>
                    <StatusBadge status=latest.status />
                </div>
            }.into_any()),
            SaveProblem::Retry(message) => Some(view! {
                <div class="message message-error" role="alert">
                    <p>{format!("{message} What you entered is kept.")}</p>
                    <button type="submit" class="button">"Retry"</button>
                </div>
            }.into_any()),
            SaveProblem::Other(message) => Some(view! { <p class="message message-error" role="alert">{message}</p> }.into_any()),
            SaveProblem::Fields(..) => None,
        }
    }
}

/// One field with its label and messages; in step with the JSON box.
#[component]
fn TextField(
    field: Field,
    label: &'static str,
    form: RwSignal<CredentialsForm>,
    problem: RwSignal<Option<SaveProblem>>,
    #[prop(into)] on_edit: Callback<()>,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let id = format!("credentials-{}", field.target());
    let messages_id = format!("{id}-messages");
    let diagnostics = Signal::derive(move || field_diagnostics(field, form, problem));
    let invalid = move || diagnostics.with(|diagnostics| diagnostics.iter().any(Diagnostic::is_error)).to_string();
    let value = move || form.with(|form| form.value(field));
    let on_input = move |event: leptos::ev::Event| {
        form.update(|form| form.set_field(field, event_target_value(&event)));
        on_edit.run(());
    };
    let input = if multiline {
        view! {
            <textarea id=id.clone() rows="4" autocomplete="off" spellcheck="false" class=if field.is_secret() { "masked" } else { "" }
                prop:value=value aria-invalid=invalid aria-describedby=messages_id.clone() on:input=on_input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" autocomplete="off" spellcheck="false"
                prop:value=value aria-invalid=invalid aria-describedby=messages_id.clone() on:input=on_input />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {input}
            <Messages id=messages_id diagnostics />
        </div>
    }
}

/// Whose certificate it is and when it is valid, when it can be read.
#[component]
fn CertificateInfo(form: RwSignal<CredentialsForm>) -> impl IntoView {
    let summary = Memo::new(move |_| form.with(|form| credentials::read_certificate(&form.value(Field::Certificate))));
    move || {
        summary.get().map(|certificate| {
            let now = (js_sys::Date::now() / 1000.0) as i64;
            let expiry = crate::format::unix_seconds(&certificate.not_after).map(|expires| crate::format::Expiry::at(now, expires));
            view! {
                <dl class="details certificate-info">
                    <dt>"Subject"</dt><dd>{certificate.subject.clone()}</dd>
                    <dt>"Valid from"</dt><dd>{crate::format::timestamp(&certificate.not_before)}</dd>
                    <dt>"Valid until"</dt>
                    <dd>
                        {crate::format::timestamp(&certificate.not_after)}
                        {expiry.map(|expiry| view! { <span class=format!("expiry tone-{}", expiry.tone())>{format!(" ({})", expiry.label())}</span> })}
                    </dd>
                </dl>
            }
        })
    }
}

/// The client secret: masked unless shown, never prefilled.
#[component]
fn SecretField(
    form: RwSignal<CredentialsForm>,
    problem: RwSignal<Option<SaveProblem>>,
    show_secret: RwSignal<bool>,
    #[prop(into)] on_edit: Callback<()>,
) -> impl IntoView {
    let field = Field::ClientSecret;
    let diagnostics = Signal::derive(move || field_diagnostics(field, form, problem));
    view! {
        <div class="field">
            <label for="credentials-clientSecret">"Client Secret"</label>
            <div class="secret">
                <input
                    id="credentials-clientSecret"
                    type=move || if show_secret.get() { "text" } else { "password" }
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || form.with(|form| form.value(field))
                    aria-invalid=move || diagnostics.with(|diagnostics| diagnostics.iter().any(Diagnostic::is_error)).to_string()
                    aria-describedby="credentials-clientSecret-messages"
                    on:input=move |event| {
                        form.update(|form| form.set_field(field, event_target_value(&event)));
                        on_edit.run(());
                    }
                />
                <button type="button" class="button button-transparent" aria-pressed=move || show_secret.get().to_string()
                    on:click=move |_| show_secret.update(|shown| *shown = !*shown)>
                    {move || if show_secret.get() { "Hide" } else { "Show" }}
                </button>
            </div>
            <Messages id="credentials-clientSecret-messages".to_owned() diagnostics />
        </div>
    }
}

/// The engine's findings for `field`, then the hub's if a save named it.
fn field_diagnostics(field: Field, form: RwSignal<CredentialsForm>, problem: RwSignal<Option<SaveProblem>>) -> Vec<Diagnostic> {
    let mut found = form.with(|form| form.diagnostics_for(field));
    if let Some(SaveProblem::Fields(_, details)) = problem.get() {
        // The hub's own words, marked as errors at the field they name.
        found.extend(
            crate::credentials_form::server_messages_for(field, &details)
                .into_iter()
                .map(|message| Diagnostic::error(credentials::Code::FieldMissing, Some(field), message)),
        );
    }
    found
}

#[component]
fn Messages(#[prop(into)] id: String, #[prop(into)] diagnostics: Signal<Vec<Diagnostic>>) -> impl IntoView {
    view! {
        <ul id=id class="field-messages">
            {move || diagnostics.get().into_iter().map(|diagnostic| {
                let tone = match diagnostic.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "information",
                };
                let prefix = match diagnostic.severity {
                    Severity::Error => "Error: ",
                    Severity::Warning => "Warning: ",
                    Severity::Info => "Note: ",
                };
                view! {
                    <li class=format!("field-message tone-{tone}")>
                        <span class="visually-hidden">{prefix}</span>
                        {diagnostic.message.clone()}
                        {diagnostic.excerpt.clone().map(|excerpt| view! { <code class="excerpt">{excerpt}</code> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}
