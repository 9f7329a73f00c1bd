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
    // Relative to the file holding the attribute, like `include_str!`; the crate root when
    // the compiler cannot say which file that is.
    let base = lit
        .span()
        .unwrap()
        .local_file()
        .and_then(|f| f.parent().map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default()));
    // rustc may name the file relative to its working directory; `include_str!` below
    // needs an absolute path.
    let base = std::env::current_dir()
        .map(|cwd| cwd.join(&base))
        .unwrap_or(base);
    let path = base.join(lit.value());
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
            let mut combined: Option<syn::Error> = None;
            for e in errors {
                let err = syn::Error::new(lit.span(), e.to_string());
                match &mut combined {
                    Some(c) => c.combine(err),
                    None => combined = Some(err),
                }
            }
            let errors = combined.map(syn::Error::into_compile_error);
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
