// Folded filter forms (<details class="filter-panel">): open on a laptop, folded on a phone unless a filter is set.
// The server renders the panel open only when a filter is set, and site.css shows a folded panel's form on wide screens
// without this script; the script makes the open state (the disclosure triangle, screen readers) match the screen.
(function () {
  var narrow = window.matchMedia('(max-width: 760px)');
  var panels = document.querySelectorAll('details.filter-panel');
  function apply() {
    for (var i = 0; i < panels.length; i++) {
      panels[i].open = !narrow.matches || panels[i].getAttribute('data-active') === 'true';
    }
  }
  for (var i = 0; i < panels.length; i++) panels[i].classList.add('js');
  apply();
  if (narrow.addEventListener) narrow.addEventListener('change', apply);
})();
