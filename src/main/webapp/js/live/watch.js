// Watching an event: the segments of this viewer's stream, as its order's delay lets them through,
// each checked against the SHA-256 the center published for it before it is played (Media Source
// Extensions, one WebM stream in sequence) and kept in this browser for watching later.
import { transaction } from '../terminal/db.js';

const page = document.getElementById('watch');
const context = document.documentElement.dataset.context ?? '';
const state = document.getElementById('watch-state');
const video = document.getElementById('live-video');
const event = page.dataset.event;
const EVERY = 1000;

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

async function get(path, kind) {
  const response = await fetch(`${context}${path}`, { credentials: 'same-origin', headers: { Accept: kind } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return kind === 'application/json' ? response.json() : response.arrayBuffer();
}

function appended(buffer, bytes) {
  return new Promise((resolve, reject) => {
    buffer.addEventListener('updateend', resolve, { once: true });
    buffer.addEventListener('error', () => reject(new Error('the stream could not be decoded')), { once: true });
    buffer.appendBuffer(bytes);
  });
}

async function keep(seq, bytes) {
  await transaction(['live'], 'readwrite', (tx) => tx.objectStore('live').put(bytes, `${event}/${seq}`));
}

async function run() {
  const media = new MediaSource();
  video.src = URL.createObjectURL(media);
  await new Promise((resolve) => media.addEventListener('sourceopen', resolve, { once: true }));
  const buffer = media.addSourceBuffer('video/webm; codecs="vp8,opus"');
  buffer.mode = 'sequence';
  let after = -1;
  let played = 0;
  let rejected = 0;
  for (;;) {
    try {
      const due = await get(`/api/live/events/${event}/segments?after=${after}`, 'application/json');
      for (const s of due) {
        const bytes = await get(`/api/live/events/${event}/segments/${s.seq}`, 'application/octet-stream');
        if (hex(await crypto.subtle.digest('SHA-256', bytes)) !== s.sha256) {
          rejected += 1;
          state.dataset.rejected = String(rejected);
          state.textContent = page.dataset.forged;
          continue;
        }
        await appended(buffer, bytes);
        await keep(s.seq, bytes);
        after = s.seq;
        played += 1;
        const behind = Math.max(0, Date.now() - s.publishedAt);
        state.dataset.segments = String(played);
        state.dataset.behindMs = String(behind);
        state.textContent = page.dataset.behind.replace('{0}', (behind / 1000).toFixed(1)).replace('{1}', String(played));
        if (played === 1) video.play().catch(() => {});
      }
    } catch (e) {
      console.warn('live:', e.message);
    }
    await new Promise((resolve) => setTimeout(resolve, EVERY));
  }
}

run();
document.body.dataset.ready = 'true';
