//! `specs!(dir = "...", domain = "...", types = "...")`: every spec of a directory for one
//! domain; `types!(dir = "...")`: the directory's shared types.

use std::path::Path;

use alipay_codegen::TypesPath;
use alipay_spec::TypesSpec;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::parse::Parser;
use syn::{LitStr, Token};

use crate::attr::{resolve, spec_errors};

/// The `key = "value"` arguments of a function-like macro.
fn args(input: TokenStream, allowed: &[&str], usage: &str) -> syn::Result<Vec<(String, LitStr)>> {
    let parsed = syn::punctuated::Punctuated::<syn::MetaNameValue, Token![,]>::parse_terminated
        .parse2(input)?;
    let mut out = Vec::new();
    for arg in parsed {
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
        let key = arg
            .path
            .get_ident()
            .map(ToString::to_string)
            .filter(|k| allowed.contains(&k.as_str()))
            .ok_or_else(|| syn::Error::new_spanned(&arg.path, usage))?;
        out.push((key, s.clone()));
    }
    Ok(out)
}

fn get<'a>(args: &'a [(String, LitStr)], key: &str) -> Option<&'a LitStr> {
    args.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

pub fn specs(input: TokenStream) -> syn::Result<TokenStream> {
    let usage = "expected specs!(dir = \"path/to/specs\", domain = \"fund\", types = \"crate::types\"); `domain` and `types` are optional";
    let args = args(input, &["dir", "domain", "types"], usage)?;
    let dir =
        get(&args, "dir").ok_or_else(|| syn::Error::new(proc_macro2::Span::call_site(), usage))?;
    let path = resolve(dir);
    let types_lit = get(&args, "types");
    let types_path = match types_lit {
        Some(lit) => {
            let p = lit.parse::<syn::Path>()?;
            TypesPath(quote!(#p))
        }
        None => TypesPath::default(),
    };
    let (types, specs) = load(dir, &path)?;
    // `domain = "fund"`: the `alipay.fund.*` APIs, named without `alipay.fund.`. Without it
    // every spec of the directory (`koubei.*`, `zhima.*` too), named without `alipay.`.
    let (prefix, strip) = match get(&args, "domain") {
        Some(d) => {
            let p = format!("alipay.{}.", d.value());
            (p.clone(), p)
        }
        None => (String::new(), "alipay.".to_string()),
    };
    let mut named: std::collections::BTreeMap<String, &str> = Default::default();
    let mut items = TokenStream::new();
    if types_lit.is_none() {
        // No shared-types module named: the directory's shared types are generated here.
        let file = path.join("_types.toml");
        let file = if file.is_file() {
            file.to_string_lossy().into_owned()
        } else {
            String::new()
        };
        items.extend(alipay_codegen::expand_types(&types, &file));
    }
    let mut entries = Vec::new();
    for spec in specs.iter().filter(|s| s.method.starts_with(&prefix)) {
        let name = alipay_codegen::pascal(spec.method.strip_prefix(&strip).unwrap_or(&spec.method));
        if let Some(other) = named.insert(name.clone(), &spec.method) {
            return Err(syn::Error::new(
                dir.span(),
                format!(
                    "`{other}` and `{}` would both be named `{name}`; generate them with separate `domain`s",
                    spec.method
                ),
            ));
        }
        let ident = format_ident!("{}", name);
        let request = format_ident!("{}Request", name);
        let file = path.join(format!("{}.toml", spec.method));
        let expanded = alipay_codegen::expand(spec, &ident, &file.to_string_lossy(), &types_path);
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
    let list_doc = if prefix.is_empty() {
        " Every API of this build, sorted by method.".to_string()
    } else {
        format!(" Every `{prefix}*` API of this build, sorted by method.")
    };
    Ok(quote! {
        #items

        #[doc = #list_doc]
        pub const APIS: &[::alipay_core::api::ApiInfo] = &[#(#entries),*];
    })
}

pub fn types(input: TokenStream) -> syn::Result<TokenStream> {
    let usage = "expected types!(dir = \"path/to/specs\")";
    let args = args(input, &["dir"], usage)?;
    let dir =
        get(&args, "dir").ok_or_else(|| syn::Error::new(proc_macro2::Span::call_site(), usage))?;
    let path = resolve(dir);
    let types = load_types(dir, &path)?;
    let file = path.join("_types.toml");
    let file = if file.is_file() {
        file.to_string_lossy().into_owned()
    } else {
        String::new()
    };
    let mut out = alipay_codegen::expand_types(&types, &file);
    // The text itself, for tools that show a spec naming these types (`alipay spec show`).
    let text = if file.is_empty() {
        quote!("")
    } else {
        quote!(include_str!(#file))
    };
    out.extend(quote! {
        /// The `_types.toml` these types were generated from (empty when there is none).
        pub const TYPES_TOML: &str = #text;
    });
    Ok(out)
}

/// `dir/_types.toml` (empty when there is none); errors name it `specs/_types.toml`.
pub fn load_types(lit: &LitStr, dir: &Path) -> syn::Result<TypesSpec> {
    alipay_spec::load_types_shown_as(dir, SHOWN_DIR).map_err(|errors| {
        spec_errors(lit, errors)
            .unwrap_or_else(|| syn::Error::new(lit.span(), "invalid _types.toml"))
    })
}

/// The shared types and every `<method>.toml` of the directory (not `_*.toml`), in name
/// order ([`alipay_spec::load_dir_shown_as`]); errors name each file as `specs/<file>.toml`,
/// all files' errors reported together.
fn load(lit: &LitStr, dir: &Path) -> syn::Result<(TypesSpec, Vec<alipay_spec::ApiSpec>)> {
    alipay_spec::load_dir_shown_as(dir, SHOWN_DIR).map_err(|errors| {
        spec_errors(lit, errors)
            .unwrap_or_else(|| syn::Error::new(lit.span(), "invalid spec directory"))
    })
}

/// How errors name the spec directory, wherever it is.
const SHOWN_DIR: &str = "specs";
