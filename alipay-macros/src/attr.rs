//! Reads `#[alipay(spec = "...")]` (a path relative to the source file, like `include_str!`),
//! loads and checks the spec, and hands it to the generator.
//! Every spec mistake becomes one spanned error on the `spec = "..."` literal, all reported
//! together, each starting with `specs/<file>.toml:<line>:<col>`.

use std::path::PathBuf;

use proc_macro2::TokenStream;
use quote::quote;
use syn::{DeriveInput, LitStr};

pub fn derive(input: &DeriveInput) -> syn::Result<TokenStream> {
    let lit = spec_attr(input)?;
    if !matches!(&input.data, syn::Data::Struct(s) if matches!(s.fields, syn::Fields::Unit)) {
        return Err(syn::Error::new_spanned(
            &input.ident,
            "#[derive(AlipayApi)] goes on a unit struct, e.g. `pub struct Disburse;`",
        ));
    }
    let path = resolve(&lit);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        syn::Error::new(
            lit.span(),
            format!("cannot read spec {}: {e}", path.display()),
        )
    })?;
    let file_name = path
        .file_name()
        .map(|f| format!("specs/{}", f.to_string_lossy()))
        .unwrap_or_default();
    let path_str = path.to_string_lossy().into_owned();
    match alipay_spec::parse_spec(&file_name, &text) {
        Ok(spec) => Ok(alipay_codegen::expand(&spec, &input.ident, &path_str)),
        Err(errors) => {
            let errors = spec_errors(&lit, errors).map(syn::Error::into_compile_error);
            // Still depend on the file, so fixing it rebuilds.
            Ok(quote! {
                const _: &str = include_str!(#path_str);
                #errors
            })
        }
    }
}

fn spec_attr(input: &DeriveInput) -> syn::Result<LitStr> {
    let mut spec = None;
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("alipay")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("spec") {
                spec = Some(meta.value()?.parse::<LitStr>()?);
                Ok(())
            } else {
                Err(meta
                    .error("unknown alipay attribute; expected `spec = \"path/to/<method>.toml\"`"))
            }
        })?;
    }
    spec.ok_or_else(|| {
        syn::Error::new_spanned(
            &input.ident,
            "missing #[alipay(spec = \"path/to/<method>.toml\")]",
        )
    })
}

/// A path written in the source, relative to that source file like `include_str!` (the crate
/// root when the compiler cannot say which file it is), made absolute for `include_str!`.
pub fn resolve(lit: &LitStr) -> PathBuf {
    let base = lit
        .span()
        .unwrap()
        .local_file()
        .and_then(|f| f.parent().map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default()));
    let base = std::env::current_dir()
        .map(|cwd| cwd.join(&base))
        .unwrap_or(base);
    base.join(lit.value())
}

/// All spec errors as one combined error on `lit`.
pub fn spec_errors(lit: &LitStr, errors: Vec<alipay_spec::SpecError>) -> Option<syn::Error> {
    let mut combined: Option<syn::Error> = None;
    for e in errors {
        let err = syn::Error::new(lit.span(), e.to_string());
        match &mut combined {
            Some(c) => c.combine(err),
            None => combined = Some(err),
        }
    }
    combined
}
