// jruns ui: the pages' one script. Loaded with `defer` from our own origin (the CSP allows no other).
"use strict";
(function () {
  const csrf = document.querySelector('meta[name="jruns-csrf"]');
  window.jruns = {
    csrf: csrf ? csrf.content : "",
  };
})();
