// The content page's receive card: asks the center for this content through the terminal engine
// (swarm.js), lets the user pick a distributor (or visit its shelf) when automatic start is off,
// and shows the transfer.
import { api } from '../platform/api.js';
import { startTerminal } from './swarm.js';
import { getContent } from './piece-store.js';
import { count } from './bitfield.js';
import { format, integer, percent, yen } from './texts.js';
import { renderPaid, renderTransfer } from './transfer-view.js';

const $ = (id) => document.getElementById(id);
const text = $('receive-card').dataset;
const context = document.documentElement.dataset.context ?? '';
const contentId = text.content;
const unitCost = Number(text.unitCost);
let terminal = null;
let paid = 0;
// The user asked for the holders list and has not chosen yet: the transfer waits out of sight.
let choosing = false;

function say(message) {
  $('receive-alert').textContent = message;
  $('receive-alert').hidden = !message;
}

function showBalance(balance) {
  $('balance').dataset.yen = balance;
  $('balance').textContent = yen(text.yenFormat, balance);
}

function holderLine(holder) {
  const line = $('holder-line').content.firstElementChild.cloneNode(true);
  line.dataset.terminal = holder.terminal;
  line.classList.toggle('is-busy', holder.busy);
  line.querySelector('.comment').textContent = holder.comment || text.noComment;
  line.querySelector('.busy').hidden = !holder.busy;
  line.querySelector('.pieces').textContent = format(text.pieces, integer(holder.pieces));
  const others = line.querySelector('.others');
  others.hidden = holder.others.length === 0;
  others.textContent = format(text.others, holder.others.join(', '));
  line.querySelector('meter').value = holder.quality;
  line.querySelector('.quality-percent').textContent = percent(holder.quality);
  const visit = line.querySelector('a.visit');
  if (holder.serial) visit.href = `${context}/terminal/shelf?of=${encodeURIComponent(holder.serial)}`;
  else visit.remove();
  line.querySelector('button.choose').addEventListener('click', () => start(() => terminal.choose(contentId, holder.terminal)));
  return line;
}

function showHolders(holders) {
  $('holders').replaceChildren(...holders.map(holderLine));
  $('holders-empty').hidden = holders.length > 0;
  $('origin-choice').hidden = holders.length > 0;
  $('holders-box').hidden = false;
}

function showTransfer(transfer) {
  const under = transfer.state === 'waiting' || transfer.state === 'running';
  $('transfer').hidden = choosing && transfer.state === 'waiting';
  renderTransfer(transfer);
  $('receive').disabled = !choosing && (under || transfer.state === 'paused');
  if (transfer.state === 'complete') {
    $('receive-controls').hidden = true;
    $('holders-box').hidden = true;
  }
}

/** Starts receiving with a distributor (chosen, or left to the center): the holders list has done its part. */
function start(call) {
  choosing = false;
  $('holders-box').hidden = true;
  return act(call);
}

/** Runs an engine call (it never rejects: refusals come as `error` or `alert` events) and shows the transfer. */
async function act(call) {
  say('');
  const transfer = await call();
  if (transfer) showTransfer(transfer);
}

function listen() {
  const mine = (event) => event.detail.content === contentId;
  terminal.addEventListener('holders', (event) => { if (mine(event) && choosing) showHolders(event.detail.holders); });
  terminal.addEventListener('alert', (event) => { if (mine(event)) say(event.detail.message); });
  terminal.addEventListener('progress', (event) => { if (mine(event)) showTransfer(event.detail); });
  terminal.addEventListener('complete', (event) => { if (mine(event)) showTransfer(event.detail); });
  terminal.addEventListener('settled', (event) => {
    showBalance(event.detail.balance);
    if (mine(event) && event.detail.role === 'receiver') {
      paid += event.detail.amount;
      renderPaid(paid, unitCost);
    }
  });
  terminal.addEventListener('error', (event) => {
    if (event.detail.content === undefined || mine(event)) say(event.detail.message);
  });
}

/**
 * The worker that serves <context>/stream/<id> from the pieces this browser holds (stream-worker.js),
 * registered and in charge of this page.
 */
async function streamWorker() {
  if (!('serviceWorker' in navigator)) throw new Error(text.streamUnsupported);
  await navigator.serviceWorker.register(`${context}/stream-worker.js`, { type: 'module', scope: `${context}/` });
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  }
}

/** Receives in order (the center asks the distributors for the pieces in order) and plays as the pieces come. */
async function playWhileReceiving() {
  try {
    await streamWorker();
  } catch (e) {
    say(text.streamUnsupported);
    return;
  }
  await start(() => terminal.receive(contentId, { auto: true, inOrder: true }));
  const player = $('stream-player');
  player.src = `${context}/stream/${encodeURIComponent(contentId)}`;
  player.hidden = false;
  player.play().catch((e) => console.warn('playing while receiving:', e.message));
}

async function init() {
  const stored = await getContent(contentId);
  const held = stored ? count(stored.have) : 0;
  if (stored && held === stored.pieceCount) {
    $('receive-stored').hidden = false;
    $('receive-controls').hidden = true;
  } else if (held > 0) {
    $('receive-partial').textContent = format(text.partial, percent(held / stored.pieceCount));
    $('receive-partial').hidden = false;
  }
  // Read before the engine connects, so that every settlement after it arrives as an event.
  try {
    const receptions = await api('GET', '/api/terminal/receptions');
    paid = receptions.find((r) => r.content === contentId)?.paid ?? 0;
    renderPaid(paid, unitCost);
  } catch (e) {
    say(e.message);
  }

  terminal = await startTerminal();
  listen();
  $('receive').addEventListener('click', () => {
    const auto = $('auto-start').checked;
    if (auto) return start(() => terminal.receive(contentId, { auto: true }));
    choosing = true;
    return act(() => terminal.receive(contentId, { auto: false }));
  });
  $('origin-choice').addEventListener('click', () => start(() => terminal.receive(contentId, { auto: true })));
  if (/^(video|audio)\//.test(text.mediaType ?? '') && 'serviceWorker' in navigator) {
    $('play-receiving').hidden = false;
    $('play-receiving').addEventListener('click', playWhileReceiving);
    streamWorker().catch((e) => console.warn('stream worker:', e.message));  // ready before the user asks
  }
  $('pause').addEventListener('click', () => act(() => terminal.pause(contentId)));
  $('resume').addEventListener('click', () => act(() => terminal.resume(contentId)));
}

init().catch((e) => say(e.message)).finally(() => { document.body.dataset.ready = 'true'; });
