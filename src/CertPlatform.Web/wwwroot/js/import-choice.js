// "Apply to all" for the question import preview: choosing the import-wide option sets every changed question's own
// choice to it. Without JavaScript the rows keep "按统一选择" and the server applies the import-wide choice.
(function () {
  var wide = document.querySelectorAll('#import-wide-choice input[name="existing"]');
  var rows = document.querySelectorAll('select.row-choice[data-kind="Changed"]');
  Array.prototype.forEach.call(wide, function (radio) {
    radio.addEventListener('change', function () {
      if (!radio.checked) return;
      Array.prototype.forEach.call(rows, function (select) { select.value = radio.value; });
    });
  });
})();
