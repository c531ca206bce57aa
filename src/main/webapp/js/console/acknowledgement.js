// Loads an acknowledgement file chosen on disk into the form's text, exactly as it is; the
// server checks it (format, checksum, payments) when the form is sent.
const file = document.getElementById('ack-file');
const text = document.getElementById('ack-text');
file?.addEventListener('change', async () => {
  if (file.files.length) text.value = await file.files[0].text();
});
document.body.dataset.ready = 'true';
