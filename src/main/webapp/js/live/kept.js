// "My library": the live events this browser watched, played again from what it kept. Before a
// kept event plays, every segment is checked against the SHA-256 the center published for it (the
// same originality check as any content): one that does not match stops the replay.
import { transaction } from '../terminal/db.js';

const card = document.getElementById('live-kept-card');
const table = document.getElementById('live-kept');
const state = document.getElementById('live-replay-state');
const video = document.getElementById('live-replay');
const context = document.documentElement.dataset.context ?? '';

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

async function keptEvents() {
  const entries = await transaction(['live'], 'readonly', (tx) => {
    const keys = tx.objectStore('live').getAllKeys();
    const values = tx.objectStore('live').getAll();
    return () => keys.result.map((k, i) => [k, values.result[i]]);
  });
  const events = new Map();
  for (const [key, value] of entries) {
    const [id, part] = String(key).split('/');
    const e = events.get(id) ?? { id, about: null, segments: new Map() };
    if (part === 'about') e.about = value;
    else e.segments.set(Number(part), value);
    events.set(id, e);
  }
  return [...events.values()].filter((e) => e.about && e.segments.size > 0);
}

/** Every segment the center lists for this viewer, with its hash. */
async function published(id) {
  const all = [];
  let after = -1;
  for (;;) {
    const response = await fetch(`${context}/api/live/events/${id}/segments?after=${after}`,
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const page = await response.json();
    if (page.length === 0) return all;
    all.push(...page);
    after = page[page.length - 1].seq;
  }
}

function appended(buffer, bytes) {
  return new Promise((resolve, reject) => {
    buffer.addEventListener('updateend', resolve, { once: true });
    buffer.addEventListener('error', () => reject(new Error('the stream could not be decoded')), { once: true });
    buffer.appendBuffer(bytes);
  });
}

async function replay(e) {
  state.dataset.verified = '0';
  delete state.dataset.result;
  const hashes = new Map((await published(e.id)).map((s) => [s.seq, s.sha256]));
  const seqs = [...e.segments.keys()].sort((a, b) => a - b);
  for (const seq of seqs) {
    if (hashes.get(seq) !== hex(await crypto.subtle.digest('SHA-256', e.segments.get(seq)))) {
      state.dataset.result = 'forged';
      state.textContent = card.dataset.forged.replace('{0}', String(seq));
      return;
    }
  }
  if (seqs[0] !== 0) {
    state.dataset.result = 'missing';
    state.textContent = card.dataset.missing;
    return;
  }
  video.hidden = false;
  const media = new MediaSource();
  video.src = URL.createObjectURL(media);
  await new Promise((resolve) => media.addEventListener('sourceopen', resolve, { once: true }));
  const buffer = media.addSourceBuffer('video/webm; codecs="vp8,opus"');
  buffer.mode = 'sequence';
  for (const seq of seqs) {
    await appended(buffer, e.segments.get(seq));
    state.dataset.verified = String(Number(state.dataset.verified) + 1);
  }
  media.endOfStream();
  state.dataset.result = 'played';
  state.textContent = card.dataset.played.replace('{0}', String(seqs.length));
  video.play().catch(() => {});
}

async function show() {
  const events = await keptEvents();
  document.getElementById('live-kept-none').hidden = events.length > 0;
  table.hidden = events.length === 0;
  for (const e of events) {
    const row = table.tBodies[0].insertRow();
    row.dataset.event = e.id;
    row.insertCell().textContent = e.about.artist;
    row.insertCell().textContent = e.about.title;
    const count = row.insertCell();
    count.className = 'num';
    count.textContent = String(e.segments.size);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'replay';
    button.textContent = card.dataset.play;
    button.addEventListener('click', () => replay(e).catch((err) => { state.textContent = err.message; }));
    row.insertCell().append(button);
  }
  card.dataset.ready = 'true';
}

show().catch((e) => { state.textContent = e.message; });
