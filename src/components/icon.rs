//! Small icons, each with one meaning. Decorative: the text beside an icon says the same, so
//! screen readers skip it.

use leptos::prelude::*;

/// What an icon means; no two meanings share a picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    /// Sent and waiting to be picked up (Submitted).
    Sent,
    /// Waiting for someone (Pending approval).
    Hourglass,
    /// Done, fine (Approved, saved).
    Check,
    /// Refused (Rejected).
    Cross,
    /// Soon too late (credentials about to expire).
    Clock,
    /// Something to fix (an error, expired credentials).
    Error,
    /// Something to check (a warning).
    Warning,
    /// Something to know.
    Information,
    /// Not available to you.
    Lock,
}

impl Icon {
    fn path(self) -> &'static str {
        match self {
            Icon::Sent => "M1 7.5 15 1l-4 14-3.2-5.4L1 7.5zm6.9 1.3 1.9 3.2L12.2 4 7.9 8.8zM4.6 7.3l2.4.9L11.3 4 4.6 7.3z",
            Icon::Hourglass => "M4 1h8v2.5L9.2 8 12 12.5V15H4v-2.5L6.8 8 4 3.5zm2 2 2 3.2L10 3z",
            Icon::Check => "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm3.3 4.3 1.2 1.2L7 12 3.5 8.5l1.2-1.2L7 9.6z",
            Icon::Cross => "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zM5.4 4.2 8 6.8l2.6-2.6 1.2 1.2L9.2 8l2.6 2.6-1.2 1.2L8 9.2l-2.6 2.6-1.2-1.2L6.8 8 4.2 5.4z",
            Icon::Clock => "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.6a5.4 5.4 0 1 1 0 10.8A5.4 5.4 0 0 1 8 2.6zM7.2 4v4.6l3.3 2 .8-1.3-2.5-1.5V4z",
            Icon::Error => "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm-.9 3h1.8v5H7.1zm0 6.2h1.8V12H7.1z",
            Icon::Warning => "M8 1 15.5 14.5H.5zm-.9 4.5v4.3h1.8V5.5zm0 5.4v1.7h1.8v-1.7z",
            Icon::Information => "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm-.9 3.5h1.8v1.8H7.1zm0 3h1.8v4.5H7.1z",
            Icon::Lock => "M8 1a3.5 3.5 0 0 0-3.5 3.5V7H3v8h10V7h-1.5V4.5A3.5 3.5 0 0 0 8 1zm0 1.6a1.9 1.9 0 0 1 1.9 1.9V7H6.1V4.5A1.9 1.9 0 0 1 8 2.6z",
        }
    }
}

#[component]
pub fn IconView(icon: Icon) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d=icon.path() fill="currentColor" fill-rule="evenodd" />
        </svg>
    }
}
