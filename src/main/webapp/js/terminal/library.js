// "My library": the contents this browser keeps. Plays one after checking it against its
// originality mark (and paying what is left of its unit cost), turns redistribution on and off
// per content, shows what redistributing earned, and keeps the sharing settings, the owner's news
// and recommendations for the visitors of this terminal's shelf. The page runs the terminal engine
// too, so it serves the shared contents (and answers visitors) while it is open.
import { api } from '../platform/api.js';
import { startTerminal } from './swarm.js';
import { listContents, getContent, verifyStored, contentBlob, loadSettings, setRecommended } from './piece-store.js';
import { loadManifest } from './manifest.js';
import { count } from './bitfield.js';
import { loadMedia, ramVersion, replaceRam } from './media-store.js';
import { format, integer, percent, size, yen } from './texts.js';

const $ = (id) => document.getElementById(id);
const text = $('library-page').dataset;
const context = document.documentElement.dataset.context ?? '';
let terminal = null;
let playing = null;
const earned = new Map();

function say(message, isError = true) {
  const box = $('library-message');
  box.textContent = message;
  box.className = isError ? 'errors' : 'flash';
  box.hidden = !message;
}

const row = (id) => $('library-rows').querySelector(`tr[data-content="${CSS.escape(id)}"]`);

function showBalance(balance) {
  $('balance').dataset.yen = balance;
  $('balance').textContent = yen(text.yenFormat, balance);
}

function showEarned(id) {
  const cell = row(id)?.querySelector('.earned');
  if (cell) {
    cell.dataset.yen = earned.get(id) ?? 0;
    cell.textContent = yen(text.yenFormat, earned.get(id) ?? 0);
  }
  const total = [...earned.values()].reduce((a, b) => a + b, 0);
  $('earned-total').textContent = format(text.earnedTotal, yen(text.yenFormat, total));
  $('earned-total').hidden = total === 0;
}

function showPieces(line, held, pieceCount) {
  const complete = held === pieceCount;
  line.dataset.state = complete ? 'complete' : 'partial';
  line.querySelector('.pieces').textContent = format(text.pieces, integer(held), integer(pieceCount));
  line.querySelector('.state').textContent = complete ? text.complete : format(text.partial, percent(held / pieceCount));
  line.querySelector('button.play').disabled = !complete;
}

function contentRow(content) {
  const line = $('library-row').content.firstElementChild.cloneNode(true);
  line.dataset.content = content.id;
  const name = line.querySelector('.name');
  name.textContent = content.name;
  name.href = `${context}/content?id=${encodeURIComponent(content.id)}`;
  line.querySelector('.size').textContent = size(content.size);
  showPieces(line, count(content.have), content.pieceCount);
  const share = line.querySelector('input.share');
  share.checked = content.shared;
  share.setAttribute('aria-label', format(text.share, content.name));
  share.addEventListener('change', () => changeSharing(content, share));
  const recommend = line.querySelector('input.recommend');
  recommend.checked = content.recommended === true;
  recommend.setAttribute('aria-label', format(text.recommend, content.name));
  recommend.addEventListener('change', () => changeRecommendation(content, recommend));
  line.querySelector('button.play').addEventListener('click', () => play(content));
  return line;
}

/** The engine stores the choice and tells the center; when it could not, its `error` event says why. */
async function changeSharing(content, box) {
  const wanted = box.checked;
  await terminal.share(content.id, wanted);
  const shared = (await getContent(content.id))?.shared === true;
  box.checked = shared;
  if (shared === wanted) say(format(shared ? text.shared : text.unshared, content.name), false);
}

/** Recommends the content to the visitors of this terminal's shelf, or no longer: the next visitor sees it. */
async function changeRecommendation(content, box) {
  const wanted = box.checked;
  try {
    await setRecommended(content.id, wanted);
    say(format(wanted ? text.recommended : text.unrecommended, content.name), false);
  } catch (e) {
    box.checked = !wanted;
    say(e.message);
  }
}

