// Polku's service worker. It keeps on the phone: the app shell (not the
// WebAssembly: only the passkey pages use it, and they need the network
// anyway) and an offline page, so a lost connection shows a calm page
// instead of the browser's error; the help pages (112, overdose first aid,
// local services), so help opens without a connection; and the journal
// pages last seen. Writes made without a connection wait in the outbox
// (outbox-db.js) and are sent when the connection returns. Signing out
// clears all of it (the server answers with Clear-Site-Data).
"use strict";
importScripts("/outbox-db.js");

const CACHE = "polku-shell-v5";
const HELP_CACHE = "polku-help-v1";
const JOURNAL_CACHE = "polku-journal-v1";
const CACHES = [CACHE, HELP_CACHE, JOURNAL_CACHE];
const OFFLINE = "/offline";
const OUTBOX = "/outbox";
// Where quick exit goes: it must open without a connection too.
const NEUTRAL = "/recipe";
const HELP = "/help";
const JOURNAL_PAGES_KEPT = 30;
const SHELL = [
  OFFLINE,
  OUTBOX,
  NEUTRAL,
  "/pkg/polku.css",
  "/outbox.js",
  "/outbox-db.js",
  "/quick-exit.js",
  "/sw-register.js",
  "/icons/icon-192.png",
  "/icons/neutral-192.png",
];

// Writes that can be made offline: what they are, and what to show of them.
const QUEUEABLE = {
  "/api/reflection_create": { kind: "reflection", summary: "body" },
  "/api/step_create": { kind: "step", summary: "title" },
  "/api/step_status": { kind: "step-done", summary: null, only: { status: "done" } },
};

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => caches.open(HELP_CACHE))
      .then((cache) => cache.add(HELP))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => !CACHES.includes(k)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
      .then(flush),
  );
});

// The offline and outbox pages speak the language of the last page seen.
async function keepPagesInLanguage(language) {
  if (!language) return;
  const cache = await caches.open(CACHE);
  for (const page of [OFFLINE, OUTBOX, NEUTRAL]) {
    const cached = await cache.match(page);
    if (!cached || cached.headers.get("content-language") !== language) {
      await cache.add(page);
    }
  }
}

function isHelpPage(url) {
  return url.pathname === HELP || url.pathname.startsWith(HELP + "/areas/");
}

function isJournalPage(url) {
  return url.pathname === "/" || url.pathname.startsWith("/journal/");
}

function isShellAsset(url) {
  return SHELL.includes(url.pathname) && ![OFFLINE, OUTBOX, NEUTRAL].includes(url.pathname);
}

/** Network first; the copy last seen when offline, else the offline page. */
function networkFirst(event, cacheName, key, fallback) {
  return fetch(event.request)
    .then((response) => {
      event.waitUntil(keepPagesInLanguage(response.headers.get("content-language")));
      if (response.ok && cacheName) {
        const copy = response.clone();
        event.waitUntil(keep(cacheName, key, copy));
      }
      return response;
    })
    .catch(async () => {
      const cache = await caches.open(cacheName || CACHE);
      return (
        (await cache.match(key)) ||
        (fallback && (await cache.match(fallback))) ||
        (await caches.match(OFFLINE)) ||
        Response.error()
      );
    });
}

