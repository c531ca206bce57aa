// The terminal's check of the center's compact JWS (js/terminal/jws.js), under Node's test runner:
//   node --test src/test/js/
// A token is signed here with a fresh P-256 key through WebCrypto, as the center signs it (low s);
// the check, followed by WebCrypto's own verification as manifest.js does it, accepts it and
// nothing one character away from it, nor its (r, n - s) twin, which WebCrypto alone accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canonicalBase64url, canonicalCompact, fromBase64url, lowS, toBase64url, withLowS,
} from '../../main/webapp/js/terminal/jws.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551n;
const ECDSA = { name: 'ECDSA', hash: 'SHA-256' };
const json64 = (o) => toBase64url(new TextEncoder().encode(JSON.stringify(o)));

const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);

async function signed(claims) {
  const input = `${json64({ kid: 'k1', typ: 'cascade-manifest+jwt', alg: 'ES256' })}.${json64(claims)}`;
  const signature = new Uint8Array(await crypto.subtle.sign(ECDSA, keys.privateKey, new TextEncoder().encode(input)));
  return withLowS(`${input}.${toBase64url(signature)}`);
}

/** What the terminal accepts: the one spelling, then WebCrypto's verification. */
async function accepted(jws) {
  const compact = canonicalCompact(jws);
  if (!compact) return false;
  return crypto.subtle.verify(ECDSA, keys.publicKey, compact.signature,
    new TextEncoder().encode(`${compact.header}.${compact.payload}`));
}

function otherS(jws) {
  const [h, p, s] = jws.split('.');
  const signature = fromBase64url(s);
  const value = BigInt(`0x${Buffer.from(signature.subarray(32)).toString('hex')}`);
  signature.set(Buffer.from((P256_ORDER - value).toString(16).padStart(64, '0'), 'hex'), 32);
  return `${h}.${p}.${toBase64url(signature)}`;
}

const manifest = { sub: 'C0000000000000A1', manifest: { size: 3, pieceSize: 1024, pieces: ['ab'.repeat(32)], root: 'cd'.repeat(32) } };

test('a token signed as the center signs is accepted', async () => {
  const jws = await signed(manifest);
  assert.ok(lowS(canonicalCompact(jws).signature));
  assert.ok(await accepted(jws));
});

test('the (r, n - s) twin is refused, though WebCrypto verifies it', async () => {
  const jws = await signed(manifest);
  const twin = otherS(jws);
  const [h, p, s] = twin.split('.');
  assert.ok(await crypto.subtle.verify(ECDSA, keys.publicKey, fromBase64url(s), new TextEncoder().encode(`${h}.${p}`)));
  assert.equal(await accepted(twin), false);
});

test('a token of the high s is given back in its low-s form, which verifies', async () => {
  const jws = await signed(manifest);
  assert.equal(withLowS(otherS(jws)), jws);
  assert.equal(withLowS(jws), jws);
});

test('every single-character change of a signed token is refused', async () => {
  const jws = await signed(manifest);
  const admitted = [];
  for (let i = 0; i < jws.length; i++) {
    for (const c of `${ALPHABET}=+/. `) {
      if (c === jws[i]) continue;
      const changed = jws.slice(0, i) + c + jws.slice(i + 1);
      if (await accepted(changed)) admitted.push(`${i}: ${jws[i]} -> ${c}`);
    }
  }
  assert.deepEqual(admitted, []);
});

test('base64url in another spelling is not canonical', () => {
  assert.ok(canonicalBase64url('QQ'));
  assert.equal(canonicalBase64url('QR'), false, 'unused trailing bits set');
  assert.equal(canonicalBase64url('QUE'), true);
  assert.equal(canonicalBase64url('QUF'), false, 'unused trailing bits set');
  assert.equal(canonicalBase64url('QQ=='), false, 'padding');
  assert.equal(canonicalBase64url('a+b/'), false, 'standard alphabet');
  assert.equal(canonicalBase64url('QUFBQ'), false, 'a length no bytes have');
  assert.equal(canonicalBase64url(''), false);
});
