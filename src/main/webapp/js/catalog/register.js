// Registering a content: upload the files (resumable, in chunks), then register them with the form's fields.
import { api } from '../platform/api.js';
import { upload } from './upload.js';

const $ = (id) => document.getElementById(id);
const form = $('register-form');

function say(message, isError = true) {
  const box = $('register-message');
  box.textContent = message;
  box.className = isError ? 'errors' : 'flash';
  box.hidden = !message;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = $('register-submit');
  button.disabled = true;
  const progress = $('progress');
  progress.hidden = false;
  try {
    const file = $('file').files[0];
    const thumbnail = $('thumbnail').files[0];
    const promotion = $('promotion').files[0];
    say(form.dataset.uploading, false);
    const total = file.size + thumbnail.size + (promotion?.size ?? 0);
    let done = 0;
    const track = (base) => ({ onProgress: (sent) => { progress.value = (base + sent) / total; } });
    const thumbnailUpload = await upload(thumbnail, 'IMAGE', track(done));
    done += thumbnail.size;
    const promotionUpload = promotion ? await upload(promotion, 'IMAGE', track(done)) : null;
    done += promotion?.size ?? 0;
    const fileUpload = await upload(file, 'CONTENT', track(done));
    say(form.dataset.registering, false);
    const data = new FormData(form);
    const number = (name) => Number(data.get(name));
    const registered = await api('POST', '/api/contents', {
      name: data.get('name'), summary: data.get('summary'), genre: data.get('genre'),
      writerName: data.get('writerName'), writerInfo: data.get('writerInfo'), writerPayoutAccount: data.get('writerPayoutAccount'),
      unitCost: number('unitCost'), redistributionAllowed: $('redistribution').checked,
      redistributorSharePercent: number('redistributorSharePercent'), previewBytes: number('previewBytes'),
      performerComment: data.get('performerComment'), creatorComment: data.get('creatorComment'),
      fileName: file.name, mediaType: file.type, fileUpload, thumbnailUpload, promotionUpload,
    });
    location.assign(`${form.dataset.done}?id=${encodeURIComponent(registered.id)}`);
  } catch (e) {
    say(e.message);
    button.disabled = false;
  }
});
document.body.dataset.ready = 'true';
