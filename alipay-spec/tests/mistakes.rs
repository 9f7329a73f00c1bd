//! One test per kind of mistake: each asserts the exact `file:line:col: message` output.
//!
//! Every text is `HEADER` (lines 1-10, a valid top level) followed by a body starting at line 11.

use alipay_spec::parse_spec;

const FILE: &str = "specs/alipay.demo.pay.toml";

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

/// The errors for `HEADER + body`, displayed.
fn errors(body: &str) -> Vec<String> {
    errors_of(&format!("{HEADER}{body}"))
}

fn errors_of(text: &str) -> Vec<String> {
    match parse_spec(FILE, text) {
        Ok(spec) => panic!("expected errors, got {spec:#?}"),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

fn ok(body: &str) -> alipay_spec::ApiSpec {
    match parse_spec(FILE, &format!("{HEADER}{body}")) {
        Ok(spec) => spec,
        Err(errors) => panic!(
            "unexpected errors:\n{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

// ---- TOML syntax --------------------------------------------------------------------------

#[test]
fn toml_syntax_error() {
    let body = r#"
[[request]]
name = "a"
type = string
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:14:8: invalid TOML: string values must be quoted, expected literal string"
        ]
    );
}

#[test]
fn toml_duplicate_key() {
    let body = r#"
[[request]]
name = "a"
name = "b"
"#;
    assert_eq!(
        errors(body),
        ["specs/alipay.demo.pay.toml:14:1: invalid TOML: duplicate key"]
    );
}

// ---- keys ---------------------------------------------------------------------------------

#[test]
fn unknown_key_in_request() {
    let body = r#"
[[request]]
name = "out_order_no"
type = "string"
required = "yes"
max_length = 64
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:16:1: unknown key \"max_length\" in [[request]] (expected one of: name, type, items, required, one_of, required_if, max_len, len_unit, pattern, range, range_if, values, values_if, max_items, allow_1c, format, default, fields, one_of_groups, doc, note, example, source, inferred)"
        ]
    );
}

#[test]
fn unknown_key_at_top_level_and_in_nested_tables() {
    let body = r#"version = "1.0"

[[request]]
name = "amount"
type = "amount"
required = "yes"
range = { min = "0.01", max = "1.00", scale = 2, step = "0.01" }

[notify]
documented = true
[[notify.types]]
name = "x"
default_on = true
enabled = false
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:11:1: unknown key \"version\" at the top level (expected one of: schema, method, name_zh, summary, doc_url, execution, notify_url, return_url, params, response_node, completeness, sources, request, request_sdk_only, one_of, rule, response, error, notify)",
            "specs/alipay.demo.pay.toml:17:50: unknown key \"step\" in range (expected one of: min, max, scale)",
            "specs/alipay.demo.pay.toml:24:1: unknown key \"enabled\" in [[notify.types]] (expected one of: name, doc, default_on)",
        ]
    );
}

#[test]
fn missing_required_key_in_request() {
    let body = r#"
[[request]]
name = "out_order_no"
required = "yes"
"#;
    assert_eq!(
        errors(body),
        ["specs/alipay.demo.pay.toml:12:1: missing required key \"type\" in [[request]]"]
    );
}

#[test]
fn missing_required_key_at_top_level() {
    let text = HEADER.replace("completeness = \"complete\"\n", "");
    assert_eq!(
        errors_of(&text),
        ["specs/alipay.demo.pay.toml:1:1: missing required key \"completeness\" at the top level"]
    );
}

#[test]
fn missing_required_keys_of_one_of_error_and_rule() {
    let body = r#"
[[rule]]
id = "pairing"
doc = "auth_no goes with operation_id"

[[error]]
code = "SYSTEM_ERROR"
msg = "系统繁忙"
handling = "retry_same"
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:12:1: missing required key \"kind\" in [[rule]]",
            "specs/alipay.demo.pay.toml:16:1: missing required key \"solution\" in [[error]]",
        ]
    );
}

// ---- value types --------------------------------------------------------------------------

#[test]
fn wrong_value_types() {
    let text = HEADER
        .replace("notify_url = true", "notify_url = \"yes\"")
        .replace("sources = [\"S0\"]", "sources = [\"S0\", 1]");
    let body = r#"
[[request]]
name = "memo"
type = "string"
required = "no"
max_len = "64"
len_unit = "char"
"#;
    assert_eq!(
        errors_of(&format!("{text}{body}")),
        [
            "specs/alipay.demo.pay.toml:6:14: \"notify_url\" must be a boolean (true or false), found a string",
            "specs/alipay.demo.pay.toml:10:18: \"sources\" must be an array of strings, found an integer in it",
            "specs/alipay.demo.pay.toml:16:11: \"max_len\" must be an integer, found a string",
        ]
    );
}

