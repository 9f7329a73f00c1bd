//! One server call, sent the way the caller asks: once, or re-sent while the outcome is
//! unknown ([`RetryPolicy`]), with every attempt kept ([`RetryReport`]) when wanted, and an
//! unknown outcome resolved by a query ([`CallBuilder::exactly_once`]).
//!
//! [`AlipayClient::execute`] is `client.call(&request).send()`; everything else about sending
//! is a method of [`CallBuilder`]:
//!
//! ```
//! use alipay_core::{Call, Error, RetryPolicy};
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let sandbox = alipay_sandbox::server::start_local().await?;
//! # let client = alipay_core::AlipayClient::builder(
//! #     sandbox.app_id(),
//! #     alipay_core::AppPrivateKey::from_text(sandbox.app_private_key_pem())?,
//! #     alipay_core::AlipayPublicKey::from_text(sandbox.alipay_public_key_pem())?,
//! # )
//! # .gateway(alipay_core::Gateway::new(sandbox.gateway_url())?)
//! # .build()?;
//! // An untyped call (any method, your own biz_content), re-sent unchanged while the outcome
//! // is unknown. Here (against the offline sandbox) it asks about an operation that does not
//! // exist, so Alipay refuses it with a signed business error.
//! let call = Call::new("alipay.fund.coupon.operation.query")
//!     .biz_content(r#"{"out_order_no":"20240102001","out_request_no":"20240102001-1"}"#);
//! match client.call(&call).retry(RetryPolicy::default()).send().await {
//!     Ok(answer) => println!("{}", answer.node),
//!     Err(Error::Business(refusal)) => assert!(refusal.verified),
//!     Err(other) => return Err(other.into()),
//! }
//! # Ok(()) }
//! ```

use crate::api::{self, ExecuteApi, Handling};
use crate::client::{AlipayClient, Answer};
use crate::error::Error;
use crate::request::Call;
use crate::resolve::{self, Resolution, Resolve};
use crate::retry::{RetryPolicy, RetryReport, is_retryable};

/// What [`AlipayClient::call`] can send: a typed request of an `execute` API (answered with
/// its typed response) or an untyped [`Call`] (answered with the verified node, [`Answer`]).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent with `call`",
    note = "only requests of `execute` APIs and untyped `Call`s are sent; app and page APIs are signed with `sdk_execute` / `page_execute_url` / `page_execute_form`"
)]
pub trait Callable: sealed::Sealed {
    /// What a successful call returns.
    type Output;

    #[doc(hidden)]
    fn to_call(&self, client: &AlipayClient) -> Result<Call, Error>;

    #[doc(hidden)]
    fn parse(answer: Answer) -> Result<Self::Output, Error>;

    /// Whether a verified business refusal with this `sub_code` is to be re-sent unchanged:
    /// the API's error table says so (`handling = "retry_same"`). Never for untyped calls.
    #[doc(hidden)]
    fn repeat_on(sub_code: &str) -> bool;
}

mod sealed {
    pub trait Sealed {}
    impl<A: crate::api::ExecuteApi> Sealed for A {}
    impl Sealed for crate::request::Call {}
}

impl<A: ExecuteApi> Callable for A {
    type Output = A::Response;

    fn to_call(&self, client: &AlipayClient) -> Result<Call, Error> {
        client.call_for(self)
    }

    fn parse(answer: Answer) -> Result<A::Response, Error> {
        api::parse_response::<A>(&answer.node)
    }

    fn repeat_on(sub_code: &str) -> bool {
        A::handling(sub_code) == Some(Handling::RetrySame)
    }
}

impl Callable for Call {
    type Output = Answer;

    fn to_call(&self, _: &AlipayClient) -> Result<Call, Error> {
        Ok(self.clone())
    }

    fn parse(answer: Answer) -> Result<Answer, Error> {
        Ok(answer)
    }

    fn repeat_on(_: &str) -> bool {
        false
    }
}

