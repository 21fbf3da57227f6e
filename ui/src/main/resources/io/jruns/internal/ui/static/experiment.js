// jruns ui: the experiment page's selection (Compare, Delete, Restore, select all). Loaded with `defer`.
"use strict";
(function () {
  // The "Deleted N runs" notice is the answer to one POST: drop its count from the address, so a
  // reload or a bookmark of this page does not say it again.
  const url = new URL(window.location.href);
  if (["deleted", "restored", "none"].some((k) => url.searchParams.has(k))) {
    ["deleted", "restored", "none"].forEach((k) => url.searchParams.delete(k));
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
  }
  const form = document.getElementById("jr-runs-form");
  if (!form) return;
  const boxes = () => Array.from(form.querySelectorAll("input.jr-sel"));
  const chosen = () => boxes().filter((b) => b.checked).map((b) => b.value);
  const all = form.querySelector("input.jr-all");
  const compare = document.getElementById("jr-compare");
  const buttons = [compare, document.getElementById("jr-delete"), document.getElementById("jr-restore")];
  const shown = document.getElementById("jr-selected");
  const csv = document.querySelector("a.jr-csv");

  function update() {
    const n = chosen().length;
    buttons.forEach((b) => { if (b) b.disabled = n === 0; });
    if (shown) shown.textContent = n === 0 ? "" : n === 1 ? "1 run selected" : n + " runs selected";
    if (all) all.checked = n > 0 && n === boxes().length;
    if (csv) {
      // ticked runs: the CSV is of them alone, as in the reference; none ticked: every run selected by the filter
      const href = csv.dataset.href;
      csv.href = n === 0 ? href : href + (href.includes("?") ? "&" : "?") + "runs=" + chosen().map(encodeURIComponent).join(",");
      csv.textContent = n === 0 ? "Download CSV" : "Download CSV (" + n + " selected)";
    }
  }

  if (all) {
    all.addEventListener("change", () => {
      boxes().forEach((b) => { b.checked = all.checked; });
      update();
    });
  }
  form.addEventListener("change", (e) => { if (e.target !== all) update(); });
  if (compare) {
    compare.addEventListener("click", () => {
      const ids = chosen();
      if (ids.length > 0) window.location.href = "/compare?runs=" + ids.map(encodeURIComponent).join(",");
    });
  }
  update();
})();
