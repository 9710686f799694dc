// Suggestions for boxes that name another entry (a custodian, a project member, a dataset used).
// The boxes work without this script: type the full name. With it, the browser's own list of
// suggestions (a datalist, announced by screen readers) fills with matching names while typing.
(function () {
  "use strict";

  function enhance(input) {
    var list = document.createElement("datalist");
    list.id = input.id + "-choices";
    input.parentNode.appendChild(list);
    input.setAttribute("list", list.id);
    var timer = null;
    var latest = 0;

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < 2) return;
      timer = window.setTimeout(function () {
        var asked = ++latest;
        fetch(input.dataset.choicesUrl + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { choices: [] }; })
          .then(function (data) {
            if (asked !== latest) return;
            list.innerHTML = "";
            data.choices.forEach(function (name) {
              var option = document.createElement("option");
              option.value = name;
              list.appendChild(option);
            });
          })
          .catch(function () { /* Suggestions are a help, not a need: the box still works. */ });
      }, 200);
    });
  }

  document.querySelectorAll("input[data-choices-url]").forEach(enhance);
})();
