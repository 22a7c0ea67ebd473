/* Worksheets: answers autosave in this browser (localStorage, one entry per worksheet, shared by
   both languages: the answers are the reader's words, and the fields have the same names on the
   French and the English page), survive a reload, and can be cleared, printed, exported to a JSON
   file and imported back, in either language. Nothing is sent anywhere. Without JavaScript the
   blank worksheet still shows and prints. */
(function () {
  "use strict";

  /* The Word library (npm docx, vendored beside this script) is loaded only when someone asks for
     a Word document. */
  var SCRIPT = (document.currentScript && document.currentScript.src) || "";
  var LOCALES = { fr: "fr-CA", en: "en-CA" };
  var docxLoading = null;

  var FORMAT = "bdw-worksheet-answers";
  var VERSION = 1;

  /* Ids in a stored or imported file are text from outside: they are looked up as own keys only,
     never on an object's prototype ("__proto__", "constructor", "toString" are ordinary names). */
  function hasOwn(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  function isRecord(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }

  var LANGS = ["fr", "en"];

  function storageKey(id) { return "bdw-worksheet:v2:" + id; }
  function oldKey(lang, id) { return "bdw-worksheet:v1:" + lang + ":" + id; }  /* one per language, until 2026-11 */

  function parseStored(raw) {
    try {
      var data = raw ? JSON.parse(raw) : null;
      return isRecord(data) ? data : null;
    } catch (e) { return null; }
  }

  /* Answers saved by an earlier version, one entry per language, move into the shared entry: the
     language being read wins where both hold an answer, the other fills the gaps; then the old
     entries go. */
  function migrate(id, lang) {
    var store = window.localStorage;
    if (store.getItem(storageKey(id)) !== null) return;
    var order = [lang].concat(LANGS.filter(function (l) { return l !== lang; }));
    var merged = Object.create(null), found = false;
    order.forEach(function (l) {
      var old = parseStored(store.getItem(oldKey(l, id)));
      if (!old) return;
      found = true;
      Object.keys(old).forEach(function (name) {
        if (typeof old[name] === "string" && old[name] !== "" && !hasOwn(merged, name)) merged[name] = old[name];
      });
    });
    if (!found) return;
    try {
      if (Object.keys(merged).length) store.setItem(storageKey(id), JSON.stringify(merged));
      LANGS.forEach(function (l) { store.removeItem(oldKey(l, id)); });
    } catch (e) { /* storage full or refused: the old entries stay, nothing is lost */ }
  }

  function readStored(id) {
    try { return parseStored(window.localStorage.getItem(storageKey(id))) || {}; } catch (e) { return {}; }
  }

  function writeStored(id, answers) {
    var empty = Object.keys(answers).length === 0;
    if (empty) window.localStorage.removeItem(storageKey(id));
    else window.localStorage.setItem(storageKey(id), JSON.stringify(answers));
  }

  function controls(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && (el.tagName === "TEXTAREA" ||
                         (el.tagName === "INPUT" && (el.type === "text" || el.type === "checkbox")));
    });
  }

  /* A ticked box is saved as its value ("✓"); any text saved under a box's name ticks it. */
  function answersOf(form) {
    var answers = Object.create(null);
    controls(form).forEach(function (el) {
      if (el.type === "checkbox") { if (el.checked) answers[el.name] = el.value; }
      else if (el.value.trim() !== "") answers[el.name] = el.value;
    });
    return answers;
  }

  function fill(form, answers) {
    controls(form).forEach(function (el) {
      var value = hasOwn(answers, el.name) ? answers[el.name] : "";
      if (el.type === "checkbox") el.checked = typeof value === "string" && value !== "";
      else el.value = typeof value === "string" ? value : "";
    });
  }

  function formsFor(id) {
    return Array.prototype.slice.call(document.querySelectorAll('form.bdw-worksheet[data-worksheet="' + id + '"]'));
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

  /* Hand a file made in the browser to the reader (answers as JSON, Word documents). */
  function saveBlob(blob, filename) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  function download(filename, data) {
    saveBlob(new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" }), filename);
  }

  function exportFile(lang, ids) {
    var worksheets = {};
    ids.forEach(function (id) { migrate(id, lang); worksheets[id] = readStored(id); });
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
        var key = { "bad-json": "badJson", "foreign": "foreign", "no-match": "noMatch" }[result.error];
        status.setAttribute("role", "alert");
        announce(tools, tools.dataset[key] + skippedText(tools, result.skipped));
        return;
      }
      try {
        Object.keys(result.worksheets).forEach(function (id) {
          writeStored(id, result.worksheets[id]);
          formsFor(id).forEach(function (form) { fill(form, result.worksheets[id]); });
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

  function loadDocx() {
    if (window.docx) return Promise.resolve(window.docx);
    if (!docxLoading) {
      docxLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = SCRIPT.replace(/bdw-worksheets\.js(\?.*)?$/, "vendor/docx.min.js");
        script.onload = function () { if (window.docx) resolve(window.docx); else reject(new Error("docx")); };
        script.onerror = function () { docxLoading = null; reject(new Error("docx")); };
        document.head.appendChild(script);
      });
    }
    return docxLoading;
  }

  /* A Word document of worksheets and their answers: sheets = [{outline, answers}], where an
     outline (made at build time, see worksheets.outline) gives titles, labels, rows and the name
     each answer is saved under. */
  function wordDocument(d, lang, sheets) {
    var language = { value: LOCALES[lang] || lang };
    function para(text, options) {
      var lines = String(text || "").split("\n");
      return new d.Paragraph(Object.assign({
        children: lines.map(function (line, i) {
          return new d.TextRun(Object.assign({ text: line, break: i > 0 ? 1 : 0, language: language }, options && options.run));
        })
      }, options && options.paragraph));
    }
    function cell(children, header) {
      return new d.TableCell({ children: children, shading: header ? { fill: "E8E8E8", type: d.ShadingType.CLEAR, color: "auto" } : undefined });
    }
    function box(text) {
      return new d.Table({ width: { size: 100, type: d.WidthType.PERCENTAGE },
                           rows: [new d.TableRow({ children: [cell([para(text)])] })] });
    }
    return new d.Document({
      creator: "CERIC",
      title: sheets.length === 1 ? sheets[0].outline.title : document.title,
      styles: { default: { document: { run: { font: "Arial", size: 22, language: language } } } },
      sections: sheets.map(function (sheet) {
        var o = sheet.outline, answers = sheet.answers || {};
        var children = [para(o.sheet + " – " + o.title, { paragraph: { heading: d.HeadingLevel.HEADING_1 } }),
                        para(o.intro)];
        o.fields.forEach(function (field) {
          children.push(para(field.label, { paragraph: { heading: d.HeadingLevel.HEADING_2 } }));
          if (field.help) children.push(para(field.help, { run: { italics: true } }));
          if (field.kind === "lines") {
            children.push(box(answers[field.name] || ""));
          } else if (field.kind === "list") {
            field.names.forEach(function (name, i) { children.push(para((i + 1) + ". " + (answers[name] || ""))); });
          } else {
            var header = field.columns.map(function (c) { return cell([para(c.label, { run: { bold: true } })], true); });
            if (field.row_heads) header.unshift(cell([para("")], true));
            var rows = [new d.TableRow({ tableHeader: true, children: header })];
            field.rows.forEach(function (row) {
              var cells = row.names.map(function (name, i) {
                var value = answers[name] || "";
                if (field.columns[i].tick) return cell([para(value ? "\u2612" : "\u2610")]);
                if (row.cells && row.cells.length) return cell([para(row.cells[i], { run: { bold: true } }), para(value)]);
                return cell([para(value)]);
              });
              if (field.row_heads) cells.unshift(cell([para(row.heading, { run: { bold: true } })]));
              rows.push(new d.TableRow({ children: cells }));
            });
            children.push(new d.Table({ width: { size: 100, type: d.WidthType.PERCENTAGE }, rows: rows }));
          }
        });
        return {
          properties: { page: { size: { width: 12240, height: 15840,
                                        orientation: o.landscape ? d.PageOrientation.LANDSCAPE : d.PageOrientation.PORTRAIT } } },
          children: children
        };
      })
    });
  }

  function downloadWord(tools, lang, filename, sheets) {
    var status = tools.querySelector(".bdw-tools__status");
    loadDocx().then(function (d) {
      return d.Packer.toBlob(wordDocument(d, lang, sheets));
    }).then(function (blob) {
      saveBlob(blob, filename);
    }).catch(function () {
      if (status) status.setAttribute("role", "alert");
      announce(tools, tools.dataset.wordFailed);
    });
  }

  function outlines(tools) {
    try { return JSON.parse(tools.getAttribute("data-outline") || "[]"); } catch (e) { return []; }
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
    migrate(id, lang);
    fill(form, readStored(id));
    var timer = null;
    form.addEventListener("input", save);  /* typing, and ticking a box, both fire it */
    function save() {
      window.clearTimeout(timer);
      timer = window.setTimeout(store, 300);
    }
    function store() {
      timer = null;
      var answers = answersOf(form);
      try {
        writeStored(id, answers);
        announce(tools, tools ? tools.dataset.saved : "");
      } catch (e) {
        announce(tools, tools ? tools.dataset.saveFailed : "");
      }
      formsFor(id).forEach(function (other) { if (other !== form) fill(other, answers); });
    }
    /* Leaving the page (a link, the back button, closing the tab) right after typing keeps the last
       words: a save still waiting for its pause is made at once. */
    function flush() { if (timer !== null) { window.clearTimeout(timer); store(); } }
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") flush(); });
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
        case "word":
          downloadWord(tools, lang, id + "-" + lang + ".docx",
                       outlines(tools).map(function (o) { return { outline: o, answers: readStored(o.id) }; }));
          break;
        case "clear":
          if (window.confirm(tools.dataset.clearConfirm)) {
            window.localStorage.removeItem(storageKey(id));
            formsFor(id).forEach(function (f) { fill(f, {}); });
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
      var action = event.target.closest("[data-action='export-all'], [data-action='word-all']");
      if (!action) return;
      if (action.getAttribute("data-action") === "export-all") download("worksheets-" + lang + ".json", exportFile(lang, ids));
      else downloadWord(tools, lang, "worksheets-" + lang + ".docx", outlines(tools).map(function (o) {
        migrate(o.id, lang);
        return { outline: o, answers: readStored(o.id) };
      }));
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

  /* My plan: every answer of the planning worksheets and the communication plan, under its
     question, in order. Built with textContent only: answers are shown, never parsed as markup. */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function planField(field, answers) {
    var node = null;
    if (field.kind === "lines") {
      if (answers[field.name]) node = el("p", "bdw-plan__answer", answers[field.name]);
    } else if (field.kind === "list") {
      if (field.names.some(function (name) { return answers[name]; })) {
        node = el("ol", "bdw-plan__list");
        field.names.forEach(function (name, i) {
          if (!answers[name]) return;
          var li = node.appendChild(el("li", "bdw-plan__answer", answers[name]));
          li.value = i + 1;  /* the item's own number, even when an earlier one is empty */
        });
      }
    } else {
      var rows = field.rows.filter(function (row) { return row.names.some(function (name) { return answers[name]; }); });
      if (rows.length) {
        node = el("table", "bdw-plan__table");
        var head = el("tr");
        if (field.row_heads) head.appendChild(el("td"));
        field.columns.forEach(function (c) { var th = el("th", "", c.label); th.scope = "col"; head.appendChild(th); });
        node.appendChild(el("thead")).appendChild(head);
        var body = node.appendChild(el("tbody"));
        rows.forEach(function (row) {
          var tr = body.appendChild(el("tr"));
          if (field.row_heads) { var th = el("th", "", row.heading); th.scope = "row"; tr.appendChild(th); }
          row.names.forEach(function (name, i) {
            var value = answers[name] || "";
            var text = field.columns[i].tick ? (value ? "\u2612" : "\u2610") : value;
            var td = tr.appendChild(el("td", "bdw-plan__answer"));
            if (row.cells && row.cells.length) td.appendChild(el("strong", "", row.cells[i] + " "));
            td.appendChild(document.createTextNode(text));
          });
        });
      }
    }
    if (!node) return null;
    var wrap = el("div", "bdw-plan__field");
    wrap.appendChild(el("h4", "", field.label));
    wrap.appendChild(node);
    return wrap;
  }

  function setUpPlan(root) {
    var lang = root.getAttribute("data-lang");
    var plan = JSON.parse(root.getAttribute("data-plan"));
    var body = root.querySelector(".bdw-worksheet-plan__body");
    root.querySelectorAll("[data-needs-js]").forEach(function (node) { node.hidden = false; });
    root.querySelectorAll("[data-no-js]").forEach(function (node) { node.hidden = true; });
    var sheets = plan.map(function (part) {
      migrate(part.outline.id, lang);
      return { outline: part.outline, answers: readStored(part.outline.id) };
    });
    plan.forEach(function (part, n) {
      var section = body.appendChild(el("section", "bdw-plan__part"));
      section.setAttribute("data-worksheet", part.outline.id);
      section.appendChild(el("h2", "", part.heading));
      section.appendChild(el("h3", "", part.outline.title));
      var found = 0;
      part.outline.fields.forEach(function (field) {
        var node = planField(field, sheets[n].answers);
        if (node) { section.appendChild(node); found += 1; }
      });
      var more = el("p", "bdw-plan__open");
      if (!found) more.appendChild(el("span", "bdw-plan__none", root.dataset.none + " "));
      var link = el("a", "", root.dataset.open);
      link.href = part.href;
      more.appendChild(link);
      section.appendChild(more);
    });
    root.addEventListener("click", function (event) {
      var action = event.target.closest("[data-action]");
      if (!action) return;
      if (action.getAttribute("data-action") === "plan-print") window.print();
      if (action.getAttribute("data-action") === "plan-word") downloadWord(root, lang, "plan-" + lang + ".docx", sheets);
    });
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
    document.querySelectorAll(".bdw-worksheet-plan").forEach(setUpPlan);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
