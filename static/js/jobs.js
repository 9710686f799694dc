// Keeps each job's progress bar current by polling its status.json while the job runs.
// Without this script the page says the same things, and its Refresh link reloads it.
(function () {
  "use strict";
  var EVERY = 1000;

  function show(box, job) {
    var field = function (name) { return box.querySelector('[data-job-field="' + name + '"]'); };
    field("state_display").textContent = job.state_display;
    field("stage").textContent = job.stage ? ": " + job.stage : "";
    var bar = box.querySelector("progress");
    if (job.percent === null) { bar.removeAttribute("value"); } else { bar.value = job.percent; }
    bar.textContent = job.percent === null ? "" : job.percent + "%";
    field("counts").textContent = job.total ? job.done + " of " + job.total : (job.done ? job.done + " so far" : "");
    var outcome = field("outcome");
    var words = job.failure || job.summary;
    if (words && outcome.textContent.trim() !== words) {
      outcome.textContent = "";
      var p = document.createElement("p");
      p.textContent = words;
      if (job.failure) { p.className = "errorlist"; }
      outcome.appendChild(p);
    }
  }

  function ended(job) {
    document.querySelectorAll("[data-job-cancel]").forEach(function (form) { form.hidden = true; });
    var next = document.querySelector("[data-job-next]");
    if (next && job.next_url) { next.querySelector("a").href = job.next_url; next.hidden = false; }
    document.querySelectorAll("[data-job-refresh]").forEach(function (link) { link.textContent = "Reload the page"; });
  }

  function poll(box) {
    fetch(box.getAttribute("data-job-status"), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (job) {
        if (!job) { return; }
        show(box, job);
        if (job.finished) { ended(job); } else { window.setTimeout(function () { poll(box); }, EVERY); }
      })
      .catch(function () { window.setTimeout(function () { poll(box); }, EVERY * 5); });
  }

  document.querySelectorAll("[data-job-status]").forEach(function (box) {
    if (!box.hasAttribute("data-job-finished")) { poll(box); }
  });
})();
