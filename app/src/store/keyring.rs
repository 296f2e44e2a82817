//! The keys that seal free text at rest, and the file they live in. The
//! file is kept apart from the database: a copy of the database alone
//! reveals no journal text.
//!
//! A sealed value is `ID:BASE64(nonce ‖ ciphertext)`, XChaCha20-Poly1305
//! with the column's name as associated data, so a value moved to another
//! column does not open. Plain text is padded to a multiple of 32 bytes
//! before sealing, so a length shows only roughly.

use std::fs;
use std::io::Write;
use std::path::Path;

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::rngs::OsRng;
use rand::RngCore;

const PAD_TO: usize = 32;
const NONCE_LEN: usize = 24;
const HEADER: &str = "\
# Polku's sealing keys. Without this file the journal text in the database
# cannot be read by anyone. Keep it apart from the database and its backups,
# readable by the service account only, and back it up on its own.
";

#[derive(Clone)]
struct Key {
    id: String,
    secret: [u8; 32],
}

impl Key {
    fn generate() -> Key {
        let mut id = [0u8; 8];
        let mut secret = [0u8; 32];
        OsRng.fill_bytes(&mut id);
        OsRng.fill_bytes(&mut secret);
        Key {
            id: id.iter().map(|b| format!("{b:02x}")).collect(),
            secret,
        }
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(&self.secret.into())
    }
}

/// The current key, which seals everything new, and the retired ones a
/// rotation in progress still needs to open older values.
#[derive(Clone)]
pub struct Keyring {
    current: Key,
    retired: Vec<Key>,
}

impl std::fmt::Debug for Keyring {
    // Never print a secret, not even in a panic.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keyring")
            .field("current", &self.current.id)
            .field("retired", &self.retired.len())
            .finish()
    }
}

impl Keyring {
    pub fn generate() -> Keyring {
        Keyring {
            current: Key::generate(),
            retired: Vec::new(),
        }
    }

    pub fn current_id(&self) -> &str {
        &self.current.id
    }

    pub fn retired_ids(&self) -> Vec<String> {
        self.retired.iter().map(|k| k.id.clone()).collect()
    }

    pub fn has(&self, id: &str) -> bool {
        self.key(id).is_some()
    }

    fn key(&self, id: &str) -> Option<&Key> {
        std::iter::once(&self.current)
            .chain(&self.retired)
            .find(|k| k.id == id)
    }

    /// A new current key; the old current one is kept as retired.
    pub fn rotated(&self) -> Keyring {
        let mut retired = vec![self.current.clone()];
        retired.extend(self.retired.iter().cloned());
        Keyring {
            current: Key::generate(),
            retired,
        }
    }

    /// Only the current key: once nothing is sealed under the others.
    pub fn without_retired(&self) -> Keyring {
        Keyring {
            current: self.current.clone(),
            retired: Vec::new(),
        }
    }

    /// Seals `plain` for the column named `aad` under the current key.
    pub fn seal(&self, aad: &str, plain: &str) -> String {
        let mut padded = plain.as_bytes().to_vec();
        padded.push(0x80);
        padded.resize(padded.len().div_ceil(PAD_TO) * PAD_TO, 0);
        let mut nonce = [0u8; NONCE_LEN];
        OsRng.fill_bytes(&mut nonce);
        let sealed = self
            .current
            .cipher()
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &padded,
                    aad: aad.as_bytes(),
                },
            )
            .expect("XChaCha20-Poly1305 seals any length we store");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        format!("{}:{}", self.current.id, URL_SAFE_NO_PAD.encode(out))
    }

    /// The key id a stored value names, if it has the sealed form.
    pub fn id_of(stored: &str) -> Option<&str> {
        let (id, _) = stored.split_once(':')?;
        (id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit())).then_some(id)
    }

    /// Opens a value sealed for the column `aad` with any key of the ring;
    /// `None` if it is not sealed, names another key, or was altered.
    pub fn open(&self, aad: &str, stored: &str) -> Option<String> {
        let id = Self::id_of(stored)?;
        let raw = URL_SAFE_NO_PAD.decode(&stored[id.len() + 1..]).ok()?;
        if raw.len() < NONCE_LEN {
            return None;
        }
        let (nonce, sealed) = raw.split_at(NONCE_LEN);
        let mut padded = self
            .key(id)?
            .cipher()
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: aad.as_bytes(),
                },
            )
            .ok()?;
        let end = padded.iter().rposition(|&b| b == 0x80)?;
        padded.truncate(end);
        String::from_utf8(padded).ok()
    }

    /// Reads the key file; `Ok(None)` if there is none.
    pub fn read(path: &Path) -> Result<Option<Keyring>, String> {
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("cannot read key file {}: {e}", path.display())),
        };
        refuse_open_permissions(path)?;
        let bad = || format!("key file {} is damaged", path.display());
        let mut current = None;
        let mut retired = Vec::new();
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut words = line.split_whitespace();
            let (Some(role), Some(id), Some(secret), None) =
                (words.next(), words.next(), words.next(), words.next())
            else {
                return Err(bad());
            };
            let secret: [u8; 32] = STANDARD
                .decode(secret)
                .ok()
                .and_then(|s| s.try_into().ok())
                .ok_or_else(bad)?;
            if Self::id_of(&format!("{id}:")).is_none() {
                return Err(bad());
            }
            let key = Key {
                id: id.to_owned(),
                secret,
            };
            match role {
                "key" if current.is_none() => current = Some(key),
                "retired" => retired.push(key),
                _ => return Err(bad()),
            }
        }
        let current = current.ok_or_else(bad)?;
        Ok(Some(Keyring { current, retired }))
    }

    /// Writes the key file readable by its owner only, whole or not at all:
    /// a new file is written beside it and renamed over it.
    pub fn write(&self, path: &Path) -> Result<(), String> {
        let fail = |e: std::io::Error| format!("cannot write key file {}: {e}", path.display());
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(folder).map_err(fail)?;
        let mut text = HEADER.to_owned();
        text.push_str(&format!(
            "key {} {}\n",
            self.current.id,
            STANDARD.encode(self.current.secret)
        ));
        for key in &self.retired {
            text.push_str(&format!(
                "retired {} {}\n",
                key.id,
                STANDARD.encode(key.secret)
            ));
        }
        let temporary = path.with_extension("key-new");
        let _ = fs::remove_file(&temporary);
        let mut file = private_file(&temporary).map_err(fail)?;
        file.write_all(text.as_bytes()).map_err(fail)?;
        file.sync_all().map_err(fail)?;
        fs::rename(&temporary, path).map_err(fail)?;
        // The rename itself must reach the disk before anything is sealed.
        if let Ok(dir) = fs::File::open(folder) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

#[cfg(unix)]
fn private_file(path: &Path) -> std::io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn private_file(path: &Path) -> std::io::Result<fs::File> {
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

/// A key file others can read is a key others may have copied.
#[cfg(unix)]
fn refuse_open_permissions(path: &Path) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(path)
        .map_err(|e| format!("cannot read key file {}: {e}", path.display()))?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        return Err(format!(
            "key file {} can be read by others (mode {:o}): make it private with chmod 600",
            path.display(),
            mode & 0o777
        ));
    }
    Ok(())
}

