// On every page: registers the service worker that keeps the shell, the
// help pages and the offline page on the phone. After `load`, so that its
// first install does not take the slow connection from the page itself.
"use strict";
(function () {
  if (!("serviceWorker" in navigator)) return;
  function register() {
    // A browser that refuses (private mode, an old engine) still gets every page.
    navigator.serviceWorker.register("/sw.js").catch(function () {});
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
