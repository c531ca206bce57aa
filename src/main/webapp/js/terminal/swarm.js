// The terminal engine, one per page. It keeps the channel to the center, receives contents over
// the links the center brokers (directly from other terminals over WebRTC, through the center's
// relay, or from the center itself; several at once, each carrying the pieces the center asks of
// it), checks every piece against the signed manifest before it is stored, and serves the pieces
// this browser shares and holds (while still receiving the rest) to the terminals the center
// links it to. It also visits other terminals' shelves, and answers the visitors of its own.
import { api, ApiError } from '../platform/api.js';
import { connect } from './channel.js';
import * as bits from './bitfield.js';
import { loadManifest, pieceLength, storedUnitCost, verifyPiece } from './manifest.js';
import * as store from './piece-store.js';
import { loadMedia, ramVersion, replaceRam } from './media-store.js';

const CHUNK = 16 * 1024;          // piece bytes per data channel message (the size every WebRTC stack takes)
const CHUNK_HEADER = 8;           // piece index, offset (uint32 big-endian each)
const RELAY_HEADER = 40;          // link id (36 ASCII characters), piece index (uint32 big-endian)
const MAX_UNACKED = 8;
const REPORT_DELAY = 300;         // receipts are batched this long at most (kept in IndexedDB meanwhile)
const HOLDING_INTERVAL = 1000;
const DIRECT_TIMEOUT = 5000;      // a data channel not open by then: go through the relay
const STALL_TIMEOUT = 15000;      // no data for this long on a link with pieces to carry: it ends
const ASK_AGAIN_AFTER = 5000;     // a request that brought no link is made again after this long
const MORE_AFTER = 2000;          // links with nothing to carry for this long: the center plans the reception again
const SPEED_WINDOW = 3000;
const ORIGIN_IN_FLIGHT = 2;
const ORIGIN_RETRY = 300;
const ORIGIN_BUSY_MAX_WAIT = 5000; // the origin at its cap says how long to wait; never more than this at once
const BUFFER_HIGH = 1024 * 1024;  // stop queueing on a channel above this, resume below BUFFER_LOW
const BUFFER_LOW = 256 * 1024;
const MAX_RESENDS = 3;            // connections on which an unsettled receipt is sent again
const HELLO_BUDGET = 60 * 1024;   // the center refuses frames over 64 KiB
const HELLO_CONTENTS = 500;
const EARLY_SIGNALS = 50;         // signals kept for a link not announced yet, for EARLY_MS
const EARLY_MS = 30000;           // also how long a distributor waits for a direct channel
const SHELF_WAIT = 8000;          // for the welcome, then as long for the shelf; asked SHELF_ATTEMPTS times
const SHELF_ATTEMPTS = 2;
const SHELF_ITEMS = 100;
const SLOW_LINK = 125000;         // bytes/s (1 Mbit/s): a visitor on a slower link is offered up to SLOW_LINK_SIZE
const SLOW_LINK_SIZE = 50 * 1024 * 1024;
const SERIAL = /^CM-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
// Refusals of this terminal's own `shelf` answers: they never concern a visit it makes.
const ANSWER_REFUSALS = new Set(['shelf.visit.unknown', 'shelf.item.notHeld']);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const context = () => document.documentElement.dataset.context ?? '';

const hex = (bytes) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
const sha256 = async (text) => hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));

/** How a visit ended when no verified shelf came: `reason` is a message key, `message` for the console. */
function visitError(reason, message) {
  const error = new Error(message);
  error.reason = reason;
  return error;
}

function collator(language) {
  try {
    return new Intl.Collator(language || undefined);
  } catch {
    return new Intl.Collator();
  }
}

/**
 * The shelf this terminal arranges for a visitor the center confirmed (FIG. 14 S723–S729): what it
 * shares and holds whole, less what the visitor received or holds and, on a slow link, what is too
 * big; the conditions give way one by one while nothing is left (S728). The owner's
 * recommendations first, then what the visitor's balance covers, then the rest (the visitor's page
 * marks those with the shortfall), each by name; the owner's news with it.
 */
function arrange(contents, visitor, news) {
  const known = new Set([visitor.received, visitor.held].flatMap((ids) => (Array.isArray(ids) ? ids : [])));
  const link = Number(visitor.linkBytesPerSecond) || 0;
  const slow = link > 0 && link < SLOW_LINK;
  const offered = contents.filter((c) => c.shared && bits.count(c.have) === c.pieceCount)
    .map((record) => ({ record, unitCost: storedUnitCost(record.manifest) }));
  // In the order they give way: the link's first, then "already received".
  const conditions = [
    (c) => !known.has(c.record.id),
    (c) => !slow || c.record.size <= SLOW_LINK_SIZE,
  ];
  let kept = [];
  for (let n = conditions.length; n >= 0 && kept.length === 0; n--) {
    kept = offered.filter((c) => conditions.slice(0, n).every((holds) => holds(c)));
  }
  const names = collator(visitor.language);
  const recommended = (c) => c.record.recommended === true;
  const affordable = (c) => c.unitCost !== undefined && c.unitCost <= visitor.balance;
  kept.sort((a, b) => recommended(b) - recommended(a) || affordable(b) - affordable(a)
    || names.compare(a.record.name ?? '', b.record.name ?? '') || (a.record.id < b.record.id ? -1 : 1));
  // Built in the contract's key order: the checksum covers this very text.
  return { news, items: kept.slice(0, SHELF_ITEMS).map((c) => ({ content: c.record.id, recommended: recommended(c) })) };
}

/** A shelf list as the contract has it: the news, and at most SHELF_ITEMS lines of a content id and a flag. */
function wellFormed(list) {
  return list !== null && typeof list === 'object' && typeof list.news === 'string' && Array.isArray(list.items)
    && list.items.length <= SHELF_ITEMS
    && list.items.every((i) => i !== null && typeof i === 'object' && typeof i.content === 'string' && typeof i.recommended === 'boolean');
}

async function httpFailure(response) {
  let body;
  try { body = await response.json(); } catch { body = { message: `HTTP ${response.status}` }; }
  return new ApiError(response.status, body);
}

/** The user's upload cap over every link of the page: a token bucket refilled at `rate` bytes/s. */
class Bucket {
  rate = 0;
  tokens = 0;
  at = performance.now();

