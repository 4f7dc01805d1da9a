/* Kerberus portal shell behaviour. Vanilla JS, loaded with defer; all handlers
   are delegated on document so they keep working on htmx-swapped content. */
(function () {
  'use strict';
  var doc = document;
  var body = function () { return doc.body; };

  function csrfToken() {
    var meta = doc.querySelector('meta[name="csrf-token"]');
    return meta && meta.content ? meta.content : '';
  }

  // 0. For plugin scripts (loaded after this one): load a library script once, on demand
  var loadedScripts = {};
  window.Kerberus = window.Kerberus || {};
  window.Kerberus.loadScript = function (src) {
    if (!loadedScripts[src]) {
      loadedScripts[src] = new Promise(function (resolve, reject) {
        var script = doc.createElement('script');
        script.src = src;
        script.onload = resolve;
        script.onerror = function () { reject(new Error('Could not load ' + src)); };
        doc.head.appendChild(script);
      });
    }
    return loadedScripts[src];
  };

  // 1. CSRF header on every htmx request
  doc.addEventListener('htmx:configRequest', function (e) {
    var token = csrfToken();
    if (token && e.detail && e.detail.headers) e.detail.headers['X-CSRF-Token'] = token;
  });

  // 2. Theme toggle without a page reload
  function applyTheme(button, theme) {
    doc.documentElement.dataset.theme = theme;
    if (!button) return;
    var next = theme === 'dark' ? 'light' : 'dark';
    var label = 'Switch to ' + next + ' theme';
    button.value = next;
    button.setAttribute('aria-label', label);
    button.title = label;
    var use = button.querySelector('use');
    if (use) {
      var href = use.getAttribute('href') || use.getAttribute('xlink:href') || '';
      use.setAttribute('href', href.replace(/#.*$/, '') + '#' + (next === 'dark' ? 'moon' : 'sun'));
    }
  }

  doc.addEventListener('submit', function (e) {
    var form = e.target;
    if (!(form instanceof HTMLFormElement) || !form.matches('form.theme-toggle') || !window.fetch) return;
    e.preventDefault();
    var button = (e.submitter && form.contains(e.submitter)) ? e.submitter : form.querySelector('button[name="theme"]');
    var data = new FormData(form);
    if (button && button.name) data.set(button.name, button.value);
    var theme = String(data.get('theme') || '');
    var token = csrfToken() || String(data.get('_csrf') || '');
    fetch(form.action, {
      method: 'POST', body: data, credentials: 'same-origin', redirect: 'manual',
      headers: token ? { 'X-CSRF-Token': token } : {}
    }).then(function (res) {
      if (res.type !== 'opaqueredirect' && !res.ok) throw new Error('HTTP ' + res.status);
      applyTheme(button, theme);
    }).catch(function () {
      // Fall back to a normal form post (form.submit() skips this handler and the button value).
      var input = doc.createElement('input');
      input.type = 'hidden'; input.name = 'theme'; input.value = theme;
      form.appendChild(input);
      form.submit();
    });
  });

  // 3. Mobile navigation drawer
  function setNav(open, restoreFocus) {
    body().classList.toggle('nav-open', open);
    var toggles = doc.querySelectorAll('.nav-toggle');
    toggles.forEach(function (t) { t.setAttribute('aria-expanded', String(open)); });
    if (open) {
      var first = doc.querySelector('#sidebar a');
      if (first) setTimeout(function () { first.focus(); }, 50);
    } else if (restoreFocus && toggles[0]) {
      toggles[0].focus();
    }
  }
  var wide = window.matchMedia ? window.matchMedia('(min-width: 800px)') : null;
  if (wide && wide.addEventListener) wide.addEventListener('change', function (m) { if (m.matches) setNav(false); });

  // 4. User menu: close on outside click
  function closeMenus(except, restoreFocus) {
    doc.querySelectorAll('details.user-menu[open]').forEach(function (d) {
      if (d === except) return;
      d.open = false;
      var summary = d.querySelector('summary');
      if (restoreFocus && summary) summary.focus();
    });
  }

  doc.addEventListener('click', function (e) {
    var target = e.target instanceof Element ? e.target : null;
    if (!target) return;
    closeMenus(target.closest('details.user-menu'), false);
    if (target.closest('.nav-toggle')) {
      setNav(!body().classList.contains('nav-open'), false);
    } else if (body().classList.contains('nav-open') &&
               (!target.closest('.sidebar') || target.closest('.sidebar a'))) {
      setNav(false, false); // backdrop / outside click, or a nav link was followed
    }
  });

  // 4/5. Escape closes overlays; "/" focuses the search box
  function isTyping(el) {
    if (!el || el === doc.body) return false;
    return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
  }

  doc.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') {
      if (doc.querySelector('details.user-menu[open]')) closeMenus(null, true);
      else if (body().classList.contains('nav-open')) setNav(false, true);
      return;
    }
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.defaultPrevented) return;
    if (isTyping(doc.activeElement)) return;
    var search = doc.querySelector('[data-search-input]');
    if (!search) return;
    e.preventDefault();
    search.focus();
    if (typeof search.select === 'function') search.select();
  });
})();
