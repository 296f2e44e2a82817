// "My path on paper": a Print button, for phones whose browser hides
// printing in a menu. Without JavaScript the button stays hidden.
"use strict";
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
