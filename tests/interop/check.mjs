// Runs the official Node SDK's verification methods on jobs read from stdin, for the Rust
// interop tests (tests/tests/node_interop.rs).
//
// Input (JSON on stdin): one job or an array of jobs, each
//   { "alipayPublicKey": "<SPKI PEM or bare base64>", "signType"?: "RSA2"|"RSA",
//     "op": "checkNotifySignV2", "postData": { ...decoded notification params, sign included } }
//   { "alipayPublicKey": ..., "op": "rsaCheck", "signContent": "...", "sign": "<base64>",
//     "signType"?: "RSA2"|"RSA" }
//   { "alipayPublicKey": ..., "op": "aesDecrypt", "encryptKey": "<base64>", "text": "<base64>" }
// Output (JSON on stdout): { "result": true|false|"<plaintext>" } per job (an array for an
// array input).
import { AlipaySdk } from 'alipay-sdk';

// The constructor insists on an app id and a private key even when only verifying; it only
// re-wraps the key text (formatKey) and never parses it, and nothing here signs.
const UNUSED_PRIVATE_KEY = 'unused';

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function run(job) {
  const sdk = new AlipaySdk({
    appId: '2021000000000001',
    privateKey: UNUSED_PRIVATE_KEY,
    alipayPublicKey: job.alipayPublicKey,
    signType: job.signType ?? 'RSA2',
    encryptKey: job.encryptKey,
  });
  switch (job.op) {
    case 'checkNotifySignV2':
      return { result: sdk.checkNotifySignV2(job.postData) };
    case 'checkNotifySign':
      return { result: sdk.checkNotifySign(job.postData) };
    case 'rsaCheck':
      return { result: sdk.rsaCheck(job.signContent, job.sign, job.signType ?? 'RSA2') };
    case 'aesDecrypt':
      return { result: sdk.aesDecrypt(job.text) };
    default:
      throw new Error(`unknown op ${JSON.stringify(job.op)}`);
  }
}

try {
  const input = JSON.parse(await readStdin());
  const output = Array.isArray(input) ? input.map(run) : run(input);
  process.stdout.write(JSON.stringify(output));
} catch (err) {
  process.stderr.write(`check.mjs: ${err?.stack ?? err}\n`);
  process.exit(1);
}
