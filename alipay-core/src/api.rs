//! What a generated API is to the client: its method, how it is executed, its response node,
//! its request and response types, and its validation. `alipay-macros` implements these
//! traits from each spec; the client's typed calls accept only the matching execution mode,
//! so calling `execute` on an `sdk_execute` API does not compile.

use std::fmt;

use crate::error::Error;
use crate::request::Call;
use crate::rules::ObjectRules;
use crate::wire::{FromWire, ToWire, Wire, WireError};

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
    /// The spec's name of the mode: `execute`, `sdk_execute` or `page_execute`.
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
#[non_exhaustive]
pub struct Violation {
    /// The wire path of the field, e.g. `amount`, `goods_detail[1].price`, or
    /// `payee_user_id|payee_logon_id` for a group.
    pub field: String,
    /// The rule's name: `required`, `one_of`, `type`, `grammar`, `format`, `scale`, `range`,
    /// `max_len`, `max_items`, `pattern`, `json_object`, `enum`, `duplicate`, `unknown_field`,
    /// `depth` (see [`crate::rules`]).
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
    /// Whether no rule was broken.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Records one broken rule.
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

    /// Every broken rule, in the order found.
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

/// Where an API's business parameters travel (the spec's `params`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ParamsIn {
    /// One JSON object in the `biz_content` form field.
    #[default]
    BizContent,
    /// Top-level form fields next to the public parameters (`alipay.system.oauth.token`).
    TopLevel,
    /// None: only public parameters such as `auth_token` (`alipay.user.info.share`).
    None,
}

/// A request of one Alipay API.
pub trait Api: ToWire {
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
    /// Where the business parameters travel.
    const PARAMS: ParamsIn = ParamsIn::BizContent;
    /// The rules of the business parameters, as data.
    const RULES: &'static ObjectRules;
    /// The typed answer (every field optional: error replies carry none).
    type Response: FromWire;

    /// Every broken rule of the spec, at once.
    fn validate(&self) -> Result<(), Violations> {
        Self::RULES.check(&self.to_wire())
    }

    /// The business parameters as one JSON object: spec order, amounts as strings, empty
    /// optionals omitted (the `biz_content` of a `biz_content` API).
    fn biz_content(&self) -> String {
        self.to_wire().to_json()
    }

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
        let call = Call::new(A::METHOD);
        Ok(match A::PARAMS {
            ParamsIn::BizContent => call.biz_content(request.biz_content()),
            ParamsIn::TopLevel => match request.to_wire() {
                Wire::Object(members) => members
                    .to_params()
                    .into_iter()
                    .fold(call, |call, (name, value)| call.param(name, value)),
                _ => call,
            },
            ParamsIn::None => call,
        })
    }
}

/// Parses a verified, successful node into the API's response type.
pub fn parse_response<A: Api>(node: &str) -> Result<A::Response, Error> {
    let fail = |e: &dyn fmt::Display| {
        Error::Response(format!(
            "{} answered a node that does not fit its response type ({e}): {node}",
            A::METHOD
        ))
    };
    let wire = Wire::parse(node).map_err(|e| fail(&e))?;
    A::Response::from_wire(&wire).map_err(|e| fail(&e))
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
    /// The spec's name: `retry_same`, `retry_new`, `fix_request`, ...
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
    /// The API name, e.g. `alipay.fund.coupon.order.disburse`.
    pub method: &'static str,
    /// How it is executed.
    pub mode: Mode,
    /// The spec's one-line summary.
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

/// The typestate of generated builders: a required field's slot holds its marker (a unit
/// struct named after the wire field, [`typestate::IsUnset`]) until its setter makes it
/// [`typestate::Set`]; `build()` requires [`typestate::IsSet`] in its `where` clause, so a
/// missing field is a compile error naming the wire field.
pub mod typestate {
    use std::marker::PhantomData;

    /// A slot holding the value of field `F`.
    pub struct Set<F, T>(T, PhantomData<F>);

    impl<F, T> Set<F, T> {
        /// A value that was set.
        pub fn new(value: T) -> Self {
            Set(value, PhantomData)
        }
    }

    /// Required by `build()` for every required field.
    #[diagnostic::on_unimplemented(
        message = "required field `{Self}` of this Alipay request was not set",
        label = "this request is missing a required field",
        note = "call the setter named after the field before `build()`"
    )]
    pub trait IsSet<T> {
        /// The value set.
        fn into_value(self) -> T;
    }

    #[diagnostic::do_not_recommend]
    impl<F, T> IsSet<T> for Set<F, T> {
        fn into_value(self) -> T {
            self.0
        }
    }

    /// Required by a setter: each field is set once. A slot still holding its field's marker
    /// (the unit struct named after the wire field) is unset; each generated marker implements
    /// it (one impl per marker, not a blanket impl, so the error points at the second call).
    #[diagnostic::on_unimplemented(
        message = "field `{Self}` of this Alipay request was already set",
        label = "this field is set a second time",
        note = "set each field once"
    )]
    pub trait IsUnset {}

    /// A one-of member's slot: its value if set.
    pub trait Slot<T> {
        /// The value, if set.
        fn into_option(self) -> Option<T>;
    }

    impl<F, T> Slot<T> for Set<F, T> {
        fn into_option(self) -> Option<T> {
            Some(self.0)
        }
    }

    impl<F: IsUnset, T> Slot<T> for F {
        fn into_option(self) -> Option<T> {
            None
        }
    }
}

