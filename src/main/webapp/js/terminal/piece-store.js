// The contents this browser keeps: a record per content (with the pieces it holds as a bitfield),
// the verified pieces themselves, the receipts not yet settled and the user's sharing settings.
import { transaction } from './db.js';
import * as bits from './bitfield.js';
import { verifyPiece } from './manifest.js';

const pieceKey = (contentId, index) => `${contentId}:${index}`;
// How many pieces to read in one transaction when reading a whole content (64 × 256 KiB = 16 MiB).
const BATCH = 64;

const one = (store, mode, action) => transaction(store, mode, (tx) => action(tx.objectStore(store)));

/** Reads the record under `key`, lets `change` return its new value (undefined: delete it) and writes it, in one transaction. */
function update(store, key, change) {
  let result;
  return transaction(store, 'readwrite', (tx, fail) => {
    const s = tx.objectStore(store);
    const read = s.get(key);
    read.onsuccess = () => {
      try {
        result = change(read.result);
      } catch (e) {
        fail(e);
        return;
      }
      if (result === undefined) s.delete(key);
      else s.put(result, key);
    };
    return () => result;
  });
}

const unknown = (contentId) => new Error(`the content ${contentId} is not in this browser`);

// Contents: {id, name, mediaType, size, pieceSize, pieceCount, manifest (JWS), have (bitfield), shared, recommended, addedAt}.
// `recommended`: the owner recommends the content to the visitors of this terminal's shelf.
export const getContent = (contentId) => one('contents', 'readonly', (s) => s.get(contentId));
export const putContent = (record) => one('contents', 'readwrite', (s) => s.put(record, record.id));
export const listContents = () => one('contents', 'readonly', (s) => s.getAll());

export function setShared(contentId, shared) {
  return update('contents', contentId, (record) => {
    if (!record) throw unknown(contentId);
    return { ...record, shared: Boolean(shared) };
  });
}

export function setRecommended(contentId, recommended) {
  return update('contents', contentId, (record) => {
    if (!record) throw unknown(contentId);
    return { ...record, recommended: Boolean(recommended) };
  });
}

/** Stores a verified piece and adds it to its content's `have`, in one transaction; resolves to the updated record. */
export function putPiece(contentId, index, buffer) {
  let updated;
  return transaction(['contents', 'pieces'], 'readwrite', (tx, fail) => {
    const contents = tx.objectStore('contents');
    const read = contents.get(contentId);
    read.onsuccess = () => {
      const record = read.result;
      if (!record) { fail(unknown(contentId)); return; }
      if (!(index >= 0 && index < record.pieceCount)) { fail(new RangeError(`piece ${index} of ${record.pieceCount}`)); return; }
      updated = { ...record, have: bits.set(record.have, index) };
      tx.objectStore('pieces').put(buffer, pieceKey(contentId, index));
      contents.put(updated, contentId);
    };
    return () => updated;
  });
}

export const getPiece = (contentId, index) => one('pieces', 'readonly', (s) => s.get(pieceKey(contentId, index)));

function getPieces(contentId, from, to) {
  return transaction('pieces', 'readonly', (tx) => {
    const s = tx.objectStore('pieces');
    const reads = [];
    for (let i = from; i < to; i++) reads.push(s.get(pieceKey(contentId, i)));
    return () => reads.map((r) => r.result);
  });
}

/** Removes pieces (and their `have` bits) that turned out missing or forged. */
function dropPieces(contentId, indices) {
  return transaction(['contents', 'pieces'], 'readwrite', (tx) => {
    const contents = tx.objectStore('contents');
    const read = contents.get(contentId);
    read.onsuccess = () => {
      const record = read.result;
      for (const i of indices) tx.objectStore('pieces').delete(pieceKey(contentId, i));
      contents.put({ ...record, have: bits.minus(record.have, bits.fromIndices(record.pieceCount, indices)) }, contentId);
    };
  });
}

