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
    #[error("cannot read or write the secret key file {path}: {source}")]
    File { path: PathBuf, source: std::io::Error },
    #[error(
        "the secret key file {} is missing, and the database holds secrets sealed with it; without it they cannot be read. \
         Put the key file back (or set HUB_SECRET_KEY to its contents); the hub makes a new key only for a database without secrets",
        path.display()
    )]
    Missing { path: PathBuf },
    #[error("the secret key in {origin} does not open the secrets in the database: it is another key. Use the key the database was sealed with")]
    DoesNotOpen { origin: String },
    #[error("the secret key comes from HUB_SECRET_KEY; rotate-key replaces a key file. Unset HUB_SECRET_KEY and name the key file with --secret-key-file")]
    FromEnvironment,
    #[error(
        "the secrets are re-sealed under the new key in {}, but it could not be put in place of the key file: {source}. \
         Keep that file: it is the key of the database now (the next start puts it in place)",
        path.display()
    )]
    Install { path: PathBuf, source: std::io::Error },
}

/// A value sealed in the database, to check a key against: the row it is bound to, and the
/// sealed bytes.
pub struct SealedSample {
    pub bound_to: String,
    pub sealed: Vec<u8>,
}

/// The key that opens the database's secrets. It comes from `env_key` (HUB_SECRET_KEY, base64)
/// if set, else from `file`. A missing file is created with a new random key (permissions
/// 0600) only when the database holds no secret (`sample` is `None`); otherwise the hub must
/// not start, or every stored secret would be lost. A key that does not open `sample` is
/// refused, unless it is the new key of a rotation that stopped before it could rename the
/// files: then the rotation is finished.
pub fn load_key(env_key: Option<&str>, file: &Path, sample: Option<&SealedSample>) -> Result<SecretBox, KeyError> {
    let opens = |secrets: &SecretBox| sample.is_none_or(|sample| secrets.open(&sample.sealed, &sample.bound_to).is_some());
    if let Some(encoded) = env_key {
        let secrets = SecretBox::from_base64(encoded, "HUB_SECRET_KEY")?;
        return if opens(&secrets) { Ok(secrets) } else { Err(KeyError::DoesNotOpen { origin: "HUB_SECRET_KEY".into() }) };
    }
    let file_error = |source| KeyError::File { path: file.to_owned(), source };
    match std::fs::read_to_string(file) {
        Ok(encoded) => {
            let secrets = SecretBox::from_base64(encoded.trim(), &file.display().to_string())?;
            if opens(&secrets) {
                return Ok(secrets);
            }
            let rotated = rotation_file(file, "new");
            if let Ok(encoded) = std::fs::read_to_string(&rotated) {
                let new = SecretBox::from_base64(encoded.trim(), &rotated.display().to_string())?;
                if opens(&new) {
                    finish_rotation(file).map_err(file_error)?;
                    tracing::warn!(path = %file.display(), "finished a key rotation that had stopped before replacing the key file");
                    return Ok(new);
                }
            }
            Err(KeyError::DoesNotOpen { origin: file.display().to_string() })
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            if let Some(sample) = sample {
                // Only the new key of a rotation may stand in for a missing key file.
                let rotated = rotation_file(file, "new");
                if let Ok(encoded) = std::fs::read_to_string(&rotated) {
                    let new = SecretBox::from_base64(encoded.trim(), &rotated.display().to_string())?;
                    if new.open(&sample.sealed, &sample.bound_to).is_some() {
                        std::fs::rename(&rotated, file).and_then(|()| sync_folder(file)).map_err(file_error)?;
                        tracing::warn!(path = %file.display(), "finished a key rotation that had stopped before replacing the key file");
                        return Ok(new);
                    }
                }
                return Err(KeyError::Missing { path: file.to_owned() });
            }
            let key: [u8; KEY_BYTES] = rand::rng().random();
            write_private_file(file, BASE64.encode(key).as_bytes()).map_err(file_error)?;
            tracing::info!(path = %file.display(), "created a new secret key for a database without secrets");
            Ok(SecretBox::new(&key))
        }
        Err(source) => Err(file_error(source)),
    }
}

/// A key rotation in two steps around the database's transaction: [`RotationKey::create`]
/// writes the new key beside the old one (`<file>.new`, durably), the caller re-seals
/// everything in one transaction, then [`RotationKey::install`] keeps a copy of the old key as
/// `<file>.old` and renames the new one over the key file in one step. Stopped anywhere in
/// between, the next start finds the key that opens the database and finishes the rotation.
/// The caller holds the database's exclusive lock throughout (see `DataLock`).
pub struct RotationKey {
    file: PathBuf,
    pub secrets: SecretBox,
}

