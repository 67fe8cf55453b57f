// Keyboard shortcuts for the review app, as in `factcheck review walk`. Everything works
// without this script (plain links and forms); it only adds keys. No inline script: the
// Content-Security-Policy allows scripts from /static/ alone.
(function () {
  "use strict";

  function typing(target) {
    return target && target.closest && target.closest("input, textarea, select");
  }

  function findingPage() {
    var form = document.getElementById("decide");
    var note = document.getElementById("note");
    var pending = null;

    function choose(button) {
      form.querySelectorAll("button.pending").forEach(function (b) { b.classList.remove("pending"); });
      pending = button;
      button.classList.add("pending");
      document.getElementById("pending").textContent =
        "Type a note, then Enter saves: " + button.value + " (Esc cancels)";
      note.focus();
    }

    // keep the add-fact form's reviewer in step with the one typed in the decision form
    var by = document.getElementById("by");
    var addFactBy = document.getElementById("add-fact-by");
    if (by && addFactBy) {
      by.addEventListener("input", function () { addFactBy.value = by.value; });
    }

    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) { return; }
      if (typing(event.target)) {
        if (event.target === note && event.key === "Enter" && !event.shiftKey && pending) {
          event.preventDefault();
          form.requestSubmit(pending);
        } else if (event.key === "Escape") {
          event.target.blur();
        }
        return;
      }
      var key = event.key.toLowerCase();
      var button = form.querySelector('button[data-key="' + key + '"]');
      if (button) {
        event.preventDefault();
        choose(button);
      } else if (key === "s") {
        var next = document.getElementById("next");
        window.location.assign(next ? next.href : "/");
      } else if (key === "q") {
        window.location.assign("/");
      }
    });
  }

  function queuePage() {
    var rows = Array.prototype.slice.call(document.querySelectorAll("#queue tbody tr"));
    var at = -1;
    function select(i) {
      if (!rows.length) { return; }
      if (at >= 0) { rows[at].classList.remove("selected"); }
      at = Math.max(0, Math.min(rows.length - 1, i));
      rows[at].classList.add("selected");
      rows[at].scrollIntoView({ block: "nearest" });
    }
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
      if (event.key === "j") { select(at + 1); }
      else if (event.key === "k") { select(at - 1); }
      else if ((event.key === "Enter" || event.key === "o") && at >= 0) {
        window.location.assign(rows[at].getAttribute("data-href"));
      }
    });
  }

  function start() {
    var page = document.body.getAttribute("data-page");
    if (page === "finding" && document.getElementById("decide")) { findingPage(); }
    if (page === "queue") { queuePage(); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