  setRate(rate) {
    this.refill();
    this.rate = rate;
    this.tokens = Math.min(this.tokens, rate);
  }

  refill() {
    const now = performance.now();
    this.tokens = Math.min(this.rate, this.tokens + ((now - this.at) * this.rate) / 1000);
    this.at = now;
  }

  /** Waits until the bucket is not in debt, then takes `n` (a message larger than a second's worth runs into debt). */
  async take(n) {
    while (this.rate > 0) {
      this.refill();
      if (this.tokens >= 0) { this.tokens -= n; return; }
      await sleep(Math.ceil((-this.tokens * 1000) / this.rate));
    }
  }
}

class Terminal extends EventTarget {
  /** This page's terminal id, once the center welcomed it. */
  terminalId = null;
  #serial = null;
  #channel = null;
  #welcomed = false;
  #lastHello = null;
  #bareHello = false;
  #unannounced = [];
  #receptions = new Map();  // content id → what this page receives of it
  #loading = new Map();     // content id → the reception being prepared
  #links = new Map();       // link id → a link under way, either role
  #receipts = new Map();    // link id → {pieces, fresh, timer}: receipts batched for sending
  #holdings = new Map();    // content id → {last, timer}
  #early = new Map();       // link id → {at, signals} arrived before the link frame
  #visits = new Set();      // shelves this page visits, until a verified one came or the visit ended
  #bucket = new Bucket();
  #uploadTurn = Promise.resolve();  // pieces leave one after the other, over all the links this page serves
  #tabs = null;

  async start() {
    await this.#applySettings();
    // Other pages of this browser run their own engine; they hear of sharing and settings changes.
    this.#tabs = new BroadcastChannel('cascade-terminal');
    this.#tabs.onmessage = (event) => this.#fromTab(event.data);
    this.#channel = connect({
      hello: () => this.#hello(),
      onFrame: (frame) => this.#onFrame(frame),
      onBinary: (data) => this.#onBinary(data),
      onClose: () => this.#offline(),
      // What this page sends on: the center's measure of how busy a distributor is.
      transfers: () => [...this.#links.values()].filter((l) => l.role === 'distributor').length,
    });
    setInterval(() => this.#tick(), 1000);
  }

  // ---- the page's calls: none of them rejects; failures come as `error` events ----

  /**
   * Asks the center for the content; `auto: false` without a distributor asks for the holders
   * list. `inOrder`: the user plays while receiving, so pieces come in order.
   */
  async receive(contentId, { auto = true, distributor, inOrder } = {}) {
    try {
      const r = await this.#reception(contentId);
      const record = await store.getContent(contentId);
      if (record) { r.have = record.have; r.shared = record.shared; }  // another page may have changed it
      if (this.#complete(r)) {
        this.#progress(r);
        this.#emit('complete', this.transfer(contentId));
        return this.transfer(contentId);
      }
      Object.assign(r, { paused: false, alert: false, wanted: true, finished: false, retries: 0 });
      if (inOrder !== undefined && inOrder !== r.inOrder) {
        r.inOrder = inOrder;
        if (r.links.size) this.#send({ type: 'playing', content: contentId, inOrder });
      }
      if (r.links.size === 0) this.#request(r, { auto, distributor });
      this.#progress(r);
      return this.transfer(contentId);
    } catch (e) {
      this.#fail(e, { content: contentId });
      return null;
    }
  }

  /** Receives from the distributor the user chose in the holders list. */
  choose(contentId, distributor) {
    return this.receive(contentId, { auto: false, distributor });
  }

  /** Stops receiving: every link of the content ends (`interrupted: paused`) until `resume`. */
  async pause(contentId) {
    const r = this.#receptions.get(contentId);
    if (!r || this.#complete(r)) return this.transfer(contentId);
    Object.assign(r, { paused: true, wanted: false, pendingRequest: null });
    for (const id of [...r.links]) this.#interrupt(this.#links.get(id), 'paused');
    this.#progress(r);
    return this.transfer(contentId);
  }

  resume(contentId) {
    return this.receive(contentId, { auto: true });
  }

  /** Turns redistribution of a content on or off, tells the center, and stops serving it when off. */
  async share(contentId, shared) {
    try {
      await store.setShared(contentId, shared);
      await this.#sharingChanged(contentId);
      this.#tabs.postMessage({ shared: contentId });
    } catch (e) {
      this.#fail(e, { content: contentId });
    }
  }

  /** Saves the sharing settings; they apply at once (the center hears of the comment and the cap with `profile`). */
  async configure(settings) {
    try {
      await store.saveSettings(settings);
      await this.#applySettings();
      this.#tabs.postMessage({ settings: true });
    } catch (e) {
      this.#fail(e);
    }
  }

  /**
   * Visits the shelf of the terminal of media `serial` (FIG. 13, 15). Resolves with the list that
   * terminal arranged, once its checksum verified, as `{visit, of, terminal, list, details}`; asks
   * once more when no shelf came in SHELF_WAIT or it came damaged. Rejects with an Error whose
   * `reason` is the center's refusal (`shelf.offline`, `shelf.self`…), `shelf.noAnswer` or `shelf.damaged`.
   */
  visit(serial) {
    const of = String(serial ?? '').trim().toUpperCase();
    if (!SERIAL.test(of)) return Promise.reject(visitError('shelf.of.invalid', `${serial} is not a media serial`));
    return new Promise((resolve, reject) => {
      const v = { of, ids: new Set(), current: null, asked: false, queued: false, attempts: 0, timer: null, resolve, reject };
      this.#visits.add(v);
      this.#ask(v);
    });
  }

  /** The content's transfer state on this page, or null when this page has not received it. */
  transfer(contentId) {
    const r = this.#receptions.get(contentId);
    if (!r) return null;
    const m = r.manifest;
    const havePieces = bits.count(r.have);
    let inOrderPieces = 0;  // from the first piece on, without a gap: what can be played
    while (inOrderPieces < m.pieceCount && bits.has(r.have, inOrderPieces)) inOrderPieces++;
    let haveBytes = havePieces * m.pieceSize;
    if (m.pieceCount && bits.has(r.have, m.pieceCount - 1)) haveBytes -= m.pieceSize - pieceLength(m, m.pieceCount - 1);
    const now = performance.now();
    r.samples = r.samples.filter((s) => now - s.at <= SPEED_WINDOW);
    const recent = r.samples.reduce((sum, s) => sum + s.bytes, 0);
    const sources = [];
    for (const { partner, path } of r.history) {
      if (!sources.some((s) => s.partner === partner && s.path === path)) sources.push({ partner, path });
    }
    return {
      content: r.content,
      size: m.size,
      pieceCount: m.pieceCount,
      havePieces,
      inOrderPieces,
      percent: m.size ? (haveBytes * 100) / m.size : 100,
      bytesPerSecond: Math.round((recent * 1000) / SPEED_WINDOW),
      sources,
      bytesByPath: { ...r.bytesByPath },
      state: this.#state(r),
    };
  }

  // ---- the channel ----

  async #hello() {
    this.#bareHello = false;
    this.#unannounced = [];
    let fields = { contents: [], comment: '', uploadCap: 0 };
    try {
      const [contents, settings] = await Promise.all([store.listContents(), store.loadSettings()]);
      fields = { contents: [], comment: settings.comment, uploadCap: settings.uploadCap };
      // What does not fit in one hello is announced with `holding` frames after the welcome.
      let length = JSON.stringify(fields).length + 600;
      for (const c of contents) {
        if (!c.shared || bits.count(c.have) === 0) continue;
        const entry = { id: c.id, pieces: c.have };
        const size = JSON.stringify(entry).length + 1;
        if (fields.contents.length < HELLO_CONTENTS && length + size <= HELLO_BUDGET) {
          fields.contents.push(entry);
          length += size;
        } else {
          this.#unannounced.push(c.id);
        }
      }
    } catch (e) {
      this.#fail(e);
    }
    this.#lastHello = fields;
    return fields;
  }

