//! Spec language v2: one test per new kind of mistake, each asserting the exact
//! `file:line:col: message` output.
//!
//! Spec texts are `HEADER` (lines 1-10, a valid top level) followed by a body starting at
//! line 11; they are checked against the shared types of `TYPES`.

use alipay_spec::{TypesSpec, parse_common, parse_spec_with, parse_types};

const FILE: &str = "specs/alipay.demo.pay.toml";
const TYPES_FILE: &str = "specs/_types.toml";

const HEADER: &str = r#"schema = "alipay-spec/2"
method = "alipay.demo.pay"
name_zh = "演示支付"
summary = "A demo."
execution = "execute"
notify_url = true
return_url = false
response_node = "alipay_demo_pay_response"
completeness = "complete"
sources = ["S0"]
"#;

const TYPES: &str = r#"schema = "alipay-spec/2"

[[type]]
name = "GoodsDetail"

[[type.fields]]
name = "goods_id"
type = "string"
required = "yes"

[[type]]
name = "VoucherDetail"
side = "response"

[[type.fields]]
name = "id"
type = "string"
required = "no"
"#;

fn types() -> TypesSpec {
    parse_types(TYPES_FILE, TYPES).unwrap_or_else(|e| panic!("{e:?}"))
}

fn shown(errors: &[alipay_spec::SpecError]) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

/// The errors for `HEADER + body`, displayed.
fn errors(body: &str) -> Vec<String> {
    errors_of(&format!("{HEADER}{body}"))
}

fn errors_of(text: &str) -> Vec<String> {
    match parse_spec_with(FILE, text, &types()) {
        Ok(spec) => panic!("expected errors, got {spec:#?}"),
        Err(errors) => shown(&errors),
    }
}

fn ok(body: &str) -> alipay_spec::ApiSpec {
    match parse_spec_with(FILE, &format!("{HEADER}{body}"), &types()) {
        Ok(spec) => spec,
        Err(errors) => panic!("unexpected errors:\n{}", shown(&errors).join("\n")),
    }
}

/// The errors of a `_types.toml` text.
fn type_errors(text: &str) -> Vec<String> {
    match parse_types(TYPES_FILE, text) {
        Ok(types) => panic!("expected errors, got {types:#?}"),
        Err(errors) => shown(&errors),
    }
}

const BUILTINS: &str = "string, amount, integer, number, boolean, date, month, datetime, pay_timeout, user_id, json, enum, object";

// ---- schema, params -----------------------------------------------------------------------

#[test]
fn schema_1_is_refused() {
    let text = HEADER.replace("alipay-spec/2", "alipay-spec/1");
    assert_eq!(
        errors_of(&text),
        [
            "specs/alipay.demo.pay.toml:1:10: schema \"alipay-spec/1\" is no longer supported: use \"alipay-spec/2\""
        ]
    );
}

#[test]
fn params_none_with_request_fields() {
    let text = HEADER.replace(
        "return_url = false\n",
        "return_url = false\nparams = \"none\"\n",
    );
    let body = r#"
[[request]]
name = "auth_token"
type = "string"
required = "yes"

[[request]]
name = "scope"
type = "string"
required = "no"
"#;
    assert_eq!(
        errors_of(&format!("{text}{body}")),
        [
            "specs/alipay.demo.pay.toml:13:1: [[request]] is not allowed with params = \"none\" (the API has no business parameters: remove the [[request]] tables, or set params = \"biz_content\" or \"top_level\")"
        ]
    );
}

#[test]
fn unknown_params() {
    let text = HEADER.replace(
        "return_url = false\n",
        "return_url = false\nparams = \"form\"\n",
    );
    assert_eq!(
        errors_of(&text),
        [
            "specs/alipay.demo.pay.toml:8:10: unknown params \"form\" (expected one of: biz_content, top_level, none)"
        ]
    );
}

// ---- types --------------------------------------------------------------------------------

#[test]
fn unknown_type_name_lists_builtins_and_shared_types() {
    let body = r#"
[[request]]
name = "goods"
type = "GoodDetail"
required = "no"
"#;
    assert_eq!(
        errors(body),
        [format!(
            "specs/alipay.demo.pay.toml:14:8: unknown type \"GoodDetail\" (expected a builtin: {BUILTINS}, array; or a shared type: GoodsDetail, VoucherDetail)"
        )]
    );
}

