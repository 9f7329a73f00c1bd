//! The typed model of a checked spec (schema `alipay-spec/2`).
//!
//! Every value here has passed both phases of [`parse_spec`](crate::parse_spec): names are
//! unique per section, one-of groups and their members agree, ranges are ordered, patterns
//! compile. A generator can therefore use the model without re-validating it.

use std::fmt;

use crate::grammar::Yuan;

/// The schema identifier every spec file starts with (`schema = "alipay-spec/2"`).
pub const SCHEMA: &str = "alipay-spec/2";

/// A 1-based position in a spec file: the line, and the column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Location {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, in characters (not bytes) from the start of the line.
    pub col: u32,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// One Alipay OpenAPI, as declared by `specs/<method>.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiSpec {
    /// The API method, e.g. `alipay.fund.coupon.order.disburse` (equals the file name).
    pub method: String,
    /// The Chinese title from the doc page, e.g. `红包打款接口`.
    pub name_zh: String,
    /// One line in English saying what the API does.
    pub summary: String,
    /// Link to the official doc page, when known.
    pub doc_url: Option<String>,
    /// How the API is called (server call, app order string or browser form/URL).
    pub execution: Execution,
    /// Whether the public `notify_url` parameter applies.
    pub notify_url: bool,
    /// Whether the public `return_url` parameter applies.
    pub return_url: bool,
    /// Where the `[[request]]` fields travel (`params = ...`; `biz_content` when not given).
    pub params: ParamsIn,
    /// JSON key of the business reply: the method with `.` → `_`, plus `_response`.
    pub response_node: String,
    /// How complete the sources were (free text).
    pub completeness: String,
    /// Source ids the spec is built from (`S0`, `JAVA`, `ALY-711128`, ...).
    pub sources: Vec<String>,
    /// Business request fields, in the doc table's order (carried as [`ApiSpec::params`] says).
    pub request: Vec<Field>,
    /// Fields found in SDK models but not in the doc table (documentation only).
    pub request_sdk_only: Vec<Field>,
    /// "特殊可选" groups of the top-level request fields: at least `min` of the fields must be
    /// non-empty. Groups of an inline object are in its [`ObjectDef`].
    pub one_of: Vec<OneOfGroup>,
    /// Other cross-field rules, documented but not expressed by the type system.
    pub rules: Vec<Rule>,
    /// Business fields of the reply (all optional when parsed: error replies carry none).
    pub response: Vec<Field>,
    /// The API's business error codes (`sub_code`), at most one entry per code.
    pub errors: Vec<ErrorCode>,
    /// The asynchronous notification, when the spec has a `[notify]` table.
    pub notify: Option<Notify>,
    /// The file name the spec was parsed from, as given to [`parse_spec`](crate::parse_spec).
    pub file: String,
}

impl ApiSpec {
    /// The `[[request]]` field with this wire name.
    pub fn request_field(&self, name: &str) -> Option<&Field> {
        self.request.iter().find(|f| f.name == name)
    }

    /// The `[[response]]` field with this wire name.
    pub fn response_field(&self, name: &str) -> Option<&Field> {
        self.response.iter().find(|f| f.name == name)
    }

    /// The one-of group with this id.
    pub fn one_of_group(&self, id: &str) -> Option<&OneOfGroup> {
        self.one_of.iter().find(|g| g.id == id)
    }

    /// The error entry for this `sub_code`.
    pub fn error(&self, code: &str) -> Option<&ErrorCode> {
        self.errors.iter().find(|e| e.code == code)
    }
}

/// Where an API's business request parameters travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ParamsIn {
    /// As one JSON object in the `biz_content` form field (almost every API).
    #[default]
    BizContent,
    /// As top-level form fields next to the public parameters (`alipay.system.oauth.token`):
    /// strings as they are, numbers and booleans as their JSON text, objects and arrays as
    /// JSON text.
    TopLevel,
    /// Nowhere: the API has no business parameters, only public ones such as `auth_token`
    /// (`alipay.user.info.share`). `[[request]]` must then be empty.
    None,
}

impl ParamsIn {
    /// Every location, in schema order.
    pub const ALL: [ParamsIn; 3] = [ParamsIn::BizContent, ParamsIn::TopLevel, ParamsIn::None];

    /// The spelling used in spec files (`"biz_content"`, `"top_level"`, `"none"`).
    pub fn as_str(self) -> &'static str {
        match self {
            ParamsIn::BizContent => "biz_content",
            ParamsIn::TopLevel => "top_level",
            ParamsIn::None => "none",
        }
    }
}

