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

  // the intake form's owner and controller rows: "Add" copies a row from its <template>, naming its
  // inputs after the group (parties[0].owners[3].name); "Remove" takes the row away. The server
  // renumbers rows when the form is posted, so gaps left by removed rows do not matter.
  function inputId(name) {
    return "f-" + name.replace(/[^A-Za-z0-9_]+/g, "-").replace(/-$/, "");
  }

  function nextRow(group, list) {
    var next = 0;
    group.querySelectorAll(":scope > .row-list > .row").forEach(function (row) {
      var m = /\[(\d+)]$/.exec(row.dataset.row || "");
      if (m) {
        next = Math.max(next, Number(m[1]) + 1);
      }
    });
    return list + "[" + next + "]";
  }

  function addRow(button) {
    var template = document.getElementById(button.dataset.template);
    var group = button.closest("fieldset.rows");
    if (!template || !group) {
      return;
    }
    var row = nextRow(group, button.dataset.into);
    var copy = template.content.cloneNode(true);
    copy.querySelectorAll("*").forEach(function (el) {
      ["name", "data-into", "data-row", "data-rows"].forEach(function (a) {
        if (el.hasAttribute(a)) {
          el.setAttribute(a, el.getAttribute(a).split("ROWPLACEHOLDER").join(row));
        }
      });
      ["id", "for", "aria-describedby"].forEach(function (a) {
        if (el.hasAttribute(a)) {
          el.setAttribute(a, el.getAttribute(a).split("ROWPLACEHOLDER").join(inputId(row).substring(2)));
        }
      });
    });
    var first = copy.querySelector("input");
    group.querySelector(":scope > .row-list").appendChild(copy);
    if (first) {
      document.getElementById(first.id).focus();
    }
  }

  // the intake form's party names: institutions of the imported ROR dump are offered as the name is
  // typed (GET /engagements/new/institutions?q=, JSON), written into the page's datalist as option
  // properties (never as markup); choosing one fills the party's ROR id and country when blank.
  var suggested = {};
  var suggestTimer = null;

  function suggestInstitutions(input) {
    var list = document.getElementById("institution-names");
    var q = input.value.trim();
    if (!list || q.length < 2) {
      return;
    }
    fetch(list.dataset.url + "?q=" + encodeURIComponent(q), { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (found) {
        if (input.value.trim() !== q) {
          return; // typed on since: a later request answers
        }
        list.replaceChildren();
        suggested = {};
        found.forEach(function (s) {
          var option = document.createElement("option");
          option.value = s.name;
          option.label = s.countries.join(", ") + " · ROR " + s.ror + (s.status === "active" ? "" : " (" + s.status + ")");
          list.appendChild(option);
          suggested[s.name] = s;
        });
      })
      .catch(function () { /* suggestions are a help, not a need */ });
  }

  function fillFromSuggestion(input) {
    var s = suggested[input.value];
    if (!s) {
      return;
    }
    var prefix = input.name.replace(/\.name$/, "");
    var ror = document.querySelector("input[name='" + CSS.escape(prefix + ".ror") + "']");
    var country = document.querySelector("input[name='" + CSS.escape(prefix + ".country") + "']");
    if (ror && !ror.value) {
      ror.value = s.ror;
    }
    if (country && !country.value && s.countries.length === 1) {
      var named = document.querySelector("#country-names option[label='" + CSS.escape(s.countries[0]) + "']");
      country.value = named ? named.value : s.countries[0];
    }
  }

  // A field of several countries: a datalist offers whole values, so each offer is the countries already
  // written followed by a country whose name begins as the one being typed ("Germany, Fra" → "Germany, France").
  var SEVERAL_COUNTRIES_OFFERED = 12;

  function suggestCountries(input) {
    var list = document.getElementById("several-country-names");
    if (!list) {
      return;
    }
    var value = input.value;
    var comma = value.lastIndexOf(",");
    var written = comma < 0 ? "" : value.substring(0, comma).trim() + ", ";
    var typing = value.substring(comma + 1).trim().toLocaleLowerCase();
    list.replaceChildren();
    if (!typing) {
      return;
    }
    var offered = 0;
    document.querySelectorAll("#country-names option").forEach(function (option) {
      if (offered < SEVERAL_COUNTRIES_OFFERED && option.value.toLocaleLowerCase().startsWith(typing)) {
        var offer = document.createElement("option");
        offer.value = written + option.value;
        offer.label = option.label;
        list.appendChild(offer);
        offered++;
      }
    });
  }

  document.addEventListener("input", function (event) {
    var target = event.target;
    if (target instanceof HTMLInputElement && target.dataset.severalCountries) {
      suggestCountries(target);
    }
    if (target instanceof HTMLInputElement && target.dataset.suggestInstitutions) {
      clearTimeout(suggestTimer);
      suggestTimer = setTimeout(function () { suggestInstitutions(target); }, 250);
    }
  });

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target instanceof HTMLInputElement && target.dataset.suggestInstitutions) {
      fillFromSuggestion(target);
    }
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) {
      return;
    }
    if (target.matches("button.add-row")) {
      addRow(target);
    } else if (target.matches("button.remove-row")) {
      var row = target.closest(".row");
      if (row) {
        row.remove();
      }
    }
  });
})();
