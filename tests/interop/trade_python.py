"""The official Python SDK (alipay-sdk-python 3.7.1411) on the trade family against our sandbox
gateway, for the Rust interop tests (tests/tests/trade_interop.rs):

* "call" jobs: DefaultAlipayClient.execute with the SDK's own typed classes
  (AlipayTradePrecreateRequest + AlipayTradePrecreateModel + AlipayTradePrecreateResponse,
  and the same for query, refund, fastpay.refund.query, pay, create, close, cancel). The SDK builds the
  parameters, signs, POSTs, and verifies the sandbox's signed answer before it is parsed.
  The port of server_url is honoured with the same one-function fix as sandbox_python.py
  (imported from it; the reason is explained there).
* "build" jobs: DefaultAlipayClient.sdk_execute (the order string of alipay.trade.app.pay) and
  page_execute (alipay.trade.page.pay as a GET URL or an auto-submitting POST form), with the
  SDK's AlipayTradeAppPayRequest / AlipayTradePagePayRequest; nothing is sent from here.
* "verify" jobs: an asynchronous notification the sandbox POSTed, checked the way the SDK
  offers (it has no notification helper, only its signature primitives):
  alipay.aop.api.util.SignatureUtils.get_sign_content over every parameter but `sign` and
  `sign_type`, then verify_with_rsa with the Alipay public key.

Job (JSON on stdin): an array, run in order, of
  {"call": {"config": {serverUrl, appId, appPrivateKey, alipayPublicKey, charset?, signType?},
            "method": "...",
            "biz": {...}, "notifyUrl"?: "..."}}
  {"verify": {"alipayPublicKey": "<SPKI PEM>", "body": "<raw form body>"}}
  {"build": {"kind": "sdk_execute"|"page_execute", "httpMethod": "GET"|"POST", "config",
             "method": "alipay.trade.app.pay"|"alipay.trade.page.pay", "biz", "returnUrl"?,
             "notifyUrl"?}}
Output (JSON on stdout), per job:
  {"content", "response": {code, msg, sub_code, sub_msg, every parsed field}, "is_success"}
  or {"error": {"type", "message"}} for a call;
  {"params": {...decoded form...}, "verified": true|false, "why"?: "<exception>"} for a verify;
  {"result": "<order string | URL | form HTML>"} for a build.
The test sets TZ for this process: the SDK stamps `timestamp` in process-local time.
"""
import json
import sys
import urllib.parse

from alipay.aop.api.AlipayClientConfig import AlipayClientConfig
from alipay.aop.api.DefaultAlipayClient import DefaultAlipayClient
from alipay.aop.api.util import WebUtils
from alipay.aop.api.util.SignatureUtils import get_sign_content, verify_with_rsa

from alipay.aop.api.domain.AlipayTradeAppPayModel import AlipayTradeAppPayModel
from alipay.aop.api.domain.AlipayTradeCancelModel import AlipayTradeCancelModel
from alipay.aop.api.domain.AlipayTradeCloseModel import AlipayTradeCloseModel
from alipay.aop.api.domain.AlipayTradeCreateModel import AlipayTradeCreateModel
from alipay.aop.api.domain.AlipayTradeFastpayRefundQueryModel import AlipayTradeFastpayRefundQueryModel
from alipay.aop.api.domain.AlipayTradePagePayModel import AlipayTradePagePayModel
from alipay.aop.api.domain.AlipayTradePayModel import AlipayTradePayModel
from alipay.aop.api.domain.AlipayTradePrecreateModel import AlipayTradePrecreateModel
from alipay.aop.api.domain.AlipayTradeQueryModel import AlipayTradeQueryModel
from alipay.aop.api.domain.AlipayTradeRefundModel import AlipayTradeRefundModel
from alipay.aop.api.request.AlipayTradeAppPayRequest import AlipayTradeAppPayRequest
from alipay.aop.api.request.AlipayTradeCancelRequest import AlipayTradeCancelRequest
from alipay.aop.api.request.AlipayTradeCloseRequest import AlipayTradeCloseRequest
from alipay.aop.api.request.AlipayTradeCreateRequest import AlipayTradeCreateRequest
from alipay.aop.api.request.AlipayTradeFastpayRefundQueryRequest import AlipayTradeFastpayRefundQueryRequest
from alipay.aop.api.request.AlipayTradePagePayRequest import AlipayTradePagePayRequest
from alipay.aop.api.request.AlipayTradePayRequest import AlipayTradePayRequest
from alipay.aop.api.request.AlipayTradePrecreateRequest import AlipayTradePrecreateRequest
from alipay.aop.api.request.AlipayTradeQueryRequest import AlipayTradeQueryRequest
from alipay.aop.api.request.AlipayTradeRefundRequest import AlipayTradeRefundRequest
from alipay.aop.api.response.AlipayTradeCancelResponse import AlipayTradeCancelResponse
from alipay.aop.api.response.AlipayTradeCloseResponse import AlipayTradeCloseResponse
from alipay.aop.api.response.AlipayTradeCreateResponse import AlipayTradeCreateResponse
from alipay.aop.api.response.AlipayTradeFastpayRefundQueryResponse import AlipayTradeFastpayRefundQueryResponse
from alipay.aop.api.response.AlipayTradePayResponse import AlipayTradePayResponse
from alipay.aop.api.response.AlipayTradePrecreateResponse import AlipayTradePrecreateResponse
from alipay.aop.api.response.AlipayTradeQueryResponse import AlipayTradeQueryResponse
from alipay.aop.api.response.AlipayTradeRefundResponse import AlipayTradeRefundResponse

