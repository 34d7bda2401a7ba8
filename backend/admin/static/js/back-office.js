// The back office's own behaviour on top of SQLAdmin's pages, loaded by every page
// (templates/sqladmin/base.html). A file, not inline script: the pages' Content-Security-Policy
// runs scripts from the back office's own files only.
"use strict";

// How many rows of a list are ticked.
function tickedRows() {
  return document.querySelectorAll("input.select-box:checked").length;
}

// A confirmation worded for how many objects it is about: an element with data-one and
// data-many ("Restore {n} tasks?") gets the one that fits.
function wordFor(element, count) {
  if (!element || !element.dataset.many) {
    return;
  }
  element.textContent =
    count === 1 ? element.dataset.one : element.dataset.many.replace("{n}", String(count));
}

document.addEventListener("show.bs.modal", function (event) {
  var modal = event.target;
  // A list's actions are about the ticked rows (data-scope in their dialogs' template). The
  // delete dialog serves both: SQLAdmin opens it for "Delete selected items" from its own
  // script, with no opener, and for a row's or a page's delete button with that button.
  var opener = event.relatedTarget;
  var selection = modal.dataset.scope === "selection" ||
    (modal.id === "modal-delete" && (!opener || opener.id === "action-delete"));
  wordFor(modal.querySelector("[data-many]"), selection ? tickedRows() : 1);
});

// The copy buttons beside shortened ids.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-copy]");
  if (!button) {
    return;
  }
  event.preventDefault();
  navigator.clipboard.writeText(button.dataset.copy).then(function () {
    button.title = "Copied";
    button.setAttribute("aria-label", "Copied");
  });
});
