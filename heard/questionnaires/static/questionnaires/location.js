// "Use my current location" beside each geopoint question (questionnaires/_question.jinja).
// Without JavaScript, or when the browser gives no location, the respondent types latitude and
// longitude: the button only fills in the same box, and only when they press it. The page is
// served with Permissions-Policy geolocation=(self) only when it holds such a question.
(function () {
  "use strict";

  function fixed(x, digits) {
    return String(Number(x.toFixed(digits)));
  }

  function addButton(input) {
    if (!("geolocation" in navigator)) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary locate";
    button.textContent = input.getAttribute("data-locate");
    var status = document.createElement("p");
    status.className = "hint";
    status.setAttribute("role", "status");
    input.insertAdjacentElement("afterend", status);
    input.insertAdjacentElement("afterend", button);

    button.addEventListener("click", function () {
      if (input.disabled) { return; }
      button.disabled = true;
      status.textContent = input.getAttribute("data-locating");
      navigator.geolocation.getCurrentPosition(function (position) {
        var c = position.coords;
        // ODK's four numbers: latitude, longitude, altitude, accuracy (metres).
        input.value = [
          fixed(c.latitude, 6), fixed(c.longitude, 6),
          fixed(c.altitude || 0, 1), fixed(c.accuracy || 0, 1)
        ].join(" ");
        input.dispatchEvent(new Event("input", { bubbles: true }));
        status.textContent = input.getAttribute("data-located");
        button.disabled = false;
      }, function () {
        status.textContent = input.getAttribute("data-not-located");
        button.disabled = false;
        input.focus();
      }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-geopoint]"), addButton);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
