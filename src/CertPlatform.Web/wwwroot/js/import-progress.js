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
      // A large file answers with its background status page: go there, so reloading it shows the progress.
      if (xhr.responseURL && xhr.responseURL.indexOf('/bank/import/') >= 0) {
        window.location.assign(xhr.responseURL);
        return;
      }
      if (xhr.response && xhr.response.documentElement) {
        document.replaceChild(document.importNode(xhr.response.documentElement, true), document.documentElement);
        // Scripts of a replaced document do not run by themselves: start the preview's own again.
        var choice = document.querySelector('script[src="/js/import-choice.js"]');
        if (choice) {
          var again = document.createElement('script');
          again.src = choice.getAttribute('src');
          document.body.appendChild(again);
        }
      } else {
        form.submit();
      }
    });
    xhr.addEventListener('error', function () { form.submit(); });
    xhr.send(new FormData(form));
  });
})();
