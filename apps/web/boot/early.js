/* global window, location */
/*
 * Runs before the app's bundle is even parsed (a classic script in index.html's head; the bundle
 * takes a few hundred milliseconds to parse and evaluate): a page opened signed in renews its
 * session from the refresh cookie at once, and the matrix page (the largest answer, up to 36,000
 * cells) requests its matrix as soon as the renewal answers. The app takes both answers
 * (src/api/client.ts, src/api/early.ts); anything unexpected here leaves the app to do it itself.
 * The renewal holds the same Web Lock as the app's, one tab at a time (client.ts).
 */
(function () {
  try {
    var stored = JSON.parse(localStorage.getItem('bunkai.session') || 'null');
    if (!stored || !stored.user || !stored.organization || !navigator.locks) return;
    var early = {};
    early.renewal = new Promise(function (resolve) {
      navigator.locks
        .request('bunkai.session.refresh', function () {
          return fetch('/api/v1/auth/session/refresh', { method: 'POST', credentials: 'same-origin' }).then(function (res) {
            return (res.ok ? res.json() : Promise.resolve(null)).then(function (body) {
              resolve({ status: res.status, body: body });
            });
          });
        })
        .catch(function () {
          resolve(null);
        });
    });
    // Only the unfiltered matrix: its address is known here without the app's filter code.
    var m = /^\/engagements\/([0-9a-f-]{36})\/matrix$/.exec(location.pathname);
    var filtered = /(^|[?&])(party|phase|category|status|finding|view)=/.test(location.search);
    if (m && !filtered) {
      var url = '/api/v1/engagements/' + m[1] + '/cells/compact';
      early.matrix = {
        url: url,
        body: early.renewal.then(function (r) {
          if (!r || !r.body || !r.body.accessToken) return null;
          return fetch(url, { headers: { accept: 'application/json', authorization: 'Bearer ' + r.body.accessToken } }).then(function (res) {
            return res.ok ? res.json() : null;
          });
        }).catch(function () {
          return null;
        }),
      };
    }
    window.__bunkaiEarly = early;
  } catch {
    // storage or JSON unavailable: the app renews on its first request
  }
})();
