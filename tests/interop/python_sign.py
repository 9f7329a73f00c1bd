"""Signs with the official Python SDK (alipay-sdk-python 3.7.1411) for the Rust interop tests
(tests/tests/node_interop.rs), using the SDK's own helpers: SignatureUtils.get_sign_content,
sign_with_rsa2 / sign_with_rsa.

Job (JSON on stdin): {"privateKey": "<PKCS#1 PEM>", "signType": "RSA2"|"RSA",
                      "charset": "utf-8"|"GBK", "params": {name: value, ... without sign}}
Output (JSON on stdout): {"sign_content": "...", "sign": "<base64>"}
"""
import json
import sys

from alipay.aop.api.util.SignatureUtils import get_sign_content, sign_with_rsa, sign_with_rsa2


def main():
    job = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    content = get_sign_content(job["params"])
    signer = {"RSA2": sign_with_rsa2, "RSA": sign_with_rsa}[job.get("signType", "RSA2")]
    sign = signer(job["privateKey"], content, job.get("charset", "utf-8"))
    out = json.dumps({"sign_content": content, "sign": sign}, ensure_ascii=False)
    sys.stdout.buffer.write(out.encode("utf-8"))


if __name__ == "__main__":
    main()