/// How an API is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Execution {
    /// `execute`: HTTPS POST to the gateway, verify and parse the JSON reply.
    #[default]
    Execute,
    /// `sdk_execute`: build a signed, URL-encoded `k=v&…` order string for the Alipay app SDK.
    SdkExecute,
    /// `page_execute`: build a signed auto-submit form (POST) or URL (GET) for the browser.
    PageExecute,
}

impl Execution {
    /// Every execution mode, in schema order.
    pub const ALL: [Execution; 3] = [
        Execution::Execute,
        Execution::SdkExecute,
        Execution::PageExecute,
    ];

    /// The spelling used in spec files (`"execute"`, `"sdk_execute"`, `"page_execute"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Execution::Execute => "execute",
            Execution::SdkExecute => "sdk_execute",
            Execution::PageExecute => "page_execute",
        }
    }
}

/// One field of a request, response or notification.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Wire name (the JSON key or form field).
    pub name: String,
    /// The value type, which decides the checks that apply.
    pub ty: FieldType,
    /// Whether the field must be given.
    pub required: Required,
    /// For `required = "conditional"`: the condition, on a sibling field, under which the
    /// client requires the field (`required_if = { field = "identity_type", equals = "ALIPAY_LOGON_ID" }`).
    /// `None` when the condition is one the client cannot check.
    pub required_if: Option<Condition>,
    /// Maximum length and its unit (of each item, for an array).
    pub max_len: Option<MaxLen>,
    /// A regex the value must match (Rust `regex` syntax, anchored by the author).
    pub pattern: Option<String>,
    /// Allowed range (amount, pay_timeout and integer fields; of each item, for an array).
    pub range: Option<Range>,
    /// Ranges that replace [`Field::range`] while a sibling field has a given value, in file
    /// order; the first whose condition holds applies.
    pub range_if: Vec<RangeIf>,
    /// Value sets that replace [`Field::values`] while a sibling field has a given value, in
    /// file order; the first whose condition holds applies (enum fields only).
    pub values_if: Vec<ValuesIf>,
    /// For an array: at most this many items.
    pub max_items: Option<u32>,
    /// For a pay_timeout: whether `1c` ("closes at midnight today") is accepted.
    pub allow_1c: bool,
    /// The server-side default when the field is absent (documentation only: never sent).
    pub default: Option<String>,
    /// The closed set of an `enum` field (empty for every other type).
    pub values: Vec<String>,
    /// Format of a datetime (`yyyy-MM-dd HH:mm:ss`) or of voucher.send's amount (`#.00`).
    pub format: Option<String>,
    /// The doc text, verbatim (zh).
    pub doc: Option<String>,
    /// Our remarks (en).
    pub note: Option<String>,
    /// An example value (always a string).
    pub example: Option<String>,
    /// Where the attributes come from.
    pub source: Option<String>,
    /// Attribute names no source states (e.g. `["required", "max_len"]`).
    pub inferred: Vec<String>,
    /// Where the field's `name` value is in the spec file.
    pub location: Location,
}

impl Field {
    /// `true` when the field must always be given (`required = "yes"`).
    ///
    /// Members of a one-of group and conditionally required fields are not: the first is
    /// checked by the group, the second cannot be checked by the client.
    pub fn is_required(&self) -> bool {
        self.required == Required::Yes
    }

    /// The one-of group this field belongs to, if any.
    pub fn one_of_group(&self) -> Option<&str> {
        match &self.required {
            Required::OneOf(id) => Some(id),
            _ => None,
        }
    }
}

/// The value type of a field.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldType {
    /// A scalar type.
    Scalar(Scalar),
    /// An object declared inline (`type = "object"` with `[[<section>.fields]]` below it).
    Object(Box<ObjectDef>),
    /// A shared type declared once in `_types.toml` (`type = "GoodsDetail"`).
    Named(String),
    /// An array (`type = "array"`) of items of the given type (`items = ...`); the field's
    /// `max_len`, `pattern`, `range`, `values` apply to each item, `max_items` to the array.
    /// Items are never arrays themselves.
    Array(Box<FieldType>),
}

impl FieldType {
    /// The spelling used in spec files (`"string"`, `"object"`, `"array"`, or the shared type's name).
    pub fn as_str(&self) -> &str {
        match self {
            FieldType::Scalar(s) => s.as_str(),
            FieldType::Object(_) => "object",
            FieldType::Named(n) => n,
            FieldType::Array(_) => "array",
        }
    }

