//! The dialog's fields, each in step with the JSON box, with its messages under it: checked
//! once the user leaves it (or at once after a paste).

use credentials::{CredentialKind, Field, Severity};
use leptos::prelude::*;

use super::save_problem::SaveProblem;
use super::DialogState;
use crate::components::icon::Icon;
use crate::credentials_form::{label, server_messages_for, CredentialsForm};
use crate::format;
use crate::i18n::{t, translate};

/// The id of a field's input.
pub fn input_id(field: Field) -> String {
    format!("credentials-{}", field.target())
}

/// One message under a field: its severity in words for screen readers, in colour for the eye.
#[component]
pub fn FieldMessage(severity: Severity, #[prop(into)] text: String, #[prop(default = None)] excerpt: Option<String>) -> impl IntoView {
    let (tone, prefix) = match severity {
        Severity::Error => ("tone-negative", t("Error: ")),
        Severity::Warning => ("tone-warning", t("Warning: ")),
        Severity::Info => ("tone-information", t("Note: ")),
    };
    view! {
        <li class=format!("field-message {tone}")>
            <span class="visually-hidden">{prefix}</span>
            {text}
            {excerpt.map(|excerpt| view! { <code class="excerpt">{excerpt}</code> })}
        </li>
    }
}

/// The engine's findings for `field` (once shown), then the hub's if a save named it.
fn field_messages(field: Field, state: DialogState) -> Vec<(Severity, String)> {
    let mut found: Vec<(Severity, String)> =
        state.form.with(|form| form.diagnostics_for(field)).into_iter().map(|d| (d.severity, d.translated_message(translate))).collect();
    state.problem.with(|problem| {
        if let Some(problem @ SaveProblem::Fields { .. }) = problem {
            found.extend(server_messages_for(field, problem.field_details()).into_iter().map(|message| (Severity::Error, message)));
        }
    });
    found
}

#[component]
fn Messages(id: String, messages: Memo<Vec<(Severity, String)>>) -> impl IntoView {
    view! {
        <ul id=id class="field-messages">
            {move || messages.get().into_iter().map(|(severity, text)| view! { <FieldMessage severity text /> }).collect_view()}
        </ul>
    }
}

/// What every field's input needs: its ids and its messages.
struct Binding {
    id: String,
    messages_id: String,
    messages: Memo<Vec<(Severity, String)>>,
}

impl Binding {
    fn of(field: Field, state: DialogState) -> Self {
        let id = input_id(field);
        Self { messages_id: format!("{id}-messages"), id, messages: Memo::new(move |_| field_messages(field, state)) }
    }
}

/// `aria-invalid` of an input whose messages are `messages`.
fn invalid(messages: Memo<Vec<(Severity, String)>>) -> impl Fn() -> String + Copy + 'static {
    move || messages.with(|messages| messages.iter().any(|(severity, _)| *severity == Severity::Error)).to_string()
}

/// The input's value in the form; below, the form's reaction to typing and to leaving it.
fn value_of(field: Field, state: DialogState) -> impl Fn() -> String + Copy + 'static {
    move || state.form.with(|form| form.value(field))
}

fn on_input(field: Field, state: DialogState) -> impl Fn(leptos::ev::Event) + Copy + 'static {
    move |event| {
        state.form.update(|form| form.set_field(field, event_target_value(&event)));
        state.edited();
    }
}

fn on_leave(field: Field, state: DialogState) -> impl Fn(leptos::ev::FocusEvent) + Copy + 'static {
    move |_| state.form.update(|form| form.leave_field(field))
}

/// A multi-line input for a value that may be a private key: while `hides()`, it shows (and
/// gives screen readers) only a placeholder, as the JSON box does; a CSS mask would still hand
/// the text to assistive technology. Typing next to the placeholder keeps the value, typing
/// over it replaces the value.
fn textarea_hiding(
    field: Field,
    state: DialogState,
    Binding { id, messages_id, messages }: &Binding,
    hides: impl Fn() -> bool + Copy + Send + Sync + 'static,
) -> AnyView {
    let shown = move || {
        let hides = hides();
        state.form.with(|form| form.shown_value(field, hides).text)
    };
    let on_input = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        let hides = untrack(hides);
        state.form.update(|form| form.set_shown_value(field, &text, hides));
        state.edited();
        // What was typed next to the placeholder went into the value: the box shows the
        // placeholder alone again even where the text it shows has not changed.
        crate::dom::replace_typed_text(&event_target(&event), &text, &untrack(shown));
    };
    view! {
        <textarea id=id.clone() rows="4" autocomplete="off" spellcheck="false" prop:value=shown
            aria-invalid=invalid(*messages) aria-describedby=messages_id.clone() on:input=on_input on:blur=on_leave(field, state)></textarea>
    }
    .into_any()
}

