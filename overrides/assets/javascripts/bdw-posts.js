/* Post drafts on the message cards (post-drafts.html): a live count as each platform counts, a copy
   button, and the choice of hashtag form. Loaded only on pages with cards. The counting rules are those
   of src/bdw_guide/posts.py (where they are cited); tests/test_posts_browser.py checks that this file
   gives the same counts as the core. */
(function () {
  "use strict";

  var SCRIPT = document.currentScript ? document.currentScript.src : window.location.href;
  var URL_LENGTH = 23;
  // X (twitter-text config v3): code points in these ranges weigh 1, every other one 2.
  var X_RANGES = [[0x0000, 0x10FF], [0x2000, 0x200D], [0x2010, 0x201F], [0x2032, 0x2037]];
  var EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;
  // Links: with a scheme or www., or a bare domain on a common ending (X links those too).
  var LINK = /(^|[^\w@.\/-])((?:https?:\/\/|www\.)[^\s<>"«»]+|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:ca|com|org|net|info|io|co|gov|edu|int|quebec|fr|be|ch|uk|us|social|app|dev)(?:\/[^\s<>"«»]*)?)(?![\w-])/gi;
  var SCHEME_LINK = /(^|[^\w@.\/-])(https?:\/\/[^\s<>"«»]+)/gi;
  var TRAILING = /[.,:;!?'"’”»)\]]+$/;
  var MENTION = /(^|[^\w\/@])@(\w+(?:[\w.-]*\w)?)@[\w.-]*\w/g;
  // Made when first needed: making one loads the browser's text-breaking data, a long task on a
  // phone if done while the page loads (drafts are counted only once their panel opens).
  var segmenter;

  function graphemeList(text) {
    if (segmenter === undefined) {
      segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;
    }
    if (!segmenter) return Array.from(text);
    var out = [];
    for (var part of segmenter.segment(text)) out.push(part.segment);
    return out;
  }

  /* Each link replaced by 23 plain characters (its trailing punctuation kept, as the platforms do). */
  function linksAs23(text, pattern) {
    return text.replace(pattern, function (all, before, link) {
      var tail = (link.match(TRAILING) || [""])[0];
      return before + "x".repeat(URL_LENGTH) + tail;
    });
  }

  function xWeight(codePoint) {
    for (var i = 0; i < X_RANGES.length; i++) {
      if (codePoint >= X_RANGES[i][0] && codePoint <= X_RANGES[i][1]) return 1;
    }
    return 2;
  }

  var COUNTERS = {
    x: function (text) {
      var total = 0;
      graphemeList(linksAs23(text.normalize("NFC"), LINK)).forEach(function (g) {
        if (EMOJI.test(g)) { total += 2; return; }
        for (var ch of g) total += xWeight(ch.codePointAt(0));
      });
      return total;
    },
    graphemes: function (text) { return graphemeList(text).length; },
    mastodon: function (text) {
      return graphemeList(linksAs23(text, SCHEME_LINK).replace(MENTION, "$1@$2")).length;
    },
    utf16: function (text) { return text.length; }
  };
  var COUNTING = { x: "x", bluesky: "graphemes", mastodon: "mastodon", linkedin: "utf16", instagram: "utf16", facebook: "utf16" };

  function postLength(text, platform) {
    return COUNTERS[COUNTING[platform]](text.replace(/\r\n?/g, "\n"));
  }
  window.bdwPostLength = postLength; // for the tests, which compare it with the core's count

  function formatNumber(n, lang) {
    var sep = lang === "fr" ? "\u00a0" : ",";
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  }

  /* Copying and announcing are bdw.js's, loaded before this script on every page (one copy of each). */
  var copyText = window.bdwCopyText;
  var announce = window.bdwAnnounce;

  function setUpDraft(box, lang) {
    var area = box.querySelector("textarea");
    var count = box.querySelector(".bdw-post__count");
    var status = box.querySelector(".bdw-post__status");
    var button = box.querySelector(".bdw-post__copy");
    var platform = box.getAttribute("data-platform");
    var limit = Number(box.getAttribute("data-limit"));
    var timer = null;

    function update(speak) {
      var n = postLength(area.value, platform);
      var text = count.getAttribute("data-template").replace("{count}", formatNumber(n, lang));
      var over = n > limit;
      if (over) text += " · " + count.getAttribute("data-over").replace("{over}", formatNumber(n - limit, lang));
      count.textContent = text;
      box.classList.toggle("bdw-post--over", over);
      if (over) { area.setAttribute("aria-invalid", "true"); } else { area.removeAttribute("aria-invalid"); }
      box.setAttribute("data-count", String(n));
      if (speak) {
        // Said once the typing pauses, politely, rather than at every key.
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
          var said = count.getAttribute("data-status").replace("{count}", formatNumber(n, lang));
          announce(status, over ? said + " · " + count.getAttribute("data-over").replace("{over}", formatNumber(n - limit, lang)) : said);
        }, 700);
      }
    }

    area.addEventListener("input", function () { update(true); });
    box.bdwUpdate = update;
    update(false);

    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(area.value).then(function () {
        button.textContent = button.getAttribute("data-done");
        announce(status, button.getAttribute("data-done"));
        window.setTimeout(function () { button.textContent = label; }, 2500);
      }, function () {
        announce(status, button.getAttribute("data-failed"));
      });
    });
  }

  /* The hashtag form chosen on one card applies to every card of the page: the drafts already made are
     changed at once; the others take it when their panel first opens (useTag in setUpKit). */
  function useTag(kit, tag) {
    var current = kit.getAttribute("data-shown") || kit.getAttribute("data-tag");
    if (current === tag) return;
    kit.querySelectorAll(".bdw-post").forEach(function (box) {
      var area = box.querySelector("textarea");
      area.value = area.value.split(current).join(tag);
      if (box.bdwUpdate) box.bdwUpdate(false);
    });
    kit.querySelectorAll(".bdw-posts__choice input").forEach(function (input) {
      input.checked = input.value === tag;
    });
    kit.setAttribute("data-shown", tag);
  }

  function chooseTag(tag) {
    document.querySelectorAll(".bdw-posts").forEach(function (kit) {
      kit.setAttribute("data-current", tag); // read by bdw-kit.js for the adapted message
      if (!waiting(kit)) useTag(kit, tag);
    });
  }

  /* A panel's contents arrive as the text of a <noscript> (later.html says why): made into elements the
     first time the panel opens. The text is our templates' own output, in which contributed text is
     already escaped; a <template> parses it inert, as the page's parser would have. */
  function waiting(panel) {
    return panel.querySelector(":scope > noscript.bdw-later");
  }
  window.bdwPanelWaiting = waiting; // for bdw-kit.js, which sets up a panel once it is made

  function fill(panel) {
    var later = waiting(panel);
    if (!later) return;
    var template = document.createElement("template");
    template.innerHTML = later.textContent;
    later.replaceWith(template.content);
  }

  /* The rest of the card's kit (adapting a message, letters: bdw-kit.js and bdw-kit.css) loads the first
     time one of its panels opens, so it adds nothing to a page until someone asks for it. */
  var kitLoaded = false;
  function openKit(panel) {
    fill(panel);
    if (window.bdwSetUpKitPanel) window.bdwSetUpKitPanel(panel); // the script is here: this panel only
    else loadKit(); // the script sets up every panel filled by the time it runs
  }
  function loadKit() {
    if (kitLoaded) return;
    kitLoaded = true;
    var script = document.createElement("script");
    script.src = new URL("bdw-kit.js", SCRIPT).href;
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = new URL("../stylesheets/bdw-kit.css", SCRIPT).href;
    // The script reveals the fields: only once they are styled.
    style.onload = style.onerror = function () { document.head.appendChild(script); };
    document.head.appendChild(style);
  }

  function setUp() {
    var lang = document.documentElement.getAttribute("lang") === "en" ? "en" : "fr";
    document.querySelectorAll(".bdw-kit").forEach(function (panel) {
      panel.hidden = false; // "Adapt this message" works only with the script: shown by it
      if (panel.open) { openKit(panel); return; }
      panel.addEventListener("toggle", function () { if (panel.open) openKit(panel); });
    });
    /* Each card's drafts are made and set up the first time they open: counting the 24 drafts of a page
       at load was a long task on a phone, for panels most readers never open. */
    document.querySelectorAll(".bdw-posts").forEach(function (kit) {
      if (kit.open) { setUpKit(kit, lang); return; }
      kit.addEventListener("toggle", function first() {
        if (!kit.open) return;
        kit.removeEventListener("toggle", first);
        setUpKit(kit, lang);
      });
    });
  }

  function setUpKit(kit, lang) {
    fill(kit);
    var chosen = kit.getAttribute("data-current");
    if (chosen) useTag(kit, chosen);
    kit.querySelectorAll(".bdw-post").forEach(function (box) { setUpDraft(box, lang); });
    var choice = kit.querySelector(".bdw-posts__choice");
    if (!choice) return;
    choice.hidden = false;
    var status = kit.querySelector(".bdw-posts__status");
    choice.addEventListener("change", function (event) {
      if (!event.target.matches("input[type=radio]")) return;
      chooseTag(event.target.value);
      announce(status, status.getAttribute("data-template").replace("{tag}", event.target.value));
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