/** The whole content as a Blob, its pieces in order; throws when one is missing. */
export async function contentBlob(contentId, mediaType) {
  const record = await getContent(contentId);
  if (!record) throw unknown(contentId);
  let blob = new Blob([]);
  // Folding into a Blob batch by batch lets the browser keep the bytes out of script memory.
  for (let from = 0; from < record.pieceCount; from += BATCH) {
    const pieces = await getPieces(contentId, from, Math.min(record.pieceCount, from + BATCH));
    const missing = pieces.findIndex((p) => !p);
    if (missing >= 0) throw new Error(`piece ${from + missing} of ${record.name ?? contentId} is missing`);
    blob = new Blob([blob, ...pieces]);
  }
  return new Blob([blob], { type: mediaType ?? record.mediaType ?? '' });
}

/**
 * The originality check before playback: hashes every piece again against the verified manifest.
 * True when all are there and original; otherwise false, and the missing or forged pieces are
 * dropped so that receiving the content again brings them.
 */
export async function verifyStored(manifest) {
  const id = manifest.contentId;
  const failed = [];
  for (let from = 0; from < manifest.pieceCount; from += BATCH) {
    const pieces = await getPieces(id, from, Math.min(manifest.pieceCount, from + BATCH));
    for (let k = 0; k < pieces.length; k++) {
      if (!pieces[k] || !(await verifyPiece(manifest, from + k, pieces[k]))) failed.push(from + k);
    }
  }
  if (failed.length && await getContent(id)) await dropPieces(id, failed);
  return failed.length === 0;
}

// Receipts not yet settled, by link: {link, content, pieces (bitfield), settled (pieces settled so far), resent (times sent again)}.
export function addReceipt(link, content, pieces) {
  return update('receipts', link, (r) => (r ? { ...r, pieces: bits.union(r.pieces, pieces) }
                                            : { link, content, pieces, settled: 0, resent: 0 }));
}

export const listReceipts = () => one('receipts', 'readonly', (s) => s.getAll());
export const removeReceipt = (link) => one('receipts', 'readwrite', (s) => s.delete(link));

/** Counts `pieces` more settled on the link; forgets the receipt once settlements cover all its pieces. */
export function settleReceipt(link, pieces) {
  return update('receipts', link, (r) => {
    if (!r) return undefined;
    const settled = r.settled + pieces;
    return settled >= bits.count(r.pieces) ? undefined : { ...r, settled };
  });
}

/** Notes that the receipt was sent again on a new connection; resolves to how many times it was. */
export function receiptResent(link) {
  return update('receipts', link, (r) => (r ? { ...r, resent: r.resent + 1 } : undefined)).then((r) => r?.resent ?? 0);
}

// Settings: the upload cap (bytes/s, 0 = none), the comment requesters see and the news visitors of the shelf read.
const DEFAULTS = { uploadCap: 0, comment: '', news: '' };
const NAMES = Object.keys(DEFAULTS);

/** The first `max` UTF-16 units of `text`, never half of a character that takes two (the shelf's checksum covers the news). */
function clip(text, max) {
  const s = String(text);
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s[max - 1]) ? max - 1 : max;
  return s.slice(0, end);
}

export async function loadSettings() {
  const values = await transaction('settings', 'readonly', (tx) => {
    const s = tx.objectStore('settings');
    const reads = NAMES.map((name) => s.get(name));
    return () => reads.map((r) => r.result);
  });
  return Object.fromEntries(NAMES.map((name, i) => [name, values[i] ?? DEFAULTS[name]]));
}

export function saveSettings({ uploadCap, comment, news }) {
  if (uploadCap !== undefined && !(Number.isSafeInteger(uploadCap) && uploadCap >= 0)) {
    return Promise.reject(new RangeError('the upload cap is a whole number of bytes per second'));
  }
  return transaction('settings', 'readwrite', (tx) => {
    const s = tx.objectStore('settings');
    if (uploadCap !== undefined) s.put(uploadCap, 'uploadCap');
    if (comment !== undefined) s.put(String(comment).slice(0, 200), 'comment');
    if (news !== undefined) s.put(clip(news, 1000), 'news');
  });
}