    /// The scalar type, if this is one.
    pub fn scalar(&self) -> Option<Scalar> {
        match self {
            FieldType::Scalar(s) => Some(*s),
            _ => None,
        }
    }

    /// The type of one item for an array, the type itself otherwise.
    pub fn item(&self) -> &FieldType {
        match self {
            FieldType::Array(item) => item,
            t => t,
        }
    }
}

/// A scalar value type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scalar {
    /// Text; checked by `max_len` and `pattern`.
    String,
    /// RMB yuan as a decimal; checked by `range` (min, max, scale). Sent as a JSON string.
    Amount,
    /// A whole number (`i64`), sent as a JSON number; checked by `range` and `max_len` (digits).
    Integer,
    /// A decimal number, kept exactly as written and sent as a JSON number (never a float).
    Number,
    /// `true` / `false`.
    Boolean,
    /// A calendar date `yyyy-MM-dd`.
    Date,
    /// A month `yyyy-MM`.
    Month,
    /// A date and time `yyyy-MM-dd HH:mm:ss` (Beijing time).
    Datetime,
    /// A relative timeout `<integer><m|h|d>` (and `1c` when `allow_1c`); checked by `range`
    /// (in minutes) and `max_len`.
    PayTimeout,
    /// An Alipay user id: 16 ASCII digits starting with `2088`.
    UserId,
    /// A string holding JSON text (sent double-encoded inside `biz_content`).
    Json,
    /// One of the field's `values`.
    Enum,
}

impl Scalar {
    /// Every scalar type, in schema order.
    pub const ALL: [Scalar; 12] = [
        Scalar::String,
        Scalar::Amount,
        Scalar::Integer,
        Scalar::Number,
        Scalar::Boolean,
        Scalar::Date,
        Scalar::Month,
        Scalar::Datetime,
        Scalar::PayTimeout,
        Scalar::UserId,
        Scalar::Json,
        Scalar::Enum,
    ];

    /// The spelling used in spec files (`"string"`, `"amount"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Scalar::String => "string",
            Scalar::Amount => "amount",
            Scalar::Integer => "integer",
            Scalar::Number => "number",
            Scalar::Boolean => "boolean",
            Scalar::Date => "date",
            Scalar::Month => "month",
            Scalar::Datetime => "datetime",
            Scalar::PayTimeout => "pay_timeout",
            Scalar::UserId => "user_id",
            Scalar::Json => "json",
            Scalar::Enum => "enum",
        }
    }
}

/// The members of an object: an inline `type = "object"` field, or a shared `[[type]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectDef {
    /// The fields, in file order.
    pub fields: Vec<Field>,
    /// One-of groups among these fields.
    pub one_of: Vec<OneOfGroup>,
}

impl ObjectDef {
    /// The field with this wire name.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The one-of group with this id.
    pub fn one_of_group(&self, id: &str) -> Option<&OneOfGroup> {
        self.one_of.iter().find(|g| g.id == id)
    }
}

/// "While sibling field `field` has one of the values `equals`".
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Condition {
    /// Wire name of a sibling field (same object) of type enum or string.
    pub field: String,
    /// The values that make the condition hold (at least one).
    pub equals: Vec<String>,
    /// Where the condition is in the spec file.
    pub location: Location,
}

/// A range that applies while a condition holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RangeIf {
    /// When.
    pub when: Condition,
    /// The range then.
    pub range: Range,
}

/// A value set that applies while a condition holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ValuesIf {
    /// When.
    pub when: Condition,
    /// The allowed values then (a subset of the field's `values`).
    pub values: Vec<String>,
}

/// Which side of the API a shared type is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Side {
    /// Sent: a struct with typed required fields, a builder and validation.
    #[default]
    Request,
    /// Received: every field optional, unknown members kept.
    Response,
}

impl Side {
    /// The spelling used in spec files (`"request"`, `"response"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Request => "request",
            Side::Response => "response",
        }
    }
}

/// A shared named type (`[[type]]` of `_types.toml`), referenced by many APIs.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedType {
    /// The type name, PascalCase (`GoodsDetail`); also the generated Rust type's name.
    pub name: String,
    /// Which side it is used on.
    pub side: Side,
    /// What the type is (zh or en).
    pub doc: Option<String>,
    /// Where the attributes come from.
    pub source: Option<String>,
    /// The members.
    pub def: ObjectDef,
    /// Where the type's `name` value is in its file.
    pub location: Location,
}

/// The shared types of a spec directory (`_types.toml`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TypesSpec {
    /// The types, in file order.
    pub types: Vec<NamedType>,
    /// The file name the types were parsed from.
    pub file: String,
}