/// A call about to be sent; made by [`AlipayClient::call`], sent by [`CallBuilder::send`].
#[must_use = "a call is sent by `.send().await`"]
pub struct CallBuilder<'a, R: ?Sized> {
    client: &'a AlipayClient,
    request: &'a R,
    policy: RetryPolicy,
    app_auth_token: Option<String>,
    auth_token: Option<String>,
    notify_url: Option<String>,
}

impl<'a, R: Callable + ?Sized> CallBuilder<'a, R> {
    pub(crate) fn new(client: &'a AlipayClient, request: &'a R) -> Self {
        CallBuilder {
            client,
            request,
            policy: RetryPolicy::none(),
            app_auth_token: None,
            auth_token: None,
            notify_url: None,
        }
    }

    /// Re-send the *same* request while the outcome is unknown (see [`retry`](crate::retry) for
    /// which failures are retried). Without it the call is sent once.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// Call on behalf of a merchant who authorised this (ISV) application.
    /// [`CallBuilder::exactly_once`] sends its query with the same token.
    pub fn app_auth_token(mut self, token: impl Into<String>) -> Self {
        self.app_auth_token = Some(token.into());
        self
    }

    /// Call with a user's authorisation: the public `auth_token` parameter, the
    /// `access_token` answered by `alipay.system.oauth.token` (`alipay.user.info.share` needs
    /// it). Never logged: `Debug` of the parameters redacts it.
    pub fn auth_token(mut self, token: impl Into<String>) -> Self {
        self.auth_token = Some(token.into());
        self
    }

    /// This call's `notify_url`, instead of the client's default.
    pub fn notify_url(mut self, url: impl Into<String>) -> Self {
        self.notify_url = Some(url.into());
        self
    }

    /// Validates, signs, sends (re-sending per the policy) and verifies; the verified,
    /// successful answer, or the error that tells the truth about the operation: when any
    /// attempt may have reached Alipay and none succeeded, the error says
    /// [`Outcome::Unknown`](crate::Outcome::Unknown).
    pub async fn send(self) -> Result<R::Output, Error> {
        self.send_with_report().await.into_result()
    }

    /// [`CallBuilder::send`] keeping every attempt's error.
    pub async fn send_with_report(self) -> RetryReport<R::Output> {
        let call = match self.request.to_call(self.client) {
            Ok(mut call) => {
                if let Some(token) = self.app_auth_token {
                    call = call.app_auth_token(token);
                }
                if let Some(token) = self.auth_token {
                    call = call.auth_token(token);
                }
                if let Some(url) = self.notify_url {
                    call = call.notify_url(url);
                }
                call
            }
            Err(e) => {
                return RetryReport {
                    result: Err(e),
                    earlier: Vec::new(),
                };
            }
        };
        // Besides the transient failures, the business codes the API's spec says to repeat.
        let retryable = |e: &Error| {
            is_retryable(e)
                || matches!(e, Error::Business(b)
                    if b.verified && b.sub_code.as_deref().is_some_and(R::repeat_on))
        };
        let mut earlier = Vec::new();
        let mut attempt = 1;
        loop {
            match self.client.send(&call).await {
                Err(e) if attempt < self.policy.attempts() && retryable(&e) => {
                    earlier.push(e);
                    tokio::time::sleep(self.policy.backoff(attempt)).await;
                    attempt += 1;
                }
                result => {
                    return RetryReport {
                        result: result.and_then(R::parse),
                        earlier,
                    };
                }
            }
        }
    }
}

impl<'a, R: Resolve> CallBuilder<'a, R> {
    /// Sends (re-sending per the policy) and, when the outcome is still unknown, asks the
    /// API's query what became of the operation, with the same policy; see [`Resolution`].
    /// `Err` only when the operation certainly did not happen (nothing reached Alipay, or
    /// Alipay refused it and no earlier attempt may have reached it).
    pub async fn exactly_once(self) -> Result<Resolution<R::Response>, Error> {
        let (client, request) = (self.client, self.request);
        let (policy, token) = (self.policy.clone(), self.app_auth_token.clone());
        let sent = self.send().await;
        resolve::resolve(request, sent, |query| async move {
            let mut call = client.call(&query).retry(policy);
            if let Some(token) = token {
                call = call.app_auth_token(token);
            }
            call.send().await
        })
        .await
    }
}
