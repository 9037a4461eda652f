// A refused form: the summary of its errors at the top takes the focus, so that a screen reader reads it first, and
// each of its links moves the focus to its field (opening a folded section it sits in), its label in view.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (!summary) return;
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!field) return;
    event.preventDefault();
    for (var folded = field.closest("details"); folded; folded = folded.parentElement.closest("details")) folded.open = true;
    var label = document.querySelector("label[for='" + field.id + "']");
    (label || field).scrollIntoView();
    field.focus({preventScroll: true});
  });
});
