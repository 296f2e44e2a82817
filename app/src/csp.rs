//! The Content-Security-Policy. Scripts come from this site, or are the
//! inline ones Leptos writes into a page, each carrying that response's
//! nonce; nothing may frame a page, plug-ins and `<base>` are off, and
//! forms post only here. WebAssembly needs `'wasm-unsafe-eval'`.

/// The policy for a response; pages pass the nonce of their inline scripts.
pub fn policy(nonce: Option<&str>) -> String {
    let inline = nonce.map(|n| format!(" 'nonce-{n}'")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'{inline} 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; \
         frame-ancestors 'none'; form-action 'self'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_need_the_nonce() {
        let page = policy(Some("abc"));
        assert!(page.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"));
        assert!(!page.contains("unsafe-inline"));
        for directive in [
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ] {
            assert!(page.contains(directive), "{directive}");
            assert!(policy(None).contains(directive), "{directive}");
        }
        assert!(!policy(None).contains("nonce"));
    }
}
