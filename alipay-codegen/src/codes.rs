//! The API's business error codes (`sub_code` of a 40004 answer) as a table: meaning, the
//! documented solution and the handling hint. The same code means different things in
//! different APIs, so each API has its own enum.

use alipay_spec::{ApiSpec, Handling};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::docs::{doc_attr, public_text};
use crate::names;

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

pub fn expand(spec: &ApiSpec, ty: &Ident) -> TokenStream {
    let variants: Vec<_> = spec
        .errors
        .iter()
        .map(|e| names::ident(&names::pascal(&e.code)))
        .collect();
    let entries = spec.errors.iter().zip(&variants).map(|(e, v)| {
        let mut d = format!("`{}`: {} (`{}`)", e.code, e.msg, e.handling.as_str());
        if let Some(note) = &e.note {
            d.push_str(&format!("\n\n{}", public_text(note)));
        }
        let doc = doc_attr(&d);
        let (code, h, msg, solution) = (&e.code, handling(e.handling), &e.msg, &e.solution);
        quote!(#doc #v = #code => (#h, #msg, #solution))
    });
    let doc = doc_attr(&format!(
        "The business error codes (`sub_code`) of `{}`, with the documented meaning, solution and handling. Unknown codes are kept.",
        spec.method
    ));
    quote! {
        ::alipay_core::__error_codes!(#doc pub enum #ty { #(#entries),* });
    }
}
