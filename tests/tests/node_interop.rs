//! Interoperability with the official Node SDK (`alipay-sdk` 4.14.0, pinned in
//! `tests/interop/package-lock.json` and installed by the first test that needs it).
//!
//! Every test runs the same inputs through our `alipay` CLI (or `alipay-core`) and through the
//! Node SDK (`tests/interop/sign.mjs`, `check.mjs`) and asserts exact equality: signatures,
//! sign contents, decoded parameter sets, order strings. Where the Node SDK is known to be
//! wrong (GBK) the test asserts the difference and checks our side
//! independently with `openssl`.
//!
//! Two divergences of the Node SDK are asserted as such (so a change on either side shows up):
//! it signs UTF-8 bytes under `charset=GBK`, and its page form escapes only `"`, so values
//! containing character references (`&amp;`, `&lt;`) reach the gateway changed. Its
//! `app_cert_sn` also differs from Java's for issuer names that need RFC 2253 escaping.
//! The last test compares with the official Python SDK (`alipay-sdk-python` 3.7.1411, in a venv
//! under the target directory), which encodes the sign content in the charset as we do.
//!
//! Needs `node`/`npm`, `python3` (with venv, PyPI reachable once) and `openssl`; a missing tool
//! fails the test with instructions. Run: `cargo test -p alipay-tests --test node_interop`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use alipay_core::{Charset, EncryptKey, GatewayPrivateKey, SignType};
use alipay_tests::{alipay, run, run_node, run_ok, testdata, testdata_text};
use serde_json::{Value, json};

const APP_ID: &str = "2021000000000001";
const GATEWAY: &str = "https://openapi.alipay.com/gateway.do";
const TIMESTAMP: &str = "2024-01-02 12:05:06";
/// Node's `pageExecute` adds this (signed) parameter; ours is given it explicitly.
const NODE_ALIPAY_SDK: &str = "alipay-sdk-nodejs-4.0.0";
/// A base64 AES-128 content key (test only).
const AES_KEY: &str = "aa4BtZ4tspm2wnXLb1ThQA==";

/// biz_content with everything that must survive signing verbatim: Chinese, `&`, `=`, `+`,
/// spaces (single and double), a URL with a query, `%`, quotes and a backslash escape.
const BIZ_CONTENT: &str = r#"{"out_trade_no":"20240102120506001","total_amount":"88.88","subject":"测试订单 Test&Order=1+1","body":"a b  c 100% \"q\" \\ /","product_code":"FAST_INSTANT_TRADE_PAY","goods_detail":[{"goods_id":"g-1","goods_name":"苹果 ½kg","quantity":2,"price":"44.44"}],"extend_params":{"sys_service_provider_id":"2088511833207846"},"passback_params":"merchant%20data+x=1&y=2"}"#;

/// `encodeURIComponent` leaves `!'()*~` unescaped while form encoders do not: sdk mode must
/// match Node byte for byte on them.
const BIZ_CONTENT_PUNCT: &str = r#"{"out_trade_no":"T-2024_01.02~x","total_amount":"0.01","subject":"it's (very) *fun*! ~ ¥ 元 €","timeout_express":"30m"}"#;

// ---------------------------------------------------------------------------------------------
// one signing case, given to both sides

#[derive(Clone)]
struct Case {
    method: &'static str,
    sign_type: &'static str,
    charset: &'static str,
    biz_content: Option<&'static str>,
    /// Extra parameters, in name order (the order Node then emits them in).
    params: Vec<(&'static str, &'static str)>,
    encrypt: bool,
    /// Certificate mode: (app cert, Alipay root bundle, Alipay cert), paths under testdata.
    certs: Option<(&'static str, &'static str, &'static str)>,
}

impl Case {
    fn new(method: &'static str) -> Case {
        Case {
            method,
            sign_type: "RSA2",
            charset: "utf-8",
            biz_content: Some(BIZ_CONTENT),
            params: vec![("notify_url", "https://example.com/alipay/notify?a=1&b=2")],
            encrypt: false,
            certs: None,
        }
    }

    /// `alipay sign` arguments for `mode`, with the app key read from `key_file`.
    fn our_args(&self, mode: &str, key_file: &Path) -> Vec<String> {
        let mut args: Vec<String> = vec![
            "sign".into(),
            "--app-id".into(),
            APP_ID.into(),
            "--method".into(),
            self.method.into(),
            "--private-key".into(),
            key_file.display().to_string(),
            "--sign-type".into(),
            self.sign_type.into(),
            "--charset".into(),
            self.charset.into(),
            "--timestamp".into(),
            TIMESTAMP.into(),
            "--mode".into(),
            mode.into(),
            "--gateway".into(),
            GATEWAY.into(),
        ];
        if let Some(biz) = self.biz_content {
            args.push("--biz-content".into());
            args.push(biz.into());
        }
        for (name, value) in &self.params {
            args.push("--param".into());
            args.push(format!("{name}={value}"));
        }
        if let Some((app_cert, root_cert, _)) = self.certs {
            args.push("--app-cert".into());
            args.push(testdata(app_cert).display().to_string());
            args.push("--alipay-root-cert".into());
            args.push(testdata(root_cert).display().to_string());
        }
        if self.encrypt {
            args.push("--encrypt-key".into());
            args.push(AES_KEY.into());
        }
        args
    }