impl TypesSpec {
    /// The type with this name.
    pub fn get(&self, name: &str) -> Option<&NamedType> {
        self.types.iter().find(|t| t.name == name)
    }
}

/// Whether a field must be given.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Required {
    /// Always required (必须 / 必选).
    Yes,
    /// Optional (可选).
    #[default]
    No,
    /// Member of the `[[one_of]]` group with this id (特殊可选).
    OneOf(String),
    /// Required only under a condition: [`Field::required_if`] when the client can check it,
    /// otherwise a condition the client cannot check (documented only).
    Conditional,
}

impl Required {
    /// The spelling used in spec files (`"yes"`, `"no"`, `"one_of"`, `"conditional"`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Required::Yes => "yes",
            Required::No => "no",
            Required::OneOf(_) => "one_of",
            Required::Conditional => "conditional",
        }
    }
}

/// A maximum length with its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MaxLen {
    /// The maximum (at least 1).
    pub value: u32,
    /// What is counted.
    pub unit: LenUnit,
}

/// The unit of a maximum length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LenUnit {
    /// Unicode scalar values.
    Char,
    /// Bytes of the GB18030 encoding (ASCII 1, GBK CJK 2): "100 个字母或 50 个汉字".
    GbkByte,
}

impl LenUnit {
    /// The spelling used in spec files (`"char"`, `"gbk_byte"`).
    pub fn as_str(self) -> &'static str {
        match self {
            LenUnit::Char => "char",
            LenUnit::GbkByte => "gbk_byte",
        }
    }
}

/// The allowed range of an amount, pay_timeout or integer field (both ends inclusive).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Range {
    /// An integer range (`range = { min = 1, max = 99 }`, TOML integers).
    Integer {
        /// Smallest allowed value.
        min: i64,
        /// Largest allowed value.
        max: i64,
    },
    /// An amount range, in fen (1 yuan = 100 fen).
    Amount {
        /// Smallest allowed amount, in fen.
        min_fen: u64,
        /// Largest allowed amount, in fen.
        max_fen: u64,
        /// Maximum number of decimals (0..=2).
        scale: u8,
    },
    /// A pay_timeout range, compared in minutes.
    PayTimeout {
        /// Smallest allowed timeout, in minutes.
        min_minutes: u32,
        /// Largest allowed timeout, in minutes.
        max_minutes: u32,
        /// The minimum as written in the spec (e.g. `"1m"`), for messages.
        min: String,
        /// The maximum as written in the spec (e.g. `"7d"`), for messages.
        max: String,
    },
}

/// As people write it: `[0.01, 100000000.00]` (amounts in yuan), `1m~7d`, `[1, 99]`.
impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Range::Amount {
                min_fen, max_fen, ..
            } => write!(
                f,
                "[{}, {}]",
                Yuan(u128::from(*min_fen)),
                Yuan(u128::from(*max_fen))
            ),
            Range::PayTimeout { min, max, .. } => write!(f, "{min}~{max}"),
            Range::Integer { min, max } => write!(f, "[{min}, {max}]"),
        }
    }
}

/// A "特殊可选" group: at least `min` of `fields` must be non-empty.
#[derive(Debug, Clone, PartialEq)]
pub struct OneOfGroup {
    /// The group id, named by each member's `one_of` key.
    pub id: String,
    /// Member wire names (all fields of the same object).
    pub fields: Vec<String>,
    /// At least this many members must be non-empty (1..=fields.len()).
    pub min: u32,
    /// A permutation of `fields`: when several are given, the first non-empty one wins.
    pub precedence: Vec<String>,
    /// `false` when the client cannot check the rule: documented, never rejected.
    pub enforce: bool,
    /// When the rule applies (English), if it does not always.
    pub condition: Option<String>,
    /// The doc text, verbatim (zh).
    pub doc: Option<String>,
    /// Where the rule comes from.
    pub source: Option<String>,
    /// Attribute names no source states (e.g. `["min", "precedence"]`).
    pub inferred: Vec<String>,
    /// Where the group's `id` value is in the spec file.
    pub location: Location,
}

/// Another cross-field rule the type system does not express.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// The rule id.
    pub id: String,
    /// Whether it is conditional or advisory.
    pub kind: RuleKind,
    /// What the rule says (English, may quote zh).
    pub doc: String,
    /// Where the rule comes from.
    pub source: Option<String>,
    /// Where the rule's `id` value is in the spec file.
    pub location: Location,
}

/// The kind of a [`Rule`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleKind {
    /// Holds only under a condition the client cannot see.
    Conditional,
    /// A recommendation; never rejected.
    Advisory,
}