#[test]
fn request_must_be_an_array_of_tables() {
    let body = "request = \"amount\"\n";
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:11:11: \"request\" must be an array of tables ([[request]]), found a string"
        ]
    );
}

// ---- enum-like words ----------------------------------------------------------------------

#[test]
fn unknown_type() {
    let body = r#"
[[request]]
name = "amount"
type = "money"
required = "yes"
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:14:8: unknown type \"money\" (expected a builtin: string, amount, integer, number, boolean, date, month, datetime, pay_timeout, user_id, json, enum, object, array; or a shared type: none declared)"
        ]
    );
}

#[test]
fn unknown_required() {
    let body = r#"
[[request]]
name = "memo"
type = "string"
required = "maybe"
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:15:12: unknown required \"maybe\" (expected one of: yes, no, one_of, conditional)"
        ]
    );
}

#[test]
fn unknown_len_unit() {
    let body = r#"
[[request]]
name = "memo"
type = "string"
required = "no"
max_len = 100
len_unit = "byte"
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:17:12: unknown len_unit \"byte\" (expected one of: char, gbk_byte)"
        ]
    );
}

#[test]
fn unknown_execution() {
    let text = HEADER.replace("execution = \"execute\"", "execution = \"exec\"");
    assert_eq!(
        errors_of(&text),
        [
            "specs/alipay.demo.pay.toml:5:13: unknown execution \"exec\" (expected one of: execute, sdk_execute, page_execute)"
        ]
    );
}

#[test]
fn unknown_handling() {
    let body = r#"
[[error]]
code = "SYSTEM_ERROR"
msg = "系统繁忙"
solution = "请稍后重试"
handling = "retry"
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:16:12: unknown handling \"retry\" (expected one of: retry_same, query_then_decide, fix_request, new_out_order_no, new_out_request_no, user_action, merchant_contract)"
        ]
    );
}

#[test]
fn unknown_rule_kind() {
    let body = r#"
[[rule]]
id = "pairing"
kind = "hint"
doc = "auth_no goes with operation_id"
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:14:8: unknown kind \"hint\" (expected one of: conditional, advisory)"
        ]
    );
}

#[test]
fn unknown_schema() {
    let text = HEADER.replace("alipay-spec/2", "alipay-spec-draft/1");
    assert_eq!(
        errors_of(&text),
        [
            "specs/alipay.demo.pay.toml:1:10: unknown schema \"alipay-spec-draft/1\" (expected \"alipay-spec/2\")"
        ]
    );
}

// ---- top level ----------------------------------------------------------------------------

#[test]
fn method_does_not_match_file_name() {
    let text = HEADER
        .replace(
            "method = \"alipay.demo.pay\"",
            "method = \"alipay.demo.refund\"",
        )
        .replace("alipay_demo_pay_response", "alipay_demo_refund_response");
    assert_eq!(
        errors_of(&text),
        [
            "specs/alipay.demo.pay.toml:2:10: method \"alipay.demo.refund\" does not match the file name (expected \"alipay.demo.pay\")"
        ]
    );
}

#[test]
fn response_node_does_not_match_method() {
    let text = HEADER.replace("alipay_demo_pay_response", "alipay.demo.pay.response");
    assert_eq!(
        errors_of(&text),
        [
            "specs/alipay.demo.pay.toml:8:17: response_node \"alipay.demo.pay.response\" does not match the method (expected \"alipay_demo_pay_response\")"
        ]
    );
}

// ---- duplicates ---------------------------------------------------------------------------

#[test]
fn duplicate_field_in_a_section() {
    let body = r#"
[[request]]
name = "amount"
type = "amount"
required = "yes"

[[request]]
name = "amount"
type = "string"
required = "no"

[[response]]
name = "amount"
type = "amount"
required = "yes"
"#;
    // the same name in another section is fine
    assert_eq!(
        errors(body),
        ["specs/alipay.demo.pay.toml:18:8: duplicate field \"amount\" (first at line 13)"]
    );
}

