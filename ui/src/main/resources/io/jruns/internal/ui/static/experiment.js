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
  const del = document.getElementById("jr-delete");
  const restore = document.getElementById("jr-restore");
  // a deleted run's row is marked jr-deleted: Delete takes the active runs ticked, Restore the deleted ones
  const deleted = (b) => { const row = b.closest("tr"); return row !== null && row.classList.contains("jr-deleted"); };
  const shown = document.getElementById("jr-selected");
  const csv = document.querySelector("a.jr-csv");

  function update() {
    const ticked = boxes().filter((b) => b.checked);
    const n = ticked.length;
    const gone = ticked.filter(deleted).length;
    if (compare) compare.disabled = n === 0;
    if (del) {
      del.disabled = n - gone === 0;
      del.title = n > 0 && n === gone ? "the ticked runs are deleted already" : "";
    }
    if (restore) {
      restore.disabled = gone === 0;
      restore.title = n > 0 && gone === 0 ? "only deleted runs can be restored: the ticked runs are active" : "";
    }
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