/// A field with its label and messages.
#[component]
pub fn TextField(
    field: Field,
    state: DialogState,
    /// Instead of the field's usual label.
    #[prop(optional)]
    label: Option<&'static str>,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let binding = Binding::of(field, state);
    // A private key pasted where it does not belong is still hidden while the key is: a
    // password input's text, unlike a masked one's, is not given to screen readers.
    let holds_hidden_key = move || {
        state.hidden.with(|hidden| hidden.key) && state.form.with(|form| form.values.get(field).is_some_and(|value| value.contains("PRIVATE KEY")))
    };
    let input = if multiline {
        textarea_hiding(field, state, &binding, holds_hidden_key)
    } else {
        let Binding { id, messages_id, messages } = &binding;
        view! {
            <input id=id.clone() type=move || if holds_hidden_key() { "password" } else { "text" } autocomplete="off" spellcheck="false" prop:value=value_of(field, state)
                aria-invalid=invalid(*messages) aria-describedby=messages_id.clone() on:input=on_input(field, state) on:blur=on_leave(field, state) />
        }
        .into_any()
    };
    let Binding { id, messages_id, messages } = binding;
    view! {
        <div class="field">
            <label for=id>{label.unwrap_or(crate::credentials_form::label(field))}</label>
            {input}
            <Messages id=messages_id messages />
        </div>
    }
}

/// A secret (the client secret, the private key): hidden until shown, here and in the JSON box
/// at once; never prefilled.
#[component]
pub fn SecretField(field: Field, state: DialogState) -> impl IntoView {
    let hidden = state.hidden;
    let binding = Binding::of(field, state);
    let is_hidden = move || hidden.with(|hidden| hidden.hides(field));
    let toggle = move |_| hidden.update(|hidden| hidden.toggle(field));
    let input = if field == Field::Key {
        textarea_hiding(field, state, &binding, is_hidden)
    } else {
        let Binding { id, messages_id, messages } = &binding;
        view! {
            <input id=id.clone() type=move || if is_hidden() { "password" } else { "text" } autocomplete="off" spellcheck="false"
                prop:value=value_of(field, state) aria-invalid=invalid(*messages) aria-describedby=messages_id.clone()
                on:input=on_input(field, state) on:blur=on_leave(field, state) />
        }
        .into_any()
    };
    let Binding { id, messages_id, messages } = binding;
    view! {
        <div class="field">
            <label for=id>{label(field)}</label>
            <div class="secret">
                {input}
                <button type="button" class="button button-transparent" aria-pressed=move || (!is_hidden()).to_string() on:click=toggle>
                    {move || if is_hidden() { t("Show") } else { t("Hide") }}
                </button>
            </div>
            <Messages id=messages_id messages />
        </div>
    }
}

/// Whose certificate it is and when it is valid, when it can be read.
#[component]
pub fn CertificateInfo(form: RwSignal<CredentialsForm>) -> impl IntoView {
    let summary = Memo::new(move |_| form.with(|form| credentials::read_certificate(form.values.get(Field::Certificate).unwrap_or_default())));
    move || {
        summary.get().map(|certificate| {
            let now = (js_sys::Date::now() / 1000.0) as i64;
            let expiry = format::unix_seconds(&certificate.not_after).map(|expires| format::Expiry::at(now, expires));
            view! {
                <dl class="details certificate-info">
                    <dt>{t("Subject")}</dt><dd>{certificate.subject.clone()}</dd>
                    <dt>{t("Valid from")}</dt><dd>{format::timestamp(&certificate.not_before)}</dd>
                    <dt>{t("Valid until")}</dt>
                    <dd>
                        {format::timestamp(&certificate.not_after)}
                        {expiry.map(|expiry| {
                            let (tone, icon) = expiry.presentation();
                            view! {
                                <span class=format!("expiry {}", tone.class()) data-icon=icon.map(Icon::name)>
                                    {format!(" ({})", expiry.label())}
                                </span>
                            }
                        })}
                    </dd>
                </dl>
            }
        })
    }
}

/// Every field of the credentials, for their kind: Client ID and Client Secret, or the X.509
/// certificate and key; the URLs either way.
#[component]
pub fn CredentialsFields(state: DialogState) -> impl IntoView {
    let is_x509 = move || state.form.with(|form| form.kind) == CredentialKind::X509;
    view! {
        <fieldset class="fields">
            <legend>{move || if is_x509() { t("X.509 credentials") } else { t("Client ID and Client Secret") }}</legend>
            <Show when=move || !is_x509()>
                <TextField field=Field::ClientId state />
                <SecretField field=Field::ClientSecret state />
            </Show>
            <TextField field=Field::Url state />
            <TextField field=Field::TokenUrl state />
            <Show when=is_x509>
                <TextField field=Field::CertUrl state />
                <TextField field=Field::ClientId label=t("Client ID (optional)") state />
                <TextField field=Field::Certificate state multiline=true />
                <CertificateInfo form=state.form />
                <SecretField field=Field::Key state />
            </Show>
        </fieldset>
    }
}
