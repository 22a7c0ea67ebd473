/* The message cards' kit beyond the post drafts: "Adapt this message" (src/bdw_guide/templates/adapt.html) and
   letters to decision makers (letter.html). bdw-posts.js loads it the first time one of these panels opens
   (so it weighs nothing on a page until then), makes each panel's contents as it first opens, and shares
   its bdwPostLength; bdwCopyText and bdwAnnounce come from bdw.js.
   What a reader types stays in this browser (localStorage): their name and organization once for every
   card ("bdw-profile:v1"), the rest per card and language ("bdw-adapt:v1:<lang>:<card>",
   "bdw-letter:v1:<lang>:<card>"). */
(function () {
  "use strict";

  var LANG = document.documentElement.getAttribute("lang") === "en" ? "en" : "fr";
  var PROFILE_KEY = "bdw-profile:v1";
  var PROFILE = ["sender", "organization"];
  // The Word writer sits beside this script (assets/javascripts/vendor/), whatever the page's depth.
  var DOCX = new URL("vendor/docx.min.js", document.currentScript ? document.currentScript.src : window.location.href).href;

  function load(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || "null") || {}; } catch (e) { return {}; }
  }
  function store(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: not kept */ }
  }
  function forget(key) {
    try { window.localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
  }
  function announce(status, text) {
    if (window.bdwAnnounce) window.bdwAnnounce(status, text); else if (status) status.textContent = text;
  }

  /* The letter, as src/bdw_guide/letters.py `letter_text` writes it (the tests compare the two). */
  function letterText(parts, values) {
    function value(name) { return String(values[name] || "").trim(); }
    function named(name) { return value(name) || parts["blank_" + name]; }
    var organization = value("organization");
    var fact = value("fact");
    var paragraphs = [named("recipient") + "\n" + named("riding"), parts.greeting.replace("{recipient}", named("recipient")),
      organization ? parts.opening_org.replace("{organization}", organization) : parts.opening,
      parts.justice, parts.interest];
    if (fact) paragraphs.push(parts.local.replace("{fact}", fact));
    paragraphs.push(parts.ask);
    if (values.meeting !== false) paragraphs.push(parts.meeting_text);
    paragraphs.push(parts.thanks, parts.signoff + "\n" + named("sender") + (organization ? "\n" + organization : ""));
    return paragraphs.join("\n\n");
  }
  window.bdwLetterText = letterText;

  /* RFC 3986 encoding, as Python's quote(safe=""): encodeURIComponent leaves !'()* as they are. */
  function encode(text) {
    return encodeURIComponent(text).replace(/[!'()*]/g, function (c) {
      return "%" + c.charCodeAt(0).toString(16).toUpperCase();
    });
  }
  function mailto(address, subject, body) {
    return "mailto:" + encode(address.trim()).replace(/%40/g, "@") + "?subject=" + encode(subject) +
      "&body=" + encode(body.replace(/\r\n/g, "\n").replace(/\n/g, "\r\n"));
  }

  function download(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function dated(text) {
    var today = new Intl.DateTimeFormat(LANG + "-CA", { dateStyle: "long" }).format(new Date());
    return today + "\n\n" + text;
  }

  /* The Word writer (docx, vendored in assets/javascripts/vendor) is fetched the first time it is asked for. */
  var docxLoading = null;
  function loadDocx(src) {
    if (window.docx) return Promise.resolve(window.docx);
    if (!docxLoading) {
      docxLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { if (window.docx) resolve(window.docx); else reject(new Error("docx")); };
        script.onerror = function () { docxLoading = null; reject(new Error("docx")); };
        document.head.appendChild(script);
      });
    }
    return docxLoading;
  }

  function wordFile(lib, text, title, author) {
    var paragraphs = text.split("\n\n").map(function (block) {
      return new lib.Paragraph({
        spacing: { after: 200 },
        children: block.split("\n").map(function (line, i) { return new lib.TextRun({ text: line, break: i ? 1 : 0 }); })
      });
    });
    var doc = new lib.Document({
      title: title, creator: author || "", lastModifiedBy: author || "",
      styles: { default: { document: { run: { font: "Calibri", size: 24, language: { value: LANG + "-CA" } } } } },
      sections: [{ children: paragraphs }]
    });
    return lib.Packer.toBlob(doc);
  }

  function setUpLetter(kit) {
    var parts = JSON.parse(kit.getAttribute("data-parts"));
    var key = "bdw-letter:v1:" + LANG + ":" + kit.getAttribute("data-key");
    var fields = kit.querySelector(".bdw-kit__fields");
    var inputs = Array.prototype.slice.call(fields.querySelectorAll("input, textarea"));
    var area = kit.querySelector(".bdw-letter__text");
    var mail = kit.querySelector(".bdw-letter__mail");
    var status = kit.querySelector(".bdw-kit__status");
    var file = kit.getAttribute("data-file");

    function values() {
      var out = {};
      inputs.forEach(function (input) { out[input.name] = input.type === "checkbox" ? input.checked : input.value; });
      return out;
    }
    function show() {
      var current = values();
      area.value = letterText(parts, current);
      mail.href = mailto(current.email || "", parts.subject, area.value);
    }
    function fill() {
      var own = load(key);
      var profile = load(PROFILE_KEY);
      inputs.forEach(function (input) {
        var saved = PROFILE.indexOf(input.name) >= 0 ? profile[input.name] : own[input.name];
        if (input.type === "checkbox") input.checked = saved !== false;
        else if (document.activeElement !== input) input.value = saved || "";
      });
      show();
    }
    function keep() {
      var current = values();
      var own = {};
      var profile = load(PROFILE_KEY);
      inputs.forEach(function (input) {
        if (PROFILE.indexOf(input.name) >= 0) profile[input.name] = current[input.name];
        else own[input.name] = current[input.name];
      });
      store(key, own);
      store(PROFILE_KEY, profile);
    }

    fields.hidden = false;
    fields.addEventListener("input", function (event) {
      keep();
      show();
      if (PROFILE.indexOf(event.target.name) >= 0) document.dispatchEvent(new CustomEvent("bdw-profile"));
    });
    document.addEventListener("bdw-profile", fill);
    kit.bdwRefresh = fill;
    fill();

    var copy = kit.querySelector(".bdw-letter__copy");
    copy.addEventListener("click", function () {
      window.bdwCopyText(area.value).then(function () { announce(status, copy.getAttribute("data-done")); },
        function () { announce(status, copy.getAttribute("data-failed")); });
    });
    kit.querySelector(".bdw-letter__txt").addEventListener("click", function () {
      download(new Blob([dated(area.value).replace(/\n/g, "\r\n")], { type: "text/plain;charset=utf-8" }), file + ".txt");
    });
    var word = kit.querySelector(".bdw-letter__docx");
    word.addEventListener("click", function () {
      var text = dated(area.value);
      loadDocx(DOCX)
        .then(function (lib) { return wordFile(lib, text, parts.subject, values().sender); })
        .then(function (blob) { download(blob, file + ".docx"); }, function () { announce(status, word.getAttribute("data-failed")); });
    });
    var clear = kit.querySelector(".bdw-kit__clear");
    clear.addEventListener("click", function () {
      forget(key);
      forget(PROFILE_KEY);
      fill();
      document.dispatchEvent(new CustomEvent("bdw-profile"));
      announce(status, clear.getAttribute("data-done"));
    });
    kit.querySelectorAll("button[hidden]").forEach(function (button) { button.hidden = false; });
  }

  /* An adapted message, as src/bdw_guide/posts.py `adapted_text` writes it. */
  function adaptedText(message, ask, hashtag, organization, figure, signature) {
    var paragraphs = [message.trim()];
    if (figure.trim()) paragraphs.push(figure.trim());
    paragraphs.push(ask.trim());
    if (organization.trim()) paragraphs.push(signature.replace("{organization}", organization.trim()));
    paragraphs.push(hashtag);
    return paragraphs.filter(Boolean).join("\n\n");
  }
  window.bdwAdaptedText = adaptedText;

  function formatNumber(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, LANG === "fr" ? "\u00a0" : ",");
  }

  function setUpAdapt(kit) {
    var key = "bdw-adapt:v1:" + LANG + ":" + kit.getAttribute("data-key");
    var card = kit.closest(".bdw-card");
    var posts = card && card.querySelector(".bdw-posts");
    var fields = {};
    kit.querySelectorAll(".bdw-kit__fields [name]").forEach(function (input) { fields[input.name] = input; });
    var result = kit.querySelector(".bdw-adapt__result");
    var status = kit.querySelector(".bdw-kit__status");

    function hashtag() {
      return posts ? posts.getAttribute("data-current") || posts.getAttribute("data-tag") : kit.getAttribute("data-tag");
    }
    function show() {
      result.value = adaptedText(fields.message.value, fields.ask.value, hashtag(), fields.organization.value,
        fields.figure.value, kit.getAttribute("data-signature"));
      kit.querySelectorAll(".bdw-adapt__counts li").forEach(function (item) {
        var n = window.bdwPostLength ? window.bdwPostLength(result.value, item.getAttribute("data-platform")) : result.value.length;
        var limit = Number(item.getAttribute("data-limit"));
        var count = item.querySelector(".bdw-adapt__count");
        var text = count.getAttribute("data-template").replace("{count}", formatNumber(n));
        if (n > limit) text += " · " + count.getAttribute("data-over").replace("{over}", formatNumber(n - limit));
        count.textContent = text;
        item.classList.toggle("bdw-adapt--over", n > limit);
        item.setAttribute("data-count", String(n));
      });
    }
    function fill() {
      var own = load(key);
      var profile = load(PROFILE_KEY);
      Object.keys(fields).forEach(function (name) {
        var input = fields[name];
        if (document.activeElement === input) return;
        var saved = name === "organization" ? profile.organization : own[name];
        input.value = typeof saved === "string" ? saved : input.defaultValue;
      });
      show();
    }

    kit.addEventListener("input", function (event) {
      var name = event.target.name;
      if (!fields[name]) return;
      if (name === "organization") {
        var profile = load(PROFILE_KEY);
        profile.organization = event.target.value;
        store(PROFILE_KEY, profile);
        document.dispatchEvent(new CustomEvent("bdw-profile"));
      } else {
        store(key, { message: fields.message.value, ask: fields.ask.value, figure: fields.figure.value });
      }
      show();
    });
    document.addEventListener("bdw-profile", fill);
    if (posts) posts.addEventListener("change", function () { window.setTimeout(show, 0); });

    var copy = kit.querySelector(".bdw-adapt__copy");
    copy.addEventListener("click", function () {
      window.bdwCopyText(result.value).then(function () { announce(status, copy.getAttribute("data-done")); },
        function () { announce(status, copy.getAttribute("data-failed")); });
    });
    var reset = kit.querySelector(".bdw-adapt__reset");
    reset.addEventListener("click", function () {
      forget(key);
      ["message", "ask", "figure"].forEach(function (name) { fields[name].value = fields[name].defaultValue; });
      show();
      announce(status, reset.getAttribute("data-done"));
    });
    fill();
  }

  /* One panel, once, when its contents are there: bdw-posts.js makes them when the panel first opens. */
  function setUpPanel(panel) {
    if (panel.bdwReady || window.bdwPanelWaiting(panel)) return;
    panel.bdwReady = true;
    if (panel.classList.contains("bdw-adapt")) setUpAdapt(panel);
    else if (panel.classList.contains("bdw-letter")) setUpLetter(panel);
  }
  window.bdwSetUpKitPanel = setUpPanel;

  function setUp() {
    document.querySelectorAll(".bdw-adapt, .bdw-letter").forEach(setUpPanel);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