    /// The `sign.mjs` job: `new AlipaySdk(config)[op](method, [http_method,] params)`.
    fn node_job(&self, op: &str, http_method: Option<&str>) -> String {
        let mut config = json!({
            "appId": APP_ID,
            "privateKey": testdata_text("app_private_pkcs1.pem"),
            "signType": self.sign_type,
            "charset": self.charset,
            "gateway": GATEWAY,
        });
        // serde_json's map is sorted: the user params reach Node in name order, after
        // `timestamp`, which replaces the SDK's clock in place (util.ts sign()).
        let mut params = serde_json::Map::new();
        params.insert("timestamp".into(), TIMESTAMP.into());
        for (name, value) in &self.params {
            params.insert((*name).into(), (*value).into());
        }
        if let Some((app_cert, root_cert, alipay_cert)) = self.certs {
            config["appCertContent"] = testdata_text(app_cert).into();
            config["alipayRootCertContent"] = testdata_text(root_cert).into();
            config["alipayPublicCertContent"] = testdata_text(alipay_cert).into();
        }
        if self.encrypt {
            config["encryptKey"] = AES_KEY.into();
            params.insert("needEncrypt".into(), true.into());
        }
        let mut job = json!({
            "config": config,
            "op": op,
            "method": self.method,
            "params": params,
            "appPublicKey": testdata_text("app_public_spki.pem"),
        });
        if let Some(biz) = self.biz_content {
            job["bizContentJson"] = biz.into();
        }
        if let Some(m) = http_method {
            job["httpMethod"] = m.into();
        }
        job.to_string()
    }
}

/// What `alipay sign` printed.
#[derive(Debug)]
struct Ours {
    sign_content: String,
    sign: String,
    params: BTreeMap<String, String>,
    output: Option<String>,
}

fn our_sign(case: &Case, mode: &str, key_file: &Path) -> Ours {
    let stdout = run_ok(alipay().args(case.our_args(mode, key_file)), b"");
    let v: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("`alipay sign` printed invalid JSON ({e}):\n{stdout}"));
    let text = |name: &str| -> String {
        v[name]
            .as_str()
            .unwrap_or_else(|| panic!("`alipay sign` output has no string {name:?}:\n{stdout}"))
            .to_string()
    };
    let params = v["params"]
        .as_object()
        .unwrap_or_else(|| panic!("`alipay sign` output has no \"params\" object:\n{stdout}"))
        .iter()
        .map(|(k, v)| {
            let v = v
                .as_str()
                .unwrap_or_else(|| panic!("param {k:?} is not a string:\n{stdout}"));
            (k.clone(), v.to_string())
        })
        .collect();
    Ours {
        sign_content: text("sign_content"),
        sign: text("sign"),
        params,
        output: v["output"].as_str().map(str::to_string),
    }
}

/// What Node's `sdkExecute` returned, decoded by `sign.mjs`.
#[derive(Debug)]
struct NodeSdk {
    output: String,
    params: Vec<(String, String)>,
    sign_content: String,
}

impl NodeSdk {
    fn map(&self) -> BTreeMap<String, String> {
        to_map(self.params.clone(), "Node sdkExecute")
    }

    fn sign(&self) -> String {
        self.map()
            .get("sign")
            .cloned()
            .expect("Node's sdkExecute output has a sign")
    }
}

fn node_sdk_execute(case: &Case) -> NodeSdk {
    let stdout = run_node("sign.mjs", &case.node_job("sdkExecute", None));
    let v: Value = serde_json::from_str(&stdout).expect("sign.mjs prints JSON");
    assert_eq!(
        v["sign_content_verified"],
        Value::Bool(true),
        "Node's signature does not verify over the sign content sign.mjs recomputed from its \
         output: the recomputation is wrong, so the comparisons below would be meaningless"
    );
    let params = v["params"]
        .as_array()
        .expect("params array")
        .iter()
        .map(|pair| {
            (
                pair[0].as_str().expect("name").to_string(),
                pair[1].as_str().expect("value").to_string(),
            )
        })
        .collect();
    NodeSdk {
        output: v["output"].as_str().expect("output").to_string(),
        params,
        sign_content: v["sign_content"]
            .as_str()
            .expect("sign_content")
            .to_string(),
    }
}

fn node_page_execute(case: &Case, http_method: &str) -> String {
    let stdout = run_node("sign.mjs", &case.node_job("pageExecute", Some(http_method)));
    let v: Value = serde_json::from_str(&stdout).expect("sign.mjs prints JSON");
    v["output"].as_str().expect("output").to_string()
}

/// Runs `check.mjs` on one job and returns its result.
fn node_check_value(job: Value) -> Value {
    let stdout = run_node("check.mjs", &job.to_string());
    let mut v: Value = serde_json::from_str(&stdout).expect("check.mjs prints JSON");
    v["result"].take()
}

/// Runs `check.mjs` on one verification job and returns its boolean result.
fn node_check(job: Value) -> bool {
    let result = node_check_value(job);
    result
        .as_bool()
        .unwrap_or_else(|| panic!("check.mjs result is not a boolean: {result}"))
}

// ---------------------------------------------------------------------------------------------
// decoding what both sides produce (written here, independent of the code under test)

fn to_map(pairs: Vec<(String, String)>, what: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for (k, v) in pairs {
        if let Some(old) = map.insert(k.clone(), v.clone()) {
            panic!("{what}: parameter {k:?} appears twice ({old:?}, {v:?})");
        }
    }
    map
}

/// `%XX` decoding (UTF-8), `+` as space when `plus_is_space`.
fn percent_decode(s: &str, plus_is_space: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s
                    .get(i + 1..i + 3)
                    .unwrap_or_else(|| panic!("truncated %-escape in {s:?}"));
                let byte = u8::from_str_radix(hex, 16)
                    .unwrap_or_else(|_| panic!("bad %-escape %{hex} in {s:?}"));
                out.push(byte);
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| panic!("%-escapes of {s:?} are not UTF-8"))
}

