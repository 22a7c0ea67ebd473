/* Message cards and the overview filter. Everything here is an enhancement: without
   JavaScript the cards read fine, and the filter links lead to audience/objective pages. */
(function () {
  "use strict";

  function announce(status, text) {
    if (!status) return;
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyWithSelection(text); });
    }
    return copyWithSelection(text);
  }

  /* Shared with bdw-posts.js and bdw-kit.js (post drafts, letters, adapted messages). */
  window.bdwCopyText = copyText;
  window.bdwAnnounce = announce;

  /* Copy: one feedback, said once. The button keeps its label and width (a tick marks it for a
     moment, see bdw.css); the status line under the buttons says what happened, and is announced. */
  function setUpCopy(button) {
    var card = button.closest(".bdw-card");
    var status = card ? card.querySelector(".bdw-copy__status") : null;
    var timer = null;
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(button.getAttribute("data-copy-text")).then(function () {
        button.classList.add("bdw-copy--done");
        announce(status, button.getAttribute("data-done"));
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
          button.classList.remove("bdw-copy--done");
          if (status) status.textContent = "";
        }, 4000);
      }, function () {
        button.classList.remove("bdw-copy--done");
        announce(status, button.getAttribute("data-failed"));
      });
    });
  }

  /* Overview: narrow the 4 x 4 grid to one audience (columns) or one objective (rows). */
  function setUpOverview(root) {
    var links = root.querySelectorAll("[data-filter]");
    var reset = root.querySelector("[data-filter-reset]");
    var status = root.querySelector(".bdw-filter__status");
    var template = root.getAttribute("data-status");

    function apply(kind, value, push) {
      var cells = root.querySelectorAll(".bdw-grid td[data-audience], .bdw-grid th[data-audience]");
      var rows = root.querySelectorAll(".bdw-grid tbody tr");
      cells.forEach(function (cell) {
        cell.hidden = kind === "audience" && cell.getAttribute("data-audience") !== value;
      });
      rows.forEach(function (row) {
        row.hidden = kind === "objective" && row.getAttribute("data-objective") !== value;
      });
      links.forEach(function (link) {
        var on = link.getAttribute("data-filter") === kind && link.getAttribute("data-value") === value;
        if (on) { link.setAttribute("aria-current", "true"); } else { link.removeAttribute("aria-current"); }
      });
      if (kind) { reset.removeAttribute("aria-current"); } else { reset.setAttribute("aria-current", "true"); }
      var shown = root.querySelectorAll(".bdw-grid tbody tr:not([hidden]) td:not([hidden])").length;
      if (push) {
        var url = new URL(window.location.href);
        url.searchParams.delete("audience");
        url.searchParams.delete("objective");
        if (kind) url.searchParams.set(kind, value);
        window.history.replaceState(null, "", url);
        announce(status, template.replace("{count}", String(shown)));
      }
    }

    links.forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        apply(link.getAttribute("data-filter"), link.getAttribute("data-value"), true);
      });
    });
    reset.addEventListener("click", function (event) {
      event.preventDefault();
      apply(null, null, true);
    });

    var params = new URLSearchParams(window.location.search);
    ["audience", "objective"].forEach(function (kind) {
      var value = params.get(kind);
      if (value && root.querySelector('[data-filter="' + kind + '"][data-value="' + CSS.escape(value) + '"]')) {
        apply(kind, value, false);
      }
    });
  }

  /* Language toggle: the other language opens at the same place, with the same filter
     (?audience=business) and the same anchor (#access-public), which both languages share. */
  function setUpLanguageLink(link) {
    var base = link.getAttribute("href");
    function carry() {
      var here = window.location;
      if (!here.search && !here.hash) { link.setAttribute("href", base); return; }
      var target = base.split("#")[0].split("?")[0];
      link.setAttribute("href", target + here.search + here.hash);
    }
    ["pointerdown", "focus", "mouseenter", "click"].forEach(function (type) {
      link.addEventListener(type, carry);
    });
  }

  /* Getting started: narrow the activity cards to one kind; the choice lives in the address
     (?kind=online), so it survives a reload, a shared link and a change of language. */
  function setUpActivities(root) {
    var nav = root.querySelector(".bdw-filter");
    var links = root.querySelectorAll("[data-filter]");
    var reset = root.querySelector("[data-filter-reset]");
    var status = root.querySelector(".bdw-filter__status");
    var cards = root.querySelectorAll(".bdw-activity-card");
    nav.hidden = false;

    function apply(value, push) {
      var shown = 0;
      cards.forEach(function (card) {
        card.hidden = !!value && card.getAttribute("data-kind") !== value;
        if (!card.hidden) shown += 1;
      });
      links.forEach(function (link) {
        if (link.getAttribute("data-value") === value) { link.setAttribute("aria-current", "true"); }
        else { link.removeAttribute("aria-current"); }
      });
      if (value) { reset.removeAttribute("aria-current"); } else { reset.setAttribute("aria-current", "true"); }
      if (push) {
        var url = new URL(window.location.href);
        if (value) { url.searchParams.set("kind", value); } else { url.searchParams.delete("kind"); }
        window.history.replaceState(null, "", url);
        announce(status, root.getAttribute("data-status").replace("{count}", String(shown)));
      }
    }

    links.forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        apply(link.getAttribute("data-value"), true);
      });
    });
    reset.addEventListener("click", function (event) {
      event.preventDefault();
      apply(null, true);
    });
    var value = new URLSearchParams(window.location.search).get("kind");
    if (value && root.querySelector('[data-filter="kind"][data-value="' + CSS.escape(value) + '"]')) apply(value, false);
  }

  function init() {
    document.querySelectorAll("[data-bdw-activities]").forEach(setUpActivities);
    document.querySelectorAll(".bdw-lang a[hreflang]").forEach(setUpLanguageLink);
    document.querySelectorAll(".bdw-copy").forEach(setUpCopy);
    document.querySelectorAll("[data-bdw-overview]").forEach(setUpOverview);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
