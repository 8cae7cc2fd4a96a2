// This page belongs to a session that ends after a time without activity (heard/core/sessions.py).
// Warn before it ends, keep it open while the person types or clicks, and leave the page once the
// time is up, so that nothing stays on the screen of a computer left alone. Without JavaScript the
// server still ends the session; this only makes it visible and avoidable (WCAG 2.2.1).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("session-timeout");
    var region = document.getElementById("session-alert");
    if (!box || !region || !window.fetch) { return; }
    var second = 1000;
    var limit = Number(box.dataset.limit) * second;
    var warnBefore = Math.min(120 * second, limit / 2);
    var every = Math.min(60 * second, limit / 10); // at most one "still here" a minute
    var start = Date.now();
    var deadline = start + Number(box.dataset.idle) * second;
    var lastEnd = box.dataset.endsIn === "" ? null : start + Number(box.dataset.endsIn) * second;
    var warning = box.querySelector("template[data-session-warning]");
    var closing = box.querySelector("template[data-session-closing]");
    var lastPing = start;
    var shown = null;
    var leaving = false;

    function show(template) {
      if (shown === template) { return; }
      shown = template;
      // A new element with role=alert is what screen readers announce most reliably.
      var alert = document.createElement("div");
      alert.setAttribute("role", "alert");
      alert.appendChild(template.content.cloneNode(true));
      region.replaceChildren(alert);
    }
    function hide() {
      shown = null;
      region.replaceChildren();
    }
    function leave() {
      // A little after the server's own limit, so that this request finds the session ended.
      if (leaving) { return; }
      leaving = true;
      window.location.assign(window.location.href.split("#")[0]);
    }
    function keep() {
      lastPing = Date.now();
      fetch(box.dataset.aliveUrl, { credentials: "same-origin", cache: "no-store" })
        .then(function (answer) {
          if (answer.status === 204) {
            deadline = Date.now() + limit;
            if (shown === warning) { hide(); }
          } else {
            leave();
          }
        })
        .catch(function () { /* offline: the timer below decides */ });
    }
    function activity() {
      if (shown === warning || Date.now() - lastPing >= every) { keep(); }
    }
    ["keydown", "pointerdown", "input"].forEach(function (kind) {
      document.addEventListener(kind, activity, { capture: true, passive: true });
    });
    region.addEventListener("click", function (event) {
      if (event.target.closest("[data-session-keep]")) { keep(); }
    });
    window.setInterval(function () {
      var now = Date.now();
      if (now >= deadline + 2 * second || (lastEnd !== null && now >= lastEnd + 2 * second)) {
        leave();
      } else if (lastEnd !== null && lastEnd - now <= 5 * 60 * second && closing) {
        show(closing);
      } else if (deadline - now <= warnBefore) {
        show(warning);
      }
    }, second);
  });
})();