#[test]
fn array_without_items_and_items_on_a_non_array() {
    let body = r#"
[[request]]
name = "goods"
type = "array"
required = "no"

[[request]]
name = "memo"
type = "string"
items = "string"
required = "no"
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:14:8: type \"array\" needs items (expected items = \"<type>\": a scalar type, \"object\" or a shared type)",
            "specs/alipay.demo.pay.toml:20:9: items is only allowed on array fields (this field is type \"string\")",
        ]
    );
}

#[test]
fn unknown_items_type() {
    let body = r#"
[[request]]
name = "goods"
type = "array"
items = "Goods"
required = "no"
"#;
    assert_eq!(
        errors(body),
        [format!(
            "specs/alipay.demo.pay.toml:15:9: unknown items type \"Goods\" (expected a builtin: {BUILTINS}; or a shared type: GoodsDetail, VoucherDetail)"
        )]
    );
}

#[test]
fn array_of_arrays() {
    let body = r#"
[[request]]
name = "matrix"
type = "array"
items = "array"
required = "no"
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:15:9: items = \"array\" is not allowed (arrays of arrays are not supported: make the items an object with an array field)"
        ]
    );
}

#[test]
fn fields_on_a_non_object() {
    let body = r#"
[[request]]
name = "memo"
type = "string"
required = "no"

[[request.fields]]
name = "x"
type = "string"
required = "no"

[[request.one_of_groups]]
id = "g"
fields = ["x", "y"]
min = 1
precedence = ["x", "y"]

[[request]]
name = "goods"
type = "array"
items = "GoodsDetail"
required = "no"
fields = [{ name = "x", type = "string", required = "no" }]
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:17:1: fields is only allowed on object fields and arrays of objects (this field is type \"string\")",
            "specs/alipay.demo.pay.toml:22:1: one_of_groups is only allowed on object fields and arrays of objects (this field is type \"string\")",
            "specs/alipay.demo.pay.toml:33:10: fields is only allowed on object fields and arrays of objects (this field's items are type \"GoodsDetail\")",
        ]
    );
}

#[test]
fn empty_objects() {
    let body = r#"
[[request]]
name = "extend_params"
type = "object"
required = "no"

[[request]]
name = "goods"
type = "array"
items = "object"
required = "no"
fields = []
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:14:8: object \"extend_params\" has no fields (expected at least one [[request.fields]] table)",
            "specs/alipay.demo.pay.toml:20:9: object \"goods\" has no fields (expected at least one [[request.fields]] table)",
        ]
    );
}

#[test]
fn scalar_keys_on_objects() {
    let body = r#"
[[request]]
name = "goods"
type = "GoodsDetail"
required = "no"
max_len = 10
len_unit = "char"
pattern = "^x$"
range = { min = "1", max = "2" }
values = ["A"]
format = "json"
allow_1c = true
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:16:11: max_len is only allowed on scalar fields and arrays of scalars (this field is type \"GoodsDetail\")",
            "specs/alipay.demo.pay.toml:18:11: pattern is only allowed on scalar fields and arrays of scalars (this field is type \"GoodsDetail\")",
            "specs/alipay.demo.pay.toml:19:9: range is only allowed on amount, pay_timeout and integer fields (this field is type \"GoodsDetail\")",
            "specs/alipay.demo.pay.toml:20:10: values is only allowed on enum fields (this field is type \"GoodsDetail\")",
            "specs/alipay.demo.pay.toml:21:10: format is only allowed on scalar fields and arrays of scalars (this field is type \"GoodsDetail\")",
            "specs/alipay.demo.pay.toml:22:12: allow_1c is only allowed on pay_timeout fields and arrays of them (this field is type \"GoodsDetail\")",
        ]
    );
}

#[test]
fn max_items_on_a_non_array() {
    let body = r#"
[[request]]
name = "memo"
type = "string"
required = "no"
max_items = 5

[[request]]
name = "tags"
type = "array"
items = "string"
required = "no"
max_items = 0
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:16:13: max_items is only allowed on array fields (this field is type \"string\")",
            "specs/alipay.demo.pay.toml:23:13: max_items must be a positive integer, found 0",
        ]
    );
}

