// Leave this site quickly: replace the page (so Back does not return to it) with a neutral one.
// Pressing Shift three times within a second does the same, for people who cannot reach the button.
(function () {
  "use strict";
  function leave(url) {
    document.body.hidden = true;
    window.location.replace(url);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var link = document.querySelector("[data-quick-exit]");
    if (!link) { return; }
    link.addEventListener("click", function (event) {
      event.preventDefault();
      leave(link.href);
    });
    var presses = [];
    document.addEventListener("keyup", function (event) {
      if (event.key !== "Shift") { presses = []; return; }
      var now = Date.now();
      presses = presses.filter(function (t) { return now - t < 1000; });
      presses.push(now);
      if (presses.length >= 3) { leave(link.href); }
    });
    // A second click on "send" would only find the answers already sent; say so by waiting.
    Array.prototype.forEach.call(document.querySelectorAll("form[data-submit-once]"), function (form) {
      form.addEventListener("submit", function (event) {
        if (form.dataset.sent) { event.preventDefault(); return; }
        form.dataset.sent = "1";
        Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (b) {
          b.setAttribute("aria-disabled", "true");
        });
      });
    });
  });
})();
