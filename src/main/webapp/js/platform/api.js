// Calls to the center's JSON API from pages: same-origin, with the page's CSRF token.
const csrf = () => document.querySelector('meta[name="csrf-token"]')?.content ?? '';

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export async function api(method, path, body) {
  const base = document.documentElement.dataset.context ?? '';
  const response = await fetch(base + path, {
    method,
    credentials: 'same-origin',
    headers: {
      'Accept': 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      'X-CSRF-Token': csrf(),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = { message: text }; }
  // The media was revoked: the center signed this terminal out, and the insertion page says why.
  if (response.status === 403 && json?.reason === 'media.refused.revoked') location.assign(`${base}/terminal`);
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}
