//! The built site the server sends files from, checked before serving.

use std::fs;
use std::path::{Path, PathBuf};

/// The site has its `pkg/`, and no compressed copy (X.br, X.gz, made by
/// `scripts/precompress.sh`) is older than its file: the server would send
/// the copy as it is, so a stale one is a wasm or stylesheet of an earlier
/// build, and passkey sign-in could break in a way nobody sees at once.
pub fn check(root: &Path) -> Result<(), String> {
    if !root.join("pkg").is_dir() {
        return Err(format!(
            "site folder {} has no pkg/: build it with `make build` or pass --site-root",
            root.display()
        ));
    }
    for copy in compressed_copies(root) {
        let original = copy.with_extension("");
        let (Ok(copy_meta), Ok(original_meta)) = (fs::metadata(&copy), fs::metadata(&original))
        else {
            continue;
        };
        if let (Ok(copied), Ok(built)) = (copy_meta.modified(), original_meta.modified()) {
            if copied < built {
                return Err(format!(
                    "{} is older than {}: compress the site again with scripts/precompress.sh (`make build` does)",
                    copy.display(),
                    original.display()
                ));
            }
        }
    }
    Ok(())
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
