// The explainer page: wires the wasm core to the DOM. Every figure, word and number format
// comes from the core; this file reads inputs, writes text and keeps the URL in step.
// One shipped file (each module more is a round trip on a phone), in sections that each keep
// their own state next to them: language · sliders (and switches) · rendering · SVG in place ·
// downloads · live panel · URL, sharing, announcements · embedding · another story ·
// the editor's preview · start.
import init, { Explainer, load_language, wasm_memory_bytes } from './pkg/pledge_explainer.js';

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
// @shared (the build writes www/shared.js and the declarations here: DECLARED, languageOf, firstLanguage)

/** French and Arabic words, loaded for their readers only: the wasm has English compiled in. */
const LANGUAGE_PACKS = { fr: './i18n/fr.json', ar: './i18n/ar.json' };

let explainer = null;
let strings = null;
let langExplicit = false;
/** The card a card's own page shows (`cards/<card>.html`), or null on the full page. */
const ONE_CARD = document.getElementById('explainer')?.dataset.card || null;

/** ?lang=, else the page's own language (index.fr.html, index.ar.html), else the browser's languages, else English. */
function pickLocale(params) {
  const fixed = document.documentElement.hasAttribute('data-fixed-lang') ? [document.documentElement.lang] : [];
  const tags = [params.get('lang'), ...fixed];
  const chosen = firstLanguage([...tags, ...(navigator.languages || [navigator.language])]);
  if (!chosen) return { tag: DECLARED.languages[0], explicit: false };
  return { tag: chosen.tag, explicit: chosen.index < tags.length };
}

/** Shows the messages (text, or `{ text, lang }` for one in another language than the page's). */
function notify(messages) {
  const box = $('#notices');
  if (!messages.length && !box.firstChild) return; // every move: nothing to say, nothing to touch
  box.replaceChildren(...messages.map((m) => {
    const p = document.createElement('p');
    p.textContent = m.text ?? m;
    if (m.lang) {
      p.lang = m.lang;
      p.dir = 'auto';
    }
    return p;
  }));
}

/** Runs a call into wasm; if it throws or traps, the last good figures stay on screen. */
/**
 * Set once a wasm call trapped (a Rust panic: the page's build traps at once, the others after
 * their panic hook): the module may be half-way through a change, so nothing calls it again
 * and the page keeps the last good figures, with the notice that says so.
 */
let stopped = false;

function guard(fn) {
  if (stopped) return undefined;
  try {
    return fn();
  } catch (err) {
    console.error(err);
    if (err instanceof WebAssembly.RuntimeError) stopped = true;
    notify([(strings && strings.crashed) || 'Something went wrong in the calculation.']);
    return undefined;
  }
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('aria-') || k === 'role' || k === 'for' || k === 'list') node.setAttribute(k, v);
    else node[k] = v;
  }
  node.append(...children);
  return node;
}

// ---------------------------------------------------------------- language

function applyLanguage() {
  strings = JSON.parse(explainer.strings());
  const root = document.documentElement;
  root.lang = strings.lang;
  root.dir = strings.dir;
  document.title = explainer.title();
  if ($('#title')) $('#title').textContent = explainer.title();
  for (const node of $$('[data-i18n]')) {
    const text = strings[node.dataset.i18n];
    if (typeof text === 'string') node.textContent = text;
  }
  // The cards, built and escaped by the core: all of them, or the one this page shows. A chart
  // already drawn keeps its SVG (patched in the new words below, not drawn again from an empty
  // box), and what the reader unfolded stays open.
  const drawn = new Map($$('[data-chart]').filter((fig) => !$('.plot > svg.placeholder', fig)).map((fig) => [fig.dataset.chart, $('.plot', fig)]));
  const open = $$('#cards details').map((d) => d.open);
  $('#cards').innerHTML = ONE_CARD ? explainer.card(ONE_CARD) : JSON.parse(explainer.sections()).cards;
  for (const [name, plot] of drawn) $(`[data-chart="${name}"] .plot`)?.replaceWith(plot);
  const folds = $$('#cards details');
  if (folds.length === open.length) folds.forEach((d, i) => { d.open = open[i]; });
  wirePage(false);
  // Cards written anew (another language, another story) are measured again, whatever their width.
  measureSoon();
}

/**
 * Whether the page as served already shows the current view: a static page (index.html,
 * index.fr.html, index.ar.html) is the default story at the sourced assumptions in its
 * language (`<html lang>`, default digits), rendered by the same core.
 */
function showsStaticPage(datasetAsked) {
  return !datasetAsked && explainer.query(true) === `lang=${document.documentElement.lang}`;
}

/**
 * Once the words are in place, rewritten by applyLanguage or `adopted` as served: finds the
 * live cells and charts, adds the sliders and fills in the values. An adopted page's charts
 * count as drawn at their served width (its words, figures and charts are what the core would
 * write); no layout is forced here, the ResizeObserver redraws them if the page is not as wide.
 */
function wirePage(adopted) {
  labelLandmarks();
  const story = explainer.chart_names();
  drawnFor.clear();
  waiting.clear();
  chartPartsCache.clear();
  // The charts are the cards' own: those on this page that the story has.
  chartNames = $$('[data-chart]').map((fig) => fig.dataset.chart).filter((name) => story.includes(name));
  for (const fig of $$('[data-chart]')) {
    const name = fig.dataset.chart;
    if (!chartNames.includes(name)) fig.remove();
    else if ($('.plot > svg.placeholder', fig)) waiting.add(name);
    else if (adopted && $('.plot > svg', fig)) {
      chartWidths.set(name, Number($('.plot > svg', fig).getAttribute('width')));
      drawnFor.set(name, `${chartWidths.get(name)}|${explainer.chart_key(name)}`);
      const parts = chartParts(name);
      labelDownloads(fig, name, parts.title.textContent);
      parts.labelled = parts.title.textContent;
    }
  }
  watchView();
  const view = JSON.parse(explainer.live());
  const switches = buildControls(view.controls, adopted);
  for (const b of $$('.card-data, .card-embed')) b.disabled = false;
  // An adopted page shows this view already: only what the core does not serve is written
  // (the parity marks' positions), and the charts wait for their code.
  if (adopted) {
    lastView = view;
    updateControls(view.controls);
    // A browser that restores form state on reload (Firefox) may have checked another option.
    updateSwitches(switches);
    renderCharts();
  } else render(undefined, false, view);
  updateLangLinks();
  reportHeight();
}

function labelLandmarks() {
  $('#langs')?.setAttribute('aria-label', strings.language_label);
  $('#presets')?.setAttribute('aria-label', strings.presets_label);
  for (const a of $$('#langs a')) {
    if (a.dataset.lang === strings.lang) a.setAttribute('aria-current', 'true');
    else a.removeAttribute('aria-current');
  }
}

function updateLangLinks() {
  for (const a of $$('#langs a')) {
    const url = new URL(location.href);
    url.searchParams.set('lang', a.dataset.lang);
    a.href = url.search;
  }
  // Each card's "Full explainer" opens the page at that card, in the same view.
  for (const a of $$('.card-full')) {
    const page = `${ONE_CARD ? '../' : ''}${a.getAttribute('href').split(/[?#]/)[0].split('/').pop()}`;
    const query = explainer.query(true);
    a.href = `${page}${query ? `?${query}` : ''}#${a.closest('[data-card]').id}`;
  }
}

const packs = {};
const baseLang = (tag) => languageOf(tag) || DECLARED.languages[0];

/**
 * A language pack's items joined as the wasm takes them (inline in the single-file build), or
 * null for English, which the wasm has compiled in.
 */
function fetchPack(lang) {
  if (!LANGUAGE_PACKS[lang]) return Promise.resolve(null);
  if (!packs[lang]) {
    const inline = globalThis.PLEDGE_EXPLAINER_LANGUAGES?.[lang];
    const url = new URL(LANGUAGE_PACKS[lang], import.meta.url);
    const get = () => takeEarlyPack(url.href) || fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return r.json();
    });
    // Once more after a pause: a mobile network often drops one request.
    const retried = () => get().catch(() => new Promise((done) => setTimeout(done, PACK_RETRY_MS)).then(get));
    packs[lang] = (inline ? Promise.resolve(inline) : retried()).then((items) => items.join('\u001f'));
    packs[lang].catch(() => { packs[lang] = undefined; }); // a later switch tries again
  }
  return packs[lang];
}

