// The explainer page: wires the wasm core to the DOM. All figures, words and number formats
// come from the core; this file only reads inputs, writes text and keeps the URL in step.
import init, { Explainer } from './pkg/pledge_explainer.js';

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
const URL_DEBOUNCE_MS = 300;

let explainer = null;
let strings = null;
let langFromUrl = false;

/** The language: ?lang=, else the browser's, else English. */
function pickLocale(params) {
  const asked = params.get('lang');
  if (asked) return { tag: asked, explicit: true };
  for (const tag of navigator.languages || [navigator.language]) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (base === 'ar' || base === 'fr' || base === 'en') return { tag, explicit: false };
  }
  return { tag: 'en', explicit: false };
}

function notify(messages) {
  const box = $('#notices');
  box.replaceChildren(...messages.map((m) => {
    const p = document.createElement('p');
    p.textContent = m;
    return p;
  }));
}

/** Runs a call into wasm; a trap or a bug leaves the last good figures on screen. */
function guard(fn) {
  try {
    return fn();
  } catch (err) {
    console.error(err);
    notify([(strings && strings.crashed) || 'Something went wrong in the calculation.']);
    return undefined;
  }
}

function applyStrings() {
  strings = explainer.strings();
  document.documentElement.lang = strings.lang;
  document.documentElement.dir = strings.dir;
  document.title = explainer.title();
  $('#title').textContent = explainer.title();
  for (const el of $$('[data-i18n]')) {
    const text = strings[el.dataset.i18n];
    if (typeof text === 'string') el.textContent = text;
  }
}

function buildControls() {
  const box = $('#sliders');
  box.replaceChildren();
  for (const c of explainer.controls()) {
    const wrap = document.createElement('div');
    wrap.className = 'control';
    wrap.dataset.control = c.param;

    const label = document.createElement('label');
    label.id = `label-${c.param}`;
    label.htmlFor = `range-${c.param}`;
    label.textContent = c.label;

    const range = document.createElement('input');
    range.type = 'range';
    range.id = `range-${c.param}`;
    range.name = c.param;
    Object.assign(range, { min: c.min, max: c.max, step: c.step });
    range.value = c.value;
    range.setAttribute('aria-valuetext', c.display);

    const number = document.createElement('input');
    number.type = 'number';
    number.id = `number-${c.param}`;
    number.inputMode = 'decimal';
    Object.assign(number, { min: c.min, max: c.max, step: c.step });
    number.value = c.value;
    number.setAttribute('aria-labelledby', label.id);

    range.addEventListener('input', () => onInput(c.param, range.valueAsNumber, range));
    number.addEventListener('change', () => onInput(c.param, number.valueAsNumber, number));

    const row = document.createElement('div');
    row.className = 'control-row';
    row.append(range, number);
    wrap.append(label, row);
    box.append(wrap);
  }
}

function onInput(param, value, source) {
  guard(() => {
    try {
      explainer.set(param, value);
      notify([]);
    } catch (err) {
      // A typed value out of range: say so, and keep the previous one.
      notify([`${$(`#label-${param}`).textContent}: ${err.message}`]);
    }
    render(source);
    scheduleUrlUpdate();
  });
}

function render(source) {
  const view = explainer.report();
  const prose = $('#prose');
  prose.replaceChildren();
  view.order.forEach((key, i) => {
    if (i > 0) prose.append(' ');
    const span = document.createElement('span');
    span.dataset.sentence = key;
    span.textContent = view.sentences[key];
    prose.append(span);
  });
  renderTable(view.rows);
  for (const el of $$('[data-figure]')) {
    const text = view.display[el.dataset.figure];
    if (text !== undefined && el.textContent !== text) el.textContent = text;
  }
  for (const c of explainer.controls()) {
    const range = $(`#range-${c.param}`);
    const number = $(`#number-${c.param}`);
    if (!range) continue;
    if (range !== source) range.value = c.value;
    if (number !== source) number.value = c.value;
    range.setAttribute('aria-valuetext', c.display);
  }
}

function renderTable(rows) {
  const box = $('#figures');
  let table = $('table', box);
  const fresh = !table || table.rows.length !== rows.length || table.dataset.lang !== strings.lang;
  if (fresh) {
    table = document.createElement('table');
    table.className = 'figures-table';
    table.dataset.lang = strings.lang;
    table.setAttribute('aria-labelledby', 'figures-heading');
    const body = table.createTBody();
    for (const r of rows) {
      const tr = body.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = r.label;
      const td = document.createElement('td');
      td.dataset.figure = r.key;
      tr.append(th, td);
    }
    box.replaceChildren(table);
  }
}

let urlTimer = 0;
function scheduleUrlUpdate() {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => {
    guard(() => {
      const url = new URL(location.href);
      const known = new Set(['lang', 'eurusd', 'pop_fr', 'pop_us', 'uae']);
      for (const key of [...url.searchParams.keys()]) if (known.has(key)) url.searchParams.delete(key);
      const ours = new URLSearchParams(explainer.query(langFromUrl));
      for (const [k, v] of ours) url.searchParams.set(k, v);
      history.replaceState(history.state, '', url);
    });
  }, URL_DEBOUNCE_MS);
}

async function main() {
  const params = new URLSearchParams(location.search);
  try {
    await init();
  } catch (err) {
    console.error(err);
    $('#loading').textContent =
      'The interactive version could not load in this browser; the figures below use the sourced defaults.';
    $('#explainer').setAttribute('aria-busy', 'false');
    return;
  }
  const locale = pickLocale(params);
  langFromUrl = locale.explicit;
  explainer = guard(() => new Explainer(undefined, locale.tag));
  if (!explainer) return;
  const applied = explainer.apply_query(location.search);
  if (!explainer.set_locale(locale.tag)) explainer.set_locale('en');
  applyStrings();
  notify(applied.notices);
  buildControls();
  render();
  $('#loading').hidden = true;
  $('#explainer').setAttribute('aria-busy', 'false');
  performance.mark('explainer:ready');
}

main();
