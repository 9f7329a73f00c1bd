use std::path::{Path, PathBuf};

use super::*;
use crate::fit_types;

fn sdk_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pysdk")
}

fn draft(method: &str) -> Draft {
    match import(&sdk_root(), method) {
        Ok(d) => d,
        Err(e) => panic!("{method}: {e}"),
    }
}

fn err(method: &str) -> PythonError {
    match import(&sdk_root(), method) {
        Ok(d) => panic!("{method}: drafted, expected an error: {d:?}"),
        Err(e) => e,
    }
}

/// `name: type` per field, arrays as `[item]`.
fn shape(fields: &[Field]) -> Vec<String> {
    fn ty(t: &Ty) -> String {
        match t {
            Ty::Array(item) => format!("[{}]", ty(item)),
            other => other.word().to_owned(),
        }
    }
    fields
        .iter()
        .map(|f| format!("{}: {}", f.name, ty(&f.ty)))
        .collect()
}

fn shared<'d>(d: &'d Draft, name: &str) -> &'d SharedType {
    match d.types.iter().find(|t| t.name == name) {
        Some(t) => t,
        None => panic!(
            "no type {name} in {:?}",
            d.types.iter().map(|t| &t.name).collect::<Vec<_>>()
        ),
    }
}

#[test]
fn biz_model_fields_in_sdk_order_with_nesting_and_lists() {
    let d = draft("alipay.trade.pay");
    assert_eq!(d.params, Guessed::stated(Params::BizContent));
    assert_eq!(
        shape(&d.request),
        [
            "out_trade_no: string",
            "extend_params: ExtendParams",
            "goods_detail: [GoodsDetail]",
            "query_options: [string]",
            "total_amount: string",
        ]
    );
    let f = &d.request[0];
    assert_eq!(f.required, Required::No);
    assert!(f.is_inferred("type") && f.is_inferred("required"));
    assert_eq!(f.source, "Python SDK AlipayTradePayModel");
    assert_eq!(
        shape(&shared(&d, "GoodsDetail").fields),
        ["goods_id: string", "quantity: string"]
    );
    assert!(!shared(&d, "GoodsDetail").response_side);
    assert_eq!(
        shared(&d, "ExtendParams").source,
        "Python SDK alipay/aop/api/domain/ExtendParams.py"
    );
}

#[test]
fn response_fields_and_a_class_on_both_sides() {
    let d = draft("alipay.trade.pay");
    assert_eq!(
        shape(&d.response),
        [
            "trade_no: string",
            "fund_bill_list: [TradeFundBill]",
            "goods: GoodsDetailOut"
        ]
    );
    let out = shared(&d, "GoodsDetailOut");
    assert!(out.response_side);
    assert_eq!(shape(&out.fields), ["goods_id: string", "quantity: string"]);
    assert!(shared(&d, "TradeFundBill").response_side);
    assert_eq!(d.types.len(), 4);
}

#[test]
fn origins_name_the_version_and_files_and_remarks_say_no_rules() {
    let d = draft("alipay.trade.pay");
    assert_eq!(d.origins.len(), 1);
    let o = &d.origins[0];
    assert!(o.starts_with("Python SDK alipay-sdk-python 9.9.9: "), "{o}");
    for file in [
        "alipay/aop/api/request/AlipayTradePayRequest.py",
        "alipay/aop/api/domain/AlipayTradePayModel.py",
        "alipay/aop/api/domain/GoodsDetail.py",
        "alipay/aop/api/response/AlipayTradePayResponse.py",
    ] {
        assert!(o.contains(file), "{file} missing from {o}");
    }
    assert!(
        d.remarks
            .iter()
            .any(|r| r.contains("no types, required flags"))
    );
}

#[test]
fn execution_and_urls_are_guessed() {
    let d = draft("alipay.trade.pay");
    assert_eq!(d.execution.value, Execution::Execute);
    assert!(d.execution.inferred.is_some());
    assert!(d.notify_url.value);
    assert!(d.notify_url.inferred.is_some());
    assert!(!d.return_url.value);
    assert_eq!(
        guess_execution("alipay.trade.page.pay"),
        Execution::PageExecute
    );
    assert_eq!(
        guess_execution("alipay.trade.wap.pay"),
        Execution::PageExecute
    );
    assert_eq!(
        guess_execution("alipay.trade.app.pay"),
        Execution::SdkExecute
    );
    assert_eq!(
        guess_execution("alipay.fund.auth.order.app.freeze"),
        Execution::SdkExecute
    );
    assert_eq!(
        guess_execution("alipay.open.app.api.query"),
        Execution::Execute
    );
    assert_eq!(
        guess_execution("alipay.commerce.complaint.page.batchquery"),
        Execution::Execute
    );
}

