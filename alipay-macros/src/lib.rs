//! # alipay-macros
//!
//! `#[derive(AlipayApi)]` with `#[alipay(spec = "path/to/<method>.toml")]` on a unit struct
//! generates the API's request, builder, validation, response, error codes and notification
//! types next to it (see `alipay-codegen`). The path is relative to the source
//! file, like `include_str!`. Shared types the spec names come from `_types.toml` beside it and
//! are generated once by `types!`: in the same module, or where
//! `#[alipay(types = "path::to::module")]` says. Entry points only; the work is in `attr` and
//! `dir` (parse), `alipay-spec` (check) and `alipay-codegen` (expand). The expansion reaches the
//! runtime as `::alipay_apis::alipay_core`, so users depend on `alipay-apis` alone.

mod attr;
mod dir;

use proc_macro::TokenStream;

/// Generates an Alipay API from its spec file; see the crate docs.
#[proc_macro_derive(AlipayApi, attributes(alipay))]
pub fn derive_alipay_api(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    finish(attr::derive(&input))
}

/// Every API of a spec directory for one domain: `specs!(dir = "../../specs", domain = "fund")`
/// generates, for each `alipay.<domain>.*.toml` in `dir` (a path relative to the source file),
/// a unit struct named after the method (`alipay.fund.coupon.order.disburse` ->
/// `CouponOrderDisburse`) with everything `#[derive(AlipayApi)]` generates, and `APIS`, the
/// list of them. Adding an API is adding its spec file. Without `domain`, every API of the
/// directory, named without `alipay.` (`alipay.trade.pay` -> `TradePay`,
/// `zhima.credit.score.get` -> `ZhimaCreditScoreGet`); two methods that would get one name are
/// a compile error. The directory's shared types (`_types.toml`) are generated here too, unless
/// `types = "path::to::module"` names where `types!` generated them.
#[proc_macro]
pub fn specs(input: TokenStream) -> TokenStream {
    finish(dir::specs(input.into()))
}

/// The shared types of a spec directory (its `_types.toml`), each generated once:
/// `types!(dir = "../specs")`. APIs of the directory generated elsewhere name this module with
/// `specs!(..., types = "crate::types")`.
#[proc_macro]
pub fn types(input: TokenStream) -> TokenStream {
    finish(dir::types(input.into()))
}

/// The expansion with its runtime paths pointed at `alipay_apis::alipay_core` (so a user crate
/// needs only `alipay-apis`), or the errors.
fn finish(result: syn::Result<proc_macro2::TokenStream>) -> TokenStream {
    match result {
        Ok(tokens) => alipay_codegen::rebase(tokens, &alipay_codegen::CorePath::default()).into(),
        Err(e) => e.into_compile_error().into(),
    }
}
