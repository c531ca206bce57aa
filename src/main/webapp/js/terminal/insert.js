// "Insert media": take the media from this browser, a file or a one-time code; sign in with its password.
import { api } from '../platform/api.js';
import { loadMedia, saveMedia, parseMediaFile, toMediaFile, ramVersion, forgetMedia } from './media-store.js';
import { withLowS } from './jws.js';

const $ = (id) => document.getElementById(id);
const text = (key) => $('texts').dataset[key];
let candidate = null;

function show(media, source) {
  candidate = media;
  $('inserted').hidden = !media;
  if (media) {
    $('inserted-serial').textContent = media.serial;
    $('inserted-version').textContent = ramVersion(media) ?? '?';
    $('inserted-source').textContent = source;
  }
}

function say(message, isError = true) {
  const box = $('insert-message');
  box.textContent = message;
  box.className = isError ? 'errors' : 'flash';
  box.hidden = !message;
}

async function init() {
  const stored = await loadMedia().catch(() => null);
  if (stored) show(stored, text('sourceBrowser'));

  $('media-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    if (file.size > 32768) { say(text('notMedia')); return; }
    const media = parseMediaFile(await file.text());
    if (!media) { say(text('notMedia')); show(null); return; }
    say('');
    show(media, text('sourceFile'));
  });

  $('redeem-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const answer = await api('POST', '/api/media/redemptions', { code: $('code').value });
      const media = parseMediaFile(answer.media);
      await saveMedia(media);
      say(text('redeemed'), false);
      show(media, text('sourceCode'));
    } catch (e) {
      say(e.message);
    }
  });

  $('insert-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!candidate) { say(text('noMedia')); return; }
    try {
      const answer = await api('POST', '/api/terminal/session', { media: toMediaFile(candidate), password: $('media-password').value });
      await saveMedia({ serial: answer.serial, rom: withLowS(candidate.rom), ram: answer.ram });
      location.assign($('insert-form').dataset.next);
    } catch (e) {
      say(e.message);
    }
  });

  $('forget').addEventListener('click', async () => {
    await forgetMedia();
    show(null);
    say(text('forgotten'), false);
  });
  document.body.dataset.ready = 'true';
}

init();
