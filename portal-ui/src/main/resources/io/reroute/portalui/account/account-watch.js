(function () {
  var status = document.getElementById('account-state');
  if (!status || !window.fetch) return;
  var shown = status.getAttribute('data-state') + '/' + status.getAttribute('data-state-version');
  var timer = setInterval(function () {
    fetch('account/state', {cache: 'no-store', credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (now) {
        if (!now || now.state + '/' + now.stateVersion !== shown) {
          clearInterval(timer);
          location.replace('account');
        }
      }, function () { /* offline for a moment: ask again next time */ });
  }, 2000);
})();
