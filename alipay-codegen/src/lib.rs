//! # alipay-codegen
//!
//! Turns one parsed spec ([`alipay_spec::ApiSpec`]) into the Rust an API needs, and the shared
//! types of a spec directory ([`alipay_spec::TypesSpec`]) into theirs. What is generated is
//! data plus thin glue: each object's rules become a static table interpreted by the one
//! engine of `alipay_core::rules`, error codes a table, enums a list of values; the
//! behaviour lives in `alipay-core`. Per object: the struct, its compile-time-checked builder
//! (request side) or its lenient reader (response side), the wire conversions.
//!
//! `alipay-macros` is a thin shell around [`expand`] and [`expand_types`]; this crate is tested
//! on its own, with a checked-in snapshot of the code of every shipped spec (`tests/snapshots/`).

mod codes;
mod docs;
mod names;
mod notify;
mod object;
mod response;
mod rules;

use alipay_spec::{ApiSpec, Execution, ParamsIn, Side, TypesSpec};
use proc_macro2::{Ident, TokenStream, TokenTree};
use quote::{format_ident, quote};

use crate::object::Object;

/// The PascalCase Rust name of a spec name (`coupon.order.disburse` -> `CouponOrderDisburse`,
/// `SYSTEM_ERROR` -> `SystemError`): also how `specs!` names the API of a method.
pub use crate::names::pascal;

/// How generated code names the shared types of the spec directory: a path prefix such as
/// `crate::types` (empty when they are generated in the same module).
#[derive(Clone, Default)]
pub struct TypesPath(pub TokenStream);

impl TypesPath {
    /// The shared type `name`.
    pub(crate) fn name(&self, name: &str) -> TokenStream {
        let id = names::ident(name);
        let prefix = &self.0;
        if prefix.is_empty() {
            quote!(#id)
        } else {
            quote!(#prefix::#id)
        }
    }
}

/// Where generated code finds the runtime: `::alipay_apis::alipay_core` by default, so a crate
/// with its own specs needs only `alipay-apis` (which is itself `alipay_apis` to its own
/// generated code through `extern crate self as alipay_apis`).
#[derive(Clone)]
pub struct CorePath(pub TokenStream);

impl Default for CorePath {
    fn default() -> Self {
        CorePath(quote!(::alipay_apis::alipay_core))
    }
}

/// The generator writes `::alipay_core::...`; this points every such path at `core`.
pub fn rebase(tokens: TokenStream, core: &CorePath) -> TokenStream {
    let mut out = Vec::new();
    let mut iter = tokens.into_iter().peekable();
    while let Some(tt) = iter.next() {
        match tt {
            TokenTree::Group(g) => {
                let mut group = proc_macro2::Group::new(g.delimiter(), rebase(g.stream(), core));
                group.set_span(g.span());
                out.push(TokenTree::Group(group));
            }
            TokenTree::Punct(p)
                if p.as_char() == ':' && p.spacing() == proc_macro2::Spacing::Joint =>
            {
                let second = iter.next();
                let third = iter.peek().cloned();
                match (&second, &third) {
                    (Some(TokenTree::Punct(c)), Some(TokenTree::Ident(id)))
                        if c.as_char() == ':' && id == "alipay_core" =>
                    {
                        iter.next();
                        out.extend(core.0.clone());
                    }
                    _ => {
                        out.push(TokenTree::Punct(p));
                        out.extend(second);
                    }
                }
            }
            tt => out.push(tt),
        }
    }
    out.into_iter().collect()
}

/// Everything generated for one API spec, named after `target` (`Disburse` ->
/// `DisburseRequest`, `DisburseRequestBuilder`, `DisburseResponse`, `DisburseErrorCode`, ...).
///
/// `spec_path` is the absolute path of the spec file: it is `include_str!`-ed so that editing
/// the spec rebuilds the crate (proc macros cannot declare file dependencies yet).
pub fn expand(spec: &ApiSpec, target: &Ident, spec_path: &str, types: &TypesPath) -> TokenStream {
    let prefix = target.to_string();
    let request_ty = format_ident!("{prefix}Request");
    let response_ty = format_ident!("{prefix}Response");
    let error_ty = format_ident!("{prefix}ErrorCode");
    let mut out = TokenStream::new();

    let request = Object {
        ty: request_ty.clone(),
        enum_prefix: prefix.clone(),
        markers: format_ident!("{}_fields", names::snake(&prefix)),
        owner: spec.method.clone(),
        what: spec.method.clone(),
        api: spec.method.clone(),
        path: String::new(),
        doc: docs::request_doc(spec, &request_ty.to_string()),
        alias: Some(spec.method.clone()),
        fields: spec.request.iter().collect(),
        groups: spec.one_of.iter().collect(),
        extra_known: spec.request_sdk_only.iter().collect(),
    };
    out.extend(object::expand(&request, types));
    out.extend(response::expand(
        &response_ty,
        &format!(
            "The answer of `{}` (`{}`). Every field is optional: error replies carry none.",
            spec.method, spec.response_node
        ),
        &spec.response.iter().collect::<Vec<_>>(),
        true,
        types,
    ));
    out.extend(codes::expand(spec, &error_ty));
    out.extend(notify::expand(spec, &prefix));

    let method = &spec.method;
    let summary = &spec.summary;
    let node = &spec.response_node;
    let notify_url = spec.notify_url;
    let return_url = spec.return_url;
    let (mode, mode_trait) = match spec.execution {
        Execution::Execute => (quote!(Execute), quote!(ExecuteApi)),
        Execution::SdkExecute => (quote!(SdkExecute), quote!(SdkExecuteApi)),
        Execution::PageExecute => (quote!(PageExecute), quote!(PageExecuteApi)),
    };
    let params = match spec.params {
        ParamsIn::BizContent => quote!(BizContent),
        ParamsIn::TopLevel => quote!(TopLevel),
        ParamsIn::None => quote!(None),
    };
    out.extend(quote! {
        impl #target {
            /// The spec this API was generated from (also makes editing it rebuild the crate).
            pub const SPEC_TOML: &'static str = include_str!(#spec_path);
            /// The API name.
            pub const METHOD: &'static str = #method;
            /// One line on what the API does.
            pub const SUMMARY: &'static str = #summary;

            /// Checks the business parameters (one JSON object) against every rule of the spec.
            pub fn validate_biz_content(json: &str) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
                #request_ty::from_biz_content(json).map(|_| ())
            }
        }

        impl ::alipay_core::api::Api for #request_ty {
            const METHOD: &'static str = #method;
            const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::#mode;
            const RESPONSE_NODE: &'static str = #node;
            const NOTIFY_URL: bool = #notify_url;
            const RETURN_URL: bool = #return_url;
            const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::#params;
            const RULES: &'static ::alipay_core::rules::ObjectRules = #request_ty::RULES;
            type Response = #response_ty;

            fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
                #error_ty::from_sub_code(sub_code).handling()
            }
        }

