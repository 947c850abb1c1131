//! Feeds arbitrary text to the analyser and checks what must always hold.
#![no_main]

use credentials::{analyze, Context};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = credentials::read_certificate(text);
    let analysis = analyze(text, &Context::default());
    assert!(analysis.credentials.is_none() || !analysis.has_errors(), "usable despite errors");
    for diagnostic in &analysis.diagnostics {
        if let Some(location) = &diagnostic.location {
            assert!(location.span.start <= location.span.end && location.span.end <= text.len());
            assert!(text.is_char_boundary(location.span.start) && text.is_char_boundary(location.span.end));
        }
    }
    // What was accepted reads back as the same credentials.
    if let Some(credentials) = &analysis.credentials {
        let again = analyze(&credentials.to_json(), &Context::default());
        assert_eq!(again.credentials.as_ref(), Some(credentials), "round trip");
    }
});
