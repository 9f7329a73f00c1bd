//! The request side of an API: enums of its enum fields, the request struct, the typestate
//! builder, `validate()`, `from_biz_content()`, `biz_content()` and the `Api` impl.

use alipay_spec::{ApiSpec, Execution, Field, FieldType, LenUnit, Range, Required};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::names;
use crate::{Names, doc_attr, field_doc};

/// The Rust type of a request field's value.
fn value_type(f: &Field, n: &Names) -> TokenStream {
    match f.ty {
        FieldType::String | FieldType::Datetime => quote!(::std::string::String),
        FieldType::Amount => quote!(::alipay_core::Amount),
        FieldType::PayTimeout => quote!(::alipay_core::PayTimeout),
        FieldType::UserId => quote!(::alipay_core::UserId),
        FieldType::Json => quote!(::alipay_core::value::JsonObjectText),
        FieldType::Enum => {
            let e = n.enum_type(&f.name);
            quote!(#e)
        }
    }
}

/// Required fields are plain values; everything else is optional.
fn is_plain_required(f: &Field) -> bool {
    matches!(f.required, Required::Yes)
}

/// Members of one-of groups the client enforces get a typestate slot.
fn enforced_member(spec: &ApiSpec, f: &Field) -> bool {
    match &f.required {
        Required::OneOf(g) => spec.one_of_group(g).is_some_and(|g| g.enforce),
        _ => false,
    }
}

/// Whether a field has a typestate slot (required, or a member of an enforced group).
fn has_slot(spec: &ApiSpec, f: &Field) -> bool {
    is_plain_required(f) || enforced_member(spec, f)
}

pub fn enums(spec: &ApiSpec, n: &Names) -> TokenStream {
    let mut out = TokenStream::new();
    for f in spec.request.iter().filter(|f| f.ty == FieldType::Enum) {
        let ty = n.enum_type(&f.name);
        let variants: Vec<_> = f
            .values
            .iter()
            .map(|v| names::ident(&names::pascal(v)))
            .collect();
        let values = &f.values;
        let doc = doc_attr(&format!("Values of `{}` of `{}`.", f.name, spec.method));
        let docs = values.iter().map(|v| format!(" `{v}`"));
        out.extend(quote! {
            #doc
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
            pub enum #ty {
                #( #[doc = #docs] #variants, )*
            }

            impl #ty {
                /// The wire value.
                pub fn as_str(self) -> &'static str {
                    match self { #( #ty::#variants => #values, )* }
                }
            }

            impl ::alipay_core::api::__private::serde::Serialize for #ty {
                fn serialize<S: ::alipay_core::api::__private::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                    s.serialize_str(self.as_str())
                }
            }

            impl<'de> ::alipay_core::api::__private::serde::Deserialize<'de> for #ty {
                fn deserialize<D: ::alipay_core::api::__private::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                    let s = <::std::string::String as ::alipay_core::api::__private::serde::Deserialize>::deserialize(d)?;
                    match s.as_str() {
                        #( #values => ::std::result::Result::Ok(#ty::#variants), )*
                        other => ::std::result::Result::Err(<D::Error as ::alipay_core::api::__private::serde::de::Error>::custom(
                            ::std::format!("{:?} is not one of {}", other, [#(#values),*].join(", ")))),
                    }
                }
            }
        });
    }
    out
}