/** The pack boot.js began fetching for the page's own language, if it is `href`; taken once. */
function takeEarlyPack(href) {
  const early = globalThis.__pledgeExplainerPack;
  if (!early || early.href !== href) return null;
  globalThis.__pledgeExplainerPack = null;
  return early.response.then((r) => {
    if (!r.ok) throw new Error(`${href}: HTTP ${r.status}`);
    return r.json();
  });
}

/** Makes a language available to the wasm; false if its words could not be loaded. */
async function loadLanguage(tag) {
  const lang = baseLang(tag);
  try {
    const pack = await fetchPack(lang);
    return pack === null || load_language(pack) === lang;
  } catch (err) {
    console.error(err);
    return false;
  }
}

const PACK_RETRY_MS = 1000;

/**
 * That `lang`'s words could not be fetched, in the words of `template` (the page's strings,
 * or the static page's own at start, when the page falls back to English).
 */
function packFailed(template, lang) {
  const name = (l) => DECLARED.names[l] || l;
  return template.replaceAll('{language}', name(lang)).replaceAll('{shown}', name(strings.lang));
}
let languageWanted = null;

async function switchLanguage(lang) {
  languageWanted = lang;
  // The last language asked for wins, whichever pack arrives first. The cards are rewritten
  // by the second module.
  const [loaded, withCards] = await Promise.all([loadLanguage(lang), later().then(() => true, laterFailed)]);
  if (languageWanted !== lang || !withCards) return;
  if (!loaded) return notify([packFailed(strings.pack_failed, lang)]);
  guard(() => {
    if (!explainer.set_locale(lang)) return;
    langExplicit = true;
    applyLanguage();
    writeUrl();
    notify([]); // what was said, was said in the other language
  });
}

// ---------------------------------------------------------------- sliders

/** The params of the sliders on the page, to rebuild them when the set changes (the GDP sliders come with the GDP yardstick). */
let builtSliders = '';
/** Each slider's elements by param, found once when built (not looked up on every move). */
const sliderParts = new Map();

/**
 * The yardstick (two radio buttons) and "private money only" (a checkbox), when the story
 * supports them. `adopt`: a switch the served page holds (the same markup) is wired as it is.
 */
function buildSwitches(adopt) {
  const switches = JSON.parse(explainer.switches());
  for (const s of switches) {
    const box = controlBox(s.param, $('#switches'));
    if (!box) continue;
    const change = (value) => guard(() => {
      explainer.set(s.param, value);
      notify([]);
      render();
      writeUrl();
      scheduleAnnounce();
    });
    const served = adopt && $(`[data-switch="${s.param}"]`, box);
    if (served) {
      for (const input of $$('input', served)) {
        input.addEventListener('change', () => { if (input.type === 'checkbox') change(input.checked ? 1 : 0); else if (input.checked) change(Number(input.value)); });
      }
    } else if (s.options.length === 1) {
      const box1 = el('input', { type: 'checkbox', id: `switch-${s.param}`, name: s.param, defaultChecked: s.value === 1 });
      box1.addEventListener('change', () => change(box1.checked ? 1 : 0));
      box.append(el('div', { className: 'switch', dataset: { switch: s.param } }, box1, el('label', { htmlFor: box1.id }, s.label)));
    } else {
      const group = el('fieldset', { className: 'switch', dataset: { switch: s.param } }, el('legend', {}, s.label));
      for (const o of s.options) {
        const radio = el('input', { type: 'radio', id: `switch-${s.param}-${o.value}`, name: s.param, value: o.value, defaultChecked: s.value === o.value });
        radio.addEventListener('change', () => { if (radio.checked) change(o.value); });
        group.append(el('span', { className: 'option' }, radio, el('label', { htmlFor: radio.id }, o.label)));
      }
      box.append(group);
    }
  }
  return switches;
}

function updateSwitches(switches) {
  for (const s of switches) {
    for (const input of $$(`[data-switch="${s.param}"] input`)) {
      const on = input.type === 'checkbox' ? s.value === 1 : Number(input.value) === s.value;
      if (input.checked !== on) input.checked = on;
    }
  }
}

/**
 * Where a control goes: into the card that lists its param (`data-controls`, the first such
 * card: the full page has the rate in the claim card), else the page's own controls (the
 * yardstick), else nowhere (a card alone shows its own controls only).
 */
function controlBox(param, otherwise) {
  return $$('[data-controls]').find((box) => box.dataset.controls.split(' ').includes(param)) || otherwise;
}
const controlBoxes = () => [...$$('[data-controls]'), $('#switches'), $('#sliders')].filter(Boolean);

/**
 * The sliders, then the switches, where the core's static page has them (nothing moves).
 * `adopt` (the page as served shows the current view): the controls the core served, the same
 * markup as built here, are wired as they are instead of built again (fewer
 * nodes made and laid out before the page is ready; tests/browser/page.test.mjs).
 */
function buildControls(controls, adopt = false) {
  if (!adopt) for (const box of controlBoxes()) box.replaceChildren();
  else $('#loading')?.remove();
  builtSliders = controls.map((c) => c.param).join();
  sliderParts.clear();
  for (const c of controls) {
    const box = controlBox(c.param, $('#sliders'));
    if (!box) continue;
    const served = adopt && $(`[data-control="${c.param}"]`, box);
    const parts = served ? servedSlider(served, c.param) : newSlider(c, box);
    const { range, number, parity } = parts;
    range.addEventListener('input', () => onInput(c.param, range.valueAsNumber, range));
    arrowsPointTheWay(range);
    number.addEventListener('change', () => onInput(c.param, number.valueAsNumber, number));
    parity.addEventListener('click', () => {
      const control = lastView && lastView.controls.find((x) => x.param === c.param);
      if (control && control.parity != null) onInput(c.param, control.parity, null);
    });
    sliderParts.set(c.param, parts);
  }
  return buildSwitches(adopt);
}

/** A slider's elements as html.rs `control_html` serves them. */
function servedSlider(node, param) {
  return {
    range: $(`#range-${param}`, node), number: $(`#number-${param}`, node), mark: $('.parity-mark', node),
    parity: $(`#parity-${param}`, node), label: $(`#label-${param}`, node), t: null,
  };
}

/** A slider built from the core's description, appended to its box (the markup html.rs serves). */
function newSlider(c, box) {
  const label = el('label', { id: `label-${c.param}`, htmlFor: `range-${c.param}` }, c.label);
  // Points of note (the pledges' own horizons): ticks on the track, named in words below it.
  const marks = c.marks.length ? el('p', { className: 'marks', id: `marks-${c.param}` }, c.marks.map((m) => m.label).join(' · ')) : null;
  const range = el('input', {
    type: 'range', id: `range-${c.param}`, name: c.param, min: c.min, max: c.max, step: c.step, defaultValue: c.value,
    'aria-describedby': marks ? `parity-${c.param} ${marks.id}` : `parity-${c.param}`,
    ...(marks ? { list: `ticks-${c.param}` } : {}),
  });
  const number = el('input', {
    type: 'number', id: `number-${c.param}`, inputMode: 'decimal', min: c.min, max: c.max, step: 'any', defaultValue: c.value,
    'aria-labelledby': label.id,
  });
  const mark = el('span', { className: 'parity-mark', 'aria-hidden': 'true' });
  const track = el('div', { className: 'track' }, range, mark);
  if (marks) track.append(el('datalist', { id: `ticks-${c.param}` }, ...c.marks.map((m) => el('option', { value: m.value }))));
  const parity = el('button', { type: 'button', className: 'parity', id: `parity-${c.param}` });
  box.append(el('div', { className: 'control', dataset: { control: c.param } },
    label, el('div', { className: 'control-row' }, track, number), parity, ...(marks ? [marks] : [])));
  return { range, number, mark, parity, label, t: null };
}

/**
 * The arrow keys move a right-to-left slider the way they point (its low end is on the right),
 * as Chromium's and Firefox's own controls do; WebKit's raises it with ArrowRight. Done here in
 * every engine so all agree; Up/Down, Home/End and the announced value stay the engine's own.
 */