#[test]
fn allow_1c_on_a_non_timeout() {
    let body = r#"
[[request]]
name = "time_expire"
type = "datetime"
required = "no"
allow_1c = true

[[request]]
name = "timeouts"
type = "array"
items = "pay_timeout"
required = "no"
allow_1c = true
"#;
    // arrays of pay_timeout may take it
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:16:12: allow_1c is only allowed on pay_timeout fields and arrays of them (this field is type \"datetime\")"
        ]
    );
}

#[test]
fn bad_integer_ranges() {
    let body = r#"
[[request]]
name = "quantity"
type = "integer"
required = "yes"
range = { min = 10, max = 1 }

[[request]]
name = "count"
type = "integer"
required = "yes"
range = { min = "1", max = 9.5, scale = 0 }

[[request]]
name = "amount"
type = "amount"
required = "yes"
range = { min = 1, max = "2.00", scale = 2 }
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:16:17: range min 10 is above max 1",
            "specs/alipay.demo.pay.toml:22:17: range min of an integer field must be a TOML integer (e.g. min = 1, no quotes), found the string \"1\"",
            "specs/alipay.demo.pay.toml:22:28: \"max\" must be a string (amount, pay_timeout) or an integer (integer), found a float",
            "specs/alipay.demo.pay.toml:22:41: range scale is only allowed on amount fields (an integer range has min and max)",
            "specs/alipay.demo.pay.toml:28:17: range min of an amount field must be a string (e.g. min = \"0.01\"), found the integer 1",
        ]
    );
}

#[test]
fn number_takes_no_range() {
    let body = r#"
[[response]]
name = "rate"
type = "number"
required = "no"
range = { min = 1, max = 2 }
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:16:9: range is only allowed on amount, pay_timeout and integer fields (this field is type \"number\")"
        ]
    );
}

#[test]
fn wrong_formats_for_date_month_and_datetime() {
    let body = r#"
[[response]]
name = "settle_date"
type = "date"
required = "no"
format = "yyyyMMdd"

[[response]]
name = "bill_month"
type = "month"
required = "no"
format = "yyyy-MM-dd"

[[response]]
name = "gmt_create"
type = "datetime"
required = "no"
format = "yyyy-MM-dd HH:mm"

[[response]]
name = "settle_dates"
type = "array"
items = "date"
required = "no"
format = "yyyy/MM/dd"
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:16:10: format of a date field must be \"yyyy-MM-dd\", found \"yyyyMMdd\"",
            "specs/alipay.demo.pay.toml:22:10: format of a month field must be \"yyyy-MM\", found \"yyyy-MM-dd\"",
            "specs/alipay.demo.pay.toml:28:10: format of a datetime field must be \"yyyy-MM-dd HH:mm:ss\", found \"yyyy-MM-dd HH:mm\"",
            "specs/alipay.demo.pay.toml:35:10: format of a date field must be \"yyyy-MM-dd\", found \"yyyy/MM/dd\"",
        ]
    );
}

#[test]
fn enum_items_need_values() {
    let body = r#"
[[request]]
name = "channels"
type = "array"
items = "enum"
required = "no"
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:15:9: items \"enum\" needs values (expected values = [...], the closed set of allowed values)"
        ]
    );
}

// ---- sections and sides -------------------------------------------------------------------

#[test]
fn side_mismatch() {
    let body = r#"
[[request]]
name = "vouchers"
type = "array"
items = "VoucherDetail"
required = "no"

[[response]]
name = "goods"
type = "GoodsDetail"
required = "no"
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:15:9: shared type \"VoucherDetail\" has side = \"response\", but this is a request field (request fields use request-side types only)",
            "specs/alipay.demo.pay.toml:20:8: shared type \"GoodsDetail\" has side = \"request\", but this is a response field (response fields use response-side types only)",
        ]
    );
}

#[test]
fn side_mismatch_between_shared_types() {
    let text = r#"schema = "alipay-spec/2"

[[type]]
name = "Order"

[[type.fields]]
name = "vouchers"
type = "array"
items = "Voucher"
required = "no"

[[type]]
name = "Voucher"
side = "response"

[[type.fields]]
name = "id"
type = "string"
required = "no"
"#;
    assert_eq!(
        type_errors(text),
        [
            "specs/_types.toml:9:9: shared type \"Voucher\" has side = \"response\", but this is a request field (request fields use request-side types only)"
        ]
    );
}

