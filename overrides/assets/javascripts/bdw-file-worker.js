/* Search in the offline copy, opened from a folder (file://).
 *
 * Chromium refuses to start a Web Worker from a file, so the theme's search worker never starts and
 * the theme hides the search box. This stands in for `Worker` there: a hidden frame of the same page
 * runs the same worker script, and messages go back and forth as events. It is the approach of
 * Material's own shim (npm iframe-worker, which Material's offline plugin loads from a CDN), without
 * that shim's inline script, which the pages' Content-Security-Policy rightly refuses.
 *
 * Loaded only by the offline copy (the build adds it to `extra.polyfills`), and does nothing unless
 * the page really is a file. The theme's worker finds its language files next to the first script
 * of the frame once `IFrameWorker` exists on the page, so the worker script is that first script.
 */
(function () {
  "use strict";
  if (window.location.protocol !== "file:") return;

  function addScript(doc, src) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("cannot load " + src)); };
      doc.body.appendChild(script);
    });
  }

  class FileWorker extends EventTarget {
    constructor(url) {
      super();
      var worker = this;
      this.onmessage = null;
      this.onerror = null;
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      this.frame.setAttribute("aria-hidden", "true");
      this.frame.tabIndex = -1;
      document.body.appendChild(this.frame);
      var scope = this.frame.contentWindow;
      var doc = this.frame.contentDocument;
      // What a worker script calls: postMessage answers the page; importScripts loads in order.
      scope.postMessage = function (data) {
        Promise.resolve().then(function () { worker.emit("message", new MessageEvent("message", { data: data })); });
      };
      scope.importScripts = function () {
        var urls = Array.prototype.slice.call(arguments);
        return urls.reduce(function (done, src) {
          return done.then(function () { return addScript(doc, new URL(src, doc.baseURI).href); });
        }, Promise.resolve());
      };
      this.ready = addScript(doc, new URL(url, document.baseURI).href).catch(function (error) {
        worker.emit("error", new ErrorEvent("error", { message: error.message, error: error }));
        throw error;
      });
    }

    emit(type, event) {
      this.dispatchEvent(event);
      var handler = this["on" + type];
      if (typeof handler === "function") handler.call(this, event);
    }

    postMessage(data) {
      var scope = this.frame.contentWindow;
      this.ready.then(function () {
        scope.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
      }, function () {});
    }

    terminate() {
      this.frame.remove();
    }
  }

  window.IFrameWorker = FileWorker;
  window.Worker = FileWorker;
})();
