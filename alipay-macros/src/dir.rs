//! `specs!(dir = "...", domain = "...")`: every spec of a directory for one domain.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::Token;
use syn::parse::Parser;

use crate::attr::{resolve, spec_errors};

pub fn specs(input: TokenStream) -> syn::Result<TokenStream> {
    let (mut dir, mut domain) = (None, None);
    let args = syn::punctuated::Punctuated::<syn::MetaNameValue, Token![,]>::parse_terminated
        .parse2(input)?;
    for arg in args {
        let syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) = &arg.value
        else {
            return Err(syn::Error::new_spanned(
                &arg.value,
                "expected a string literal",
            ));
        };
        if arg.path.is_ident("dir") {
            dir = Some(s.clone());
        } else if arg.path.is_ident("domain") {
            domain = Some(s.clone());
        } else {
            return Err(syn::Error::new_spanned(
                &arg.path,
                "expected `dir = \"...\"` or `domain = \"...\"`",
            ));
        }
    }
    let usage = "expected specs!(dir = \"path/to/specs\", domain = \"fund\")";
    let dir = dir.ok_or_else(|| syn::Error::new(proc_macro2::Span::call_site(), usage))?;
    let domain = domain.ok_or_else(|| syn::Error::new(proc_macro2::Span::call_site(), usage))?;
    let path = resolve(&dir);
    let specs = load(&dir, &path)?;
    let prefix = format!("alipay.{}.", domain.value());
    let mut items = TokenStream::new();
    let mut entries = Vec::new();
    for spec in specs.iter().filter(|s| s.method.starts_with(&prefix)) {
        let rest = &spec.method[prefix.len()..];
        let name: String = rest
            .split('.')
            .map(|p| {
                let mut c = p.chars();
                c.next()
                    .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                    .unwrap_or_default()
            })
            .collect();
        let ident = format_ident!("{}", name);
        let request = format_ident!("{}Request", name);
        let file = path.join(format!("{}.toml", spec.method));
        let expanded = alipay_codegen::expand(spec, &ident, &file.to_string_lossy());
        let doc = format!(" `{}` ({}): {}", spec.method, spec.name_zh, spec.summary);
        items.extend(quote! {
            #[doc = #doc]
            #[derive(Debug, Clone, Copy)]
            pub struct #ident;
            #expanded
        });
        entries.push(quote! {
            ::alipay_core::api::ApiInfo {
                method: #ident::METHOD,
                mode: <#request as ::alipay_core::api::Api>::MODE,
                summary: #ident::SUMMARY,
                spec_toml: #ident::SPEC_TOML,
                validate: #ident::validate_biz_content,
            }
        });
    }
    let list_doc = format!(" Every `{prefix}*` API of this build, sorted by method.");
    Ok(quote! {
        #items

        #[doc = #list_doc]
        pub const APIS: &[::alipay_core::api::ApiInfo] = &[#(#entries),*];
    })
}

/// Every `<method>.toml` of the directory (not `_*.toml`), in name order; errors name each
/// file as `specs/<file>.toml`, all files' errors reported together.
fn load(lit: &syn::LitStr, dir: &std::path::Path) -> syn::Result<Vec<alipay_spec::ApiSpec>> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        syn::Error::new(
            lit.span(),
            format!("cannot read spec directory {}: {e}", dir.display()),
        )
    })?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml") && !n.starts_with('_'))
        .collect();
    names.sort();
    let (mut specs, mut errors) = (Vec::new(), Vec::new());
    for name in names {
        let text = std::fs::read_to_string(dir.join(&name))
            .map_err(|e| syn::Error::new(lit.span(), format!("cannot read spec {name}: {e}")))?;
        match alipay_spec::parse_spec(&format!("specs/{name}"), &text) {
            Ok(spec) => specs.push(spec),
            Err(e) => errors.extend(e),
        }
    }
    match spec_errors(lit, errors) {
        Some(e) => Err(e),
        None => Ok(specs),
    }
}