#[test]
fn objects_in_notify_fields_and_public_parameters() {
    let body = r#"
[notify]
documented = true

[[notify.fields]]
name = "voucher"
type = "object"
required = "no"

[[notify.fields.fields]]
name = "id"
type = "string"
required = "no"

[[notify.fields]]
name = "ids"
type = "array"
items = "string"
required = "no"
"#;
    let scalars = "string, amount, integer, number, boolean, date, month, datetime, pay_timeout, user_id, json, enum";
    assert_eq!(
        errors(body),
        [
            format!(
                "specs/alipay.demo.pay.toml:17:8: type \"object\" is not allowed in [[notify.fields]] (notify fields and public parameters are scalars: {scalars})"
            ),
            format!(
                "specs/alipay.demo.pay.toml:27:8: type \"array\" is not allowed in [[notify.fields]] (notify fields and public parameters are scalars: {scalars})"
            ),
        ]
    );

    let common = r#"schema = "alipay-spec/2"

[[public_request]]
name = "app_id"
type = "GoodsDetail"
required = "yes"

[[public_response]]
name = "code"
type = "object"
required = "yes"

[[public_response.fields]]
name = "x"
type = "string"
required = "no"
"#;
    let errors = shown(
        &parse_common("specs/_common.toml", common)
            .err()
            .unwrap_or_default(),
    );
    assert_eq!(
        errors,
        [
            format!(
                "specs/_common.toml:5:8: unknown type \"GoodsDetail\" (expected a builtin: {BUILTINS}, array; or a shared type: none declared)"
            ),
            format!(
                "specs/_common.toml:10:8: type \"object\" is not allowed in [[public_response]] (notify fields and public parameters are scalars: {scalars})"
            ),
        ]
    );
}

// ---- conditions ---------------------------------------------------------------------------

const PAYEE: &str = r#"
[[request]]
name = "payee_info"
type = "object"
required = "yes"

[[request.fields]]
name = "identity"
type = "string"
required = "yes"

[[request.fields]]
name = "identity_type"
type = "enum"
required = "yes"
values = ["ALIPAY_USER_ID", "ALIPAY_LOGON_ID"]
"#; // lines 11-26; a body appended to it starts at line 27

#[test]
fn required_if_names_a_missing_field() {
    let body = format!(
        "{PAYEE}{}",
        r#"
[[request.fields]]
name = "name"
type = "string"
required = "conditional"
required_if = { field = "identity_kind", equals = "ALIPAY_LOGON_ID" }
"#
    );
    assert_eq!(
        errors(&body),
        [
            "specs/alipay.demo.pay.toml:32:25: required_if names \"identity_kind\", which is not a field of object \"payee_info\""
        ]
    );
}

#[test]
fn required_if_names_a_non_sibling() {
    let body = format!(
        "{PAYEE}{}",
        r#"
[[request]]
name = "payee_name"
type = "string"
required = "conditional"
required_if = { field = "identity_type", equals = "ALIPAY_LOGON_ID" }
"#
    );
    assert_eq!(
        errors(&body),
        [
            "specs/alipay.demo.pay.toml:32:25: required_if names \"identity_type\", which is not a sibling of \"payee_name\" (it is a field of object \"payee_info\"; a condition names a field of the same object, [[request]])"
        ]
    );
}

#[test]
fn required_if_without_required_conditional() {
    let body = format!(
        "{PAYEE}{}",
        r#"
[[request.fields]]
name = "name"
type = "string"
required = "yes"
required_if = { field = "identity_type", equals = "ALIPAY_LOGON_ID" }
"#
    );
    assert_eq!(
        errors(&body),
        [
            "specs/alipay.demo.pay.toml:32:15: required_if is only allowed with required = \"conditional\" (found required = \"yes\")"
        ]
    );
}

#[test]
fn equals_value_not_among_the_enum_values() {
    let body = format!(
        "{PAYEE}{}",
        r#"
[[request.fields]]
name = "name"
type = "string"
required = "conditional"
required_if = { field = "identity_type", equals = ["ALIPAY_LOGON_ID", "LOGON_ID"] }
"#
    );
    assert_eq!(
        errors(&body),
        [
            "specs/alipay.demo.pay.toml:32:71: equals value \"LOGON_ID\" is not one of the values of \"identity_type\" (expected one of: ALIPAY_USER_ID, ALIPAY_LOGON_ID)"
        ]
    );
}

