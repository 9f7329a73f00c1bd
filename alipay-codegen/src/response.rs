//! The response struct: every field optional (error replies carry none), amounts read exactly
//! from a JSON number or string, unknown enum values kept.

use alipay_spec::{ApiSpec, FieldType};
use proc_macro2::TokenStream;
use quote::quote;

use crate::{Names, doc_attr, field_doc, names};

pub fn expand(spec: &ApiSpec, n: &Names) -> TokenStream {
    let response = &n.response;
    let mut enums = TokenStream::new();
    let mut fields = TokenStream::new();
    for f in &spec.response {
        let id = names::field(&f.name);
        let name = &f.name;
        let doc = field_doc(f);
        let ty = match f.ty {
            FieldType::Amount => {
                // Exact, from a JSON number or string; no range (a remainder can be 0.00).
                fields.extend(quote! {
                    #doc
                    #[serde(default, rename = #name, deserialize_with = "::alipay_core::Amount::deserialize_optional")]
                    pub #id: ::std::option::Option<::alipay_core::Amount>,
                });
                continue;
            }
            FieldType::Enum => {
                let e = n.response_enum_type(&f.name);
                enums.extend(open_enum(
                    &e,
                    &f.values,
                    &format!(
                        "`{}` of `{}`; unknown values are kept.",
                        f.name, spec.method
                    ),
                ));
                quote!(#e)
            }
            // Ids, times and texts are kept as sent: a reply is never rejected for their shape.
            _ => quote!(::std::string::String),
        };
        fields.extend(quote! {
            #doc
            #[serde(default, rename = #name)]
            pub #id: ::std::option::Option<#ty>,
        });
    }
    let doc = doc_attr(&format!(
        "The answer of `{}` (`{}`). Every field is optional: error replies carry none.",
        spec.method, spec.response_node
    ));
    quote! {
        #enums

        #doc
        #[derive(Debug, Clone, PartialEq, Default, ::alipay_core::api::__private::serde::Deserialize)]
        #[serde(crate = "::alipay_core::api::__private::serde")]
        #[non_exhaustive]
        pub struct #response {
            /// `code`: `10000` on success.
            #[serde(default)]
            pub code: ::std::option::Option<::std::string::String>,
            /// `msg`.
            #[serde(default)]
            pub msg: ::std::option::Option<::std::string::String>,
            /// `sub_code`: the business error code, absent on success.
            #[serde(default)]
            pub sub_code: ::std::option::Option<::std::string::String>,
            /// `sub_msg`.
            #[serde(default)]
            pub sub_msg: ::std::option::Option<::std::string::String>,
            #fields
        }
    }
}

/// An enum over documented values with an `Other` variant for values added later.
pub fn open_enum(ty: &proc_macro2::Ident, values: &[String], doc: &str) -> TokenStream {
    let variants: Vec<_> = values
        .iter()
        .map(|v| names::ident(&names::pascal(v)))
        .collect();
    let docs = values.iter().map(|v| format!(" `{v}`"));
    let doc = doc_attr(doc);
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #ty {
            #( #[doc = #docs] #variants, )*
            /// A value this SDK does not know yet, kept as sent.
            Other(::std::string::String),
        }

        impl #ty {
            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self { #( #ty::#variants => #values, )* #ty::Other(s) => s.as_str() }
            }
        }

        impl ::std::convert::From<&str> for #ty {
            fn from(s: &str) -> Self {
                match s { #( #values => #ty::#variants, )* other => #ty::Other(other.to_string()) }
            }
        }

        impl<'de> ::alipay_core::api::__private::serde::Deserialize<'de> for #ty {
            fn deserialize<D: ::alipay_core::api::__private::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                let s = <::std::string::String as ::alipay_core::api::__private::serde::Deserialize>::deserialize(d)?;
                ::std::result::Result::Ok(#ty::from(s.as_str()))
            }
        }
    }
}
