//! What a generated API is to the client: its method, how it is executed, its response node,
//! its request and response types, and its validation. `alipay-macros` implements these
//! traits from each spec; the client's typed calls accept only the matching execution mode,
//! so calling `execute` on an `sdk_execute` API does not compile.

use std::fmt;

use serde::de::DeserializeOwned;

use crate::error::Error;
use crate::request::Call;

/// How an API is executed (the spec's `execution`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A server-to-server POST whose signed JSON answer is verified and parsed.
    Execute,
    /// A signed order string handed to the Alipay app (no HTTP from the server).
    SdkExecute,
    /// A signed browser form or URL (no HTTP from the server).
    PageExecute,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Execute => "execute",
            Mode::SdkExecute => "sdk_execute",
            Mode::PageExecute => "page_execute",
        }
    }
}

/// One broken rule of a request: `<field path>: <rule> (<detail>)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The wire path of the field, e.g. `amount` or `payee_user_id|payee_logon_id` for a group.
    pub field: String,
    /// The rule's name: `required`, `one_of`, `max_len`, `range`, `grammar`, `pattern`,
    /// `json_object`, `enum`.
    pub rule: &'static str,
    /// What exactly is wrong, with the limit and the value's measure.
    pub detail: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({})", self.field, self.rule, self.detail)
    }
}

/// Every rule a request broke, reported together.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Violations(pub Vec<Violation>);

impl Violations {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn push(
        &mut self,
        field: impl Into<String>,
        rule: &'static str,
        detail: impl Into<String>,
    ) {
        self.0.push(Violation {
            field: field.into(),
            rule,
            detail: detail.into(),
        });
    }

    pub fn iter(&self) -> impl Iterator<Item = &Violation> {
        self.0.iter()
    }

    /// `Ok(())` when no rule was broken.
    pub fn into_result(self) -> Result<(), Violations> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

impl From<Violations> for Error {
    fn from(v: Violations) -> Self {
        Error::InvalidRequest(v.to_string())
    }
}

/// A request of one Alipay API.
pub trait Api {
    /// The API name, e.g. `alipay.fund.coupon.order.disburse`.
    const METHOD: &'static str;
    /// How it is executed.
    const MODE: Mode;
    /// The JSON key of its answer, `<method with . as _>_response`.
    const RESPONSE_NODE: &'static str;
    /// Whether the `notify_url` public parameter applies.
    const NOTIFY_URL: bool;
    /// Whether the `return_url` public parameter applies.
    const RETURN_URL: bool;
    /// The typed answer (every field optional: error replies carry none).
    type Response: DeserializeOwned;

    /// Every broken rule of the spec, at once.
    fn validate(&self) -> Result<(), Violations>;

    /// The `biz_content` JSON: stable field order, amounts as strings, empty optionals omitted.
    fn biz_content(&self) -> String;

    /// What the API's error table says to do about a business `sub_code` (`None` for codes it
    /// does not list). The retry policy re-sends the same request on [`Handling::RetrySame`].
    fn handling(sub_code: &str) -> Option<Handling> {
        let _ = sub_code;
        None
    }
}

/// An API executed server to server (`execute`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an `execute` API, so it cannot be sent with `execute`",
    note = "its spec's execution mode decides: use `sdk_execute` for app-pay order strings, `page_execute_url`/`page_execute_form` for page APIs"
)]
pub trait ExecuteApi: Api {}
/// An API whose result is an order string for the Alipay app (`sdk_execute`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an `sdk_execute` API",
    note = "its spec's execution mode decides: use `execute` for server calls, `page_execute_url`/`page_execute_form` for page APIs"
)]
pub trait SdkExecuteApi: Api {}
/// An API whose result is a browser form or URL (`page_execute`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `page_execute` API",
    note = "its spec's execution mode decides: use `execute` for server calls, `sdk_execute` for app-pay order strings"
)]
pub trait PageExecuteApi: Api {}

impl Call {
    /// The call for a typed request: validated first (every violation reported at once), then
    /// its `biz_content`. Add `notify_url` / `return_url` / `app_auth_token` on the result.
    pub fn for_api<A: Api>(request: &A) -> Result<Call, Error> {
        request.validate()?;
        Ok(Call::new(A::METHOD).biz_content(request.biz_content()))
    }
}

