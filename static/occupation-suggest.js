// Suggests ISCO-08 occupations while a job title is typed, and picks the chosen one in the occupation list. Without
// this script the list still works on its own.
document.querySelectorAll("[data-occupation-target]").forEach(function (input) {
  var target = document.getElementById(input.dataset.occupationTarget);
  var list = document.createElement("ul");
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  input.insertAdjacentElement("afterend", list);
  input.hidden = false;
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      list.replaceChildren();
      if (input.value.trim().length < 2) return;
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(input.value))
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (suggestions) {
          list.replaceChildren();
          var english = document.documentElement.lang === "en";
          suggestions.forEach(function (suggestion) {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "link";
            button.textContent = suggestion.code + " · " + (english ? suggestion.label_en : suggestion.label_vi) +
              (suggestion.matched !== suggestion.label_vi && suggestion.matched !== suggestion.label_en ? " (" + suggestion.matched + ")" : "");
            button.addEventListener("click", function () {
              target.value = suggestion.code;
              target.dispatchEvent(new Event("change"));
              list.replaceChildren();
            });
            var item = document.createElement("li");
            item.setAttribute("role", "option");
            item.appendChild(button);
            list.appendChild(item);
          });
        });
    }, 200);
  });
});
