// Select every report of the triage queue at once (bulk actions).
(function () {
  "use strict";
  var all = document.getElementById("select-all");
  if (!all) { return; }
  all.addEventListener("change", function () {
    document.querySelectorAll("input[name=selected]").forEach(function (box) { box.checked = all.checked; });
  });
})();
