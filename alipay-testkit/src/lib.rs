//! The test kit of the alipay-rs workspace (a dev-dependency only; never published).
//!
//! * [`FakeGateway`]: a scripted Alipay gateway on loopback over real HTTP/1.1 (hyper). A
//!   script decides each answer from the request ([`GatewayRequest`]: API method, decoded
//!   form parameters, `biz_content`, the n-th call of that method); answers are signed with
//!   the test gateway key or not ([`Reply`]); faults: a dropped connection, a delay, another
//!   HTTP status, a forged signature, an arbitrary raw body. Every request is logged.
//! * [`NotifyEndpoint`]: a merchant endpoint that records POSTed notifications and answers
//!   `success` (or what it is told).
//! * [`raw`]: sockets and hand-made bytes, for the few tests where the bytes on the wire are
//!   the point and hyper cannot express the case.
//! * [`http`]: the client side (one request, its whole answer), for the sandbox's cashier
//!   and admin endpoints and page URLs.
//! * [`keys`]: the committed test keys of `alipay-core/testdata/`.
//! * [`postgres`]: a throwaway PostgreSQL server (installed by `scripts/setup-postgres.sh`
//!   when missing).
//!
//! The HTTP servers run on a thread of their own (a current-thread tokio runtime), so they
//! serve synchronous tests (that block in `std::process::Command`) and async tests alike;
//! dropping the handle stops the server.
//!
//! ```
//! use alipay_testkit::{FakeGateway, Reply};
//!
//! let gw = FakeGateway::start(|req| {
//!     if req.nth == 0 {
//!         Reply::drop_connection()
//!     } else {
//!         Reply::node(r#"{"code":"10000","msg":"Success"}"#)
//!     }
//! });
//! assert!(gw.url().ends_with("/gateway.do"));
//! assert_eq!(gw.count(), 0);
//! ```

mod gateway;
pub mod http;
pub mod keys;
mod notify;
pub mod postgres;
pub mod raw;
mod server;

pub use gateway::{FakeGateway, FakeGatewayBuilder, GatewayRequest, Reply};
pub use notify::{Notification, NotifyEndpoint, NotifyEndpointBuilder};
