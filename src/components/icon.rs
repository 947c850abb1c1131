//! Small icons, each with one meaning. Decorative: the text beside an icon says the same, so
//! screen readers skip it. An element with `data-icon` shows one before its text
//! (`style/main.css`, "Icons").

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
    /// Its `data-icon` value: the stylesheet draws the picture before the element's text, in
    /// the text's colour, with no element of its own.
    pub fn name(self) -> &'static str {
        match self {
            Icon::Sent => "sent",
            Icon::Hourglass => "hourglass",
            Icon::Check => "check",
            Icon::Cross => "cross",
            Icon::Clock => "clock",
            Icon::Error => "error",
            Icon::Warning => "warning",
            Icon::Information => "information",
            Icon::Lock => "lock",
        }
    }
}
