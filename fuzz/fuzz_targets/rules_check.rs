//! The rules engine on arbitrary JSON text against a fixed nested table (objects three levels
//! deep, arrays of objects and of enums, groups, conditionals, every value type): never a
//! panic, and every violation names a path and a rule.
//!
//! Run (not part of CI): `cd fuzz && cargo +nightly fuzz run rules_check`.
#![no_main]

use alipay_core::api::BizError;
use alipay_core::rules::{
    Conditional, FieldRule, Group, LenUnit, ObjectRules, Range, Then, Ty, When,
};
use libfuzzer_sys::fuzz_target;

static ADDRESS: ObjectRules = ObjectRules::new(
    "Address",
    &[
        FieldRule::new("city", Ty::Text)
            .required()
            .max_len(8, LenUnit::GbkByte),
        FieldRule::new("zip", Ty::Text).pattern("^[0-9]{6}$"),
        FieldRule::new("phone", Ty::Text).one_of(0),
        FieldRule::new("email", Ty::Text).one_of(0),
    ],
)
.groups(&[Group {
    fields: &["phone", "email"],
    min: 1,
}]);

static PAYEE: ObjectRules = ObjectRules::new(
    "PayeeInfo",
    &[
        FieldRule::new("identity", Ty::UserId).required(),
        FieldRule::new("address", Ty::Object(&ADDRESS)).required(),
    ],
);

static GOODS: ObjectRules = ObjectRules::new(
    "GoodsDetail",
    &[
        FieldRule::new("goods_id", Ty::Text).required(),
        FieldRule::new("price", Ty::Amount)
            .required()
            .amount_range(1, 1_000_000, 2),
        FieldRule::new("quantity", Ty::Integer).range(Range::Integer { min: 1, max: 99 }),
    ],
);

const MODE_B: When = When {
    field: "mode",
    equals: &["B", "C"],
};

static RULES: ObjectRules = ObjectRules::new(
    "alipay.fuzz.order",
    &[
        FieldRule::new("mode", Ty::Enum).values(&["A", "B", "C"]),
        FieldRule::new("payee_info", Ty::Object(&PAYEE)),
        FieldRule::new("goods_detail", Ty::Array(&Ty::Object(&GOODS))).max_items(3),
        FieldRule::new("tags", Ty::Array(&Ty::Enum))
            .values(&["X", "Y"])
            .max_len(1, LenUnit::Char)
            .max_items(2),
        FieldRule::new("notes", Ty::Array(&Ty::Array(&Ty::Text))).required(),
        FieldRule::new("reason", Ty::Text).conditionals(&[Conditional {
            when: MODE_B,
            then: Then::Required,
        }]),
        FieldRule::new("total", Ty::Amount)
            .amount_range(100, 10_000, 0)
            .conditionals(&[Conditional {
                when: MODE_B,
                then: Then::Range(Range::Fen {
                    min: 1,
                    max: 500,
                    scale: 1,
                }),
            }]),
        FieldRule::new("channel", Ty::Enum)
            .values(&["PAY", "REFUND"])
            .conditionals(&[Conditional {
                when: When {
                    field: "count",
                    equals: &["1"],
                },
                then: Then::Values(&["PAY"]),
            }]),
        FieldRule::new("count", Ty::Integer).range(Range::Integer { min: 0, max: 10 }),
        FieldRule::new("ratio", Ty::Number).max_len(4, LenUnit::Char),
        FieldRule::new("flag", Ty::Boolean),
        FieldRule::new("day", Ty::Date),
        FieldRule::new("month", Ty::Month),
        FieldRule::new("at", Ty::Datetime),
        FieldRule::new("timeout", Ty::PayTimeout)
            .allow_1c()
            .max_len(5, LenUnit::Char)
            .range(Range::Minutes {
                min: 1,
                max: 21_600,
                min_text: "1m",
                max_text: "15d",
            }),
        FieldRule::new("extra", Ty::Json).max_len(300, LenUnit::Char),
        FieldRule::new("payer", Ty::UserId).one_of(0),
        FieldRule::new("payer_logon", Ty::Text).one_of(0),
    ],
)
.groups(&[Group {
    fields: &["payer", "payer_logon"],
    min: 1,
}]);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match RULES.check_json(text) {
        Ok(value) => assert_eq!(RULES.check(&value), Ok(())),
        Err(BizError::Invalid(v)) => {
            assert!(!v.is_empty());
            for violation in v.iter() {
                assert!(!violation.rule.is_empty());
                let _ = violation.to_string();
            }
        }
        Err(BizError::Malformed(_)) => {}
    }
});
