/* Review controls for 'factcheck serve': confirm, dismiss (with a reason), fixed, note.
   Every decision is POSTed at once with the page's token; text is set with textContent only. */
(function () {
  "use strict";
  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute("content") : "";
  }
  var token = meta("factcheck-token");
  var report = meta("factcheck-report");
  var NAME_KEY = "factcheck-reviewer";
  var nameInput = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text) { node.textContent = text; }
    return node;
  }

  function reviewerBar() {
    var panel = document.getElementById("panel");
    if (!panel) { return; }
    var bar = el("p", "reviewer-bar");
    var label = el("label", null, "Reviewer: ");
    nameInput = el("input", "reviewer-name");
    nameInput.type = "text";
    nameInput.maxLength = 100;
    nameInput.placeholder = "your name";
    try { nameInput.value = window.localStorage.getItem(NAME_KEY) || ""; } catch (e) { /* private mode */ }
    nameInput.addEventListener("input", function () {
      try { window.localStorage.setItem(NAME_KEY, nameInput.value); } catch (e) { /* ignore */ }
    });
    label.appendChild(nameInput);
    bar.appendChild(label);
    var heading = panel.querySelector("h2");
    panel.insertBefore(bar, heading ? heading.nextSibling : panel.firstChild);
  }

  function describe(review) {
    if (!review) { return "Review: open"; }
    if (review.changed && review.previous) {
      var p = review.previous;
      return "Review: sentence changed, review again (was " + p.status + " by " +
        (p.reviewer || "unknown") + (p.note ? ": " + p.note : "") + ")";
    }
    var text = "Review: " + review.status;
    if (review.reviewer) { text += " by " + review.reviewer; }
    if (review.time) { text += ", " + review.time.slice(0, 16).replace("T", " "); }
    if (review.note) { text += ": " + review.note; }
    return text;
  }

  function show(div, review) {
    var item = div.closest(".flag-item");
    var status = review ? review.status : "open";
    if (item) { item.setAttribute("data-review-status", status); }
    div.querySelector(".review-status").textContent = describe(review);
  }

  function post(div, status, note, correct, source) {
    var error = div.querySelector(".review-error");
    error.textContent = "";
    var reviewer = nameInput ? nameInput.value.trim() : "";
    if (!reviewer) { error.textContent = "Enter your name (Reviewer, at the top) first."; return; }
    fetch("/api/decisions", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Factcheck-Token": token },
      body: JSON.stringify({ report: report, flag: div.getAttribute("data-flag-id"),
        status: status, note: note, reviewer: reviewer, correct: correct, source: source })
    }).then(function (resp) {
      return resp.json().then(function (data) { return { ok: resp.ok, data: data }; });
    }).then(function (res) {
      if (!res.ok) { error.textContent = res.data.error || "not saved"; return; }
      show(div, res.data.review);
      div.querySelector(".review-form").hidden = true;
      if (res.data.taught) { error.textContent = "KB taught: " + res.data.taught; }
    }).catch(function () { error.textContent = "not saved: the server did not answer"; });
  }

  function controls(div, review) {
    div.textContent = "";
    div.appendChild(el("p", "review-status"));
    var buttons = el("div", "review-buttons");
    var form = el("div", "review-form");
    form.hidden = true;
    var note = el("textarea", "review-note");
    note.maxLength = 2000;
    var correct = el("input", "review-correct");
    correct.placeholder = "correct value (optional, taught to the local KB)";
    correct.maxLength = 500;
    var source = el("input", "review-source");
    source.placeholder = "source of the correct value";
    source.maxLength = 2000;
    var save = el("button", "review-save", "Save");
    var cancel = el("button", "review-cancel", "Cancel");
    save.type = cancel.type = "button";
    [note, correct, source, save, cancel].forEach(function (n) { form.appendChild(n); });
    var pending = "open";
    function ask(status, placeholder) {
      pending = status;
      note.placeholder = placeholder;
      note.value = status === "dismissed" ? "" : (review && review.note) || "";
      form.hidden = false;
      note.focus();
    }
    [["confirmed", "Confirm error", "review-confirm"], ["dismissed", "Dismiss", "review-dismiss"],
     ["fixed", "Mark fixed", "review-fixed"], ["note", "Note", "review-note-button"]
    ].forEach(function (pair) {
      var button = el("button", pair[2], pair[1]);
      button.type = "button";
      button.setAttribute("data-status", pair[0]);
      button.addEventListener("click", function () {
        if (pair[0] === "dismissed") { ask("dismissed", "Why is this a false alarm? (required)"); }
        else if (pair[0] === "note") {
          ask((div.closest(".flag-item") || div).getAttribute("data-review-status") || "open", "Note");
        } else { post(div, pair[0], (review && review.note) || "", "", ""); }
      });
      buttons.appendChild(button);
    });
    save.addEventListener("click", function () {
      post(div, pending, note.value, correct.value.trim(), source.value.trim());
    });
    cancel.addEventListener("click", function () { form.hidden = true; });
    div.appendChild(buttons);
    div.appendChild(form);
    div.appendChild(el("p", "review-error"));
    show(div, review);
  }

  reviewerBar();
  fetch("/api/decisions?report=" + encodeURIComponent(report)).then(function (resp) {
    return resp.json();
  }).then(function (data) {
    document.querySelectorAll("div.review[data-flag-id]").forEach(function (div) {
      controls(div, (data.flags || {})[div.getAttribute("data-flag-id")]);
    });
    document.body.setAttribute("data-review-ready", "1");
  });
}());
