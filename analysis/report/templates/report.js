/* factcheck HTML report: highlight details, panel navigation, category filters. No network. */
(function () {
  "use strict";
  var popover = document.getElementById("popover");
  var popBody = popover.querySelector(".popover-body");
  var current = null;

  function words(value) { return (value || "").split(" ").filter(Boolean); }

  function cloneTemplate(id) {
    var tpl = document.getElementById(id);
    return tpl ? document.importNode(tpl.content, true) : null;
  }

  function openFor(el) {
    popBody.textContent = "";
    words(el.getAttribute("data-flags")).forEach(function (id) {
      var node = cloneTemplate("tpl-flag-" + id);
      if (node) { popBody.appendChild(node); }
    });
    words(el.getAttribute("data-claims")).forEach(function (id) {
      var node = cloneTemplate("tpl-claim-" + id);
      if (node) { popBody.appendChild(node); }
    });
    var rect = el.getBoundingClientRect();
    popover.hidden = false;
    var width = popover.offsetWidth;
    var left = Math.max(8, Math.min(rect.left + window.scrollX,
      window.scrollX + document.documentElement.clientWidth - width - 8));
    popover.style.left = left + "px";
    // Below the highlight, or above it when the window has no room below and some above.
    var height = popover.offsetHeight;
    var below = window.innerHeight - rect.bottom;
    var top = (below < height + 12 && rect.top > height + 12) ? rect.top - height - 6
      : rect.bottom + 6;
    popover.style.top = (top + window.scrollY) + "px";
    current = el;
    markActive(words(el.getAttribute("data-flags")));
  }

  function close() {
    popover.hidden = true;
    current = null;
    markActive([]);
  }

  function markActive(ids) {
    document.querySelectorAll(".flag-item").forEach(function (item) {
      item.classList.toggle("active", ids.indexOf(item.getAttribute("data-flag-id")) >= 0);
    });
  }

  function highlightOf(flagId) {
    return document.querySelector('.hl[data-flags~="' + CSS.escape(flagId) + '"]');
  }

  function goTo(flagId) {
    var el = highlightOf(flagId);
    if (!el) { return; }
    el.scrollIntoView({ block: "center" });
    el.classList.remove("flash");
    void el.offsetWidth;  // restart the animation
    el.classList.add("flash");
    el.focus({ preventScroll: true });
    openFor(el);
  }

  function applyFilters() {
    var shown = {};
    document.querySelectorAll("input.filter-category").forEach(function (box) {
      shown[box.value] = box.checked;
    });
    var visible = 0, total = 0;
    document.querySelectorAll(".flag-item").forEach(function (item) {
      var on = shown[item.getAttribute("data-category")] !== false;
      item.hidden = !on;
      total += 1;
      if (on) { visible += 1; }
    });
    document.querySelectorAll(".severity-group").forEach(function (group) {
      group.hidden = !group.querySelector(".flag-item:not([hidden])");
    });
    document.querySelectorAll("#article .hl.flag").forEach(function (el) {
      var any = words(el.getAttribute("data-categories")).some(function (c) {
        return shown[c] !== false;
      });
      el.classList.toggle("muted", !any);
    });
    var count = document.getElementById("flag-count");
    if (count) { count.textContent = visible + " of " + total; }
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var hl = target.closest(".hl[data-flags], .hl[data-claims]");
    if (hl && hl.closest("#article")) {
      if (current === hl) { close(); } else { openFor(hl); }
      return;
    }
    var goto = target.closest(".goto");
    if (goto) { goTo(goto.getAttribute("data-flag-id")); return; }
    if (target.closest(".popover .close") || !target.closest("#popover")) { close(); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { close(); return; }
    var hl = event.target.closest && event.target.closest("#article .hl");
    if (hl && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      openFor(hl);
    }
  });

  document.querySelectorAll("input.filter-category").forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
  applyFilters();
}());
