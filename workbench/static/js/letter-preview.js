/* Live preview of the decision letter: after typing stops, POST the form to the preview endpoint and
   show the returned letter HTML in the sandboxed iframe (srcdoc; the sandbox has no allow-scripts, so
   no script ever runs in it). The reader's scroll position in the frame is kept across updates.
   Without JavaScript the «Forhåndsvis» button does the same through a normal form submission. */
(function () {
  "use strict";
  // The error summary (gate problems, conflicts) gets focus, and its links focus the field they name.
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
    var links = summary.querySelectorAll("a[href^='#']");
    for (var k = 0; k < links.length; k++) {
      links[k].addEventListener("click", function (event) {
        var target = document.getElementById(this.getAttribute("href").slice(1));
        if (target && /^(TEXTAREA|INPUT|SELECT)$/.test(target.tagName)) {
          event.preventDefault();
          target.scrollIntoView({ block: "center" });
          target.focus();
        }
      });
    }
  }

  var form = document.getElementById("letter-form");
  var frame = document.getElementById("letter-preview");
  var status = document.getElementById("preview-status");
  if (!form || !frame || !window.fetch || !window.FormData) { return; }
  var url = form.getAttribute("data-preview-url");
  var timer = null;
  var seq = 0;
  var DELAY = 600;

  function say(text) { if (status) { status.textContent = text; } }

  function refresh() {
    var mine = ++seq;
    say("Oppdaterer forhåndsvisningen …");
    fetch(url, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Preview": "1" }
    }).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.text();
    }).then(function (html) {
      if (mine !== seq) { return; }  // a newer request is on its way
      var y = 0;
      try { y = frame.contentWindow.scrollY || 0; } catch (e) { y = 0; }
      frame.addEventListener("load", function restore() {
        frame.removeEventListener("load", restore);
        try { frame.contentWindow.scrollTo(0, y); } catch (e) { /* not reachable: start at the top */ }
      });
      frame.srcdoc = html;
      frame.setAttribute("data-preview-seq", String(mine));
      say("Forhåndsvisningen viser teksten i skjemaet (ikke lagret).");
    }).catch(function () {
      if (mine === seq) { say("Forhåndsvisningen kunne ikke oppdateres. Bruk knappen «Forhåndsvis»."); }
    });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, DELAY);
  }

  var inputs = form.querySelectorAll("[data-preview]");
  for (var i = 0; i < inputs.length; i++) {
    inputs[i].addEventListener("input", schedule);
    inputs[i].addEventListener("change", schedule);
  }
})();
