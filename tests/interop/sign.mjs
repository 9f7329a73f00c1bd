// Runs the official Node SDK's request-side v2 methods on one job read from stdin, for the
// Rust interop tests (tests/tests/node_interop.rs).
//
// Job (JSON on stdin):
//   {
//     "config": { appId, privateKey (PKCS#1 PEM), signType?, charset?, encryptKey?, gateway?, ... },
//     "op": "sdkExecute" | "pageExecute",
//     "method": "alipay.trade.app.pay",
//     "httpMethod": "GET" | "POST",          // pageExecute only
//     "params": { timestamp, needEncrypt?, notify_url?, ... },
//     "bizContentJson": "{...}",             // optional: JSON text, parsed (key order kept) into
//                                            // params.bizContent, the object the SDK expects
//     "appPublicKey": "<SPKI PEM>"           // optional, to check Node's own signature
//   }
// Output (JSON on stdout):
//   {
//     "output": "<exactly what the SDK method returned>",
//     "params": [[name, value], ...],       // sdkExecute only: the output decoded, in its order
//     "sign_content": "...",               // sdkExecute only: recomputed from "params"
//     "sign_content_verified": true|false  // sdkExecute + appPublicKey: Node's sign verifies over it
//   }
// Node's sign() sets its own timestamp first and then copies every user param over it, so a
// `timestamp` in params replaces the clock (util.ts sign()).
import { createVerify } from 'node:crypto';
import { AlipaySdk } from 'alipay-sdk';

const ALGORITHMS = { RSA: 'RSA-SHA1', RSA2: 'RSA-SHA256' };

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

// Splits an sdkExecute string (`k=encodeURIComponent(v)` joined by `&`) back into pairs.
function decodeOrderString(s) {
  return s.split('&').map(pair => {
    const i = pair.indexOf('=');
    return [ pair.slice(0, i), decodeURIComponent(pair.slice(i + 1)) ];
  });
}

function run(job) {
  const sdk = new AlipaySdk({ ...job.config });
  const params = { ...job.params };
  if (job.bizContentJson !== undefined) params.bizContent = JSON.parse(job.bizContentJson);
  if (job.op === 'sdkExecute') {
    const output = sdk.sdkExecute(job.method, params, job.options);
    const pairs = decodeOrderString(output);
    const sign = pairs.find(([ k ]) => k === 'sign')?.[1];
    const signContent = pairs.filter(([ k ]) => k !== 'sign')
      .sort(([ a ], [ b ]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([ k, v ]) => `${k}=${v}`)
      .join('&');
    const result = { output, params: pairs, sign_content: signContent };
    if (job.appPublicKey) {
      const signType = job.config.signType ?? 'RSA2';
      result.sign_content_verified = createVerify(ALGORITHMS[signType])
        .update(signContent, 'utf8')
        .verify(job.appPublicKey, sign, 'base64');
    }
    return result;
  }
  if (job.op === 'pageExecute') {
    return { output: sdk.pageExecute(job.method, job.httpMethod ?? 'POST', params) };
  }
  throw new Error(`unknown op ${JSON.stringify(job.op)}`);
}

try {
  const job = JSON.parse(await readStdin());
  process.stdout.write(JSON.stringify(run(job)));
} catch (err) {
  process.stderr.write(`sign.mjs: ${err?.stack ?? err}\n`);
  process.exit(1);
}
