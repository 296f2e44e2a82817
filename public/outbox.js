// On every page: tells the person when writes are waiting to be sent, asks
// the service worker to send them when the connection is back, warns before
// signing out with unsent writes, and fills in the outbox page.
"use strict";

(() => {
  if (!("serviceWorker" in navigator) || !("indexedDB" in window)) return;

  const texts = () => {
    const data = document.getElementById("outbox-texts");
    return data ? JSON.parse(data.textContent) : null;
  };

  async function showCount() {
    const banner = document.getElementById("outbox-banner");
    if (!banner) return;
    const count = await PolkuOutbox.count();
    banner.hidden = count === 0;
    const number = banner.querySelector(".count");
    if (number) number.textContent = String(count);
  }

  function flush() {
    if (navigator.onLine && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({ type: "flush" });
    }
  }

  function errorText(t, error) {
    try {
      const parsed = JSON.parse(error);
      const key = typeof parsed === "string" ? parsed : Object.entries(parsed)[0].join(":");
      return t.errors[key] || t.errors.Internal;
    } catch {
      return t.errors.Internal;
    }
  }

  async function fillOutboxPage() {
    const list = document.getElementById("outbox-list");
    const t = texts();
    if (!list || !t) return;
    const queued = document.getElementById("outbox-queued");
    if (queued && new URLSearchParams(location.search).has("queued")) queued.hidden = false;
    const writes = await PolkuOutbox.all();
    list.replaceChildren(
      ...writes.map((write) => {
        const item = document.createElement("li");
        const what = document.createElement("strong");
        what.textContent = t.kinds[write.kind] || write.kind;
        const summary = document.createElement("p");
        summary.className = "outbox-summary";
        summary.textContent = write.summary;
        const state = document.createElement("p");
        state.className = write.error ? "form-error" : "hint";
        state.textContent = write.error ? `${t.refused} ${errorText(t, write.error)}` : t.waiting;
        item.append(what, summary, state);
        if (write.error) {
          const discard = document.createElement("button");
          discard.type = "button";
          discard.className = "danger";
          discard.textContent = t.discard;
          discard.addEventListener("click", async () => {
            await PolkuOutbox.remove(write.id);
            fillOutboxPage();
            showCount();
          });
          item.append(discard);
        }
        return item;
      }),
    );
    const empty = document.getElementById("outbox-empty");
    if (empty) empty.hidden = writes.length > 0;
  }

  // Signing out clears the phone: warn first if something is unsent.
  document.addEventListener("submit", async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.unsentWarning) return;
    if (form.dataset.confirmed) return;
    event.preventDefault();
    const count = await PolkuOutbox.count();
    if (count === 0 || window.confirm(form.dataset.unsentWarning)) {
      form.dataset.confirmed = "yes";
      form.requestSubmit();
    }
  });

  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data && event.data.type === "outbox-changed") {
      showCount();
      fillOutboxPage();
    }
  });
  window.addEventListener("online", flush);
  showCount();
  fillOutboxPage();
  navigator.serviceWorker.ready.then(flush);
})();
