// Sends a file to the center as a resumable upload, one slice at a time, so that the browser never
// holds the whole file and a dropped connection costs at most one slice: after a network error or
// a 409 it asks the center where the upload stands and goes on from there.
import { ApiError } from '../platform/api.js';

/** Failures in a row (with no slice kept in between) before giving up. */
const RETRIES = 8;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

const csrf = () => document.querySelector('meta[name="csrf-token"]')?.content ?? '';

async function call(method, path, { body, headers = {}, signal } = {}) {
  const base = document.documentElement.dataset.context ?? '';
  const response = await fetch(base + path, {
    method,
    credentials: 'same-origin',
    headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrf(), ...headers },
    body,
    signal,
  });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = { message: text }; }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

// Worth asking the offset and trying again: the network failed (fetch rejects with a TypeError), the
// slice did not continue the upload or was cut off or is still being received (409), or the server
// or a proxy in front of it is briefly unavailable. Anything else will not get better by retrying.
function retriable(error) {
  if (error instanceof ApiError) return [408, 409, 429, 502, 503, 504].includes(error.status);
  return error instanceof TypeError;
}

// Exponential, with jitter so that many browsers cut off together do not come back together.
function delay(failures) {
  const ms = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - 1));
  return ms * (0.75 + Math.random() / 2);
}

function pause(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) { reject(signal.reason); return; }
    const onAbort = () => { clearTimeout(timer); reject(signal.reason); };
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Uploads `file` (a File) for `purpose` ('CONTENT' or 'IMAGE') and resolves to the upload's id
 * once the center holds every byte; a content is then registered with that id.
 * `onProgress(sent, total)` is called whenever the center confirms how far it got. `signal`
 * (an AbortSignal) stops the upload; a stopped or failed upload is given up on the center too,
 * so that it does not hold disk space until it expires. Rejects with an ApiError (status, body)
 * when the center refuses, or with the network's error once retries are exhausted.
 */
export async function upload(file, purpose, { onProgress, signal } = {}) {
  const begun = await call('POST', '/api/uploads', {
    body: JSON.stringify({ purpose, fileName: file.name, size: file.size }),
    headers: { 'Content-Type': 'application/json' },
    signal,
  });
  const path = `/api/uploads/${encodeURIComponent(begun.id)}`;
  let offset = begun.offset;
  let failures = 0;
  let lost = false;
  try {
    while (true) {
      try {
        if (lost) {
          // The last slice may have arrived whole, in part or not at all: the center knows.
          offset = (await call('GET', path, { signal })).offset;
          lost = false;
          onProgress?.(offset, file.size);
        }
        if (offset >= file.size) break;
        const done = await call('PUT', path, {
          body: file.slice(offset, Math.min(offset + begun.chunk, file.size)),
          headers: { 'Content-Type': 'application/octet-stream', 'Upload-Offset': String(offset) },
          signal,
        });
        offset = done.offset;
        failures = 0;
        onProgress?.(offset, file.size);
        if (done.complete) break;
      } catch (error) {
        if (signal?.aborted || !retriable(error) || ++failures > RETRIES) throw error;
        lost = true;
        await pause(delay(failures), signal);
      }
    }
  } catch (error) {
    // Nobody can resume this upload any more.
    call('DELETE', path).catch(() => {});
    throw error;
  }
  return begun.id;
}
