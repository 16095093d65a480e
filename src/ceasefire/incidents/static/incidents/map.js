// The incident map: country outlines from world-atlas (served by the platform) and the reports
// the viewer may see, as the API discloses them. No tile server: nothing leaves the site.
(function () {
  "use strict";
  var element = document.getElementById("map");
  if (!element || !window.L || !window.topojson) { return; }
  var center = element.dataset.center.split(",").map(Number);
  var map = L.map(element, { worldCopyJump: true, minZoom: 3, maxZoom: 12 }).setView([center[0], center[1]], center[2]);
  map.attributionControl.addAttribution("Boundaries: Natural Earth via world-atlas");
  var parties = element.dataset.parties.split(",");

  fetch(element.dataset.countries).then(function (r) { return r.json(); }).then(function (topo) {
    var countries = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(countries, {
      interactive: false,
      style: function (feature) {
        var party = parties.indexOf(feature.id) >= 0;
        return { color: "#7a7a7a", weight: 1, fillColor: party ? "#f4efe1" : "#e6e6e6", fillOpacity: 1 };
      }
    }).addTo(map).bringToBack();
    var border = topojson.mesh(topo, topo.objects.countries, function (a, b) {
      return a !== b && parties.indexOf(a.id) >= 0 && parties.indexOf(b.id) >= 0;
    });
    L.geoJSON(border, { interactive: false, style: { color: "#9b2c2c", weight: 2, dashArray: "5 4" } }).addTo(map);
  });

  function popup(properties) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = element.dataset.detail.replace(/\/0\/$/, "/" + String(properties.id) + "/");
    link.textContent = "Report #" + properties.id;
    box.appendChild(link);
    var lines = [
      properties.type.replace(/_/g, " ") + ", " + properties.date_start,
      properties.place + " (where_prec " + properties.where_prec + ")",
      "triage: " + properties.triage_status.replace(/_/g, " "),
      properties.fatalities_best === null ? "fatalities withheld" : "killed (best): " + properties.fatalities_best
    ];
    lines.forEach(function (text) {
      var line = document.createElement("div");
      line.textContent = text;
      box.appendChild(line);
    });
    return box;
  }

  fetch(element.dataset.features, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (collection) {
    var markers = [];
    collection.features.forEach(function (feature) {
      var p = feature.properties;
      var c = feature.geometry.coordinates;
      var radius = 6 + Math.min(p.fatalities_best || 0, 60) / 6;
      var marker = L.circleMarker([c[1], c[0]], {
        radius: radius, color: "#222", weight: 1, fillColor: p.where_prec <= 2 ? "#c0392b" : "#e6a23c", fillOpacity: 0.8,
        className: "incident-marker"
      }).bindPopup(popup(p));
      marker.addTo(map);
      markers.push(marker);
    });
    var count = document.getElementById("map-count");
    if (count) { count.textContent = markers.length + " report(s) on the map"; count.dataset.count = String(markers.length); }
  });
})();
