//! The built site the server sends files from, checked before serving.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The site has its `pkg/`, and every compressed copy (X.br, X.gz, made by
/// `scripts/precompress.sh`) holds exactly its file. The server sends a copy
/// as it is, so a stale one is a wasm or stylesheet of an earlier build,
/// and passkey sign-in could break in a way nobody sees at once. Contents,
/// not times, are compared: a site copied without its times is fine. Done
/// once at start; the whole site reads back in well under 50 ms.
pub fn check(root: &Path) -> Result<(), String> {
    if !root.join("pkg").is_dir() {
        return Err(format!(
            "site folder {} has no pkg/: build it with `make build` or pass --site-root",
            root.display()
        ));
    }
    for copy in compressed_copies(root) {
        let original = copy.with_extension("");
        let Ok(expected) = fs::read(&original) else {
            continue;
        };
        if unpacked(&copy).as_deref() != Some(expected.as_slice()) {
            return Err(format!(
                "{} does not hold {} as it is now: compress the site again with scripts/precompress.sh (`make build` does)",
                copy.display(),
                original.display()
            ));
        }
    }
    Ok(())
}

/// A compressed copy's content, or `None` if it cannot be read.
fn unpacked(copy: &Path) -> Option<Vec<u8>> {
    let file = fs::File::open(copy).ok()?;
    let mut content = Vec::new();
    let read = if copy.extension()? == "br" {
        brotli_decompressor::Decompressor::new(file, 4096).read_to_end(&mut content)
    } else {
        flate2::read::GzDecoder::new(file).read_to_end(&mut content)
    };
    read.ok().map(|_| content)
}

/// Every X.br and X.gz under `root`.
fn compressed_copies(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                folders.push(path);
            } else if path
                .extension()
                .is_some_and(|ext| ext == "br" || ext == "gz")
            {
                found.push(path);
            }
        }
    }
    found
}
