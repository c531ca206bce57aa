// The cascade on air, for the sponsor and the operator: every place with its state and who feeds
// it, the center's own upload and the measured delay per order, fetched again every two seconds.
import { api } from '../platform/api.js';

const view = document.getElementById('cascade');
const EVERY = 2000;
const language = document.documentElement.lang || undefined;

function cell(row, text, className) {
  const c = row.insertCell();
  c.textContent = text;
  if (className) c.className = className;
  return c;
}

async function refresh() {
  try {
    // a call that hangs must not stop the refreshing: it gives up after 10 s and the next one tries again
    const air = await Promise.race([api('GET', `/api/live/events/${view.dataset.event}/air`),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer in 10 s')), 10_000))]);
    const upload = document.getElementById('cascade-upload');
    upload.dataset.bytes = String(air.centerUpload);
    upload.textContent = view.dataset.upload.replace('{0}', air.centerUpload.toLocaleString(language));
    const delays = document.getElementById('cascade-delays');
    delays.replaceChildren(...Object.entries(air.delayMsPerOrder).map(([order, ms]) => {
      const li = document.createElement('li');
      li.dataset.order = order;
      li.dataset.delayMs = String(ms);
      li.textContent = view.dataset.delay.replace('{0}', order).replace('{1}', (ms / 1000).toFixed(1));
      return li;
    }));
    const serialOf = new Map(air.terminals.map((t) => [t.application, t.serial]));
    const body = document.querySelector('#cascade-tree tbody');
    body.replaceChildren();
    for (const t of [...air.terminals].sort((a, b) => a.order - b.order || a.serial.localeCompare(b.serial))) {
      const row = body.insertRow();
      row.dataset.serial = t.serial;
      row.dataset.order = String(t.order);
      row.dataset.online = String(t.online);
      row.dataset.fedBy = t.fedBy === 'center' ? 'center' : (serialOf.get(t.fedBy) ?? '');
      cell(row, String(t.order));
      cell(row, t.serial);
      cell(row, t.online ? view.dataset.online : view.dataset.offline);
      cell(row, t.fedBy === 'center' ? view.dataset.center : (serialOf.get(t.fedBy) ?? '—'));
      cell(row, `${t.centerBytes.toLocaleString(language)} B`, 'num');
      cell(row, t.delayMs == null ? '—' : `${(t.delayMs / 1000).toFixed(1)} s`, 'num');
    }
    view.dataset.refreshed = String(Date.now());
  } catch (e) {
    console.warn('cascade:', e.message);
  } finally {
    setTimeout(refresh, EVERY);
  }
}

refresh();