#[test]
fn duplicate_error_code() {
    let body = r#"
[[error]]
code = "SYSTEM_ERROR"
msg = "系统繁忙"
solution = "请稍后重试"
handling = "retry_same"

[[error]]
code = "SYSTEM_ERROR"
msg = "系统错误"
solution = "请稍后重试"
handling = "query_then_decide"
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:19:8: duplicate error code \"SYSTEM_ERROR\" (first at line 13)"
        ]
    );
}

// ---- max_len, pattern ---------------------------------------------------------------------

#[test]
fn max_len_without_len_unit() {
    let body = r#"
[[request]]
name = "memo"
type = "string"
required = "no"
max_len = 100
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:16:11: max_len needs len_unit (expected one of: char, gbk_byte)"
        ]
    );
}

#[test]
fn len_unit_without_max_len() {
    let body = r#"
[[request]]
name = "memo"
type = "string"
required = "no"
len_unit = "char"
"#;
    assert_eq!(
        errors(body),
        ["specs/alipay.demo.pay.toml:16:12: len_unit is only allowed together with max_len"]
    );
}

#[test]
fn max_len_zero() {
    let body = r#"
[[request]]
name = "memo"
type = "string"
required = "no"
max_len = 0
len_unit = "char"
"#;
    assert_eq!(
        errors(body),
        ["specs/alipay.demo.pay.toml:16:11: max_len must be a positive integer, found 0"]
    );
}

#[test]
fn pattern_does_not_compile() {
    let body = r#"
[[request]]
name = "code"
type = "string"
required = "no"
pattern = "[0-9"
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:16:11: pattern \"[0-9\" does not compile: found unclosed character class"
        ]
    );
}

// ---- range --------------------------------------------------------------------------------

#[test]
fn range_on_wrong_type() {
    let body = r#"
[[request]]
name = "memo"
type = "string"
required = "no"
range = { min = "1", max = "2" }
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:16:9: range is only allowed on amount, pay_timeout and integer fields (this field is type \"string\")"
        ]
    );
}

#[test]
fn timeout_range_min_above_max() {
    let body = r#"
[[request]]
name = "pay_timeout"
type = "pay_timeout"
required = "no"
range = { min = "7d", max = "1d" }
"#;
    assert_eq!(
        errors(body),
        ["specs/alipay.demo.pay.toml:16:17: range min 7d is above max 1d"]
    );
}

#[test]
fn amount_range_min_above_max() {
    let body = r#"
[[request]]
name = "amount"
type = "amount"
required = "yes"
range = { min = "100.00", max = "0.01", scale = 2 }
"#;
    assert_eq!(
        errors(body),
        ["specs/alipay.demo.pay.toml:16:17: range min 100.00 is above max 0.01"]
    );
}

#[test]
fn range_unparsable() {
    let body = r#"
[[request]]
name = "amount"
type = "amount"
required = "yes"
range = { min = "0.001", max = "1e9", scale = 2 }

[[request]]
name = "pay_timeout"
type = "pay_timeout"
required = "no"
range = { min = "1.5h", max = "7d" }
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:16:17: range min \"0.001\" is not an amount (expected a decimal with at most 2 decimals, e.g. \"0.01\")",
            "specs/alipay.demo.pay.toml:16:32: range max \"1e9\" is not an amount (expected a decimal with at most 2 decimals, e.g. \"0.01\")",
            "specs/alipay.demo.pay.toml:22:17: range min \"1.5h\" is not a timeout (expected <integer><m|h|d>, e.g. \"90m\" or \"7d\")",
        ]
    );
}

#[test]
fn amount_range_scale() {
    let body = r#"
[[request]]
name = "a"
type = "amount"
required = "yes"
range = { min = "0.01", max = "1.00", scale = 3 }

[[request]]
name = "b"
type = "amount"
required = "yes"
range = { min = "0.01", max = "1.00" }

[[request]]
name = "c"
type = "amount"
required = "yes"
range = { min = "0.1", max = "1", scale = 0 }

[[request]]
name = "d"
type = "pay_timeout"
required = "no"
range = { min = "1m", max = "7d", scale = 0 }
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:16:47: range scale 3 is out of range (expected 0, 1 or 2)",
            "specs/alipay.demo.pay.toml:22:9: missing required key \"scale\" in range (an amount range needs scale, 0 to 2)",
            "specs/alipay.demo.pay.toml:28:17: range min \"0.1\" has 1 decimals, more than scale 0",
            "specs/alipay.demo.pay.toml:34:43: range scale is only allowed on amount fields (a pay_timeout range has min and max)",
        ]
    );
}

