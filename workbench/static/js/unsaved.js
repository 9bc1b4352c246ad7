/* Nothing typed is lost (issue 13).
 *
 * A page with several forms (the review page has seven) saves one form at a time, and the page that comes
 * back is rendered from what is stored: what the jurist had typed in the other forms was gone. So:
 *  - when a form is sent, what was typed but not saved in the page's other forms is kept in sessionStorage
 *    (this tab only, cleared when read) and put back into the same fields when the page comes back, with a
 *    notice at each form that its text is not saved yet;
 *  - leaving the page otherwise (a link, closing the tab) with unsaved text asks first.
 * Without JavaScript each form still works on its own; nothing here is needed to save.
 * Forms are told apart by their action and their place among forms with that action; fields by name.
 */
(function () {
  "use strict";
  var KEY = "klagebenk.unsaved:" + location.pathname;
  var forms = Array.prototype.filter.call(document.querySelectorAll("main form"), function (f) {
    return (f.getAttribute("method") || "get").toLowerCase() === "post" && !f.hasAttribute("data-no-unsaved");
  });
  if (!forms.length) { return; }

  function formKey(form) {
    var action = form.getAttribute("action") || location.pathname;
    var same = forms.filter(function (f) { return (f.getAttribute("action") || location.pathname) === action; });
    return action + "#" + same.indexOf(form);
  }
  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrf_token" && el.name !== "version" && el.type !== "hidden" &&
        el.type !== "submit" && el.type !== "button" && el.type !== "file";
    });
  }
  function valueOf(el) {
    if (el.type === "checkbox" || el.type === "radio") { return el.checked ? "1" : ""; }
    return el.value;
  }
  function setValue(el, v) {
    if (el.type === "checkbox" || el.type === "radio") { el.checked = v === "1"; } else { el.value = v; }
  }
  function snapshot(form) {
    return fields(form).map(valueOf);
  }
  var initial = new Map(forms.map(function (f) { return [f, snapshot(f)]; }));
  function dirty(form) {
    var now = snapshot(form), then = initial.get(form);
    return now.some(function (v, i) { return v !== then[i]; });
  }

  // put back what was kept when another form of this page was sent
  var kept = null;
  try { kept = JSON.parse(sessionStorage.getItem(KEY) || "null"); sessionStorage.removeItem(KEY); } catch (e) { kept = null; }
  if (kept) {
    forms.forEach(function (form) {
      var values = kept[formKey(form)];
      if (!values) { return; }
      var els = fields(form), restored = false;
      els.forEach(function (el, i) {
        var key = el.name + "#" + i;
        if (Object.prototype.hasOwnProperty.call(values, key) && valueOf(el) !== values[key]) {
          setValue(el, values[key]);
          restored = true;
        }
      });
      if (restored) {
        var note = document.createElement("p");
        note.className = "alert alert-warning unsaved-note";
        note.setAttribute("role", "status");
        note.textContent = "Teksten du skrev her før du lagret et annet skjema, er tatt vare på, men ikke lagret ennå. Husk å lagre.";
        form.insertBefore(note, form.firstChild);
      }
    });
  }

  var sending = false;
  forms.forEach(function (form) {
    form.addEventListener("submit", function () {
      sending = true;
      var keep = {};
      forms.forEach(function (other) {
        if (other === form || !dirty(other)) { return; }
        var values = {};
        fields(other).forEach(function (el, i) { values[el.name + "#" + i] = valueOf(el); });
        keep[formKey(other)] = values;
      });
      try {
        if (Object.keys(keep).length) { sessionStorage.setItem(KEY, JSON.stringify(keep)); }
      } catch (e) { /* storage full or off: the warning below still protects the text */ }
    });
  });
  window.addEventListener("beforeunload", function (event) {
    if (sending) { return; }
    if (forms.some(dirty)) {
      event.preventDefault();
      event.returnValue = "";  // the browser shows its own «leave the page?» question
    }
  });
})();
