/* Draws a built site's nav into a standalone page (a site opened from disk or a static host). The builder
   writes the nav once per site, as the argument appended below, with links relative to the site root;
   each page names its root and its own URL on its .site-nav. The markup is the builder's, escaped there.
   The portal's reader does not use this: it draws the nav from kerberus_site.json. */
(function (markup) {
  var nav = document.querySelector('.site-nav');
  if (!nav) {
    return;
  }
  var root = nav.getAttribute('data-root') || './';
  var page = nav.getAttribute('data-page') || '';
  nav.innerHTML = markup;
  var links = nav.querySelectorAll('a');
  for (var i = 0; i < links.length; i++) {
    var link = links[i];
    if (link.getAttribute('target') === '_blank') {
      continue; // an external link: absolute already
    }
    var url = link.getAttribute('href');
    url = url === './' ? '' : url;
    link.setAttribute('href', root + url);
    if (url === page) {
      link.className = 'active';
      link.setAttribute('aria-current', 'page');
      for (var up = link.parentNode; up && up !== nav; up = up.parentNode) {
        if (up.tagName === 'DETAILS') {
          up.open = true;
        }
      }
    }
  }
})
