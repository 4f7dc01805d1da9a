/* Kerberus TechDocs reader: loads highlight.js for code blocks and Mermaid for diagrams on demand,
   from the webjars the portal serves, only on pages that have them. Content tabs and collapsible
   admonitions are plain HTML and CSS and need no script. */
(function () {
  'use strict';
  function loadScript(src) {
    return window.Kerberus.loadScript(src);
  }

  function config(root) {
    var host = root.querySelector ? root.querySelector('[data-techdocs-assets]') : null;
    host = host || document.querySelector('[data-techdocs-assets]');
    return host ? JSON.parse(host.getAttribute('data-techdocs-assets')) : null;
  }

  function highlight(root, urls) {
    var blocks = root.querySelectorAll('.techdocs-content pre > code:not([data-highlighted])');
    if (!blocks.length) return;
    loadScript(urls.highlight).then(function () {
      blocks.forEach(function (code) {
        if (window.hljs && code.textContent.length < 500000) window.hljs.highlightElement(code);
      });
    }).catch(function () { /* plain code stays readable */ });
  }

  function mermaid(root, urls) {
    var diagrams = root.querySelectorAll('.techdocs-content pre.mermaid:not([data-processed])');
    if (!diagrams.length) return;
    loadScript(urls.mermaid).then(function () {
      var dark = document.documentElement.getAttribute('data-theme') === 'dark';
      window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
      return window.mermaid.run({ nodes: diagrams });
    }).catch(function (e) {
      diagrams.forEach(function (pre) { pre.setAttribute('title', 'Diagram could not be drawn: ' + e.message); });
    });
  }

  function init(root) {
    var urls = config(root);
    if (!urls) return;
    highlight(root, urls);
    mermaid(root, urls);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { init(document); });
  } else {
    init(document);
  }
  document.addEventListener('htmx:afterSwap', function (e) { init(e.target || document); });
})();