/// Runtime support for generated code; not a stable API.
#[doc(hidden)]
pub mod __private {
    pub use crate::rules::{
        Conditional, FieldRule, Group, LenUnit, ObjectRules, Range, Then, Ty, When,
    };
    pub use crate::wire::{FromWire, Scaled, ToWire, Wire, WireError, WireObject};
}

/// The enums of generated APIs: a closed set of documented wire values (requests), or that set
/// plus `Other(String)` for values added later (responses, notifications, error codes).
/// [`__wire_enum!`](crate::__wire_enum) implements it and everything derived from it
/// (`as_str`, `Display`, `FromStr`, `AsRef<str>`, the wire conversions, serde).
#[doc(hidden)]
pub trait WireEnum: Sized + Clone + PartialEq + 'static {
    /// The documented wire values, in spec order.
    const VALUES: &'static [&'static str];
    /// The variants of [`WireEnum::VALUES`], in the same order.
    const VARIANTS: &'static [Self];

    /// The variant keeping an undocumented value (open enums); `None` for closed enums.
    fn other(value: &str) -> Option<Self>;

    /// The value an `Other` variant keeps.
    fn other_str(&self) -> Option<&str>;

    /// The position of a documented variant in [`WireEnum::VALUES`].
    fn index(&self) -> Option<usize> {
        Self::VARIANTS.iter().position(|v| v == self)
    }

    /// The wire value.
    fn wire_str(&self) -> &str {
        match self.other_str() {
            Some(s) => s,
            None => self
                .index()
                .and_then(|i| Self::VALUES.get(i))
                .copied()
                .unwrap_or_default(),
        }
    }

    /// The variant of a wire value (`None`: not documented, and the enum is closed).
    fn from_wire_str(value: &str) -> Option<Self> {
        match Self::VALUES.iter().position(|v| *v == value) {
            Some(i) => Self::VARIANTS.get(i).cloned(),
            None => Self::other(value),
        }
    }
}

/// A value that is not one of a closed enum's documented values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    /// The value given.
    pub value: String,
    /// The documented values.
    pub expected: &'static [&'static str],
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not one of {}",
            self.value,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownValue {}

/// The documentation of one business error code: what the API's error table says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorInfo {
    /// 错误描述, verbatim.
    pub meaning: &'static str,
    /// 解决方案, verbatim.
    pub solution: &'static str,
    /// What to do.
    pub handling: Handling,
}

