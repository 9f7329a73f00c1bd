//! The page reader sees whatever a user pasted. On any text it returns a draft or an error at a
//! line of the page, never panics; every draft writes out; and a real page with lines shuffled,
//! dropped or doubled still ends one of those two ways.

use proptest::prelude::*;

const PAGE: &str = include_str!("pages/alipay.fund.coupon.order.disburse.txt");

/// Fragments pages are made of, so random text reaches the parser's deeper branches.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("alipay.demo.thing.pay (演示)".to_owned()),
        Just("请求参数".to_owned()),
        Just("响应参数".to_owned()),
        Just("业务错误码".to_owned()),
        Just("触发通知类型".to_owned()),
        Just("参数 类型 是否必填 最大长度 描述 示例值".to_owned()),
        Just("错误码 错误描述 解决方案".to_owned()),
        Just("通知类型 描述 默认开启".to_owned()),
        Just("a_b String 特殊可选 64 a_b与c_d不能同时为空,以c_d为准 x".to_owned()),
        Just("c_d String 特殊可选 64 二者选一 y".to_owned()),
        Just("goods GoodsDetail[] 可选 - 商品".to_owned()),
        Just("└ goods_id String 必填 32 编号 a".to_owned()),
        Just("\tprice Price 必填 9 取值范围:[0.01,100] 1.00".to_owned()),
        Just("goods.goods_id String 必填 32 编号 a".to_owned()),
        Just("GoodsDetail".to_owned()),
        Just("t String 可选 5 取值范围:1m～15d,1c,默认1h 2d".to_owned()),
        Just("s String 必填 20 支持【A:一,B:二】 A".to_owned()),
        Just("SYSTEM_ERROR 系统繁忙 请查询".to_owned()),
        Just("x 1".to_owned()),
        "[a-zA-Z_.└\\t :：【】,，、。~～\\[\\]0-9-]{0,40}",
        "\\PC{0,20}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_text_gives_a_draft_or_a_line(lines in prop::collection::vec(fragment(), 0..40)) {
        let text = lines.join("\n");
        check(&text);
    }

    #[test]
    fn a_real_page_mangled_gives_a_draft_or_a_line(
        edits in prop::collection::vec((0usize..200, 0u8..3), 0..12)
    ) {
        let mut lines: Vec<&str> = PAGE.lines().collect();
        for (at, op) in edits {
            if lines.is_empty() { break; }
            let at = at % lines.len();
            match op {
                0 => { lines.remove(at); }
                1 => { let l = lines[at]; lines.insert(at, l); }
                _ => { let j = (at * 7 + 3) % lines.len(); lines.swap(at, j); }
            }
        }
        check(&lines.join("\n"));
    }
}

fn check(text: &str) {
    match alipay_import::page::import(text, "p.txt") {
        Ok(draft) => {
            let spec =
                alipay_import::write::spec_text(&draft, alipay_import::write::SharedTypes::Inline);
            assert!(spec.contains(&format!("method = \"{}\"", draft.method)));
            // A page that reads gives a draft the derive's checker accepts as it is.
            if let Err(errs) = alipay_spec::parse_spec(&format!("{}.toml", draft.method), &spec) {
                panic!(
                    "{}\n--- page\n{text}\n--- draft\n{spec}",
                    errs.iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("\n")
                );
            }
        }
        Err(e) => {
            let n = text.lines().count().max(1);
            assert!((1..=n).contains(&e.line), "line {} of {n}: {e}", e.line);
        }
    }
}