/// Splits `a=1&b=2` (form or `encodeURIComponent` style) into decoded pairs.
fn parse_query(query: &str, plus_is_space: bool) -> Vec<(String, String)> {
    if query.is_empty() {
        return Vec::new();
    }
    query
        .split('&')
        .map(|pair| {
            let (k, v) = pair
                .split_once('=')
                .unwrap_or_else(|| panic!("no '=' in query pair {pair:?}"));
            (
                percent_decode(k, plus_is_space),
                percent_decode(v, plus_is_space),
            )
        })
        .collect()
}

/// A page URL `https://…/gateway.do?query` → (base, decoded params).
fn parse_page_url(url: &str) -> (String, BTreeMap<String, String>) {
    let (base, query) = url
        .split_once('?')
        .unwrap_or_else(|| panic!("page URL without query: {url}"));
    (base.to_string(), to_map(parse_query(query, true), url))
}

/// Decodes character references the way a browser does in attribute values (the named ones
/// an HTML form generator may emit, and numeric ones); an `&` that starts none is literal.
fn html_unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest.find(';').and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "quot" => Some('"'),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The attributes of every `<tag …>` in `html`, values HTML-unescaped.
fn tags(html: &str, tag: &str) -> Vec<BTreeMap<String, String>> {
    let open = format!("<{tag}");
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        rest = &rest[i + open.len()..];
        let mut attrs = BTreeMap::new();
        loop {
            rest = rest.trim_start();
            if rest.starts_with("/>") || rest.starts_with('>') || rest.is_empty() {
                break;
            }
            let name_end = rest
                .find(|c: char| c == '=' || c == '>' || c == '/' || c.is_whitespace())
                .unwrap_or(rest.len());
            let name = rest[..name_end].to_ascii_lowercase();
            rest = rest[name_end..].trim_start();
            let value = if let Some(after) = rest.strip_prefix('=') {
                let after = after.trim_start();
                let quote = after.chars().next().expect("attribute value");
                if quote == '"' || quote == '\'' {
                    let end = after[1..]
                        .find(quote)
                        .unwrap_or_else(|| panic!("unterminated attribute in <{tag}"));
                    rest = &after[end + 2..];
                    html_unescape(&after[1..end + 1])
                } else {
                    let end = after
                        .find(|c: char| c == '>' || c.is_whitespace())
                        .unwrap_or(after.len());
                    rest = &after[end..];
                    html_unescape(&after[..end])
                }
            } else {
                if name.is_empty() {
                    // a stray '/' inside the tag
                    rest = &rest[1..];
                    continue;
                }
                String::new()
            };
            attrs.insert(name, value);
        }
        found.push(attrs);
    }
    found
}

/// A page form → (action base URL, action query params + hidden inputs, decoded).
fn parse_page_form(html: &str) -> (String, BTreeMap<String, String>) {
    let forms = tags(html, "form");
    assert_eq!(forms.len(), 1, "expected one <form> in:\n{html}");
    let action = forms[0]
        .get("action")
        .unwrap_or_else(|| panic!("<form> without action:\n{html}"));
    assert_eq!(
        forms[0].get("method").map(|m| m.to_ascii_lowercase()),
        Some("post".to_string()),
        "the form must POST:\n{html}"
    );
    let (base, query) = match action.split_once('?') {
        Some((b, q)) => (b.to_string(), q),
        None => (action.clone(), ""),
    };
    let mut pairs = parse_query(query, true);
    for input in tags(html, "input") {
        if input.get("type").map(String::as_str) == Some("submit") {
            continue;
        }
        let name = input
            .get("name")
            .unwrap_or_else(|| panic!("<input> without name in:\n{html}"));
        let value = input.get("value").cloned().unwrap_or_default();
        pairs.push((name.clone(), value));
    }
    (base, to_map(pairs, "page form"))
}

// ---------------------------------------------------------------------------------------------
// files

fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("node-interop-")
        .tempdir_in(alipay_tests::scratch_dir())
        .expect("temp dir")
}

/// The base64 body of a PEM file on one line (what Alipay's key tool shows).
fn bare_base64(pem: &str) -> String {
    pem.lines()
        .filter(|l| !l.starts_with("-----"))
        .map(str::trim)
        .collect()
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, contents).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    path
}

fn app_key() -> PathBuf {
    testdata("app_private_pkcs8.pem")
}

// ---------------------------------------------------------------------------------------------
// requests

/// Asserts our signed request equals Node's: sign content, signature, every parameter.
fn assert_same_request(ours: &Ours, node: &NodeSdk) {
    assert_eq!(ours.sign_content, node.sign_content, "sign content differs");
    assert_eq!(ours.sign, node.sign(), "signature differs");
    assert_eq!(ours.params, node.map(), "parameter sets differ");
    assert_eq!(
        ours.params.get("sign"),
        Some(&ours.sign),
        "our params carry a different sign than the sign field"
    );
}

#[test]
fn rsa2_utf8_request_matches_node() {
    let case = Case::new("alipay.trade.precreate");
    let ours = our_sign(&case, "execute", &app_key());
    let node = node_sdk_execute(&case);
    assert_same_request(&ours, &node);
    // The fixture really exercises what it claims to.
    for needle in ["测试订单", "&Order=1+1", "a b  c", "notify?a=1&b=2"] {
        assert!(ours.sign_content.contains(needle), "{needle:?} not signed");
    }
    assert_eq!(
        ours.params["biz_content"], BIZ_CONTENT,
        "biz_content not verbatim"
    );
    assert_eq!(ours.params["sign_type"], "RSA2");
    assert_eq!(ours.sign.len(), 344, "RSA-2048 signature in base64");
}

