// "Select all in <region>" on the areas of an edit form: ticks (or unticks) the region's boxes at once.
// Without this script the box still works: saving adds every area of the region (editing/forms.py).
document.querySelectorAll("input[data-region-all]").forEach(function (all) {
  var group = all.closest(".region-group");
  var boxes = group.querySelectorAll(".choice-grid input[type=checkbox]");
  all.addEventListener("change", function () {
    boxes.forEach(function (box) { box.checked = all.checked; });
  });
});