// ---- values -------------------------------------------------------------------------------

#[test]
fn values_on_a_non_enum() {
    let body = r#"
[[response]]
name = "status"
type = "string"
required = "yes"
values = ["INIT", "SUCCESS"]
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:16:10: values is only allowed on enum fields (this field is type \"string\")"
        ]
    );
}

#[test]
fn enum_without_values() {
    let body = r#"
[[response]]
name = "status"
type = "enum"
required = "yes"
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:14:8: type \"enum\" needs values (expected values = [...], the closed set of allowed values)"
        ]
    );
}

#[test]
fn enum_values_empty_or_duplicated() {
    let body = r#"
[[response]]
name = "status"
type = "enum"
required = "yes"
values = []

[[response]]
name = "operation_type"
type = "enum"
required = "no"
values = ["PAY", "REFUND", "PAY"]
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:16:10: values must not be empty (expected the closed set of an enum)",
            "specs/alipay.demo.pay.toml:22:28: duplicate value \"PAY\" in values",
        ]
    );
}

// ---- one-of groups ------------------------------------------------------------------------

const PAYEE_FIELDS: &str = r#"
[[request]]
name = "payee_user_id"
type = "user_id"
required = "one_of"
one_of = "payee"

[[request]]
name = "payee_logon_id"
type = "string"
required = "one_of"
one_of = "payee"
"#; // lines 11-22; a body appended to it starts at line 23

#[test]
fn required_one_of_without_group_key() {
    let body = r#"
[[request]]
name = "auth_no"
type = "string"
required = "one_of"
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:15:12: required = \"one_of\" needs a one_of key naming the group"
        ]
    );
}

#[test]
fn missing_group_key_is_reported_once() {
    let body = r#"
[[request]]
name = "auth_no"
type = "string"
required = "one_of"

[[request]]
name = "out_order_no"
type = "string"
required = "one_of"
one_of = "order"

[[one_of]]
id = "order"
fields = ["auth_no", "out_order_no"]
min = 1
precedence = ["auth_no", "out_order_no"]
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:15:12: required = \"one_of\" needs a one_of key naming the group"
        ]
    );
}

#[test]
fn one_of_key_without_required_one_of() {
    let body = r#"
[[request]]
name = "auth_no"
type = "string"
required = "yes"
one_of = "order"
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:16:10: one_of is only allowed with required = \"one_of\" (found required = \"yes\")"
        ]
    );
}

#[test]
fn field_names_an_undefined_group() {
    let body = format!(
        "{PAYEE_FIELDS}{}",
        r#"
[[one_of]]
id = "payee"
fields = ["payee_user_id", "payee_logon_id"]
min = 1
precedence = ["payee_user_id", "payee_logon_id"]

[[request]]
name = "auth_no"
type = "string"
required = "one_of"
one_of = "order"
"#
    );
    assert_eq!(
        errors(&body),
        [
            "specs/alipay.demo.pay.toml:34:10: field \"auth_no\" names one_of group \"order\", which is not defined (expected one of: payee)"
        ]
    );
}

#[test]
fn field_not_listed_by_its_group() {
    let body = format!(
        "{PAYEE_FIELDS}{}",
        r#"
[[request]]
name = "payee_card_no"
type = "string"
required = "one_of"
one_of = "payee"

[[one_of]]
id = "payee"
fields = ["payee_user_id", "payee_logon_id"]
min = 1
precedence = ["payee_user_id", "payee_logon_id"]
"#
    );
    assert_eq!(
        errors(&body),
        [
            "specs/alipay.demo.pay.toml:28:10: field \"payee_card_no\" names one_of group \"payee\", whose fields do not list it"
        ]
    );
}

#[test]
fn group_names_a_missing_field() {
    let body = format!(
        "{PAYEE_FIELDS}{}",
        r#"
[[one_of]]
id = "payee"
fields = ["payee_user_id", "payee_logon_id", "payee_id"]
min = 1
precedence = ["payee_user_id", "payee_logon_id", "payee_id"]
"#
    );
    assert_eq!(
        errors(&body),
        [
            "specs/alipay.demo.pay.toml:26:46: one_of group \"payee\" names \"payee_id\", which is not a request field"
        ]
    );
}

