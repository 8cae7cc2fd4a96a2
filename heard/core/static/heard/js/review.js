/* Coding part of a record: select words in the text, then choose a code.
 *
 * Without this script the excerpt form codes a whole sentence (its radio buttons work with the
 * keyboard alone). With it, any words selected inside the text become the excerpt: their
 * character offsets, counted from each sentence's data-start, go in the form's hidden start and
 * end fields, and a polite status line says what is selected. Choosing a sentence again clears
 * the selection.
 */
(function () {
  "use strict";

  var text = document.getElementById("record-text");
  var form = document.getElementById("excerpt-form");
  if (!text || !form || !window.getSelection) { return; }
  var start = form.querySelector("input[name=start]");
  var end = form.querySelector("input[name=end]");
  var status = form.querySelector("[data-selection]");
  if (!start || !end || !status) { return; }

  function offset(node, within) {
    var element = node.nodeType === 1 ? node : node.parentElement;
    var sentence = element && element.closest("[data-start]");
    if (!sentence || !text.contains(sentence)) { return null; }
    var base = parseInt(sentence.dataset.start, 10);
    if (node.nodeType !== 3) { return within === 0 ? base : parseInt(sentence.dataset.end, 10); }
    return base + within;
  }

  function clear() {
    start.value = "";
    end.value = "";
    status.hidden = true;
    status.textContent = "";
  }

  function chosen() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) { return; }
    var range = selection.getRangeAt(0);
    if (!text.contains(range.commonAncestorContainer)) { return; }
    var from = offset(range.startContainer, range.startOffset);
    var to = offset(range.endContainer, range.endOffset);
    if (from === null || to === null || to <= from) { return; }
    start.value = String(from);
    end.value = String(to);
    form.querySelectorAll("input[name=sentence]").forEach(function (radio) { radio.checked = false; });
    var words = selection.toString().replace(/\s+/g, " ").trim();
    status.textContent = (document.documentElement.lang === "fr" ? "Passage choisi : « " + words + " »" : "Selected: “" + words + "”");
    status.hidden = false;
  }

  text.addEventListener("mouseup", chosen);
  text.addEventListener("keyup", chosen);
  form.querySelectorAll("input[name=sentence]").forEach(function (radio) {
    radio.addEventListener("change", clear);
  });
})();