/** Plays in #player what the kind of content allows; anything else is offered for download. */
function show(content, blob) {
  if (playing) URL.revokeObjectURL(playing);
  playing = URL.createObjectURL(blob);
  const kind = (content.mediaType ?? '').split('/')[0];
  let element;
  if (kind === 'video' || kind === 'audio') {
    element = document.createElement(kind);
    element.controls = true;
    element.autoplay = true;
    element.src = playing;
  } else if (kind === 'image') {
    element = document.createElement('img');
    element.className = 'promotion';
    element.alt = content.name;
    element.src = playing;
  } else {
    element = document.createElement('a');
    element.href = playing;
    element.download = content.name;
    element.textContent = format(text.download, content.name);
  }
  $('player').replaceChildren(element);
  $('player').dataset.played = content.id;
}

/** Keeps the RAM part the center just issued, unless this browser holds a newer one already. */
async function keepRam(ram) {
  const media = await loadMedia();
  const next = ramVersion({ ram });
  const current = media ? ramVersion(media) : null;
  if (media?.serial === text.serial && next != null && (current == null || next > current)) {
    await replaceRam(text.serial, ram);
  }
}

async function play(content) {
  say(format(text.checking, content.name), false);
  try {
    if (!(await verifyStored(await loadManifest(content.id)))) {
      const left = await getContent(content.id);
      if (left) showPieces(row(content.id), count(left.have), left.pieceCount);
      say(format(text.forged, content.name));
      return;
    }
    const paid = await api('POST', '/api/terminal/playback', { content: content.id });
    await keepRam(paid.ram);
    showBalance(paid.balance);
    show(content, await contentBlob(content.id, content.mediaType));
    say(paid.charged > 0 ? format(text.charged, content.name, yen(text.yenFormat, paid.charged))
                         : format(text.free, content.name), false);
  } catch (e) {
    say(e.message);
  }
}

async function showContents() {
  const contents = (await listContents()).sort((a, b) => (b.addedAt ?? 0) - (a.addedAt ?? 0));
  $('library-rows').replaceChildren(...contents.map(contentRow));
  $('library-empty').hidden = contents.length > 0;
  for (const e of await api('GET', '/api/terminal/earnings')) earned.set(e.content, e.earned);
  for (const id of new Set([...contents.map((c) => c.id), ...earned.keys()])) showEarned(id);
}

async function showSettings() {
  const settings = await loadSettings();
  $('upload-cap').value = Math.round((settings.uploadCap ?? 0) / 1024);
  $('distributor-comment').value = settings.comment ?? '';
  $('shelf-news').value = settings.news ?? '';
  $('sharing-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const typed = $('upload-cap').value;
    const kib = typed === '' ? NaN : Number(typed);
    if (!Number.isInteger(kib) || kib < 0) { say(text.capInvalid); return; }
    const next = {
      uploadCap: kib * 1024,
      comment: $('distributor-comment').value.trim().slice(0, 200),
      news: $('shelf-news').value.trim().slice(0, 1000),
    };
    await terminal.configure(next);
    const saved = await loadSettings();
    $('distributor-comment').value = saved.comment;
    $('shelf-news').value = saved.news;
    if (saved.uploadCap === next.uploadCap && saved.comment === next.comment && saved.news === next.news) say(text.saved, false);
  });
}

function listen() {
  terminal.addEventListener('progress', (event) => {
    const line = row(event.detail.content);
    if (line) showPieces(line, event.detail.havePieces, event.detail.pieceCount);
  });
  terminal.addEventListener('settled', (event) => {
    showBalance(event.detail.balance);
    if (event.detail.role === 'distributor') {
      earned.set(event.detail.content, (earned.get(event.detail.content) ?? 0) + event.detail.amount);
      showEarned(event.detail.content);
    }
  });
  terminal.addEventListener('error', (event) => say(event.detail.message));
}

async function init() {
  terminal = await startTerminal();
  listen();
  await showSettings();
  await showContents();
}

init().catch((e) => say(e.message)).finally(() => { document.body.dataset.ready = 'true'; });