function arrowsPointTheWay(range) {
  range.addEventListener('keydown', (e) => {
    if ((e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (getComputedStyle(range).direction !== 'rtl') return;
    e.preventDefault();
    const before = range.value;
    if (e.key === 'ArrowRight') range.stepDown();
    else range.stepUp();
    if (range.value !== before) range.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function updateControls(controls, source) {
  // During a drag only the dragged control changes: the others, as the core left them and
  // untouched since they were last written, are not read back from the DOM.
  const drag = source?.type === 'range';
  for (const c of controls) {
    const parts = sliderParts.get(c.param);
    if (!parts) continue;
    const state = `${c.value}|${c.display}|${c.parity}|${c.parity_words}|${c.min}|${c.max}|${c.label}`;
    if (drag && source !== parts.range && parts.written === state) continue;
    // The dragged range is not written back: read again once another control is dragged.
    parts.written = source === parts.range ? null : state;
    const { range, number, mark, parity } = parts;
    // The label names which sum a slider spreads or which side a population is of: the
    // switches change it.
    setText(parts.label, c.label);
    if (range !== source && range.valueAsNumber !== c.value) range.value = c.value;
    if (number !== source && number.valueAsNumber !== round(c.value)) number.value = round(c.value);
    if (range.getAttribute('aria-valuetext') !== c.display) range.setAttribute('aria-valuetext', c.display);
    const shown = c.parity != null;
    // Only when it changes: writing `hidden`, even unchanged, invalidates style on every move.
    if (mark.hidden === shown) mark.hidden = !shown;
    if (parity.hidden === shown) parity.hidden = !shown;
    // A hidden button still describes its slider (aria-describedby): no words left from before.
    if (!shown) {
      setText(parity, '');
      continue;
    }
    const t = String((c.parity - c.min) / (c.max - c.min));
    // CSSOM, not a style attribute: allowed by the strict CSP. Written only when it moved.
    if (parts.t !== t) {
      parts.t = t;
      mark.style.setProperty('--t', t);
    }
    setText(parity, c.parity_words);
  }
}

const round = (v) => Math.round(v * 1e6) / 1e6;

/**
 * Slider input is coalesced: the event only records the value, and one render per animation
 * frame applies everything that arrived since (a fast drag fires several events per frame).
 * What is in view changes on the frame the slider moves; during a drag, what is out of view
 * waits until it comes near or the slider rests (`render`, `catchUp`).
 */
const pending = new Map();
let pendingSource = null;
let frameRequested = false;

function onInput(param, value, source) {
  pending.set(param, value);
  pendingSource = source;
  if (!frameRequested) {
    frameRequested = true;
    requestAnimationFrame(flushInput);
  }
}

function flushInput() {
  frameRequested = false;
  const t0 = performance.now();
  guard(() => {
    const messages = [];
    let source = pendingSource;
    for (const [param, value] of pending) {
      try {
        explainer.set(param, value);
      } catch (err) {
        // A typed value out of range: say so, keep the previous one.
        messages.push(`${$(`#label-${param}`).textContent}: ${err.message}`);
        source = null;
      }
    }
    pending.clear();
    notify(messages);
    render(source, true);
    scheduleUrlWrite();
    scheduleAnnounce();
  });
  lastFrameMs = performance.now() - t0;
}
let lastFrameMs = 0;

function applyPreset(name) {
  guard(() => {
    if (name === 'reset') explainer.reset();
    else explainer.preset(name);
    notify([]);
    render();
    writeUrl();
    scheduleAnnounce();
  });
}

/** The page cannot start: the served controls, which work before ready (#41), would change nothing. */
function disableServedControls() {
  globalThis.__pledgeExplainerEarly?.stop();
  for (const input of $$('.control input, .control button, .switch input')) input.disabled = true;
}

/**
 * What the reader did to the served controls before ready (#41; boot.js records each one's
 * last value, in the order last touched): applied now through the core, as a move is (the
 * figures, the prose, the URL follow), on the controls as wired (a rewritten page has new
 * ones). Returns what the core refused, in words, as a move's notices say it.
 */
function takeEarlyMoves() {
  const early = globalThis.__pledgeExplainerEarly;
  if (!early) return [];
  globalThis.__pledgeExplainerEarly = null;
  early.stop();
  const moves = Object.entries(early.moves);
  if (!moves.length) return [];
  const messages = [];
  guard(() => {
    for (const [param, move] of moves) {
      // The parity button: the value that makes the claim exact, with the other moves applied.
      const value = move.parity ? JSON.parse(explainer.live()).controls.find((c) => c.param === param)?.parity : move.value;
      if (value == null) continue;
      try {
        explainer.set(param, value);
      } catch (err) {
        const label = $(`#label-${param}`) || $(`[data-switch="${param}"] legend, [data-switch="${param}"] label`);
        messages.push(`${label ? label.textContent : param}: ${err.message}`);
      }
    }
    render();
    writeUrl();
    scheduleAnnounce();
  });
  return messages;
}

// ---------------------------------------------------------------- rendering

function render(source, onlyInView = false, view = JSON.parse(explainer.live())) {
  lastView = view;
  // A drag leaves the prose, the claim and the figures table as they are while they are out of
  // view (screens away on a phone): brought up to date when they come near, and SETTLE_MS
  // after the last move (`catchUp`).
  const drag = onlyInView && source?.type === 'range';
  for (const region of regions) {
    if (drag && !visible.has(region.name)) deferUntilSettled(region.node);
    else writeRegion(region, view);
  }
  // A slider move (`onlyInView`) changes neither the switches nor which sliders there are (the
  // GDP ones come with the GDP yardstick): checked only after the other changes.
  if (!onlyInView) {
    if (view.controls.map((c) => c.param).join() !== builtSliders) buildControls(view.controls);
    updateSwitches(JSON.parse(explainer.switches()));
  }
  updateControls(view.controls, source);
  if (panelFor) updatePanel(view);
  renderCharts(onlyInView, false, !drag);
}
let lastView = null;

/** The prose, the claim (its verdict and figures), the figures table: `[data-region]` elements. */
let regions = [];

function writeRegion(region, view) {
  const { name, node } = region;
  if (name === 'prose') writeProse(node, view);
  // A card whose words a move changed (per year once the horizons differ, "over 5 years",
  // which sum): the core writes its question and answer again, and its cells are found again.
  const { answer } = region;
  const form = answer && view.answers[node.dataset.card];
  if (form && answer.dataset.answer !== form) {
    answer.innerHTML = explainer.card_answer(node.dataset.card);
    answer.dataset.answer = form;
    const question = $(':scope > h2', node);
    if (question) setText(question, explainer.card_question(node.dataset.card));
    region.figures = regionFigures(node);
  }
  // The claim and the figures table: their labels name what each figure measures, so a move
  // that changes those words has the core write the section again.
  const words = (name === 'claim' || name === 'figures') && regionWords(view)[name];
  if (words && node.dataset.words !== words) {
    node.innerHTML = explainer.section(name);
    node.dataset.words = words;
    region.figures = regionFigures(node);
  }
  for (const cell of region.figures) {
    const key = cell.dataset.figure;
    // Running text writes some figures otherwise (French units): the cells that say so.
    const text = (cell.dataset.form === 'prose' && view.prose[key]) || view.display[key];
    if (text !== undefined) setText(cell, text);
    // A verdict's colour follows the same judgement as its words, written with them.
    if ('verdict' in cell.dataset) {
      const [verdict = '', gap = ''] = (view.judged[key] || '').split(' ');
      if (cell.dataset.verdict !== verdict) cell.dataset.verdict = verdict;
      if (cell.dataset.gap !== gap) cell.dataset.gap = gap;
    }
  }
}

/** The claim's and the figures table's words keys, asked of the core once per view and only
 * when one of the two is written (off screen during a drag they are left to catchUp). */
function regionWords(view) {
  if (!view.words) view.words = JSON.parse(explainer.words());
  return view.words;
}

function writeProse(prose, view) {
  if (prose.childElementCount !== view.order.length || !view.order.every((k, i) => prose.children[i].dataset.sentence === k)) {
    prose.replaceChildren();
    view.order.forEach((key, i) => {
      if (i > 0) prose.append(' ');
      prose.append(el('span', { dataset: { sentence: key } }));
    });
  }
  for (const span of prose.children) setText(span, view.sentences[span.dataset.sentence]);
}

/**
 * Runs `fn` once, `ms` after the last `arm()`. Arming again while it waits only moves the
 * deadline: a drag arms three of these on every move, and clearing and setting a timeout each
 * time (for every region left behind) was a tenth of a move's script on the phone profile.
 */
function debounced(fn, ms) {
  let timer = 0;
  let due = 0;
  const fire = () => {
    const left = due - performance.now();
    if (left > 1) {
      timer = setTimeout(fire, left);
      return;
    }
    timer = 0;
    fn();
  };
  return {
    arm() {
      due = performance.now() + ms;
      if (!timer) timer = setTimeout(fire, ms);
    },
    cancel() {
      clearTimeout(timer);
      timer = 0;
    },
  };
}

const SETTLE_MS = 150;
/** What a drag left behind, marked `aria-busy` (being updated) until `catchUp`. */
const behind = new Set();
const settle = debounced(catchUp, SETTLE_MS);

function deferUntilSettled(node) {
  if (!behind.has(node)) {
    behind.add(node);
    node.setAttribute('aria-busy', 'true');
  }
  settle.arm();
}

/** Brings what a drag left out of view up to date: the regions, the charts' captions. */
function catchUp() {
  settle.cancel();
  if (!behind.size || !lastView) return;
  guard(() => {
    for (const region of regions) writeRegion(region, lastView);
    renderCharts(true, false, true);
  });
  for (const node of behind) node.removeAttribute('aria-busy');
  behind.clear();
}

/**
 * The regions and charts by name: `near` the viewport (within half a screen: kept drawn and
 * current, so a scroll finds them ready) and `visible` on screen (what a drag keeps current on
 * every move: it does not scroll the page). Without IntersectionObserver, all of them.
 */
const near = new Set();
const visible = new Set();
const viewName = (node) => node.dataset.region || node.dataset.chart;
let viewObservers = [];

/** A region's own cells (the sources card holds the prose, claim and figures regions). */
const regionFigures = (node) => $$('[data-figure]', node).filter((cell) => cell.parentElement.closest('[data-region]') === node);

/** Finds the regions (the DOM is rebuilt with the language) and watches them and the charts. */
function watchView() {
  regions = $$('[data-region]').map((node) => ({ node, name: node.dataset.region, figures: regionFigures(node),
    answer: $(':scope > .answer', node) }));
  const watched = [...regions.map((r) => r.node), ...$$('[data-chart]')];
  near.clear();
  visible.clear();
  for (const o of viewObservers) o.disconnect();
  viewObservers = [];
  if (typeof IntersectionObserver !== 'function') {
    for (const set of [near, visible]) for (const node of watched) set.add(viewName(node));
    return;
  }
  // What appears is brought up to date (a chart is drawn) before it is seen.
  const observe = (set, rootMargin) => new IntersectionObserver((entries) => {
    let appeared = false;
    for (const e of entries) {
      const name = viewName(e.target);
      if (!e.isIntersecting) set.delete(name);
      else if (!set.has(name)) {
        set.add(name);
        appeared = true;
        // Measured again as it appears: while its card's content was skipped
        // (`content-visibility`), WebKit can report the box's width from before a resize.
        if (e.target.dataset.chart) measureChart(e.target);
      }
    }
    // catchUp draws and captions the charts too, after the regions.
    if (appeared && behind.size) catchUp();
    else if (appeared) guard(() => renderCharts(true, false, true));
  }, { rootMargin });
  viewObservers = [observe(near, '50% 0px'), observe(visible, '0px')];
  for (const o of viewObservers) for (const node of watched) o.observe(node);
}

/** What each chart was last drawn for: redraw only when its inputs, the language or the width changed. */
const drawnFor = new Map();
/** Charts the served page left as an empty box: drawn when they come into view (or to print). */
const waiting = new Set();
/** Each chart's width: its column in its card (beside the controls, or the card's width). */
const chartWidths = new Map();

/**
 * `onlyInView`: a slider move; charts off screen are drawn when they come into view.
 * `captions`: also the captions of charts left undrawn (a drag leaves them to `catchUp`).
 */
function renderCharts(onlyInView = false, all = false, captions = !onlyInView) {
  // Until the second module is in, the charts stay as served; they are drawn on its arrival.
  if (!laterLoaded) return afterLater(renderCharts);
  // A drag (a move without captions) draws what is on screen, anything else what is near it.
  // The caption is the chart's text alternative: off screen too, it follows the sliders
  // (after a drag, once it rests).
  const drag = onlyInView && !captions && !all;
  for (const name of chartNames) {
    // Off screen during a drag: left to `catchUp` without asking the core whether it changed
    // (its key is a call into the wasm and a string per chart, on every move).
    if (drag && !visible.has(name)) {
      const parts = chartParts(name);
      if (parts) deferUntilSettled(parts.fig);
      continue;
    }
    const chartWidth = chartWidths.get(name) || 0;
    const key = `${chartWidth}|${explainer.chart_key(name)}`;
    if (drawnFor.get(name) === key) continue;
    const parts = chartParts(name);
    if (!parts) continue;
    const { fig } = parts;
    const draw = all || (drag ? visible : near).has(name) || (!onlyInView && !waiting.has(name));
    if (!draw && !captions) {
      deferUntilSettled(fig);
      continue;
    }
    const chart = JSON.parse(explainer.chart(name, chartWidth, draw));
    setText(parts.title, chart.title);
    setText(parts.desc, chart.desc);
    if (parts.labelled !== chart.title) {
      labelDownloads(fig, name, chart.title);
      parts.labelled = chart.title;
    }
    if (!draw) continue;
    patchSvg(parts.plot, chart.svg);
    drawnFor.set(name, key);
    waiting.delete(name);
  }
}

/** Each chart's figure and the parts a redraw writes, found once (again if the card was rewritten). */
const chartPartsCache = new Map();
function chartParts(name) {
  let parts = chartPartsCache.get(name);
  if (!parts || !parts.fig.isConnected) {
    const fig = $(`[data-chart="${name}"]`);
    if (!fig) return null;
    parts = { fig, plot: $('.plot', fig), title: $('h3', fig), desc: $('figcaption p', fig), labelled: null };
    chartPartsCache.set(name, parts);
  }
  return parts;
}

/**
 * Changes a text in place when it differs: a node that holds one text node keeps it (new
 * text nodes would be removed from and added to the layout tree on every move).
 */
function setText(node, text) {
  const only = node.firstChild;
  if (only && only === node.lastChild && only.nodeType === Node.TEXT_NODE) {
    if (only.data !== text) only.data = text;
  } else if (node.textContent !== text) node.textContent = text;
}

// ---------------------------------------------------------------- SVG in place

/**
 * The core writes one SVG element per line (`<rect x="1" …/>`, `<text …>words</text>`). A
 * move changes a few attributes and words of a few of them: those are changed in place, so
 * the browser restyles and repaints only what moved, instead of parsing and laying out a
 * whole new SVG. Anything else (another width, language or a line not of that shape) is
 * parsed anew.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_LINE = /^<([a-z]+)((?: [a-zA-Z:-]+="[^"]*")*)(?:\/>|>([^<]*)<\/\1>)$/;
const SVG_ATTR = / ([a-zA-Z:-]+)="([^"]*)"/g;
const ENTITY = /&(?:#(\d+)|(amp|lt|gt|quot));/g;
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"' };
const unescape = (s) => (s.includes('&') ? s.replace(ENTITY, (all, code, name) => (code ? String.fromCharCode(Number(code)) : NAMED[name])) : s);
const drawnLines = new WeakMap(); // plot -> the lines of the SVG it shows

function parseSvgLine(line) {
  const m = SVG_LINE.exec(line);
  if (!m) return null;
  const attrs = [];
  for (const a of m[2].matchAll(SVG_ATTR)) attrs.push([a[1], unescape(a[2])]);
  return { tag: m[1], attrs, text: m[3] === undefined ? null : unescape(m[3]) };
}

function patchSvg(plot, svgText) {
  const lines = svgText.split('\n');
  const svg = plot.firstElementChild;
  const before = drawnLines.get(plot) || (svg ? null : []);
  if (!svg || !patchElements(svg, before, lines)) plot.innerHTML = svgText; // built and escaped by the core
  drawnLines.set(plot, lines);
}

/** Applies the element lines that changed; false (nothing touched) if it cannot. */
function patchElements(svg, before, lines) {
  const end = lines.lastIndexOf('</svg>');
  if (end < 1) return false;
  if (!before) return sameHead(svg, lines[0]) && patchAll(svg, lines.slice(1, end));
  if (lines[0] !== before[0]) return false;
  const old = before.slice(1, before.lastIndexOf('</svg>'));
  const now = lines.slice(1, end);
  if (svg.childElementCount !== old.length) return false;
  let start = 0;
  while (start < old.length && start < now.length && old[start] === now[start]) start++;
  let oldEnd = old.length, nowEnd = now.length;
  while (oldEnd > start && nowEnd > start && old[oldEnd - 1] === now[nowEnd - 1]) { oldEnd--; nowEnd--; }
  const parsed = now.slice(start, nowEnd).map(parseSvgLine);
  if (parsed.includes(null)) return false;
  const nodes = Array.from(svg.children).slice(start, oldEnd);
  const next = svg.children[oldEnd] || null;
  parsed.forEach((p, i) => {
    const node = nodes[i];
    if (node && node.localName === p.tag) updateElement(node, p);
    else if (node) node.replaceWith(createElement(p));
    else svg.insertBefore(createElement(p), next).after('\n'); // each element on its line, as parsed
  });
  for (const node of nodes.slice(parsed.length)) {
    if (node.nextSibling?.nodeType === Node.TEXT_NODE) node.nextSibling.remove();
    node.remove();
  }
  return true;
}

/** Whether `svg` has the attributes (size, direction) of the start tag `head`. */
function sameHead(svg, head) {
  const p = parseSvgLine(head.replace(/>$/, '/>'));
  return !!p && p.tag === 'svg' && p.attrs.length === svg.attributes.length && p.attrs.every(([k, v]) => svg.getAttribute(k) === v);
}

/** For an SVG drawn by someone else (the static page): every element compared with its line. */
function patchAll(svg, now) {
  const parsed = now.map(parseSvgLine);
  if (parsed.includes(null) || svg.childElementCount !== parsed.length) return false;
  Array.from(svg.children).forEach((node, i) => {
    if (node.localName === parsed[i].tag) updateElement(node, parsed[i]);
    else node.replaceWith(createElement(parsed[i]));
  });
  return true;
}

/** Changes what differs; an element whose attributes are not the same names in the same order is replaced. */
function updateElement(node, p) {
  const names = node.attributes;
  if (names.length !== p.attrs.length || p.attrs.some(([name], i) => names[i].name !== name)) {
    node.replaceWith(createElement(p));
    return;
  }
  for (const [name, value] of p.attrs) if (node.getAttribute(name) !== value) node.setAttribute(name, value);
  if (p.text !== null) setText(node, p.text);
}

function createElement({ tag, attrs, text }) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of attrs) node.setAttribute(name, value);
  if (text !== null) node.textContent = text;
  return node;
}

function labelDownloads(fig, name, title) {
  // In a card, the chart's downloads sit in its footer, beside the data and the embed code.
  const box = fig.closest('.card')?.querySelector('.card-foot') || fig;
  if (!$('.chart-downloads', box)) $('.card-full', box) ? $('.card-full', box).before(downloadButtons(name)) : box.append(downloadButtons(name));
  for (const b of $$('.chart-downloads button', box)) {
    setText(b, strings[`download_${b.dataset.format}`]);
    const label = strings.download_chart.replace('{title}', title).replace('{format}', b.dataset.format.toUpperCase());
    if (b.getAttribute('aria-label') !== label) b.setAttribute('aria-label', label);
  }
}
let chartNames = [];

/**
 * Measures the charts on the next frame and redraws those whose column changed: one layout read
 * per resize or rewrite of the cards, outside the ResizeObserver (redrawing inside it changes
 * what it observes: Firefox then reports a "ResizeObserver loop" error to the page).
 */
let measureFrame = 0;
function measureSoon() {
  if (measureFrame) return;
  measureFrame = requestAnimationFrame(() => {
    measureFrame = 0;
    if (measureCharts()) guard(renderCharts);
  });
}

/** Measures each chart's column (all reads, no write between); true if one changed. */
function measureCharts() {
  let changed = false;
  for (const fig of $$('[data-chart]')) changed = measureChart(fig) || changed;
  return changed;
}

/** Measures one chart's column; true if it changed. */
function measureChart(fig) {
  const width = Math.round($('.plot', fig).clientWidth);
  if (width > 0 && width !== chartWidths.get(fig.dataset.chart)) {
    chartWidths.set(fig.dataset.chart, width);
    return true;
  }
  return false;
}

// ---------------------------------------------------------------- downloads

const DOWNLOAD_WIDTH = 1200;

/** A download asked for by `from`: made, or in a sandbox that saves none, led elsewhere. */
const download = (from, fn) => (SANDBOXED ? guard(() => downloadElsewhere(from)) : withLater(fn));

function downloadButtons(name) {
  const box = el('div', { className: 'chart-downloads' });
  for (const format of ['svg', 'png']) {
    const b = el('button', { type: 'button', dataset: { format } });
    b.addEventListener('click', () => download(b, () => downloadChart(name, format)));
    box.append(b);
  }
  return box;
}

function save(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function downloadChart(name, format) {
  const svg = explainer.chart_file(name, DOWNLOAD_WIDTH);
  const file = `${name}-${strings.lang}`;
  const blob = new Blob([svg], { type: 'image/svg+xml' });
  if (format === 'svg') return save(blob, `${file}.svg`);
  // PNG at twice the size, drawn from the same SVG (blob: images are allowed by the CSP).
  const img = new Image();
  const url = URL.createObjectURL(blob);
  img.onload = () => {
    const canvas = el('canvas', { width: img.naturalWidth * 2, height: img.naturalHeight * 2 });
    const ctx = canvas.getContext('2d');
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    URL.revokeObjectURL(url);
    canvas.toBlob((png) => png && save(png, `${file}.png`), 'image/png');
  };
  img.src = url;
}

// ---------------------------------------------------------------- live panel

/**
 * While a reader moves a slider or a switch, the verdict and the two figures it weighs float
 * beside the control in use, so the effect of a drag stays in view (the prose, table and charts
 * are screens away on a phone, and out of view on a desktop too: the page is one column).
 * Placed absolutely: nothing moves, in a page or in an iframe (whose height the host is not
 * told again). Hidden from assistive technology: the slider's value text and the polite
 * announcement after a drag say the same. Measured: about 0.2 ms a move on loopback.
 */
const PANEL_LINGER_MS = 1500;
let panelFor = null;
let panelTimer = 0;

function panel() {
  let box = $('#live-panel');
  if (!box) {
    const bar = () => el('div', { className: 'lp-row' },
      el('span', { className: 'lp-name' }), el('span', { className: 'lp-track' }, el('i')), el('span', { className: 'lp-num' }));
    box = el('div', { id: 'live-panel', className: 'live-panel', 'aria-hidden': 'true', hidden: true },
      el('p', { className: 'lp-value' }), el('p', { className: 'lp-verdict' }), bar(), bar());
    $('section.controls').append(box);
  }
  return box;
}

/** Shows the panel for the control being used, above it (below it near the top of the screen). */
function showPanel(control) {
  clearTimeout(panelTimer);
  if (!control || !lastView) return;
  // Already up for this control (every input event of a drag): the next frame's render updates it.
  if (panelFor === control && !$('#live-panel').hidden) return;
  const box = panel();
  const fresh = panelFor !== control;
  panelFor = control;
  updatePanel(lastView);
  if (fresh || box.hidden) {
    box.hidden = false;
    // One layout read per interaction, not per move.
    const below = control.getBoundingClientRect().top < box.offsetHeight + 8;
    box.classList.toggle('below', below);
    box.style.setProperty('--top', `${below ? control.offsetTop + control.offsetHeight : control.offsetTop}px`);
  }
}

function hidePanelSoon() {
  clearTimeout(panelTimer);
  panelTimer = setTimeout(() => {
    panelFor = null;
    const box = $('#live-panel');
    if (box) box.hidden = true;
  }, PANEL_LINGER_MS);
}

function updatePanel(view) {
  const { value, verdict, rows } = panelParts();
  const param = panelFor.dataset.control;
  const control = param && view.controls.find((c) => c.param === param);
  setText(value, control ? `${sliderParts.get(param).label.textContent}: ${control.display}` : $('legend, label', panelFor).textContent);
  setText(verdict, view.badge);
  const max = Math.max(...view.compare.map((c) => c.value), Number.MIN_VALUE);
  rows.forEach((row, i) => {
    const c = view.compare[i];
    setText(row.name, c.name);
    setText(row.num, c.display);
    const w = String(Math.round((c.value / max) * 1000) / 1000);
    if (row.w !== w) {
      row.w = w;
      row.node.style.setProperty('--w', w);
    }
  });
}

/** The panel's parts, found once. */
let panelCache = null;
function panelParts() {
  const box = panel();
  if (panelCache?.box !== box) {
    panelCache = { box, value: $('.lp-value', box), verdict: $('.lp-verdict', box),
      rows: $$('.lp-row', box).map((node) => ({ node, name: $('.lp-name', node), num: $('.lp-num', node), w: null })) };
  }
  return panelCache;
}

function watchPanel() {
  // Only the page's own controls: a card's chart is beside its controls, the live view itself.
  for (const box of [$('#sliders'), $('#switches')].filter(Boolean)) {
    const control = (e) => e.target.closest('.control, .switch');
    box.addEventListener('pointerdown', (e) => showPanel(control(e)));
    box.addEventListener('focusin', (e) => showPanel(control(e)));
    box.addEventListener('input', (e) => showPanel(control(e)));
    box.addEventListener('pointerup', hidePanelSoon);
    box.addEventListener('pointercancel', hidePanelSoon);
    box.addEventListener('focusout', hidePanelSoon);
  }
}

// ---------------------------------------------------------------- URL, sharing, announcements

const URL_DEBOUNCE_MS = 300;      // history.replaceState costs ~1 ms: not on every input event
const ANNOUNCE_DEBOUNCE_MS = 800; // screen readers hear the result of a drag, not every step
/** The URL parameters that are the view's state (declared by the core, which writes their values). */
const STATE_PARAMS = DECLARED.state;

function writeUrl() {
  const url = new URL(location.href);
  for (const key of STATE_PARAMS) url.searchParams.delete(key);
  for (const [k, v] of new URLSearchParams(explainer.query(langExplicit))) url.searchParams.set(k, v);
  if (url.href !== location.href) {
    try {
      history.replaceState(history.state, '', url);
    } catch {
      // Some contexts (a file opened from disk, a sandboxed frame) refuse URL changes: the
      // view still works, it just cannot be bookmarked.
    }
  }
  updateLangLinks();
}

const urlWrite = debounced(() => guard(writeUrl), URL_DEBOUNCE_MS);
const scheduleUrlWrite = () => urlWrite.arm();

const announce = debounced(() => {
  if (lastView) $('#announce').textContent = `${lastView.badge}. ${lastView.sentences.lede}`;
}, ANNOUNCE_DEBOUNCE_MS);
const scheduleAnnounce = () => announce.arm();

/** The figures table as a file; a byte-order mark so spreadsheet programs read it as UTF-8. */
function downloadCsv() {
  save(new Blob(['\ufeff', explainer.csv()], { type: 'text/csv;charset=utf-8' }), `figures-${strings.lang}.csv`);
}

/**
 * The status line beside `from`: its card's footer's, a source's own (in the sources list), or
 * the page's (the share buttons', and without `from`).
 */
function statusBeside(from) {
  const box = from?.closest('.card-foot, li');
  if (!box) return $('#copy-status');
  let status = $(':scope > .copy-status', box);
  if (!status) {
    status = el('span', { className: 'copy-status', role: 'status' });
    box.append(status);
  }
  return status;
}

/** Shows `text` to copy, selected, named by `label` (what it is: a link, embed code). */
function showToCopy(label, text, from) {
  const status = statusBeside(from);
  const input = el('input', { value: text, readOnly: true, className: 'copy-fallback' });
  status.replaceChildren(el('label', {}, `${label} `, input));
  input.select();
}

/**
 * Copies `text`, saying so in the page's status line (or, in a card, after `from`); where
 * copying is refused, shows it to copy under `label` (the link's words by default, "Copy embed
 * code" for embed code).
 */
async function copyText(text, done, from, label = strings.copy_failed) {
  try {
    await navigator.clipboard.writeText(text);
    statusBeside(from).textContent = done;
  } catch {
    // Clipboard refused (an iframe without permission, an old browser): show the text to copy.
    showToCopy(label, text, from);
  }
}

// ---------------------------------------------------------------- in a sandbox

/**
 * A frame sandboxed without `allow-same-origin` has an opaque origin: `self.origin` is "null"
 * on an http(s) page. WordPress frames every oEmbed so (`sandbox="allow-scripts"`): there a link
 * with target=_blank opens nothing and a download saves nothing, silently (no `allow-popups`,
 * no `allow-downloads`, and no script can tell which flags a sandbox has but by trying). So in
 * such a frame a link is opened by the host (WordPress's `link` message), or as a popup if one
 * opens, or else shown to copy; a download leads to the explainer's own page, where it works.
 * (A sandbox that does allow downloads without `allow-same-origin` is led there too.)
 */
const SANDBOXED = window.parent !== window && self.origin === 'null' && /^https?:$/.test(location.protocol);
/** The explainer's own origin, from its address (`location.origin` is "null" in a sandbox). */
const OWN_ORIGIN = new URL(location.href).origin;
/** WordPress appends `#?secret=<letters and digits>` to an oEmbed frame's address. */
const WP_SECRET = (location.hash.match(/^#\?(?:.*&)?secret=([A-Za-z0-9]+)/) || [])[1];

/** A click on a link that opens a new tab, in a sandbox: opened the way the sandbox allows. */
function followFromSandbox(e) {
  const a = e.target.closest?.('a[href]');
  if (!a || a.target !== '_blank' || e.defaultPrevented) return;
  e.preventDefault();
  openLink(a.href, a);
}

function openLink(href, from) {
  const url = new URL(href, location.href);
  // WordPress's wp-embed.js takes the reader's tab to an address on the frame's own host when
  // the frame asks; asked for the explainer's own pages only, never another site's (a page of
  // the host's must not be made to send its readers anywhere: no open redirect).
  if (WP_SECRET && postToHost && url.origin === OWN_ORIGIN && /^https?:$/.test(url.protocol)) {
    postToHost({ message: 'link', value: url.href, secret: WP_SECRET });
    return;
  }
  // A sandbox that allows popups: a blank tab cut off from this page, then sent (rel=noopener).
  const opened = window.open('', '_blank');
  if (opened) {
    opened.opener = null;
    opened.location.href = url.href;
    return;
  }
  showToCopy(strings.copy_failed, url.href, from);
}


/**
 * In a sandbox, a download (the data, a chart) leads to this same page at the top level, in
 * the same view (and, on the full page, at the card asked from), where it works: a link, which
 * the host opens (`openLink`), and its address to copy where nothing can open it.
 */
function downloadElsewhere(from) {
  const page = new URL(location.pathname, location.href);
  const query = new URLSearchParams(explainer.query(true));
  const dataset = new URLSearchParams(location.search).get('dataset');
  if (dataset) query.set('dataset', dataset);
  page.search = query.toString();
  const card = !ONE_CARD && from?.closest('[data-card]')?.id;
  if (card) page.hash = card;
  const link = el('a', { href: page.href, target: '_blank', rel: 'noopener', dir: 'ltr' }, page.href);
  statusBeside(from).replaceChildren(`${strings.download_blocked} `, link);
}

// ---------------------------------------------------------------- embedding

/**
 * Inside an iframe, tell the embedding page our height in every convention hosts already
 * listen for, so the explainer drops into their pages unchanged:
 * - Pym.js (`pymxPYMx<childId>xPYMxheightxPYMx<px>`): NPR's pym.js parent and our embed.js;
 * - Datawrapper (`{"datawrapper-height": {"<id>": px}}`);
 * - Flourish (`{"sender": "Flourish", "method": "resize", "height": px}`, as JSON text);
 * - AMP (`{"sentinel": "amp", "type": "embed-size", "height": px}`) for amp-iframe.
 * - WordPress (`{message: "height", value: px, secret}`, when the frame's URL ends in
 *   `#?secret=…`, as WordPress's oEmbed frames do; again on its `{message: "ready"}`).
 * Sent only when the height changes (a ResizeObserver), and in answer to Pym's width
 * messages. Incoming messages from any origin but the embedding page's are ignored, and so
 * is anything not sent by the embedding page itself (another frame of the host).
 * The host may also set the theme: `{type: "pledge-explainer:theme", theme: "light"|"dark"|"auto"}`.
 */
let reportHeight = () => {};
/** Posts a message to the embedding page (set in a frame). */
let postToHost = null;

function startFrameMessaging(params) {
  if (window.parent === window) return;
  const childId = params.get('childId');
  let parentOrigin = '*';
  try {
    // An opaque origin ("null": a file:// or about:blank host page) is not a target postMessage takes.
    const origin = new URL(params.get('parentUrl') || document.referrer).origin;
    if (origin !== 'null') parentOrigin = origin;
  } catch { /* unknown parent: answer anyone, the height is not a secret */ }
  const id = childId || 'pledge-explainer';
  const wpSecret = WP_SECRET;
  const post = (message) => window.parent.postMessage(message, parentOrigin);
  postToHost = post;
  let sent = -1;
  const sendHeight = () => {
    // The layout height, rounded up. (Not scrollHeight: inside a frame it never drops below
    // the frame's own height, so the frame could grow but never shrink.)
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === sent) return;
    sent = height;
    if (childId) post(`pymxPYMx${childId}xPYMxheightxPYMx${height}`);
    post({ 'datawrapper-height': { [id]: height } });
    post(JSON.stringify({ sender: 'Flourish', context: 'iframe.resize', method: 'resize', height, src: location.href }));
    post({ sentinel: 'amp', type: 'embed-size', height });
    if (wpSecret) post({ message: 'height', value: height, secret: wpSecret });
  };
  window.addEventListener('message', (e) => {
    if (e.source !== window.parent) return;
    if (parentOrigin !== '*' && e.origin !== parentOrigin) return;
    const data = e.data;
    if (data && typeof data === 'object') {
      if (data.type === 'pledge-explainer:theme') setTheme(data.theme);
      else if (wpSecret && data.message === 'ready' && data.secret === wpSecret) {
        sent = -1;
        sendHeight();
      }
      return;
    }
    if (typeof data !== 'string') return;
    const m = e.data.match(/^pymxPYMx(.+?)xPYMx(\S+)xPYMx(.*)$/);
    if (m && m[1] === childId && m[2] === 'width') {
      // Answer at once: an off-screen cross-origin frame gets no animation frames or resize
      // observations until it is scrolled into view, but it can still lay out and reply.
      sent = -1;
      sendHeight();
    }
  });
  new ResizeObserver(sendHeight).observe(document.documentElement);
  sendHeight();
  // Also called after the page is rewritten: an off-screen frame gets no resize observations.
  reportHeight = sendHeight;
}

/** The host's theme (its message; theme= is applied by boot.js before the first paint). */
function setTheme(theme) {
  if (theme === 'auto') document.documentElement.removeAttribute('data-theme');
  else if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
  else console.warn('pledge-explainer:theme: not light, dark or auto:', theme);
}

/** What boot.js refused of the host's look (theme=, font=, accent=), in the reader's words. */
function lookNotices() {
  const refused = globalThis.__pledgeExplainerLook?.refused || [];
  // Replaced by functions: a value is text, `$&` in it is not a replacement pattern.
  return refused.map(({ param, value, why, choices }) => strings.param_ignored
    .replace('{param}', () => param)
    .replace('{value}', () => String(value).slice(0, 40))
    .replace('{why}', () => strings[`why_${why}`].replace('{choices}', () => `\u2068${choices}\u2069`)));
}

/**
 * The one-line embed for the current view: our embed.js creates and sizes the iframe. Values
 * are escaped for the attribute, not URL-encoded: embed.js puts them in the frame's URL, and a
 * path encoded twice (`data%2Fstory.json`) is a file some hosts cannot find.
 */
function embedSnippet(card) {
  const base = new URL(ONE_CARD ? '..' : '.', location.href).href;
  const attribute = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const attrs = [`data-lang="${strings.lang}"`];
  if (card) attrs.unshift(`data-card="${card}"`);
  const dataset = new URLSearchParams(location.search).get('dataset');
  if (dataset) attrs.push(`data-dataset="${attribute(dataset)}"`);
  for (const [k, v] of new URLSearchParams(explainer.query(false))) {
    attrs.push(`data-${k.replace(/_/g, '-')}="${attribute(v)}"`);
  }
  return `<div data-pledge-explainer ${attrs.join(' ')}></div><script src="${base}embed.js" async></script>`;
}

// ---------------------------------------------------------------- another story

/**
 * Loads `?dataset=` (same origin only: the CSP's connect-src allows nothing else) and, if it
 * is valid, makes it the explainer's story. Returns the problem in words, or null.
 */
async function loadDataset(asked, tag) {
  let url;
  try {
    // Relative to the explainer's own folder (where this script is), so the same `dataset=`
    // works on the full page and on a card's page under cards/.
    url = new URL(asked, new URL('./', import.meta.url));
  } catch {
    return strings.dataset_unreachable.replace('{status}', '—').replace('{url}', asked);
  }
  if (url.origin !== location.origin) return strings.dataset_cross_origin.replace('{url}', url.href);
  let text;
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) return strings.dataset_unreachable.replace('{status}', `HTTP ${response.status}`).replace('{url}', url.href);
    text = await response.text();
  } catch (err) {
    return strings.dataset_unreachable.replace('{status}', String(err.message || err)).replace('{url}', url.href);
  }
  try {
    const story = new Explainer(text, tag);
    explainer.free();
    explainer = story;
    return null;
  } catch (err) {
    return err.message; // every problem with its JSON path, worded by the core
  }
}

/** Shows why the dataset was refused, and a button to go on with the default story. */
function offerDefault(problem) {
  const box = el('div', { className: 'dataset-error', role: 'alert' });
  for (const line of problem.split('\n')) box.append(el('p', {}, line));
  const button = el('button', { type: 'button' }, strings.use_default_story);
  box.append(button);
  $('#notices').before(box);
  document.documentElement.classList.remove('relabel');
  $('#explainer').setAttribute('aria-busy', 'false');
  return new Promise((done) => button.addEventListener('click', () => {
    box.remove();
    done();
  }, { once: true }));
}

// ---------------------------------------------------------------- the editor's preview

/**
 * `?preview` inside the story editor (editor.html, same origin): the story comes from the
 * editor (preview.js, loaded for this case only, listens for it); `showStory` makes it the
 * page's story.
 */
const PREVIEW = new URLSearchParams(location.search).has('preview') && window.parent !== window;

/** Makes the story `{ json, lang }` the page's; returns the core's words if it refuses it. */
async function showStory(m) {
  if (!(await loadLanguage(m.lang))) console.error(`preview: no words for ${m.lang}`);
  try {
    const story = new Explainer(m.json, m.lang);
    if (explainer) explainer.free();
    explainer = story;
    langExplicit = true;
    return null;
  } catch (err) {
    return String(err.message || err);
  }
}

// ---------------------------------------------------------------- start

/**
 * Where the wasm comes from: compiled early by boot.js (the site), inline base64 (the
 * single-file build), or else fetched here (the reader build, for `?dataset=`) or by the
 * wasm-bindgen glue itself.
 */
async function wasmSource() {
  const inline = globalThis.PLEDGE_EXPLAINER_WASM;
  if (typeof inline === 'string') return { module_or_path: Uint8Array.from(atob(inline), (c) => c.charCodeAt(0)) };
  try {
    const compiled = await globalThis.__pledgeExplainerWasm;
    if (compiled instanceof WebAssembly.Module) return { module_or_path: compiled };
  } catch { /* compile failed early: let the glue try, and report its error */ }
  // Another story needs the build with the JSON reader (same exports, same glue).
  const reader = $('meta[name="pledge-explainer-wasm"]');
  if (reader && (new URLSearchParams(location.search).get('dataset') || PREVIEW)) {
    return { module_or_path: new URL(reader.getAttribute('data-reader'), location.href) };
  }
  return undefined;
}

/**
 * Lets the browser paint the served page before the wasm is instantiated and the page wired
 * (a long task now would hold the first paint back until the page is ready). An off-screen
 * frame gets no animation frames, hence the time limit.
 */
const afterFirstPaint = () => new Promise((done) => {
  requestAnimationFrame(() => setTimeout(done, 0));
  setTimeout(done, 100);
});

async function main() {
  const params = new URLSearchParams(location.search);
  startFrameMessaging(params);
  const locale = pickLocale(params);
  // Fetched while the wasm compiles (a failure is reported by loadLanguage below).
  fetchPack(baseLang(locale.tag)).catch(() => {});
  if (!document.documentElement.classList.contains('relabel')) await afterFirstPaint();
  try {
    wasmExports = await init(await wasmSource());
    // A module split by the build (scripts/split-wasm.mjs) exports its table for the second part.
    laterLoaded = !('%table' in wasmExports);
  } catch (err) {
    console.error(err);
    document.documentElement.classList.remove('relabel');
    disableServedControls();
    // Worded by the static page in its language (there is no string table without the wasm).
    // (A card's own page has no loading line: it says so in its notices.)
    if ($('#loading')) $('#loading').textContent = $('#loading').dataset.failed;
    else notify([$('#notices').dataset.failed]);
    $('#explainer').setAttribute('aria-busy', 'false');
    return;
  }
  // Without its words the page goes on in English (compiled in), and says so in the words of
  // the static page the reader was reading.
  const staticPage = { lang: document.documentElement.lang, packFailed: $('#notices').dataset.packFailed };
  const spoken = await loadLanguage(locale.tag);
  langExplicit = locale.explicit;
  // The default story first: its strings word any problem with a dataset the URL asks for.
  explainer = guard(() => new Explainer(undefined, locale.tag));
  if (!explainer) {
    disableServedControls();
    document.documentElement.classList.remove('relabel');
    return;
  }
  strings = JSON.parse(explainer.strings());
  if (SANDBOXED) document.addEventListener('click', followFromSandbox);
  // The one file the story editor downloads carries the journalist's story in a data block.
  const inlineStory = $('#pledge-explainer-story')?.textContent.trim();
  const asked = params.get('dataset') || (PREVIEW && 'preview') || (inlineStory && 'inline');
  const preview = PREVIEW && await import('./preview.js');
  if (inlineStory) {
    try {
      const story = new Explainer(inlineStory, locale.tag);
      explainer.free();
      explainer = story;
    } catch (err) {
      await offerDefault(String(err.message || err)); // every problem with its JSON path, worded by the core
    }
  } else if (preview) {
    const problem = await showStory(await preview.firstStory());
    if (problem) notify(problem.split('\n'));
    // The editor has its own language switch, and its own embed code naming the saved file.
    // (Through the CSSOM, which the CSP allows: their classes set a display.)
    for (const node of [$('#share'), $('#langs'), ...$$('.card-embed, .card-full')]) if (node) node.style.display = 'none';
  } else if (asked) {
    const problem = await loadDataset(asked, locale.tag);
    if (problem) await offerDefault(problem);
  }
  const applied = JSON.parse(explainer.apply_query(location.search));
  if (!locale.explicit) explainer.set_locale(locale.tag);

  if (showsStaticPage(asked)) {
    strings = JSON.parse(explainer.strings()); // the language may have changed since
    wirePage(true);
  } else {
    // The cards are rewritten by the second module (boot.js fetched it early for such a view).
    if (!await later().then(() => true, laterFailed)) {
      disableServedControls();
      document.documentElement.classList.remove('relabel');
      notify([$('#notices').dataset.failed]);
      $('#explainer').setAttribute('aria-busy', 'false');
      return;
    }
    measureCharts(); // hidden by boot.js when the language or story differs: this layout is unseen
    applyLanguage();
  }
  document.documentElement.classList.remove('relabel');
  const packNotice = spoken ? [] : [{ text: packFailed(staticPage.packFailed || strings.pack_failed, baseLang(locale.tag)), lang: staticPage.lang }];
  const early = takeEarlyMoves();
  notify([...packNotice, ...applied.notices, ...lookNotices(), ...early]);

  watchPanel();
  for (const b of $$('#presets button, #share button, #download-csv')) b.disabled = false;
  for (const b of $$('[data-preset]')) b.addEventListener('click', () => applyPreset(b.dataset.preset));
  // The cards' footers (rebuilt with the language: one listener for all of them).
  $('#cards').addEventListener('click', (e) => {
    // "Full explainer" opens the view as it is now, before the URL's debounced write.
    if (e.target.closest('.card-full')) guard(updateLangLinks);
    const button = e.target.closest('.card-data, .card-embed');
    if (!button) return;
    if (button.classList.contains('card-data')) download(button, downloadCsv);
    else guard(() => copyText(embedSnippet(button.dataset.embed), strings.embed_copied, button, strings.copy_embed_failed));
  });
  for (const a of $$('#langs a')) {
    a.addEventListener('click', (e) => {
      e.preventDefault();
      switchLanguage(a.dataset.lang);
    });
    // The words of another language start loading when the reader reaches for its link.
    const prefetch = () => fetchPack(a.dataset.lang).catch(() => {});
    a.addEventListener('pointerenter', prefetch);
    a.addEventListener('focus', prefetch);
  }
  $('#copy-link')?.addEventListener('click', () => { guard(writeUrl); copyText(location.href, strings.copied); });
  if ($('#copy-embed')) $('#copy-embed').hidden = false;
  $('#copy-embed')?.addEventListener('click', () => guard(() => copyText(embedSnippet(), strings.embed_copied, undefined, strings.copy_embed_failed)));
  $('#download-csv')?.addEventListener('click', (e) => download(e.currentTarget, downloadCsv));
  // Redraw at the new width when the cards' width changes (the charts' columns follow it
  // alone). A change of height, which a move makes whenever a sentence wraps anew, is left
  // alone: measuring then forced a layout inside every such move.
  let cardsWidth = -1;
  new ResizeObserver((entries) => {
    const width = entries[entries.length - 1].contentRect.width;
    if (width === cardsWidth) return;
    cardsWidth = width;
    measureSoon();
  }).observe($('#cards'));
  // Charts left off screen during a drag are drawn before printing.
  addEventListener('beforeprint', () => { catchUp(); guard(() => renderCharts(false, true)); });

  $('#explainer').setAttribute('aria-busy', 'false');
  if (preview) {
    preview.followEditor(async (m) => {
      const problem = await showStory(m);
      if (problem) notify(problem.split('\n'));
      else guard(() => { applyLanguage(); notify([]); });
    });
  }
  // A small public hook for benchmarks and newsroom debugging.
  globalThis.pledgeExplainer = {
    memoryBytes: wasm_memory_bytes,
    lastFrameMs: () => lastFrameMs,
    /** The current view as URL parameters (what the URL will say once it is written). */
    query: () => explainer.query(true),
  };
  performance.mark('explainer:ready');
  // The second module right after ready (a fetch: its compile waits for its bytes): the charts
  // near the screen are drawn when it arrives (the served page's boxes until then).
  pageReady = true;
  if (laterLoaded) performance.mark('explainer:later'); // all in one module: complete at ready
  else later().catch(laterFailed);
}

// ---------------------------------------------------------------- the second module

/**
 * The page's wasm comes in two parts (scripts/split-wasm.mjs, docs/speed.md "What the page loads
 * after it is ready"): the first has all the first screen needs; the second, `_later`, the
 * charts' drawing, the cards rewritten for another language or story, and the CSV. So
 * `chart`, `chart_file`, `sections`, `card` and `csv` are called only once it is in (the
 * first module's placeholders for them throw). A build that did not split (dist/explainer.html,
 * the reader build, pkg/) has it all: `laterLoaded` from the start.
 */
let wasmExports = null;
let laterLoaded = false;
/** Set at ready: what asks for the second module before then waits for ready (or for a view that needs it). */
let pageReady = false;
let laterLoading = null;

function later() {
  if (laterLoaded) return Promise.resolve();
  laterLoading ||= loadLater().then(() => {
    laterLoaded = true;
    for (const fn of afterLaterQueue.splice(0)) guard(fn);
  }, (err) => {
    laterLoading = null; // asked again, tried again
    throw err;
  });
  return laterLoading;
}

async function loadLater() {
  const href = $('meta[name="pledge-explainer-wasm"]')?.getAttribute('data-later');
  if (!href) throw new Error('pledge-explainer: the page names no second module (data-later)');
  // boot.js fetched it with the first when the view needs it before ready (once only).
  const early = globalThis.__pledgeExplainerLater;
  globalThis.__pledgeExplainerLater = null;
  let response = await (early || Promise.reject()).catch(() => null);
  if (!response?.ok) response = await fetch(new URL(href, location.href), { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`pledge-explainer: ${href}: HTTP ${response.status}`);
  // Its imports are the first module's exports: memory, table, stack pointer, functions.
  await WebAssembly.instantiate(await response.arrayBuffer(), { primary: wasmExports });
  performance.mark('explainer:later');
}

/** What waits for the second module (each once, however often asked), run when it arrives. */
const afterLaterQueue = [];
function afterLater(fn) {
  if (!afterLaterQueue.includes(fn)) afterLaterQueue.push(fn);
  if (pageReady) later().catch(laterFailed);
}

/** Runs `fn` (guarded) now if the second module is in, else as soon as it is. */
function withLater(fn) {
  if (laterLoaded) return guard(fn);
  later().then(() => guard(fn), laterFailed);
}

/** The second module did not arrive (the network): the charts stay as served, asked again on the next need. */
function laterFailed(err) {
  console.error(err);
  return false;
}

main();
