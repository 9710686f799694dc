// A list's filters are folded into "Filter (n)" so that a phone shows the results first; a wide
// screen has room for both, so there they start open. Without this script they can still be opened.
(function () {
  var panel = document.getElementById("filters");
  if (panel && window.matchMedia("(min-width: 56rem)").matches) {
    panel.open = true;
  }
})();