        impl ::alipay_core::api::#mode_trait for #request_ty {}
    });
    out
}

/// The shared types of a spec directory, each generated once: request-side types with their
/// builder, rules and wire conversions; response-side types as lenient readers.
pub fn expand_types(types: &TypesSpec, types_path: &str) -> TokenStream {
    let here = TypesPath::default();
    let mut out = TokenStream::new();
    if !types_path.is_empty() {
        out.extend(quote!(
            const _: &str = include_str!(#types_path);
        ));
    }
    for t in &types.types {
        let ty = names::ident(&t.name);
        let mut doc = format!("`{}`", t.name);
        if let Some(d) = &t.doc {
            doc.push_str(&format!(": {d}"));
        }
        match t.side {
            Side::Request => {
                doc.push_str(&format!(
                    "\n\nA shared request type; build it with [`{}::builder`].",
                    t.name
                ));
                let object = Object {
                    ty: ty.clone(),
                    enum_prefix: t.name.clone(),
                    markers: format_ident!("{}_fields", names::snake(&t.name)),
                    owner: t.name.clone(),
                    what: format!("shared type `{}`", t.name),
                    api: format!("shared type `{}`", t.name),
                    path: t.name.clone(),
                    doc,
                    alias: None,
                    fields: t.def.fields.iter().collect(),
                    groups: t.def.one_of.iter().collect(),
                    extra_known: Vec::new(),
                };
                out.extend(object::expand(&object, &here));
            }
            Side::Response => {
                doc.push_str(
                    "\n\nA shared response type: every field optional, unknown members kept.",
                );
                out.extend(response::expand(
                    &ty,
                    &doc,
                    &t.def.fields.iter().collect::<Vec<_>>(),
                    false,
                    &here,
                ));
            }
        }
    }
    out
}
