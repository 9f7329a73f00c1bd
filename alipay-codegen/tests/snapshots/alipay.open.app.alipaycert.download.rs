/// `alipay.open.app.alipaycert.download` (应用支付宝公钥证书下载): Download Alipay's public-key certificate with a given serial number (certificate rotation).
///
/// Official doc: <https://opendocs.alipay.com/apis/api_9/alipay.open.app.alipaycert.download>. Called with `execute` (an HTTPS call to the gateway). Build it with [`AppAlipaycertDownloadRequest::builder`]; required fields and one-of groups are checked when compiling.
///
/// Rules across fields (each field's own rules are on the field):
/// - `verify_before_trust` (advice): The certificate received is trusted only after it chains to the configured Alipay root certificate (and its serial number is the one asked for); an answer signed with the unknown certificate itself proves nothing.
///
/// Example `biz_content`:
/// ```json
/// {"alipay_cert_sn":"52c63a2a6a0d3e1e7b0a2bd7b3d3f1c8"}
/// ```
#[doc(alias = "alipay.open.app.alipaycert.download")]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct AppAlipaycertDownloadRequest {
    /// `alipay_cert_sn`: 支付宝公钥证书序列号\
    /// type `string`; required; at most 64 characters; example `52c63a2a6a0d3e1e7b0a2bd7b3d3f1c8`; not stated by the doc: max_len, len_unit. The alipay_cert_sn of the answer whose certificate is unknown.
    pub alipay_cert_sn: ::std::string::String,
}
/// Typestate markers of [`AppAlipaycertDownloadRequestBuilder`], named after the wire fields.
#[allow(non_camel_case_types, missing_docs)]
pub mod app_alipaycert_download_fields {
    ::alipay_core::__markers!(
        "required field `{Self}` of alipay.open.app.alipaycert.download was not set";
        alipay_cert_sn
    );
}
/// Builder of [`AppAlipaycertDownloadRequest`]: `build()` compiles only when every required field and one-of group of `alipay.open.app.alipaycert.download` is set.
#[must_use = "call build() to get the value"]
pub struct AppAlipaycertDownloadRequestBuilder<
    S0 = app_alipaycert_download_fields::alipay_cert_sn,