#[test]
fn top_level_attributes_without_the_public_ones() {
    let d = draft("alipay.system.oauth.token");
    assert_eq!(d.params, Guessed::stated(Params::TopLevel));
    assert_eq!(shape(&d.request), ["code: string", "grant_type: string"]);
    assert_eq!(
        d.request[0].source,
        "Python SDK AlipaySystemOauthTokenRequest"
    );
    assert_eq!(
        shape(&d.response),
        ["access_token: string", "user_id: string"]
    );
}

#[test]
fn no_business_attributes_and_no_response_class() {
    let d = draft("alipay.user.info.share");
    assert_eq!(d.params, Guessed::stated(Params::None));
    assert!(d.request.is_empty() && d.response.is_empty());
    assert!(
        d.remarks
            .iter()
            .any(|r| r.contains("no AlipayUserInfoShareResponse"))
    );
}

#[test]
fn file_uploads_are_refused() {
    let e = err("alipay.offline.material.image.upload");
    assert_eq!(e.kind(), "file_upload");
    assert!(e.to_string().contains("image_content"), "{e}");
}

#[test]
fn unnamed_model_is_found_by_name_and_cycles_are_cut() {
    let d = draft("alipay.demo.tree.create");
    assert_eq!(d.params, Guessed::stated(Params::BizContent));
    assert!(
        d.remarks
            .iter()
            .any(|r| r.contains("AlipayDemoTreeCreateModel, found by its name"))
    );
    assert_eq!(shape(&d.request), ["root: Node", "order: Order"]);
    // Node -> Node: the list of children closes it
    assert_eq!(shape(&shared(&d, "Node").fields), ["name: string"]);
    // Order -> Goods -> Order: Goods.order closes it
    assert_eq!(
        shape(&shared(&d, "Order").fields),
        ["order_id: string", "goods: Goods"]
    );
    assert_eq!(shape(&shared(&d, "Goods").fields), ["goods_id: string"]);
    let cuts: Vec<&String> = d.remarks.iter().filter(|r| r.starts_with("cut ")).collect();
    assert_eq!(cuts.len(), 2, "{cuts:?}");
    assert!(
        cuts[0].contains("Node.children") && cuts[0].contains("Node -> Node"),
        "{}",
        cuts[0]
    );
    assert!(
        cuts[1].contains("Goods.order") && cuts[1].contains("Order -> Goods -> Order"),
        "{}",
        cuts[1]
    );
}

#[test]
fn a_class_with_no_fields_is_an_error() {
    let e = err("alipay.demo.odd.query");
    assert_eq!(e.kind(), "empty_class");
    assert!(e.to_string().contains("Nothing"), "{e}");
}

#[test]
fn unknown_method_counts_classes_and_suggests_a_near_one() {
    let e = err("alipay.trade.pey");
    assert_eq!(e.kind(), "unknown_method");
    let text = e.to_string();
    assert!(text.contains("6 request classes found"), "{text}");
    assert!(text.contains("did you mean alipay.trade.pay?"), "{text}");
    let far = err("zhima.nothing.like.it.at.all").to_string();
    assert!(!far.contains("did you mean"), "{far}");
}

#[test]
fn the_sdk_is_found_from_its_root_or_its_api_dir() {
    let root = sdk_root();
    let from_root = Sdk::open(&root).map(|s| s.version().map(str::to_owned));
    assert!(matches!(from_root, Ok(Some(v)) if v == "9.9.9"));
    let from_api = Sdk::open(&root.join("alipay/aop/api")).map(|s| s.version().map(str::to_owned));
    assert!(matches!(from_api, Ok(Some(v)) if v == "9.9.9"));
    let Err(e) = Sdk::open(&root.join("alipay")) else {
        panic!("alipay/ is not the SDK")
    };
    assert!(
        e.to_string()
            .contains("expected the unpacked alipay-sdk-python package root"),
        "{e}"
    );
}