# Importing the sibling script must not leave a __pycache__ in the source tree.
sys.dont_write_bytecode = True
from sandbox_python import get_http_connection_with_port  # noqa: E402

APIS = {
    "alipay.trade.precreate": (AlipayTradePrecreateRequest, AlipayTradePrecreateModel, AlipayTradePrecreateResponse),
    "alipay.trade.query": (AlipayTradeQueryRequest, AlipayTradeQueryModel, AlipayTradeQueryResponse),
    "alipay.trade.refund": (AlipayTradeRefundRequest, AlipayTradeRefundModel, AlipayTradeRefundResponse),
    "alipay.trade.fastpay.refund.query": (
        AlipayTradeFastpayRefundQueryRequest,
        AlipayTradeFastpayRefundQueryModel,
        AlipayTradeFastpayRefundQueryResponse,
    ),
    "alipay.trade.pay": (AlipayTradePayRequest, AlipayTradePayModel, AlipayTradePayResponse),
    "alipay.trade.close": (AlipayTradeCloseRequest, AlipayTradeCloseModel, AlipayTradeCloseResponse),
    "alipay.trade.cancel": (AlipayTradeCancelRequest, AlipayTradeCancelModel, AlipayTradeCancelResponse),
    "alipay.trade.create": (AlipayTradeCreateRequest, AlipayTradeCreateModel, AlipayTradeCreateResponse),
}

# Built here and handed to the buyer's side (sdk_execute, page_execute): no response class.
BUILDERS = {
    "alipay.trade.app.pay": (AlipayTradeAppPayRequest, AlipayTradeAppPayModel),
    "alipay.trade.page.pay": (AlipayTradePagePayRequest, AlipayTradePagePayModel),
}


def plain(value):
    """A parsed field as JSON: the SDK turns nested nodes (fund_bill_list, ...) into its
    domain objects, which know to_alipay_dict."""
    if isinstance(value, list):
        return [plain(v) for v in value]
    if hasattr(value, "to_alipay_dict"):
        return value.to_alipay_dict()
    return value


def fields_of(response):
    """code/msg/sub_code/sub_msg and every property the SDK's response class parsed."""
    out = {}
    for name in dir(type(response)):
        if isinstance(getattr(type(response), name, None), property):
            value = getattr(response, name)
            if value is not None:
                out[name] = plain(value)
    for name in ("code", "msg", "sub_code", "sub_msg"):
        value = getattr(response, name, None)
        if value is not None:
            out[name] = value
    return out


def client_of(cfg):
    config = AlipayClientConfig()
    config.server_url = cfg["serverUrl"]
    config.app_id = cfg["appId"]
    config.app_private_key = cfg["appPrivateKey"]
    config.alipay_public_key = cfg["alipayPublicKey"]
    # Optional: "GBK" / "RSA" (the SDK's defaults are utf-8 / RSA2).
    config.charset = cfg.get("charset", config.charset)
    config.sign_type = cfg.get("signType", config.sign_type)
    return DefaultAlipayClient(alipay_client_config=config)


def call(job):
    client = client_of(job["config"])
    request_class, model_class, response_class = APIS[job["method"]]
    request = request_class(biz_model=model_class.from_alipay_dict(job["biz"]))
    if job.get("notifyUrl"):
        request.notify_url = job["notifyUrl"]
    try:
        content = client.execute(request)
    except Exception as e:  # the SDK's RequestException / ResponseException
        return {"error": {"type": type(e).__name__, "message": str(e)}}
    response = response_class()
    response.parse_response_content(content)
    return {"content": content, "response": fields_of(response), "is_success": response.is_success()}


def build(job):
    """sdk_execute (the app's order string) or page_execute (GET: a URL, POST: a form)."""
    client = client_of(job["config"])
    request_class, model_class = BUILDERS[job["method"]]
    request = request_class(biz_model=model_class.from_alipay_dict(job["biz"]))
    if job.get("notifyUrl"):
        request.notify_url = job["notifyUrl"]
    if job.get("returnUrl"):
        request.return_url = job["returnUrl"]
    if job["kind"] == "sdk_execute":
        return {"result": client.sdk_execute(request)}
    return {"result": client.page_execute(request, http_method=job["httpMethod"])}


def verify(job):
    # What a merchant's handler gets from a form parser: the body decoded once, in the
    # charset it declares (ASCII names and the charset value read the same in any).
    declared = dict(urllib.parse.parse_qsl(job["body"], keep_blank_values=True, encoding="latin-1"))
    charset = declared.get("charset", "utf-8")
    params = dict(urllib.parse.parse_qsl(job["body"], keep_blank_values=True, encoding=charset))
    unsigned = {k: v for k, v in params.items() if k not in ("sign", "sign_type")}
    message = get_sign_content(unsigned).encode(charset)
    try:
        ok = verify_with_rsa(job["alipayPublicKey"], message, params.get("sign", ""))
        return {"params": params, "verified": ok}
    except Exception as e:  # rsa.VerificationError on a bad signature
        return {"params": params, "verified": False, "why": type(e).__name__}


def run(job):
    if "call" in job:
        return call(job["call"])
    if "build" in job:
        return build(job["build"])
    return verify(job["verify"])


def main():
    WebUtils.get_http_connection = get_http_connection_with_port
    jobs = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    sys.stdout.buffer.write(json.dumps([run(j) for j in jobs], ensure_ascii=False).encode("utf-8"))


if __name__ == "__main__":
    main()
