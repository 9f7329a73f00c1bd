//! A field's rules as a `const` table entry (`alipay_core::rules::FieldRule`), written inside
//! a block that has `use ::alipay_core::api::__private::{self as __a, FieldRule as __F, Ty as __Ty};`.

use alipay_spec::{Condition, Field, FieldType, LenUnit, Range, Required, Scalar};
use proc_macro2::TokenStream;
use quote::quote;

/// The `Ty` of a scalar.
fn scalar_ty(s: Scalar) -> TokenStream {
    match s {
        Scalar::String => quote!(Text),
        Scalar::Amount => quote!(Amount),
        Scalar::Integer => quote!(Integer),
        Scalar::Number => quote!(Number),
        Scalar::Boolean => quote!(Boolean),
        Scalar::Date => quote!(Date),
        Scalar::Month => quote!(Month),
        Scalar::Datetime => quote!(Datetime),
        Scalar::PayTimeout => quote!(PayTimeout),
        Scalar::UserId => quote!(UserId),
        Scalar::Json => quote!(Json),
        Scalar::Enum => quote!(Enum),
    }
}

/// `__a::Ty::...`; `object` names the Rust type whose `RULES` an object (item) follows.
pub fn ty(t: &FieldType, object: Option<&TokenStream>) -> TokenStream {
    match t {
        FieldType::Scalar(s) => {
            let s = scalar_ty(*s);
            quote!(__Ty::#s)
        }
        FieldType::Object(_) | FieldType::Named(_) => quote!(__Ty::Object(#object::RULES)),
        FieldType::Array(item) => {
            let item = ty(item, object);
            quote!(__Ty::Array(&#item))
        }
    }
}

/// An unsuffixed literal: the table's types give it its type.
fn lit(n: u64) -> proc_macro2::Literal {
    proc_macro2::Literal::u64_unsuffixed(n)
}

fn int(n: i64) -> TokenStream {
    let abs = proc_macro2::Literal::u64_unsuffixed(n.unsigned_abs());
    if n < 0 { quote!(-#abs) } else { quote!(#abs) }
}

fn range(r: &Range) -> TokenStream {
    match r {
        Range::Amount {
            min_fen,
            max_fen,
            scale,
        } => {
            let (min, max, scale) = (lit(*min_fen), lit(*max_fen), lit(*scale as u64));
            quote!(__a::Range::Fen { min: #min, max: #max, scale: #scale })
        }
        Range::PayTimeout {
            min_minutes,
            max_minutes,
            min,
            max,
        } => {
            let (lo, hi) = (lit(*min_minutes as u64), lit(*max_minutes as u64));
            quote!(__a::Range::Minutes { min: #lo, max: #hi, min_text: #min, max_text: #max })
        }
        Range::Integer { min, max } => {
            let (min, max) = (int(*min), int(*max));
            quote!(__a::Range::Integer { min: #min, max: #max })
        }
    }
}

fn when(c: &Condition) -> TokenStream {
    let field = &c.field;
    let equals = &c.equals;
    quote!(__a::When { field: #field, equals: &[#(#equals),*] })
}

/// The table entry of `f`. `group` is the index of its enforced one-of group, if any.
pub fn field_rule(f: &Field, group: Option<u8>, object: Option<&TokenStream>) -> TokenStream {
    let name = &f.name;
    let t = ty(&f.ty, object);
    let mut out = quote!(__F::new(#name, #t));
    match (&f.required, group) {
        (Required::Yes, _) => out.extend(quote!(.required())),
        (Required::OneOf(_), Some(i)) => {
            let i = lit(i as u64);
            out.extend(quote!(.one_of(#i)));
        }
        _ => {}
    }
    if let Some(ml) = &f.max_len {
        let max = lit(ml.value as u64);
        out.extend(match ml.unit {
            LenUnit::Char => quote!(.max_chars(#max)),
            LenUnit::GbkByte => quote!(.max_gbk(#max)),
        });
    }
    if let Some(p) = &f.pattern {
        out.extend(quote!(.pattern(#p)));
    }
    match &f.range {
        Some(Range::Amount {
            min_fen,
            max_fen,
            scale,
        }) => {
            let (min, max, scale) = (lit(*min_fen), lit(*max_fen), lit(*scale as u64));
            out.extend(quote!(.amount_range(#min, #max, #scale)));
        }
        Some(Range::PayTimeout {
            min_minutes,
            max_minutes,
            min,
            max,
        }) => {
            let (lo, hi) = (lit(*min_minutes as u64), lit(*max_minutes as u64));
            out.extend(quote!(.minutes(#lo, #hi, #min, #max)));
        }
        Some(Range::Integer { min, max }) => {
            let (min, max) = (int(*min), int(*max));
            out.extend(quote!(.integer_range(#min, #max)));
        }
        None => {}
    }
    if !f.values.is_empty() {
        let values = &f.values;
        out.extend(quote!(.values(&[#(#values),*])));
    }
    let mut conditionals = Vec::new();
    if let Some(c) = &f.required_if {
        let w = when(c);
        conditionals.push(quote!(__a::Conditional { when: #w, then: __a::Then::Required }));
    }
    for r in &f.range_if {
        let (w, r) = (when(&r.when), range(&r.range));
        conditionals.push(quote!(__a::Conditional { when: #w, then: __a::Then::Range(#r) }));
    }
    for v in &f.values_if {
        let (w, values) = (when(&v.when), &v.values);
        conditionals
            .push(quote!(__a::Conditional { when: #w, then: __a::Then::Values(&[#(#values),*]) }));
    }
    if !conditionals.is_empty() {
        out.extend(quote!(.conditionals(&[#(#conditionals),*])));
    }
    if let Some(n) = f.max_items {
        let n = lit(n as u64);
        out.extend(quote!(.max_items(#n)));
    }
    if f.allow_1c {
        out.extend(quote!(.allow_1c()));
    }
    out
}