/// Parses a verified, successful node into the API's response type.
pub fn parse_response<A: Api>(node: &str) -> Result<A::Response, Error> {
    serde_json::from_str(node).map_err(|e| {
        Error::Response(format!(
            "{} answered a node that does not fit its response type ({e}): {node}",
            A::METHOD
        ))
    })
}

/// How the API's documentation says to handle one of its business `sub_code`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Handling {
    /// Repeat with identical parameters (the API is idempotent on them).
    RetrySame,
    /// Query the order or operation first, then decide.
    QueryThenDecide,
    /// The request is wrong: fix it.
    FixRequest,
    /// Use a new `out_order_no`.
    NewOutOrderNo,
    /// Use a new `out_request_no`.
    NewOutRequestNo,
    /// The payer or payee must act (upgrade, verify, top up).
    UserAction,
    /// The product is not signed or the contract expired.
    MerchantContract,
}

impl Handling {
    pub fn as_str(self) -> &'static str {
        match self {
            Handling::RetrySame => "retry_same",
            Handling::QueryThenDecide => "query_then_decide",
            Handling::FixRequest => "fix_request",
            Handling::NewOutOrderNo => "new_out_order_no",
            Handling::NewOutRequestNo => "new_out_request_no",
            Handling::UserAction => "user_action",
            Handling::MerchantContract => "merchant_contract",
        }
    }
}

impl fmt::Display for Handling {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One generated API, for tools that work by method name (the CLI's `validate`).
#[derive(Debug, Clone, Copy)]
pub struct ApiInfo {
    pub method: &'static str,
    pub mode: Mode,
    pub summary: &'static str,
    /// The spec file's text.
    pub spec_toml: &'static str,
    /// Checks a `biz_content` JSON object against every rule of the spec.
    pub validate: fn(&str) -> Result<(), BizError>,
}

/// Why a `biz_content` JSON text was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BizError {
    /// Not a JSON object at all.
    Malformed(String),
    /// Well-formed, but rules were broken.
    Invalid(Violations),
}

impl fmt::Display for BizError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BizError::Malformed(m) => write!(f, "biz_content is not a JSON object: {m}"),
            BizError::Invalid(v) => write!(f, "{v}"),
        }
    }
}

impl std::error::Error for BizError {}

/// The typestate of generated builders: a required field's slot is [`typestate::Unset`]
/// until its setter makes it [`typestate::Set`]; `build()` requires [`typestate::IsSet`]
/// in its `where` clause, so a missing field is a compile error naming the wire field.
pub mod typestate {
    use std::marker::PhantomData;

    /// A slot whose field has not been set. `F` is the marker named after the wire field.
    pub struct Unset<F>(PhantomData<F>);

    impl<F> Default for Unset<F> {
        fn default() -> Self {
            Unset(PhantomData)
        }
    }

    /// A slot holding the value of field `F`.
    pub struct Set<F, T>(T, PhantomData<F>);

    impl<F, T> Set<F, T> {
        pub fn new(value: T) -> Self {
            Set(value, PhantomData)
        }
    }

    /// Required by `build()` for every required field.
    #[diagnostic::on_unimplemented(
        message = "required field `{Self}` of this Alipay request was not set",
        label = "this request is missing a required field",
        note = "call the setter named after the field (see `Unset<...>`) before `build()`"
    )]
    pub trait IsSet<T> {
        fn into_value(self) -> T;
    }

    #[diagnostic::do_not_recommend]
    impl<F, T> IsSet<T> for Set<F, T> {
        fn into_value(self) -> T {
            self.0
        }
    }

    /// Required by a setter: each field is set once.
    #[diagnostic::on_unimplemented(
        message = "field `{Self}` of this Alipay request was already set",
        label = "this field is set a second time",
        note = "set each field once"
    )]
    pub trait IsUnset {}

    #[diagnostic::do_not_recommend]
    impl<F> IsUnset for Unset<F> {}

    /// A one-of member's slot: its value if set.
    pub trait Slot<T> {
        fn into_option(self) -> Option<T>;
    }

    impl<F, T> Slot<T> for Set<F, T> {
        fn into_option(self) -> Option<T> {
            Some(self.0)
        }
    }

    impl<F, T> Slot<T> for Unset<F> {
        fn into_option(self) -> Option<T> {
            None
        }
    }
}

