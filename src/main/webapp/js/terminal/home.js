// The terminal's home: keeps this browser's copy of the media at the version the center issued last.
import { api } from '../platform/api.js';
import { replaceRam, loadMedia, toMediaFile } from './media-store.js';

const $ = (id) => document.getElementById(id);

async function sync() {
  const current = await api('POST', '/api/terminal/media', {});
  const replaced = await replaceRam(current.serial, current.ram);
  $('media-sync').textContent = replaced ? $('media-sync').dataset.synced.replace('{0}', current.version)
                                         : $('media-sync').dataset.elsewhere;
  $('media-sync').dataset.version = current.version;
}

$('save-copy').addEventListener('click', async () => {
  const media = await loadMedia();
  if (!media) return;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([toMediaFile(media)], { type: 'application/json' }));
  link.download = `${media.serial}.cascade-media`;
  link.click();
  URL.revokeObjectURL(link.href);
});

sync().catch((e) => { $('media-sync').textContent = e.message; })
      .finally(() => { document.body.dataset.ready = 'true'; });
