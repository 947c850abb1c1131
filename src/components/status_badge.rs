//! A request's status as coloured text with an icon: never colour alone.

use leptos::prelude::*;

use crate::api::Status;

/// The semantic tone of a status, as SAP UIs colour it.
pub fn tone(status: Status) -> &'static str {
    match status {
        Status::Submitted => "information",
        Status::PendingApproval => "warning",
        Status::Approved => "positive",
        Status::Rejected => "negative",
    }
}

#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    view! {
        <span class=format!("status tone-{}", tone(status))>
            <ToneIcon tone=tone(status) />
            <span>{status.label()}</span>
        </span>
    }
}

/// A small icon for a tone; decorative, since the text beside it says the same.
#[component]
pub fn ToneIcon(tone: &'static str) -> impl IntoView {
    let path = match tone {
        "information" => "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm-.9 3.5h1.8v1.8H7.1zm0 3h1.8v4.5H7.1z",
        "warning" => "M4 1h8v2.5L9.2 8 12 12.5V15H4v-2.5L6.8 8 4 3.5zm2 2 2 3.2L10 3z",
        "positive" => "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm3.3 4.3 1.2 1.2L7 12 3.5 8.5l1.2-1.2L7 9.6z",
        "negative" | "error" => "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zM5.4 4.2 8 6.8l2.6-2.6 1.2 1.2L9.2 8l2.6 2.6-1.2 1.2L8 9.2l-2.6 2.6-1.2-1.2L6.8 8 4.2 5.4z",
        _ => "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1z",
    };
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d=path fill="currentColor" />
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_status_has_its_own_tone_and_words() {
        let presented: Vec<(&str, &str)> = Status::ALL.into_iter().map(|status| (status.label(), tone(status))).collect();
        assert_eq!(
            presented,
            [("Submitted", "information"), ("Pending approval", "warning"), ("Approved", "positive"), ("Rejected", "negative")]
        );
    }
}
