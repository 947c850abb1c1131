//! The semantic tones of SAP's UIs, as the stylesheet names them. A tone is never the only way
//! something is said: text (and usually an icon) says the same.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Information,
    Warning,
    Positive,
    Negative,
    Neutral,
}

impl Tone {
    /// The stylesheet's class for the tone's colour.
    pub const fn class(self) -> &'static str {
        match self {
            Tone::Information => "tone-information",
            Tone::Warning => "tone-warning",
            Tone::Positive => "tone-positive",
            Tone::Negative => "tone-negative",
            Tone::Neutral => "tone-neutral",
        }
    }
}