#[test]
fn condition_on_itself_on_a_non_enum_field_and_empty_equals() {
    let body = r#"
[[request]]
name = "amount"
type = "amount"
required = "yes"

[[request]]
name = "memo"
type = "string"
required = "conditional"
required_if = { field = "memo", equals = "x" }

[[request]]
name = "memo2"
type = "string"
required = "conditional"
required_if = { field = "amount", equals = [] }
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:21:25: required_if names the field itself (a condition names another field of the same object)",
            "specs/alipay.demo.pay.toml:27:25: required_if names \"amount\", which is type \"amount\" (expected a field of type enum or string)",
            "specs/alipay.demo.pay.toml:27:44: equals must not be empty (expected a value or an array of values)",
        ]
    );
}

#[test]
fn condition_tables_are_checked_key_by_key() {
    let body = r#"
[[request]]
name = "kind"
type = "string"
required = "yes"

[[request]]
name = "memo"
type = "string"
required = "conditional"
required_if = { field = "kind", value = "x" }
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:21:15: missing required key \"equals\" in required_if",
            "specs/alipay.demo.pay.toml:21:33: unknown key \"value\" in required_if (expected one of: field, equals)",
        ]
    );
}

#[test]
fn range_if_on_a_string_field() {
    let body = r#"
[[request]]
name = "product_code"
type = "string"
required = "yes"

[[request]]
name = "memo"
type = "string"
required = "no"
range_if = [{ field = "product_code", equals = "X", range = { min = "1", max = "2" } }]
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:21:12: range_if is only allowed on amount, pay_timeout and integer fields (this field is type \"string\")"
        ]
    );
}

#[test]
fn range_if_ranges_are_checked_like_range() {
    let body = r#"
[[request]]
name = "product_code"
type = "enum"
required = "yes"
values = ["A", "B"]

[[request]]
name = "amount"
type = "amount"
required = "yes"
range_if = [
    { field = "product_code", equals = "A", range = { min = "5.00", max = "1.00", scale = 2 } },
    { field = "product_code", equals = "C", range = { min = "0.01", max = "1.00" } },
    { field = "product_code", equals = "B" },
]
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:23:61: range min 5.00 is above max 1.00",
            "specs/alipay.demo.pay.toml:24:40: equals value \"C\" is not one of the values of \"product_code\" (expected one of: A, B)",
            "specs/alipay.demo.pay.toml:24:53: missing required key \"scale\" in range (an amount range needs scale, 0 to 2)",
            "specs/alipay.demo.pay.toml:25:5: missing required key \"range\" in range_if",
        ]
    );
}

#[test]
fn values_if_not_a_subset() {
    let body = r#"
[[request]]
name = "product_code"
type = "enum"
required = "yes"
values = ["A", "B"]

[[request]]
name = "scene"
type = "enum"
required = "no"
values = ["P", "Q"]
values_if = [{ field = "product_code", equals = "A", values = ["P", "R"] }]

[[request]]
name = "memo"
type = "string"
required = "no"
values_if = [{ field = "product_code", equals = "A", values = ["P"] }]
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:23:69: values_if value \"R\" is not one of the field's values (expected a subset of: P, Q)",
            "specs/alipay.demo.pay.toml:29:13: values_if is only allowed on enum fields (this field is type \"string\")",
        ]
    );
}

// ---- one-of groups in objects -------------------------------------------------------------

