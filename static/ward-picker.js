// Fills the ward list when a province is chosen. Without this script the form still works: choosing a province and
// sending the form brings back the province's wards from the server.
function bindWardPicker(picker) {
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
}
document.querySelectorAll(".ward-picker").forEach(bindWardPicker);

// A vacancy's work places: "Add another place" copies the empty last row, up to the form's limit.
document.querySelectorAll("fieldset.places").forEach(function (places) {
  var button = places.querySelector("[data-add-place]");
  var limit = Number(places.dataset.max);
  var rows = function () { return places.querySelectorAll(".ward-picker"); };
  var refresh = function () { button.hidden = rows().length >= limit; };
  button.addEventListener("click", function () {
    var last = rows()[rows().length - 1];
    var copy = last.cloneNode(true);
    var number = rows().length;
    copy.querySelectorAll("select").forEach(function (select) {
      select.id = select.id.replace(/-\d+$/, "-" + number);
      select.value = "";
    });
    copy.querySelectorAll("label").forEach(function (label) {
      label.htmlFor = label.htmlFor.replace(/-\d+$/, "-" + number);
    });
    var ward = copy.querySelectorAll("select")[1];
    ward.replaceChildren(ward.options[0]);
    last.after(copy);
    bindWardPicker(copy);
    refresh();
    copy.querySelector("select").focus();
  });
  refresh();
});
