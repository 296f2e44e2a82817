// Polku's service worker: keeps the app shell and an offline page on the
// phone, so a lost connection shows a calm page instead of the browser's error.
// Personal pages are never stored here.
const CACHE = "polku-shell-v1";
const OFFLINE = "/offline";
const SHELL = [
  OFFLINE,
  "/pkg/polku.css",
  "/pkg/polku.js",
  "/pkg/polku.wasm",
  "/manifest.webmanifest",
  "/icons/icon-192.png",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The offline page speaks the language of the last page seen.
async function keepOfflinePageInLanguage(language) {
  if (!language) return;
  const cache = await caches.open(CACHE);
  const cached = await cache.match(OFFLINE);
  if (!cached || cached.headers.get("content-language") !== language) {
    await cache.add(OFFLINE);
  }
}

function isShellAsset(url) {
  return SHELL.includes(url.pathname) && url.pathname !== OFFLINE;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;

  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          event.waitUntil(keepOfflinePageInLanguage(response.headers.get("content-language")));
          return response;
        })
        .catch(async () => (await caches.match(OFFLINE)) || Response.error()),
    );
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