#[test]
fn scan_reads_kinds_and_wire_names() {
    let text = "\
class Thing(object):

    def __init__(self):
        self._a = None
        self._b_list = None
        self._file = None

    @b_list.setter
    def b_list(self, value):
        if isinstance(value, list):
            self._b_list = list()
            for i in value:
                self._b_list.append(Item.from_alipay_dict(i))
    @file.setter
    def file(self, value):
        if not isinstance(value, FileItem):
            return

    @staticmethod
    def from_alipay_dict(d):
        o = Thing()
        if 'a-key' in d:
            o.a = d['a-key']
";
    let Ok(c) = scan::scan(text) else {
        panic!("not scanned")
    };
    assert_eq!(c.name, "Thing");
    let got: Vec<(&str, &str, &Kind)> = c
        .attrs
        .iter()
        .map(|a| (a.name.as_str(), a.wire.as_str(), &a.kind))
        .collect();
    assert_eq!(
        got,
        [
            ("a", "a-key", &Kind::Scalar),
            ("b_list", "b_list", &Kind::List(Some("Item".to_owned()))),
            ("file", "file", &Kind::File),
        ]
    );
    assert_eq!(scan::scan("x = 1\n"), Err(ScanError::NoClass));
    let twice =
        "class T(object):\n    def __init__(self):\n        self._a = None\n        self._a = 1\n";
    assert_eq!(
        scan::scan(twice),
        Err(ScanError::DuplicateAttr("a".to_owned()))
    );
}

#[test]
fn type_names_and_class_names() {
    assert!(is_type_name("GoodsDetail") && is_type_name("A1"));
    assert!(!is_type_name("goodsDetail") && !is_type_name("Goods_Detail") && !is_type_name(""));
    assert_eq!(class_name_of("alipay.trade.pay"), "AlipayTradePayRequest");
}

#[test]
fn fit_types_reuses_equal_types_and_renames_clashing_ones() {
    let pay = draft("alipay.trade.pay");
    // a directory that already has GoodsDetail on the response side and ExtendParams as is
    let mut other = shared(&pay, "GoodsDetailOut").clone();
    other.name = "GoodsDetail".to_owned();
    let existing = vec![other, shared(&pay, "ExtendParams").clone()];
    let mut d = pay.clone();
    let new = fit_types(&mut d, &existing);
    let names: Vec<&str> = new.iter().map(|t| t.name.as_str()).collect();
    // GoodsDetail (request) is renamed; GoodsDetailOut is the existing GoodsDetail
    assert_eq!(names, ["GoodsDetailIn", "TradeFundBill"]);
    assert_eq!(shape(&d.request)[2], "goods_detail: [GoodsDetailIn]");
    assert_eq!(shape(&d.response)[2], "goods: GoodsDetail");
    // fitting again into what is now there adds nothing
    let mut all = existing.clone();
    all.extend(new);
    let mut again = pay.clone();
    assert!(fit_types(&mut again, &all).is_empty());
}

#[test]
fn fit_types_to_text_reads_the_written_types_and_keeps_hand_edited_ones() {
    let pay = draft("alipay.trade.pay");
    // the directory as an earlier `--out` import left it
    let mut first = pay.clone();
    let text = crate::write::types_text(&crate::fit_types_to_text(&mut first, ""));
    assert!(
        first
            .types
            .iter()
            .all(|t| text.contains(&format!("name = \"{}\"", t.name)))
    );
    // the same API again: every type is already there, nothing renamed
    let mut again = pay.clone();
    assert!(crate::fit_types_to_text(&mut again, &text).is_empty());
    assert_eq!(shape(&again.request), shape(&pay.request));
    // a rule added by hand to ExtendParams: the draft's own ExtendParams is no longer that one
    let edited = text.replacen(
        "name = \"ExtendParams\"",
        "name = \"ExtendParams\"\ndoc = \"edited by hand\"",
        1,
    );
    let mut third = pay.clone();
    let new = crate::fit_types_to_text(&mut third, &edited);
    let names: Vec<&str> = new.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["ExtendParamsIn"]);
    assert!(
        shape(&third.request)
            .iter()
            .any(|l| l.contains("ExtendParamsIn"))
    );
}
