// Suggestions under the search box while typing. The box works without this script;
// with it, the box becomes an ARIA combobox: arrow keys move through suggestions,
// Enter opens one, Escape closes the list.
(function () {
  "use strict";

  function enhance(input) {
    if (input.dataset.enhanced) return;
    input.dataset.enhanced = "true";
    var list = document.createElement("ul");
    list.id = input.id + "-suggestions";
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    input.parentNode.appendChild(list);
    // Tells a screen reader how many suggestions appeared ("5 suggestions"): polite, and not a
    // role="status", which each page keeps for its own result count.
    var announcer = document.createElement("div");
    announcer.className = "visually-hidden";
    announcer.setAttribute("aria-live", "polite");
    input.parentNode.appendChild(announcer);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    var timer = null;
    var active = -1;
    var latest = 0;

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function show(suggestions) {
      list.innerHTML = "";
      active = -1;
      suggestions.forEach(function (suggestion, index) {
        var item = document.createElement("li");
        item.id = list.id + "-" + index;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.dataset.url = suggestion.url;
        item.textContent = suggestion.title + " ";
        var kind = document.createElement("span");
        kind.className = "meta";
        kind.textContent = "(" + suggestion.kind + ")";
        item.appendChild(kind);
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.href = suggestion.url;
        });
        list.appendChild(item);
      });
      list.hidden = suggestions.length === 0;
      input.setAttribute("aria-expanded", suggestions.length ? "true" : "false");
      var count = suggestions.length;
      announcer.textContent = count
        ? count + (count === 1 ? " suggestion" : " suggestions") + ": use the up and down arrows to choose"
        : "No suggestions";
    }

    function select(index) {
      var items = list.querySelectorAll("li");
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, position) {
        item.setAttribute("aria-selected", position === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", items[active].id);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < 2) return close();
      timer = setTimeout(function () {
        var request = ++latest;
        fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(text))
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) { if (request === latest) show(data.suggestions); })
          .catch(close);
      }, 150);
    });

    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); select(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); select(active - 1); }
      // A search box clears itself on Escape; here Escape only closes the list.
      else if (event.key === "Escape") { event.preventDefault(); close(); }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = list.querySelectorAll("li")[active].dataset.url;
      }
    });

    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(enhance);
})();