#[test]
fn one_of_groups_of_an_object() {
    let body = r#"
[[request]]
name = "payee"
type = "object"
required = "yes"

[[request.fields]]
name = "user_id"
type = "user_id"
required = "one_of"
one_of = "who"

[[request.fields]]
name = "logon_id"
type = "string"
required = "one_of"
one_of = "who"

[[request.one_of_groups]]
id = "who"
fields = ["user_id", "logon_id"]
min = 1
precedence = ["user_id", "logon_id"]
"#;
    let spec = ok(body);
    let Some(alipay_spec::FieldType::Object(payee)) = spec.request_field("payee").map(|f| &f.ty)
    else {
        panic!("an object");
    };
    assert_eq!(
        payee.one_of_group("who").map(|g| g.fields.clone()),
        Some(vec!["user_id".to_owned(), "logon_id".to_owned()])
    );
    assert!(spec.one_of.is_empty());

    // members are matched against the object's own groups, both ways
    let wrong = body
        .replace(
            "fields = [\"user_id\", \"logon_id\"]",
            "fields = [\"user_id\", \"login_id\"]",
        )
        .replace(
            "precedence = [\"user_id\", \"logon_id\"]",
            "precedence = [\"user_id\", \"login_id\"]",
        );
    assert_eq!(
        errors(&wrong),
        [
            "specs/alipay.demo.pay.toml:27:10: field \"logon_id\" names one_of group \"who\", whose fields do not list it",
            "specs/alipay.demo.pay.toml:31:22: one_of group \"who\" names \"login_id\", which is not a field of object \"payee\"",
        ]
    );
    // a top-level [[one_of]] does not see an object's members
    let top = body.replace("[[request.one_of_groups]]", "[[one_of]]");
    assert_eq!(
        errors(&top),
        [
            "specs/alipay.demo.pay.toml:21:10: field \"user_id\" names one_of group \"who\", which is not defined (there is no [[request.one_of_groups]] group)",
            "specs/alipay.demo.pay.toml:27:10: field \"logon_id\" names one_of group \"who\", which is not defined (there is no [[request.one_of_groups]] group)",
            "specs/alipay.demo.pay.toml:31:11: one_of group \"who\" names \"user_id\", which is not a request field",
            "specs/alipay.demo.pay.toml:31:22: one_of group \"who\" names \"logon_id\", which is not a request field",
        ]
    );
}

#[test]
fn one_of_in_response_objects() {
    let body = r#"
[[response]]
name = "payee"
type = "object"
required = "no"

[[response.fields]]
name = "user_id"
type = "user_id"
required = "one_of"
one_of = "who"

[[response.fields]]
name = "logon_id"
type = "string"
required = "no"

[[response.one_of_groups]]
id = "who"
fields = ["user_id", "logon_id"]
min = 1
precedence = ["user_id", "logon_id"]
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:20:12: required = \"one_of\" is only allowed in [[request]] and in request-side objects, not in [[response.fields]] (one_of groups are made of request fields)",
            "specs/alipay.demo.pay.toml:28:1: one_of_groups is only allowed in request-side objects, not in [[response]] (one_of groups are made of request fields)",
        ]
    );
}

// ---- nesting ------------------------------------------------------------------------------

#[test]
fn mistakes_in_nested_objects_are_reported_together() {
    let body = r#"
[[request]]
name = "order"
type = "object"
required = "yes"

[[request.fields]]
name = "amount"
type = "amount"
required = "yes"
range = { min = "1.00", max = "0.01", scale = 2 }

[[request.fields]]
name = "buyer"
type = "object"
required = "no"

[[request.fields.fields]]
name = "memo"
type = "string"
required = "no"
max_len = 10

[[request.fields.fields]]
name = "memo"
type = "strin"
required = "no"
colour = "red"

[[request.fields.fields]]
name = "tags"
type = "array"
items = "object"
required = "no"

[[request.fields.fields.fields]]
name = "tag"
type = "string"
required = "conditional"
required_if = { field = "amount", equals = "1" }
pattern = "[a-"

[[request.fields]]
name = "amount"
type = "string"
required = "no"
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:21:17: range min 1.00 is above max 0.01",
            "specs/alipay.demo.pay.toml:32:11: max_len needs len_unit (expected one of: char, gbk_byte)",
            "specs/alipay.demo.pay.toml:35:8: duplicate field \"memo\" (first at line 29)",
            format!("specs/alipay.demo.pay.toml:36:8: unknown type \"strin\" (expected a builtin: {BUILTINS}, array; or a shared type: GoodsDetail, VoucherDetail)").as_str(),
            "specs/alipay.demo.pay.toml:38:1: unknown key \"colour\" in [[request.fields.fields]] (expected one of: name, type, items, required, one_of, required_if, max_len, len_unit, pattern, range, range_if, values, values_if, max_items, allow_1c, format, default, fields, one_of_groups, doc, note, example, source, inferred)",
            "specs/alipay.demo.pay.toml:50:25: required_if names \"amount\", which is not a sibling of \"tag\" (it is a field of object \"order\"; a condition names a field of the same object, object \"order.buyer.tags\")",
            "specs/alipay.demo.pay.toml:51:11: pattern \"[a-\" does not compile: non-empty character class has no closing bracket after dash",
            "specs/alipay.demo.pay.toml:54:8: duplicate field \"amount\" (first at line 18)",
        ]
    );
}

