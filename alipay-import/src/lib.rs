//! Draft alipay-rs specs (`alipay-spec/2`) from what Alipay publishes about an API.
//!
//! Two sources, one draft model ([`Draft`]):
//!
//! * a doc page, as copied from the Alipay doc site ([`page::import`]): everything the page
//!   states, rules included;
//! * the official Python SDK, `alipay-sdk-python` ([`python::import`]): the structure of any API
//!   of the catalogue (field names, nesting, arrays, shared types), with no rules.
//!
//! [`merge`] lays a page's rules over the SDK's structure, and [`mod@write`] prints a draft as a spec
//! file the derive accepts as it is. What an import had to guess is marked `inferred` with a `#`
//! comment saying why.

mod fit;
mod merge;
pub mod model;
pub mod page;
pub mod python;
pub mod write;

pub use fit::{fit_types, fit_types_to_text};
pub use merge::merge;
pub use model::*;
