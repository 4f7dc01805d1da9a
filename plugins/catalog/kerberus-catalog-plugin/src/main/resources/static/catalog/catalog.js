/* Kerberus catalog pages: loads the OpenAPI viewer (Swagger UI) and the code highlighter (highlight.js)
   on demand, from the webjars the portal serves, only where a page has an API definition. */
(function () {
  'use strict';
  function loadScript(src) {
    return window.Kerberus.loadScript(src);
  }

  function loadStylesheet(href) {
    if (document.querySelector('link[data-catalog-css="' + href + '"]')) return;
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.setAttribute('data-catalog-css', href);
    document.head.appendChild(link);
  }

  function showError(host, message) {
    host.textContent = '';
    var p = document.createElement('p');
    p.className = 'error-panel';
    p.setAttribute('role', 'alert');
    p.textContent = message;
    host.appendChild(p);
  }

  function swagger(root) {
    root.querySelectorAll('[data-swagger-url]:not([data-ready])').forEach(function (host) {
      host.setAttribute('data-ready', 'true');
      loadStylesheet(host.getAttribute('data-swagger-css'));
      loadScript(host.getAttribute('data-swagger-js')).then(function () {
        host.textContent = '';
        window.SwaggerUIBundle({
          url: host.getAttribute('data-swagger-url'),
          domNode: host,
          deepLinking: false,
          docExpansion: 'list',
          defaultModelsExpandDepth: 0,
          supportedSubmitMethods: [],
          validatorUrl: null
        });
      }).catch(function (e) { showError(host, e.message + '; the raw definition is below.'); });
    });
  }

  function highlight(root) {
    root.querySelectorAll('pre[data-highlight-js]:not([data-ready])').forEach(function (pre) {
      pre.setAttribute('data-ready', 'true');
      loadScript(pre.getAttribute('data-highlight-js')).then(function () {
        var code = pre.querySelector('code');
        if (code && window.hljs && code.textContent.length < 2000000) window.hljs.highlightElement(code);
      }).catch(function () { /* plain text stays readable */ });
    });
  }

  function init(root) {
    swagger(root);
    highlight(root);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { init(document); });
  } else {
    init(document);
  }
  document.addEventListener('htmx:afterSwap', function (e) { init(e.target || document); });
})();
