/* The overview's charts, drawn by Chart.js from each canvas's data-chart attribute (the
   figures are also in the table beside each chart). No inline script: the CSP forbids it. */
(function () {
  "use strict";
  if (typeof Chart === "undefined") { return; }
  var colour = "#1f5fa8";
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var spec = JSON.parse(canvas.getAttribute("data-chart"));
    new Chart(canvas, {
      type: spec.kind,
      data: {
        labels: spec.labels,
        datasets: [{
          label: spec.label,
          data: spec.values,
          borderColor: colour,
          backgroundColor: spec.kind === "line" ? "rgba(31, 95, 168, 0.15)" : colour,
          fill: spec.kind === "line",
          tension: 0.2
        }]
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: spec.kind === "bar" ? "y" : "x",
        plugins: { legend: { display: false } },
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0 } },
          y: { beginAtZero: true, ticks: { precision: 0 } }
        }
      }
    });
  });
})();
