// Fills the ward list when a province is chosen. Without this script the form still works: choosing a province and
// sending the form brings back the province's wards from the server.
document.querySelectorAll(".ward-picker").forEach(function (picker) {
  var selects = picker.querySelectorAll("select");
  var province = selects[0];
  var ward = selects[1];
  province.addEventListener("change", function () {
    var blank = ward.options[0];
    ward.replaceChildren(blank);
    if (!province.value) return;
    fetch(picker.dataset.wardsUrl + "?province=" + encodeURIComponent(province.value))
      .then(function (response) { return response.json(); })
      .then(function (page) {
        page.items.forEach(function (item) { ward.add(new Option(item.name, item.code)); });
      });
  });
});
