//! A page's rules laid over the Python SDK's structure.
//!
//! The SDK knows the wire layout for certain (every field name, the nesting, arrays, shared
//! types, biz_content or top level) but states no rule; the page states the rules but may be
//! incomplete or out of date. So the structure is the SDK's, and each field the page also
//! describes takes the page's type refinement, required flag, length, values, range, format,
//! doc text and example. Fields on only one side stay, each with a note saying so.

use crate::model::*;

/// The SDK's `structure` with the rules of `page` (both drafts of the same method).
pub fn merge(structure: Draft, page: Draft) -> Result<Draft, String> {
    if structure.method != page.method {
        return Err(format!(
            "the page describes {} but the Python SDK import is of {}",
            page.method, structure.method
        ));
    }
    let mut out = structure;
    let mut types = std::mem::take(&mut out.types);
    out.request = fields(out.request, &page.request, &mut types, true);
    out.response = fields(out.response, &page.response, &mut types, false);
    out.types = types;
    // Groups hold only when all their members made it into the merged fields.
    out.one_of = page
        .one_of
        .into_iter()
        .filter(|g| {
            g.fields
                .iter()
                .all(|m| out.request.iter().any(|f| &f.name == m))
        })
        .collect();
    out.name_zh = page.name_zh;
    out.doc = page.doc;
    out.execution = page.execution;
    out.notify_url = page.notify_url;
    out.return_url = page.return_url;
    if page.params.value != out.params.value {
        out.remarks.push(format!(
            "The page suggests params = \"{}\"; the Python SDK sends \"{}\", which is kept.",
            page.params.value.as_str(),
            out.params.value.as_str()
        ));
    }
    out.errors = page.errors;
    out.notify = page.notify;
    out.origins.extend(page.origins);
    out.remarks
        .retain(|r| !r.contains("no rules") && !r.contains("No rules"));
    out.remarks.push(
        "Structure from the Python SDK; rules, doc text and examples from the doc page.".into(),
    );
    Ok(out)
}

/// The SDK's fields in order, each with the page's rules; page-only fields appended.
fn fields(sdk: Vec<Field>, page: &[Field], types: &mut [SharedType], request: bool) -> Vec<Field> {
    let mut out: Vec<Field> = sdk
        .into_iter()
        .map(|f| match page.iter().find(|p| p.name == f.name) {
            Some(p) => field(f, p, types, request),
            None => {
                let mut f = f;
                f.notes
                    .push("In the Python SDK, not on the doc page.".into());
                f
            }
        })
        .collect();
    for p in page {
        if !out.iter().any(|f| f.name == p.name) {
            let mut p = p.clone();
            p.notes
                .push("On the doc page, not in the Python SDK's model.".into());
            out.push(p);
        }
    }
    out
}

