// Going on air: the sponsor's camera (or a recorded video standing in for one) recorded by
// MediaRecorder in one-second WebM slices, each published to the center in order. Slice 0 holds
// the stream's header; a refused slice stops the broadcast with the center's reason.
const page = document.getElementById('air');
const context = document.documentElement.dataset.context ?? '';
const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? '';
const state = document.getElementById('air-state');
const startButton = document.getElementById('air-start');
const stopButton = document.getElementById('air-stop');
const preview = document.getElementById('air-preview');

const MIME = 'video/webm;codecs=vp8,opus';
let recorder = null;
let stream = null;
let seq = 0;
const queue = [];
let sending = false;

function show(text) {
  state.textContent = text;
}

async function pump(pattern) {
  if (sending) return;
  sending = true;
  try {
    while (queue.length) {
      const slice = queue.shift();
      const response = await fetch(`${context}/api/live/events/${page.dataset.event}/segments/${encodeURIComponent(pattern)}/${seq}`, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/octet-stream', 'X-CSRF-Token': csrf, 'Accept': 'application/json' },
        body: slice,
      });
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        show(page.dataset.refused.replace('{0}', body.message ?? response.status));
        state.dataset.refused = 'true';
        stop();
        return;
      }
      seq += 1;
      state.dataset.sent = String(seq);
      show(page.dataset.sent.replace('{0}', String(seq)));
    }
  } finally {
    sending = false;
  }
}

async function source() {
  const file = document.getElementById('air-file').files[0];
  if (file) {
    preview.src = URL.createObjectURL(file);
    preview.loop = true;
    await preview.play();
    return preview.captureStream();
  }
  const camera = await navigator.mediaDevices.getUserMedia({ video: { width: 320, height: 240, frameRate: 15 }, audio: true });
  preview.srcObject = camera;
  await preview.play();
  return camera;
}

async function start() {
  const pattern = document.getElementById('air-pattern').value;
  try {
    stream = await source();
  } catch (e) {
    show(page.dataset.nocamera.replace('{0}', e.message));
    return;
  }
  recorder = new MediaRecorder(stream, { mimeType: MIME, videoBitsPerSecond: 250_000, audioBitsPerSecond: 32_000 });
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) {
      queue.push(e.data);
      pump(pattern);
    }
  };
  recorder.start(1000);
  startButton.disabled = true;
  stopButton.disabled = false;
  page.dataset.onAir = 'true';
}

function stop() {
  if (recorder && recorder.state !== 'inactive') recorder.stop();
  stream?.getTracks().forEach((t) => t.stop());
  startButton.disabled = false;
  stopButton.disabled = true;
  page.dataset.onAir = 'false';
}

startButton.addEventListener('click', start);
stopButton.addEventListener('click', stop);
document.body.dataset.ready = 'true';
