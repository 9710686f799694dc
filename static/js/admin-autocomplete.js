// The admin's autocomplete boxes come from the Select2 that Django bundles, which leaves its search
// box without a name for screen readers and puts its clear button straight inside a list of chosen
// items. This names the box and moves the button beside the list, whenever Select2 draws them. Select2
// listens for clicks on the whole box, so the button still works where it is moved to.
(function () {
  "use strict";

  function mend() {
    document.querySelectorAll(".select2-search__field:not([aria-label])").forEach(function (box) {
      box.setAttribute("aria-label", "Search the choices");
    });
    document.querySelectorAll(".select2-selection__rendered > .select2-selection__clear").forEach(function (button) {
      var list = button.parentNode;
      var box = list.parentNode;
      // Select2 draws a new button each time the choice changes; the one moved before goes.
      box.querySelectorAll(":scope > .select2-selection__clear").forEach(function (old) {
        old.remove();
      });
      box.insertBefore(button, list);
    });
  }

  new MutationObserver(mend).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", mend);
})();
