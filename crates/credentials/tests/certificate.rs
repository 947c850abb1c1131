//! Reading the subject and validity of a real certificate (made with
//! `openssl req -x509 -days 10000 -subj "/C=DE/O=SAP SE/OU=API Portal/CN=sb-apiaccess...!b2160"`).

use credentials::{read_certificate, CertificateSummary};

const CERTIFICATE: &str = include_str!("fixtures/client-certificate.pem");

#[test]
fn reads_subject_and_both_time_formats() {
    let expected = CertificateSummary {
        subject: "CN=sb-apiaccess1689070958781!b6077|api-portal-xsuaa!b2160, OU=API Portal, O=SAP SE, C=DE".to_owned(),
        not_before: "2026-11-29T02:08:36Z".to_owned(),
        not_after: "2054-04-16T02:08:36Z".to_owned(),
    };
    assert_eq!(read_certificate(CERTIFICATE), Some(expected.clone()));
    // As pasted inside JSON: line breaks written as \n.
    assert_eq!(read_certificate(&CERTIFICATE.replace('\n', "\\n")), Some(expected));
}

#[test]
fn a_cut_certificate_is_not_read() {
    let cut = format!("{}\n-----END CERTIFICATE-----", &CERTIFICATE[..CERTIFICATE.len() / 2]);
    assert_eq!(read_certificate(&cut), None);
}
