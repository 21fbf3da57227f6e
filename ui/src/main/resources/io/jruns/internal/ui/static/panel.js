// jruns ui: keeps the notebook's runs panel (/panel/<id>) fresh. Every 3 s it asks for a
// fingerprint of the runs shown and, when it changed (or a minute passed, so "2 minutes ago"
// stays true), swaps in the new table. A stopped server or a lost cookie stops the polling.
"use strict";
(function () {
  const body = document.body;
  const state = document.getElementById("panel-state");
  let stamp = body.dataset.stamp;
  let swapped = Date.now();

  async function swap(next) {
    const r = await fetch(body.dataset.tableUrl, {cache: "no-store"});
    if (!r.ok) return false;
    document.getElementById("panel-body").innerHTML = await r.text();
    stamp = next;
    swapped = Date.now();
    body.dataset.stamp = next;
    return true;
  }

  async function poll() {
    try {
      const r = await fetch(body.dataset.stampUrl, {cache: "no-store"});
      if (!r.ok) {
        state.textContent = r.status === 401 ? "signed out: open the UI's link" : "not updating (" + r.status + ")";
        return;
      }
      const next = (await r.text()).trim();
      if (next !== stamp || Date.now() - swapped > 60000) await swap(next);
    } catch (e) {
      state.textContent = "not updating: the UI stopped";
      return;
    }
    setTimeout(poll, 3000);
  }

  setTimeout(poll, 3000);
})();
