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
}

/// An API executed server to server (`execute`).
pub trait ExecuteApi: Api {}
/// An API whose result is an order string for the Alipay app (`sdk_execute`).
pub trait SdkExecuteApi: Api {}
/// An API whose result is a browser form or URL (`page_execute`).
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
