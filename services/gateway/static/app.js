// Mercato storefront: progressive enhancement only. Every page works without this file; with it,
// order statuses update live, the sort menu applies itself, and the assistant's review summary
// appears when that service answers. No markup is built from strings: text goes in as text.
(function () {
  'use strict';

  var FINAL = { failed: true, delivered: true };
  var LABELS = { pending: 'Processing', confirmed: 'Confirmed', failed: 'Failed', shipped: 'Shipped', delivered: 'Delivered' };

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } }).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.json();
    });
  }

  // Live order status: poll while an order is still moving, slower as time passes, stop when it
  // is final or the tab has been open a long time.
  function watchOrder(el) {
    var id = el.getAttribute('data-live-order');
    if (!/^[0-9a-f-]{36}$/i.test(id)) return;
    var delay = 1500;
    var started = Date.now();
    function tick() {
      if (document.hidden) return setTimeout(tick, delay);
      getJson('/api/v1/orders/' + id)
        .then(function (body) {
          var order = body.order;
          var badge = el.querySelector('[data-status-text]');
          if (badge && order.status) {
            badge.textContent = LABELS[order.status] || order.status;
            badge.className = 'status status-' + order.status;
          }
          var shipment = el.querySelector('[data-shipment-text]');
          if (shipment && order.shipment_status) shipment.textContent = order.shipment_status.replace(/_/g, ' ');
          if (FINAL[order.status]) return;
          schedule();
        })
        .catch(schedule);
    }
    function schedule() {
      if (Date.now() - started > 10 * 60 * 1000) return;
      delay = Math.min(delay * 1.3, 15000);
      setTimeout(tick, delay);
    }
    setTimeout(tick, delay);
  }

  function listOf(items) {
    var ul = document.createElement('ul');
    ul.className = 'summary-list';
    items.forEach(function (text) {
      var li = document.createElement('li');
      li.textContent = text;
      ul.appendChild(li);
    });
    return ul;
  }

  function loadSummary(section) {
    var id = section.getAttribute('data-review-summary');
    getJson('/api/v1/products/' + encodeURIComponent(id) + '/review-summary')
      .then(function (body) {
        var s = body.summary;
        if (!s || !s.overall) return;
        var target = section.querySelector('[data-summary-body]');
        var p = document.createElement('p');
        p.textContent = s.overall;
        target.appendChild(p);
        if (s.pros && s.pros.length) {
          var h = document.createElement('h3');
          h.textContent = 'Liked';
          target.appendChild(h);
          target.appendChild(listOf(s.pros));
        }
        if (s.cons && s.cons.length) {
          var h2 = document.createElement('h3');
          h2.textContent = 'Disliked';
          target.appendChild(h2);
          target.appendChild(listOf(s.cons));
        }
        section.hidden = false;
      })
      .catch(function () {
        /* The summary is optional: without it the page is complete. */
      });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-live-order]'), watchOrder);
    Array.prototype.forEach.call(document.querySelectorAll('[data-review-summary]'), loadSummary);
    Array.prototype.forEach.call(document.querySelectorAll('select[data-autosubmit]'), function (select) {
      select.addEventListener('change', function () {
        select.form.submit();
      });
    });
    // A double click on "Place order" must not send the form twice (the idempotency key would
    // make it harmless, but the shopper would wait twice).
    Array.prototype.forEach.call(document.querySelectorAll('form'), function (form) {
      form.addEventListener('submit', function (event) {
        var button = event.submitter;
        if (form.getAttribute('data-submitting') === '1') {
          event.preventDefault();
          return;
        }
        if (button && button.value === 'place') form.setAttribute('data-submitting', '1');
      });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
