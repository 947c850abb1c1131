//! Secrets at rest: AES-256-GCM with a key from the environment or a key file.

use std::io::Write;
use std::path::{Path, PathBuf};

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use rand::Rng;

const NONCE_BYTES: usize = 12;
const KEY_BYTES: usize = 32;

/// Encrypts and decrypts stored secrets. Its debug output never shows the key.
#[derive(Clone)]
pub struct SecretBox {
    cipher: Aes256Gcm,
}

impl std::fmt::Debug for SecretBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretBox(<key redacted>)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("the secret key in {origin} is not {KEY_BYTES} bytes of base64")]
    Malformed { origin: String },
    #[error("cannot read or create the secret key file {path}: {source}")]
    File { path: PathBuf, source: std::io::Error },
}

/// Where the key comes from, in order: `HUB_SECRET_KEY` (base64), else `file`, which is
/// created with a new random key (permissions 0600) if missing.
pub fn load_or_create_key(env_key: Option<&str>, file: &Path) -> Result<SecretBox, KeyError> {
    if let Some(encoded) = env_key {
        return SecretBox::from_base64(encoded, "HUB_SECRET_KEY");
    }
    match std::fs::read_to_string(file) {
        Ok(encoded) => SecretBox::from_base64(encoded.trim(), &file.display().to_string()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            let key: [u8; KEY_BYTES] = rand::rng().random();
            write_private_file(file, BASE64.encode(key).as_bytes())
                .map_err(|source| KeyError::File { path: file.to_owned(), source })?;
            tracing::info!(path = %file.display(), "created a new secret key");
            Ok(SecretBox::new(&key))
        }
        Err(source) => Err(KeyError::File { path: file.to_owned(), source }),
    }
}

fn write_private_file(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(contents)?;
    file.sync_all()
}

impl SecretBox {
    pub fn new(key: &[u8; KEY_BYTES]) -> Self {
        Self { cipher: Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key)) }
    }

    fn from_base64(encoded: &str, origin: &str) -> Result<Self, KeyError> {
        let bytes = BASE64.decode(encoded.trim()).map_err(|_| KeyError::Malformed { origin: origin.to_owned() })?;
        let key: [u8; KEY_BYTES] = bytes.try_into().map_err(|_| KeyError::Malformed { origin: origin.to_owned() })?;
        Ok(Self::new(&key))
    }

    /// `secret` encrypted for the row `bound_to`: nonce then ciphertext.
    pub fn seal(&self, secret: &str, bound_to: &str) -> Vec<u8> {
        let nonce: [u8; NONCE_BYTES] = rand::rng().random();
        let ciphertext = self
            .cipher
            .encrypt(Nonce::from_slice(&nonce), Payload { msg: secret.as_bytes(), aad: bound_to.as_bytes() })
            .expect("AES-GCM encrypts any message of this size");
        let mut sealed = nonce.to_vec();
        sealed.extend_from_slice(&ciphertext);
        sealed
    }

    /// The secret sealed for `bound_to`, or `None` if it was not sealed with this key for it.
    pub fn open(&self, sealed: &[u8], bound_to: &str) -> Option<String> {
        if sealed.len() < NONCE_BYTES {
            return None;
        }
        let (nonce, ciphertext) = sealed.split_at(NONCE_BYTES);
        let plain =
            self.cipher.decrypt(Nonce::from_slice(nonce), Payload { msg: ciphertext, aad: bound_to.as_bytes() }).ok()?;
        String::from_utf8(plain).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seals_and_opens_bound_to_its_row() {
        let secrets = SecretBox::new(&[7; KEY_BYTES]);
        let sealed = secrets.seal("hunter2", "cr-1");
        assert!(!sealed.windows(7).any(|window| window == b"hunter2"));
        assert_eq!(secrets.open(&sealed, "cr-1").as_deref(), Some("hunter2"));
        assert_eq!(secrets.open(&sealed, "cr-2"), None, "moved to another row");
        assert_eq!(SecretBox::new(&[8; KEY_BYTES]).open(&sealed, "cr-1"), None, "another key");
    }

    #[test]
    fn creates_a_private_key_file_once_and_reads_it_back() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("hub-secret.key");
        let first = load_or_create_key(None, &path).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        let sealed = first.seal("s", "id");
        let second = load_or_create_key(None, &path).unwrap();
        assert_eq!(second.open(&sealed, "id").as_deref(), Some("s"));
        assert!(format!("{second:?}").contains("redacted"));
    }

    #[test]
    fn a_malformed_key_is_refused() {
        assert!(matches!(load_or_create_key(Some("c2hvcnQ="), Path::new("/nonexistent")), Err(KeyError::Malformed { .. })));
    }
}
