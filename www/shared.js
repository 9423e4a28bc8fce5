// Shared by boot.js, embed.js, app.js and editor.js: the build (scripts/inline-shared.mjs)
// writes this file into each where it says `@shared`, after `DECLARED`, what the core declares
// (`pledge-explainer declarations`: the languages, the URL parameters of the view), so no
// script keeps a list of its own and the reader's page makes no request for it.
// Plain ES5: embed.js runs on any host page.

/**
 * The explainer's language for a BCP 47 tag ('ar-MA' → 'ar'), or null: the core's own rule
 * (`Locale::parse`): the primary subtag, in any case, `_` read as `-`. So `?lang=arabic` is
 * no language here, as in the core, and every script agrees on what the reader gets.
 */
function languageOf(tag) {
  var primary = String(tag == null ? '' : tag).trim().toLowerCase().split(/[-_]/)[0];
  return DECLARED.languages.indexOf(primary) >= 0 ? primary : null;
}

/** The first of `tags` the explainer speaks: `{ tag, lang, index }`, or null. */
function firstLanguage(tags) {
  for (var i = 0; i < tags.length; i++) {
    var lang = languageOf(tags[i]);
    if (lang) return { tag: String(tags[i]).trim(), lang: lang, index: i };
  }
  return null;
}