impl RotationKey {
    pub fn create(file: &Path) -> Result<Self, KeyError> {
        let rotated = rotation_file(file, "new");
        let _ = std::fs::remove_file(&rotated);
        let key: [u8; KEY_BYTES] = rand::rng().random();
        write_private_file(&rotated, BASE64.encode(key).as_bytes())
            .map_err(|source| KeyError::File { path: rotated.clone(), source })?;
        Ok(Self { file: file.to_owned(), secrets: SecretBox::new(&key) })
    }

    pub fn install(self) -> Result<(), KeyError> {
        finish_rotation(&self.file).map_err(|source| KeyError::Install { path: rotation_file(&self.file, "new"), source })
    }
}

fn rotation_file(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(format!(".{suffix}"));
    PathBuf::from(name)
}

/// Keeps a copy of the key file as `<file>.old`, then puts `<file>.new` in its place in one
/// rename: at every moment one of the files on disk opens the database.
fn finish_rotation(file: &Path) -> std::io::Result<()> {
    let old = rotation_file(file, "old");
    let _ = std::fs::remove_file(&old);
    std::fs::copy(file, &old)?;
    std::fs::rename(rotation_file(file, "new"), file)?;
    sync_folder(file)
}

/// Makes the folder's list of files (a new or renamed `file`) durable.
fn sync_folder(file: &Path) -> std::io::Result<()> {
    match file.parent().filter(|folder| !folder.as_os_str().is_empty()) {
        Some(folder) => std::fs::File::open(folder)?.sync_all(),
        None => std::fs::File::open(".")?.sync_all(),
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
    file.sync_all()?;
    sync_folder(path)
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
        let first = load_key(None, &path, None).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        let sample = SealedSample { bound_to: "id".into(), sealed: first.seal("s", "id") };
        let second = load_key(None, &path, Some(&sample)).unwrap();
        assert_eq!(second.open(&sample.sealed, "id").as_deref(), Some("s"));
        assert!(format!("{second:?}").contains("redacted"));
    }

    #[test]
    fn a_missing_or_wrong_key_for_sealed_secrets_is_refused() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("hub-secret.key");
        let sample = SealedSample { bound_to: "id".into(), sealed: SecretBox::new(&[1; KEY_BYTES]).seal("s", "id") };
        let missing = load_key(None, &path, Some(&sample)).unwrap_err();
        assert!(matches!(missing, KeyError::Missing { .. }));
        assert!(missing.to_string().contains("hub-secret.key is missing"), "{missing}");
        assert!(!path.exists(), "no key is made up for sealed secrets");
        std::fs::write(&path, BASE64.encode([2; KEY_BYTES])).unwrap();
        assert!(matches!(load_key(None, &path, Some(&sample)), Err(KeyError::DoesNotOpen { .. })));
        let env = BASE64.encode([2; KEY_BYTES]);
        assert!(matches!(load_key(Some(&env), &path, Some(&sample)), Err(KeyError::DoesNotOpen { .. })));
    }

    #[test]
    fn a_rotation_stopped_before_renaming_is_finished_at_start() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("hub-secret.key");
        let old = load_key(None, &path, None).unwrap();
        let rotation = RotationKey::create(&path).unwrap();
        // The database was re-sealed with the new key, then the process stopped.
        let sample = SealedSample { bound_to: "id".into(), sealed: rotation.secrets.seal("s", "id") };
        assert_eq!(old.open(&sample.sealed, "id"), None);
        let loaded = load_key(None, &path, Some(&sample)).unwrap();
        assert_eq!(loaded.open(&sample.sealed, "id").as_deref(), Some("s"));
        assert!(folder.path().join("hub-secret.key.old").exists());
        assert!(!folder.path().join("hub-secret.key.new").exists());
    }

    #[test]
    fn a_missing_key_file_beside_the_new_key_of_a_rotation_is_recovered() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("hub-secret.key");
        load_key(None, &path, None).unwrap();
        let rotation = RotationKey::create(&path).unwrap();
        let sample = SealedSample { bound_to: "id".into(), sealed: rotation.secrets.seal("s", "id") };
        std::fs::remove_file(&path).unwrap();
        let loaded = load_key(None, &path, Some(&sample)).unwrap();
        assert_eq!(loaded.open(&sample.sealed, "id").as_deref(), Some("s"));
        assert!(path.exists());
    }

    #[test]
    fn a_malformed_key_is_refused() {
        assert!(matches!(load_key(Some("c2hvcnQ="), Path::new("/nonexistent"), None), Err(KeyError::Malformed { .. })));
    }
}
