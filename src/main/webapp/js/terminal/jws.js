// The one spelling of a compact ES256 JWS the center accepts, checked the same way here: every part
// base64url as the center writes it (no padding, no other alphabet, unused trailing bits zero), and
// the signature (r, s) with the low s, s <= n/2, of the two that ECDSA (and WebCrypto) accept.
// No DOM here, so that it runs under Node's test runner too.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551n;
const HALF_ORDER = P256_ORDER >> 1n;

/** True when `text` is base64url in the center's spelling: it decodes, and encodes back to itself. */
export function canonicalBase64url(text) {
  if (typeof text !== 'string' || !BASE64URL.test(text) || text.length % 4 === 1) return false;
  const last = ALPHABET.indexOf(text[text.length - 1]);
  // A last character that ends the text mid-byte carries 4 (two characters left) or 2 (three
  // characters left) bits that belong to no byte: they must be zero.
  if (text.length % 4 === 2) return (last & 0x0f) === 0;
  if (text.length % 4 === 3) return (last & 0x03) === 0;
  return true;
}

export function fromBase64url(text) {
  return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
}

export function toBase64url(bytes) {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const bigOf = (bytes) => BigInt(`0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') || '0'}`);

function bytesOf(value) {
  const hex = value.toString(16).padStart(64, '0');
  return Uint8Array.from({ length: 32 }, (_, i) => parseInt(hex.substr(2 * i, 2), 16));
}

/** True when `signature` is an ES256 signature r || s (64 bytes) with 0 < s <= n/2. */
export function lowS(signature) {
  if (!(signature instanceof Uint8Array) || signature.length !== 64) return false;
  const s = bigOf(signature.subarray(32));
  return s > 0n && s <= HALF_ORDER;
}

/** The parts of a compact JWS in the center's one spelling, or null when it is spelled otherwise. */
export function canonicalCompact(jws) {
  const parts = String(jws).split('.');
  if (parts.length !== 3 || !parts.every(canonicalBase64url)) return null;
  const signature = fromBase64url(parts[2]);
  if (!lowS(signature)) return null;
  return { header: parts[0], payload: parts[1], signature };
}

/**
 * The same token with the low s, when it carries the high one: what the center signed before it
 * signed only with the low s, in the form it accepts now. Anything else is returned unchanged.
 */
export function withLowS(jws) {
  const parts = String(jws).split('.');
  if (parts.length !== 3 || !canonicalBase64url(parts[2])) return jws;
  const signature = fromBase64url(parts[2]);
  if (signature.length !== 64) return jws;
  const s = bigOf(signature.subarray(32));
  if (s <= HALF_ORDER || s >= P256_ORDER) return jws;
  signature.set(bytesOf(P256_ORDER - s), 32);
  return `${parts[0]}.${parts[1]}.${toBase64url(signature)}`;
}
