// The operator's distribution figures, live: the bytes by path, the center's own upload and the
// share terminals delivered, fetched again every few seconds while the page is open.
import { api } from '../platform/api.js';

const EVERY = 2000;
const state = document.getElementById('origin-state');
const language = document.documentElement.lang || undefined;

async function refresh() {
  try {
    const o = await api('GET', '/api/origin');
    for (const cell of document.querySelectorAll('#bytes-by-path td[data-path]')) {
      const bytes = o.bytesByPath[cell.dataset.path] ?? 0;
      cell.dataset.bytes = String(bytes);
      cell.textContent = `${bytes.toLocaleString(language)} B`;
    }
    const kib = Math.floor(o.uploadBytesPerSecond / 1024);
    state.dataset.upload = String(o.uploadBytesPerSecond);
    state.dataset.p2pShare = String(o.p2pSharePercent);
    state.textContent = state.dataset.template.replace('{0}', kib.toLocaleString(language)).replace('{1}', String(o.p2pSharePercent));
    state.dataset.refreshed = String(Date.now());
  } catch (e) {
    console.warn('distribution figures:', e.message);  // the figures on the page stay as they were
  } finally {
    setTimeout(refresh, EVERY);
  }
}

if (state) setTimeout(refresh, EVERY);
document.body.dataset.ready = 'true';
