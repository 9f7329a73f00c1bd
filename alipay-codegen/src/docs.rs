//! Rustdoc for generated items, taken from the spec.

use alipay_spec::Field;
use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc]` lines, each with the leading space `///` comments have.
pub(crate) fn doc_attr(text: &str) -> TokenStream {
    let lines = text.lines().map(|l| {
        if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        }
    });
    quote!(#( #[doc = #lines] )*)
}

/// Rustdoc of a field: the spec's doc text, then its rules in one line, then the note.
pub(crate) fn field_doc(f: &Field) -> TokenStream {
    // The doc's line breaks join into one paragraph in rustdoc anyway.
    let mut text = format!("`{}`", f.name);
    if let Some(d) = &f.doc {
        text.push_str(&format!(": {}", d.replace('\n', " ")));
    }
    let mut rules = vec![
        format!("type `{}`", f.ty.as_str()),
        format!("required: {}", f.required.as_str()),
    ];
    if let Some(c) = &f.required_if {
        rules.push(format!(
            "required when `{}` is {}",
            c.field,
            c.equals.join(" or ")
        ));
    }
    if let Some(ml) = &f.max_len {
        rules.push(format!("max {} {}", ml.value, ml.unit.as_str()));
    }
    if let Some(r) = &f.range {
        rules.push(format!("range {r}"));
    }
    for r in &f.range_if {
        rules.push(format!(
            "range {} when `{}` is {}",
            r.range,
            r.when.field,
            r.when.equals.join(" or ")
        ));
    }
    if let Some(n) = f.max_items {
        rules.push(format!("at most {n} items"));
    }
    if let Some(p) = &f.pattern {
        rules.push(format!("pattern `{p}`"));
    }
    if let Some(d) = &f.default {
        rules.push(format!("server default `{d}` (never sent by the SDK)"));
    }
    if let Some(e) = &f.example {
        rules.push(format!("example `{e}`"));
    }
    if !f.inferred.is_empty() {
        rules.push(format!("inferred: {}", f.inferred.join(", ")));
    }
    // The rules and our note in one paragraph after the doc's own text.
    text.push_str(&format!("\n\n{}.", rules.join("; ")));
    if let Some(n) = &f.note {
        text.push_str(&format!(" {n}"));
    }
    doc_attr(&text)
}

/// Rustdoc of a received field (response, notification): its doc text and type in one
/// paragraph, then the note. Request-side rules do not apply to what is received.
pub(crate) fn received_doc(f: &Field) -> TokenStream {
    let mut text = format!("`{}` ({})", f.name, f.ty.as_str());
    if let Some(d) = &f.doc {
        text.push_str(&format!(": {}", d.replace('\n', " ")));
    }
    if let Some(n) = &f.note {
        text.push_str(&format!("\n\n{n}"));
    }
    doc_attr(&text)
}
