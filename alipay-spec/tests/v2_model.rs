//! Spec language v2: the fixture specs of `tests/fixtures/` (objects, arrays, shared types,
//! conditions, `params`) parse into exactly the expected model.

use std::path::Path;

use alipay_spec::{
    ApiSpec, Condition, Field, FieldType, LenUnit, Location, MaxLen, NamedType, ObjectDef,
    OneOfGroup, ParamsIn, Range, RangeIf, Required, Scalar, Side, TypesSpec, ValuesIf, load_dir,
    load_types, parse_spec, parse_spec_with, parse_types,
};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn load() -> Vec<ApiSpec> {
    load_dir(Path::new(FIXTURES)).unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{}", lines.join("\n"))
    })
}

fn spec<'s>(specs: &'s [ApiSpec], method: &str) -> &'s ApiSpec {
    specs
        .iter()
        .find(|s| s.method == method)
        .unwrap_or_else(|| panic!("no spec for {method}"))
}

/// A field with only `name`, `type` and `required`, its name at `line`, column 8.
fn field(name: &str, ty: FieldType, required: Required, line: u32) -> Field {
    Field {
        name: name.to_owned(),
        ty,
        required,
        required_if: None,
        max_len: None,
        pattern: None,
        range: None,
        range_if: Vec::new(),
        values_if: Vec::new(),
        max_items: None,
        allow_1c: false,
        default: None,
        values: Vec::new(),
        format: None,
        doc: None,
        note: None,
        example: None,
        source: None,
        inferred: Vec::new(),
        location: Location { line, col: 8 },
    }
}

