//! # alipay-codegen
//!
//! Turns one parsed spec ([`alipay_spec::ApiSpec`]) into the Rust an API needs: the request
//! struct with a compile-time-checked builder, its validation and `biz_content`, the response
//! struct, the `sub_code` enum and the notification types, all documented from the spec.
//! `alipay-macros` is a thin shell around [`expand`]; this crate is tested on its own,
//! including a checked-in snapshot of the generated code (`tests/snapshots/`).

mod codes;
mod names;
mod notify;
mod request;
mod response;

use alipay_spec::{ApiSpec, Field};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

/// The names of the items generated for one API, all derived from the target's name
/// (`Disburse` -> `DisburseRequest`, `DisburseResponse`, ...).
pub(crate) struct Names {
    prefix: String,
    pub request: Ident,
    pub builder: Ident,
    pub fields_mod: Ident,
    pub response: Ident,
    pub error: Ident,
    pub notify: Ident,
    pub notify_type: Ident,
}

impl Names {
    fn new(target: &Ident) -> Self {
        let prefix = target.to_string();
        let snake = snake(&prefix);
        Names {
            request: format_ident!("{}Request", prefix),
            builder: format_ident!("{}RequestBuilder", prefix),
            fields_mod: format_ident!("{}_fields", snake),
            response: format_ident!("{}Response", prefix),
            error: format_ident!("{}ErrorCode", prefix),
            notify: format_ident!("{}Notify", prefix),
            notify_type: format_ident!("{}NotifyType", prefix),
            prefix,
        }
    }

    /// The enum type of a request enum field.
    pub fn enum_type(&self, field: &str) -> Ident {
        format_ident!("{}{}", self.prefix, names::pascal(field))
    }

    /// The enum type of a response enum field (unknown values kept).
    pub fn response_enum_type(&self, field: &str) -> Ident {
        format_ident!("{}Response{}", self.prefix, names::pascal(field))
    }
}

fn snake(pascal: &str) -> String {
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

/// Rustdoc of a field: the spec's Chinese doc text, then its rules.
pub(crate) fn field_doc(f: &Field) -> TokenStream {
    let mut text = format!("`{}`", f.name);
    if let Some(d) = &f.doc {
        text.push_str(&format!(": {d}"));
    }
    let mut rules = vec![
        format!("type `{}`", f.ty.as_str()),
        format!("required: {}", f.required.as_str()),
    ];
    if let Some(ml) = &f.max_len {
        rules.push(format!("max {} {}", ml.value, ml.unit.as_str()));
    }
    if let Some(r) = &f.range {
        rules.push(match r {
            alipay_spec::Range::Amount {
                min_fen, max_fen, ..
            } => format!(
                "range [{}.{:02}, {}.{:02}]",
                min_fen / 100,
                min_fen % 100,
                max_fen / 100,
                max_fen % 100
            ),
            alipay_spec::Range::PayTimeout { min, max, .. } => format!("range {min}~{max}"),
        });
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
    text.push_str(&format!("\n\n{}.", rules.join("; ")));
    if let Some(n) = &f.note {
        text.push_str(&format!("\n\n{n}"));
    }
    doc_attr(&text)
}

/// Everything generated for one API spec, named after `target`.
///
/// `spec_path` is the absolute path of the spec file: it is `include_str!`-ed so that editing
/// the spec rebuilds the crate (proc macros cannot declare file dependencies yet).
pub fn expand(spec: &ApiSpec, target: &Ident, spec_path: &str) -> TokenStream {
    let n = Names::new(target);
    let enums = request::enums(spec, &n);
    let request = request::expand(spec, &n);
    let response = response::expand(spec, &n);
    let codes = codes::expand(spec, &n);
    let notify = notify::expand(spec, &n);
    let method = &spec.method;
    let summary = &spec.summary;
    let request_ty = &n.request;
    quote! {
        impl #target {
            /// The spec this API was generated from (also makes editing it rebuild the crate).
            pub const SPEC_TOML: &'static str = include_str!(#spec_path);
            /// The API name.
            pub const METHOD: &'static str = #method;
            /// One line on what the API does.
            pub const SUMMARY: &'static str = #summary;

            /// Checks a `biz_content` JSON object against every rule of the spec.
            pub fn validate_biz_content(json: &str) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
                #request_ty::from_biz_content(json).map(|_| ())
            }
        }

        #enums
        #request
        #response
        #codes
        #notify
    }
}
