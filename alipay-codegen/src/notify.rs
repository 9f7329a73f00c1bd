//! The API's asynchronous notifications: the documented `notify_type`s and a typed view of a
//! verified notification.

use alipay_spec::ApiSpec;
use proc_macro2::TokenStream;
use quote::quote;

use crate::response::open_enum;
use crate::{Names, doc_attr, field_doc, names};

pub fn expand(spec: &ApiSpec, n: &Names) -> TokenStream {
    let Some(notify) = &spec.notify else {
        return TokenStream::new();
    };
    let ty = &n.notify;
    let types_ty = &n.notify_type;
    let type_names: Vec<String> = notify.types.iter().map(|t| t.name.clone()).collect();
    let types = open_enum(
        types_ty,
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
    let docs: Vec<_> = fields.iter().map(|f| field_doc(f)).collect();
    let doc = doc_attr(&format!(
        "A verified notification of `{}`, typed. Values are kept as sent.{}",
        spec.method,
        notify
            .note
            .as_deref()
            .map(|n| format!("\n\n{n}"))
            .unwrap_or_default()
    ));
    quote! {
        #types

        #doc
        #[derive(Debug, Clone, PartialEq, Default)]
        #[non_exhaustive]
        pub struct #ty {
            /// `notify_type`.
            pub notify_type: ::std::option::Option<#types_ty>,
            /// `notify_id`: the same id is resent until answered `success`.
            pub notify_id: ::std::option::Option<::std::string::String>,
            /// `notify_time`.
            pub notify_time: ::std::option::Option<::std::string::String>,
            /// `app_id`.
            pub app_id: ::std::option::Option<::std::string::String>,
            #( #docs pub #ids: ::std::option::Option<::std::string::String>, )*
        }

        impl #ty {
            /// The typed view of a notification whose signature verified.
            pub fn from_notification(n: &::alipay_core::notify::Notification) -> Self {
                let get = |k: &str| n.get(k).map(::std::string::ToString::to_string);
                #ty {
                    notify_type: n.get("notify_type").map(#types_ty::from),
                    notify_id: get("notify_id"),
                    notify_time: get("notify_time"),
                    app_id: get("app_id"),
                    #( #ids: get(#wire), )*
                }
            }
        }

        impl ::alipay_core::notify_receiver::FromNotification for #ty {
            fn from_notification(n: &::alipay_core::notify::Notification) -> Self {
                #ty::from_notification(n)
            }
        }
    }
}
