// The transfer view of the content page and of the shelf page (templates/terminal/transfer.html):
// progress, speed, where the pieces come from, the bytes by path and what was paid so far. Its
// texts are on #transfer; the page decides when the view is in sight and what its other parts do.
import { format, percent, size, speed, yen } from './texts.js';

const $ = (id) => document.getElementById(id);
// The data attribute of #transfer that says each state.
const STATE_TEXTS = { waiting: 'stateWaiting', running: 'stateRunning', paused: 'statePaused', complete: 'stateComplete', alert: 'stateAlert' };

function source(text, { partner, path }) {
  if (path === 'origin') return text.pathOrigin;
  return format(path === 'relay' ? text.pathRelay : text.pathP2p, partner);
}

/** Shows a transfer state, as `terminal.transfer(content)` gives it. */
export function renderTransfer(transfer) {
  const box = $('transfer');
  const text = box.dataset;
  const under = transfer.state === 'waiting' || transfer.state === 'running';
  box.dataset.content = transfer.content;
  box.dataset.state = transfer.state;
  box.dataset.percent = Math.floor(transfer.percent);
  box.dataset.havePieces = transfer.havePieces;
  box.dataset.inOrderPieces = transfer.inOrderPieces;
  $('transfer-bar').value = transfer.percent;
  $('transfer-percent').textContent = percent(transfer.percent / 100);
  $('transfer-speed').textContent = speed(transfer.bytesPerSecond);
  $('transfer-state').textContent = text[STATE_TEXTS[transfer.state]] ?? '';
  $('transfer-sources').textContent = transfer.sources.length ? transfer.sources.map((s) => source(text, s)).join(', ') : text.sourcesNone;
  $('transfer-sources').dataset.partners = transfer.sources.map((s) => s.partner ?? 'center').join(' ');
  for (const path of ['p2p', 'relay', 'origin']) {
    const bytes = transfer.bytesByPath[path] ?? 0;
    $(`bytes-${path}`).dataset.bytes = bytes;
    $(`bytes-${path}`).textContent = size(bytes);
  }
  $('pause').hidden = !under;
  $('resume').hidden = transfer.state !== 'paused';
  $('transfer-library').hidden = transfer.state !== 'complete';
}

/** What this media paid for the content so far, of its unit cost. */
export function renderPaid(paid, unitCost) {
  const text = $('transfer').dataset;
  $('transfer-paid').dataset.yen = paid;
  $('transfer-paid').textContent = format(text.paidOf, yen(text.yenFormat, paid), yen(text.yenFormat, unitCost));
}