#[test]
fn rsa_sha1_request_matches_node() {
    let case = Case {
        sign_type: "RSA",
        ..Case::new("alipay.trade.query")
    };
    let ours = our_sign(&case, "execute", &app_key());
    let node = node_sdk_execute(&case);
    assert_same_request(&ours, &node);
    assert_eq!(ours.params["sign_type"], "RSA");
}

#[test]
fn request_without_biz_content_matches_node() {
    // alipay.system.oauth.token: top-level params only, no biz_content at all.
    let case = Case {
        biz_content: None,
        params: vec![
            ("code", "4b203fe6c11548bcabd8da5bb087a83b"),
            ("grant_type", "authorization_code"),
        ],
        ..Case::new("alipay.system.oauth.token")
    };
    let ours = our_sign(&case, "execute", &app_key());
    let node = node_sdk_execute(&case);
    assert_same_request(&ours, &node);
    assert!(!ours.params.contains_key("biz_content"));
}

#[test]
fn aes_encrypted_request_matches_node() {
    let case = Case {
        encrypt: true,
        ..Case::new("alipay.trade.create")
    };
    let ours = our_sign(&case, "execute", &app_key());
    let node = node_sdk_execute(&case);
    let node_map = node.map();
    assert_eq!(
        ours.params.get("biz_content"),
        node_map.get("biz_content"),
        "AES ciphertext of biz_content differs"
    );
    assert_ne!(ours.params["biz_content"], BIZ_CONTENT, "not encrypted");
    assert_eq!(
        ours.params.get("encrypt_type").map(String::as_str),
        Some("AES")
    );
    assert_same_request(&ours, &node);
    assert!(
        ours.sign_content.contains("&encrypt_type=AES"),
        "encrypt_type must be signed"
    );
}

#[test]
fn sdk_mode_order_string_is_byte_identical_to_node() {
    for (label, case) in [
        (
            "app pay",
            Case {
                params: vec![
                    ("app_auth_token", "202401BB2a1c2a3b4c5d6e7f8a9b0c1d2e3f"),
                    ("notify_url", "https://example.com/alipay/notify?a=1&b=2"),
                ],
                ..Case::new("alipay.trade.app.pay")
            },
        ),
        (
            "encodeURIComponent punctuation",
            Case {
                biz_content: Some(BIZ_CONTENT_PUNCT),
                params: vec![("notify_url", "https://example.com/n?x=(1)&y=it's*~!")],
                ..Case::new("alipay.trade.app.pay")
            },
        ),
        (
            "RSA",
            Case {
                sign_type: "RSA",
                ..Case::new("alipay.trade.app.pay")
            },
        ),
        (
            "AES",
            Case {
                encrypt: true,
                ..Case::new("alipay.trade.app.pay")
            },
        ),
    ] {
        let ours = our_sign(&case, "sdk", &app_key());
        let node = node_sdk_execute(&case);
        let output = ours
            .output
            .as_deref()
            .unwrap_or_else(|| panic!("{label}: `alipay sign --mode sdk` printed no output"));
        assert_eq!(output, node.output, "{label}: sdk order string differs");
        assert_same_request(&ours, &node);
    }
}

#[test]
fn page_get_url_matches_node() {
    let mut case = Case::new("alipay.trade.page.pay");
    case.params = vec![
        ("notify_url", "https://example.com/alipay/notify?a=1&b=2"),
        (
            "return_url",
            "https://example.com/return?order=20240102120506001&t=a b",
        ),
    ];
    let node_url = node_page_execute(&case, "GET");
    let mut ours_case = case.clone();
    ours_case.params.insert(0, ("alipay_sdk", NODE_ALIPAY_SDK));
    let ours = our_sign(&ours_case, "page-get", &app_key());
    let our_url = ours.output.as_deref().expect("page-get prints output");

    let (node_base, node_params) = parse_page_url(&node_url);
    let (our_base, our_params) = parse_page_url(our_url);
    assert_eq!(our_base, node_base, "gateway differs");
    assert_eq!(our_params, node_params, "page GET parameters differ");
    assert_eq!(
        ours.params, node_params,
        "our params field differs from Node's URL"
    );
    assert_eq!(
        our_params.get("sign"),
        node_params.get("sign"),
        "signature differs"
    );
    assert_eq!(node_params["alipay_sdk"], NODE_ALIPAY_SDK);
}

fn page_post_case(biz_content: &'static str) -> Case {
    Case {
        biz_content: Some(biz_content),
        params: vec![
            ("notify_url", "https://example.com/alipay/notify?a=1&b=2"),
            ("return_url", "https://example.com/return"),
        ],
        ..Case::new("alipay.trade.wap.pay")
    }
}

/// Both page forms for `case`, parsed as a browser reads them: (ours, Node's), and our
/// `alipay sign` result.
fn page_post_both(case: &Case) -> (BTreeMap<String, String>, BTreeMap<String, String>, Ours) {
    let node_html = node_page_execute(case, "POST");
    let mut ours_case = case.clone();
    ours_case.params.insert(0, ("alipay_sdk", NODE_ALIPAY_SDK));
    let ours = our_sign(&ours_case, "page-post", &app_key());
    let our_html = ours.output.as_deref().expect("page-post prints output");
    let (node_base, node_params) = parse_page_form(&node_html);
    let (our_base, our_params) = parse_page_form(our_html);
    assert_eq!(our_base, node_base, "form action gateway differs");
    assert_eq!(node_base, GATEWAY);
    (our_params, node_params, ours)
}

