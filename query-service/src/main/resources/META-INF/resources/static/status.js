// The status page's progressive enhancement. Without this file every page works (server-rendered tables, forms that
// submit); with it:
//  - live: the page follows GET /api/v1/stream (Server-Sent Events) from the change it was rendered at
//    (<body data-after>), and when a change concerns it, fetches itself again and swaps the parts marked data-live,
//    without a reload; the change is announced to screen readers through the #live status line;
//  - the platform and status filters apply as soon as they change.
// No inline script anywhere: the Content-Security-Policy (default-src 'self') forbids it.
(function () {
  'use strict';

  var body = document.body;
  var live = document.getElementById('live');
  var scope = body.dataset.scope || 'world';
  var refreshing = false;
  var pending = [];

  function concerns(stream) {
    if (scope === 'world') {
      return true;
    }
    var kind = scope.slice(0, scope.indexOf(':'));
    var value = scope.slice(scope.indexOf(':') + 1);
    var parts = stream.split('/');
    return kind === 'country' ? parts[0] === value : parts[1] === value;
  }

  function say(state, text) {
    live.dataset.state = state;
    live.textContent = text;
  }

  function time(iso) {
    var d = iso ? new Date(iso) : new Date();
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  // Swaps each data-live part for its fresh version; keeps keyboard focus on the same link when it is still there.
  function swap(fresh) {
    var focused = document.activeElement;
    var focusHref = focused && focused.getAttribute ? focused.getAttribute('href') : null;
    document.querySelectorAll('[data-live][id]').forEach(function (old) {
      var next = fresh.getElementById(old.id);
      if (next) {
        old.replaceWith(document.importNode(next, true));
      }
    });
    if (focusHref && !document.body.contains(focused)) {
      var again = document.querySelector('[data-live] [href="' + CSS.escape(focusHref) + '"]');
      if (again) {
        again.focus();
      }
    }
  }

  function flash(changes) {
    changes.forEach(function (change) {
      var parts = change.stream.split('/');
      var selector = scope.indexOf('country:') === 0
          ? '[data-platform="' + CSS.escape(parts[1]) + '"]'
          : '[data-country="' + CSS.escape(parts[0]) + '"]';
      document.querySelectorAll('tr' + selector + ', a.country' + selector).forEach(function (el) {
        el.classList.add('flash');
      });
    });
  }

  function refresh() {
    if (refreshing || pending.length === 0) {
      return;
    }
    refreshing = true;
    var changes = pending;
    pending = [];
    fetch(window.location.href, { headers: { Accept: 'text/html' }, cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        swap(fresh);
        flash(changes);
        body.dataset.after = fresh.body.dataset.after || body.dataset.after;
        var last = changes[changes.length - 1];
        say('open', 'Live · updated ' + time(last.changedAt) + ': ' + last.stream + ' is now '
          + last.status.charAt(0) + last.status.slice(1).toLowerCase());
      })
      .catch(function () {
        pending = changes.concat(pending);
        say('error', 'Live · could not refresh; retrying');
        window.setTimeout(refresh, 3000);
      })
      .then(function () {
        refreshing = false;
        if (pending.length > 0) {
          window.setTimeout(refresh, 200);
        }
      });
  }

  var source = null;

  function follow() {
    if (!window.EventSource) {
      return;
    }
    // ?after= resumes exactly after what the page shows; on reconnect EventSource sends Last-Event-ID, which wins.
    source = new EventSource('/api/v1/stream?after=' + encodeURIComponent(body.dataset.after || '0'));
    source.addEventListener('open', function () {
      say('open', 'Live · updates appear here as they are recorded');
    });
    source.addEventListener('error', function () {
      say('error', 'Live · reconnecting…');
    });
    source.addEventListener('status', function (message) {
      var change = JSON.parse(message.data);
      if (concerns(change.stream)) {
        pending.push(change);
        window.setTimeout(refresh, 150);
      }
    });
  }

  function autoApplyFilters() {
    document.querySelectorAll('form.filters select').forEach(function (select) {
      select.addEventListener('change', function () {
        select.form.requestSubmit();
      });
    });
  }

  // A page left for another keeps its stream open while the browser holds it in its back/forward cache, and a
  // browser has only six connections per server over HTTP/1.1: close it when the page is hidden, and when the page
  // is shown again, resume after what it shows (the changes in between refresh it).
  window.addEventListener('pagehide', function () {
    if (source) {
      source.close();
      source = null;
    }
  });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && !source) {
      follow();
    }
  });

  autoApplyFilters();
  follow();
}());