/// The enums of a generated API, with their impls: `__wire_enum!(open <enum definition with
/// "VALUE" as discriminants>)` adds an `Other(String)` variant keeping unknown values;
/// `__wire_enum!(closed ...)` is a plain `Copy` enum.
#[doc(hidden)]
#[macro_export]
macro_rules! __wire_enum {
    (open $(#[$m:meta])* $vis:vis enum $ty:ident { $($(#[$vm:meta])* $v:ident = $s:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $ty {
            $($(#[$vm])* $v,)*
            /// A value this SDK does not know yet, kept as sent.
            Other(::std::string::String),
        }
        impl $crate::api::WireEnum for $ty {
            const VALUES: &'static [&'static str] = &[$($s),*];
            const VARIANTS: &'static [Self] = &[$($ty::$v),*];
            fn other(value: &str) -> ::std::option::Option<Self> {
                ::std::option::Option::Some($ty::Other(::std::string::ToString::to_string(value)))
            }
            fn other_str(&self) -> ::std::option::Option<&str> {
                match self { $ty::Other(s) => ::std::option::Option::Some(s), _ => ::std::option::Option::None }
            }
        }
        impl ::std::convert::From<&str> for $ty {
            fn from(value: &str) -> Self {
                <$ty as $crate::api::WireEnum>::from_wire_str(value).unwrap_or_else(|| $ty::Other(value.to_string()))
            }
        }
        impl ::std::str::FromStr for $ty {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok($ty::from(value))
            }
        }
        $crate::__wire_enum!(@common $ty);
    };
    (closed $(#[$m:meta])* $vis:vis enum $ty:ident { $($(#[$vm:meta])* $v:ident = $s:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $ty {
            $($(#[$vm])* $v,)*
        }
        impl $crate::api::WireEnum for $ty {
            const VALUES: &'static [&'static str] = &[$($s),*];
            const VARIANTS: &'static [Self] = &[$($ty::$v),*];
            fn other(_: &str) -> ::std::option::Option<Self> {
                ::std::option::Option::None
            }
            fn other_str(&self) -> ::std::option::Option<&str> {
                ::std::option::Option::None
            }
        }
        impl ::std::str::FromStr for $ty {
            type Err = $crate::api::UnknownValue;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                <$ty as $crate::api::WireEnum>::from_wire_str(value).ok_or_else(|| $crate::api::UnknownValue {
                    value: value.to_string(),
                    expected: <$ty as $crate::api::WireEnum>::VALUES,
                })
            }
        }
        $crate::__wire_enum!(@common $ty);
    };
    (@common $ty:ident) => {
        impl $ty {
            /// The wire value.
            pub fn as_str(&self) -> &str {
                $crate::api::WireEnum::wire_str(self)
            }
        }
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::std::convert::AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
        impl $crate::wire::ToWire for $ty {
            fn to_wire(&self) -> $crate::wire::Wire {
                $crate::wire::Wire::Str(self.as_str().to_string())
            }
        }
        impl $crate::wire::FromWire for $ty {
            fn from_wire(w: &$crate::wire::Wire) -> ::std::result::Result<Self, $crate::wire::WireError> {
                $crate::api::enum_from_wire(w)
            }
        }
        impl $crate::api::__private_serde::Serialize for $ty {
            fn serialize<S: $crate::api::__private_serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

/// The error-code enum of a generated API and its error table: `__error_codes!(<enum
/// definition with "CODE" => (Handling, "meaning", "solution") per variant>)`, with unknown
/// codes kept in `Other`.
#[doc(hidden)]
#[macro_export]
macro_rules! __error_codes {
    ($(#[$m:meta])* $vis:vis enum $ty:ident { $($(#[$vm:meta])* $v:ident = $s:literal => ($h:ident, $meaning:literal, $solution:literal)),* $(,)? }) => {
        $crate::__wire_enum!(open $(#[$m])* $vis enum $ty { $($(#[$vm])* $v = $s),* });
        impl $ty {
            const INFO: &'static [$crate::api::ErrorInfo] = &[$($crate::api::ErrorInfo {
                meaning: $meaning,
                solution: $solution,
                handling: $crate::api::Handling::$h,
            }),*];

            /// The code of a `sub_code`.
            pub fn from_sub_code(code: &str) -> Self {
                $ty::from(code)
            }

            /// The business error code of an error from this API, if it is one.
            pub fn of(error: &$crate::Error) -> ::std::option::Option<Self> {
                match error {
                    $crate::Error::Business(e) => e.sub_code.as_deref().map(Self::from_sub_code),
                    _ => ::std::option::Option::None,
                }
            }

            /// What the API's error table says about this code (`None` for codes it does not list).
            pub fn info(&self) -> ::std::option::Option<&'static $crate::api::ErrorInfo> {
                $crate::api::WireEnum::index(self).and_then(|i| Self::INFO.get(i))
            }

            /// What the code means (the doc's text).
            pub fn meaning(&self) -> ::std::option::Option<&'static str> {
                self.info().map(|i| i.meaning)
            }

            /// The documented solution.
            pub fn solution(&self) -> ::std::option::Option<&'static str> {
                self.info().map(|i| i.solution)
            }

            /// How to handle it.
            pub fn handling(&self) -> ::std::option::Option<$crate::api::Handling> {
                self.info().map(|i| i.handling)
            }
        }
    };
}

