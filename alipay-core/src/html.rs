//! HTML escaping, the one copy: the page-execute form (`src/request.rs`) and the
//! sandbox's cashier pages and gateway messages all escape this way.

/// Escapes text for a double- or single-quoted HTML attribute (and for element text): `&`,
/// `<`, `>`, `"` and `'`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_characters() {
        assert_eq!(
            escape(r#"a=1&b={"x":"<y>"},'z'"#),
            "a=1&amp;b={&quot;x&quot;:&quot;&lt;y&gt;&quot;},&#39;z&#39;"
        );
        assert_eq!(escape("支付宝"), "支付宝");
    }
}
