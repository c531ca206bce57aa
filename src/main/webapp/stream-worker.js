// Plays a content while it is being received: the page's media element asks for
// <context>/stream/<content id>, and this worker answers with the content's verified pieces from
// IndexedDB in order, waiting for each piece still to come (the engine asks for pieces in order
// while the user plays). Range requests are answered from the piece that holds their first byte.
// It lives at the context root so that it may serve the content page.
import { transaction } from './js/terminal/db.js';

const POLL = 250;                 // how often a missing piece is looked for
const GIVE_UP = 120000;           // no new piece for this long: the stream ends with an error

const scope = new URL(self.registration.scope).pathname;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const path = new URL(event.request.url).pathname;
  if (event.request.method !== 'GET' || !path.startsWith(`${scope}stream/`)) return;
  event.respondWith(stream(decodeURIComponent(path.slice(`${scope}stream/`.length)), event.request.headers.get('Range')));
});

const read = (store, key) => transaction(store, 'readonly', (tx) => tx.objectStore(store).get(key));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function stream(contentId, range) {
  const record = await read('contents', contentId);
  if (!record) return new Response('This content is not in this browser.', { status: 404 });
  const { size, pieceSize, pieceCount } = record;
  const match = /^bytes=(\d+)-/.exec(range ?? '');
  const start = match ? Number(match[1]) : 0;
  if (start >= size) return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}` } });
  let index = Math.floor(start / pieceSize);
  let skip = start - index * pieceSize;
  const body = new ReadableStream({
    async pull(controller) {
      if (index >= pieceCount) { controller.close(); return; }
      const since = Date.now();
      let piece = await read('pieces', `${contentId}:${index}`);
      while (!piece) {
        if (Date.now() - since > GIVE_UP) { controller.error(new Error(`piece ${index} did not come`)); return; }
        await sleep(POLL);
        piece = await read('pieces', `${contentId}:${index}`);
      }
      controller.enqueue(new Uint8Array(piece, skip));
      skip = 0;
      index += 1;
    },
  });
  const headers = { 'Content-Type': record.mediaType || 'application/octet-stream', 'Content-Length': String(size - start),
    'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store' };
  if (!match) return new Response(body, { status: 200, headers });
  return new Response(body, { status: 206, headers: { ...headers, 'Content-Range': `bytes ${start}-${size - 1}/${size}` } });
}
