/* Worksheets: answers autosave in this browser (localStorage, one entry per worksheet and
   language), survive a reload, and can be cleared, printed, exported to a JSON file and imported
   back. Nothing is sent anywhere. Without JavaScript the blank worksheet still shows and prints. */
(function () {
  "use strict";

  var FORMAT = "bdw-worksheet-answers";
  var VERSION = 1;

  /* Ids in a stored or imported file are text from outside: they are looked up as own keys only,
     never on an object's prototype ("__proto__", "constructor", "toString" are ordinary names). */
  function hasOwn(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  function isRecord(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }

  function storageKey(lang, id) { return "bdw-worksheet:v1:" + lang + ":" + id; }

  function readStored(lang, id) {
    try {
      var raw = window.localStorage.getItem(storageKey(lang, id));
      var data = raw ? JSON.parse(raw) : null;
      return isRecord(data) ? data : {};
    } catch (e) { return {}; }
  }

  function writeStored(lang, id, answers) {
    var empty = Object.keys(answers).length === 0;
    if (empty) window.localStorage.removeItem(storageKey(lang, id));
    else window.localStorage.setItem(storageKey(lang, id), JSON.stringify(answers));
  }

  function controls(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && (el.tagName === "TEXTAREA" || (el.tagName === "INPUT" && el.type === "text"));
    });
  }

  function answersOf(form) {
    var answers = Object.create(null);
    controls(form).forEach(function (el) { if (el.value.trim() !== "") answers[el.name] = el.value; });
    return answers;
  }

  function fill(form, answers) {
    controls(form).forEach(function (el) {
      var value = hasOwn(answers, el.name) ? answers[el.name] : "";
      el.value = typeof value === "string" ? value : "";
    });
  }

  function formsFor(lang, id) {
    return Array.prototype.slice.call(
      document.querySelectorAll('form.bdw-worksheet[data-worksheet="' + id + '"][data-lang="' + lang + '"]'));
  }

  function announce(tools, text) {
    var status = tools && tools.querySelector(".bdw-tools__status");
    if (!status) return;
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 30);
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, key) { return hasOwn(values, key) ? values[key] : m; });
  }

  function download(filename, data) {
    var blob = new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  function exportFile(lang, ids) {
    var worksheets = {};
    ids.forEach(function (id) { worksheets[id] = readStored(lang, id); });
    return { format: FORMAT, version: VERSION, lang: lang, exported: new Date().toISOString(), worksheets: worksheets };
  }

  /* Check an imported file completely before touching anything: returns {error, skipped} or
     {worksheets, skipped}. `known` maps each worksheet of this page to its field names. Worksheets
     and fields this page does not have are skipped and named; the answers for the others are kept.
     A file that is not ours, or whose answers are not text, is refused whole. */
  function parseImport(text, lang, known) {
    var data;
    try { data = JSON.parse(text); } catch (e) { return { error: "bad-json", skipped: [] }; }
    if (!isRecord(data) || data.format !== FORMAT || data.version !== VERSION || !isRecord(data.worksheets)) {
      return { error: "foreign", skipped: [] };
    }
    if (data.lang !== lang) return { error: "other-language", skipped: [] };
    var accepted = Object.create(null);
    var skipped = [];
    var ids = Object.keys(data.worksheets);
    for (var i = 0; i < ids.length; i++) {
      var id = ids[i];
      if (!known.has(id)) { skipped.push(id); continue; }
      var answers = data.worksheets[id];
      if (!isRecord(answers)) return { error: "foreign", skipped: [] };
      var fields = known.get(id);
      var kept = Object.create(null);
      var names = Object.keys(answers);
      for (var j = 0; j < names.length; j++) {
        var name = names[j];
        if (fields.indexOf(name) === -1) { skipped.push(id + " › " + name); continue; }
        var value = answers[name];
        if (typeof value !== "string" || value.length > 20000) return { error: "foreign", skipped: [] };
        if (value) kept[name] = value;
      }
      accepted[id] = kept;
    }
    if (Object.keys(accepted).length === 0) return { error: "no-match", skipped: skipped };
    return { worksheets: accepted, skipped: skipped };
  }

  /* "3 items skipped…: __proto__, constructor, …": at most five names, each cut to 40 characters. */
  function skippedText(tools, skipped) {
    if (!skipped.length) return "";
    var names = skipped.slice(0, 5).map(function (name) {
      return name.length > 40 ? name.slice(0, 39) + "…" : name;
    }).join(", ") + (skipped.length > 5 ? ", …" : "");
    return " " + format(tools.dataset.skipped, { count: skipped.length, names: names });
  }

  function importInto(tools, lang, known, file, done) {
    var status = tools.querySelector(".bdw-tools__status");
    var reader = new FileReader();
    reader.onerror = function () {
      status.setAttribute("role", "alert");
      announce(tools, tools.dataset.badJson);
    };
    reader.onload = function () {
      var result;
      try { result = parseImport(String(reader.result), lang, known); } catch (e) { result = { error: "foreign", skipped: [] }; }
      if (result.error) {
        var key = { "bad-json": "badJson", "foreign": "foreign", "other-language": "otherLanguage", "no-match": "noMatch" }[result.error];
        status.setAttribute("role", "alert");
        announce(tools, tools.dataset[key] + skippedText(tools, result.skipped));
        return;
      }
      try {
        Object.keys(result.worksheets).forEach(function (id) {
          writeStored(lang, id, result.worksheets[id]);
          formsFor(lang, id).forEach(function (form) { fill(form, result.worksheets[id]); });
        });
      } catch (e) {
        announce(tools, tools.dataset.saveFailed);
        return;
      }
      status.setAttribute("role", "status");
      announce(tools, format(tools.dataset.imported, { count: Object.keys(result.worksheets).length }) +
        skippedText(tools, result.skipped));
      if (done) done();
    };
    reader.readAsText(file);
  }

  function fieldNames(form) { return controls(form).map(function (el) { return el.name; }); }

  function setPaper(paper) {
    document.documentElement.setAttribute("data-paper", paper === "a4" ? "a4" : "letter");
  }

  function printAs(blank) {
    var root = document.documentElement;
    root.classList.toggle("bdw-blank", blank);
    window.addEventListener("afterprint", function reset() {
      root.classList.remove("bdw-blank");
      window.removeEventListener("afterprint", reset);
    });
    window.print();
  }

  function setUpForm(form) {
    var id = form.getAttribute("data-worksheet");
    var lang = form.getAttribute("data-lang");
    var tools = document.querySelector('.bdw-tools[data-for="' + form.id + '"]');
    fill(form, readStored(lang, id));
    var timer = null;
    form.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var answers = answersOf(form);
        try {
          writeStored(lang, id, answers);
          announce(tools, tools ? tools.dataset.saved : "");
        } catch (e) {
          announce(tools, tools ? tools.dataset.saveFailed : "");
        }
        formsFor(lang, id).forEach(function (other) { if (other !== form) fill(other, answers); });
      }, 300);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    if (!tools) return;
    tools.querySelectorAll("[data-needs-js]").forEach(function (el) { el.hidden = false; });
    tools.addEventListener("click", function (event) {
      var action = event.target.closest("[data-action]");
      if (!action) return;
      switch (action.getAttribute("data-action")) {
        case "print-blank": printAs(true); break;
        case "print-filled": printAs(false); break;
        case "export": download(id + "-" + lang + ".json", exportFile(lang, [id])); break;
        case "clear":
          if (window.confirm(tools.dataset.clearConfirm)) {
            window.localStorage.removeItem(storageKey(lang, id));
            formsFor(lang, id).forEach(function (f) { fill(f, {}); });
            announce(tools, tools.dataset.cleared);
          }
          break;
      }
    });
    var known = new Map([[id, fieldNames(form)]]);
    tools.querySelectorAll('input[data-action="import"]').forEach(function (input) {
      input.addEventListener("change", function () {
        if (input.files && input.files[0]) importInto(tools, lang, known, input.files[0]);
        input.value = "";
      });
    });
  }

  function setUpAll(tools) {
    var lang = tools.getAttribute("data-lang");
    var ids = tools.getAttribute("data-worksheets").split(" ");
    var fields = JSON.parse(tools.getAttribute("data-fields"));
    var known = new Map(Object.keys(fields).map(function (id) { return [id, fields[id]]; }));
    tools.querySelectorAll("[data-needs-js]").forEach(function (el) { el.hidden = false; });
    tools.addEventListener("click", function (event) {
      var action = event.target.closest("[data-action='export-all']");
      if (action) download("worksheets-" + lang + ".json", exportFile(lang, ids));
    });
    tools.querySelectorAll('input[data-action="import"]').forEach(function (input) {
      input.addEventListener("change", function () {
        if (input.files && input.files[0]) importInto(tools, lang, known, input.files[0]);
        input.value = "";
      });
    });
  }

  /* Boxes grow with the answer. Browsers with CSS field-sizing do it themselves (bdw.css); the
     others get the answer's height here, on typing and once answers are restored. */
  function growWithAnswers() {
    if (window.CSS && CSS.supports && CSS.supports("field-sizing", "content")) return;
    function grow(area) {
      area.style.height = "";
      if (area.scrollHeight > area.clientHeight) area.style.height = (area.scrollHeight + 2) + "px";
    }
    document.addEventListener("input", function (event) {
      if (event.target.matches && event.target.matches("textarea.bdw-lines")) grow(event.target);
    });
    window.addEventListener("load", function () { document.querySelectorAll("textarea.bdw-lines").forEach(grow); });
  }

  function start() {
    growWithAnswers();
    setPaper("letter");
    document.querySelectorAll('input[name="bdw-paper"]').forEach(function (radio) {
      if (radio.checked) setPaper(radio.value);
      radio.addEventListener("change", function () { if (radio.checked) setPaper(radio.value); });
    });
    document.querySelectorAll("form.bdw-worksheet").forEach(setUpForm);
    document.querySelectorAll(".bdw-tools--all").forEach(setUpAll);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
