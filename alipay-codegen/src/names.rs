//! Rust names for spec names: wire fields stay snake_case, types are PascalCase.

use proc_macro2::{Ident, Span};

/// `fund_auth_pay.closed` -> `FundAuthPayClosed`, `SYSTEM_ERROR` -> `SystemError`.
pub fn pascal(name: &str) -> String {
    let mut out = String::new();
    for part in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        let shouting = part.chars().all(|c| !c.is_ascii_lowercase());
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            // `SYSTEM_ERROR` -> `SystemError`, but `qrCode` keeps its inner capital.
            out.extend(chars.map(|c| if shouting { c.to_ascii_lowercase() } else { c }));
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    out
}

/// `CouponOrderDisburse` -> `coupon_order_disburse`.
pub fn snake(pascal: &str) -> String {
    let mut out = String::new();
    for (i, c) in pascal.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// An identifier for a wire field name: itself, raw when it is a Rust keyword (`r#type`), and
/// with a trailing `_` for the keywords that cannot be raw (`self` -> `self_`; found in the
/// official catalogue) or anything else that is not an identifier. The wire name is kept apart.
pub fn field(name: &str) -> Ident {
    if syn::parse_str::<Ident>(name).is_ok() {
        return Ident::new(name, Span::call_site());
    }
    let plain = !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain && !matches!(name, "self" | "Self" | "super" | "crate" | "_") {
        return Ident::new_raw(name, Span::call_site());
    }
    let mut out: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'f');
    }
    out.push('_');
    Ident::new(&out, Span::call_site())
}

pub fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pascal_cases() {
        assert_eq!(pascal("fund_auth_pay.closed"), "FundAuthPayClosed");
        assert_eq!(pascal("SYSTEM_ERROR"), "SystemError");
        assert_eq!(pascal("PRE_AUTH"), "PreAuth");
        assert_eq!(pascal("qrCode"), "QrCode");
        assert_eq!(pascal("1c"), "V1c");
        assert_eq!(snake("GoodsDetail"), "goods_detail");
        assert_eq!(field("type").to_string(), "r#type");
        assert_eq!(field("amount").to_string(), "amount");
        for (wire, id) in [
            ("self", "self_"),
            ("Self", "Self_"),
            ("super", "super_"),
            ("crate", "crate_"),
            ("_", "__"),
            ("9a", "f9a_"),
            ("a-b", "a_b_"),
        ] {
            assert_eq!(field(wire).to_string(), id);
        }
    }
}