impl RuleKind {
    /// The spelling used in spec files (`"conditional"`, `"advisory"`).
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Conditional => "conditional",
            RuleKind::Advisory => "advisory",
        }
    }
}

/// One business error code (`sub_code`) of an API.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorCode {
    /// The `sub_code`, e.g. `MONEY_NOT_ENOUGH`.
    pub code: String,
    /// 错误描述, verbatim.
    pub msg: String,
    /// 解决方案, verbatim.
    pub solution: String,
    /// What a caller should do.
    pub handling: Handling,
    /// Our remark.
    pub note: Option<String>,
    /// Where the entry comes from.
    pub source: Option<String>,
    /// Where the entry's `code` value is in the spec file.
    pub location: Location,
}

/// What a caller should do about a business error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Handling {
    /// Repeat the call with identical parameters (the API is idempotent).
    RetrySame,
    /// Query the order or operation first, then decide.
    QueryThenDecide,
    /// The request is wrong: fix it.
    FixRequest,
    /// Start over with a new `out_order_no`.
    NewOutOrderNo,
    /// Retry with a new `out_request_no`.
    NewOutRequestNo,
    /// The payer or payee must act.
    UserAction,
    /// The product is not signed or the contract expired.
    MerchantContract,
}

impl Handling {
    /// Every handling, in schema order.
    pub const ALL: [Handling; 7] = [
        Handling::RetrySame,
        Handling::QueryThenDecide,
        Handling::FixRequest,
        Handling::NewOutOrderNo,
        Handling::NewOutRequestNo,
        Handling::UserAction,
        Handling::MerchantContract,
    ];

    /// The spelling used in spec files (`"retry_same"`, `"query_then_decide"`, ...).
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

/// The asynchronous notification of an API.
#[derive(Debug, Clone, PartialEq)]
pub struct Notify {
    /// `false` when no source documents the notification (then `note` says what is known).
    pub documented: bool,
    /// Our remark.
    pub note: Option<String>,
    /// Where the description comes from.
    pub source: Option<String>,
    /// The notify types (`notify_type` values).
    pub types: Vec<NotifyType>,
    /// The business fields of the notification (all optional when parsed).
    pub fields: Vec<Field>,
}

/// One `notify_type` value.
#[derive(Debug, Clone, PartialEq)]
pub struct NotifyType {
    /// The `notify_type` value, e.g. `fund_auth_pay`.
    pub name: String,
    /// The doc text (zh).
    pub doc: Option<String>,
    /// Whether the type is sent without the merchant subscribing to it.
    pub default_on: bool,
}

/// The shared part of every API (`specs/_common.toml`): public parameters and result codes.
#[derive(Debug, Clone, PartialEq)]
pub struct CommonSpec {
    /// Public request parameters (sent as form fields next to `biz_content`).
    pub public_request: Vec<Field>,
    /// Public response parameters (`code`, `msg`, `sub_code`, `sub_msg`, `sign`).
    pub public_response: Vec<Field>,
    /// Gateway result codes (`code`) and how to handle them.
    pub result_codes: Vec<ResultCode>,
    /// The file name the spec was parsed from.
    pub file: String,
}

/// One gateway result code (`10000`, `40004`, ...).
#[derive(Debug, Clone, PartialEq)]
pub struct ResultCode {
    /// The `code`, e.g. `40004`.
    pub code: String,
    /// What it means.
    pub meaning: String,
    /// What a caller should do.
    pub handling: ResultHandling,
    /// Where the entry comes from.
    pub source: Option<String>,
    /// Where the entry's `code` value is in the spec file.
    pub location: Location,
}

/// What a caller should do about a gateway result code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResultHandling {
    /// The call succeeded.
    Success,
    /// Unknown outcome: retry the same request or query.
    RetrySameOrQuery,
    /// The request is wrong: fix it.
    FixRequest,
    /// Credentials are invalid or expired.
    FixCredentials,
    /// Business failure: look at the API's `sub_code`.
    PerSubCode,
    /// Permissions or contract missing.
    MerchantContract,
}

impl ResultHandling {
    /// The spelling used in spec files (`"success"`, `"retry_same_or_query"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ResultHandling::Success => "success",
            ResultHandling::RetrySameOrQuery => "retry_same_or_query",
            ResultHandling::FixRequest => "fix_request",
            ResultHandling::FixCredentials => "fix_credentials",
            ResultHandling::PerSubCode => "per_sub_code",
            ResultHandling::MerchantContract => "merchant_contract",
        }
    }
}
