//! The rules of a spec file that is not compiled in, as the same tables the generator emits
//! (`alipay_core::rules`), so `alipay validate --spec` runs the one engine the generated
//! validators run. Mirrors `alipay-codegen`'s `rules.rs` entry for entry; the corpus test
//! (`tests/validate_corpus.rs`) holds the two to identical output on every shipped spec.
//!
//! The tables are `'static` like generated ones: built once per process and leaked, which is
//! what a one-shot command wants.

use std::collections::HashMap;

use alipay_core::rules::{
    Conditional, FieldRule, Group, LenUnit, ObjectRules, Range, Then, Ty, When,
};
use alipay_spec::{ApiSpec, Condition, Field, FieldType, OneOfGroup, Required, Scalar, TypesSpec};

/// The rules of `spec`'s business parameters.
pub fn rules_of(spec: &ApiSpec, types: &TypesSpec) -> &'static ObjectRules {
    let mut b = Builder {
        types,
        named: HashMap::new(),
    };
    b.object(
        &spec.method,
        &spec.request,
        &spec.one_of,
        &spec.request_sdk_only,
    )
}

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Vec::leak(v)
}

fn text(s: &str) -> &'static str {
    String::leak(s.to_string())
}

fn texts(v: &[String]) -> &'static [&'static str] {
    leak(v.iter().map(|s| text(s)).collect())
}

struct Builder<'a> {
    types: &'a TypesSpec,
    named: HashMap<String, &'static ObjectRules>,
}

impl Builder<'_> {
    fn object(
        &mut self,
        name: &str,
        fields: &[Field],
        groups: &[OneOfGroup],
        extra: &[Field],
    ) -> &'static ObjectRules {
        let enforced: Vec<&OneOfGroup> = groups.iter().filter(|g| g.enforce).collect();
        let mut rules = Vec::new();
        for f in fields {
            let group = match &f.required {
                Required::OneOf(id) => enforced.iter().position(|g| &g.id == id),
                _ => None,
            };
            rules.push(self.field(f, group));
        }
        for f in extra {
            if let FieldType::Scalar(s) = &f.ty {
                rules.push(FieldRule::new(text(&f.name), scalar(*s)).values(texts(&f.values)));
            }
        }
        let groups = enforced
            .iter()
            .map(|g| Group {
                fields: texts(&g.precedence),
                min: g.min as u8,
            })
            .collect();
        Box::leak(Box::new(
            ObjectRules::new(text(name), leak(rules)).groups(leak(groups)),
        ))
    }

    fn ty(&mut self, f: &Field, t: &FieldType) -> Ty {
        match t {
            FieldType::Scalar(s) => scalar(*s),
            FieldType::Object(def) => {
                Ty::Object(self.object(&f.name, &def.fields, &def.one_of, &[]))
            }
            FieldType::Named(n) => Ty::Object(self.named(n)),
            FieldType::Array(item) => {
                let item = self.ty(f, item);
                Ty::Array(Box::leak(Box::new(item)))
            }
        }
    }

    /// A shared type's rules, built once (the spec checker refused cycles).
    fn named(&mut self, name: &str) -> &'static ObjectRules {
        if let Some(r) = self.named.get(name) {
            return r;
        }
        let types = self.types;
        let rules = match types.get(name) {
            Some(t) => self.object(&t.name, &t.def.fields, &t.def.one_of, &[]),
            None => Box::leak(Box::new(ObjectRules::new(text(name), &[]))),
        };
        self.named.insert(name.to_string(), rules);
        rules
    }

    fn field(&mut self, f: &Field, group: Option<usize>) -> FieldRule {
        let mut r = FieldRule::new(text(&f.name), self.ty(f, &f.ty));
        match (&f.required, group) {
            (Required::Yes, _) => r = r.required(),
            (Required::OneOf(_), Some(i)) => r = r.one_of(i as u8),
            _ => {}
        }
        if let Some(ml) = &f.max_len {
            let unit = match ml.unit {
                alipay_spec::LenUnit::Char => LenUnit::Char,
                alipay_spec::LenUnit::GbkByte => LenUnit::GbkByte,
            };
            r = r.max_len(ml.value, unit);
        }
        if let Some(p) = &f.pattern {
            r = r.pattern(text(p));
        }
        if let Some(range) = &f.range {
            r = r.range(self::range(range));
        }
        if !f.values.is_empty() {
            r = r.values(texts(&f.values));
        }
        let mut conditionals = Vec::new();
        if let Some(c) = &f.required_if {
            conditionals.push(Conditional {
                when: when(c),
                then: Then::Required,
            });
        }
        for ri in &f.range_if {
            conditionals.push(Conditional {
                when: when(&ri.when),
                then: Then::Range(range(&ri.range)),
            });
        }
        for vi in &f.values_if {
            conditionals.push(Conditional {
                when: when(&vi.when),
                then: Then::Values(texts(&vi.values)),
            });
        }
        if !conditionals.is_empty() {
            r = r.conditionals(leak(conditionals));
        }
        if let Some(n) = f.max_items {
            r = r.max_items(n);
        }
        if f.allow_1c {
            r = r.allow_1c();
        }
        r
    }
}

fn scalar(s: Scalar) -> Ty {
    match s {
        Scalar::String => Ty::Text,
        Scalar::Amount => Ty::Amount,
        Scalar::Integer => Ty::Integer,
        Scalar::Number => Ty::Number,
        Scalar::Boolean => Ty::Boolean,
        Scalar::Date => Ty::Date,
        Scalar::Month => Ty::Month,
        Scalar::Datetime => Ty::Datetime,
        Scalar::PayTimeout => Ty::PayTimeout,
        Scalar::UserId => Ty::UserId,
        Scalar::Json => Ty::Json,
        Scalar::Enum => Ty::Enum,
    }
}

fn range(r: &alipay_spec::Range) -> Range {
    match r {
        alipay_spec::Range::Amount {
            min_fen,
            max_fen,
            scale,
        } => Range::Fen {
            min: *min_fen,
            max: *max_fen,
            scale: *scale,
        },
        alipay_spec::Range::PayTimeout {
            min_minutes,
            max_minutes,
            min,
            max,
        } => Range::Minutes {
            min: *min_minutes,
            max: *max_minutes,
            min_text: text(min),
            max_text: text(max),
        },
        alipay_spec::Range::Integer { min, max } => Range::Integer {
            min: *min,
            max: *max,
        },
    }
}

fn when(c: &Condition) -> When {
    When {
        field: text(&c.field),
        equals: texts(&c.equals),
    }
}
