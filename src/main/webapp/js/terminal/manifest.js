// A content's originality mark: the manifest the center signed (a compact JWS, ES256). The terminal
// accepts pieces of a content only after its manifest verified, and only pieces that hash to it.
import { api, ApiError } from '../platform/api.js';
import { canonicalCompact, fromBase64url } from './jws.js';

const TYPE = 'cascade-manifest+jwt';
const HEX64 = /^[0-9a-f]{64}$/;

export class ManifestError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ManifestError';
    this.reason = 'manifest.invalid';
  }
}

const context = () => document.documentElement.dataset.context ?? '';

const hex = (bytes) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

function fromHex(text) {
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.substr(2 * i, 2), 16);
  return bytes;
}

let centerKey = null;

async function fetchCenterKey() {
  const jwk = await api('GET', '/api/center/key');
  if (jwk?.kty !== 'EC' || jwk.crv !== 'P-256') throw new ManifestError('the center key is not an EC P-256 key');
  const key = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true },
    { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  return { kid: jwk.kid, key };
}

/** The center's public key, fetched once a page; fetched again when a manifest names another key id. */
async function keyFor(kid, refreshed = false) {
  centerKey ??= fetchCenterKey().catch((e) => { centerKey = null; throw e; });
  const known = await centerKey;
  if (kid && known.kid && kid !== known.kid) {
    if (refreshed) throw new ManifestError('the manifest was signed by another key');
    centerKey = null;
    return keyFor(kid, true);
  }
  return known.key;
}

async function fetchJws(contentId) {
  const response = await fetch(`${context()}/api/contents/${encodeURIComponent(contentId)}/manifest`, {
    credentials: 'same-origin',
    headers: { Accept: 'application/jwt, text/plain, */*;q=0.1' },
  });
  const text = await response.text();
  if (!response.ok) {
    let body;
    try { body = JSON.parse(text); } catch { body = { message: text || `HTTP ${response.status}` }; }
    throw new ApiError(response.status, body);
  }
  return text.trim();
}

function part(text, what) {
  try {
    return JSON.parse(new TextDecoder().decode(fromBase64url(text)));
  } catch {
    throw new ManifestError(`the manifest's ${what} is unreadable`);
  }
}

/** The length of piece `index`: the piece size, except the last. */
export const pieceLength = (manifest, index) => Math.min(manifest.pieceSize, manifest.size - index * manifest.pieceSize);

/** The content's manifest, its signature and consistency checked; throws a ManifestError when it fails. */
export async function loadManifest(contentId) {
  const jws = await fetchJws(contentId);
  // WebCrypto accepts padding-free base64url with any trailing bits and both (r, s) and (r, n - s):
  // the manifest must be in the one spelling the center writes and accepts.
  const compact = canonicalCompact(jws);
  if (!compact) throw new ManifestError('the manifest is not a compact JWS as the center signs it');
  const header = part(compact.header, 'header');
  if (header.alg !== 'ES256' || header.typ !== TYPE) throw new ManifestError('the manifest is not a Cascade manifest');
  const { signature } = compact;
  const signed = new TextEncoder().encode(`${compact.header}.${compact.payload}`);
  if (!(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, await keyFor(header.kid), signature, signed))) {
    throw new ManifestError('the manifest signature does not verify');
  }

  const claims = part(compact.payload, 'payload');
  if (claims.sub !== contentId) throw new ManifestError('the manifest is for another content');
  const m = claims.manifest ?? {};
  const { size, pieceSize, pieces } = m;
  if (!Number.isSafeInteger(size) || size < 0 || !Number.isSafeInteger(pieceSize) || pieceSize <= 0
      || !Array.isArray(pieces) || pieces.length !== Math.ceil(size / pieceSize)
      || !pieces.every((p) => typeof p === 'string' && HEX64.test(p.toLowerCase()))
      || typeof m.root !== 'string') {
    throw new ManifestError('the manifest does not describe the content consistently');
  }
  const digests = pieces.map((p) => p.toLowerCase());
  const all = new Uint8Array(32 * digests.length);
  digests.forEach((d, i) => all.set(fromHex(d), 32 * i));
  const root = hex(await crypto.subtle.digest('SHA-256', all));
  if (root !== m.root.toLowerCase()) throw new ManifestError('the manifest root does not match its pieces');

  return {
    contentId, size, pieceSize, pieceCount: digests.length, pieces: digests, root,
    holder: m.holder, unitCost: m.unitCost, jws,
  };
}

/**
 * The unit cost in the manifest of a content this browser stores (its JWS was verified before the
 * content was stored, so it is only read here); undefined when it cannot be read.
 */
export function storedUnitCost(jws) {
  try {
    const cost = part(String(jws).split('.')[1] ?? '', 'payload').manifest?.unitCost;
    return Number.isSafeInteger(cost) ? cost : undefined;
  } catch {
    return undefined;
  }
}

/** True when `buffer` is piece `index` of the content: the right length and SHA-256. */
export async function verifyPiece(manifest, index, buffer) {
  if (!Number.isInteger(index) || index < 0 || index >= manifest.pieceCount) return false;
  if (buffer.byteLength !== pieceLength(manifest, index)) return false;
  return hex(await crypto.subtle.digest('SHA-256', buffer)) === manifest.pieces[index];
}