fn field(sdk: Field, page: &Field, types: &mut [SharedType], request: bool) -> Field {
    let mut f = sdk;
    // Members: an inline object's, or the shared type's (rules go into the type once).
    match f.ty.value().clone() {
        Ty::Shared(name) => {
            if let Some(pos) = types.iter().position(|t| t.name == name) {
                let members = std::mem::take(&mut types[pos].fields);
                let merged = fields(members, &page.fields, types, request);
                types[pos].fields = merged;
            }
        }
        Ty::Object => {
            let members = std::mem::take(&mut f.fields);
            f.fields = fields(members, &page.fields, types, request);
            f.one_of_groups = page.one_of_groups.clone();
        }
        _ => {
            // A scalar in the SDK: the page says which scalar.
            let sdk_is_array = matches!(f.ty, Ty::Array(_));
            let page_value = page.ty.value().clone();
            if !page_value.has_members() {
                f.ty = if sdk_is_array {
                    Ty::Array(Box::new(page_value))
                } else {
                    page_value
                };
            }
        }
    }
    f.required = page.required.clone();
    f.max_len = page.max_len;
    f.len_unit = page.len_unit;
    f.values = page.values.clone();
    f.range = page.range.clone();
    f.allow_1c = page.allow_1c;
    f.format = page.format.clone();
    f.default = page.default.clone();
    f.doc = page.doc.clone();
    f.example = page.example.clone();
    f.notes.extend(page.notes.iter().cloned());
    f.inferred = page.inferred.clone();
    if matches!(page.ty, Ty::Array(_)) != matches!(f.ty, Ty::Array(_)) {
        f.notes.push(format!(
            "The page says {}an array; the Python SDK, which is kept, says {}.",
            if matches!(page.ty, Ty::Array(_)) {
                ""
            } else {
                "not "
            },
            if matches!(f.ty, Ty::Array(_)) {
                "an array"
            } else {
                "not an array"
            },
        ));
    }
    f.source = format!("{}; {}", f.source, page.source);
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sdk_field(name: &str, ty: Ty) -> Field {
        let mut f = Field {
            name: name.into(),
            ty,
            source: "Python SDK".into(),
            ..Field::default()
        };
        f.infer("type", "the Python SDK states no types");
        f.infer("required", "the Python SDK states no required flags");
        f
    }

    fn structure() -> Draft {
        Draft {
            method: "alipay.demo.pay".into(),
            params: Guessed::stated(Params::BizContent),
            request: vec![
                sdk_field("out_trade_no", Ty::String),
                sdk_field(
                    "goods_detail",
                    Ty::Array(Box::new(Ty::Shared("GoodsDetail".into()))),
                ),
                sdk_field("sdk_only", Ty::String),
            ],
            types: vec![SharedType {
                name: "GoodsDetail".into(),
                fields: vec![
                    sdk_field("goods_id", Ty::String),
                    sdk_field("price", Ty::String),
                ],
                ..SharedType::default()
            }],
            remarks: vec!["No rules: the Python SDK states none.".into()],
            ..Draft::default()
        }
    }

    const PAGE: &str = "alipay.demo.pay (演示)

演示。

请求参数

参数 类型 是否必填 最大长度 描述 示例值
out_trade_no String 必选 64 商户订单号 T1
goods_detail GoodsDetail[] 可选 - 商品
└ goods_id String 必填 32 编号 a
└ price Price 必填 9 单价,取值范围:[0.01,100] 1.00
page_only String 可选 8 页面才有 x

业务错误码

错误码 错误描述 解决方案
SYSTEM_ERROR 系统繁忙 请使用相同的参数再次调用
";

    #[test]
    fn the_page_rules_fill_the_sdk_structure() {
        let page = crate::page::import(PAGE, "p.txt").unwrap();
        let d = merge(structure(), page).unwrap();
        let names: Vec<&str> = d.request.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            ["out_trade_no", "goods_detail", "sdk_only", "page_only"]
        );
        let no = &d.request[0];
        assert_eq!((no.required.clone(), no.max_len), (Required::Yes, Some(64)));
        assert!(!no.is_inferred("type") && !no.is_inferred("required"));
        // The shared type keeps its name and takes the page's member rules.
        assert_eq!(
            d.request[1].ty,
            Ty::Array(Box::new(Ty::Shared("GoodsDetail".into())))
        );
        let price = &d.types[0].fields[1];
        assert_eq!(price.ty, Ty::Amount);
        assert_eq!(price.required, Required::Yes);
        assert!(price.range.is_some());
        // One side only: kept, and said so.
        assert!(
            d.request[2]
                .notes
                .iter()
                .any(|n| n.contains("not on the doc page"))
        );
        assert!(d.request[2].is_inferred("type"));
        assert!(
            d.request[3]
                .notes
                .iter()
                .any(|n| n.contains("not in the Python SDK"))
        );
        assert_eq!(d.errors.len(), 1);
        assert_eq!(d.name_zh, "演示");
        assert!(d.remarks.iter().all(|r| !r.contains("No rules")));
        // Written out, both forms pass the checker.
        let inline = crate::write::spec_text(&d, crate::write::SharedTypes::Inline);
        alipay_spec::parse_spec("alipay.demo.pay.toml", &inline)
            .unwrap_or_else(|e| panic!("{e:?}\n{inline}"));
        let types = alipay_spec::parse_types("_types.toml", &crate::write::types_text(&d.types))
            .unwrap_or_else(|e| panic!("{e:?}"));
        let named = crate::write::spec_text(&d, crate::write::SharedTypes::Named);
        alipay_spec::parse_spec_with("alipay.demo.pay.toml", &named, &types)
            .unwrap_or_else(|e| panic!("{e:?}\n{named}"));
    }

    #[test]
    fn a_page_of_another_api_is_refused() {
        let page = crate::page::import(PAGE, "p.txt").unwrap();
        let mut s = structure();
        s.method = "alipay.other.pay".into();
        let e = merge(s, page).unwrap_err();
        assert!(
            e.contains("alipay.demo.pay") && e.contains("alipay.other.pay"),
            "{e}"
        );
    }
}
