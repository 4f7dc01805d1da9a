// Scaffolder pages: re-render a form step when a field that changes the form changes, and follow a
// running task's events (the API's event stream) on its page. Everything works without it, with reloads.
(function () {
  'use strict';

  document.addEventListener('change', function (event) {
    var field = event.target.closest && event.target.closest('[data-form-refresh]');
    var form = field && field.form;
    if (!form || !form.hasAttribute('data-wizard')) return;
    var action = document.createElement('input');
    action.type = 'hidden';
    action.name = '_action';
    action.value = 'refresh';
    form.appendChild(action);
    form.submit();
  });

  function follow(view) {
    var id = view.getAttribute('data-task-id');
    var last = Number(view.getAttribute('data-last-event') || '0');
    var log = document.getElementById('task-log');
    var source = new EventSource('/api/scaffolder/v2/tasks/' + encodeURIComponent(id) + '/eventstream?after=' + last);
    function onEvent(message) {
      var event;
      try { event = JSON.parse(message.data); } catch (e) { return; }
      if (event.id <= last) return;
      last = event.id;
      view.setAttribute('data-last-event', String(last));
      var body = event.body || {};
      var line = (body.stepId ? '[' + body.stepId + '] ' : '') + (body.message || '');
      var atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
      log.appendChild(document.createTextNode(line + '\n'));
      if (atBottom) log.scrollTop = log.scrollHeight;
      if (body.stepId && body.status) {
        var step = view.querySelector('[data-step-id="' + CSS.escape(body.stepId) + '"]');
        if (step) {
          step.setAttribute('data-status', body.status);
          step.querySelector('.step-status').textContent = body.status;
        }
      }
      if (message.type === 'completion' || message.type === 'cancelled') {
        source.close();
        window.location.reload();
      }
    }
    ['log', 'completion', 'cancelled', 'recovered'].forEach(function (type) { source.addEventListener(type, onEvent); });
    source.onerror = function () {
      // the server ends the stream once the task has ended and every event is out: show the final state
      fetch('/api/scaffolder/v2/tasks/' + encodeURIComponent(id), { credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (task) {
          if (task && ['completed', 'failed', 'cancelled'].indexOf(task.status) >= 0) {
            source.close();
            window.location.reload();
          }
        })
        .catch(function () { /* offline for a moment: EventSource retries by itself */ });
    };
  }

  function init(root) {
    var view = root.id === 'task' ? root : (root.querySelector ? root.querySelector('#task') : null);
    if (!view || view.hasAttribute('data-following')) return;
    var status = view.getAttribute('data-task-status');
    if (status === 'open' || status === 'processing') {
      view.setAttribute('data-following', '');
      follow(view);
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { init(document); });
  } else {
    init(document);
  }
  document.addEventListener('htmx:afterSwap', function (e) { init(e.target || document); });
})();