// ---- _types.toml --------------------------------------------------------------------------

/// A `[[type]]` named `name` with one field of type `ty`.
fn one_field_type(name: &str, ty: &str) -> String {
    format!(
        "\n[[type]]\nname = \"{name}\"\n\n[[type.fields]]\nname = \"next\"\ntype = \"{ty}\"\nrequired = \"no\"\n"
    )
}

#[test]
fn two_long_cycle() {
    let text = format!(
        "schema = \"alipay-spec/2\"\n{}{}",
        one_field_type("A", "B"),
        one_field_type("B", "A")
    );
    assert_eq!(
        type_errors(&text),
        ["specs/_types.toml:8:8: cycle in shared types: A -> B -> A"]
    );
}

#[test]
fn three_long_cycle_through_an_array_and_a_nested_object() {
    let text = r#"schema = "alipay-spec/2"

[[type]]
name = "A"

[[type.fields]]
name = "bs"
type = "array"
items = "B"
required = "no"

[[type]]
name = "B"

[[type.fields]]
name = "inner"
type = "object"
required = "no"

[[type.fields.fields]]
name = "c"
type = "C"
required = "no"

[[type]]
name = "C"

[[type.fields]]
name = "a"
type = "A"
required = "no"

[[type.fields]]
name = "self"
type = "array"
items = "C"
required = "no"
"#;
    assert_eq!(
        type_errors(text),
        [
            "specs/_types.toml:9:9: cycle in shared types: A -> B -> C -> A",
            "specs/_types.toml:36:9: cycle in shared types: C -> C",
        ]
    );
}

#[test]
fn type_names_sides_and_empty_types() {
    let text = r#"schema = "alipay-spec/2"

[[type]]
name = "goods_detail"

[[type.fields]]
name = "id"
type = "string"
required = "no"

[[type]]
name = "Empty"
side = "both"

[[type]]
name = "Voucher"
side = "response"

[[type.fields]]
name = "id"
type = "string"
required = "no"

[[type.one_of]]
id = "g"
fields = ["id", "x"]
min = 1
precedence = ["id", "x"]

[[type]]
name = "Voucher"
doc = "again"

[[type.fields]]
name = "id"
type = "string"
required = "no"
"#;
    assert_eq!(
        type_errors(text),
        [
            "specs/_types.toml:4:8: type name \"goods_detail\" is not PascalCase (expected ^[A-Z][A-Za-z0-9]*$, e.g. \"GoodsDetail\")",
            "specs/_types.toml:11:1: type \"Empty\" has no fields (expected at least one [[type.fields]])",
            "specs/_types.toml:13:8: unknown side \"both\" (expected one of: request, response)",
            "specs/_types.toml:24:1: [[type.one_of]] is only allowed in request-side types (type \"Voucher\" has side = \"response\")",
            "specs/_types.toml:31:8: duplicate type \"Voucher\" (first at line 16)",
        ]
    );
}

#[test]
fn types_file_checks_its_fields_like_a_spec() {
    let text = r#"schema = "alipay-spec/1"
kind = "types"

[[type]]
name = "Goods"
colour = "red"

[[type.fields]]
name = "qty"
type = "integer"
required = "one_of"
one_of = "g"
range = { min = 5, max = 1 }
"#;
    assert_eq!(
        type_errors(text),
        [
            "specs/_types.toml:1:10: schema \"alipay-spec/1\" is no longer supported: use \"alipay-spec/2\"",
            "specs/_types.toml:2:1: unknown key \"kind\" at the top level (expected one of: schema, type)",
            "specs/_types.toml:6:1: unknown key \"colour\" in [[type]] (expected one of: name, side, doc, source, fields, one_of)",
            "specs/_types.toml:12:10: field \"qty\" names one_of group \"g\", which is not defined (there is no [[type.one_of]] group)",
            "specs/_types.toml:13:17: range min 5 is above max 1",
        ]
    );
}
