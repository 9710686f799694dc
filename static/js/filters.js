// A list's filters are folded into "Filter (n)" before the results at every width, so that the first
// result is a few Tab presses away. Someone who opens them to filter finds them open again on the
// next page of the same list (this browser tab only); without this script they open with one press.
(function () {
  var panel = document.getElementById("filters");
  if (!panel) {
    return;
  }
  var key = "filters-open:" + window.location.pathname;
  try {
    if (window.sessionStorage.getItem(key) === "1") {
      panel.open = true;
    }
    panel.addEventListener("toggle", function () {
      window.sessionStorage.setItem(key, panel.open ? "1" : "0");
    });
  } catch (error) {
    // Storage refused (a private window, say): the filters simply start folded.
  }
})();
