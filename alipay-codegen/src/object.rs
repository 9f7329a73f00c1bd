//! A request-side object (an API's request, an inline object, a shared request type): the
//! struct, its enums and nested objects, the rules table, the wire conversions and the
//! typestate builder whose `build()` compiles only when every required field and one-of
//! group is set.

use alipay_spec::{Field, FieldType, OneOfGroup, Range, Required, Scalar};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::docs::{doc_attr, field_doc};
use crate::{TypesPath, names, rules};

pub(crate) struct Object<'a> {
    /// The struct's name.
    pub ty: Ident,
    /// Prefix of the names of its enums and inline objects (`{prefix}{Field}`).
    pub enum_prefix: String,
    /// The module of its typestate markers.
    pub markers: Ident,
    /// The method or type name, or an inline object's wire path, for messages.
    pub owner: String,
    /// How compile errors name the object: `alipay.trade.precreate`, `` `store_info` of
    /// alipay.trade.precreate ``, `` shared type `GoodsDetail` ``.
    pub what: String,
    /// The API (or shared type) it belongs to, for messages.
    pub api: String,
    /// The wire path of its members' parent (empty for an API's request; the type's name for a
    /// shared type), for the names of inline objects in messages.
    pub path: String,
    /// The struct's rustdoc.
    pub doc: String,
    /// A rustdoc search alias (`#[doc(alias)]`): the API method, for an API's request.
    pub alias: Option<String>,
    pub fields: Vec<&'a Field>,
    pub groups: Vec<&'a OneOfGroup>,
    /// Fields accepted but not generated (`[[request_sdk_only]]`): type-checked only.
    pub extra_known: Vec<&'a Field>,
}