>(
    (S0,),
    (),
);
::alipay_core::__wire_struct!(
    AppAlipaycertDownloadRequest { alipay_cert_sn = "alipay_cert_sn" }
);
const _: () = {
    use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};
    use ::alipay_core::api::typestate as __t;
    use app_alipaycert_download_fields as __f;
    use AppAlipaycertDownloadRequestBuilder as __B;
    impl AppAlipaycertDownloadRequest {
        ///The rules of `alipay.open.app.alipaycert.download` as data, enforced by the one rule engine, `alipay_core::rules` (`validate`, `from_biz_content`, the sandbox, `alipay validate`).
        pub const RULES: &'static __a::ObjectRules = &__a::ObjectRules::new(
                "alipay.open.app.alipaycert.download",
                &[__F::new("alipay_cert_sn", __Ty::Text).required().max_chars(64)],
            )
            .groups(&[]);
        /// A builder with nothing set.
        pub fn builder() -> AppAlipaycertDownloadRequestBuilder {
            __B(__f::START, ())
        }
        /// Every rule of the spec this value breaks, at once.
        pub fn validate(
            &self,
        ) -> ::std::result::Result<(), ::alipay_core::api::Violations> {
            Self::RULES.check(&__a::ToWire::to_wire(self))
        }
        /// Parses and checks the business parameters, reporting every broken rule at once.
        pub fn from_biz_content(
            json: &str,
        ) -> ::std::result::Result<Self, ::alipay_core::api::BizError> {
            let w = Self::RULES.check_json(json)?;
            __a::FromWire::from_wire(&w)
                .map_err(|e| ::alipay_core::api::BizError::Malformed(e.to_string()))
        }
    }
    impl<S0> __B<S0> {
        /// Sets [`alipay_cert_sn`](AppAlipaycertDownloadRequest::alipay_cert_sn).
        pub fn alipay_cert_sn(
            self,
            value: impl Into<String>,
        ) -> __B<__t::Set<__f::alipay_cert_sn, String>>
        where
            S0: __t::IsUnset,
        {
            let (_,) = self.0;
            __B((__t::Set::new(value.into()),), self.1)
        }
        /// The value. Compiles only when every required field and one-of group is set.
        pub fn build(self) -> AppAlipaycertDownloadRequest
        where
            S0: __f::Required<String>,
        {
            let ((s0,), ()) = (self.0, self.1);
            AppAlipaycertDownloadRequest {
                alipay_cert_sn: __t::IsSet::into_value(s0),
            }
        }
    }
};
/// The answer of `alipay.open.app.alipaycert.download` (`alipay_open_app_alipaycert_download_response`). Every field is optional: error replies carry none.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct AppAlipaycertDownloadResponse {
    /// `code`: `10000` on success.
    pub code: ::std::option::Option<::std::string::String>,
    /// `msg`.
    pub msg: ::std::option::Option<::std::string::String>,
    /// `sub_code`: the business error code, absent on success.
    pub sub_code: ::std::option::Option<::std::string::String>,
    /// `sub_msg`.
    pub sub_msg: ::std::option::Option<::std::string::String>,
    /// `alipay_cert_content` (string): 公钥证书Base64后的字符串\
    /// Base64 of the PEM text (decode once to get -----BEGIN CERTIFICATE-----...).
    pub alipay_cert_content: ::std::option::Option<::std::string::String>,
    /// Members this SDK does not know, kept as sent.
    pub unknown: ::alipay_core::wire::WireObject,
}
::alipay_core::__wire_struct!(
    read AppAlipaycertDownloadResponse { code = "code", msg = "msg", sub_code =
    "sub_code", sub_msg = "sub_msg", alipay_cert_content = "alipay_cert_content" }
);
::alipay_core::__error_codes!(
    #[doc =
    " The business error codes (`sub_code`) of `alipay.open.app.alipaycert.download`, with the documented meaning, solution and handling. Unknown codes are kept."]
    pub enum AppAlipaycertDownloadErrorCode {}
);
impl AppAlipaycertDownload {
    /// The spec this API was generated from (also makes editing it rebuild the crate).
    pub const SPEC_TOML: &'static str = include_str!(
        "specs/alipay.open.app.alipaycert.download.toml"
    );
    /// The API name.
    pub const METHOD: &'static str = "alipay.open.app.alipaycert.download";
    /// One line on what the API does.
    pub const SUMMARY: &'static str = "Download Alipay's public-key certificate with a given serial number (certificate rotation).";
    /// Checks the business parameters (one JSON object) against every rule of the spec.
    pub fn validate_biz_content(
        json: &str,
    ) -> ::std::result::Result<(), ::alipay_core::api::BizError> {
        AppAlipaycertDownloadRequest::from_biz_content(json).map(|_| ())
    }
}
impl ::alipay_core::api::Api for AppAlipaycertDownloadRequest {
    const METHOD: &'static str = "alipay.open.app.alipaycert.download";
    const MODE: ::alipay_core::api::Mode = ::alipay_core::api::Mode::Execute;
    const RESPONSE_NODE: &'static str = "alipay_open_app_alipaycert_download_response";
    const NOTIFY_URL: bool = false;
    const RETURN_URL: bool = false;
    const PARAMS: ::alipay_core::api::ParamsIn = ::alipay_core::api::ParamsIn::BizContent;
    const RULES: &'static ::alipay_core::rules::ObjectRules = AppAlipaycertDownloadRequest::RULES;
    type Response = AppAlipaycertDownloadResponse;
    fn handling(sub_code: &str) -> ::std::option::Option<::alipay_core::api::Handling> {
        AppAlipaycertDownloadErrorCode::from_sub_code(sub_code).handling()
    }
}
impl ::alipay_core::api::ExecuteApi for AppAlipaycertDownloadRequest {}