/// The typestate markers of a generated builder: one unit struct per wire field, each unset
/// ([`typestate::IsUnset`]) until its setter replaces it with [`typestate::Set`].
#[doc(hidden)]
#[macro_export]
macro_rules! __markers {
    ($message:literal; $($field:ident),* $(,)?) => {
        $(
            pub struct $field;
            #[diagnostic::do_not_recommend]
            impl $crate::api::typestate::IsUnset for $field {}
        )*
        /// Every slot unset: the state of a new builder.
        #[doc(hidden)]
        pub const START: ($($field,)*) = ($($field,)*);
        /// Required by `build()` for every required field; the message names the object.
        #[diagnostic::on_unimplemented(
            message = $message,
            label = "this request is missing a required field",
            note = "call the setter named after the field before `build()`"
        )]
        pub trait Required<T>: $crate::api::typestate::IsSet<T> {}
        #[diagnostic::do_not_recommend]
        impl<F, T> Required<T> for $crate::api::typestate::Set<F, T> {}
    };
}

/// The wire conversions of a generated struct from its field table:
/// `__wire_struct!(Name { field = "wire_name", amount = "amount" as 0, ... })` (an amount
/// with `as N` is sent with N decimals) implements `ToWire` (empty optionals omitted) and
/// `FromWire`; `__wire_struct!(read Name { ... })` implements a lenient `FromWire` that keeps
/// unknown members in the struct's `unknown` field.
#[doc(hidden)]
#[macro_export]
macro_rules! __wire_struct {
    ($ty:ident { $($f:ident = $name:literal $(as $scale:literal)?),* $(,)? }) => {
        impl $crate::wire::ToWire for $ty {
            fn to_wire(&self) -> $crate::wire::Wire {
                let mut o = $crate::wire::WireObject::default();
                $( o.put($name, &$crate::__wire_struct!(@value self.$f $(, $scale)?)); )*
                $crate::wire::Wire::Object(o)
            }
        }
        impl $crate::wire::FromWire for $ty {
            fn from_wire(w: &$crate::wire::Wire) -> ::std::result::Result<Self, $crate::wire::WireError> {
                let o = w.object()?;
                ::std::result::Result::Ok($ty { $($f: o.field($name)?,)* })
            }
        }
    };
    (read $ty:ident { $($f:ident = $name:literal),* $(,)? }) => {
        impl $crate::wire::FromWire for $ty {
            fn from_wire(w: &$crate::wire::Wire) -> ::std::result::Result<Self, $crate::wire::WireError> {
                let mut o = $crate::wire::Reader::new(w)?;
                ::std::result::Result::Ok($ty { $($f: o.take($name)?,)* unknown: o.rest() })
            }
        }
    };
    (@value $v:expr) => { $v };
    (@value $v:expr, $scale:literal) => { $crate::api::Scaled::of(&$v, $scale) };
}

