// Draws every plotly figure on the page: <div data-diagram="id-of-json-script">.
// The figure JSON comes from Django's json_script; no inline scripts (CSP).
(function () {
  "use strict";
  function rita(rot) {
    (rot || document).querySelectorAll("[data-diagram]").forEach(function (el) {
      if (el.dataset.ritad) return;
      var data = document.getElementById(el.dataset.diagram);
      if (!data || !window.Plotly) return;
      var figur = JSON.parse(data.textContent);
      window.Plotly.newPlot(el, figur.data, figur.layout, {
        displaylogo: false,
        responsive: true,
        modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"],
      });
      el.dataset.ritad = "1";
    });
  }
  document.addEventListener("DOMContentLoaded", function () { rita(); });
  document.addEventListener("htmx:afterSettle", function (e) { rita(e.target); });
})();