#[test]
fn page_post_form_matches_node() {
    // Quotes, angle brackets, apostrophes and bare ampersands must survive the HTML form.
    let case = page_post_case(
        r#"{"out_trade_no":"W20240102","total_amount":"1.00","subject":"say \"hi\" <b>测试</b> & more 'x' a&b","product_code":"QUICK_WAP_WAY","quit_url":"https://example.com/q?a=1&b=<2>"}"#,
    );
    let (our_params, node_params, ours) = page_post_both(&case);
    assert_eq!(
        node_params.get("biz_content").map(String::as_str),
        case.biz_content,
        "Node's form does not carry biz_content verbatim (parser or Node problem)"
    );
    assert_eq!(our_params, node_params, "page POST parameters differ");
    assert_eq!(
        ours.params, node_params,
        "our params field differs from Node's form"
    );
}

#[test]
fn page_post_form_of_node_corrupts_character_references() {
    // Node's #pageExec escapes only `"` in input values (alipay.ts, `.replace(/\"/g,
    // '&quot;')`). A value containing text such as `&amp;` or `&lt;` is therefore read by the
    // browser as `&` / `<` and posted changed, while the signature covers the original:
    // the gateway would reject it. Ours escapes `&` too, so the browser posts the signed value.
    let biz = r#"{"out_trade_no":"W20240103","total_amount":"1.00","subject":"R&amp;D &lt;dept&gt; &#36;5 &quot;x&quot;","product_code":"QUICK_WAP_WAY"}"#;
    let case = page_post_case(biz);
    let (our_params, node_params, ours) = page_post_both(&case);
    assert_eq!(
        our_params.get("biz_content").map(String::as_str),
        Some(biz),
        "our form must deliver biz_content verbatim"
    );
    assert_eq!(
        our_params, ours.params,
        "our form differs from our signed params"
    );
    assert_eq!(
        node_params.get("biz_content").map(String::as_str),
        Some(
            r#"{"out_trade_no":"W20240103","total_amount":"1.00","subject":"R&D <dept> $5 "x"","product_code":"QUICK_WAP_WAY"}"#
        ),
        "Node's form is expected to lose the character references (if this changed, Node \
         fixed its form escaping)"
    );
    // Everything else, the signature included, is the same: Node signed the original value.
    let mut ours_rest = our_params.clone();
    let mut node_rest = node_params.clone();
    ours_rest.remove("biz_content");
    node_rest.remove("biz_content");
    assert_eq!(ours_rest, node_rest);
}

#[test]
fn app_key_format_does_not_change_the_signature() {
    let dir = temp_dir();
    let pkcs8_bare = write(
        dir.path(),
        "pkcs8.txt",
        bare_base64(&testdata_text("app_private_pkcs8.pem")),
    );
    let pkcs1_bare = write(
        dir.path(),
        "pkcs1.txt",
        bare_base64(&testdata_text("app_private_pkcs1.pem")),
    );
    let case = Case::new("alipay.trade.precreate");
    let node = node_sdk_execute(&case); // Node gets the PKCS#1 PEM
    for (label, key) in [
        ("PKCS#8 PEM", testdata("app_private_pkcs8.pem")),
        ("PKCS#8 bare base64", pkcs8_bare),
        ("PKCS#1 PEM", testdata("app_private_pkcs1.pem")),
        ("PKCS#1 bare base64", pkcs1_bare),
    ] {
        let ours = our_sign(&case, "execute", &key);
        assert_eq!(
            ours.sign,
            node.sign(),
            "{label}: signature differs from Node's"
        );
        assert_eq!(
            ours.sign_content, node.sign_content,
            "{label}: sign content"
        );
    }
}

const REAL_CERTS: (&str, &str, &str) = (
    "alipay-certs/appCertPublicKey_2021001161683774.crt",
    "alipay-certs/alipayRootCert.crt",
    "alipay-certs/alipayCertPublicKey_RSA2.crt",
);