#[test]
fn group_names_a_field_not_marked_one_of() {
    let body = format!(
        "{PAYEE_FIELDS}{}",
        r#"
[[request]]
name = "amount"
type = "amount"
required = "yes"

[[one_of]]
id = "payee"
fields = ["payee_user_id", "payee_logon_id", "amount"]
min = 1
precedence = ["payee_user_id", "payee_logon_id", "amount"]
"#
    );
    assert_eq!(
        errors(&body),
        [
            "specs/alipay.demo.pay.toml:31:46: one_of group \"payee\" names \"amount\", which is not marked required = \"one_of\" with one_of = \"payee\""
        ]
    );
}

#[test]
fn group_with_fewer_than_two_fields() {
    let body = r#"
[[request]]
name = "payee_user_id"
type = "user_id"
required = "one_of"
one_of = "payee"

[[one_of]]
id = "payee"
fields = ["payee_user_id"]
min = 1
precedence = ["payee_user_id"]
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:20:10: one_of group \"payee\" has 1 field (expected at least 2)"
        ]
    );
}

#[test]
fn precedence_not_a_permutation() {
    let body = format!(
        "{PAYEE_FIELDS}{}",
        r#"
[[one_of]]
id = "payee"
fields = ["payee_user_id", "payee_logon_id"]
min = 1
precedence = ["payee_user_id", "payee_user_id", "payee_id"]
"#
    );
    assert_eq!(
        errors(&body),
        [
            "specs/alipay.demo.pay.toml:28:14: precedence is missing \"payee_logon_id\" (expected a permutation of fields: payee_user_id, payee_logon_id)",
            "specs/alipay.demo.pay.toml:28:32: precedence lists \"payee_user_id\" twice",
            "specs/alipay.demo.pay.toml:28:49: precedence names \"payee_id\", which is not in the fields of one_of group \"payee\"",
        ]
    );
}

#[test]
fn min_out_of_range() {
    let body = format!(
        "{PAYEE_FIELDS}{}",
        r#"
[[one_of]]
id = "payee"
fields = ["payee_user_id", "payee_logon_id"]
min = 3
precedence = ["payee_user_id", "payee_logon_id"]
"#
    );
    assert_eq!(
        errors(&body),
        [
            "specs/alipay.demo.pay.toml:27:7: min 3 is out of range (expected 1 to 2, the number of fields)"
        ]
    );
    let zero = body.replace("min = 3", "min = 0");
    assert_eq!(
        errors(&zero),
        [
            "specs/alipay.demo.pay.toml:27:7: min 0 is out of range (expected 1 to 2, the number of fields)"
        ]
    );
}

#[test]
fn duplicate_group_id() {
    let body = format!(
        "{PAYEE_FIELDS}{}",
        r#"
[[one_of]]
id = "payee"
fields = ["payee_user_id", "payee_logon_id"]
min = 1
precedence = ["payee_user_id", "payee_logon_id"]

[[one_of]]
id = "payee"
fields = ["payee_user_id", "payee_logon_id"]
min = 2
precedence = ["payee_logon_id", "payee_user_id"]
"#
    );
    assert_eq!(
        errors(&body),
        ["specs/alipay.demo.pay.toml:31:6: duplicate one_of group \"payee\" (first at line 25)"]
    );
}

#[test]
fn required_one_of_outside_request() {
    let body = r#"
[[response]]
name = "auth_no"
type = "string"
required = "one_of"
one_of = "order"
"#;
    assert_eq!(
        errors(body),
        [
            "specs/alipay.demo.pay.toml:15:12: required = \"one_of\" is only allowed in [[request]] and in request-side objects, not in [[response]] (one_of groups are made of request fields)"
        ]
    );
}

