use std::sync::LazyLock;

use proptest::prelude::*;

use super::tests::{alipay_key, check, signer};
use super::*;
use crate::gateway;
use crate::keys::GatewayPrivateKey;

static SIGNER: LazyLock<GatewayPrivateKey> = LazyLock::new(signer);
static KEY: LazyLock<AlipayPublicKey> = LazyLock::new(alipay_key);

/// Strings heavy in what breaks naive extractors.
fn tricky() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("{".to_string()),
            Just("}".to_string()),
            Just("[".to_string()),
            Just("]".to_string()),
            Just("\"".to_string()),
            Just("\\".to_string()),
            Just("\\\"".to_string()),
            Just("\\/".to_string()),
            Just("/".to_string()),
            Just("\"sign\":\"".to_string()),
            Just("alipay_trade_pay_response".to_string()),
            Just("error_response".to_string()),
            Just("中文乗亄亇".to_string()),
            Just("🧧".to_string()),
            Just("\n\t ".to_string()),
            "[a-z:, ]{0,4}",
            any::<char>().prop_map(String::from),
        ],
        0..10,
    )
    .prop_map(|parts| parts.concat())
}

fn node_of(a: &str, b: &str, pretty: bool) -> String {
    let value = serde_json::json!({
        "code": "10000",
        "msg": "Success",
        "a": a,
        "nested": {"sign": b, "alipay_trade_pay_response": [a, {"b": b}]},
    });
    if pretty {
        serde_json::to_string_pretty(&value).unwrap()
    } else {
        serde_json::to_string(&value).unwrap()
    }
}

fn ws() -> impl Strategy<Value = String> {
    "[ \t\r\n]{0,3}"
}

proptest! {
    #[test]
    fn extract_never_panics_on_strings(s in "\\PC{0,200}") {
        let _ = extract(&s, "alipay.trade.pay");
    }

    #[test]
    fn extract_never_panics_on_json_like_text(s in "[{}\\[\\]\":,\\\\ a-z_0-9]{0,80}") {
        let _ = extract(&s, "a");
        let _ = extract(&format!("{{\"a_response\":{s}"), "a");
    }

    #[test]
    fn verify_never_panics_on_bytes(body in prop::collection::vec(any::<u8>(), 0..300), gbk in any::<bool>()) {
        let c = ResponseCheck {
            charset: if gbk { Charset::Gbk } else { Charset::Utf8 },
            ..check(&KEY)
        };
        let _ = verify(&body, "alipay.trade.pay", &c);
    }

    #[test]
    fn signed_bodies_verify_to_the_exact_node(a in tricky(), b in tricky(), pretty in any::<bool>(), gbk in any::<bool>()) {
        let node = node_of(&a, &b, pretty);
        let charset = if gbk { Charset::Gbk } else { Charset::Utf8 };
        // GBK cannot carry every character; the signer refuses those, as it must.
        let Ok(body) = gateway::sign_response("alipay.trade.pay", &node, &SIGNER, SignType::Rsa2, charset, None) else {
            prop_assert!(gbk);
            return Ok(());
        };
        let c = ResponseCheck { charset, ..check(&KEY) };
        let r = verify(&body, "alipay.trade.pay", &c).unwrap();
        prop_assert_eq!(&r.node, &node);
        prop_assert_eq!(r.into_result().unwrap(), node);
    }

    #[test]
    fn whitespace_between_tokens_does_not_change_the_verdict(
        a in tricky(),
        w in prop::collection::vec(ws(), 12),
        sign_first in any::<bool>(),
        wrong_key in any::<bool>(),
    ) {
        let node = node_of(&a, "x", false);
        let sig = SIGNER.sign(SignType::Rsa2, node.as_bytes());
        let member_node = format!("\"alipay_trade_pay_response\"{}:{}{node}", w[2], w[3]);
        let member_sign = format!("\"sign\"{}:{}\"{sig}\"", w[4], w[5]);
        let (first, second) = if sign_first { (member_sign, member_node) } else { (member_node, member_sign) };
        let body = format!("{}{{{}{first}{},{}{second}{}}}{}", w[0], w[1], w[6], w[7], w[8], w[9]);
        let wrong = AlipayPublicKey::from_text(include_str!("../../testdata/app_public_spki.pem")).unwrap();
        let key = if wrong_key { &wrong } else { &*KEY };
        match verify(body.as_bytes(), "alipay.trade.pay", &check(key)) {
            Ok(r) => {
                prop_assert!(!wrong_key);
                prop_assert_eq!(r.node, node);
            }
            Err(Error::Signature(e)) => {
                prop_assert!(wrong_key);
                prop_assert_eq!(e.failure, SignatureFailure::Mismatch);
                prop_assert_eq!(e.checked, Some(node));
            }
            Err(e) => prop_assert!(false, "unexpected {e}"),
        }
    }
}
