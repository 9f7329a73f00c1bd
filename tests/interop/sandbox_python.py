"""Calls our sandbox gateway with the official Python SDK (alipay-sdk-python 3.7.1411), for the
Rust interop tests (tests/tests/sandbox_interop.rs): DefaultAlipayClient.execute with the SDK's
own request, model and response classes (AlipayFundCouponOrderAgreementPayRequest & co.), so
the SDK builds the parameters, signs, POSTs, extracts the signed text and verifies it with
alipay_public_key before anything is parsed.

One workaround, applied only when the job says "fixPort": true (and tested without it too):
alipay.aop.api.util.WebUtils.get_http_connection ignores the port of server_url. It always
opens port 80 (443 for https) and then builds the request URL with
`url += url_parse_result.port`, an int, so any server_url with an explicit port raises
`TypeError: can only concatenate str (not "int") to str` before a byte is sent. The sandbox
listens on an ephemeral loopback port, so the fix below replaces that one function by the same
code with the port honoured; everything else (parameters, signature, body, response
extraction and verification) stays the SDK's.

Job (JSON on stdin): one object or an array of them (run one after the other), each
  {"config": {"serverUrl", "appId", "appPrivateKey" (PKCS#1 PEM), "alipayPublicKey" (SPKI PEM)},
   "fixPort": true|false, "method": "alipay.fund.coupon.order.disburse",
   "biz": {...biz_content fields...}, "notifyUrl"?: "http://..."}
Output (JSON on stdout), per job:
  {"content": "<the verified response node text execute returned>",
   "response": {code, msg, sub_code, sub_msg, <every field of the SDK's response class>},
   "is_success": bool}
  or {"error": {"type": "<exception class>", "message": "..."}}
The test sets TZ for this process: the SDK stamps `timestamp` in process-local time.
"""
import http.client
import json
import sys
import urllib.parse

from alipay.aop.api.AlipayClientConfig import AlipayClientConfig
from alipay.aop.api.DefaultAlipayClient import DefaultAlipayClient
from alipay.aop.api.util import WebUtils

from alipay.aop.api.domain.AlipayFundCouponOperationQueryModel import AlipayFundCouponOperationQueryModel
from alipay.aop.api.domain.AlipayFundCouponOrderAgreementPayModel import AlipayFundCouponOrderAgreementPayModel
from alipay.aop.api.domain.AlipayFundCouponOrderDisburseModel import AlipayFundCouponOrderDisburseModel
from alipay.aop.api.domain.AlipayFundCouponOrderRefundModel import AlipayFundCouponOrderRefundModel
from alipay.aop.api.request.AlipayFundCouponOperationQueryRequest import AlipayFundCouponOperationQueryRequest
from alipay.aop.api.request.AlipayFundCouponOrderAgreementPayRequest import AlipayFundCouponOrderAgreementPayRequest
from alipay.aop.api.request.AlipayFundCouponOrderDisburseRequest import AlipayFundCouponOrderDisburseRequest
from alipay.aop.api.request.AlipayFundCouponOrderRefundRequest import AlipayFundCouponOrderRefundRequest
from alipay.aop.api.response.AlipayFundCouponOperationQueryResponse import AlipayFundCouponOperationQueryResponse
from alipay.aop.api.response.AlipayFundCouponOrderAgreementPayResponse import AlipayFundCouponOrderAgreementPayResponse
from alipay.aop.api.response.AlipayFundCouponOrderDisburseResponse import AlipayFundCouponOrderDisburseResponse
from alipay.aop.api.response.AlipayFundCouponOrderRefundResponse import AlipayFundCouponOrderRefundResponse

APIS = {
    "alipay.fund.coupon.order.agreement.pay": (
        AlipayFundCouponOrderAgreementPayRequest,
        AlipayFundCouponOrderAgreementPayModel,
        AlipayFundCouponOrderAgreementPayResponse,
    ),
    "alipay.fund.coupon.order.disburse": (
        AlipayFundCouponOrderDisburseRequest,
        AlipayFundCouponOrderDisburseModel,
        AlipayFundCouponOrderDisburseResponse,
    ),
    "alipay.fund.coupon.order.refund": (
        AlipayFundCouponOrderRefundRequest,
        AlipayFundCouponOrderRefundModel,
        AlipayFundCouponOrderRefundResponse,
    ),
    "alipay.fund.coupon.operation.query": (
        AlipayFundCouponOperationQueryRequest,
        AlipayFundCouponOperationQueryModel,
        AlipayFundCouponOperationQueryResponse,
    ),
}

SDK_GET_HTTP_CONNECTION = WebUtils.get_http_connection


def get_http_connection_with_port(url, query_string, timeout):
    """WebUtils.get_http_connection with the URL's port honoured (see the module docs).
    Same shape as the SDK's: an absolute request URL with the query, and an unopened
    connection."""
    parsed = urllib.parse.urlparse(url)
    if url.find("https") == 0:
        connection = http.client.HTTPSConnection(host=parsed.hostname, port=parsed.port or 443, timeout=timeout)
    else:
        connection = http.client.HTTPConnection(host=parsed.hostname, port=parsed.port or 80, timeout=timeout)
    request_url = parsed.scheme + "://" + parsed.netloc + parsed.path + "?" + query_string
    return request_url, connection


def fields_of(response):
    """code/msg/sub_code/sub_msg and every property the SDK's response class parsed."""
    out = {}
    for name in dir(type(response)):
        if isinstance(getattr(type(response), name, None), property):
            value = getattr(response, name)
            if value is not None:
                out[name] = value
    for name in ("code", "msg", "sub_code", "sub_msg"):
        value = getattr(response, name, None)
        if value is not None:
            out[name] = value
    return out


def run(job):
    WebUtils.get_http_connection = (
        get_http_connection_with_port if job.get("fixPort") else SDK_GET_HTTP_CONNECTION
    )
    cfg = job["config"]
    config = AlipayClientConfig()
    config.server_url = cfg["serverUrl"]
    config.app_id = cfg["appId"]
    config.app_private_key = cfg["appPrivateKey"]
    config.alipay_public_key = cfg["alipayPublicKey"]
    client = DefaultAlipayClient(alipay_client_config=config)

    request_class, model_class, response_class = APIS[job["method"]]
    request = request_class(biz_model=model_class.from_alipay_dict(job["biz"]))
    if job.get("notifyUrl"):
        request.notify_url = job["notifyUrl"]
    try:
        content = client.execute(request)
    except Exception as e:  # the SDK's RequestException / ResponseException, or a TypeError
        return {"error": {"type": type(e).__name__, "message": str(e)}}
    response = response_class()
    response.parse_response_content(content)
    return {"content": content, "response": fields_of(response), "is_success": response.is_success()}


def main():
    job = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    out = [run(j) for j in job] if isinstance(job, list) else run(job)
    sys.stdout.buffer.write(json.dumps(out, ensure_ascii=False).encode("utf-8"))


if __name__ == "__main__":
    main()
