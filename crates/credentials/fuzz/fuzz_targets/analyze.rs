//! Feeds arbitrary input to the credentials engine and checks what must always hold: nothing
//! panics, findings point into the text, accepted credentials read back the same. The same
//! bytes also go to the certificate reader twice: as text, and as the DER inside a PEM block
//! (so that the fuzzer reaches the DER walk without having to write base64).
#![no_main]

use credentials::{analyze, read_certificate, secret_values, Context};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = read_certificate(&as_pem_certificate(data));
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = read_certificate(text);
    for value in secret_values(text) {
        assert!(text.is_char_boundary(value.span.start) && text.is_char_boundary(value.span.end));
    }
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

/// `der` in a PEM certificate block.
fn as_pem_certificate(der: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut pem = String::from("-----BEGIN CERTIFICATE-----\n");
    for chunk in der.chunks(3) {
        let bytes = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let group = u32::from_be_bytes([0, bytes[0], bytes[1], bytes[2]]);
        for index in 0..4 {
            if index <= chunk.len() {
                pem.push(char::from(ALPHABET[(group >> (18 - 6 * index)) as usize & 63]));
            } else {
                pem.push('=');
            }
        }
    }
    pem.push_str("\n-----END CERTIFICATE-----\n");
    pem
}
