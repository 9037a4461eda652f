// The programme editor's rows, in place: "add" copies the empty last row under a new number, "remove" takes a row
// away. Without this script both buttons send the form, and the server shows it again with the row added or removed
// (nothing is saved until "Save a new version").
document.querySelectorAll("fieldset.editor-rows").forEach(function (fieldset) {
  var kind = fieldset.dataset.rows;
  var rows = function () { return fieldset.querySelectorAll("[data-row]"); };
  var pattern = new RegExp("^(f-)?" + kind + "-(\\d+)-");
  var numberOf = function (row) {
    var input = row.querySelector("[name^='" + kind + "-']");
    return Number(input.name.split("-")[1]);
  };

  fieldset.addEventListener("click", function (event) {
    var remove = event.target.closest("[data-remove-row]");
    if (!remove || !fieldset.contains(remove)) return;
    event.preventDefault();
    var row = remove.closest("[data-row]");
    var next = row.nextElementSibling;
    row.remove();
    (next && next.querySelector("summary") || fieldset.querySelector("[data-add-row]")).focus();
  });

  fieldset.querySelector("[data-add-row]").addEventListener("click", function (event) {
    event.preventDefault();
    var all = rows();
    var editable = fieldset.querySelectorAll("details[data-row]");
    var last = editable[editable.length - 1];
    var number = Math.max.apply(null, Array.prototype.map.call(all, numberOf)) + 1;
    var copy = last.cloneNode(true);
    copy.querySelectorAll("[name], [id], label[for], [value^='remove-']").forEach(function (element) {
      ["name", "id"].forEach(function (attribute) {
        if (element.hasAttribute(attribute)) element.setAttribute(attribute, element.getAttribute(attribute).replace(pattern, "$1" + kind + "-" + number + "-"));
      });
      if (element.htmlFor) element.htmlFor = element.htmlFor.replace(pattern, "$1" + kind + "-" + number + "-");
      if (element.matches("[data-remove-row]")) element.value = "remove-" + kind + "-" + number;
    });
    copy.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = false; });
    copy.querySelectorAll("input:not([type=checkbox])").forEach(function (input) { input.value = ""; });
    copy.querySelectorAll("select").forEach(function (select) { select.selectedIndex = 0; });
    copy.querySelectorAll(".ward-picker").forEach(function (picker) {
      var ward = picker.querySelectorAll("select")[1];
      ward.replaceChildren(ward.options[0]);
      bindWardPicker(picker);
    });
    copy.querySelectorAll(".error").forEach(function (message) { message.remove(); });
    copy.querySelectorAll(".invalid").forEach(function (field) { field.classList.remove("invalid"); });
    copy.querySelectorAll("[aria-invalid]").forEach(function (field) { field.removeAttribute("aria-invalid"); });
    var position = all.length + 1;
    copy.querySelectorAll(".visually-hidden").forEach(function (text) {
      text.textContent = text.textContent.replace(/\d+/, position);
    });
    copy.querySelector("summary").textContent = copy.querySelector("label .visually-hidden").textContent.replace(" · ", "").trim();
    copy.open = true;
    last.after(copy);
    copy.querySelector("input, select").focus();
  });
});

// A ban's ward list comes with only its chosen ward (a light page); the province's other wards are fetched when the
// list is first opened, the choice kept.
document.querySelectorAll("select[data-partial]").forEach(function (ward) {
  var load = function () {
    if (!ward.hasAttribute("data-partial")) return;
    ward.removeAttribute("data-partial");
    var picker = ward.closest(".ward-picker");
    var province = picker.querySelector("select");
    var chosen = ward.value;
    fetch(picker.dataset.wardsUrl + "?province=" + encodeURIComponent(province.value))
      .then(function (response) { return response.json(); })
      .then(function (page) {
        ward.replaceChildren(ward.options[0]);
        page.items.forEach(function (item) { ward.add(new Option(item.name, item.code, false, item.code === chosen)); });
      });
  };
  ward.addEventListener("focus", load);
  ward.addEventListener("mousedown", load);
});