#[test]
fn unenforced_group_may_have_conditional_members() {
    let body = r#"
[[request]]
name = "payee_user_id"
type = "user_id"
required = "conditional"

[[request]]
name = "payee_logon_id"
type = "string"
required = "conditional"

[[one_of]]
id = "payee"
fields = ["payee_user_id", "payee_logon_id"]
min = 1
precedence = ["payee_user_id", "payee_logon_id"]
enforce = false
condition = "only with the Huabei channel"
"#;
    let spec = ok(body);
    assert!(!spec.one_of[0].enforce);
    // ... but an enforced group may not
    let enforced = body.replace("enforce = false", "enforce = true");
    assert_eq!(
        errors(&enforced),
        [
            "specs/alipay.demo.pay.toml:24:11: one_of group \"payee\" names \"payee_user_id\", which is not marked required = \"one_of\" with one_of = \"payee\"",
            "specs/alipay.demo.pay.toml:24:28: one_of group \"payee\" names \"payee_logon_id\", which is not marked required = \"one_of\" with one_of = \"payee\"",
        ]
    );
    // and an unenforced group still needs conditional (or one_of) members
    let plain = body.replace("required = \"conditional\"", "required = \"no\"");
    assert_eq!(
        errors(&plain),
        [
            "specs/alipay.demo.pay.toml:24:11: one_of group \"payee\" (enforce = false) names \"payee_user_id\", which is neither required = \"conditional\" nor one_of = \"payee\"",
            "specs/alipay.demo.pay.toml:24:28: one_of group \"payee\" (enforce = false) names \"payee_logon_id\", which is neither required = \"conditional\" nor one_of = \"payee\"",
        ]
    );
}

// ---- positions and collection -------------------------------------------------------------

#[test]
fn columns_count_characters_not_bytes() {
    let body = "\n[[request]]\nname = \"memo\"\ntype = \"string\"\nrequired = \"no\"\ndoc = \"红包\"; note = 1\n";
    // `doc = "红包"` is 10 characters (14 bytes); the `;` is at column 11
    let errs = errors(body);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].starts_with("specs/alipay.demo.pay.toml:16:11: invalid TOML: "),
        "{errs:?}"
    );
}

#[test]
fn five_mistakes_are_reported_together_in_file_order() {
    let text = r#"schema = "alipay-spec/2"
method = "alipay.demo.refund"
name_zh = "演示支付"
summary = "A demo."
execution = "execute"
notify_url = true
return_url = false
response_node = "alipay_demo_refund_response"
completeness = "complete"
sources = ["S0"]

[[request]]
name = "amount"
type = "money"
required = "yes"

[[request]]
name = "memo"
type = "string"
required = "no"
max_length = 100

[[request]]
name = "pay_timeout"
type = "pay_timeout"
required = "no"
range = { min = "7d", max = "1d" }

[[error]]
code = "SYSTEM_ERROR"
msg = "系统繁忙"
solution = "请稍后重试"
handling = "retry_same"

[[error]]
code = "SYSTEM_ERROR"
msg = "系统繁忙"
solution = "请稍后重试"
handling = "retry_same"
"#;
    assert_eq!(
        errors_of(text),
        [
            "specs/alipay.demo.pay.toml:2:10: method \"alipay.demo.refund\" does not match the file name (expected \"alipay.demo.pay\")",
            "specs/alipay.demo.pay.toml:14:8: unknown type \"money\" (expected a builtin: string, amount, integer, number, boolean, date, month, datetime, pay_timeout, user_id, json, enum, object, array; or a shared type: none declared)",
            "specs/alipay.demo.pay.toml:21:1: unknown key \"max_length\" in [[request]] (expected one of: name, type, items, required, one_of, required_if, max_len, len_unit, pattern, range, range_if, values, values_if, max_items, allow_1c, format, default, fields, one_of_groups, doc, note, example, source, inferred)",
            "specs/alipay.demo.pay.toml:27:17: range min 7d is above max 1d",
            "specs/alipay.demo.pay.toml:36:8: duplicate error code \"SYSTEM_ERROR\" (first at line 30)",
        ]
    );
}

// ---- _common.toml -------------------------------------------------------------------------

#[test]
fn common_file_mistakes() {
    let text = r#"schema = "alipay-spec/2"

[[public_request]]
name = "app_id"
type = "string"
required = "yes"
max_len = 32

[[result_code]]
code = "10000"
meaning = "success"
handling = "success"

[[result_code]]
code = "10000"
meaning = "success"
handling = "ok"
method = "x"
"#;
    let errors: Vec<String> = alipay_spec::parse_common("specs/_common.toml", text)
        .err()
        .unwrap_or_default()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errors,
        [
            "specs/_common.toml:7:11: max_len needs len_unit (expected one of: char, gbk_byte)",
            "specs/_common.toml:15:8: duplicate result code \"10000\" (first at line 10)",
            "specs/_common.toml:17:12: unknown handling \"ok\" (expected one of: success, retry_same_or_query, fix_request, fix_credentials, per_sub_code, merchant_contract)",
            "specs/_common.toml:18:1: unknown key \"method\" in [[result_code]] (expected one of: code, meaning, handling, source)",
        ]
    );
}
