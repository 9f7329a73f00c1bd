//! A response-side object (an API's answer, its nested objects, a shared response type):
//! every field optional (error replies carry none), read leniently from the wire (amounts
//! exactly, from a JSON number or string), unknown members and enum values kept.

use alipay_spec::{Field, FieldType, Scalar};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::docs::{doc_attr, received_doc};
use crate::{TypesPath, names};

/// The Rust type of one value of a response field; nested objects and enums go to `out`.
fn item_type(
    f: &Field,
    t: &FieldType,
    owner: &Ident,
    types: &TypesPath,
    out: &mut TokenStream,
) -> TokenStream {
    let own = format_ident!("{owner}{}", names::pascal(&f.name));
    match t {
        FieldType::Scalar(s) => match s {
            Scalar::Amount => quote!(::alipay_core::Amount),
            Scalar::Integer => quote!(i64),
            Scalar::Number => quote!(::alipay_core::Number),
            Scalar::Boolean => quote!(bool),
            Scalar::Date => quote!(::alipay_core::Date),
            Scalar::Month => quote!(::alipay_core::Month),
            Scalar::Datetime => quote!(::alipay_core::DateTime),
            Scalar::Enum => {
                out.extend(open_enum(
                    &own,
                    &f.values,
                    &format!("`{}` of `{owner}`; unknown values are kept.", f.name),
                ));
                quote!(#own)
            }
            // Ids, texts and JSON texts are kept as sent: a reply is never rejected for their shape.
            Scalar::String | Scalar::UserId | Scalar::PayTimeout | Scalar::Json => {
                quote!(::std::string::String)
            }
        },
        FieldType::Object(def) => {
            let fields: Vec<&Field> = def.fields.iter().collect();
            out.extend(expand(
                &own,
                &format!("`{}` of `{owner}`. Every field is optional.", f.name),
                &fields,
                false,
                types,
            ));
            quote!(#own)
        }
        FieldType::Named(n) => types.name(n),
        FieldType::Array(item) => {
            let t = item_type(f, item, owner, types, out);
            quote!(::std::vec::Vec<#t>)
        }
    }
}

/// The struct `ty` with `fields`; `envelope` adds the public `code`, `msg`, `sub_code`, `sub_msg`.
pub fn expand(
    ty: &Ident,
    doc: &str,
    fields: &[&Field],
    envelope: bool,
    types: &TypesPath,
) -> TokenStream {
    let mut out = TokenStream::new();
    let mut decls = TokenStream::new();
    let mut names_ = Vec::new();
    let mut ids = Vec::new();
    if envelope {
        decls.extend(quote! {
            /// `code`: `10000` on success.
            pub code: ::std::option::Option<::std::string::String>,
            /// `msg`.
            pub msg: ::std::option::Option<::std::string::String>,
            /// `sub_code`: the business error code, absent on success.
            pub sub_code: ::std::option::Option<::std::string::String>,
            /// `sub_msg`.
            pub sub_msg: ::std::option::Option<::std::string::String>,
        });
        for n in ["code", "msg", "sub_code", "sub_msg"] {
            names_.push(n.to_string());
            ids.push(names::field(n));
        }
    }
    for f in fields {
        let id = names::field(&f.name);
        let t = item_type(f, &f.ty, ty, types, &mut out);
        let doc = received_doc(f);
        decls.extend(quote!(#doc pub #id: ::std::option::Option<#t>,));
        names_.push(f.name.clone());
        ids.push(id);
    }
    let doc = doc_attr(doc);
    out.extend(quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Default)]
        #[non_exhaustive]
        pub struct #ty {
            #decls
            /// Members this SDK does not know, kept as sent.
            pub unknown: ::alipay_core::wire::WireObject,
        }

        ::alipay_core::__wire_struct!(read #ty { #( #ids = #names_ ),* });
    });
    out
}

/// An enum over documented values with an `Other` variant for values added later.
pub fn open_enum(ty: &Ident, values: &[String], doc: &str) -> TokenStream {
    let variants: Vec<_> = values
        .iter()
        .map(|v| names::ident(&names::pascal(v)))
        .collect();
    let docs = values.iter().map(|v| format!(" `{v}`"));
    let doc = doc_attr(doc);
    quote! {
        ::alipay_core::__wire_enum!(open #doc pub enum #ty { #( #[doc = #docs] #variants = #values ),* });
    }
}
