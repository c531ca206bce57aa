// Piece bitfields as the center reads them: base64url without padding, piece 0 the high bit (0x80)
// of byte 0, exactly ceil(pieceCount / 8) bytes and no bit set past the last piece.

const bytesFor = (pieceCount) => Math.ceil(pieceCount / 8);

export function encode(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of a bitfield; with `pieceCount`, throws unless it fits that many pieces exactly. */
export function decode(bitfield, pieceCount) {
  if (typeof bitfield !== 'string' || !/^[A-Za-z0-9_-]*$/.test(bitfield)) throw new TypeError('not a bitfield');
  let binary;
  try {
    binary = atob(bitfield.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((bitfield.length + 3) % 4));
  } catch {
    throw new TypeError('not a bitfield');
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  if (pieceCount !== undefined) {
    const tail = pieceCount % 8;
    if (bytes.length !== bytesFor(pieceCount) || (tail && bytes[bytes.length - 1] & (0xff >> tail))) {
      throw new RangeError(`not a bitfield of ${pieceCount} pieces`);
    }
  }
  return bytes;
}

export function none(pieceCount) {
  return encode(new Uint8Array(bytesFor(pieceCount)));
}

export function all(pieceCount) {
  const bytes = new Uint8Array(bytesFor(pieceCount)).fill(0xff);
  if (pieceCount % 8) bytes[bytes.length - 1] = (0xff << (8 - pieceCount % 8)) & 0xff;
  return encode(bytes);
}

export function fromIndices(pieceCount, indices) {
  const bytes = new Uint8Array(bytesFor(pieceCount));
  for (const i of indices) {
    if (!(i >= 0 && i < pieceCount)) throw new RangeError(`piece ${i} of ${pieceCount}`);
    bytes[i >> 3] |= 0x80 >> (i & 7);
  }
  return encode(bytes);
}

export function count(bitfield) {
  let n = 0;
  for (let b of decode(bitfield)) {
    for (; b; b &= b - 1) n++;
  }
  return n;
}

export function has(bitfield, index) {
  const bytes = decode(bitfield);
  return index >= 0 && index < bytes.length * 8 && (bytes[index >> 3] & (0x80 >> (index & 7))) !== 0;
}

/** The bitfield with piece `index` added. */
export function set(bitfield, index) {
  const bytes = decode(bitfield);
  if (!(index >= 0 && index < bytes.length * 8)) throw new RangeError(`piece ${index} outside the bitfield`);
  bytes[index >> 3] |= 0x80 >> (index & 7);
  return encode(bytes);
}

/** The pieces set, in order. */
export function indices(bitfield) {
  const bytes = decode(bitfield);
  const out = [];
  bytes.forEach((b, i) => {
    for (let bit = 0; bit < 8; bit++) if (b & (0x80 >> bit)) out.push(8 * i + bit);
  });
  return out;
}

function combine(a, b, op) {
  const x = decode(a);
  const y = decode(b);
  if (x.length !== y.length) throw new RangeError('bitfields of different contents');
  return encode(x.map((v, i) => op(v, y[i])));
}

export const union = (a, b) => combine(a, b, (x, y) => x | y);
export const minus = (a, b) => combine(a, b, (x, y) => x & ~y);
