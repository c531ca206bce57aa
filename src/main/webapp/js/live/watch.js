// Watching an event: the segments of this viewer's stream, as its order's delay lets them through,
// each checked against the SHA-256 the center lists for it before it is played (Media Source
// Extensions, one WebM stream in sequence) and kept in this browser for watching later.
// The primary order gets the bytes from the center; a later order from the terminal of the order
// above that the center gives it (its "feeder"), over an RTCDataChannel brokered on the live channel.
// A viewer that allowed redistribution relays, in turn, each segment it verified to the viewers the
// center gives it, holding it until their order's delay has passed since the center received it.
import { transaction } from '../terminal/db.js';

const page = document.getElementById('watch');
const context = document.documentElement.dataset.context ?? '';
const state = document.getElementById('watch-state');
const feedView = document.getElementById('watch-feed');
const video = document.getElementById('live-video');
const event = page.dataset.event;
const EVERY = 1000;
const CHUNK = 60_000;          // data channel messages stay well under Chromium's 256 KiB
const BUFFER_HIGH = 1 << 20;   // wait before sending more while this much is queued
const RECENT = 120;            // verified segments kept in memory for relaying; older ones come from IndexedDB
const REPORT_EVERY = 5000;

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let socket = null;
let place = null;              // the center's last 'place' frame
let offset = 0;                // the center's clock minus this page's
const centerNow = () => Date.now() + offset;
let upstream = null;           // { from, pc, dc, parts }
const received = new Map();    // seq → bytes that came from the feeder, not yet played
const listed = new Map();      // seq → the center's listing (sha256, publishedAt)
const verified = new Set();    // seqs verified and kept here
const recent = new Map();      // seq → bytes, the last RECENT verified
const downstream = new Map();  // application → { pc, dc, delayMs, next, candidates }
const delays = new Map();      // application → delayMs, from the last 'feeds'
let after = -1;
let behind = null;

function send(frame) {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
}

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
  await transaction(['live'], 'readwrite', (tx) => {
    const store = tx.objectStore('live');
    store.put(bytes, `${event}/${seq}`);
    // what "my library" lists the kept event by
    store.put({ title: page.dataset.title, artist: page.dataset.artist, order: Number(page.dataset.order) }, `${event}/about`);
  });
}

async function kept(seq) {
  return transaction(['live'], 'readonly', (tx) => tx.objectStore('live').get(`${event}/${seq}`));
}

function showFeed() {
  const feed = place?.feed ?? 'center';
  feedView.dataset.feed = feed;
  feedView.dataset.from = place?.from ?? '';
  feedView.dataset.relaying = String([...downstream.values()].filter((l) => l.dc?.readyState === 'open').length);
  const relaying = Number(feedView.dataset.relaying);
  feedView.textContent = (feed === 'terminal' ? page.dataset.fedTerminal : page.dataset.fedCenter)
    + (relaying > 0 ? ` ${page.dataset.relaying.replace('{0}', String(relaying))}` : '');
}

// ---- the live channel ----