/// The typed view of a verified notification, from the notify struct's field table:
/// `__notify_struct!(Name, TypeEnum { field = "wire_name", ... })`. Each value is read into the
/// type of its struct field (see [`crate::notify::FromNotification`]).
#[doc(hidden)]
#[macro_export]
macro_rules! __notify_struct {
    ($ty:ident, $types:ident { $($f:ident = $name:literal),* $(,)? }) => {
        impl $ty {
            /// The typed view of a notification whose signature verified; an error names the
            /// first parameter whose value does not fit its type.
            pub fn from_notification(
                n: &$crate::notify::Notification,
            ) -> ::std::result::Result<Self, $crate::notify::NotifyParseError> {
                let get = |k: &str| n.get(k).map(::std::string::ToString::to_string);
                ::std::result::Result::Ok($ty {
                    notify_type: n.get("notify_type").map($types::from),
                    notify_id: get("notify_id"),
                    notify_time: $crate::notify::__notify_field(n, "notify_time")?,
                    app_id: get("app_id"),
                    $($f: $crate::notify::__notify_field(n, $name)?,)*
                })
            }
        }
        impl $crate::notify::FromNotification for $ty {
            fn from_notification(
                n: &$crate::notify::Notification,
            ) -> ::std::result::Result<Self, $crate::notify::NotifyParseError> {
                $ty::from_notification(n)
            }
        }
    };
}

/// An amount (or an optional one) to be sent with a spec's scale (see [`crate::wire::Scaled`]).
#[doc(hidden)]
pub trait Scaled {
    /// The value as sent.
    fn of(&self, scale: u8) -> Wire;
}

impl Scaled for crate::Amount {
    fn of(&self, scale: u8) -> Wire {
        crate::wire::Scaled(*self, scale).to_wire()
    }
}

impl Scaled for Option<crate::Amount> {
    fn of(&self, scale: u8) -> Wire {
        self.map(|a| crate::wire::Scaled(a, scale).to_wire())
            .unwrap_or(Wire::Null)
    }
}

#[doc(hidden)]
pub use serde as __private_serde;

/// The variant of a wire value: a JSON string (or a number's text) that the enum knows, or keeps.
#[doc(hidden)]
pub fn enum_from_wire<E: WireEnum>(w: &Wire) -> Result<E, WireError> {
    let text = match w {
        Wire::Str(s) => s.as_str(),
        Wire::Number(n) => n.as_str(),
        Wire::Null => {
            return Err(WireError {
                path: String::new(),
                message: "missing".into(),
            });
        }
        other => {
            return Err(WireError {
                path: String::new(),
                message: format!("must be a JSON string, got {other}"),
            });
        }
    };
    E::from_wire_str(text).ok_or_else(|| WireError {
        path: String::new(),
        message: UnknownValue {
            value: text.to_string(),
            expected: E::VALUES,
        }
        .to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the macro generates, written by hand for one small API.
    struct Query {
        auth_no: String,
    }

    #[derive(Debug, PartialEq)]
    struct QueryResponse {
        status: Option<String>,
    }

    impl FromWire for QueryResponse {
        fn from_wire(w: &Wire) -> Result<Self, WireError> {
            Ok(QueryResponse {
                status: w.object()?.field("status")?,
            })
        }
    }

    impl ToWire for Query {
        fn to_wire(&self) -> Wire {
            let mut o = crate::wire::WireObject::default();
            o.put("auth_no", &self.auth_no);
            o.into()
        }
    }

    impl Api for Query {
        const METHOD: &'static str = "alipay.fund.coupon.operation.query";
        const MODE: Mode = Mode::Execute;
        const RESPONSE_NODE: &'static str = "alipay_fund_coupon_operation_query_response";
        const NOTIFY_URL: bool = false;
        const RETURN_URL: bool = false;
        const RULES: &'static ObjectRules = &ObjectRules::new(Self::METHOD, &[]);
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
            "invalid request: auth_no|out_order_no: one_of (at least 1 of 2 must be non-empty)"
        );
    }

    #[test]
    fn responses_parse_into_the_api_type() {
        let r = parse_response::<Query>(r#"{"code":"10000","msg":"Success","status":"SUCCESS"}"#)
            .unwrap();
        assert_eq!(r.status.as_deref(), Some("SUCCESS"));
        // Ids and texts may arrive as numbers; an array is not a text.
        assert!(parse_response::<Query>(r#"{"status":5}"#).is_ok());
        assert!(parse_response::<Query>(r#"{"status":[5]}"#).is_err());
    }
}
