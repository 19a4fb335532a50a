// The language switcher submits itself on change (a file, not an inline handler: the CSP allows no inline script).
document.querySelectorAll("form.language-switcher select").forEach(function (select) {
  select.addEventListener("change", function () { select.form.submit(); });
});
