// Suggest gazetteer places while a reporter types a place name (offline search on the server).
(function () {
  "use strict";
  var input = document.getElementById("id_place");
  var list = document.getElementById("places");
  if (!input || !list) { return; }
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var query = input.value.trim();
    if (query.length < 2) { return; }
    timer = setTimeout(function () {
      fetch("/api/v1/places/?limit=8&q=" + encodeURIComponent(query)).then(function (r) { return r.json(); }).then(function (places) {
        list.replaceChildren();
        places.forEach(function (place) {
          var option = document.createElement("option");
          option.value = place.name;
          option.label = place.name + " · " + (place.admin1 ? place.admin1 + ", " : "") + place.country;
          list.appendChild(option);
        });
      });
    }, 150);
  });
})();
