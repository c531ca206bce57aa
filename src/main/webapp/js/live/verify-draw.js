// Recomputes a published lottery draw from its seed, here in the browser, the way the page says
// it is made: the seed must hash to the commitment published before applications closed; each
// application's ticket is SHA-256(seed bytes ‖ UTF-8 id); entries are placed by priority tier,
// then ticket, then id; the first `ability` places win.
const page = document.getElementById('draw');
const result = document.getElementById('verify-result');

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
const bytesOf = (h) => new Uint8Array(h.match(/../g).map((b) => parseInt(b, 16)));
const sha256 = async (bytes) => hex(await crypto.subtle.digest('SHA-256', bytes));

function tier(entry, required, artistPriority) {
  const artist = entry.distributions >= artistPriority;
  const relay = entry.ability >= Math.max(1, required);
  return artist && relay ? 1 : artist || relay ? 2 : 3;
}

async function recompute() {
  const seed = bytesOf(page.dataset.seed);
  const required = Number(page.dataset.required);
  const artistPriority = Number(page.dataset.artistPriority);
  const ability = Number(page.dataset.ability);
  if (await sha256(seed) !== page.dataset.commitment) return false;
  const entries = [];
  for (const row of document.querySelectorAll('#entries tr')) {
    const id = row.dataset.application;
    const idBytes = new TextEncoder().encode(id);
    const message = new Uint8Array(seed.length + idBytes.length);
    message.set(seed);
    message.set(idBytes, seed.length);
    const entry = { id, distributions: Number(row.dataset.distributions), ability: Number(row.dataset.ability) };
    entries.push({ id, tier: tier(entry, required, artistPriority), ticket: await sha256(message) });
  }
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  entries.sort((a, b) => a.tier - b.tier || cmp(a.ticket, b.ticket) || cmp(a.id, b.id));
  const shown = [...document.querySelectorAll('#places tbody tr')];
  return shown.length === entries.length && shown.every((row, i) => row.dataset.application === entries[i].id
      && (row.dataset.won === 'true') === (i < ability));
}

document.getElementById('verify').addEventListener('click', async () => {
  const ok = await recompute();
  result.dataset.verified = String(ok);
  result.textContent = ok ? page.dataset.verified : page.dataset.mismatch;
});
document.body.dataset.ready = 'true';