#[cfg(not(unix))]
fn refuse_open_permissions(_: &Path) -> Result<(), String> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_text_opens_only_in_its_own_column_and_ring() {
        let ring = Keyring::generate();
        let sealed = ring.seal("reflections.body", "Tänään oli hyvä päivä");
        assert!(!sealed.contains("hyvä"));
        assert_eq!(
            ring.open("reflections.body", &sealed).as_deref(),
            Some("Tänään oli hyvä päivä")
        );
        assert_eq!(ring.open("dreams.title", &sealed), None);
        assert_eq!(Keyring::generate().open("reflections.body", &sealed), None);
    }

    #[test]
    fn the_same_text_seals_differently_each_time_and_lengths_are_padded() {
        let ring = Keyring::generate();
        let a = ring.seal("c", "sama");
        let b = ring.seal("c", "sama");
        assert_ne!(a, b);
        assert_eq!(
            ring.seal("c", "").len(),
            ring.seal("c", "kolmekymmentä").len()
        );
        assert_eq!(ring.open("c", &ring.seal("c", "")).as_deref(), Some(""));
    }

    #[test]
    fn an_altered_value_does_not_open() {
        let ring = Keyring::generate();
        let sealed = ring.seal("c", "salaisuus");
        let mut bytes = sealed.into_bytes();
        let last = bytes.len() - 1;
        bytes[last] = if bytes[last] == b'A' { b'B' } else { b'A' };
        assert_eq!(ring.open("c", &String::from_utf8(bytes).unwrap()), None);
        assert_eq!(ring.open("c", "plain text"), None);
        assert_eq!(ring.open("c", "0123456789abcdef:"), None);
    }

    #[test]
    fn a_rotated_ring_opens_old_values_and_seals_under_the_new_key() {
        let old = Keyring::generate();
        let sealed = old.seal("c", "vanha");
        let new = old.rotated();
        assert_ne!(new.current_id(), old.current_id());
        assert_eq!(new.open("c", &sealed).as_deref(), Some("vanha"));
        assert_eq!(Keyring::id_of(&new.seal("c", "x")), Some(new.current_id()));
        assert_eq!(new.without_retired().open("c", &sealed), None);
    }

    #[test]
    fn the_key_file_round_trips_privately() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys/polku.key");
        assert!(Keyring::read(&path).unwrap().is_none());
        let ring = Keyring::generate().rotated();
        ring.write(&path).unwrap();
        let back = Keyring::read(&path).unwrap().unwrap();
        assert_eq!(back.current_id(), ring.current_id());
        assert_eq!(back.retired_ids(), ring.retired_ids());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
            fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
            assert!(Keyring::read(&path).unwrap_err().contains("chmod 600"));
            fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        }
        fs::write(&path, "key nonsense\n").unwrap();
        assert!(Keyring::read(&path).unwrap_err().contains("damaged"));
    }
}
