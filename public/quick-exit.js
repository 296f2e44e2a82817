// Quick exit: the button at the top of every page, or Esc three times,
// replaces the page with an ordinary recipe page. `location.replace` leaves
// no history entry for this page; and a Polku page reached again by Back
// or Forward (an earlier page of the same visit) is replaced at once, before
// it is shown. Opening Polku anew (a link, the home screen) works as usual.
// Loaded in <head> without `defer`, so that happens before anything is drawn.
"use strict";
(function () {
  var NEUTRAL = "/recipe";
  var KEY = "polku-left";
  var PRESSES = 3;
  var WITHIN_MS = 1500;

  function remember() {
    try {
      sessionStorage.setItem(KEY, "1");
    } catch (e) {
      // Private mode without storage: the replace still happens.
    }
  }

  function left() {
    try {
      return sessionStorage.getItem(KEY) === "1";
    } catch (e) {
      return false;
    }
  }

  function leave() {
    remember();
    document.documentElement.style.visibility = "hidden";
    location.replace(NEUTRAL);
  }

  function cameBackByHistory() {
    var entries = performance.getEntriesByType ? performance.getEntriesByType("navigation") : [];
    return entries.length > 0 && entries[0].type === "back_forward";
  }

  if (location.pathname !== NEUTRAL && left()) {
    if (cameBackByHistory()) {
      leave();
      return;
    }
    // Opened anew: the person came back on purpose.
    try {
      sessionStorage.removeItem(KEY);
    } catch (e) {}
  }

  // A page kept in the browser's back-forward cache comes back without loading.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && location.pathname !== NEUTRAL && left()) leave();
  });

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target.closest("[data-quick-exit]") : null;
    if (!target) return;
    event.preventDefault();
    leave();
  });

  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    presses = presses.filter(function (at) {
      return now - at < WITHIN_MS;
    });
    presses.push(now);
    if (presses.length >= PRESSES) leave();
  });
})();
