// Calls our sandbox gateway with the official Node SDK's `exec`, for the Rust interop tests
// (tests/tests/sandbox_interop.rs). Nothing here is a stand-in: the SDK signs, POSTs to
// `config.gateway` (a loopback http:// URL), and with `validateSign: true` verifies the
// sandbox's signed answer before handing it back.
//
// Input (JSON on stdin): one job or an array of jobs (run one after the other), each
//   {
//     "config": { appId, privateKey (PKCS#1 PEM), alipayPublicKey (SPKI PEM), gateway, ... },
//     "method": "alipay.fund.coupon.order.agreement.pay",
//     "params": { "bizContent": {...}, "notifyUrl"?: "http://127.0.0.1:PORT/notify" },
//     "options": { "validateSign": true }
//   }
// Output (JSON on stdout), per job (an array for an array input):
//   { "result": <what exec resolved to: the response node, keys camelCased (SDK default)> }
//   { "error": { "name": "...", "message": "...", "code"?: "..." } }   // exec threw
// The test sets TZ for this process: the SDK stamps `timestamp` in process-local time.
import { AlipaySdk } from 'alipay-sdk';

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function run(job) {
  try {
    const sdk = new AlipaySdk(job.config);
    const result = await sdk.exec(job.method, job.params ?? {}, job.options ?? {});
    return { result };
  } catch (err) {
    return { error: { name: err?.name, message: String(err?.message ?? err), code: err?.code } };
  }
}

try {
  const input = JSON.parse(await readStdin());
  let output;
  if (Array.isArray(input)) {
    output = [];
    for (const job of input) output.push(await run(job));
  } else {
    output = await run(input);
  }
  // urllib may keep an idle keep-alive socket to the sandbox: exit once the answer is out
  // instead of waiting for it to time out.
  process.stdout.write(JSON.stringify(output), () => process.exit(0));
} catch (err) {
  process.stderr.write(`sandbox_exec.mjs: ${err?.stack ?? err}\n`);
  process.exit(1);
}
