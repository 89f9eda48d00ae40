// Scrutiny's pages: draws each dashboard chart from the data table beside it (the table stays, for
// screen readers and for anyone who would rather read the figures). No inline script anywhere.
(function () {
  "use strict";

  // every request htmx makes carries the CSRF token of the page (Spring Security checks it on POST)
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("meta[name=csrf-token]");
    var header = document.querySelector("meta[name=csrf-header]");
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  var COLOURS = ["#1d4e89", "#c0392b", "#e67e22", "#27ae60", "#8e44ad", "#16a085", "#7f8c8d", "#d35400"];

  function figures(table) {
    var labels = [];
    var values = [];
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var cells = row.querySelectorAll("th, td");
      labels.push(cells[0].textContent.trim());
      values.push(Number(cells[1].textContent.trim()));
    });
    return { labels: labels, values: values };
  }

  function draw(canvas) {
    if (typeof Chart === "undefined" || canvas.dataset.drawn) {
      return;
    }
    var table = document.getElementById(canvas.dataset.table);
    if (!table) {
      return;
    }
    var data = figures(table);
    var line = canvas.dataset.chart === "line";
    canvas.dataset.drawn = "true";
    new Chart(canvas, {
      type: line ? "line" : "bar",
      data: {
        labels: data.labels,
        datasets: [{
          label: table.querySelector("caption") ? table.querySelector("caption").textContent : "",
          data: data.values,
          backgroundColor: line ? COLOURS[0] : data.labels.map(function (_, i) { return COLOURS[i % COLOURS.length]; }),
          borderColor: COLOURS[0],
          tension: 0.2
        }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }

  function drawAll(root) {
    (root || document).querySelectorAll("canvas[data-chart]").forEach(draw);
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawAll(document);
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
    }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    drawAll(event.target);
  });
})();
