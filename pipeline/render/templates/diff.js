(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll("#filters input"));
  var changes = Array.prototype.slice.call(document.querySelectorAll("li.change"));
  function apply() {
    var want = {change: {}, kind: {}};
    boxes.forEach(function (b) { if (b.checked) { want[b.name][b.value] = true; } });
    var shown = 0;
    changes.forEach(function (li) {
      var keep = want.change[li.dataset.change] && want.kind[li.dataset.kind];
      li.hidden = !keep;
      if (keep) { shown += 1; }
    });
    document.querySelectorAll("section.report").forEach(function (s) {
      s.hidden = !s.querySelector("li.change:not([hidden])");
    });
    document.getElementById("shown").textContent = String(shown);
  }
  function fromHash() {
    var params = new URLSearchParams(window.location.hash.slice(1));
    boxes.forEach(function (b) {
      if (params.has(b.name)) {
        var values = params.get(b.name).split(",");
        b.checked = values.indexOf(b.value) !== -1;
        b.dispatchEvent(new Event("change"));
      }
    });
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  window.addEventListener("hashchange", fromHash);
  apply();
  fromHash();
  document.body.setAttribute("data-ready", "yes");
})();