  #send(frame) {
    return this.#welcomed && this.#channel.send(frame);
  }

  async #onFrame(frame) {
    // What the center said, for whoever reads the page's console (a frame's pieces and keys are not secrets).
    if (frame.type !== 'signal' && frame.type !== 'settled') console.debug('center:', JSON.stringify(frame).slice(0, 300));
    try {
      switch (frame.type) {
        case 'welcome': await this.#welcome(frame); break;
        case 'holders': this.#emit('holders', frame); break;
        case 'alert': this.#alert(frame); break;
        case 'link': await (frame.role === 'distributor' ? this.#serve(frame) : this.#receiveOn(frame)); break;
        case 'assign': this.#assigned(frame); break;
        case 'waiting': this.#toldToWait(frame); break;
        case 'signal': this.#signal(frame); break;
        case 'relay': this.#relay(frame); break;
        case 'closed': this.#closed(frame); break;
        case 'settled': await this.#settled(frame); break;
        case 'error': this.#refused(frame); break;
        case 'visit': await this.#visited(frame); break;
        case 'visiting': this.#visiting(frame); break;
        case 'shelf': await this.#shelfArrived(frame); break;
        default: break;
      }
    } catch (e) {
      this.#fail(e, { content: frame.content, link: frame.link });
    }
  }

  async #welcome(frame) {
    this.terminalId = frame.terminal;
    this.#serial = frame.serial;
    this.#welcomed = true;
    document.body.dataset.terminal = frame.terminal;
    this.#emit('welcome', frame);
    for (const id of this.#unannounced) this.#holding(id);
    for (const v of this.#visits) if (v.queued) this.#sendVisit(v);
    for (const r of this.#receptions.values()) {
      if (r.unannouncedCompletion) { r.unannouncedCompletion = !this.#send({ type: 'completed', content: r.content }); continue; }
      if (r.pendingRequest) this.#request(r, r.pendingRequest);
      else if (r.resume && r.wanted && r.links.size === 0 && !this.#complete(r)) this.#request(r, { auto: true });
      r.resume = false;
    }
    await this.#resendReceipts();
  }

  /** The center refused a frame. A refused hello (say, a content it no longer lists) is tried once without contents. */
  #refused(frame) {
    if (this.#visitRefused(frame)) return;
    this.#emit('error', frame);
    if (!this.#welcomed && !this.#bareHello && this.#lastHello?.contents.length) {
      this.#bareHello = true;
      this.#unannounced.push(...this.#lastHello.contents.map((c) => c.id));
      this.#channel.hello({ ...this.#lastHello, contents: [] });
    }
  }

  /** The connection dropped: every link ends with it; receptions under way continue after the next welcome. */
  #offline() {
    this.#welcomed = false;
    for (const link of [...this.#links.values()]) {
      if (link.role === 'receiver') link.reception.resume = true;
      this.#release(link);
    }
    for (const r of this.#receptions.values()) this.#progress(r);
    // The center forgets the visits of a terminal that left: an attempt under way cannot be answered.
    for (const v of [...this.#visits]) if (!v.queued) this.#visitFailed(v, 'shelf.noAnswer');
  }

  #tick() {
    const now = Date.now();
    for (const link of [...this.#links.values()]) {
      if (link.role === 'receiver') {
        if (now - link.lastData > STALL_TIMEOUT && !this.#delivered(link)) this.#interrupt(link, 'stalled');
      } else if (link.path === 'p2p') {
        // A direct link whose channel never opened (or closed) and that the center did not move to the relay nor close.
        if (link.dc?.readyState === 'open') link.quietSince = null;
        else if (now - (link.quietSince ??= now) > EARLY_MS) this.#release(link);
      }
    }
    // Keeps the speed figure falling when data stops.
    for (const r of this.#receptions.values()) if (r.links.size || r.samples.length) this.#progress(r);
    // Asked and nothing came (no terminal can send now, and the center would not): ask again.
    for (const r of this.#receptions.values()) {
      if (r.askedAuto && r.wanted && !r.paused && !r.alert && !r.pendingRequest && r.links.size === 0 && !this.#complete(r)
          && now - (r.requestedAt ?? now) >= ASK_AGAIN_AFTER) this.#request(r, { auto: true });
    }
    // Links with nothing to carry: the center plans the reception again (another distributor, say).
    for (const r of this.#receptions.values()) {
      if (!r.wanted || r.paused || r.links.size === 0 || this.#complete(r)) { r.idleSince = null; continue; }
      const busy = [...r.links].some((id) => { const l = this.#links.get(id); return l && !this.#delivered(l); });
      if (busy) { r.idleSince = null; continue; }
      r.idleSince ??= now;
      if (now - r.idleSince >= MORE_AFTER && this.#send({ type: 'more', content: r.content })) r.idleSince = now;
    }
    for (const [id, early] of this.#early) if (now - early.at > EARLY_MS) this.#early.delete(id);
  }

  #emit(type, detail) {
    if (type === 'error') console.warn('cascade terminal:', detail.reason, detail.message);
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  #progress(r) {
    this.#emit('progress', this.transfer(r.content));
  }

  #fail(error, { content, link } = {}) {
    const detail = { reason: error?.reason ?? 'terminal.failure', message: error?.message || String(error) };
    if (content) detail.content = content;
    if (link) detail.link = link;
    this.#emit('error', detail);
  }

  async #applySettings() {
    try {
      const settings = await store.loadSettings();
      this.#bucket.setRate(settings.uploadCap);
      this.#send({ type: 'profile', comment: settings.comment, uploadCap: settings.uploadCap });
    } catch (e) {
      this.#fail(e);
    }
  }

  #fromTab(message) {
    if (message?.settings) this.#applySettings();
    if (typeof message?.shared === 'string') this.#sharingChanged(message.shared).catch((e) => this.#fail(e, { content: message.shared }));
  }

  async #sharingChanged(contentId) {
    const record = await store.getContent(contentId);
    if (!record) return;
    const r = this.#receptions.get(contentId);
    if (r) r.shared = record.shared;
    if (!record.shared) {
      for (const link of [...this.#links.values()]) if (link.role === 'distributor' && link.content === contentId) this.#release(link);
    }
    this.#holding(contentId);
  }

  /** Tells the center what this page holds and shares of a content, at most once a second. */
  #holding(contentId) {
    let h = this.#holdings.get(contentId);
    if (!h) { h = { last: 0, timer: null }; this.#holdings.set(contentId, h); }
    if (h.timer) return;
    h.timer = setTimeout(async () => {
      h.timer = null;
      h.last = Date.now();
      try {
        const record = await store.getContent(contentId);
        if (record) this.#send({ type: 'holding', content: contentId, pieces: record.shared ? record.have : bits.none(record.pieceCount) });
      } catch (e) {
        this.#fail(e, { content: contentId });
      }
    }, Math.max(0, h.last + HOLDING_INTERVAL - Date.now()));
  }

  #release(link) {
    if (link.done) return;
    link.done = true;
    this.#closePeer(link);
    link.wake?.();
    this.#links.delete(link.id);
    if (link.role === 'receiver') {
      link.abort.abort();
      link.partial.clear();
      link.reception.links.delete(link.id);
      this.#flushReceipt(link.id);
    } else {
      this.#flushSent(link);
    }
  }

  #closePeer(link) {
    clearTimeout(link.relayTimer);
    if (link.dc) {
      link.dc.onopen = link.dc.onmessage = link.dc.onclose = null;
      link.dc.close();
    }
    if (link.pc) {
      link.pc.onicecandidate = link.pc.ondatachannel = null;
      link.pc.close();
    }
    link.pc = link.dc = null;
  }

  #relay(frame) {
    const link = this.#links.get(frame.link);
    if (!link) return;
    if (link.role === 'receiver') this.#toRelay(link);
    else this.#serveThroughRelay(link);
  }

  #closed(frame) {
    const link = this.#links.get(frame.link);
    if (!link) return;  // ended here already
    this.#release(link);
    if (link.role !== 'receiver') return;
    const r = link.reception;
    if (frame.reason === 'balance') Object.assign(r, { alert: true, wanted: false });
    else if (r.wanted && !r.paused && r.links.size === 0 && !this.#complete(r)) this.#request(r, { auto: true });
    this.#progress(r);
  }

  async #settled(frame) {
    this.#emit('settled', frame);
    if (frame.ram) await this.#keepRam(frame.ram);
    if (frame.role === 'receiver' && frame.link && Number.isInteger(frame.pieces)) await store.settleReceipt(frame.link, frame.pieces);
  }

  /** Keeps the RAM part the center just issued, unless this browser holds the same or a newer version. */
  async #keepRam(ram) {
    const media = await loadMedia();
    if (!media || media.serial !== this.#serial) return;
    const next = ramVersion({ ram });
    const current = ramVersion(media);
    if (next !== null && next !== undefined && (current === null || current === undefined || next > current)) {
      await replaceRam(this.#serial, ram);
    }
  }

  #signal(frame) {
    const link = this.#links.get(frame.link);
    if (!link) {
      const early = this.#early.get(frame.link) ?? { at: Date.now(), signals: [] };
      if (early.signals.length < EARLY_SIGNALS) early.signals.push(frame.data);
      this.#early.set(frame.link, early);
      return;
    }
    // In order: a description must be set before the candidates that follow it.
    link.signals = link.signals.then(() => this.#applySignal(link, frame.data))
      .catch((e) => { if (!link.done) this.#fail(e, { content: link.content, link: link.id }); });
  }

  #adoptEarlySignals(link) {
    const early = this.#early.get(link.id);
    this.#early.delete(link.id);
    for (const data of early?.signals ?? []) this.#signal({ link: link.id, data });
  }

  async #applySignal(link, data) {
    const pc = link.pc;
    if (link.done || !pc) return;
    if (data?.description) {
      await pc.setRemoteDescription(data.description);
      if (data.description.type === 'offer') {
        await pc.setLocalDescription(await pc.createAnswer());
        this.#send({ type: 'signal', link: link.id, data: { description: pc.localDescription.toJSON() } });
      }
      for (const candidate of link.candidates.splice(0)) await pc.addIceCandidate(candidate);
    } else if (data?.candidate) {
      if (pc.remoteDescription) await pc.addIceCandidate(data.candidate);
      else link.candidates.push(data.candidate);
    }
  }

  #peer(link) {
    const pc = new RTCPeerConnection({ iceServers: [] });
    pc.onicecandidate = (event) => {
      if (event.candidate) this.#send({ type: 'signal', link: link.id, data: { candidate: event.candidate.toJSON() } });
    };
    link.pc = pc;
    return pc;
  }

  // ---- receiving ----

  #reception(contentId) {
    const known = this.#receptions.get(contentId);
    if (known) return Promise.resolve(known);
    if (!this.#loading.has(contentId)) {
      this.#loading.set(contentId, this.#prepare(contentId).finally(() => this.#loading.delete(contentId)));
    }
    return this.#loading.get(contentId);
  }

  /**
   * Verifies the manifest and makes sure the content has its record before any piece is accepted
   * (a new one when the stored record does not fit the manifest: its pieces cannot be trusted to).
   */
  async #prepare(contentId) {
    const manifest = await loadManifest(contentId);
    let record = await store.getContent(contentId);
    if (!record || record.pieceCount !== manifest.pieceCount) {
      const info = await api('GET', `/api/contents/${encodeURIComponent(contentId)}`);
      record = {
        id: contentId, name: info.name, mediaType: info.mediaType, size: manifest.size, pieceSize: manifest.pieceSize,
        pieceCount: manifest.pieceCount, manifest: manifest.jws, have: bits.none(manifest.pieceCount),
        shared: record?.shared ?? info.redistributionAllowed === true, addedAt: record?.addedAt ?? Date.now(),
      };
      await store.putContent(record);
    }
    const r = {
      content: contentId, manifest, pieceCount: manifest.pieceCount, have: record.have, shared: record.shared,
      paused: false, alert: false, wanted: false, finished: false, resume: false, pendingRequest: null, unannouncedCompletion: false,
      retries: 0, links: new Set(), history: [], bytesByPath: { p2p: 0, relay: 0, origin: 0 }, samples: [], inOrder: false, idleSince: null, storing: new Set(),
    };
    this.#receptions.set(contentId, r);
    return r;
  }

  #complete(r) {
    return bits.count(r.have) === r.pieceCount;
  }

  #state(r) {
    if (this.#complete(r)) return 'complete';
    if (r.paused) return 'paused';
    if (r.alert) return 'alert';
    return r.links.size ? 'running' : 'waiting';
  }

  /** Sends the request now, or at the next welcome when the channel is not up. */
  #request(r, { auto, distributor }) {
    const frame = { type: 'request', content: r.content, auto, have: r.have, inOrder: r.inOrder };
    if (distributor) frame.distributor = distributor;
    r.requestedAt = Date.now();
    r.askedAuto = auto && !distributor;  // only such a request is made again by itself (not the user's own choosing)
    r.pendingRequest = this.#send(frame) ? null : { auto, distributor };
  }

  /** Every terminal that could send is busy: the reception waits, and asks again after ASK_AGAIN_AFTER. */
  #toldToWait(frame) {
    const r = this.#receptions.get(frame.content);
    if (!r) return;
    r.requestedAt = Date.now();
    this.#progress(r);
  }

  #alert(frame) {
    const r = this.#receptions.get(frame.content);
    if (r) Object.assign(r, { alert: true, wanted: false, pendingRequest: null });
    this.#emit('alert', frame);
    if (r) this.#progress(r);
  }

  async #receiveOn(frame) {
    const r = this.#receptions.get(frame.content);
    if (!r || !r.wanted || r.paused) {
      this.#send({ type: 'interrupted', link: frame.link, reason: 'paused' });
      return;
    }
    bits.decode(frame.pieces, r.pieceCount);
    const link = {
      role: 'receiver', id: frame.link, content: frame.content, reception: r, path: frame.path, partner: frame.partner ?? null,
      expected: frame.pieces, lastData: Date.now(), partial: new Map(), queue: Promise.resolve(), abort: new AbortController(),
      fetching: new Set(),
      pc: null, dc: null, candidates: [], signals: Promise.resolve(), relayTimer: null, done: false, wake: null,
    };
    this.#links.set(link.id, link);
    r.links.add(link.id);
    r.history.push(link);
    r.pendingRequest = null;
    this.#progress(r);
    if (link.path === 'origin') this.#fetchOrigin(link);
    else if (link.path === 'p2p') await this.#offer(link);
  }

  /**
   * The center asked a link for more pieces, or for fewer (they came over another link): the
   * receiver takes every piece ever asked of it, the distributor sends what is still to send.
   */
  #assigned(frame) {
    const link = this.#links.get(frame.link);
    if (!link) return;
    if (link.role === 'receiver') {
      const pieceCount = link.reception.pieceCount;
      bits.decode(frame.pieces, pieceCount);
      if (this.#delivered(link)) link.lastData = Date.now();  // it had nothing to carry: the stall clock starts now
      link.expected = bits.union(link.expected, frame.pieces);
      link.wake?.();
      return;
    }
    bits.decode(frame.outstanding, link.pieceCount);
    link.want = bits.indices(frame.outstanding);
    link.todo = link.want.filter((i) => !bits.has(link.sent, i) && !link.unacked.has(i));
    link.wake?.();
    if (link.todo.length) this.#pump(link);
  }

  /** The receiver's side of a direct link: makes the data channel and the offer; the relay when it does not open in time. */
  async #offer(link) {
    let pc;
    let dc;
    try {
      pc = this.#peer(link);
      dc = pc.createDataChannel('pieces', { ordered: true });
    } catch {
      // No WebRTC on this page (disabled, or out of connections): the relay is the only way.
      this.#send({ type: 'relay', link: link.id });
      this.#toRelay(link);
      return;
    }
    dc.binaryType = 'arraybuffer';
    dc.onopen = () => { clearTimeout(link.relayTimer); link.lastData = Date.now(); };
    dc.onmessage = (event) => this.#chunk(link, event.data);
    dc.onclose = () => { if (!link.done && link.path === 'p2p') this.#interrupt(link, 'closed'); };
    link.dc = dc;
    link.relayTimer = setTimeout(() => {
      if (link.done || dc.readyState === 'open') return;
      this.#send({ type: 'relay', link: link.id });
      this.#toRelay(link);
    }, DIRECT_TIMEOUT);
    try {
      await pc.setLocalDescription(await pc.createOffer());
      this.#send({ type: 'signal', link: link.id, data: { description: pc.localDescription.toJSON() } });
    } catch (e) {
      if (!link.done && link.pc === pc) throw e;
    }
  }

  #toRelay(link) {
    if (link.done || link.path === 'relay') return;
    this.#closePeer(link);
    link.path = 'relay';
    link.partial.clear();
    link.lastData = Date.now();
    this.#progress(link.reception);
  }

  /** A data channel message: part of a piece at an offset; a whole piece goes to be checked. */
  #chunk(link, data) {
    if (link.done || !(data instanceof ArrayBuffer) || data.byteLength <= CHUNK_HEADER) return;
    const view = new DataView(data);
    const index = view.getUint32(0);
    const offset = view.getUint32(4);
    const m = link.reception.manifest;
    if (index >= m.pieceCount || !bits.has(link.expected, index)) return;
    const length = pieceLength(m, index);
    const n = data.byteLength - CHUNK_HEADER;
    if (offset + n > length) return;
    link.lastData = Date.now();
    let part = link.partial.get(index);
    if (!part) {
      if (link.partial.size >= 2 * MAX_UNACKED) return;  // a distributor far ahead of its acknowledgements
      part = { bytes: new Uint8Array(length), got: 0 };
      link.partial.set(index, part);
    }
    part.bytes.set(new Uint8Array(data, CHUNK_HEADER), offset);
    part.got += n;
    if (part.got >= length) {
      link.partial.delete(index);
      this.#enqueue(link, index, part.bytes.buffer, 'p2p');
    }
  }

  #onBinary(data) {
    if (!(data instanceof ArrayBuffer) || data.byteLength <= RELAY_HEADER) return;
    const link = this.#links.get(new TextDecoder().decode(new Uint8Array(data, 0, 36)));
    if (!link || link.role !== 'receiver') return;
    const index = new DataView(data).getUint32(36);
    if (index >= link.reception.pieceCount || !bits.has(link.expected, index)) return;
    this.#toRelay(link);  // the center's own relay notice may come after its first piece
    link.lastData = Date.now();
    this.#enqueue(link, index, data.slice(RELAY_HEADER), 'relay');
  }

  /** Pieces of one link are checked and stored one after the other, in the order they came. */
  #enqueue(link, index, buffer, path) {
    link.queue = link.queue.then(() => this.#take(link, index, buffer, path))
      .catch((e) => this.#fail(e, { content: link.content, link: link.id }));
  }

  async #take(link, index, buffer, path) {
    const r = link.reception;
    if (link.done) return;
    if (!(await verifyPiece(r.manifest, index, buffer))) {
      this.#send({ type: 'corrupt', link: link.id, piece: index });
      this.#tell(link, { nack: index });
      return;
    }
    // Two links may bring the same piece at the end (the endgame): it is stored and counted once.
    if (!bits.has(r.have, index) && !r.storing.has(index)) {
      r.storing.add(index);
      try {
        r.have = (await store.putPiece(r.content, index, buffer)).have;
      } finally {
        r.storing.delete(index);
      }
      r.bytesByPath[path] += buffer.byteLength;
      r.samples.push({ at: performance.now(), bytes: buffer.byteLength });
      if (r.shared) this.#holding(r.content);
    }
    this.#tell(link, { ack: index });
    await this.#receipt(link.id, r, index);
    this.#progress(r);
    if (this.#complete(r)) this.#completed(r);
  }

  #tell(link, message) {
    if (link.dc?.readyState === 'open') link.dc.send(JSON.stringify(message));
  }

  /** Notes a receipt: kept in IndexedDB until settled, sent within REPORT_DELAY (the whole union: the center takes repeats). */
  async #receipt(linkId, r, index) {
    let batch = this.#receipts.get(linkId);
    if (!batch) {
      batch = { pieces: bits.none(r.pieceCount), fresh: false, timer: null };
      this.#receipts.set(linkId, batch);
    }
    batch.pieces = bits.set(batch.pieces, index);
    await store.addReceipt(linkId, r.content, batch.pieces);
    batch.fresh = true;
    batch.timer ??= setTimeout(() => this.#flushReceipt(linkId), REPORT_DELAY);
  }

  #flushReceipt(linkId) {
    const batch = this.#receipts.get(linkId);
    if (!batch) return;
    clearTimeout(batch.timer);
    batch.timer = null;
    if (batch.fresh) this.#send({ type: 'receipt', link: linkId, pieces: batch.pieces });
    batch.fresh = false;
    if (!this.#links.has(linkId)) this.#receipts.delete(linkId);
  }

  /** Receipts of earlier connections (or pages) not settled yet: the center settles them now. */
  async #resendReceipts() {
    for (const receipt of await store.listReceipts()) {
      if (this.#links.has(receipt.link)) continue;
      if (!this.#send({ type: 'receipt', link: receipt.link, pieces: receipt.pieces })) return;
      if (await store.receiptResent(receipt.link) >= MAX_RESENDS) await store.removeReceipt(receipt.link);
    }
  }

  #completed(r) {
    if (r.finished) return;
    Object.assign(r, { finished: true, wanted: false });
    for (const id of [...r.links]) this.#release(this.#links.get(id));  // sends their last receipts first
    r.unannouncedCompletion = !this.#send({ type: 'completed', content: r.content });
    this.#progress(r);
    this.#emit('complete', this.transfer(r.content));
  }

  #delivered(link) {
    return bits.count(bits.minus(link.expected, link.reception.have)) === 0;
  }

  /** Ends a link from this side; a reception still wanted asks again: the same partner once, then anyone. */
  #interrupt(link, reason) {
    if (!link || link.done) return;
    this.#flushReceipt(link.id);
    this.#send({ type: 'interrupted', link: link.id, reason });
    this.#release(link);
    const r = link.reception;
    this.#progress(r);
    if (reason === 'paused' || !r.wanted || r.links.size || this.#complete(r)) return;
    r.retries += 1;
    this.#request(r, { auto: true, distributor: r.retries === 1 ? link.partner ?? undefined : undefined });
  }

  /** Fetches the pieces asked of an origin link, ORIGIN_IN_FLIGHT at a time, waiting for the center to ask for more. */
  async #fetchOrigin(link) {
    const next = () => bits.indices(bits.minus(link.expected, link.reception.have)).find((i) => !link.fetching.has(i));
    const worker = async () => {
      while (!link.done) {
        const i = next();
        if (i === undefined) { await this.#wait(link); continue; }
        link.fetching.add(i);
        try {
          const buffer = await this.#originPiece(link, i);
          link.lastData = Date.now();
          await this.#take(link, i, buffer, 'origin');
        } finally {
          link.fetching.delete(i);
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: ORIGIN_IN_FLIGHT }, worker));
    } catch (e) {
      if (link.done) return;  // aborted with its link
      this.#fail(e, { content: link.content, link: link.id });
      this.#interrupt(link, 'failed');
    }
  }

  async #originPiece(link, index) {
    const url = `${context()}/api/swarm/links/${encodeURIComponent(link.id)}/pieces/${index}`;
    for (;;) {
      const response = await fetch(url, {
        credentials: 'same-origin', signal: link.abort.signal, headers: { Accept: 'application/octet-stream' },
      });
      if (response.ok) return response.arrayBuffer();
      if (response.status !== 429) throw await httpFailure(response);
      const body = await response.json().catch(() => ({}));
      if (body.reason === 'swarm.origin.busy') {
        // The center sends at the rate its operator set: it answered, so the link is not stalled.
        link.lastData = Date.now();
        await sleep(Math.min(ORIGIN_BUSY_MAX_WAIT, Math.max(ORIGIN_RETRY, Number(body.retryAfterMillis) || 0)));
      } else {
        // Too many pieces without receipts: send them, then ask again.
        this.#flushReceipt(link.id);
        await sleep(ORIGIN_RETRY);
      }
      link.abort.signal.throwIfAborted();
    }
  }

  // ---- shelves ----

  /** The center confirmed who visits this terminal (FIG. 14 S722): the shelf arranged for the visitor goes back. */
  async #visited(frame) {
    const [contents, settings] = await Promise.all([store.listContents(), store.loadSettings()]);
    const list = arrange(contents, frame.visitor ?? {}, settings.news);
    this.#send({ type: 'shelf', visit: frame.visit, list, checksum: await sha256(JSON.stringify(list)) });
  }

  /** One attempt of a visit: `visit` now, or at the next welcome (waiting SHELF_WAIT for it), then SHELF_WAIT for the shelf. */
  #ask(v) {
    v.attempts += 1;
    v.current = null;
    v.asked = false;
    v.queued = true;
    if (this.#welcomed) this.#sendVisit(v);
    else this.#awaitShelf(v);
  }

  #sendVisit(v) {
    v.queued = false;
    v.asked = this.#send({ type: 'visit', of: v.of });
    this.#awaitShelf(v);
  }

  #awaitShelf(v) {
    clearTimeout(v.timer);
    v.timer = setTimeout(() => this.#visitFailed(v, 'shelf.noAnswer'), SHELF_WAIT);
  }

  /** The attempt under way failed: the visit asks once more, or ends. */
  #visitFailed(v, reason) {
    if (!this.#visits.has(v)) return;
    if (v.attempts < SHELF_ATTEMPTS) {
      this.#ask(v);
      return;
    }
    const what = reason === 'shelf.damaged' ? 'arrived damaged' : 'did not come';
    this.#endVisit(v).reject(visitError(reason, `the shelf of ${v.of} ${what}`));
  }

  #endVisit(v) {
    clearTimeout(v.timer);
    this.#visits.delete(v);
    return v;
  }

  /** The center's refusal of a `visit` names no visit: it ends the oldest one still waiting for its `visiting`. */
  #visitRefused(frame) {
    if (typeof frame.reason !== 'string' || !frame.reason.startsWith('shelf.') || ANSWER_REFUSALS.has(frame.reason)) return false;
    const v = [...this.#visits].find((x) => x.asked);
    if (!v) return false;
    this.#endVisit(v).reject(visitError(frame.reason, frame.message));
    return true;
  }

  /** The center passed the visit on: the shelf that comes for it carries this visit id. */
  #visiting(frame) {
    const v = [...this.#visits].find((x) => x.asked && x.of === frame.of);
    if (!v || v.ids.has(frame.visit)) return;
    v.asked = false;
    v.ids.add(frame.visit);
    v.current = frame.visit;
  }

  /** A shelf for a visit of this page: it counts only when its checksum verifies; a damaged one is asked for again. */
  async #shelfArrived(frame) {
    const v = [...this.#visits].find((x) => x.ids.has(frame.visit) || (x.asked && x.of === frame.of));
    if (!v) return;
    if (!v.ids.has(frame.visit)) {  // it came before its `visiting`
      v.asked = false;
      v.ids.add(frame.visit);
      v.current = frame.visit;
    }
    const attempt = v.attempts;
    const intact = wellFormed(frame.list) && typeof frame.checksum === 'string'
      && (await sha256(JSON.stringify(frame.list))) === frame.checksum;
    if (!this.#visits.has(v)) return;
    if (intact) {
      const { visit, of, terminal, list } = frame;
      this.#endVisit(v).resolve({ visit, of, terminal, list, details: frame.details ?? {} });
    } else if (attempt === v.attempts && v.current === frame.visit) {
      this.#visitFailed(v, 'shelf.damaged');
    }
  }

  // ---- distributing ----

  /** A link to serve: only a content this browser shares, only the pieces it holds, in order. */
  async #serve(frame) {
    const record = await store.getContent(frame.content);
    if (!record?.shared) return;
    bits.decode(frame.pieces, record.pieceCount);
    const order = bits.indices(frame.pieces).filter((i) => bits.has(record.have, i));
    const link = {
      role: 'distributor', id: frame.link, idBytes: new TextEncoder().encode(frame.link), content: frame.content, pieceCount: record.pieceCount,
      path: frame.path, partner: frame.partner ?? null, want: order, todo: [...order], unacked: new Set(), acked: new Set(),
      sent: bits.none(record.pieceCount), sentNew: false,
      pc: null, dc: null, candidates: [], signals: Promise.resolve(), relayTimer: null, done: false, wake: null, pumping: false,
      quietSince: null,
    };
    if (link.path === 'p2p') {
      try {
        this.#peer(link).ondatachannel = (event) => this.#attachServing(link, event.channel);
      } catch {
        // No WebRTC on this page: the receiver asks for the relay when no channel opens, and this link serves it then.
      }
    }
    this.#links.set(link.id, link);
    this.#adoptEarlySignals(link);
    if (link.path === 'relay') this.#pump(link);
  }

  #attachServing(link, dc) {
    dc.binaryType = 'arraybuffer';
    dc.bufferedAmountLowThreshold = BUFFER_LOW;
    dc.onopen = () => this.#pump(link);
    dc.onmessage = (event) => this.#acknowledged(link, event.data);
    dc.onclose = () => { link.wake?.(); this.#flushSent(link); };
    link.dc = dc;
    if (dc.readyState === 'open') this.#pump(link);
  }

  #acknowledged(link, data) {
    if (typeof data !== 'string') return;
    let message;
    try { message = JSON.parse(data); } catch { return; }
    const index = message?.ack ?? message?.nack;
    if (!Number.isInteger(index)) return;
    link.unacked.delete(index);
    if (message.ack === index) link.acked.add(index);
    link.wake?.();
  }

  #serveThroughRelay(link) {
    if (link.done || link.path === 'relay') return;
    if (link.idBytes.length !== 36) throw new Error(`link ${link.id} cannot be relayed`);
    this.#closePeer(link);
    link.path = 'relay';
    // The relay starts over from whatever the receiver did not acknowledge.
    link.todo = link.want.filter((i) => !link.acked.has(i));
    link.unacked.clear();
    link.wake?.();
    this.#pump(link);
  }

  /**
   * Wakes on the link's next acknowledgement, assignment, relay notice or end, or when `dc`'s
   * buffer ran low. Several may wait on one link (the origin's fetchers): a wake wakes them all.
   */
  #wait(link, dc) {
    return new Promise((resolve) => {
      const others = link.wake;
      link.wake = () => { link.wake = null; others?.(); resolve(); };
      dc?.addEventListener('bufferedamountlow', () => link.wake?.(), { once: true });
    });
  }

  /** Sends the link's pieces one after the other, over the data channel or the relay, whichever the link uses now. */
  async #pump(link) {
    if (link.pumping) return;
    link.pumping = true;
    try {
      while (!link.done && link.todo.length) {
        const direct = link.path === 'p2p';
        if (direct && link.dc?.readyState !== 'open') break;  // resumes when it opens, or over the relay
        if (direct && link.unacked.size >= MAX_UNACKED) { await this.#wait(link); continue; }
        const index = link.todo.shift();
        const piece = await store.getPiece(link.content, index);
        if (!piece) continue;
        const done = await this.#turn();
        const via = link.path;  // the link may have moved to the relay meanwhile
        let sent;
        try {
          // Still asked for (it may have come over another link meanwhile)?
          sent = !link.done && link.want.includes(index)
            && (await (via === 'p2p' ? this.#sendDirect(link, index, piece) : this.#sendRelayed(link, index, piece)));
        } finally {
          done();
        }
        if (!sent) continue;
        if (via === 'p2p') link.unacked.add(index);
        else this.#reportSent(link, index);  // a direct piece was reported before its last chunk left
      }
    } catch (e) {
      if (!link.done) this.#fail(e, { content: link.content, link: link.id });
    } finally {
      link.pumping = false;
    }
  }

  /**
   * Waits for this page's turn to send a piece; resolves with the function that ends the turn.
   * Under a capped upload, a piece sent whole before the next (links taking turns piece by piece)
   * is complete at its receiver, and can be passed on, several times sooner than pieces sent side
   * by side over every link at once.
   */
  #turn() {
    let end;
    const mine = new Promise((resolve) => { end = resolve; });
    const before = this.#uploadTurn;
    this.#uploadTurn = before.then(() => mine);
    return before.then(() => end);
  }

  async #sendDirect(link, index, piece) {
    for (let offset = 0; offset < piece.byteLength; offset += CHUNK) {
      const n = Math.min(CHUNK, piece.byteLength - offset);
      await this.#bucket.take(CHUNK_HEADER + n);
      while (link.dc?.readyState === 'open' && link.dc.bufferedAmount > BUFFER_HIGH) await this.#wait(link, link.dc);
      const dc = link.dc;
      if (link.done || dc?.readyState !== 'open') return false;
      const message = new Uint8Array(CHUNK_HEADER + n);
      const view = new DataView(message.buffer);
      view.setUint32(0, index);
      view.setUint32(4, offset);
      message.set(new Uint8Array(piece, offset, n), CHUNK_HEADER);
      // Reported before the piece can be whole at the receiver: a page closed right after sending it
      // must not leave a piece received and never reported (it would be free). A report of a piece
      // that then never arrives costs nobody anything: only receipted pieces are charged.
      if (offset + n === piece.byteLength) this.#reportSent(link, index);
      dc.send(message);
    }
    return true;
  }

  async #sendRelayed(link, index, piece) {
    await this.#bucket.take(RELAY_HEADER + piece.byteLength);
    while (!link.done && this.#channel.bufferedAmount > BUFFER_HIGH) await sleep(50);
    if (link.done || link.path !== 'relay') return false;
    const frame = new Uint8Array(RELAY_HEADER + piece.byteLength);
    frame.set(link.idBytes, 0);
    new DataView(frame.buffer).setUint32(36, index);
    frame.set(new Uint8Array(piece), RELAY_HEADER);
    return this.#welcomed && this.#channel.sendBinary(frame);
  }

  /** Reports a piece as sent at once: one frame for a quarter of a mebibyte costs nothing, and a batch could be lost with the page. */
  #reportSent(link, index) {
    link.sent = bits.set(link.sent, index);
    link.sentNew = true;
    this.#flushSent(link);
  }

  #flushSent(link) {
    if (!link.sentNew) return;
    link.sentNew = false;
    this.#send({ type: 'sent', link: link.id, pieces: link.sent });
  }
}

let terminal = null;

/** The page's terminal engine, started on first call; every later call gets the same one. */
export async function startTerminal() {
  terminal ??= (async () => {
    const t = new Terminal();
    await t.start();
    return t;
  })();
  return terminal;
}
