// GOV.UK's error summary takes the focus when a form comes back with problems, so a screen reader
// reads them first and a keyboard user can follow each link to its box.
(function () {
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
})();
