// jruns ui: the run and notebook pages' script (copy buttons, chart hover values).
// Loaded with `defer` from our own origin: the CSP runs no inline script.
"use strict";
(function () {
  // Copy buttons: data-copy names the element whose text is copied.
  document.querySelectorAll("button.jr-copy[data-copy]").forEach(function (btn) {
    btn.addEventListener("click", function () {
      const src = document.getElementById(btn.getAttribute("data-copy"));
      if (!src) return;
      const done = function (label) {
        btn.textContent = label;
        setTimeout(function () { btn.textContent = "Copy"; }, 1500);
      };
      const selectIt = function () {
        const range = document.createRange();
        range.selectNodeContents(src);
        const sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        done("Press Ctrl+C");
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(src.textContent).then(function () { done("Copied"); }, selectIt);
      } else {
        selectIt();
      }
    });
  });

  // Chart hover: the point nearest the mouse across, from the chart's data-pts (px,py,step,time,value;...).
  function points(svg) {
    if (!svg._pts) {
      svg._pts = (svg.getAttribute("data-pts") || "").split(";").filter(Boolean).map(function (p) {
        const f = p.split(",");
        return { px: +f[0], py: +f[1], step: f[2], time: +f[3], value: f[4] };
      });
    }
    return svg._pts;
  }
  function nearest(pts, x) {
    let lo = 0, hi = pts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pts[mid].px < x) lo = mid + 1; else hi = mid;
    }
    if (lo > 0 && Math.abs(pts[lo - 1].px - x) <= Math.abs(pts[lo].px - x)) lo--;
    return pts[lo];
  }
  document.querySelectorAll("svg.jr-chart-svg").forEach(function (svg) {
    const hover = svg.querySelector("g.jr-hover");
    if (!hover) return;
    const line = hover.querySelector("line"), dot = hover.querySelector("circle"), label = hover.querySelector("text");
    const box = (svg.getAttribute("data-box") || "0,0,0,0").split(",").map(Number);
    svg.addEventListener("mousemove", function (e) {
      const pts = points(svg);
      if (!pts.length) return;
      const r = svg.getBoundingClientRect();
      const x = (e.clientX - r.left) * (svg.viewBox.baseVal.width / r.width);
      const p = nearest(pts, x);
      line.setAttribute("x1", p.px); line.setAttribute("x2", p.px);
      dot.setAttribute("cx", p.px); dot.setAttribute("cy", p.py);
      const when = new Date(p.time).toLocaleString();
      label.textContent = "step " + p.step + " · " + Number(p.value).toPrecision(6) + " · " + when;
      const right = p.px > box[0] + box[2] / 2;
      label.setAttribute("x", right ? p.px - 6 : p.px + 6);
      label.setAttribute("y", box[1] + 10);
      label.setAttribute("text-anchor", right ? "end" : "start");
      hover.setAttribute("visibility", "visible");
    });
    svg.addEventListener("mouseleave", function () { hover.setAttribute("visibility", "hidden"); });
  });
})();