/** Keeps a page, and only the newest ones of the journal. */
async function keep(cacheName, key, response) {
  const cache = await caches.open(cacheName);
  await cache.delete(key);
  await cache.put(key, response);
  if (cacheName === JOURNAL_CACHE) {
    const keys = await cache.keys();
    for (const old of keys.slice(0, Math.max(0, keys.length - JOURNAL_PAGES_KEPT))) {
      await cache.delete(old);
    }
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.method === "POST") {
    // A form on another site can post here too, and a write re-sent from
    // this worker would look like one of ours to the server. Only writes
    // from Polku's own pages are handled; the rest go to the server as
    // they are, and it refuses them for where they come from.
    if (!request.referrer.startsWith(self.location.origin + "/")) return;
    const queueable = QUEUEABLE[url.pathname];
    if (queueable) event.respondWith(sendOrQueue(request, url, queueable));
    return;
  }
  if (request.method !== "GET") return;

  if (request.mode === "navigate") {
    if (isHelpPage(url)) {
      event.respondWith(networkFirst(event, HELP_CACHE, url.pathname, HELP));
    } else if (isJournalPage(url)) {
      event.respondWith(networkFirst(event, JOURNAL_CACHE, url.pathname + url.search, null));
    } else if (url.pathname === OUTBOX) {
      event.respondWith(networkFirst(event, CACHE, OUTBOX, null));
    } else if (url.pathname === NEUTRAL) {
      event.respondWith(networkFirst(event, CACHE, NEUTRAL, null));
    } else {
      event.respondWith(networkFirst(event, null, OFFLINE, null));
    }
    return;
  }

  if (isShellAsset(url)) {
    // Served from the phone at once; refreshed in the background for next time.
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const cached = await cache.match(request);
        const refresh = fetch(request)
          .then((response) => {
            if (response.ok) cache.put(request, response.clone());
            return response;
          })
          .catch(() => cached);
        if (cached) {
          event.waitUntil(refresh);
          return cached;
        }
        return refresh;
      }),
    );
  }
});

/**
 * Sends a write; without a connection, keeps it in the outbox and shows the
 * outbox page. A request id the server may already have seen for another
 * write (a form kept on the phone, sent before) is replaced by a new one;
 * an unsent one is kept, so a write that did reach the server before the
 * connection broke is applied once when it is sent again.
 */
async function sendOrQueue(request, url, queueable) {
  const body = await request.clone().text();
  const fields = new URLSearchParams(body);
  const requestId = fields.get("request_id");
  if (requestId && (await PolkuOutbox.seen(requestId))) {
    fields.set("request_id", crypto.randomUUID());
  }
  const fresh = new Request(request.url, {
    method: "POST",
    headers: request.headers,
    body: fields.toString(),
    credentials: "same-origin",
    redirect: "manual",
  });
  try {
    const response = await fetch(fresh);
    if (fields.get("request_id")) await PolkuOutbox.markSeen(fields.get("request_id"));
    return response;
  } catch {
    if (queueable.only && Object.entries(queueable.only).some(([k, v]) => fields.get(k) !== v)) {
      return Response.redirect(OFFLINE, 303);
    }
    if (fields.get("request_id")) await PolkuOutbox.markSeen(fields.get("request_id"));
    const summary = queueable.summary ? (fields.get(queueable.summary) || "").slice(0, 140) : "";
    await PolkuOutbox.add({
      url: url.pathname,
      body: fields.toString(),
      kind: queueable.kind,
      summary,
      queuedAt: Date.now(),
      error: null,
    });
    if (self.registration.sync) {
      self.registration.sync.register("outbox").catch(() => {});
    }
    await announce();
    return Response.redirect(OUTBOX + "?queued=1", 303);
  }
}

let flushing = null;

/** Sends what waits, oldest first, until done or offline again. */
function flush() {
  flushing = flushing || sendWaiting().finally(() => (flushing = null));
  return flushing;
}

async function sendWaiting() {
  const writes = await PolkuOutbox.all();
  for (const write of writes.filter((w) => !w.error)) {
    let response;
    try {
      response = await fetch(write.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/json",
        },
        body: write.body,
        credentials: "same-origin",
      });
    } catch {
      break; // Still offline: try again later.
    }
    if (response.ok) {
      await PolkuOutbox.remove(write.id);
    } else if (response.status === 401 || response.status === 429 || response.status >= 500) {
      // Not signed in, too many tries, or the server is unwell: keep it
      // waiting, and say why.
      write.lastError = await response.text();
      await PolkuOutbox.put(write);
      break;
    } else {
      // Refused for good (e.g. not valid): shown back with the reason.
      write.error = await response.text();
      await PolkuOutbox.put(write);
    }
  }
  await announce();
}

async function announce() {
  const clients = await self.clients.matchAll({ includeUncontrolled: true });
  clients.forEach((client) => client.postMessage({ type: "outbox-changed" }));
}

self.addEventListener("sync", (event) => {
  if (event.tag === "outbox") event.waitUntil(flush());
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "flush") event.waitUntil(flush());
});
