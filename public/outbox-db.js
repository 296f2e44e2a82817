// The outbox: writes made without a connection, kept on the phone in
// IndexedDB until they are sent. Shared by the service worker (importScripts)
// and the pages (outbox.js). Nothing in here is ever dropped silently: a
// record is removed only once the server has applied it, or when the person
// discards it themselves.
"use strict";

const PolkuOutbox = (() => {
  const DB = "polku-outbox";
  const WRITES = "writes";
  // Request ids already sent through the service worker, so a form kept on
  // the phone is never replayed under an id the server has seen for
  // another write.
  const SEEN = "seen";
  const SEEN_KEEP = 500;

  function open() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DB, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(WRITES, { keyPath: "id", autoIncrement: true });
        request.result.createObjectStore(SEEN, { keyPath: "requestId" });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  async function run(store, mode, work) {
    const db = await open();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const result = work(tx.objectStore(store));
      tx.oncomplete = () => {
        db.close();
        resolve(result && "result" in result ? result.result : undefined);
      };
      tx.onerror = () => reject(tx.error);
    });
  }

  return {
    /** Every waiting or refused write, oldest first. */
    all: () => run(WRITES, "readonly", (s) => s.getAll()),
    count: () => run(WRITES, "readonly", (s) => s.count()),
    add: (write) => run(WRITES, "readwrite", (s) => s.add(write)),
    put: (write) => run(WRITES, "readwrite", (s) => s.put(write)),
    remove: (id) => run(WRITES, "readwrite", (s) => s.delete(id)),
    seen: async (requestId) => !!(await run(SEEN, "readonly", (s) => s.get(requestId))),
    async markSeen(requestId) {
      await run(SEEN, "readwrite", (s) => s.put({ requestId, at: Date.now() }));
      const all = await run(SEEN, "readonly", (s) => s.getAll());
      if (all.length > SEEN_KEEP) {
        const old = all.sort((a, b) => a.at - b.at).slice(0, all.length - SEEN_KEEP);
        await run(SEEN, "readwrite", (s) => old.forEach((o) => s.delete(o.requestId)));
      }
    },
  };
})();