fn scalar(s: Scalar) -> FieldType {
    FieldType::Scalar(s)
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn chars(value: u32) -> Option<MaxLen> {
    Some(MaxLen {
        value,
        unit: LenUnit::Char,
    })
}

fn amount_range(min_fen: u64) -> Option<Range> {
    Some(Range::Amount {
        min_fen,
        max_fen: 10_000_000_000,
        scale: 2,
    })
}

fn condition(field: &str, equals: &[&str], line: u32, col: u32) -> Condition {
    Condition {
        field: field.to_owned(),
        equals: strings(equals),
        location: Location { line, col },
    }
}

#[test]
fn every_fixture_loads_with_the_shared_types() {
    let methods: Vec<String> = load().into_iter().map(|s| s.method).collect();
    assert_eq!(
        methods,
        [
            "alipay.fund.trans.uni.transfer",
            "alipay.system.oauth.token",
            "alipay.trade.precreate",
            "alipay.user.info.share",
        ]
    );
}

#[test]
fn shared_types_parse_into_named_types() {
    let types = load_types(Path::new(FIXTURES)).unwrap_or_else(|e| panic!("{e:?}"));
    let file = Path::new(FIXTURES)
        .join("_types.toml")
        .display()
        .to_string();
    let goods = NamedType {
        name: "GoodsDetail".to_owned(),
        side: Side::Request,
        doc: Some("订单包含的商品列表信息".to_owned()),
        source: Some("fixture".to_owned()),
        def: ObjectDef {
            fields: vec![
                Field {
                    max_len: chars(32),
                    ..field("goods_id", scalar(Scalar::String), Required::Yes, 10)
                },
                Field {
                    max_len: chars(256),
                    ..field("goods_name", scalar(Scalar::String), Required::Yes, 17)
                },
                Field {
                    range: Some(Range::Integer {
                        min: 1,
                        max: 99_999,
                    }),
                    ..field("quantity", scalar(Scalar::Integer), Required::Yes, 24)
                },
                Field {
                    range: amount_range(1),
                    ..field("price", scalar(Scalar::Amount), Required::Yes, 30)
                },
            ],
            one_of: Vec::new(),
        },
        location: Location { line: 5, col: 8 },
    };
    let voucher = NamedType {
        name: "VoucherDetail".to_owned(),
        side: Side::Response,
        doc: None,
        source: None,
        def: ObjectDef {
            fields: vec![
                field("id", scalar(Scalar::String), Required::Yes, 40),
                field("amount", scalar(Scalar::Amount), Required::No, 45),
            ],
            one_of: Vec::new(),
        },
        location: Location { line: 36, col: 8 },
    };
    assert_eq!(
        types,
        TypesSpec {
            types: vec![goods, voucher],
            file,
        }
    );
    assert_eq!(
        types.get("GoodsDetail").map(|t| t.def.fields.len()),
        Some(4)
    );
    assert!(types.get("Missing").is_none());
}

#[test]
fn precreate_arrays_inline_object_and_new_scalars() {
    let specs = load();
    let p = spec(&specs, "alipay.trade.precreate");
    assert_eq!(p.params, ParamsIn::BizContent);

    assert_eq!(
        p.request_field("goods_detail"),
        Some(&field(
            "goods_detail",
            FieldType::Array(Box::new(FieldType::Named("GoodsDetail".to_owned()))),
            Required::No,
            26
        ))
    );
    assert_eq!(
        p.request_field("query_options"),
        Some(&Field {
            max_items: Some(5),
            max_len: chars(64),
            ..field(
                "query_options",
                FieldType::Array(Box::new(scalar(Scalar::String))),
                Required::No,
                32
            )
        })
    );

    let extend = ObjectDef {
        fields: vec![
            Field {
                max_len: chars(64),
                ..field(
                    "sys_service_provider_id",
                    scalar(Scalar::String),
                    Required::No,
                    46,
                )
            },
            Field {
                values: strings(&["3", "6", "12"]),
                ..field("hb_fq_num", scalar(Scalar::Enum), Required::No, 53)
            },
            field(
                "card_type",
                scalar(Scalar::String),
                Required::OneOf("card".to_owned()),
                59,
            ),
            field(
                "card_no",
                scalar(Scalar::String),
                Required::OneOf("card".to_owned()),
                65,
            ),
        ],
        one_of: vec![OneOfGroup {
            id: "card".to_owned(),
            fields: strings(&["card_type", "card_no"]),
            min: 1,
            precedence: strings(&["card_no", "card_type"]),
            enforce: true,
            condition: None,
            doc: None,
            source: None,
            inferred: Vec::new(),
            location: Location { line: 71, col: 6 },
        }],
    };
    assert_eq!(
        p.request_field("extend_params"),
        Some(&field(
            "extend_params",
            FieldType::Object(Box::new(extend)),
            Required::No,
            41
        ))
    );
    // the top-level groups are only those of [[one_of]]
    assert!(p.one_of.is_empty());

    assert_eq!(
        p.request_field("time_expire")
            .and_then(|f| f.format.as_deref()),
        Some("yyyy-MM-dd HH:mm:ss")
    );
    assert_eq!(
        p.request_field("timeout_express"),
        Some(&Field {
            allow_1c: true,
            range: Some(Range::PayTimeout {
                min_minutes: 1,
                max_minutes: 21_600,
                min: "1m".to_owned(),
                max: "15d".to_owned(),
            }),
            ..field(
                "timeout_express",
                scalar(Scalar::PayTimeout),
                Required::No,
                83
            )
        })
    );

    let response: Vec<(&str, &FieldType)> = p
        .response
        .iter()
        .map(|f| (f.name.as_str(), &f.ty))
        .collect();
    assert_eq!(
        response,
        [
            ("qr_code", &scalar(Scalar::String)),
            (
                "voucher_detail_list",
                &FieldType::Array(Box::new(FieldType::Named("VoucherDetail".to_owned())))
            ),
            ("settle_date", &scalar(Scalar::Date)),
            ("bill_month", &scalar(Scalar::Month)),
            ("point_amount", &scalar(Scalar::Number)),
            ("can_refund", &scalar(Scalar::Boolean)),
        ]
    );
    assert_eq!(
        p.response_field("settle_date")
            .and_then(|f| f.format.as_deref()),
        Some("yyyy-MM-dd")
    );

    // helpers on the type
    let goods = p.request_field("goods_detail").map(|f| &f.ty);
    assert_eq!(goods.map(FieldType::as_str), Some("array"));
    assert_eq!(
        goods.map(FieldType::item),
        Some(&FieldType::Named("GoodsDetail".to_owned()))
    );
}

#[test]
fn transfer_conditions_on_siblings() {
    let specs = load();
    let t = spec(&specs, "alipay.fund.trans.uni.transfer");

    assert_eq!(
        t.request_field("trans_amount"),
        Some(&Field {
            range: amount_range(1),
            range_if: vec![RangeIf {
                when: condition("product_code", &["TRANS_ACCOUNT_NO_PWD"], 25, 5),
                range: amount_range(10).unwrap_or_else(|| unreachable!()),
            }],
            ..field("trans_amount", scalar(Scalar::Amount), Required::Yes, 20)
        })
    );
    assert_eq!(
        t.request_field("biz_scene"),
        Some(&Field {
            values: strings(&["DIRECT_TRANSFER", "PERSONAL_COLLECTION"]),
            values_if: vec![ValuesIf {
                when: condition("product_code", &["STD_RED_PACKET"], 39, 14),
                values: strings(&["PERSONAL_COLLECTION"]),
            }],
            ..field("biz_scene", scalar(Scalar::Enum), Required::No, 35)
        })
    );

    let Some(FieldType::Object(payee)) = t.request_field("payee_info").map(|f| &f.ty) else {
        panic!("payee_info is an inline object");
    };
    assert_eq!(
        payee.field("name"),
        Some(&Field {
            required_if: Some(condition("identity_type", &["ALIPAY_LOGON_ID"], 63, 15)),
            ..field("name", scalar(Scalar::String), Required::Conditional, 60)
        })
    );
    let names: Vec<&str> = payee.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["identity", "identity_type", "name"]);
    assert!(payee.one_of_group("x").is_none());
}

