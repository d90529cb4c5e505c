// qa-lint review page: renders article groups when opened, and filters findings. Works offline.
(function () {
  "use strict";
  var hidden = { cat: {}, sev: {}, lang: {} };
  var showClean = true;
  var filterStyle = document.getElementById("qa-filter-style");

  function visible(item) {
    var d = item.dataset;
    return !hidden.cat[d.cat] && !hidden.sev[d.sev] && !hidden.lang[d.lang];
  }

  // Hide the findings the filters leave out, and unmark spans none of whose findings are shown.
  function apply(root) {
    root.querySelectorAll("li.fd").forEach(function (item) { item.hidden = !visible(item); });
    root.querySelectorAll("mark.f").forEach(function (mark) {
      var shown = mark.dataset.f.split(" ").some(function (id) {
        var item = document.getElementById(id);
        return item && !item.hidden;
      });
      mark.classList.toggle("off", !shown);
    });
  }

  // Counts as filtered: the matrix cells, which groups have findings shown, and the total shown.
  function recount() {
    var shown = 0, all = 0;
    document.querySelectorAll("details.group").forEach(function (group) {
      var template = group.querySelector(":scope > template");
      var items = (template ? template.content : group).querySelectorAll("li.fd");
      var perLanguage = {}, total = 0;
      items.forEach(function (item) {
        if (!visible(item)) return;
        perLanguage[item.dataset.lang] = (perLanguage[item.dataset.lang] || 0) + 1;
        total += 1;
      });
      shown += total;
      all += items.length;
      group.classList.toggle("clean", total === 0);
      var row = document.querySelector('tr[data-g="' + group.id + '"]');
      if (!row) return;
      row.classList.toggle("clean", total === 0);
      row.querySelectorAll("td[data-lang] a").forEach(function (link) {
        var count = perLanguage[link.parentNode.dataset.lang] || 0;
        link.textContent = String(count);
        link.parentNode.classList.toggle("filtered", count === 0);
      });
    });
    document.getElementById("shown").textContent =
      shown === all ? all.toLocaleString("en") + (all === 1 ? " finding" : " findings") + " shown"
        : shown.toLocaleString("en") + " of " + all.toLocaleString("en") + " findings shown";
  }

  function restyle() {
    var rules = Object.keys(hidden.lang).filter(function (l) { return hidden.lang[l]; }).map(function (l) {
      return '[data-lang="' + CSS.escape(l) + '"]{display:none}';
    });
    if (!showClean) rules.push(".clean{display:none}");
    filterStyle.textContent = rules.join("\n");
  }

  // A group's table is parsed into a template and built only when the group opens.
  function render(group) {
    var template = group.querySelector(":scope > template");
    if (!template) return;
    template.replaceWith(template.content.cloneNode(true));
    group.dataset.rendered = "1";
    apply(group);
  }

  // A link can carry filters: report.html#hide=info,names,fr unticks those boxes.
  var wanted = /^#hide=(.*)$/.exec(location.hash);
  if (wanted) {
    decodeURIComponent(wanted[1]).split(",").forEach(function (value) {
      document.querySelectorAll("#filters input").forEach(function (box) {
        if (box.value !== value && !(box.dataset.filter === "clean" && value === "clean")) return;
        box.checked = false;
        if (box.dataset.filter === "clean") showClean = false;
        else hidden[box.dataset.filter][value] = true;
      });
    });
    restyle();
    recount();
  }

  document.querySelectorAll("details.group").forEach(function (group) {
    group.addEventListener("toggle", function () { if (group.open) render(group); });
    if (group.open) render(group);
  });

  // A link to one article (report.html#g12, as the overview's links are) opens it.
  if (/^#g[0-9]+$/.test(location.hash)) {
    var linked = document.getElementById(location.hash.slice(1));
    if (linked) { linked.open = true; render(linked); linked.scrollIntoView(); }
  }

  document.getElementById("filters").addEventListener("change", function (event) {
    var box = event.target;
    if (box.dataset.filter === "clean") showClean = box.checked;
    else hidden[box.dataset.filter][box.value] = !box.checked;
    restyle();
    apply(document);
    recount();
  });

  function flash(element) {
    element.classList.add("flash");
    setTimeout(function () { element.classList.remove("flash"); }, 1200);
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var mark = target.closest && target.closest("mark.f");
    if (mark && !mark.classList.contains("off")) {
      var item = document.getElementById(mark.dataset.f.split(" ")[0]);
      if (item) { item.scrollIntoView({ block: "nearest" }); flash(item); }
      return;
    }
    var link = target.closest && target.closest('a[href^="#g"]');
    if (link) {
      var group = document.getElementById(link.getAttribute("href").slice(1));
      if (group) group.open = true;
      return;
    }
    var button = target.closest && target.closest("button[data-action]");
    if (button) {
      var open = button.dataset.action === "open";
      document.querySelectorAll("details.group").forEach(function (group) { group.open = open; });
    }
  });

  document.body.dataset.ready = "1";
  document.body.dataset.readyMs = String(Math.round(performance.now()));  // since navigation started
})();
