// Verifies notifications our sandbox POSTed, with the official Node SDK, for the Rust interop
// tests (tests/tests/sandbox_interop.rs).
//
// Input (JSON on stdin): an array of jobs, each
//   { "alipayPublicKey": "<SPKI PEM>", "body": "<the raw application/x-www-form-urlencoded body>" }
// The body is decoded once with URLSearchParams (what express.urlencoded / koa-bodyparser hand
// a merchant's handler), and the resulting object given to checkNotifySignV2 and to the
// older checkNotifySign (which URL-decodes every value a second time).
// Output (JSON on stdout): per job
//   { "postData": { name: value, ... }, "v2": true|false, "v1": true|false|"<error>" }
import { AlipaySdk } from 'alipay-sdk';

// The constructor insists on a private key even when only verifying; it only re-wraps the
// text (formatKey) and never parses it, and nothing here signs.
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
  });
  const postData = Object.fromEntries(new URLSearchParams(job.body));
  const v2 = sdk.checkNotifySignV2({ ...postData });
  let v1;
  try {
    v1 = sdk.checkNotifySign({ ...postData });
  } catch (err) {
    // decodeURIComponent throws on a lone '%' in a value.
    v1 = `${err?.name}: ${err?.message}`;
  }
  return { postData, v2, v1 };
}

try {
  const input = JSON.parse(await readStdin());
  process.stdout.write(JSON.stringify(input.map(run)));
} catch (err) {
  process.stderr.write(`sandbox_notify.mjs: ${err?.stack ?? err}\n`);
  process.exit(1);
}