#[test]
fn oauth_token_params_at_the_top_level() {
    let specs = load();
    let o = spec(&specs, "alipay.system.oauth.token");
    assert_eq!(o.params, ParamsIn::TopLevel);
    assert_eq!(o.params.as_str(), "top_level");
    let conditions: Vec<(&str, Option<&Condition>)> = o
        .request
        .iter()
        .map(|f| (f.name.as_str(), f.required_if.as_ref()))
        .collect();
    assert_eq!(
        conditions,
        [
            ("grant_type", None),
            (
                "code",
                Some(&condition("grant_type", &["authorization_code"], 23, 15))
            ),
            (
                "refresh_token",
                Some(&condition("grant_type", &["refresh_token"], 29, 15))
            ),
        ]
    );
    assert!(
        o.request
            .iter()
            .skip(1)
            .all(|f| f.required == Required::Conditional)
    );
    assert_eq!(
        o.response_field("expires_in").map(|f| &f.ty),
        Some(&scalar(Scalar::Integer))
    );
}

#[test]
fn user_info_share_has_no_business_parameters() {
    let specs = load();
    let u = spec(&specs, "alipay.user.info.share");
    assert_eq!(u.params, ParamsIn::None);
    assert!(u.request.is_empty());
    assert_eq!(u.response.len(), 2);
}

#[test]
fn named_types_resolve_only_against_the_given_types() {
    let path = Path::new(FIXTURES).join("alipay.trade.precreate.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    let file = "specs/alipay.trade.precreate.toml";
    let errors: Vec<String> = parse_spec(file, &text)
        .err()
        .unwrap_or_default()
        .iter()
        .map(ToString::to_string)
        .collect();
    let builtins = "string, amount, integer, number, boolean, date, month, datetime, pay_timeout, user_id, json, enum, object";
    assert_eq!(
        errors,
        [
            format!(
                "{file}:28:9: unknown items type \"GoodsDetail\" (expected a builtin: {builtins}; or a shared type: none declared)"
            ),
            format!(
                "{file}:97:9: unknown items type \"VoucherDetail\" (expected a builtin: {builtins}; or a shared type: none declared)"
            ),
        ]
    );

    let types_text = std::fs::read_to_string(Path::new(FIXTURES).join("_types.toml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let types = parse_types("specs/_types.toml", &types_text).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(types.file, "specs/_types.toml");
    assert!(parse_spec_with(file, &text, &types).is_ok());
}

#[test]
fn load_types_without_a_types_file_is_empty() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let types = load_types(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(types.types.is_empty());
    assert_eq!(
        types.file,
        dir.path().join("_types.toml").display().to_string()
    );
}

#[test]
fn load_dir_reports_the_types_file_first() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for name in ["_types.toml", "alipay.trade.precreate.toml"] {
        std::fs::copy(Path::new(FIXTURES).join(name), dir.path().join(name))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(load_dir(dir.path()).map(|s| s.len()), Ok(1));

    std::fs::write(
        dir.path().join("_types.toml"),
        "schema = \"alipay-spec/2\"\n\n[[type]]\nname = \"goods_detail\"\n\n[[type.fields]]\nname = \"id\"\ntype = \"string\"\nrequired = \"yes\"\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let errors: Vec<String> = load_dir(dir.path())
        .err()
        .unwrap_or_default()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errors,
        [format!(
            "{}:4:8: type name \"goods_detail\" is not PascalCase (expected ^[A-Z][A-Za-z0-9]*$, e.g. \"GoodsDetail\")",
            dir.path().join("_types.toml").display()
        )]
    );
}
