//! # alipay-macros
//!
//! `#[derive(AlipayApi)]` with `#[alipay(spec = "path/to/<method>.toml")]` on a unit struct
//! generates the API's request, builder, validation, response, error codes and notification
//! types next to it (see `alipay-codegen`). The path is relative to the source
//! file, like `include_str!`. Entry points only; the work is in `attr` (parse), `alipay-spec` (check)
//! and `alipay-codegen` (expand).

mod attr;
mod dir;

use proc_macro::TokenStream;

/// Generates an Alipay API from its spec file; see the crate docs.
#[proc_macro_derive(AlipayApi, attributes(alipay))]
pub fn derive_alipay_api(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    attr::derive(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Every API of a spec directory for one domain: `specs!(dir = "../../specs", domain = "fund")`
/// generates, for each `alipay.<domain>.*.toml` in `dir` (a path relative to the source file),
/// a unit struct named after the method (`alipay.fund.coupon.order.disburse` ->
/// `CouponOrderDisburse`) with everything `#[derive(AlipayApi)]` generates, and `APIS`, the
/// list of them. Adding an API is adding its spec file.
#[proc_macro]
pub fn specs(input: TokenStream) -> TokenStream {
    dir::specs(input.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
