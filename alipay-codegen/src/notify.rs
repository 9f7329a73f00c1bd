//! The API's asynchronous notifications: the documented `notify_type`s and a typed view of a
//! verified notification.

use alipay_spec::{ApiSpec, Field, FieldType, Scalar};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::docs::{doc_attr, public_text, received_doc};
use crate::names;
use crate::response::open_enum;

pub fn expand(spec: &ApiSpec, prefix: &str) -> TokenStream {
    let Some(notify) = &spec.notify else {
        return TokenStream::new();
    };
    let ty = format_ident!("{prefix}Notify");
    let types_ty = format_ident!("{prefix}NotifyType");
    let type_names: Vec<String> = notify.types.iter().map(|t| t.name.clone()).collect();
    let types = open_enum(
        &types_ty,
        &type_names,
        &format!(
            "The `notify_type`s of `{}`; unknown types are kept (the docs' own examples use others).",
            spec.method
        ),
    );
    let common = ["notify_id", "notify_time", "app_id"];
    let fields: Vec<_> = notify
        .fields
        .iter()
        .filter(|f| f.name != "notify_type" && !common.contains(&f.name.as_str()))
        .collect();
    let ids: Vec<_> = fields.iter().map(|f| names::field(&f.name)).collect();
    let wire: Vec<&String> = fields.iter().map(|f| &f.name).collect();
    let docs: Vec<_> = fields.iter().map(|f| received_doc(f)).collect();
    let mut enums = TokenStream::new();
    let response_ty = format_ident!("{prefix}Response");
    let tys: Vec<_> = fields
        .iter()
        .map(|f| match same_response_enum(spec, f) {
            // The answer's enum of the same name and values: one type for one thing.
            true => {
                let own = format_ident!("{response_ty}{}", names::pascal(&f.name));
                quote!(#own)
            }
            false => value_type(f, &ty, &mut enums),
        })
        .collect();
    let doc = doc_attr(&format!(
        "A verified notification of `{}`, typed: amounts, datetimes, numbers and enums are read \
         into their types (a value that does not fit is an error of `from_notification`), texts \
         are kept as sent, empty values are absent.{}",
        spec.method,
        notify
            .note
            .as_deref()
            .map(|n| format!("\n\n{}", public_text(n)))
            .unwrap_or_default()
    ));
    quote! {
        #types
        #enums

        #doc
        #[derive(Debug, Clone, PartialEq, Default)]
        #[non_exhaustive]
        pub struct #ty {
            /// `notify_type`.
            pub notify_type: ::std::option::Option<#types_ty>,
            /// `notify_id`: the same id is resent until answered `success`.
            pub notify_id: ::std::option::Option<::std::string::String>,
            /// `notify_time` (Beijing time).
            pub notify_time: ::std::option::Option<::alipay_core::DateTime>,
            /// `app_id`.
            pub app_id: ::std::option::Option<::std::string::String>,
            #( #docs pub #ids: ::std::option::Option<#tys>, )*
        }

        ::alipay_core::__notify_struct!(#ty, #types_ty { #( #ids = #wire ),* });
    }
}

/// The Rust type of a notify field's value (notify fields are scalars); enums go to `out`.
fn value_type(f: &Field, owner: &Ident, out: &mut TokenStream) -> TokenStream {
    let FieldType::Scalar(s) = &f.ty else {
        // The spec checker refuses non-scalar notify fields; kept as text if one slips through.
        return quote!(::std::string::String);
    };
    match s {
        Scalar::Amount => quote!(::alipay_core::Amount),
        Scalar::Integer => quote!(i64),
        Scalar::Number => quote!(::alipay_core::Number),
        Scalar::Boolean => quote!(bool),
        Scalar::Date => quote!(::alipay_core::Date),
        Scalar::Month => quote!(::alipay_core::Month),
        Scalar::Datetime => quote!(::alipay_core::DateTime),
        Scalar::Enum => {
            let own = format_ident!("{owner}{}", names::pascal(&f.name));
            out.extend(open_enum(
                &own,
                &f.values,
                &format!("`{}` of `{owner}`; unknown values are kept.", f.name),
            ));
            quote!(#own)
        }
        // Ids, texts and JSON texts are kept as sent.
        Scalar::String | Scalar::UserId | Scalar::PayTimeout | Scalar::Json => {
            quote!(::std::string::String)
        }
    }
}

/// Whether the API's answer has a top-level enum field of the same name and values as the
/// notify field `f` (its generated type is then reused).
fn same_response_enum(spec: &ApiSpec, f: &Field) -> bool {
    let is_enum = |f: &Field| matches!(f.ty, FieldType::Scalar(Scalar::Enum));
    is_enum(f)
        && spec
            .response
            .iter()
            .any(|r| r.name == f.name && is_enum(r) && r.values == f.values)
}