#[test]
fn cert_mode_request_matches_node() {
    // Alipay's real certificates (public; the app key does not match the app certificate,
    // which does not matter: the SNs are plain signed parameters).
    let case = Case {
        certs: Some(REAL_CERTS),
        params: vec![
            ("app_auth_token", "202401BB2a1c2a3b4c5d6e7f8a9b0c1d2e3f"),
            ("notify_url", "https://example.com/alipay/notify?a=1&b=2"),
        ],
        ..Case::new("alipay.trade.app.pay")
    };
    let ours = our_sign(&case, "sdk", &app_key());
    let node = node_sdk_execute(&case);
    assert_eq!(
        ours.params.get("app_cert_sn").map(String::as_str),
        Some("866efef280dec9137a87d047ac446315")
    );
    assert_eq!(
        ours.params.get("alipay_root_cert_sn").map(String::as_str),
        Some("687b59193f3f462dd5336e5abf83c5d8_02941eef3187dddf3d3b83462e1dfcf6")
    );
    assert_same_request(&ours, &node);
    assert_eq!(
        ours.output.as_deref(),
        Some(node.output.as_str()),
        "sdk order string differs in certificate mode"
    );

    // Synthetic certificates: an RSASSA-PSS root, an ECDSA root and an RSA-SHA1 root in one
    // bundle (Node agrees with the Java rule on them), and an app certificate whose issuer
    // name needs every RFC 2253 escaping rule of Java's X500Principal.getName(). Node's
    // antcertutil joins `shortName=value` without escaping, so its app_cert_sn for that
    // certificate differs from Java's (and ours); the gateway computes SNs the Java way.
    let synthetic = Case {
        certs: Some((
            "synthetic-certs/appCertPublicKey_2021000000000001.crt",
            "synthetic-certs/alipayRootCert.crt",
            "synthetic-certs/alipayCertPublicKey_RSA2.crt",
        )),
        ..Case::new("alipay.trade.precreate")
    };
    let ours = our_sign(&synthetic, "execute", &app_key());
    let node = node_sdk_execute(&synthetic);
    let node_map = node.map();
    assert_eq!(
        ours.params.get("alipay_root_cert_sn"),
        node_map.get("alipay_root_cert_sn"),
        "root SN of a bundle with PSS/ECDSA/SHA-1 roots differs from Node's"
    );
    assert_eq!(
        ours.params.get("app_cert_sn").map(String::as_str),
        Some("b8f587915aa19d3c55608fc9fe3fd985"),
        "our app_cert_sn must be Java's (synthetic-certs/README.md)"
    );
    assert_eq!(
        node_map.get("app_cert_sn").map(String::as_str),
        Some("ba2ee1112d3a99db83ade1143d251929"),
        "Node's (non-Java) app_cert_sn for the odd issuer changed: re-check the divergence"
    );
}

// ---------------------------------------------------------------------------------------------
// GBK: where the Node SDK is wrong

fn require(program: &str, version_arg: &str) {
    let ok = Command::new(program)
        .arg(version_arg)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        ok,
        "`{program}` is needed by this test (independent GBK/signature check) but does not run; \
         install it and re-run"
    );
}

/// `python3 -c script` with stdin; returns stdout bytes.
fn python(script: &str, stdin: &[u8]) -> Vec<u8> {
    let out = run(Command::new("python3").arg("-c").arg(script), stdin);
    assert!(
        out.status.success(),
        "python3 failed: {}",
        out.stderr_text()
    );
    out.stdout
}