function connect() {
  const current = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${context}/live/channel`);
  socket = current;
  current.addEventListener('open', () => current.send(JSON.stringify({ type: 'join', event })));
  current.addEventListener('message', (e) => {
    let frame;
    try { frame = JSON.parse(e.data); } catch { return; }
    if (frame.type === 'place') placed(frame);
    else if (frame.type === 'feeds') feeds(frame);
    else if (frame.type === 'signal') signalled(frame);
    else if (frame.type === 'error') console.warn('live channel:', frame.message);
  });
  current.addEventListener('close', (e) => {
    // The media was revoked: the insertion page says why.
    if (e.code === 1008 && e.reason === 'media.refused.revoked') { location.assign(`${context}/terminal`); return; }
    if (socket !== current) return;
    socket = null;
    page.dataset.channel = 'closed';
    // The center counts this page offline: it feeds the viewers this page relayed to from elsewhere.
    for (const application of [...downstream.keys()]) dropDownstream(application);
    if (place?.automaticReconnection) {
      setTimeout(connect, 2000);
    } else {
      feedView.textContent = page.dataset.offline;
    }
  });
  page.dataset.channel = 'open';
}

function placed(frame) {
  offset = frame.now - Date.now();
  const changed = !place || place.feed !== frame.feed || place.from !== frame.from;
  place = frame;
  page.dataset.application = frame.application;
  if (frame.feed === 'terminal') linkTo(frame.from);
  else closeUpstream();
  if (changed) page.dataset.feedChanges = String(Number(page.dataset.feedChanges ?? 0) + 1);
  showFeed();
}

// ---- receiving from the feeder ----

function closeUpstream() {
  if (!upstream) return;
  upstream.dc.onmessage = upstream.dc.onclose = null;
  upstream.pc.close();
  upstream = null;
}

function peer(to, link) {
  const pc = new RTCPeerConnection({ iceServers: [] });
  pc.onicecandidate = (e) => { if (e.candidate) send({ type: 'signal', to, data: { candidate: e.candidate.toJSON() } }); };
  link.pc = pc;
  link.candidates = [];
  link.signals = Promise.resolve();
  return pc;
}

async function linkTo(from) {
  closeUpstream();
  const link = { from, parts: new Map() };
  const pc = peer(from, link);
  const dc = pc.createDataChannel('live', { ordered: true });
  dc.binaryType = 'arraybuffer';
  dc.onopen = () => dc.send(JSON.stringify({ want: after + 1 }));
  dc.onmessage = (e) => chunk(link, e.data);
  link.dc = dc;
  upstream = link;
  await pc.setLocalDescription(await pc.createOffer());
  send({ type: 'signal', to: from, data: { description: pc.localDescription.toJSON() } });
}

function chunk(link, data) {
  if (!(data instanceof ArrayBuffer) || data.byteLength < 8) return;
  const head = new DataView(data);
  const seq = head.getUint32(0);
  const index = head.getUint16(4);
  const count = head.getUint16(6);
  if (count < 1 || index >= count || seq <= after) return;
  const parts = link.parts.get(seq) ?? new Array(count);
  parts[index] = data.slice(8);
  link.parts.set(seq, parts);
  if (parts.filter(Boolean).length === count) {
    link.parts.delete(seq);
    const whole = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    let at = 0;
    for (const p of parts) { whole.set(new Uint8Array(p), at); at += p.byteLength; }
    received.set(seq, { bytes: whole.buffer, from: link.from });
  }
}

async function applySignal(link, data) {
  const pc = link.pc;
  if (data?.description) {
    await pc.setRemoteDescription(data.description);
    if (data.description.type === 'offer') {
      await pc.setLocalDescription(await pc.createAnswer());
      send({ type: 'signal', to: link.to, data: { description: pc.localDescription.toJSON() } });
    }
    for (const candidate of link.candidates.splice(0)) await pc.addIceCandidate(candidate);
  } else if (data?.candidate) {
    if (pc.remoteDescription) await pc.addIceCandidate(data.candidate);
    else link.candidates.push(data.candidate);
  }
}

function signalled(frame) {
  let link;
  if (upstream && frame.from === upstream.from) {
    link = upstream;
    link.to = upstream.from;
  } else {
    link = downstream.get(frame.from);
    if (frame.data?.description?.type === 'offer') {
      // A viewer the center gives this page links (again): a fresh connection for it.
      if (link) dropDownstream(frame.from);
      link = serve(frame.from);
    }
  }
  if (!link) return;
  link.signals = link.signals.then(() => applySignal(link, frame.data)).catch((e) => console.warn('live signal:', e.message));
}

/** The bytes of a listed segment: from the feeder when a terminal feeds this page, else from the center. */
async function bytesOf(s) {
  for (;;) {
    const relayed = received.get(s.seq);
    if (relayed) { received.delete(s.seq); return relayed; }
    if ((place?.feed ?? 'center') === 'center') {
      const response = await fetch(`${context}/api/live/events/${event}/segments/${s.seq}`,
        { credentials: 'same-origin', headers: { Accept: 'application/octet-stream' } });
      if (response.ok) return { bytes: await response.arrayBuffer(), from: null };
      // refused: a terminal feeds this page now; its place frame is on the way
    }
    await sleep(place?.feed === 'terminal' ? 50 : 500);
  }
}

// ---- relaying to the order below ----

function feeds(frame) {
  offset = frame.now - Date.now();
  const given = new Set();
  for (const d of frame.to) {
    given.add(d.application);
    delays.set(d.application, d.delayMs);
    const link = downstream.get(d.application);
    if (link) link.delayMs = d.delayMs;
  }
  for (const application of [...downstream.keys()]) if (!given.has(application)) dropDownstream(application);
  for (const application of [...delays.keys()]) if (!given.has(application)) delays.delete(application);
  showFeed();
}

function serve(application) {
  const link = { to: application, delayMs: delays.get(application) ?? null, next: null };
  const pc = peer(application, link);
  pc.ondatachannel = (e) => {
    const dc = e.channel;
    dc.binaryType = 'arraybuffer';
    link.dc = dc;
    dc.onmessage = (m) => {
      if (typeof m.data !== 'string') return;
      let want;
      try { want = JSON.parse(m.data).want; } catch { return; }
      if (Number.isInteger(want) && want >= 0 && link.next === null) {
        link.next = want;
        pump(application, link);
      }
    };
    dc.onclose = () => { if (downstream.get(application) === link) dropDownstream(application); };
    showFeed();
  };
  downstream.set(application, link);
  return link;
}

function dropDownstream(application) {
  const link = downstream.get(application);
  downstream.delete(application);
  if (link) {
    if (link.dc) link.dc.onclose = null;
    link.pc.close();
  }
  showFeed();
}

/** Sends the viewer each segment this page verified once its order's delay has passed since the center received it. */
async function pump(application, link) {
  while (downstream.get(application) === link && link.dc.readyState === 'open') {
    const seq = link.next;
    const s = listed.get(seq);
    if (!s || !verified.has(seq) || link.delayMs === null) { await sleep(100); continue; }
    const wait = s.publishedAt + link.delayMs - centerNow();
    if (wait > 0) { await sleep(Math.min(wait, 200)); continue; }
    const bytes = recent.get(seq) ?? await kept(seq);
    if (!bytes) { await sleep(200); continue; }
    const count = Math.max(1, Math.ceil(bytes.byteLength / CHUNK));
    for (let i = 0; i < count; i += 1) {
      while (link.dc.readyState === 'open' && link.dc.bufferedAmount > BUFFER_HIGH) await sleep(20);
      if (link.dc.readyState !== 'open') return;
      const part = bytes.slice(i * CHUNK, Math.min(bytes.byteLength, (i + 1) * CHUNK));
      const message = new Uint8Array(8 + part.byteLength);
      const head = new DataView(message.buffer);
      head.setUint32(0, seq);
      head.setUint16(4, i);
      head.setUint16(6, count);
      message.set(new Uint8Array(part), 8);
      link.dc.send(message.buffer);
    }
    link.next = seq + 1;
    note(sentTo, application, seq);
  }
}

// ---- reporting what went over each link (the center counts what both ends report) ----

const sentTo = new Map();       // application → segments sent since the last report
const receivedFrom = new Map(); // application → segments verified from it since the last report

function note(map, application, seq) {
  const list = map.get(application) ?? [];
  list.push(seq);
  map.set(application, list);
}

function report() {
  for (const [map, type, field] of [[sentTo, 'relayed', 'to'], [receivedFrom, 'received', 'from']]) {
    for (const [application, segments] of [...map.entries()]) {
      if (socket?.readyState !== WebSocket.OPEN) return;
      map.delete(application);
      for (let i = 0; i < segments.length; i += 500) {
        send({ type, [field]: application, segments: segments.slice(i, i + 500) });
      }
    }
  }
  // When all that went over the links so far was reported: a page that is read for it can tell.
  page.dataset.reportedAt = String(Date.now());
}

// ---- playing ----

async function run() {
  const media = new MediaSource();
  video.src = URL.createObjectURL(media);
  await new Promise((resolve) => media.addEventListener('sourceopen', resolve, { once: true }));
  const buffer = media.addSourceBuffer('video/webm; codecs="vp8,opus"');
  buffer.mode = 'sequence';
  let played = 0;
  let rejected = 0;
  let fromTerminal = 0;
  let fromCenter = 0;
  for (;;) {
    try {
      const due = await get(`/api/live/events/${event}/segments?after=${after}`, 'application/json');
      for (const s of due) {
        listed.set(s.seq, s);
        const { bytes, from } = await bytesOf(s);
        if (hex(await crypto.subtle.digest('SHA-256', bytes)) !== s.sha256) {
          rejected += 1;
          state.dataset.rejected = String(rejected);
          state.textContent = page.dataset.forged;
          continue;
        }
        await appended(buffer, bytes);
        await keep(s.seq, bytes);
        verified.add(s.seq);
        recent.set(s.seq, bytes);
        if (recent.size > RECENT) recent.delete(recent.keys().next().value);
        after = s.seq;
        played += 1;
        if (from) { fromTerminal += 1; note(receivedFrom, from, s.seq); } else fromCenter += 1;
        behind = Math.max(0, centerNow() - s.publishedAt);
        state.dataset.segments = String(played);
        state.dataset.fromTerminal = String(fromTerminal);
        state.dataset.fromCenter = String(fromCenter);
        state.dataset.behindMs = String(behind);
        state.dataset.playedAt = String(Date.now());
        state.textContent = page.dataset.behind.replace('{0}', (behind / 1000).toFixed(1)).replace('{1}', String(played));
        if (played === 1) video.play().catch(() => {});
      }
    } catch (e) {
      console.warn('live:', e.message);
    }
    await sleep(EVERY);
  }
}

// The measured delay, for the sponsor's and the operator's views; it also keeps the channel from idling out.
setInterval(() => {
  send(behind === null ? { type: 'alive' } : { type: 'delay', ms: Math.round(behind) });
  report();
}, REPORT_EVERY);

connect();
run();
document.body.dataset.ready = 'true';