/// Runtime support for generated code; not a stable API.
#[doc(hidden)]
pub mod __private {
    pub use regex_lite::Regex;
    pub use serde;
    pub use serde_json;

    use std::fmt::Write as _;

    use super::Violations;

    /// Writes a JSON object field by field, in the spec's order.
    pub struct JsonObject {
        buf: String,
    }

    impl Default for JsonObject {
        fn default() -> Self {
            JsonObject {
                buf: String::from("{"),
            }
        }
    }

    impl JsonObject {
        pub fn field<T: serde::Serialize + ?Sized>(&mut self, name: &str, value: &T) {
            if self.buf.len() > 1 {
                self.buf.push(',');
            }
            // Names are spec identifiers and values our own serialisable types: both
            // serialise infallibly.
            let _ = write!(
                self.buf,
                "{}:{}",
                serde_json::to_string(name).unwrap_or_default(),
                serde_json::to_string(value).unwrap_or_default()
            );
        }

        pub fn finish(mut self) -> String {
            self.buf.push('}');
            self.buf
        }
    }

    /// The members of a `biz_content` object, values kept as raw JSON text so amounts are
    /// read exactly.
    pub struct BizFields(std::collections::BTreeMap<String, Box<serde_json::value::RawValue>>);

    impl BizFields {
        pub fn parse(json: &str) -> Result<Self, super::BizError> {
            serde_json::from_str(json)
                .map(BizFields)
                .map_err(|e| super::BizError::Malformed(e.to_string()))
        }

        fn raw(&self, name: &str) -> Option<&str> {
            self.0
                .get(name)
                .map(|r| r.get())
                .filter(|r| *r != "null" && *r != "\"\"")
        }

        /// Whether `name` is given and not empty (an empty string counts as absent).
        pub fn present(&self, name: &str) -> bool {
            self.raw(name).is_some()
        }

        /// A string member; absent, `null` and `""` are `None`.
        pub fn text(&self, v: &mut Violations, name: &str, required: bool) -> Option<String> {
            let Some(raw) = self.raw(name) else {
                if required {
                    v.push(name, "required", "must be set and not blank");
                }
                return None;
            };
            match serde_json::from_str::<String>(raw) {
                Ok(s) => Some(s),
                Err(_) => {
                    v.push(name, "type", format!("must be a JSON string, got {raw}"));
                    None
                }
            }
        }

        /// A typed member (amount, pay_timeout, user id, enum, JSON text) parsed from its
        /// exact JSON text; absent, `null` and `""` are `None`.
        pub fn typed<T: serde::de::DeserializeOwned>(
            &self,
            v: &mut Violations,
            name: &str,
            required: bool,
            rule: &'static str,
        ) -> Option<T> {
            let Some(raw) = self.raw(name) else {
                if required {
                    v.push(name, "required", "must be set and not blank");
                }
                return None;
            };
            match serde_json::from_str::<T>(raw) {
                Ok(t) => Some(t),
                Err(e) => {
                    let detail = e.to_string();
                    // serde_json appends " at line 1 column N"; the field path says where.
                    let detail = detail
                        .split(" at line ")
                        .next()
                        .unwrap_or(&detail)
                        .to_string();
                    // The value types' messages quote the offending value already.
                    v.push(name, rule, detail);
                    None
                }
            }
        }

        /// Members the spec does not know.
        pub fn unknown(&self, v: &mut Violations, known: &[&str]) {
            for name in self.0.keys() {
                if !known.contains(&name.as_str()) {
                    v.push(name.as_str(), "unknown_field", "not a field of this API");
                }
            }
        }
    }

    /// An amount within `[min_fen, max_fen]`.
    pub fn amount_range(
        v: &mut Violations,
        field: &str,
        value: &crate::Amount,
        min_fen: u64,
        max_fen: u64,
    ) {
        let fen = value.fen();
        if fen < min_fen || fen > max_fen {
            v.push(
                field,
                "range",
                format!(
                    "must be within [{}, {}], got {value}",
                    yuan(min_fen),
                    yuan(max_fen)
                ),
            );
        }
    }

    fn yuan(fen: u64) -> String {
        format!("{}.{:02}", fen / 100, fen % 100)
    }