/// `openssl dgst -<hash> -verify <spki> -signature <sig> <content>` → its stdout.
fn openssl_verify(hash: &str, public_key: &Path, sig: &Path, content: &Path) -> String {
    let out = run(
        Command::new("openssl")
            .arg("dgst")
            .arg(format!("-{hash}"))
            .arg("-verify")
            .arg(public_key)
            .arg("-signature")
            .arg(sig)
            .arg(content),
        b"",
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn gbk_request_signs_gbk_bytes_unlike_node() {
    require("python3", "--version");
    require("openssl", "version");
    let case = Case {
        charset: "GBK",
        biz_content: Some(
            r#"{"out_trade_no":"G20240102","total_amount":"12.30","subject":"中文订单 测试&x=1+1"}"#,
        ),
        ..Case::new("alipay.trade.precreate")
    };
    let ours = our_sign(&case, "execute", &app_key());
    assert_eq!(ours.params["charset"], "GBK");
    assert!(ours.sign_content.contains("中文订单"));

    let dir = temp_dir();
    let gbk = python(
        "import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode('utf-8').encode('gbk'))",
        ours.sign_content.as_bytes(),
    );
    assert_ne!(gbk, ours.sign_content.as_bytes(), "GBK bytes equal UTF-8?");
    let content_gbk = write(dir.path(), "content.gbk", &gbk);
    let content_utf8 = write(dir.path(), "content.utf8", ours.sign_content.as_bytes());
    let sig = python(
        "import sys, base64; sys.stdout.buffer.write(base64.b64decode(sys.stdin.read(), validate=True))",
        ours.sign.as_bytes(),
    );
    let our_sig = write(dir.path(), "ours.sig", &sig);
    let public = testdata("app_public_spki.pem");
    assert_eq!(
        openssl_verify("sha256", &public, &our_sig, &content_gbk),
        "Verified OK",
        "our GBK signature must cover the GBK bytes of the sign content (what the gateway, \
         the Java and the Python SDKs verify)"
    );

    // The Node SDK sends charset=GBK with the very same sign content but signs its UTF-8
    // bytes (util.ts sign(): `.update(signString, 'utf8')`, the iconv line commented out), so
    // its signature differs from ours and the gateway rejects it.
    let node = node_sdk_execute(&case);
    assert_eq!(
        node.sign_content, ours.sign_content,
        "same text, different bytes"
    );
    assert_eq!(node.map()["charset"], "GBK");
    assert_ne!(
        node.sign(),
        ours.sign,
        "Node signs UTF-8 under charset=GBK; equal signatures would mean we sign UTF-8 too"
    );
    let node_sig = python(
        "import sys, base64; sys.stdout.buffer.write(base64.b64decode(sys.stdin.read(), validate=True))",
        node.sign().as_bytes(),
    );
    let node_sig = write(dir.path(), "node.sig", &node_sig);
    assert_eq!(
        openssl_verify("sha256", &public, &node_sig, &content_utf8),
        "Verified OK",
        "Node's GBK-request signature is expected to cover the UTF-8 bytes"
    );
    assert_ne!(
        openssl_verify("sha256", &public, &node_sig, &content_gbk),
        "Verified OK"
    );
}

// ---------------------------------------------------------------------------------------------
// notifications and responses: signed by our gateway side, checked by Node and by our CLI

fn gateway_key() -> GatewayPrivateKey {
    GatewayPrivateKey::from_text(&testdata_text("gateway_private_pkcs8.pem"))
        .expect("gateway test key")
}

fn gateway_public_pem() -> String {
    testdata_text("gateway_public_spki.pem")
}

/// A realistic trade notification, with an empty value and values that need escaping.
fn trade_notification() -> Vec<(&'static str, &'static str)> {
    vec![
        ("gmt_create", "2024-01-02 12:05:06"),
        ("charset", "utf-8"),
        ("seller_email", "merchant@example.com"),
        ("subject", "测试订单 Test&Order=1+1 100%"),
        ("buyer_id", "2088102177846875"),
        ("body", ""),
        ("invoice_amount", "88.88"),
        ("notify_id", "2024010200222120506001234567"),
        (
            "fund_bill_list",
            r#"[{"amount":"88.88","fundChannel":"ALIPAYACCOUNT"}]"#,
        ),
        ("notify_type", "trade_status_sync"),
        ("trade_status", "TRADE_SUCCESS"),
        ("receipt_amount", "88.88"),
        ("app_id", APP_ID),
        ("buyer_pay_amount", "88.88"),
        ("seller_id", "2088102177649450"),
        ("gmt_payment", "2024-01-02 12:05:10"),
        ("notify_time", "2024-01-02 12:05:11"),
        ("passback_params", "merchant%20data+x=1&y=2 %E4%B8%AD"),
        ("version", "1.0"),
        ("out_trade_no", "20240102120506001"),
        ("total_amount", "88.88"),
        ("trade_no", "2024010222001446870501234567"),
        ("auth_app_id", APP_ID),
        ("buyer_logon_id", "csq***@sandbox.com"),
        ("point_amount", "0.00"),
    ]
}

fn verify_notify(body: &str) -> alipay_tests::Output {
    let public = testdata("gateway_public_spki.pem");
    run(
        alipay()
            .arg("verify-notify")
            .arg("--alipay-public-key")
            .arg(&public)
            .arg("-"),
        body.as_bytes(),
    )
}

#[test]
fn notification_signed_by_us_verifies_in_node_and_cli() {
    let fields = trade_notification();
    let body = alipay_core::notify::sign_notification(
        fields.iter().copied(),
        &gateway_key(),
        SignType::Rsa2,
        Charset::Utf8,
    )
    .expect("sign notification");
    let decoded = to_map(parse_query(&body, true), "notification body");
    let expected: BTreeMap<String, String> = fields
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let mut without_sign = decoded.clone();
    assert!(without_sign.remove("sign").is_some(), "body has no sign");
    assert_eq!(without_sign.remove("sign_type").as_deref(), Some("RSA2"));
    assert_eq!(
        without_sign, expected,
        "the body does not decode to the notification"
    );

    // Node: checkNotifySignV2 takes the (once) decoded form, as a web framework gives it.
    let check = |post_data: &BTreeMap<String, String>| {
        node_check(json!({
            "op": "checkNotifySignV2",
            "alipayPublicKey": gateway_public_pem(),
            "postData": post_data,
        }))
    };
    assert!(check(&decoded), "Node rejects our notification");
    let mut tampered = decoded.clone();
    tampered.insert("total_amount".into(), "0.01".into());
    assert!(!check(&tampered), "Node accepts a tampered notification");
    let mut tampered_empty = decoded.clone();
    tampered_empty.insert("body".into(), " ".into());
    assert!(
        !check(&tampered_empty),
        "Node accepts a notification whose empty value changed (empties are signed)"
    );

    // Our CLI on the raw body.
    let out = verify_notify(&body);
    assert_eq!(
        out.code(),
        0,
        "`alipay verify-notify` rejects our notification: {}",
        out.stderr_text()
    );
    let printed: Value = serde_json::from_slice(&out.stdout).expect("verify-notify prints JSON");
    assert_eq!(
        printed,
        serde_json::to_value(&expected).expect("map to JSON"),
        "verify-notify must print the decoded params without sign/sign_type"
    );
    let tampered_body = body.replacen("total_amount=88.88", "total_amount=0.01", 1);
    assert_ne!(tampered_body, body);
    let out = verify_notify(&tampered_body);
    assert_eq!(
        out.code(),
        1,
        "`alipay verify-notify` must reject a tampered body (stderr: {})",
        out.stderr_text()
    );
}

#[test]
fn response_signed_by_us_verifies_in_node_and_cli() {
    let method = "alipay.trade.precreate";
    let node_json = r#"{"code":"10000","msg":"Success","out_trade_no":"20240102120506001","qr_code":"https://qr.alipay.com/bax03431ljhokirwl38f00a7","note":"中文 {braces} \"quoted\" } \\ end","items":[{"a":"}"}]}"#;
    let body = alipay_core::gateway::sign_response(
        method,
        node_json,
        &gateway_key(),
        SignType::Rsa2,
        Charset::Utf8,
        None,
    )
    .expect("sign response");
    let body = String::from_utf8(body).expect("UTF-8 response");
    assert!(
        body.contains(node_json),
        "the response body must carry the node verbatim: {body}"
    );
    let parsed: Value = serde_json::from_str(&body).expect("response is JSON");
    let sign = parsed["sign"].as_str().expect("response has a sign");
    assert_eq!(
        parsed["alipay_trade_precreate_response"],
        serde_json::from_str::<Value>(node_json).expect("node JSON")
    );

    let rsa_check = |content: &str| {
        node_check(json!({
            "op": "rsaCheck",
            "alipayPublicKey": gateway_public_pem(),
            "signContent": content,
            "sign": sign,
            "signType": "RSA2",
        }))
    };
    assert!(rsa_check(node_json), "Node rsaCheck rejects our response");
    assert!(!rsa_check(&node_json.replace("10000", "10001")));

    let verify = |body: &str| {
        run(
            alipay()
                .arg("verify-response")
                .arg("--method")
                .arg(method)
                .arg("--alipay-public-key")
                .arg(testdata("gateway_public_spki.pem"))
                .arg("-"),
            body.as_bytes(),
        )
    };
    let out = verify(&body);
    assert_eq!(
        out.code(),
        0,
        "`alipay verify-response` rejects our response: {}",
        out.stderr_text()
    );
    let printed: Value = serde_json::from_slice(&out.stdout).expect("verify-response prints JSON");
    assert_eq!(
        printed,
        serde_json::from_str::<Value>(node_json).expect("node JSON"),
        "verify-response must print the verified node"
    );
    let out = verify(&body.replacen("10000", "10001", 1));
    assert_eq!(
        out.code(),
        1,
        "`alipay verify-response` must reject a tampered body (stderr: {})",
        out.stderr_text()
    );
}

#[test]
fn encrypted_response_signed_by_us_verifies_and_decrypts_in_node_and_cli() {
    let method = "alipay.trade.create";
    let plaintext = r#"{"code":"10000","msg":"Success","out_trade_no":"20240102120506001","trade_no":"2024010222001446870501234567","note":"加密 {x} \"y\""}"#;
    let encrypt_key = EncryptKey::from_base64(AES_KEY).expect("AES test key");
    let body = alipay_core::gateway::sign_encrypted_response(
        method,
        plaintext,
        &encrypt_key,
        &gateway_key(),
        SignType::Rsa2,
        Charset::Utf8,
        None,
    )
    .expect("sign encrypted response");
    let body = String::from_utf8(body).expect("UTF-8 response");
    let parsed: Value = serde_json::from_str(&body).expect("response is JSON");
    let ciphertext = parsed["alipay_trade_create_response"]
        .as_str()
        .expect("encrypted node is a JSON string");
    let sign = parsed["sign"].as_str().expect("response has a sign");

    // Node: the signed text is the ciphertext with its quotes (README: 加密内容必须前后加上双引号).
    let rsa_check = |content: &str| {
        node_check(json!({
            "op": "rsaCheck",
            "alipayPublicKey": gateway_public_pem(),
            "signContent": content,
            "sign": sign,
            "signType": "RSA2",
        }))
    };
    assert!(
        rsa_check(&format!("\"{ciphertext}\"")),
        "Node rsaCheck rejects our encrypted response"
    );
    assert!(
        !rsa_check(ciphertext),
        "the quotes must be part of the signed text"
    );
    let decrypted = node_check_value(json!({
        "op": "aesDecrypt",
        "alipayPublicKey": gateway_public_pem(),
        "encryptKey": AES_KEY,
        "text": ciphertext,
    }));
    assert_eq!(
        decrypted.as_str(),
        Some(plaintext),
        "Node decrypts our ciphertext to something else"
    );

    let out = run(
        alipay()
            .arg("verify-response")
            .arg("--method")
            .arg(method)
            .arg("--alipay-public-key")
            .arg(testdata("gateway_public_spki.pem"))
            .arg("--encrypt-key")
            .arg(AES_KEY)
            .arg("-"),
        body.as_bytes(),
    );
    assert_eq!(
        out.code(),
        0,
        "`alipay verify-response --encrypt-key` rejects our response: {}",
        out.stderr_text()
    );
    let printed: Value = serde_json::from_slice(&out.stdout).expect("verify-response prints JSON");
    assert_eq!(
        printed,
        serde_json::from_str::<Value>(plaintext).expect("plaintext JSON"),
        "verify-response must print the decrypted node"
    );
}

// ---------------------------------------------------------------------------------------------
// the official Python SDK (stretch): it encodes the sign content with the charset, like us

#[test]
fn python_sdk_signs_like_us_in_utf8_and_gbk() {
    let gbk_biz =
        r#"{"out_trade_no":"P20240102","total_amount":"9.90","subject":"中文订单 测试&x=1+1 ￥"}"#;
    for (label, case) in [
        (
            "RSA2 GBK",
            Case {
                charset: "GBK",
                biz_content: Some(gbk_biz),
                ..Case::new("alipay.trade.precreate")
            },
        ),
        (
            "RSA GBK",
            Case {
                charset: "GBK",
                sign_type: "RSA",
                biz_content: Some(gbk_biz),
                ..Case::new("alipay.trade.precreate")
            },
        ),
        ("RSA2 utf-8", Case::new("alipay.trade.precreate")),
    ] {
        let ours = our_sign(&case, "execute", &app_key());
        let mut params = ours.params.clone();
        params.remove("sign");
        let job = json!({
            "privateKey": testdata_text("app_private_pkcs1.pem"),
            "signType": case.sign_type,
            "charset": case.charset,
            "params": params,
        });
        let stdout = alipay_tests::run_python_sdk("python_sign.py", &job.to_string());
        let py: Value = serde_json::from_str(&stdout).expect("python_sign.py prints JSON");
        assert_eq!(
            py["sign_content"].as_str(),
            Some(ours.sign_content.as_str()),
            "{label}: Python's get_sign_content differs from our sign content"
        );
        assert_eq!(
            py["sign"].as_str(),
            Some(ours.sign.as_str()),
            "{label}: Python's signature differs from ours"
        );
    }
}
