//! A request's status as coloured text with its own icon: never colour alone.

use leptos::prelude::*;

use crate::api::Status;
use crate::components::icon::Icon;
use crate::i18n::t;
use crate::tone::Tone;

/// The status as people read it, in their language, at the start of a sentence or on a label.
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Submitted => t("Submitted"),
        Status::PendingApproval => t("Pending approval"),
        Status::Approved => t("Approved"),
        Status::Rejected => t("Rejected"),
    }
}

/// The tone and icon of a status, as SAP UIs show it.
pub fn presentation(status: Status) -> (Tone, Icon) {
    match status {
        Status::Submitted => (Tone::Information, Icon::Sent),
        Status::PendingApproval => (Tone::Warning, Icon::Hourglass),
        Status::Approved => (Tone::Positive, Icon::Check),
        Status::Rejected => (Tone::Negative, Icon::Cross),
    }
}

#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let (tone, icon) = presentation(status);
    view! {
        <span class=format!("status {}", tone.class()) data-icon=icon.name()>{status_label(status)}</span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_status_has_its_own_tone_icon_and_words() {
        let presented: Vec<(&str, Tone, Icon)> = Status::ALL
            .into_iter()
            .map(|status| {
                let (tone, icon) = presentation(status);
                (status_label(status), tone, icon)
            })
            .collect();
        assert_eq!(
            presented,
            [
                ("Submitted", Tone::Information, Icon::Sent),
                ("Pending approval", Tone::Warning, Icon::Hourglass),
                ("Approved", Tone::Positive, Icon::Check),
                ("Rejected", Tone::Negative, Icon::Cross),
            ]
        );
    }
}
