//! The API's business error codes (`sub_code` of a 40004 answer): meaning, the documented
//! solution and the handling hint. The same code means different things in different APIs,
//! so each API has its own enum.

use alipay_spec::{ApiSpec, Handling};
use proc_macro2::TokenStream;
use quote::quote;

use crate::{Names, doc_attr, names};

fn handling(h: Handling) -> TokenStream {
    match h {
        Handling::RetrySame => quote!(RetrySame),
        Handling::QueryThenDecide => quote!(QueryThenDecide),
        Handling::FixRequest => quote!(FixRequest),
        Handling::NewOutOrderNo => quote!(NewOutOrderNo),
        Handling::NewOutRequestNo => quote!(NewOutRequestNo),
        Handling::UserAction => quote!(UserAction),
        Handling::MerchantContract => quote!(MerchantContract),
    }
}

pub fn expand(spec: &ApiSpec, n: &Names) -> TokenStream {
    let ty = &n.error;
    let codes: Vec<&String> = spec.errors.iter().map(|e| &e.code).collect();
    let variants: Vec<_> = spec
        .errors
        .iter()
        .map(|e| names::ident(&names::pascal(&e.code)))
        .collect();
    let msgs: Vec<&String> = spec.errors.iter().map(|e| &e.msg).collect();
    let solutions: Vec<&String> = spec.errors.iter().map(|e| &e.solution).collect();
    let handlings: Vec<_> = spec.errors.iter().map(|e| handling(e.handling)).collect();
    let docs = spec.errors.iter().map(|e| {
        let mut d = format!(
            "`{}`: {}\n\n{} (handling: `{}`)",
            e.code,
            e.msg,
            e.solution,
            e.handling.as_str()
        );
        if let Some(note) = &e.note {
            d.push_str(&format!("\n\n{note}"));
        }
        doc_attr(&d)
    });
    let doc = doc_attr(&format!(
        "The business error codes (`sub_code`) of `{}`, with the documented handling. Unknown codes are kept.",
        spec.method
    ));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #ty {
            #( #docs #variants, )*
            /// A code the spec does not list, kept as sent.
            Other(::std::string::String),
        }

        impl #ty {
            /// The code of a `sub_code`.
            pub fn from_sub_code(code: &str) -> Self {
                match code { #( #codes => #ty::#variants, )* other => #ty::Other(other.to_string()) }
            }

            /// The business error code of an error from this API, if it is one.
            pub fn of(error: &::alipay_core::Error) -> ::std::option::Option<Self> {
                match error {
                    ::alipay_core::Error::Business(e) => e.sub_code.as_deref().map(Self::from_sub_code),
                    _ => ::std::option::Option::None,
                }
            }

            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self { #( #ty::#variants => #codes, )* #ty::Other(s) => s.as_str() }
            }

            /// What the code means (the doc's text).
            pub fn meaning(&self) -> ::std::option::Option<&'static str> {
                match self { #( #ty::#variants => ::std::option::Option::Some(#msgs), )* #ty::Other(_) => ::std::option::Option::None }
            }

            /// The documented solution.
            pub fn solution(&self) -> ::std::option::Option<&'static str> {
                match self { #( #ty::#variants => ::std::option::Option::Some(#solutions), )* #ty::Other(_) => ::std::option::Option::None }
            }

            /// How to handle it.
            pub fn handling(&self) -> ::std::option::Option<::alipay_core::api::Handling> {
                match self { #( #ty::#variants => ::std::option::Option::Some(::alipay_core::api::Handling::#handlings), )* #ty::Other(_) => ::std::option::Option::None }
            }
        }
    }
}