    /// A pay_timeout within `[min, max]` minutes.
    pub fn pay_timeout_range(
        v: &mut Violations,
        field: &str,
        value: &crate::PayTimeout,
        (min_minutes, min): (u32, &str),
        (max_minutes, max): (u32, &str),
    ) {
        let m = value.minutes();
        if m < min_minutes || m > max_minutes {
            v.push(
                field,
                "range",
                format!("must be within {min}~{max}, got {value} ({m} minutes)"),
            );
        }
    }

    /// A string matching the spec's pattern (compiled once; the spec checker has already
    /// compiled it with the same engine).
    pub fn pattern(
        v: &mut Violations,
        field: &str,
        value: &str,
        re: &std::sync::OnceLock<Option<regex_lite::Regex>>,
        source: &str,
    ) {
        match re.get_or_init(|| regex_lite::Regex::new(source).ok()) {
            Some(re) if re.is_match(value) => {}
            _ => v.push(field, "pattern", format!("must match {source}")),
        }
    }

    /// A required string that is empty or only whitespace is missing.
    pub fn required_text(v: &mut Violations, field: &str, value: &str) -> bool {
        if value.trim().is_empty() {
            v.push(field, "required", "must be set and not blank");
            return false;
        }
        true
    }

    /// Length in the spec's unit: `char` (Unicode scalar values) or `gbk_byte`.
    pub fn max_len(v: &mut Violations, field: &str, value: &str, max: usize, gbk: bool) {
        let (len, unit) = if gbk {
            (crate::value::gbk_len(value), "gbk_byte")
        } else {
            (value.chars().count(), "char")
        };
        if len > max {
            v.push(field, "max_len", format!("at most {max} {unit}, got {len}"));
        }
    }

    /// At least `min` of a one-of group's members must be non-empty.
    pub fn one_of(v: &mut Violations, members: &[(&str, bool)], min: usize) {
        let present = members.iter().filter(|(_, p)| *p).count();
        if present < min {
            let names: Vec<&str> = members.iter().map(|(n, _)| *n).collect();
            v.push(
                names.join("|"),
                "one_of",
                format!(
                    "at least {min} of {} must be non-empty, got {present}",
                    names.join(", ")
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the macro generates, written by hand for one small API.
    struct Query {
        auth_no: String,
    }

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct QueryResponse {
        status: Option<String>,
    }

    impl Api for Query {
        const METHOD: &'static str = "alipay.fund.coupon.operation.query";
        const MODE: Mode = Mode::Execute;
        const RESPONSE_NODE: &'static str = "alipay_fund_coupon_operation_query_response";
        const NOTIFY_URL: bool = false;
        const RETURN_URL: bool = false;
        type Response = QueryResponse;

        fn validate(&self) -> Result<(), Violations> {
            let mut v = Violations::default();
            if self.auth_no.is_empty() {
                v.push(
                    "auth_no|out_order_no",
                    "one_of",
                    "at least 1 of 2 must be non-empty",
                );
            }
            if self.auth_no.chars().count() > 64 {
                v.push("auth_no", "max_len", "at most 64 char");
            }
            v.into_result()
        }

        fn biz_content(&self) -> String {
            serde_json::json!({ "auth_no": self.auth_no }).to_string()
        }
    }

    impl ExecuteApi for Query {}

    #[test]
    fn a_typed_request_becomes_a_validated_call() {
        let call = Call::for_api(&Query {
            auth_no: "2014".into(),
        })
        .unwrap();
        assert_eq!(call.method, "alipay.fund.coupon.operation.query");
        assert_eq!(call.biz_content.as_deref(), Some(r#"{"auth_no":"2014"}"#));

        let e = Call::for_api(&Query {
            auth_no: String::new(),
        })
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid request: auth_no|out_order_no: one_of (at least 1 of 2 must be non-empty) (fix the request; nothing was sent)"
        );
    }

    #[test]
    fn responses_parse_into_the_api_type() {
        let r = parse_response::<Query>(r#"{"code":"10000","msg":"Success","status":"SUCCESS"}"#)
            .unwrap();
        assert_eq!(r.status.as_deref(), Some("SUCCESS"));
        assert!(parse_response::<Query>(r#"{"status":5}"#).is_err());
    }
}
