// The official Node SDK's client-side builders, for the Rust interop tests
// (tests/tests/trade_interop.rs): `sdkExecute` (the signed order string an app hands the
// Alipay client, e.g. alipay.trade.app.pay) and `pageExecute` (the signed URL, for GET, or
// auto-submitting form, for POST, a browser is sent to, e.g. alipay.trade.page.pay). Nothing is
// sent from here: the test delivers what the SDK built to the sandbox's cashier.
//
// Input (JSON on stdin): an array of jobs, each
//   { "kind": "sdkExecute", "config": {...}, "method": "...", "params": { bizContent, notifyUrl? } }
//   { "kind": "pageExecute", "config": {...}, "method": "...", "httpMethod": "GET"|"POST",
//     "params": { bizContent, returnUrl?, notifyUrl? } }
// Output (JSON on stdout): per job { "result": "<order string | URL | form HTML>" } or
// { "error": { "name", "message" } }.
// The test sets TZ for this process: the SDK stamps `timestamp` in process-local time.
import { AlipaySdk } from 'alipay-sdk';

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function run(job) {
  try {
    const sdk = new AlipaySdk(job.config);
    switch (job.kind) {
      case 'sdkExecute':
        return { result: sdk.sdkExecute(job.method, job.params) };
      case 'pageExecute':
        return { result: sdk.pageExecute(job.method, job.httpMethod, job.params) };
      default:
        return { error: { name: 'UnknownKind', message: String(job.kind) } };
    }
  } catch (err) {
    return { error: { name: err?.name, message: String(err?.message ?? err) } };
  }
}

try {
  const input = JSON.parse(await readStdin());
  process.stdout.write(JSON.stringify(input.map(run)));
} catch (err) {
  process.stderr.write(`trade_sdk.mjs: ${err?.stack ?? err}\n`);
  process.exit(1);
}
