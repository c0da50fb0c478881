/* Klaverblad wizard, progressive enhancement (the wizard works without it).
   A field still holding its default value carries the mark "standaardwaarde — pas aan".
   As soon as the visitor changes such a field, the mark no longer describes it: hide it
   and drop it from the field's aria-describedby, so that screen readers stop announcing it.
   Without this script the mark goes away at the next step or "compute again". */
(function () {
  "use strict";
  function forget(event) {
    var control = event.target;
    if (!control || !control.closest) { return; }
    var field = control.closest(".field-default");
    if (!field) { return; }
    field.classList.remove("field-default");
    var mark = field.querySelector(".default-mark");
    if (!mark) { return; }
    mark.hidden = true;
    field.querySelectorAll("[aria-describedby]").forEach(function (element) {
      var ids = element.getAttribute("aria-describedby").split(/\s+/).filter(function (id) {
        return id && id !== mark.id;
      });
      if (ids.length) { element.setAttribute("aria-describedby", ids.join(" ")); }
      else { element.removeAttribute("aria-describedby"); }
    });
  }
  document.addEventListener("input", forget);
  document.addEventListener("change", forget);
})();
