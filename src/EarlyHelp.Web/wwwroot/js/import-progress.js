// Shows an import's progress without reloading, then reloads the page for the result once it has finished.
(function () {
  var box = document.getElementById('import-progress');
  if (!box) return;
  var url = box.getAttribute('data-progress-url');
  var bar = document.getElementById('import-bar');
  var text = document.getElementById('import-progress-text');
  function poll() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (!p) { setTimeout(poll, 3000); return; }
        if (p.done) { window.location.reload(); return; }
        bar.value = p.percent;
        bar.textContent = p.percent + '%';
        text.textContent = p.text;
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
