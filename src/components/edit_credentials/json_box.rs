//! "API Portal Access Credentials": the box for the JSON the API portal generated. While a
//! secret is hidden the box shows a placeholder for it; edits around the placeholder keep it.
//! Text of the user's that typing in a field replaced can be put back.

use leptos::prelude::*;

use super::fields::FieldMessage;
use super::DialogState;
use crate::credentials_form::CredentialsForm;
use crate::focus;
use crate::i18n::t;

#[component]
pub fn JsonBox(id: &'static str, state: DialogState) -> impl IntoView {
    let DialogState { form, hidden, .. } = state;
    let messages_id = format!("{id}-messages");
    let notices_id = format!("{id}-notices");
    // Hidden once per change, for the box and its messages alike.
    let shown = Memo::new(move |_| {
        let hidden = hidden.get();
        form.with(|form| form.shown_json(hidden))
    });
    let messages = Memo::new(move |_| shown.with(|shown| form.with(|form| form.json_messages(shown))));
    view! {
        <div class="field">
            <label for=id>{t("API Portal Access Credentials")}</label>
            <p id=format!("{id}-help") class="field-help">
                {t("Paste the JSON that Generate Credentials copied in Integration Suite (Settings > APIs > Connection), or type the fields below.")}
            </p>
            <textarea
                id=id
                rows="6"
                autocomplete="off"
                spellcheck="false"
                autofocus
                placeholder="{ \"url\": …, \"tokenUrl\": …, \"clientId\": …, \"clientSecret\": … }"
                prop:value=move || shown.with(|shown| shown.text.clone())
                aria-invalid=move || form.with(CredentialsForm::json_has_errors).to_string()
                aria-describedby=format!("{id}-help {messages_id} {notices_id}")
                on:input=move |event| {
                    let text = event_target_value(&event);
                    let hidden = hidden.get_untracked();
                    form.update(|form| form.set_shown_json(&text, hidden));
                    state.edited();
                    // Typed next to a placeholder, a character joins the hidden value: the text
                    // shown is the same as before, which the box would not be given again.
                    crate::dom::replace_typed_text(&event_target(&event), &text, &shown.with_untracked(|shown| shown.text.clone()));
                }
            ></textarea>
            <ul id=messages_id.clone() class="field-messages">
                {move || messages.get().into_iter().map(|message| view! {
                    <FieldMessage severity=message.severity text=message.text excerpt=message.excerpt />
                }).collect_view()}
            </ul>
            // The live region around the list: a list's items must stay a list's to screen readers.
            <div id=notices_id role="status">
                <ul class="field-messages">
                    {move || form.with(|form| form.notices.iter().map(|notice| view! { <li class="field-message tone-information">{notice.clone()}</li> }).collect_view())}
                    <Show when=move || form.with(CredentialsForm::has_replaced_box_text)>
                        <li class="field-message tone-information">
                            {t("Your other text in this box, which was not credentials, is set aside.")}
                            " "
                            <button type="button" class="button button-transparent" on:click=move |_| {
                                form.update(CredentialsForm::put_back_box_text);
                                state.edited();
                                // Where the text is back; the button is gone with the notice.
                                focus::focus_id(id);
                            }>{t("Put my text back")}</button>
                        </li>
                    </Show>
                </ul>
            </div>
        </div>
    }
}
