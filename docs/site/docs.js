// The documentation's one script (same origin, no inline code, for the strict CSP of /docs).
// The language is the web client's: remembered in localStorage under "qes.language" (zh-CN or en),
// else the first of the browser's languages in Chinese or English, else Chinese (web/src/i18n).
/* global localStorage, navigator, document, location */
(function () {
  var KEY = 'qes.language';
  function remembered() {
    try {
      return localStorage.getItem(KEY);
    } catch {
      return null;
    }
  }
  function remember(language) {
    try {
      localStorage.setItem(KEY, language);
    } catch {
      // private window: the choice lasts the visit
    }
  }
  function chosenLanguage() {
    var language = remembered();
    if (language === 'en' || language === 'zh-CN') return language;
    var asked = navigator.languages || [navigator.language || ''];
    for (var i = 0; i < asked.length; i++) {
      var tag = String(asked[i]).toLowerCase();
      if (tag === 'zh' || tag.indexOf('zh-') === 0) return 'zh-CN';
      if (tag === 'en' || tag.indexOf('en-') === 0) return 'en';
    }
    return 'zh-CN';
  }
  // A language link (the switch in the header, the choice on /docs/) is remembered for the web client too.
  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest && event.target.closest('a[data-language]');
    if (link) remember(link.getAttribute('data-language'));
  });
  // /docs/ opens the documentation in the chosen language.
  if (document.querySelector('[data-choose-language]')) {
    location.replace(chosenLanguage() === 'en' ? 'en/index.html' : 'zh/index.html');
  }
})();
