// Upload progress for the question import form. Without JavaScript the form posts normally.
(function () {
  var form = document.getElementById('import-form');
  var bar = document.getElementById('import-progress');
  var text = document.getElementById('import-progress-text');
  if (!form || !bar || !window.XMLHttpRequest || !window.FormData) return;
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.responseType = 'document';
    bar.hidden = false;
    xhr.upload.addEventListener('progress', function (ev) {
      if (!ev.lengthComputable) return;
      var pct = Math.round(ev.loaded * 100 / ev.total);
      bar.value = pct;
      text.textContent = pct < 100 ? pct + ' %' : (bar.getAttribute('data-reading') || '');
    });
    xhr.addEventListener('load', function () {
      if (xhr.response && xhr.response.documentElement) {
        document.replaceChild(document.importNode(xhr.response.documentElement, true), document.documentElement);
      } else {
        form.submit();
      }
    });
    xhr.addEventListener('error', function () { form.submit(); });
    xhr.send(new FormData(form));
  });
})();
