/* Klagebenk: "Legg til rad" for the repeating groups of the hand-entry form.
   Each group is a <fieldset data-repeat> with a [data-rows] container, a <template data-row-template>
   and a [data-add-row] button. The template names its index ROWINDEX (SUBINDEX in a nested group);
   the new row gets the next number. The button is a real submit button (name="action",
   value="add:<group>"): without JavaScript it posts the form and the server shows it again with one
   more row; here the click is taken over and the row added at once. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function directChild(parent, selector) {
    for (var i = 0; i < parent.children.length; i++) {
      if (parent.children[i].matches(selector)) return parent.children[i];
    }
    return null;
  }

  function addRow(fieldset) {
    var rows = directChild(fieldset, "[data-rows]");
    var template = directChild(fieldset, "template[data-row-template]");
    if (!rows || !template) return false;
    var index = 0;
    for (var i = 0; i < rows.children.length; i++) {
      if (rows.children[i].matches("[data-row]")) index++;
    }
    var placeholder = fieldset.parentElement && fieldset.parentElement.closest("fieldset[data-repeat]") ? /SUBINDEX/g : /ROWINDEX/g;
    var holder = document.createElement("div");
    holder.innerHTML = template.innerHTML.replace(placeholder, String(index));
    var first = null;
    while (holder.firstElementChild) {
      var el = holder.firstElementChild;
      rows.appendChild(el);
      if (!first) first = el.querySelector("input, select, textarea");
    }
    if (first) first.focus();
    return true;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-add-row]");
    if (!button) return;
    var fieldset = button.closest("fieldset[data-repeat]");
    if (fieldset && addRow(fieldset)) event.preventDefault();  // else the server adds the row
  });
})();
