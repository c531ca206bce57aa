// This browser's Cascade database: one IndexedDB database shared by the media and the contents it holds.
const NAME = 'cascade';
const VERSION = 3;
// 'live': the segments of live events watched here, kept for watching later.
const STORES = ['media', 'contents', 'pieces', 'receipts', 'settings', 'live'];

let opening = null;

/** The page's one connection to the database, made (and upgraded) on first use. */
export function openDb() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const store of STORES) {
        if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another page wants a newer version: let it have the database, reopen on next use.
      db.onversionchange = () => { db.close(); opening = null; };
      db.onclose = () => { opening = null; };
      resolve(db);
    };
    request.onerror = () => { opening = null; reject(request.error); };
  });
  return opening;
}

/**
 * Runs `work(tx, fail)` in one transaction over `stores` and resolves once it committed, with what
 * `work` returned: a request's result for a request, a function's value (called then) for a function.
 * `fail(error)` aborts the transaction with that error.
 */
export async function transaction(stores, mode, work) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(stores, mode);
    let failure = null;
    let result;
    const fail = (error) => { failure = error; tx.abort(); };
    tx.oncomplete = () => {
      if (result instanceof IDBRequest) resolve(result.result);
      else if (typeof result === 'function') resolve(result());
      else resolve(result);
    };
    tx.onabort = () => reject(failure ?? tx.error ?? new Error('IndexedDB transaction aborted'));
    try {
      result = work(tx, fail);
    } catch (e) {
      fail(e);
    }
  });
}