pub fn expand(spec: &ApiSpec, n: &Names) -> TokenStream {
    let request = &n.request;
    let error_ty = &n.error;
    let builder = &n.builder;
    let fields_mod = &n.fields_mod;
    let method = &spec.method;
    let node = &spec.response_node;
    let response = &n.response;

    // The struct.
    let struct_fields = spec.request.iter().map(|f| {
        let id = names::field(&f.name);
        let ty = value_type(f, n);
        let doc = field_doc(f);
        if is_plain_required(f) {
            quote!(#doc pub #id: #ty,)
        } else {
            quote!(#doc pub #id: ::std::option::Option<#ty>,)
        }
    });
    let struct_doc = doc_attr(&format!(
        "`{}` ({}): {}\n\nBuild it with [`{}::builder`]; required fields and one-of groups are checked when compiling.",
        spec.method, spec.name_zh, spec.summary, request
    ));

    // Typestate slots.
    let slots: Vec<&Field> = spec.request.iter().filter(|f| has_slot(spec, f)).collect();
    let slot_params: Vec<_> = (0..slots.len()).map(|i| format_ident!("S{}", i)).collect();
    let markers: Vec<_> = slots.iter().map(|f| names::field(&f.name)).collect();
    let slot_fields: Vec<_> = (0..slots.len())
        .map(|i| format_ident!("__slot{}", i))
        .collect();
    let defaults = markers
        .iter()
        .map(|m| quote!(::alipay_core::api::typestate::Unset<#fields_mod::#m>));
    let optional: Vec<&Field> = spec.request.iter().filter(|f| !has_slot(spec, f)).collect();
    let opt_ids: Vec<_> = optional.iter().map(|f| names::field(&f.name)).collect();
    let opt_tys: Vec<_> = optional.iter().map(|f| value_type(f, n)).collect();

    // Setters.
    let mut setters = TokenStream::new();
    for (i, f) in slots.iter().enumerate() {
        let id = names::field(&f.name);
        let ty = value_type(f, n);
        let marker = &markers[i];
        let (arg, conv) = setter_arg(f, &ty);
        let out_params = slot_params.iter().enumerate().map(|(j, p)| {
            if i == j {
                quote!(::alipay_core::api::typestate::Set<#fields_mod::#marker, #ty>)
            } else {
                quote!(#p)
            }
        });
        let moved = slot_fields.iter().enumerate().map(|(j, s)| {
            if i == j {
                quote!(#s: ::alipay_core::api::typestate::Set::new(#conv))
            } else {
                quote!(#s: self.#s)
            }
        });
        let this = &slot_params[i];
        let doc = field_doc(f);
        setters.extend(quote! {
            #doc
            pub fn #id(self, value: #arg) -> #builder<#(#out_params),*>
            where #this: ::alipay_core::api::typestate::IsUnset {
                #builder { #(#moved,)* __optional: self.__optional }
            }
        });
    }
    for f in &optional {
        let id = names::field(&f.name);
        let ty = value_type(f, n);
        let (arg, conv) = setter_arg(f, &ty);
        let doc = field_doc(f);
        setters.extend(quote! {
            #doc
            pub fn #id(mut self, value: #arg) -> Self {
                self.__optional.#id = ::std::option::Option::Some(#conv);
                self
            }
        });
    }

    // build(): required slots through IsSet, enforced groups through their group trait.
    let mut bounds = Vec::new();
    let mut takes = Vec::new();
    for (i, f) in slots.iter().enumerate() {
        let p = &slot_params[i];
        let s = &slot_fields[i];
        let id = names::field(&f.name);
        let ty = value_type(f, n);
        if is_plain_required(f) {
            bounds.push(quote!(#p: ::alipay_core::api::typestate::IsSet<#ty>));
            takes.push(quote!(#id: ::alipay_core::api::typestate::IsSet::into_value(self.#s)));
        } else {
            bounds.push(quote!(#p: ::alipay_core::api::typestate::Slot<#ty>));
            takes.push(quote!(#id: ::alipay_core::api::typestate::Slot::into_option(self.#s)));
        }
    }
    let mut group_traits = TokenStream::new();
    for g in spec.one_of.iter().filter(|g| g.enforce) {
        let trait_id = format_ident!("group_{}", g.id);
        let members: Vec<usize> = g
            .fields
            .iter()
            .filter_map(|name| slots.iter().position(|f| &f.name == name))
            .collect();
        let tuple = members.iter().map(|&i| &slot_params[i]);
        bounds.push(quote!((#(#tuple,)*): #fields_mod::#trait_id));
        let message = format!(
            "one-of group `{}` of {} is empty: set at least {} of {}",
            g.id,
            spec.method,
            g.min,
            g.fields
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let note = format!(
            "when several are set, the gateway uses the first of: {}",
            g.precedence.join(" > ")
        );
        // One impl per combination with at least `min` members set.
        let mut impls = TokenStream::new();
        let k = members.len();
        for mask in 0u32..(1 << k) {
            if (mask.count_ones() as usize) < g.min as usize {
                continue;
            }
            // Generic over the value types, so the impls never name a type of the parent module.
            let mut generics = Vec::new();
            let parts: Vec<_> = members
                .iter()
                .enumerate()
                .map(|(bit, &i)| {
                    let m = &markers[i];
                    if mask & (1 << bit) != 0 {
                        let t = format_ident!("T{}", bit);
                        let part = quote!(::alipay_core::api::typestate::Set<#m, #t>);
                        generics.push(t);
                        part
                    } else {
                        quote!(::alipay_core::api::typestate::Unset<#m>)
                    }
                })
                .collect();
            impls.extend(quote! {
                #[diagnostic::do_not_recommend]
                impl<#(#generics),*> #trait_id for (#(#parts,)*) {}
            });
        }
        let doc = doc_attr(&format!(
            "Satisfied when one-of group `{}` has a member set.",
            g.id
        ));
        group_traits.extend(quote! {
            #doc
            #[diagnostic::on_unimplemented(message = #message, label = "this request leaves a one-of group empty", note = #note)]
            #[allow(non_camel_case_types)]
            pub trait #trait_id {}
            #impls
        });
    }

    let marker_docs = markers
        .iter()
        .map(|m| format!(" Marks wire field `{m}` in the builder's state."));
    let fields_mod_doc = doc_attr(&format!(
        "Typestate markers of [`{builder}`], named after the wire fields."
    ));
    let builder_doc = doc_attr(&format!(
        "Builder of [`{request}`]: setters named after the wire fields; `build()` compiles only when every required field and one-of group of `{method}` is set."
    ));

    let validate_body = validate_body(spec, n, false);
    let from_json = from_json_body(spec, n);
    let biz = biz_content_body(spec);
    let mode_trait = match spec.execution {
        Execution::Execute => quote!(ExecuteApi),
        Execution::SdkExecute => quote!(SdkExecuteApi),
        Execution::PageExecute => quote!(PageExecuteApi),
    };
    let mode = match spec.execution {
        Execution::Execute => quote!(Execute),
        Execution::SdkExecute => quote!(SdkExecute),
        Execution::PageExecute => quote!(PageExecute),
    };
    let notify_url = spec.notify_url;
    let return_url = spec.return_url;
    let optional_ty = format_ident!("__{}Optional", request);
    let init_slots = slot_fields
        .iter()
        .map(|s| quote!(#s: ::std::default::Default::default()));

    quote! {
        #struct_doc
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub struct #request {
            #(#struct_fields)*
        }

        #fields_mod_doc
        #[allow(non_camel_case_types)]
        pub mod #fields_mod {
            #( #[doc = #marker_docs] pub enum #markers {} )*
            #group_traits
        }

        #[doc(hidden)]
        #[derive(Default)]
        pub struct #optional_ty {
            #( #opt_ids: ::std::option::Option<#opt_tys>, )*
        }

        #builder_doc
        #[must_use = "call build() to get the request"]
        pub struct #builder<#(#slot_params = #defaults),*> {
            #( #slot_fields: #slot_params, )*
            __optional: #optional_ty,
        }

        impl #request {
            /// A builder with nothing set.
            pub fn builder() -> #builder {
                #builder { #(#init_slots,)* __optional: ::std::default::Default::default() }
            }

            /// Every rule of the spec this request breaks, at once.
            pub fn validate(&self) -> ::std::result::Result<(), ::alipay_core::api::Violations> {
                #validate_body
            }

            /// Parses and checks a `biz_content` JSON object (amounts read exactly), reporting
            /// every broken rule at once.
            pub fn from_biz_content(json: &str) -> ::std::result::Result<Self, ::alipay_core::api::BizError> {
                #from_json
            }
        }

        impl<#(#slot_params),*> #builder<#(#slot_params),*> {
            #setters

            /// The request. Compiles only when every required field and enforced one-of group is set.
            pub fn build(self) -> #request where #(#bounds,)* {
                let o = self.__optional;
                #request { #(#takes,)* #( #opt_ids: o.#opt_ids, )* }
            }
        }

        impl ::alipay_core::api::Api for #request {
            const METHOD: &'static str = #method;
            const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::#mode;
            const RESPONSE_NODE: &'static str = #node;
            const NOTIFY_URL: bool = #notify_url;
            const RETURN_URL: bool = #return_url;
            type Response = #response;

            fn validate(&self) -> ::std::result::Result<(), ::alipay_core::api::Violations> {
                #request::validate(self)
            }

            fn biz_content(&self) -> ::std::string::String {
                #biz
            }

            fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
                #error_ty::from_sub_code(sub_code).handling()
            }
        }

        impl ::alipay_core::api::#mode_trait for #request {}
    }
}

/// Setter argument type and conversion: strings take `impl Into<String>`.
fn setter_arg(f: &Field, ty: &TokenStream) -> (TokenStream, TokenStream) {
    match f.ty {
        FieldType::String | FieldType::Datetime => (
            quote!(impl ::std::convert::Into<::std::string::String>),
            quote!(value.into()),
        ),
        _ => (ty.clone(), quote!(value)),
    }
}

/// Checks of one field's value (present and non-empty); shared by `validate` and `from_json`.
fn value_checks(f: &Field, value: &TokenStream) -> TokenStream {
    let name = &f.name;
    let mut out = TokenStream::new();
    if matches!(f.ty, FieldType::String | FieldType::Datetime) && is_plain_required(f) {
        out.extend(quote!(::alipay_core::api::__private::required_text(&mut v, #name, #value);));
    }
    if let Some(ml) = &f.max_len {
        let max = ml.value as usize;
        let gbk = ml.unit == LenUnit::GbkByte;
        let text = match f.ty {
            FieldType::String | FieldType::Datetime => quote!(#value.as_str()),
            FieldType::Json => quote!(#value.as_str()),
            FieldType::Amount => quote!(&#value.to_string()),
            FieldType::PayTimeout => quote!(#value.as_str()),
            FieldType::UserId => quote!(#value.as_str()),
            FieldType::Enum => quote!(#value.as_str()),
        };
        out.extend(
            quote!(::alipay_core::api::__private::max_len(&mut v, #name, #text, #max, #gbk);),
        );
    }
    match &f.range {
        Some(Range::Amount { min_fen, max_fen, .. }) => out.extend(quote!(
            ::alipay_core::api::__private::amount_range(&mut v, #name, #value, #min_fen, #max_fen);
        )),
        Some(Range::PayTimeout { min_minutes, max_minutes, min, max }) => out.extend(quote!(
            ::alipay_core::api::__private::pay_timeout_range(&mut v, #name, #value, (#min_minutes, #min), (#max_minutes, #max));
        )),
        None => {}
    }
    if let (Some(p), FieldType::String) = (&f.pattern, f.ty) {
        out.extend(quote!({
            static RE: ::std::sync::OnceLock<::std::option::Option<::alipay_core::api::__private::Regex>> = ::std::sync::OnceLock::new();
            ::alipay_core::api::__private::pattern(&mut v, #name, #value.as_str(), &RE, #p);
        }));
    }
    out
}

/// Whether an optional value counts as present (an empty string is absent).
fn nonempty(f: &Field, value: &TokenStream) -> TokenStream {
    match f.ty {
        FieldType::String | FieldType::Datetime => quote!(!#value.is_empty()),
        _ => quote!(true),
    }
}

fn group_checks(spec: &ApiSpec, present: impl Fn(&Field) -> TokenStream) -> TokenStream {
    let mut out = TokenStream::new();
    for g in spec.one_of.iter().filter(|g| g.enforce) {
        // In precedence order, so the path reads as "the first of these wins".
        let members = g
            .precedence
            .iter()
            .filter_map(|name| spec.request_field(name))
            .map(|f| {
                let name = &f.name;
                let p = present(f);
                quote!((#name, #p))
            });
        let min = g.min as usize;
        out.extend(quote!(::alipay_core::api::__private::one_of(&mut v, &[#(#members),*], #min);));
    }
    out
}

fn validate_body(spec: &ApiSpec, _n: &Names, _json: bool) -> TokenStream {
    let mut checks = TokenStream::new();
    for f in &spec.request {
        let id = names::field(&f.name);
        if is_plain_required(f) {
            let checks_f = value_checks(f, &quote!((&self.#id)));
            checks.extend(quote!({ #checks_f }));
        } else {
            let x = quote!(x);
            let ne = nonempty(f, &x);
            let checks_f = value_checks(f, &x);
            checks.extend(
                quote!(if let ::std::option::Option::Some(x) = &self.#id { if #ne { #checks_f } }),
            );
        }
    }
    let groups = group_checks(spec, |f| {
        let id = names::field(&f.name);
        let x = quote!(x);
        let ne = nonempty(f, &x);
        quote!(self.#id.as_ref().is_some_and(|x| #ne))
    });
    quote! {
        let mut v = ::alipay_core::api::Violations::default();
        #checks
        #groups
        v.into_result()
    }
}

fn from_json_body(spec: &ApiSpec, n: &Names) -> TokenStream {
    let mut reads = TokenStream::new();
    let mut checks = TokenStream::new();
    for f in &spec.request {
        let id = names::field(&f.name);
        let name = &f.name;
        let required = is_plain_required(f);
        let read = match f.ty {
            FieldType::String | FieldType::Datetime => quote!(j.text(&mut v, #name, #required)),
            _ => {
                let ty = value_type(f, n);
                let rule = match f.ty {
                    FieldType::Enum => "enum",
                    FieldType::Json => "json_object",
                    _ => "grammar",
                };
                quote!(j.typed::<#ty>(&mut v, #name, #required, #rule))
            }
        };
        reads.extend(quote!(let #id = #read;));
        let x = quote!(x);
        let checks_f = value_checks(f, &x);
        checks.extend(quote!(if let ::std::option::Option::Some(x) = &#id { #checks_f }));
    }
    let known: Vec<&String> = spec
        .request
        .iter()
        .chain(&spec.request_sdk_only)
        .map(|f| &f.name)
        .collect();
    let groups = group_checks(spec, |f| {
        let name = &f.name;
        quote!(j.present(#name))
    });
    let request = &n.request;
    let required: Vec<_> = spec
        .request
        .iter()
        .filter(|f| is_plain_required(f))
        .map(|f| names::field(&f.name))
        .collect();
    let all: Vec<_> = spec.request.iter().map(|f| names::field(&f.name)).collect();
    // Missing required fields were reported above; without them there is no request.
    let destructure = if required.is_empty() {
        TokenStream::new()
    } else {
        quote! {
            let (#(::std::option::Option::Some(#required),)*) = (#(#required,)*) else {
                return ::std::result::Result::Err(::alipay_core::api::BizError::Invalid(v));
            };
        }
    };
    quote! {
        let j = ::alipay_core::api::__private::BizFields::parse(json)?;
        let mut v = ::alipay_core::api::Violations::default();
        #reads
        #checks
        #groups
        j.unknown(&mut v, &[#(#known),*]);
        #destructure
        if !v.is_empty() {
            return ::std::result::Result::Err(::alipay_core::api::BizError::Invalid(v));
        }
        ::std::result::Result::Ok(#request { #(#all,)* })
    }
}

fn biz_content_body(spec: &ApiSpec) -> TokenStream {
    let mut writes = TokenStream::new();
    for f in &spec.request {
        let id = names::field(&f.name);
        let name = &f.name;
        if is_plain_required(f) {
            writes.extend(quote!(o.field(#name, &self.#id);));
        } else {
            let x = quote!(x);
            let ne = nonempty(f, &x);
            writes.extend(quote!(if let ::std::option::Option::Some(x) = &self.#id { if #ne { o.field(#name, x); } }));
        }
    }
    quote! {
        let mut o = ::alipay_core::api::__private::JsonObject::default();
        #writes
        o.finish()
    }
}