/// The Rust type of one value (an item, for arrays) and the Rust type whose `RULES` an object
/// value follows. Enums and inline objects it needs are appended to `out`.
pub(crate) fn item_type(
    f: &Field,
    t: &FieldType,
    (prefix, path, owner_what): (&str, &str, &str),
    types: &TypesPath,
    out: &mut TokenStream,
) -> (TokenStream, Option<TokenStream>) {
    let own = format_ident!("{prefix}{}", names::pascal(&f.name));
    match t {
        FieldType::Scalar(s) => {
            let ty = match s {
                Scalar::String => quote!(::std::string::String),
                Scalar::Amount => quote!(::alipay_core::Amount),
                Scalar::Integer => quote!(i64),
                Scalar::Number => quote!(::alipay_core::Number),
                Scalar::Boolean => quote!(bool),
                Scalar::Date => quote!(::alipay_core::Date),
                Scalar::Month => quote!(::alipay_core::Month),
                Scalar::Datetime => quote!(::alipay_core::DateTime),
                Scalar::PayTimeout => quote!(::alipay_core::PayTimeout),
                Scalar::UserId => quote!(::alipay_core::UserId),
                Scalar::Json => quote!(::alipay_core::JsonObjectText),
                Scalar::Enum => {
                    out.extend(closed_enum(&own, &f.values, &f.name, prefix));
                    quote!(#own)
                }
            };
            (ty, None)
        }
        FieldType::Object(def) => {
            let array = if matches!(f.ty, FieldType::Array(_)) {
                "[]"
            } else {
                ""
            };
            let wire_path = if path.is_empty() {
                format!("{}{array}", f.name)
            } else {
                format!("{path}.{}{array}", f.name)
            };
            let nested = Object {
                what: format!("`{wire_path}` of {}", owner_what),
                ty: own.clone(),
                enum_prefix: own.to_string(),
                markers: format_ident!("{}_fields", names::snake(&own.to_string())),
                owner: wire_path.clone(),
                api: owner_what.to_string(),
                path: wire_path.clone(),
                doc: format!("`{wire_path}`: an object of `{prefix}`."),
                alias: None,
                fields: def.fields.iter().collect(),
                groups: def.one_of.iter().collect(),
                extra_known: Vec::new(),
            };
            out.extend(expand_inner(&nested, types, false));
            (quote!(#own), Some(quote!(#own)))
        }
        FieldType::Named(n) => {
            let path = types.name(n);
            (path.clone(), Some(path))
        }
        FieldType::Array(item) => {
            let (ty, object) = item_type(f, item, (prefix, path, owner_what), types, out);
            (quote!(::std::vec::Vec<#ty>), object)
        }
    }
}

fn closed_enum(ty: &Ident, values: &[String], field: &str, owner: &str) -> TokenStream {
    let variants: Vec<_> = values
        .iter()
        .map(|v| names::ident(&names::pascal(v)))
        .collect();
    let docs = values.iter().map(|v| format!(" `{v}`"));
    let doc = doc_attr(&format!("Values of `{field}` of `{owner}`."));
    quote! {
        ::alipay_core::__wire_enum!(closed #doc pub enum #ty { #( #[doc = #docs] #variants = #values ),* });
    }
}

/// One field of an object being generated.
struct F<'a> {
    f: &'a Field,
    id: Ident,
    ty: TokenStream,
    required: bool,
    slot: bool,
}

pub(crate) fn expand(o: &Object, types: &TypesPath) -> TokenStream {
    expand_inner(o, types, true)
}

fn expand_inner(o: &Object, types: &TypesPath, top: bool) -> TokenStream {
    let mut out = TokenStream::new();
    let ty = &o.ty;
    let markers = &o.markers;
    let builder = format_ident!("{ty}Builder");
    let enforced: Vec<&&OneOfGroup> = o.groups.iter().filter(|g| g.enforce).collect();
    let group_of = |f: &Field| match &f.required {
        Required::OneOf(id) => enforced.iter().position(|g| &g.id == id),
        _ => None,
    };

    let mut fields = Vec::new();
    let mut table = Vec::new();
    for f in &o.fields {
        let (item, object) =
            item_type(f, &f.ty, (&o.enum_prefix, &o.path, &o.api), types, &mut out);
        let group = group_of(f);
        table.push(rules::field_rule(
            f,
            group.map(|g| g as u8),
            object.as_ref(),
        ));
        let required = f.required == Required::Yes;
        fields.push(F {
            f,
            id: names::field(&f.name),
            ty: item,
            required,
            slot: required || group.is_some(),
        });
    }
    for f in o.extra_known.iter().filter(|f| f.ty.scalar().is_some()) {
        let name = &f.name;
        let t = rules::ty(&f.ty, None);
        let values = &f.values;
        table.push(quote!(__F::new(#name, #t).values(&[#(#values),*])));
    }
    let groups = enforced.iter().map(|g| {
        let members = &g.precedence;
        let min = proc_macro2::Literal::u8_unsuffixed(g.min as u8);
        quote!(__a::Group::new(&[#(#members),*], #min))
    });
    let owner = &o.owner;
    let rules_doc = format!(
        "The rules of `{owner}` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`)."
    );

    // The struct.
    let struct_fields = fields.iter().map(|x| {
        let (id, t, doc) = (&x.id, &x.ty, field_doc(x.f));
        if x.required {
            quote!(#doc pub #id: #t,)
        } else {
            quote!(#doc pub #id: ::std::option::Option<#t>,)
        }
    });
    let mut struct_doc = doc_attr(&o.doc);
    if let Some(alias) = &o.alias {
        struct_doc.extend(quote!(#[doc(alias = #alias)]));
    }

    // Wire conversions: amounts with fewer than 2 decimals are sent with the spec's scale.
    let wire_fields = fields.iter().map(|x| {
        let (id, name) = (&x.id, &x.f.name);
        match (&x.f.range, x.f.ty.scalar()) {
            (Some(Range::Amount { scale, .. }), Some(Scalar::Amount)) if *scale != 2 => {
                let scale = proc_macro2::Literal::u8_unsuffixed(*scale);
                quote!(#id = #name as #scale)
            }
            _ => quote!(#id = #name),
        }
    });

    // Typestate: one generic per required field and enforced one-of member.
    let slots: Vec<&F> = fields.iter().filter(|x| x.slot).collect();
    let params: Vec<Ident> = (0..slots.len()).map(|i| format_ident!("S{i}")).collect();
    let marker_ids: Vec<&Ident> = slots.iter().map(|x| &x.id).collect();
    let defaults = marker_ids.iter().map(|m| quote!(#markers::#m));
    let optional: Vec<&F> = fields.iter().filter(|x| !x.slot).collect();
    let opt_ids: Vec<&Ident> = optional.iter().map(|x| &x.id).collect();
    let opt_tys: Vec<&TokenStream> = optional.iter().map(|x| &x.ty).collect();
    let nones = optional.iter().map(|_| quote!(::std::option::Option::None));

    let mut setters = TokenStream::new();
    for (i, x) in slots.iter().enumerate() {
        let (id, t) = (&x.id, &short(x));
        let (arg, conv) = setter_arg(x.f, t);
        let out_params = params.iter().enumerate().map(|(j, p)| {
            if i == j {
                quote!(__t::Set<__f::#id, #t>)
            } else {
                quote!(#p)
            }
        });
        let parts: Vec<Ident> = (0..slots.len()).map(|j| format_ident!("s{j}")).collect();
        let take = parts
            .iter()
            .enumerate()
            .map(|(j, p)| if j == i { quote!(_) } else { quote!(#p) });
        let moved = parts.iter().enumerate().map(|(j, p)| {
            if j == i {
                quote!(__t::Set::new(#conv))
            } else {
                quote!(#p)
            }
        });
        let this = &params[i];
        let doc = format!(" Sets [`{0}`]({ty}::{0}).", x.f.name);
        setters.extend(quote! {
            #[doc = #doc]
            pub fn #id(self, value: #arg) -> __B<#(#out_params),*> where #this: __t::IsUnset {
                let (#(#take,)*) = self.0;
                __B((#(#moved,)*), self.1)
            }
        });
    }
    for (k, x) in optional.iter().enumerate() {
        let k = proc_macro2::Literal::usize_unsuffixed(k);
        let (id, t) = (&x.id, &x.ty);
        let (arg, conv) = setter_arg(x.f, t);
        let doc = format!(" Sets [`{0}`]({ty}::{0}).", x.f.name);
        setters.extend(quote! {
            #[doc = #doc]
            pub fn #id(mut self, value: #arg) -> Self {
                self.1.#k = ::std::option::Option::Some(#conv);
                self
            }
        });
    }

    let mut bounds = Vec::new();
    let mut takes = Vec::new();
    let all_parts: Vec<Ident> = (0..slots.len()).map(|j| format_ident!("s{j}")).collect();
    for (i, x) in slots.iter().enumerate() {
        let (p, id, t, part) = (&params[i], &x.id, &short(x), &all_parts[i]);
        if x.required {
            bounds.push(quote!(#p: __f::Required<#t>));
            takes.push(quote!(#id: __t::IsSet::into_value(#part)));
        } else {
            bounds.push(quote!(#p: __t::Slot<#t>));
            takes.push(quote!(#id: __t::Slot::into_option(#part)));
        }
    }
    let mut group_traits = TokenStream::new();
    for g in &enforced {
        let trait_id = format_ident!("group_{}", g.id);
        let members: Vec<usize> = g
            .fields
            .iter()
            .filter_map(|name| slots.iter().position(|x| &x.f.name == name))
            .collect();
        let tuple = members.iter().map(|&i| &params[i]);
        bounds.push(quote!((#(#tuple,)*): __f::#trait_id));
        let listed: Vec<String> = g.fields.iter().map(|f| format!("`{f}`")).collect();
        let message = format!(
            "one-of group `{}` of {} is empty: set at least {} of {}",
            g.id,
            o.what,
            g.min,
            listed.join(", ")
        );
        let note = format!(
            "when several are set, the gateway uses the first of: {}",
            g.precedence.join(" > ")
        );
        // One impl per combination with at least `min` members set, generic over the value
        // types so the impls never name a type of the parent module.
        let mut impls = TokenStream::new();
        for mask in 0u32..(1 << members.len()) {
            if mask.count_ones() < g.min {
                continue;
            }
            let mut generics = Vec::new();
            let parts = members.iter().enumerate().map(|(bit, &i)| {
                let m = marker_ids[i];
                if mask & (1 << bit) != 0 {
                    let t = format_ident!("T{bit}");
                    generics.push(t.clone());
                    quote!(Set<#m, #t>)
                } else {
                    quote!(#m)
                }
            });
            let parts: Vec<_> = parts.collect();
            impls.extend(quote! {
                #[diagnostic::do_not_recommend]
                impl<#(#generics),*> #trait_id for (#(#parts,)*) {}
            });
        }
        let doc = format!(" Satisfied when one-of group `{}` has a member set.", g.id);
        group_traits.extend(quote! {
            #[doc = #doc]
            #[diagnostic::on_unimplemented(message = #message, label = "this request leaves a one-of group empty", note = #note)]
            pub trait #trait_id {}
            #impls
        });
    }
    let required_message = format!("required field `{{Self}}` of {} was not set", o.what);
    let set_import = if enforced.is_empty() {
        TokenStream::new()
    } else {
        quote!(
            use ::alipay_core::api::typestate::Set;
        )
    };
    let markers_doc = format!(" Typestate markers of [`{builder}`], named after the wire fields.");
    let builder_doc = format!(
        " Builder of [`{ty}`]: `build()` compiles only when every required field and one-of group of `{owner}` is set."
    );
    let from_biz = if top {
        quote! {
            /// Parses and checks the business parameters, reporting every broken rule at once.
            pub fn from_biz_content(json: &str) -> ::std::result::Result<Self, ::alipay_core::api::BizError> {
                let w = Self::RULES.check_json(json)?;
                __a::FromWire::from_wire(&w).map_err(|e| ::alipay_core::api::BizError::Malformed(e.to_string()))
            }
        }
    } else {
        TokenStream::new()
    };

    out.extend(quote! {
        #struct_doc
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub struct #ty {
            #(#struct_fields)*
        }

        #[doc = #markers_doc]
        #[allow(non_camel_case_types, missing_docs)]
        pub mod #markers {
            #set_import
            ::alipay_core::__markers!(#required_message; #(#marker_ids),*);
            #group_traits
        }

        #[doc = #builder_doc]
        #[must_use = "call build() to get the value"]
        pub struct #builder<#(#params = #defaults),*>((#(#params,)*), (#(::std::option::Option<#opt_tys>,)*));

        ::alipay_core::__wire_struct!(#ty { #(#wire_fields),* });

        const _: () = {
            use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
            use ::alipay_core::api::typestate as __t;
            use #markers as __f;
            use #builder as __B;

            impl #ty {
                #[doc = #rules_doc]
                pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(#owner, &[#(#table),*]).groups(&[#(#groups),*]);

                /// A builder with nothing set.
                pub fn builder() -> #builder {
                    __B(__f::START, (#(#nones,)*))
                }

                /// Every rule of the spec this value breaks, at once.
                pub fn validate(&self) -> ::std::result::Result<(), ::alipay_core::api::Violations> {
                    Self::RULES.check(&__a::ToWire::to_wire(self))
                }

                #from_biz
            }

            impl<#(#params),*> __B<#(#params),*> {
                #setters

                /// The value. Compiles only when every required field and one-of group is set.
                pub fn build(self) -> #ty where #(#bounds,)* {
                    let ((#(#all_parts,)*), (#(#opt_ids,)*)) = (self.0, self.1);
                    #ty { #(#takes,)* #(#opt_ids,)* }
                }
            }
        };
    });
    out
}

/// The type of a slot inside the builder's `const _` block, where the prelude's `String` is
/// short enough to keep a setter's signature on few lines.
fn short(x: &F) -> TokenStream {
    match x.f.ty {
        FieldType::Scalar(Scalar::String) => quote!(String),
        _ => x.ty.clone(),
    }
}

/// Setter argument type and conversion: strings take `impl Into<String>`.
fn setter_arg(f: &Field, ty: &TokenStream) -> (TokenStream, TokenStream) {
    match f.ty {
        // The prelude's names: this is written inside the builder's `const _` block.
        FieldType::Scalar(Scalar::String) => (quote!(impl Into<String>), quote!(value.into())),
        _ => (ty.clone(), quote!(value)),
    }
}
