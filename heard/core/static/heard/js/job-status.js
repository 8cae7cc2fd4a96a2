/* Follows a background job on its page, without ever reloading the page by itself.
 *
 * The page works without this script: it shows where the job stood and a "Check again" link.
 * With it, the script asks the job's status address (data-job-status-url) every few seconds,
 * updates the progress bar, and changes the polite live region only when there is something new
 * to say (a new stage, or a quarter of the way further), so that a screen reader is not talked
 * over. When the job has finished or failed it stops asking, fetches the page once more and puts
 * the result in place, leaving the focus where it was.
 */
(function () {
  "use strict";

  var root = document.getElementById("job");
  if (!root || !root.dataset.jobStatusUrl || !window.fetch) { return; }
  var statusUrl = root.dataset.jobStatusUrl;
  var delay = 2000;
  var lastSaid = null;
  var lastQuarter = -1;

  function say(text, quarter) {
    var region = root.querySelector("[data-job-status]");
    if (!region) { return; }
    var stage = text.replace(/[\d,\s]+/g, " ");
    var lastStage = lastSaid === null ? null : lastSaid.replace(/[\d,\s]+/g, " ");
    if (stage !== lastStage || quarter > lastQuarter) {
      region.textContent = text;
      lastSaid = text;
      lastQuarter = quarter;
    }
  }

  function showResult() {
    fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("job");
        if (!fresh) { return; }
        root.innerHTML = fresh.innerHTML;
        root.removeAttribute("data-job-status-url");
        var title = new DOMParser().parseFromString(html, "text/html").title;
        if (title) { document.title = title; }
      })
      .catch(function () { /* the "Check again" link is still on the page */ });
  }

  function ask() {
    fetch(statusUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (job) {
        var bar = root.querySelector("[data-job-progress]");
        if (bar && job.total) {
          bar.hidden = false;
          bar.max = job.total;
          bar.value = job.done;
          bar.textContent = job.done + " / " + job.total;
        }
        var quarter = job.total ? Math.floor((4 * job.done) / job.total) : 0;
        if (job.finished) {
          say(job.status, 5);
          showResult();
          return;  // finished or failed: nothing more to ask
        }
        say(job.status, quarter);
        delay = 2000;
        window.setTimeout(ask, delay);
      })
      .catch(function () {
        delay = Math.min(delay * 2, 30000);  // the server is busy or restarting: ask less often
        window.setTimeout(ask, delay);
      });
  }

  window.setTimeout(ask, delay);
})();
