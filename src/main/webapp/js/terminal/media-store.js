// The storage media as this browser keeps it: one media file in IndexedDB ({serial, rom, ram}).
import { transaction } from './db.js';
import { withLowS } from './jws.js';

const STORE = 'media';
const KEY = 'inserted';

const run = (mode, action) => transaction(STORE, mode, (tx) => action(tx.objectStore(STORE)));

/** Reads a media file's text into its parts; null when it is not one. */
export function parseMediaFile(text) {
  try {
    const o = JSON.parse(text);
    if (o?.format !== 'cascade-media/1' || typeof o.rom !== 'string' || typeof o.ram !== 'string') return null;
    return { serial: String(o.serial ?? ''), rom: o.rom, ram: o.ram };
  } catch {
    return null;
  }
}

/**
 * The media file's text. Parts the center signed before it signed only with the low s (half of
 * them) are given in the low-s form it accepts now: the same signature, spelled the one way.
 */
export function toMediaFile(media) {
  return JSON.stringify({ format: 'cascade-media/1', serial: media.serial, rom: withLowS(media.rom), ram: withLowS(media.ram) });
}

/** The RAM version a sealed part claims, for display only: the center decides what it is worth. */
export function ramVersion(media) {
  try {
    const payload = media.ram.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload)).ram.version;
  } catch {
    return null;
  }
}

export const loadMedia = () => run('readonly', (s) => s.get(KEY));
export const saveMedia = (media) => run('readwrite', (s) => s.put(media, KEY));
export const forgetMedia = () => run('readwrite', (s) => s.delete(KEY));

/** Replaces the RAM part after the center issued a new version of the same media. */
export async function replaceRam(serial, ram) {
  const media = await loadMedia();
  if (!media || media.serial !== serial) return false;
  await saveMedia({ ...media, ram });
  return true;
}
