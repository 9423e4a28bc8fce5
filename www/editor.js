// The story editor (editor.html): a form for every field of a dataset, checked on each edit by
// the core's own reader (`check_dataset`, the same code that reads `?dataset=`), with the
// explainer itself as the preview (index.html?preview in a frame, fed by postMessage).
// The form is built from data/dataset.schema.json; the editor's own words are in
// editor-strings.json (one table per language); every message about the data is the core's.
// The form comes in steps, in the order a story is told (STEPS); each shows its own fields,
// and a problem is shown at a field only once the writer has touched it (or asked to publish).
// Sections: strings · steps · the draft (model, paths, JSON text) · the form · a table pasted
// from a spreadsheet · problems · preview · open, save, publish · the draft in this browser · start.
import init, { check_dataset, load_language } from './pkg/pledge_explainer.js';

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

/** A dataset is a few kilobytes; anything above this is not one (and would stall the page). */
const MAX_FILE_BYTES = 1_000_000;
const DRAFT_KEY = 'pledge-explainer:editor-draft';
const PREVIOUS_KEY = 'pledge-explainer:editor-previous';
const DRAFT_DEBOUNCE_MS = 300;
// @shared (the build writes www/shared.js and the declarations here: DECLARED, firstLanguage)
/** The core's French and Arabic words (its messages about a dataset), as the explainer loads them. */
const LANGUAGE_PACKS = { fr: './i18n/fr.json', ar: './i18n/ar.json' };

let allStrings = null;
let s = null; // the current language's table
let lang = 'en';
let schema = null;

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('aria-') || k.startsWith('data-') || k === 'role' || k === 'for' || k === 'lang' || k === 'dir') node.setAttribute(k, v);
    else node[k] = v;
  }
  node.append(...children);
  return node;
}

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
/** Numbers and times as the editor's language writes them (Arabic-Indic digits in Arabic). */
const locale = () => (lang === 'ar' ? 'ar-EG' : lang);
const count = (n) => n.toLocaleString(locale());
/** A counted phrase: the table gives one form per CLDR plural category (Arabic has six). */
const plural = (entry, n, values = {}) => fill(typeof entry === 'string' ? entry : entry[new Intl.PluralRules(lang).select(n)] || entry.other, { count: count(n), ...values });

// ---------------------------------------------------------------- steps

/**
 * The steps, in story order: which top-level parts of the dataset each edits, and which card of
 * the explainer its preview shows. Texts in French and Arabic are all on the languages step.
 */
const STEPS = [
  { id: 'package', parts: ['id', 'title', 'subject'], card: 'claim' },
  { id: 'comparison', parts: ['benchmark', 'exchange_rate', 'ranges'], card: 'claim' },
  { id: 'pledges', parts: ['subject.pledges'], card: 'pledges' },
  { id: 'claims', parts: ['claim', 'gdp_claim', 'energy'], card: 'claim' },
  { id: 'sources', parts: ['sources', 'caveats', 'reported'], card: 'sources' },
  { id: 'languages', parts: [], card: 'claim' },
  { id: 'publish', parts: [], card: null },
];
const LANGUAGES_STEP = 5;
const PUBLISH_STEP = 6;
/** The explainer's cards (dist/cards/<card>.html): the publish step gives each one's embed code. */
const CARDS = ['claim', 'gdp', 'pledges', 'horizon', 'sensitivity', 'energy', 'sources'];
/**
 * The page the preview shows for a card (null: the full page). The card pages are not in this
 * tree yet; once they are, this becomes `(card) => (card ? `cards/${card}.html` : 'index.html')`.
 */
const previewPage = (card) => 'index.html'; // eslint-disable-line no-unused-vars
let step = 0;

/** The step a field belongs to, by its path as the form or the core writes it. */
function stepOf(path) {
  // A text's French and Arabic; not the per-language choices of `quoted_in` and `forms`,
  // which stay beside their English on their own step.
  if (/(^|\.)(fr|ar)$/.test(path) && !/^sources[.[]/.test(path) && !/(^|\.)(quoted_in|forms)\./.test(path)) return LANGUAGES_STEP;
  if (/^subject\.pledges($|[.[])/.test(path)) return 2;
  const top = path.split(/[.[]/)[0];
  const found = STEPS.findIndex((x) => x.parts.includes(top));
  return found < 0 ? 0 : found;
}

// ---------------------------------------------------------------- strings

/** Gives the core the words of `code`; without them its messages stay in English (said in the console). */
async function loadCoreWords(code) {
  if (!LANGUAGE_PACKS[code]) return;
  try {
    const response = await fetch(new URL(LANGUAGE_PACKS[code], import.meta.url));
    if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
    if (load_language((await response.json()).join('\u001f')) !== code) throw new Error(`${code}: not a whole language pack`);
  } catch (err) {
    console.error(err);
  }
}

function applyStrings() {
  s = allStrings[lang];
  document.documentElement.lang = lang;
  document.documentElement.dir = s.dir;
  document.title = `${s.title} · pledge explainer`;
  for (const node of $$('[data-s]')) node.textContent = s[node.dataset.s];
}

/** The most specific entry of `table` for a path (indices left out), else undefined. */
function lookup(table, path) {
  const keys = path.filter((k) => typeof k === 'string');
  const withItems = path.map((k) => (typeof k === 'number' ? 'item' : k));
  const candidates = [withItems.join('.'), keys.join('.'), keys.slice(-2).join('.'), keys[keys.length - 1]];
  for (const c of candidates) if (c && table[c]) return table[c];
  return undefined;
}
/** A field's label. */
const label = (path) => lookup(s.fields, path) ?? path.filter((k) => typeof k === 'string').pop() ?? '';
/** A field's hint in the journalist's words (`field_hints`: the fields a story rarely needs). */
const hintOf = (path) => lookup(s.field_hints, path);
function hintFor(path, id) {
  const hint = hintOf(path);
  return hint ? el('p', { className: 'hint field-hint', id }, hint) : '';
}

// ---------------------------------------------------------------- the draft

/**
 * The dataset as the form holds it: the JSON's shape, except `sources`, a list of
 * `{ id, publisher, … }` (so two sources may briefly share an id while one is renamed),
 * and numbers as typed until they are numbers.
 */
let model = {};
/** How each pledge's amount is entered (one, range, none), kept while the form is rebuilt. */
const amountModes = new WeakMap();

/** `['subject', 'pledges', 0, 'low_bn']` → `subject.pledges[0].low_bn`, as the core writes paths. */
const pathText = (path) => path.reduce((t, k) => (typeof k === 'number' ? `${t}[${k}]` : t ? `${t}.${k}` : k), '');

function getAt(path) {
  return path.reduce((v, k) => (v == null ? undefined : v[k]), model);
}

function setAt(path, value) {
  let node = model;
  path.slice(0, -1).forEach((k, i) => {
    if (node[k] == null || typeof node[k] !== 'object') node[k] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[k];
  });
  const last = path[path.length - 1];
  if (value === undefined || value === '') delete node[last];
  else node[last] = value;
}

function resolve(node) {
  if (!node || !node.$ref) return node || {};
  const { $ref, ...rest } = node;
  return { ...schema.$defs[$ref.split('/').pop()], ...rest, def: $ref.split('/').pop() };
}

const isSourceRef = (path) => ['source', 'kind_source'].includes(path[path.length - 1]) || path[path.length - 2] === 'quoted_in';
const isCaveatSources = (path) => path[0] === 'caveats' && path[2] === 'sources';
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * The draft as the ordered value the file will hold: the schema's order, empty optional
 * fields and groups left out, required ones kept even when empty (so the core names each
 * missing field by its own path). Objects are Maps, to keep the order whatever the keys.
 */
function ordered(node, value, required, path) {
  node = resolve(node);
  if ('const' in node) return node.const;
  if (path.length === 1 && path[0] === 'sources') {
    const map = new Map();
    for (const entry of Array.isArray(value) ? value : []) {
      const { id = '', ...fields } = entry;
      if (map.has(id)) continue; // a twin id: the editor flags it on the field
      map.set(id, ordered(schema.properties.sources.additionalProperties, fields, true, ['sources', id]));
    }
    return map;
  }
  if (node.type === 'object' || node.properties) {
    const map = new Map();
    for (const [key, child] of Object.entries(node.properties || {})) {
      const v = ordered(child, value?.[key], (node.required || []).includes(key), [...path, key]);
      if (v !== undefined) map.set(key, v);
    }
    return required || hasContent(map) ? map : undefined;
  }
  if (node.type === 'array') {
    const items = Array.isArray(value) ? value.map((v, i) => ordered(node.items, v, true, [...path, i])) : [];
    return items.length || required ? items.map((v) => (v === undefined ? null : v)) : undefined;
  }
  if (value === undefined || value === null || value === '') return undefined;
  if (node.type === 'number' && typeof value === 'string') {
    const typed = value.trim();
    return NUMBER.test(typed) ? Number(typed) : value; // not a number: the core says so
  }
  return value;
}

/** Whether an optional group holds anything typed (its required parts alone do not count). */
function hasContent(v) {
  if (v instanceof Map) return [...v.values()].some(hasContent);
  if (Array.isArray(v)) return v.some(hasContent);
  return v !== undefined && v !== null;
}

/** JSON text with two-space indents, the layout of the shipped datasets (readable diffs). */
function stringify(value, indent = '') {
  const inner = `${indent}  `;
  if (value instanceof Map) {
    if (!value.size) return '{}';
    const lines = [...value].map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stringify(v, inner)}`);
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    return `[\n${value.map((v) => `${inner}${stringify(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  return JSON.stringify(value);
}

const datasetText = (draft = model) => `${stringify(ordered(schema, draft, true, []))}\n`;

/**
 * A parsed dataset as the form's model; every field the form cannot hold is listed in `lost`
 * (the file is then refused rather than silently cut).
 */
function adopt(node, value, path, lost) {
  node = resolve(node);
  if (value === null || value === undefined) return undefined;
  if ('const' in node) return undefined;
  if (path.length === 1 && path[0] === 'sources') {
    if (typeof value !== 'object' || Array.isArray(value)) return void lost.push(pathText(path));
    return Object.entries(value).map(([id, v]) => ({ id, ...adopt(node.additionalProperties, v, ['sources', id], lost) }));
  }
  if (node.type === 'object' || node.properties) {
    if (typeof value !== 'object' || Array.isArray(value)) return void lost.push(pathText(path));
    const out = {};
    for (const [key, v] of Object.entries(value)) {
      if (!node.properties?.[key]) lost.push(pathText([...path, key]));
      else {
        const adopted = adopt(node.properties[key], v, [...path, key], lost);
        if (adopted !== undefined) out[key] = adopted;
      }
    }
    return out;
  }
  if (node.type === 'array') {
    if (!Array.isArray(value)) return void lost.push(pathText(path));
    return value.map((v, i) => adopt(node.items, v, [...path, i], lost) ?? (resolve(node.items).type === 'string' ? '' : {}));
  }
  if (typeof value === 'number' || typeof value === 'string') return value;
  lost.push(pathText(path));
  return undefined;
}

const emptyStory = () => ({ sources: [], subject: { pledges: [] } });

/** "A new story": a valid example, every value marked or sourced to a marked example source. */
let example = null;
const exampleStory = () => structuredClone(example.model);

// ---------------------------------------------------------------- the form

/** Each field and group by its path as the core names it (sources by index), for problems. */
const fields = new Map();
const groups = new Map();
/** Optional groups the writer opened, kept open across rebuilds. */
const opened = new Set();

const idOf = (prefix, path) => `${prefix}-${pathText(path)}`;

function crumbs(path) {
  const names = [];
  for (let i = 1; i <= path.length; i++) {
    const sub = path.slice(0, i);
    const k = sub[sub.length - 1];
    names.push(typeof k === 'number' ? fill(s.item, { what: label([...sub.slice(0, -1), 0]), n: count(k + 1) }) : label(sub));
  }
  return names.filter(Boolean).join(' › ');
}

function errorSlot(id) {
  return el('p', { className: 'error', id, hidden: true });
}

/** One input, text area or select, with its label and a slot for its problems. */
function leaf(path, control, { optional } = {}) {
  const id = idOf('f', path);
  control.id = id;
  const error = errorSlot(idOf('e', path));
  const lab = el('label', { for: id }, label(path), optional ? el('span', { className: 'optional' }, ` (${s.optional})`) : '');
  const hint = hintFor(path, idOf('h', path));
  if (hint) control.setAttribute('aria-describedby', hint.id);
  fields.set(pathText(path), { control, error, crumb: crumbs(path), hint: hint && hint.id });
  return el('div', { className: 'field' }, lab, hint, control, error);
}

function textInput(path, { multiline = false, dir, language, numeric = false } = {}) {
  const value = getAt(path);
  const control = multiline ? el('textarea', { rows: 3 }) : el('input', { type: 'text' });
  control.value = value === undefined ? '' : String(value);
  if (numeric) control.setAttribute('inputmode', 'decimal');
  if (dir) control.setAttribute('dir', dir);
  if (language) control.setAttribute('lang', language);
  control.dataset.path = JSON.stringify(path);
  return control;
}

function select(path, options, current) {
  const control = el('select', { 'data-path': JSON.stringify(path) });
  for (const [value, text] of options) control.append(el('option', { value }, text));
  control.value = current ?? '';
  return control;
}

function sourceChoices(current) {
  const ids = (model.sources || []).map((x) => x.id).filter(Boolean);
  const options = [['', s.choose_source], ...ids.map((id) => [id, id])];
  if (current && !ids.includes(current)) options.push([current, fill(s.unknown_source, { id: current })]);
  return options;
}

function group(path, node, required, build) {
  const key = pathText(path);
  const error = errorSlot(idOf('e', path));
  const title = label(path);
  const body = el('div', { className: 'group-body' });
  let outer;
  if (path.length === 0) {
    outer = el('div', { className: 'root', id: idOf('g', path) }, error, body);
  } else if (required) {
    outer = el('fieldset', { className: 'group', id: idOf('g', path) }, el('legend', {}, title), error, body);
  } else {
    // Optional groups fold away until used: the form stays short for a simple story.
    const value = getAt(path);
    const used = value && typeof value === 'object' && JSON.stringify(value) !== '{}';
    outer = el('details', { className: 'group optional-group', id: idOf('g', path), open: used || opened.has(key) },
      el('summary', {}, title, el('span', { className: 'optional' }, ` (${s.optional})`)),
      el('div', { role: 'group', 'aria-label': title }, error, body));
    outer.addEventListener('toggle', () => (outer.open ? opened.add(key) : opened.delete(key)));
  }
  groups.set(key, { el: outer, error, crumb: crumbs(path) });
  if (path.length) body.append(hintFor(path, idOf('h', path)));
  build(body);
  return outer;
}

const TEXT_LANGS = Object.fromEntries(DECLARED.languages.map((l) => [l, DECLARED.rtl.includes(l) ? 'rtl' : 'ltr']));
const withClass = (name, node) => (node.classList.add(name), node);

function build(node, path, required) {
  node = resolve(node);
  const key = path[path.length - 1];
  if ('const' in node) return '';
  if (path.length === 1 && key === 'sources') return sourcesList(path);
  if (isCaveatSources(path)) return caveatSources(path);
  if (node.def === 'text') {
    return withClass('text', group(path, node, required, (body) => {
      const long = path[0] === 'caveats' || key === 'text';
      // English here; French and Arabic all together on the languages step, beside the English
      // (a source's words, its publisher's names, stay with the source: \`stepOf\`).
      const here = path[0] === 'sources' ? DECLARED.languages : DECLARED.languages.slice(0, 1);
      const codes = step === LANGUAGES_STEP ? DECLARED.languages.slice(1) : here;
      if (step === LANGUAGES_STEP) body.append(el('p', { className: 'reference', lang: 'en', dir: 'ltr' }, getAt([...path, 'en']) || s.no_english));
      for (const code of codes) {
        body.append(leaf([...path, code], textInput([...path, code], { multiline: long, dir: TEXT_LANGS[code], language: code }), { optional: code !== 'en' }));
      }
    }));
  }
  if (node.type === 'object' || node.properties) {
    return group(path, node, required, (body) => {
      for (const [k, child] of Object.entries(node.properties)) {
        if (node.def === 'pledge' && k === 'high_bn') continue;
        if (path.length === 1 && path[0] === 'subject' && k === 'pledges') continue; // their own step
        if (node.def === 'pledge' && k === 'low_bn') body.append(amount(path));
        else body.append(build(child, [...path, k], (node.required || []).includes(k)));
      }
    });
  }
  if (node.type === 'array') return itemList(node, path);
  const optional = !required;
  if (isSourceRef(path)) return leaf(path, select(path, sourceChoices(getAt(path)), getAt(path)), { optional });
  if (node.enum) {
    // A source's language by its name in the editor's language (the fields' own words).
    const names = key === 'kind' ? s.kinds : key === 'lang' ? s.fields : {};
    return leaf(path, select(path, [['', s.choose], ...node.enum.map((v) => [v, names[v] || v])], getAt(path)), { optional });
  }
  const arabic = key === 'quote_ar';
  const multiline = arabic || key === 'note' || (key === 'title' && path[0] === 'sources');
  // Numbers, addresses and dates read left to right in every language; the Arabic quote right to left.
  const machine = node.type === 'number' || ['url', 'date', 'as_of', 'id'].includes(key);
  const dir = arabic ? 'rtl' : machine ? 'ltr' : undefined;
  return leaf(path, textInput(path, { numeric: node.type === 'number', multiline, dir, language: arabic ? 'ar' : undefined }), { optional });
}

function amountMode(pledge) {
  if (!amountModes.has(pledge)) {
    const { low_bn: low, high_bn: high } = pledge;
    const none = (v) => v === undefined || v === '';
    amountModes.set(pledge, none(low) && none(high) ? 'none' : String(low) === String(high) ? 'one' : 'range');
  }
  return amountModes.get(pledge);
}

/** A pledge's amount: one figure (low = high), a range, or named without an amount. */
function amount(path) {
  const pledge = getAt(path) || {};
  const mode = amountMode(pledge);
  const name = `amount-${pathText(path)}`;
  const radios = el('fieldset', { className: 'amount-mode' }, el('legend', {}, s.amount_mode));
  for (const m of ['one', 'range', 'none']) {
    const radio = el('input', { type: 'radio', name, value: m, id: `${name}-${m}`, checked: m === mode, 'data-amount': JSON.stringify(path) });
    radios.append(el('span', { className: 'choice' }, radio, el('label', { for: radio.id }, s[`amount_${m}`])));
  }
  const box = el('div', { className: 'amount' }, radios);
  if (mode === 'one') {
    const f = leaf([...path, 'low_bn'], textInput([...path, 'low_bn'], { numeric: true, dir: 'ltr' }));
    $('label', f).textContent = s.amount;
    f.querySelector('input').dataset.mirror = JSON.stringify([...path, 'high_bn']);
    fields.set(pathText([...path, 'high_bn']), fields.get(pathText([...path, 'low_bn'])));
    box.append(f);
  } else if (mode === 'range') {
    box.append(leaf([...path, 'low_bn'], textInput([...path, 'low_bn'], { numeric: true, dir: 'ltr' })),
      leaf([...path, 'high_bn'], textInput([...path, 'high_bn'], { numeric: true, dir: 'ltr' })));
  }
  return box;
}

/** Amounts put aside by "named without an amount", given back if the writer changes their mind. */
const setAside = new WeakMap();

function setAmountMode(path, mode) {
  const pledge = getAt(path);
  amountModes.set(pledge, mode);
  if (mode === 'none') {
    if (pledge.low_bn !== undefined || pledge.high_bn !== undefined) setAside.set(pledge, { low_bn: pledge.low_bn, high_bn: pledge.high_bn });
    delete pledge.low_bn;
    delete pledge.high_bn;
  } else {
    if (pledge.low_bn === undefined && pledge.high_bn === undefined && setAside.has(pledge)) Object.assign(pledge, setAside.get(pledge));
    if (mode === 'one' && pledge.low_bn !== undefined) pledge.high_bn = pledge.low_bn;
  }
  rebuild();
}

/** Pledges and caveats: each item with move and remove buttons, and an add button. */
function itemList(node, path) {
  const items = getAt(path) || [];
  const add = { 'subject.pledges': s.add_pledge, caveats: s.add_caveat }[pathText(path)];
  return group(path, node, true, (body) => {
    items.forEach((item, i) => {
      const itemPath = [...path, i];
      const box = build(node.items, itemPath, true);
      box.classList.add('item');
      const legend = $('legend', box);
      const name = item?.name?.en;
      legend.textContent = fill(s.item, { what: label([...path, 0]), n: count(i + 1) }) + (name ? `: ${name}` : '');
      box.append(itemButtons(path, i, items.length));
      body.append(box);
    });
    body.append(el('button', { type: 'button', className: 'add', 'data-add': JSON.stringify(path) }, add));
  });
}

function itemButtons(path, i, length) {
  const ref = JSON.stringify([...path, i]);
  const what = fill(s.item, { what: label([...path, 0]), n: count(i + 1) });
  const button = (action, text, disabled) => el('button', {
    type: 'button', 'data-item': action, 'data-ref': ref, disabled, 'aria-label': `${text}: ${what}`, id: `${action}-${pathText([...path, i])}`,
  }, text);
  return el('div', { className: 'item-buttons' },
    button('up', s.move_up, i === 0), button('down', s.move_down, i === length - 1), button('remove', s.remove, false));
}

/** Sources: a list, each with its id (what figures cite) and its fields. */
function sourcesList(path) {
  const node = resolve(schema.properties.sources.additionalProperties);
  const list = model.sources || [];
  return group(path, node, true, (body) => {
    list.forEach((entry, i) => {
      const itemPath = ['sources', i];
      const box = group(itemPath, node, true, (inner) => {
        inner.append(leaf([...itemPath, 'id'], textInput([...itemPath, 'id'], { dir: 'ltr' })));
        for (const [k, child] of Object.entries(node.properties)) {
          inner.append(build(child, [...itemPath, k], node.required.includes(k)));
        }
      });
      box.classList.add('item');
      $('legend', box).textContent = fill(s.item, { what: label(['sources', 0]), n: count(i + 1) }) + (entry.id ? `: ${entry.id}` : '');
      box.append(itemButtons(path, i, list.length));
      body.append(box);
    });
    body.append(el('button', { type: 'button', className: 'add', 'data-add': JSON.stringify(path) }, s.add_source));
  });
}

/** The sources a caveat rests on: a checkbox per source. */
function caveatSources(path) {
  const chosen = getAt(path) || [];
  const ids = (model.sources || []).map((x) => x.id).filter(Boolean);
  const all = [...ids, ...chosen.filter((id) => !ids.includes(id))];
  const error = errorSlot(idOf('e', path));
  const box = el('fieldset', { className: 'group checks', id: idOf('g', path) }, el('legend', {}, label(path)), error);
  all.forEach((id, i) => {
    const box1 = el('input', { type: 'checkbox', id: `${idOf('f', path)}-${i}`, value: id, checked: chosen.includes(id), 'data-checks': JSON.stringify(path) });
    box.append(el('span', { className: 'choice' }, box1, el('label', { for: box1.id }, ids.includes(id) ? id : fill(s.unknown_source, { id }))));
  });
  groups.set(pathText(path), { el: box, error, crumb: crumbs(path) });
  return box;
}

/** Rebuilds the form from the model, keeping focus and caret where they were. */
function rebuild(focusId) {
  const active = document.activeElement;
  const keep = focusId || (active && active.id);
  const caret = active && 'selectionStart' in active ? [active.selectionStart, active.selectionEnd] : null;
  fields.clear();
  groups.clear();
  const form = $('#form');
  form.replaceChildren(stepContent());
  const again = keep && document.getElementById(keep);
  if (again) {
    reveal(again);
    again.focus({ preventScroll: !focusId });
    if (caret && !focusId && again.setSelectionRange) try { again.setSelectionRange(...caret); } catch { /* not a text field */ }
  }
  changed();
}

/** The current step's fields (and, for pledges and sources, pasting a table). */
function stepContent() {
  return group([], schema, true, (body) => {
    if (step === LANGUAGES_STEP) {
      for (const path of textPaths(schema, model, [])) {
        const box = build({ $ref: '#/$defs/text' }, path, true);
        $('legend', box).textContent = crumbs(path);
        body.append(box);
      }
      return;
    }
    for (const part of STEPS[step].parts) {
      const path = part.split('.');
      const parent = path.length > 1 ? resolve(schema.properties[path[0]]) : schema;
      const key = path[path.length - 1];
      if (part === 'subject.pledges' || part === 'sources') body.append(tablePaste(part === 'sources' ? 'sources' : 'pledges'));
      body.append(build(parent.properties[key], path, (parent.required || []).includes(key)));
    }
  });
}

/** Every text of the story (title, names, claims, caveats…) the draft has or needs, in order. */
function textPaths(node, value, path, out = []) {
  node = resolve(node);
  if (node.def === 'text') out.push(path);
  else if (path.length === 1 && path[0] === 'sources') return out; // no texts in other languages
  else if (node.type === 'object' || node.properties) {
    for (const [k, child] of Object.entries(node.properties || {})) {
      if (value?.[k] !== undefined || (node.required || []).includes(k)) textPaths(child, value?.[k], [...path, k], out);
    }
  } else if (node.type === 'array' && Array.isArray(value)) value.forEach((v, i) => textPaths(node.items, v, [...path, i], out));
  return out;
}

/** Shows step `n`: its fields, its hint, the progress line, and the preview of its card. */
function goStep(n, { focus = true } = {}) {
  step = Math.max(0, Math.min(STEPS.length - 1, n));
  if (step === PUBLISH_STEP) reviewing = true; // asking to publish: every problem is listed
  showStepFrame();
  rebuild();
  if (focus) $('#step-heading').focus({ preventScroll: true });
  scrollTo({ top: Math.min(scrollY, $('.steps').offsetTop) });
  if (step === PUBLISH_STEP) showEmbedCodes();
  keepDraft();
}

function showStepFrame() {
  const name = s[`step_${STEPS[step].id}`];
  $('#step-heading').textContent = name;
  $('#step-hint').textContent = s[`hint_${STEPS[step].id}`];
  $('#progress').textContent = fill(s.progress, { n: count(step + 1), total: count(STEPS.length), name });
  $('#progress-fill').style.inlineSize = `${((step + 1) / STEPS.length) * 100}%`;
  for (const b of $$('#steps button')) {
    $('.n', b).textContent = count(Number(b.dataset.step) + 1);
    if (Number(b.dataset.step) === step) b.setAttribute('aria-current', 'step');
    else b.removeAttribute('aria-current');
  }
  $('#publish').hidden = step !== PUBLISH_STEP;
  $('#form').hidden = step === PUBLISH_STEP;
  $('#prev').disabled = step === 0;
  $('#next').disabled = step === STEPS.length - 1;
  showPreviewSection();
}

function reveal(node) {
  for (let d = node.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
}

function onInput(e) {
  const t = e.target;
  if (t.dataset.path) {
    const path = JSON.parse(t.dataset.path);
    touched.add(pathText(path));
    if (t.dataset.mirror) touched.add(pathText(JSON.parse(t.dataset.mirror)));
    const old = getAt(path);
    setAt(path, t.value);
    if (t.dataset.mirror) setAt(JSON.parse(t.dataset.mirror), t.value);
    // A source renamed: what cited it follows, unless the name is shared with another source.
    if (path[0] === 'sources' && path[2] === 'id') {
      renameCitations(old, t.value, path[1]);
      rebuild();
      return;
    }
    refreshLegend(path);
    changed();
  } else if (t.dataset.tableText) {
    tables[t.dataset.tableText].text = t.value;
  } else if (t.dataset.checks) {
    const path = JSON.parse(t.dataset.checks);
    touched.add(pathText(path));
    setAt(path, $$(`input[data-checks='${t.dataset.checks}']`).filter((c) => c.checked).map((c) => c.value));
    changed();
  } else if (t.dataset.amount && t.checked) {
    setAmountMode(JSON.parse(t.dataset.amount), t.value);
  }
}

/** An item's legend says its English name ("Pledge 2: Brookfield"). */
function refreshLegend(path) {
  if (path[0] !== 'subject' || path[1] !== 'pledges' || path[4] !== 'en') return;
  const box = document.getElementById(idOf('g', path.slice(0, 3)));
  const legend = box && $('legend', box);
  if (legend) legend.textContent = fill(s.item, { what: label(['subject', 'pledges', 0]), n: count(path[2] + 1) }) + (getAt(path) ? `: ${getAt(path)}` : '');
}

function renameCitations(from, to, index) {
  const ids = (model.sources || []).map((x, i) => (i === index ? null : x.id));
  if (!from || ids.includes(from) || ids.includes(to)) return;
  const visit = (v, key) => {
    if (Array.isArray(v)) v.forEach((x, i) => (key === 'sources' && x === from ? (v[i] = to) : visit(x, i)));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'source' || k === 'kind_source') && x === from) v[k] = to;
        else visit(x, k);
      }
    }
  };
  const { sources, ...rest } = model;
  visit(rest);
}

function onClick(e) {
  const b = e.target.closest('button');
  if (!b) return;
  if (b.dataset.table) onTable(b);
  else if (b.dataset.add) {
    const path = JSON.parse(b.dataset.add);
    const list = getAt(path) || [];
    list.push(path[0] === 'sources' ? { id: '' } : path[0] === 'caveats' ? { sources: [] } : {});
    setAt(path, list);
    const first = path[0] === 'sources' ? [...path, list.length - 1, 'id'] : [...path, list.length - 1, path[0] === 'caveats' ? 'text' : 'name', 'en'];
    rebuild(idOf('f', first));
  } else if (b.dataset.item) {
    const path = JSON.parse(b.dataset.ref);
    const i = path.pop();
    const list = getAt(path);
    const action = b.dataset.item;
    if (action === 'remove') {
      list.splice(i, 1);
      rebuild(list.length ? `remove-${pathText([...path, Math.min(i, list.length - 1)])}` : undefined);
      if (!list.length) $(`[data-add='${JSON.stringify(path)}']`).focus();
    } else {
      const j = action === 'up' ? i - 1 : i + 1;
      [list[i], list[j]] = [list[j], list[i]];
      // Focus follows the item; at an end, where its button is disabled, to the other one.
      const atEnd = action === 'up' ? j === 0 : j === list.length - 1;
      rebuild(`${atEnd ? (action === 'up' ? 'down' : 'up') : action}-${pathText([...path, j])}`);
    }
  }
}

// ---------------------------------------------------------------- a table pasted from a spreadsheet

/**
 * Pledges and sources can be pasted as a table (tab-separated, as every spreadsheet copies, or
 * CSV): with a header row naming the columns in any of the editor's languages, or else in this
 * order (a pledge's table with one amount column has three or four cells a row).
 */
const TABLES = {
  pledges: { columns: ['name', 'low', 'high', 'source', 'as_of'], oneAmount: ['name', 'amount', 'source', 'as_of'] },
  sources: { columns: ['id', 'publisher', 'title', 'date', 'url', 'note'] },
};
/** What the writer pasted and what it reads as, kept while the form is rebuilt. */
const tables = { pledges: { text: '', result: null }, sources: { text: '', result: null } };

/** Cells of a TSV or CSV text: quoted cells may hold the delimiter, quotes ("") and line breaks. */
function splitTable(text) {
  const first = text.split('\n', 1)[0];
  const delimiter = text.includes('\t') ? '\t' : first.split(';').length > first.split(',').length ? ';' : ',';
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') cell += text[++i];
      else quoted = false;
    } else if (c === '"' && !cell.trim()) {
      quoted = true;
      cell = '';
    } else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows.map((r) => r.map((x) => x.trim())).filter((r) => r.some(Boolean));
}

/** A column named in a header cell, in any of the editor's languages (`Name|Investor`: either). */
function columnNamed(cell, kind) {
  const wanted = cell.toLocaleLowerCase().replace(/\s+/g, ' ');
  const known = [...TABLES[kind].columns, ...(TABLES[kind].oneAmount || [])];
  return known.find((col) => col.replace('_', ' ') === wanted
    || DECLARED.languages.some((l) => allStrings[l].columns[col].split('|').some((name) => name.toLocaleLowerCase() === wanted)));
}

const columnName = (col) => allStrings[lang].columns[col].split('|')[0];
const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

/**
 * A spreadsheet's number as the dataset writes it: spaces, currency signs and Arabic-Indic digits
 * are only how it was shown; "1,5" is a decimal comma unless the table is comma-separated. What
 * is still not a number is kept as typed, and the core says so.
 */
function tableNumber(cell, delimiter) {
  const digits = cell.replace(ARABIC_DIGITS, (d) => String(d.charCodeAt(0) & 0xf)).replace(/[\s\u00a0\u202f€$£]/g, '').replace('\u066b', '.');
  return delimiter !== ',' && /^\d+,\d+$/.test(digits) ? digits.replace(',', '.') : digits;
}

/** A source named by its id, publisher or address: its id. */
function sourceId(cell) {
  const found = (model.sources || []).find((x) => x.id === cell) || (model.sources || []).find((x) => x.publisher === cell || x.url === cell);
  return found ? found.id : cell;
}

/**
 * Reads the pasted table: its rows as pledges or sources, and every problem with them named by
 * row and column, in the core's words (the rows are checked in a copy of the draft, as the
 * list they would make).
 */
function readTable(kind) {
  const text = tables[kind].text;
  const rows = splitTable(text);
  const first = text.split('\n', 1)[0];
  const delimiter = text.includes('\t') ? '\t' : first.split(';').length > first.split(',').length ? ';' : ',';
  if (!rows.length) return { items: [], columns: [], rows: [], problems: [{ message: s.table_empty }] };
  const problems = [];
  let columns;
  let header = 0;
  const named = rows[0].map((cell) => columnNamed(cell, kind));
  if (named.filter(Boolean).length >= 2) {
    header = 1;
    columns = named;
    rows[0].forEach((cell, i) => {
      if (!named[i]) problems.push({ row: 1, column: cell, message: fill(s.table_unknown_column, { columns: TABLES[kind].columns.map(columnName).join(', ') }) });
    });
  } else {
    const n = Math.max(...rows.map((r) => r.length));
    const one = kind === 'pledges' && (n <= 3 || (n === 4 && !/^[\d\s.,\u0660-\u0669€$£]+$/.test(rows[0][2] || '')));
    columns = (one ? TABLES.pledges.oneAmount : TABLES[kind].columns).slice(0, n);
  }
  const body = rows.slice(header);
  const items = body.map((cells, r) => {
    if (cells.length > columns.length) problems.push({ row: r + 1 + header, message: fill(s.table_too_many, { cells: count(cells.length), columns: count(columns.length) }) });
    const at = (col) => {
      const i = columns.indexOf(col);
      return i < 0 || !cells[i] ? undefined : cells[i];
    };
    if (kind === 'sources') {
      return { id: at('id') || '', publisher: at('publisher'), title: at('title'), date: at('date'), url: at('url'), note: at('note') };
    }
    const number = (col) => (at(col) === undefined ? undefined : tableNumber(at(col), delimiter));
    const low = columns.includes('amount') ? number('amount') : number('low');
    const high = columns.includes('amount') ? number('amount') : number('high') ?? low;
    return { name: { en: at('name') }, low_bn: low, high_bn: high, source: at('source') && sourceId(at('source')), as_of: at('as_of') };
  });
  for (const item of items) for (const k of Object.keys(item)) if (item[k] === undefined) delete item[k];

  // Each row checked by the core as the only item of its list (one row's problems do not hide
  // another's); problems elsewhere in the draft are not the table's.
  const checked = (item) => {
    const draft = structuredClone(model);
    if (kind === 'sources') draft.sources = [item];
    else (draft.subject ||= {}).pledges = [item];
    return JSON.parse(check_dataset(datasetText(draft), lang));
  };
  const field = { name: 'name', low_bn: 'low', high_bn: 'high', source: 'source', as_of: 'as_of' };
  const inTable = (col) => (columns.includes(col) ? columnName(col) : undefined);
  const cellOf = (i, key) => {
    if (kind === 'sources') return inTable(key);
    const col = field[key];
    return col === 'low' || col === 'high' ? inTable(columns.includes('amount') ? 'amount' : col) : col && inTable(col);
  };
  const seen = new Set();
  items.forEach((item, i) => {
    if (kind === 'sources' && item.id && seen.has(item.id)) problems.push({ row: i + 1 + header, column: columnName('id'), message: s.source_id_twice });
    seen.add(item.id);
  });
  items.forEach((item, i) => {
    for (const p of checked(item)) {
      let key;
      if (kind === 'pledges') {
        const m = /^subject\.pledges\[0\](?:\.(\w+))?/.exec(p.path);
        if (!m) continue;
        key = m[1];
      } else {
        if (p.path !== `sources.${item.id}` && !p.path.startsWith(`sources.${item.id}.`)) continue;
        key = p.path.slice(`sources.${item.id}.`.length) || undefined;
      }
      problems.push({ row: i + 1 + header, column: key && (cellOf(i, key) || label(['sources', 0, key])), message: p.message });
    }
  });
  problems.sort((a, b) => (a.row || 0) - (b.row || 0));
  return { items, columns, rows: body, header, problems };
}

function problemText(p) {
  if (p.row === undefined) return p.message;
  return p.column ? fill(s.table_cell_problem, { row: count(p.row), column: p.column, message: p.message })
    : fill(s.table_row_problem, { row: count(p.row), message: p.message });
}

/** The paste box of a step, and (once read) the rows it gives, its problems and what to do. */
function tablePaste(kind) {
  const state = tables[kind];
  const id = `table-${kind}`;
  const area = el('textarea', { id, rows: 5, dir: 'auto', spellcheck: false, 'data-table-text': kind });
  area.value = state.text;
  const box = el('details', { className: 'table-paste', id: `${id}-box`, open: Boolean(state.text) },
    el('summary', {}, s[`table_${kind}`]),
    el('p', { className: 'hint', id: `${id}-hint` }, s[`table_hint_${kind}`]),
    el('p', { className: 'field' }, el('label', { for: id }, s.table_label), area),
    el('button', { type: 'button', 'data-table': 'read', 'data-kind': kind }, s.table_read));
  area.setAttribute('aria-describedby', `${id}-hint`);
  const result = state.result;
  if (result) {
    const n = result.items.length;
    const summary = el('p', { className: result.problems.length ? 'refusal' : '', id: `${id}-status`, tabIndex: -1 },
      result.problems.length ? plural(s.table_problems, result.problems.length, { rows: plural(s.table_rows, n) }) : plural(s.table_ok, n, { rows: plural(s.table_rows, n) }));
    const list = el('ul', { className: 'table-problems' }, ...result.problems.map((p) => el('li', {}, problemText(p))));
    const bad = new Set(result.problems.map((p) => `${p.row}|${p.column}`));
    const table = el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, s.table_row), ...result.columns.map((c) => el('th', { scope: 'col' }, c ? columnName(c) : '?')))),
      el('tbody', {}, ...result.rows.map((cells, r) => el('tr', {},
        el('th', { scope: 'row' }, count(r + 1 + result.header)),
        ...result.columns.map((c, i) => {
          const wrong = c && bad.has(`${r + 1 + result.header}|${columnName(c)}`);
          return el('td', { className: wrong ? 'bad' : '' }, cells[i] || '', wrong ? el('span', { className: 'visually-hidden' }, ` (${s.table_bad_cell})`) : '');
        })))));
    const clash = kind === 'sources' && result.items.some((x) => (model.sources || []).some((y) => y.id && y.id === x.id));
    const blocked = result.problems.length > 0 || n === 0;
    box.append(el('div', { className: 'table-result', id: `${id}-result` }, summary, list, el('div', { className: 'table-scroll' }, table),
      clash ? el('p', { className: 'hint' }, s.table_join_clash) : '',
      el('div', { className: 'row' },
        el('button', { type: 'button', 'data-table': 'replace', 'data-kind': kind, disabled: blocked }, s[`table_replace_${kind}`]),
        el('button', { type: 'button', 'data-table': 'join', 'data-kind': kind, disabled: blocked || clash }, s[`table_join_${kind}`]))));
  }
  return box;
}

function onTable(b) {
  const kind = b.dataset.kind;
  const state = tables[kind];
  if (b.dataset.table === 'read') {
    state.result = readTable(kind);
    rebuild(`table-${kind}-status`);
    return;
  }
  const { items } = state.result;
  const next = structuredClone(model);
  if (kind === 'sources') next.sources = b.dataset.table === 'replace' ? items : [...(next.sources || []), ...items];
  else {
    next.subject ||= {};
    next.subject.pledges = b.dataset.table === 'replace' ? items : [...(next.subject.pledges || []), ...items];
  }
  tables[kind] = { text: '', result: null };
  replaceDraft(next, plural(b.dataset.table === 'replace' ? s.table_replaced : s.table_joined, items.length), { keepPublishPath: true, keepTouched: true });
}

// ---------------------------------------------------------------- problems

let problems = [];
let shown = [];

/** Maps the core's path (`sources.<id>.url`) to the form's (`sources[2].url`). */
function formPath(path) {
  if (!path.startsWith('sources.')) return path;
  const rest = path.slice('sources.'.length);
  let best = -1;
  (model.sources || []).forEach((x, i) => {
    const id = x.id ?? '';
    if ((rest === id || rest.startsWith(`${id}.`)) && (best < 0 || id.length > model.sources[best].id.length)) best = i;
  });
  return best < 0 ? 'sources' : `sources[${best}]${rest.slice(model.sources[best].id.length)}`;
}

/** The field (or else the group) a problem belongs to: the nearest one the path names. */
function target(path) {
  for (let p = formPath(path); ;) {
    for (const candidate of [p, `${p}.en`, `${p}.value`]) {
      if (fields.has(candidate)) return fields.get(candidate);
    }
    if (groups.has(p)) return groups.get(p);
    const up = p.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
    if (!p || up === p) return groups.get('');
    p = up;
  }
}

function duplicateIds() {
  const seen = new Set();
  const out = [];
  (model.sources || []).forEach((x, i) => {
    if (x.id && seen.has(x.id)) out.push({ path: `sources[${i}].id`, problem: 'duplicate', message: s.source_id_twice, form: true });
    seen.add(x.id);
  });
  return out;
}

/** Fields the writer has touched: only their problems are shown, until they ask to publish. */
const touched = new Set();
let reviewing = false;

function showsProblem(path) {
  if (reviewing) return true;
  for (const t of touched) if (t === path || t.startsWith(`${path}.`) || t.startsWith(`${path}[`)) return true;
  return false;
}

/** `subject.pledges[0].low_bn` → `['subject', 'pledges', 0, 'low_bn']`. */
const parsePath = (text) => (text.match(/\[\d+\]|[^.[\]]+/g) || []).map((k) => (k[0] === '[' ? Number(k.slice(1, -1)) : k));

/** A link in the summary: to the step, then the field (or the group) the problem is about. */
function summaryLink(path, form, where, text) {
  const a = el('a', { href: `#${encodeURIComponent(idOf('f', parsePath(path)))}`, 'data-problem': path, 'data-form': form ? '1' : undefined, 'data-to-step': where },
    `${s[`step_${STEPS[where].id}`]} › ${text}`);
  return el('li', {}, a);
}

/** Fields still holding the example's marked values (or citing its example source). */
function placeholdersLeft() {
  const out = [];
  const visit = (v, path) => {
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, [...path, k]);
    else if (typeof v === 'string' && (v.includes(example.mark) || (isSourceRef(path) && v === example.source)
      || ((isCaveatSources(path) || path.join() === 'id') && v === (path[0] === 'id' ? example.id : example.source)) || (path[0] === 'sources' && path[2] === 'id' && v === example.source))) out.push(path);
  };
  visit(model, []);
  return out.sort((a, b) => stepOf(pathText(a)) - stepOf(pathText(b)));
}

function showProblems() {
  for (const t of shown) {
    t.error.hidden = true;
    t.error.textContent = '';
    if (t.hint) (t.control || t.el).setAttribute('aria-describedby', t.hint);
    else (t.control || t.el).removeAttribute('aria-describedby');
    if (t.control) t.control.removeAttribute('aria-invalid');
  }
  shown = [];
  const list = $('#summary-list');
  list.replaceChildren();
  const perStep = STEPS.map(() => 0);
  for (const p of problems) {
    const path = p.form ? p.path : formPath(p.path);
    const where = stepOf(path);
    perStep[where] += 1;
    if (reviewing) list.append(summaryLink(p.path, p.form, where, `${crumbs(parsePath(path)) || s.title}: ${p.message}`));
    if (where !== step || !showsProblem(path)) continue;
    const t = p.form ? fields.get(p.path) : target(p.path);
    if (!t) continue;
    if (!shown.includes(t)) {
      shown.push(t);
      t.error.hidden = false;
      // The words are tied to the field, or to the group a problem of the whole group is about.
      (t.control || t.el).setAttribute('aria-describedby', [t.hint, t.error.id].filter(Boolean).join(' '));
      if (t.control) t.control.setAttribute('aria-invalid', 'true');
    }
    t.error.append(el('span', {}, p.message));
  }
  const left = reviewing ? placeholdersLeft() : [];
  $('#placeholder-list').replaceChildren(...left.map((path) => summaryLink(pathText(path), true, stepOf(pathText(path)), `${crumbs(path)}: ${s.still_example}`)));
  $('#summary-none').hidden = problems.length + left.length > 0;
  // Once the writer has asked to publish, each step says how many problems it holds.
  for (const b of $$('#steps button')) {
    const n = reviewing ? perStep[Number(b.dataset.step)] : 0;
    let mark = $('.mark', b);
    if (!n) mark?.remove();
    else {
      if (!mark) b.append(mark = el('span', { className: 'mark' }));
      mark.textContent = ` (${plural(s.step_problems, n)})`;
    }
  }
  const summary = $('#summary');
  summary.classList.toggle('clean', problems.length === 0);
  const text = problems.length === 0 ? s.valid : plural(s.problems_count, problems.length);
  if ($('#summary-count').textContent !== text) $('#summary-count').textContent = text;
}

/** After every edit: the core checks the draft; a valid one goes to the preview at once. */
function changed() {
  const text = datasetText();
  problems = [...JSON.parse(check_dataset(text, lang)), ...duplicateIds()];
  showProblems();
  if (!problems.length) showPreview(text);
  if (!publishPath) $('#publish-path').value = currentPublishPath();
  keepDraft();
}

// ---------------------------------------------------------------- preview

let frame = null;
let framePage = null;
let frameReady = false;
let previewText = null;

/** What the preview shows at this step: its card (a section of the full page for now). */
const previewSection = () => STEPS[step].card || 'top';

function showPreview(text) {
  previewText = text;
  const page = previewPage(STEPS[step].card);
  if (!frame && starting) {
    // The explainer in the frame is a page of its own to lay out: started once the editor is
    // painted and idle, so it never delays the editor's first paint or its first input.
    // WebKit (Safari, every iPhone browser) has no requestIdleCallback: after the next paint.
    const idle = globalThis.requestIdleCallback
      ? (fn) => requestIdleCallback(fn, { timeout: 1000 })
      : (fn) => requestAnimationFrame(() => setTimeout(fn, 0));
    idle(() => showPreview(previewText));
    return;
  }
  if (!frame || framePage !== page) {
    $('#preview-note').hidden = true;
    frame?.remove();
    frameReady = false;
    framePage = page;
    frame = el('iframe', { title: s.preview_title, src: `${page}?preview&lang=${lang}` });
    $('#preview-frame').append(frame);
  } else sendPreview();
}

function sendPreview() {
  if (frameReady && previewText) frame.contentWindow.postMessage({ type: 'pledge-explainer:story', json: previewText, lang, section: previewSection() }, location.origin);
}

/** On a step change: the preview shows that step's card (a new page once cards are pages). */
function showPreviewSection() {
  if (!frame) return;
  if (framePage !== previewPage(STEPS[step].card)) showPreview(previewText);
  else if (frameReady) frame.contentWindow.postMessage({ type: 'pledge-explainer:section', section: previewSection() }, location.origin);
}

addEventListener('message', (e) => {
  if (!frame || e.source !== frame.contentWindow || e.origin !== location.origin) return;
  if (e.data?.type === 'pledge-explainer:preview-ready') {
    frameReady = true;
    sendPreview();
  } else if (e.data?.type === 'pledge-explainer:previewed') {
    frame.dataset.shown = String(e.data.json === previewText);
  }
});

// ---------------------------------------------------------------- open, save, embed

function say(lines, { undo = false, alert = false } = {}) {
  const box = $('#messages');
  box.replaceChildren(...lines.map((line, i) => el('p', { className: alert && i === 0 ? 'refusal' : '' }, line)));
  if (undo) {
    const b = el('button', { type: 'button', id: 'undo' }, s.undo);
    b.addEventListener('click', () => {
      const back = previous;
      if (!back) return;
      previous = model;
      model = back;
      publishPath = null;
      rebuild();
      say([s.undone]);
    });
    box.append(b);
  }
}

function refuse(name, lines) {
  say([fill(s.refused, { name }), ...lines], { alert: true });
  return false;
}

let previous = null;

function replaceDraft(next, message, { keepPublishPath = false, keepTouched = false } = {}) {
  previous = model;
  try {
    localStorage.setItem(PREVIOUS_KEY, JSON.stringify(previous));
  } catch { /* the undo still works until the page is closed */ }
  model = next;
  if (!keepPublishPath) publishPath = null;
  if (!keepTouched) {
    // Another story: nothing in it has been touched yet.
    touched.clear();
    reviewing = false;
  }
  rebuild();
  say([message], { undo: true });
}

/** Opens a dataset's text: refused with the core's words if it is not one the form can hold. */
function openText(text, name) {
  if (text.length > MAX_FILE_BYTES) return refuse(name, [s.too_big]);
  const fatal = JSON.parse(check_dataset(text, lang)).filter((p) =>
    p.problem === 'malformed' || p.problem === 'unsupported_version' || (p.problem === 'wrong_type' && p.path === ''));
  if (fatal.length) return refuse(name, fatal.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)));
  const lost = [];
  const next = adopt(schema, JSON.parse(text), [], lost);
  if (lost.length) return refuse(name, [s.would_lose, lost.join(', ')]);
  replaceDraft({ ...emptyStory(), ...next }, fill(s.opened, { name }));
  return true;
}

async function openFile(file) {
  if (!file) return;
  if (file.size > MAX_FILE_BYTES) return refuse(file.name, [s.too_big]);
  let text;
  try {
    text = await file.text();
  } catch (err) {
    return refuse(file.name, [fill(s.not_a_file, { why: err.message || err })]);
  }
  return openText(text, file.name);
}

async function openShipped(path) {
  try {
    const response = await fetch(path, { credentials: 'same-origin' });
    if (!response.ok) return refuse(path, [fill(s.fetch_failed, { why: `HTTP ${response.status}` })]);
    if (openText(await response.text(), path)) {
      publishPath = path;
      $('#publish-path').value = path;
      keepDraft();
      return true;
    }
  } catch (err) {
    refuse(path, [fill(s.fetch_failed, { why: err.message || err })]);
  }
  return false;
}

/** The file's name: the story's id, kept to what any file system accepts. */
const fileName = () => `${String(model.id || 'story').replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 100) || 'story'}.json`;

function download(blob, name) {
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function save() {
  download(new Blob([datasetText()], { type: 'application/json' }), fileName());
  const file = fileName();
  say([problems.length ? fill(s.saved_invalid, { file, count: count(problems.length) }) : fill(s.saved_file, { file })]);
}

/** Where the saved file will live beside the explainer; follows the id until edited. */
let publishPath = null;
const currentPublishPath = () => publishPath || `data/${fileName()}`;

const attribute = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function embedCode() {
  const base = new URL('.', location.href).href;
  return `<div data-pledge-explainer data-lang="${lang}" data-dataset="${attribute(currentPublishPath())}"></div>`
    + `<script src="${base}embed.js" async></script>`;
}

/** A card's address beside the explainer, showing the published file in the editor's language. */
const cardUrl = (card) => `${new URL(`cards/${card}.html`, location.href).href}?dataset=${currentPublishPath().replace(/[%&#?\s]/g, encodeURIComponent)}&lang=${lang}`;

function cardEmbedCode(card) {
  const base = new URL('.', location.href).href;
  return `<div data-pledge-explainer data-card="${card}" data-lang="${lang}" data-dataset="${attribute(currentPublishPath())}"></div>`
    + `<script src="${base}embed.js" async></script>`;
}

/** The publish step's codes: the full page's, then each card's, from the one list of cards. */
function showEmbedCodes() {
  $('#embed-code').value = embedCode();
  $('#card-codes').replaceChildren(...CARDS.map((card) => {
    const id = `card-code-${card}`;
    const area = el('textarea', { id, rows: 3, dir: 'ltr', readOnly: true, spellcheck: false });
    area.value = cardEmbedCode(card);
    return el('li', { 'data-card': card },
      el('p', { className: 'field' }, el('label', { for: id }, s.cards[card]), area),
      el('p', { className: 'hint card-url', dir: 'ltr' }, cardUrl(card)),
      el('button', { type: 'button', 'data-copy': id, 'aria-label': `${s.copy_embed}: ${s.cards[card]}` }, s.copy_embed));
  }));
}

async function copyCode(code, done) {
  try {
    await navigator.clipboard.writeText(code);
    say([done]);
  } catch {
    say([s.copy_failed]);
    const area = el('textarea', { readOnly: true, rows: 3, value: code, dir: 'ltr', 'aria-label': s.copy_embed });
    $('#messages').append(area);
    area.select();
  }
}

const copyEmbed = () => copyCode(embedCode(), fill(s.embed_copied, { path: currentPublishPath() }));

/** The explainer's single-file build with the journalist's story in it (no script to hash: a data block). */
const STORY_SLOT = '<script type="application/json" id="pledge-explainer-story"></script>';

async function downloadOneFile() {
  if (problems.length) return say([plural(s.one_file_invalid, problems.length)], { alert: true });
  let template;
  try {
    const response = await fetch('explainer-story.html', { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    template = await response.text();
    if (!template.includes(STORY_SLOT)) throw new Error('explainer-story.html: no place for the story');
  } catch (err) {
    return say([fill(s.one_file_failed, { why: err.message || err })], { alert: true });
  }
  // In JSON "<" is only ever inside a string, where \u003c means the same: nothing can end the block.
  const story = datasetText().replace(/</g, '\\u003c');
  const html = template.replace(STORY_SLOT, () => STORY_SLOT.replace('></', `>${story}</`));
  const file = fileName().replace(/\.json$/, '.html');
  download(new Blob([html], { type: 'text/html' }), file);
  say([fill(s.one_file_saved, { file })]);
}

// ---------------------------------------------------------------- the draft in this browser

let draftTimer = 0;
/** Until the first edit, a draft that could not be read is left in place. */
let starting = true;

function keepDraft() {
  if (starting) return;
  clearTimeout(draftTimer);
  draftTimer = setTimeout(() => {
    const when = new Date();
    try {
      localStorage.setItem(DRAFT_KEY, JSON.stringify({ saved: when.toISOString(), lang, step, publish: publishPath, model }));
      $('#draft-status').textContent = fill(s.draft_saved, { when: when.toLocaleTimeString(locale()) });
    } catch (err) {
      $('#draft-status').textContent = fill(s.draft_not_saved, { why: err.name || err });
    }
  }, DRAFT_DEBOUNCE_MS);
}

function restoreDraft() {
  try {
    const kept = JSON.parse(localStorage.getItem(DRAFT_KEY) || 'null');
    if (!kept || typeof kept.model !== 'object' || !kept.model) return null;
    try {
      previous = JSON.parse(localStorage.getItem(PREVIOUS_KEY) || 'null');
    } catch { previous = null; }
    return kept;
  } catch {
    return null; // an unreadable draft: start afresh, and overwrite it only once edited
  }
}

// ---------------------------------------------------------------- start

async function main() {
  const [strings, schemaText, exampleText] = await Promise.all([
    fetch('editor-strings.json').then((r) => r.json()),
    fetch('data/dataset.schema.json').then((r) => r.json()),
    fetch('editor-example.json').then((r) => r.json()),
    init({ module_or_path: new URL($('meta[name="pledge-explainer-wasm"]').content, location.href) }),
  ]);
  allStrings = strings;
  schema = schemaText;
  // The example's marks: what the publish step lists as still to be replaced.
  const { $mark: mark, ...exampleModel } = exampleText;
  const lost = [];
  example = { model: adopt(schema, exampleModel, [], lost), mark, id: exampleModel.id, source: Object.keys(exampleModel.sources)[0] };
  if (lost.length) throw new Error(`editor-example.json: not in the format: ${lost.join(', ')}`);
  const kept = restoreDraft();
  const asked = new URLSearchParams(location.search).get('lang');
  lang = firstLanguage([asked, kept?.lang, ...(navigator.languages || [])])?.lang || DECLARED.languages[0];
  $('#lang').value = lang;
  await loadCoreWords(lang);
  applyStrings();
  if (kept) {
    model = { ...emptyStory(), ...kept.model };
    publishPath = kept.publish || null;
    step = Number.isInteger(kept.step) && kept.step >= 0 && kept.step < STEPS.length ? kept.step : 0;
    reviewing = step === PUBLISH_STEP; // back where the writer had asked to publish
    say([fill(s.draft_restored, { when: new Date(kept.saved).toLocaleString(locale()) })], { undo: !!previous });
  } else model = exampleStory(); // its "[Example]" marks say what it is
  $('#publish-path').value = currentPublishPath();

  const form = $('#form');
  form.addEventListener('input', onInput);
  form.addEventListener('click', onClick);
  form.addEventListener('submit', (e) => e.preventDefault());
  // A field left (even untouched in value) counts as touched: its problem shows from then on.
  form.addEventListener('focusout', (e) => {
    const path = e.target.dataset?.path;
    if (!path || touched.has(pathText(JSON.parse(path)))) return;
    touched.add(pathText(JSON.parse(path)));
    showProblems();
  });
  $('#summary').addEventListener('click', (e) => {
    const a = e.target.closest('a');
    if (!a) return;
    e.preventDefault();
    goStep(Number(a.dataset.toStep), { focus: false });
    const t = a.dataset.form ? fields.get(a.dataset.problem) : target(a.dataset.problem);
    const node = t && (t.control || t.el);
    if (node) {
      reveal(node);
      if (!t.control) node.tabIndex = -1;
      node.focus();
      node.scrollIntoView({ block: 'center' });
    }
  });
  $('#steps').addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (b) goStep(Number(b.dataset.step));
  });
  $('#prev').addEventListener('click', () => goStep(step - 1));
  $('#next').addEventListener('click', () => goStep(step + 1));
  $('#lang').addEventListener('change', async () => {
    await loadCoreWords($('#lang').value);
    lang = $('#lang').value;
    applyStrings();
    if (frame) frame.title = s.preview_title;
    showStepFrame();
    rebuild();
    showEmbedCodes();
  });
  $('#open-file').addEventListener('change', async (e) => {
    await openFile(e.target.files[0]);
    e.target.value = '';
  });
  for (const b of $$('[data-start]')) {
    b.addEventListener('click', async () => {
      if (await openShipped(b.dataset.start)) goStep(0);
    });
  }
  $('#new-story').addEventListener('click', () => {
    replaceDraft(exampleStory(), s.started_example);
    goStep(0);
  });
  $('#open-pasted').addEventListener('click', () => openText($('#paste-text').value, s.paste));
  $('#save').addEventListener('click', save);
  $('#copy-embed').addEventListener('click', copyEmbed);
  $('#download-one').addEventListener('click', downloadOneFile);
  $('#card-codes').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-copy]');
    if (b) copyCode(document.getElementById(b.dataset.copy).value, s.card_copied);
  });
  $('#publish-path').addEventListener('input', (e) => {
    publishPath = e.target.value.trim() || null;
    showEmbedCodes();
    keepDraft();
  });
  // A file dropped anywhere on the page opens (never navigates away from the draft).
  const carriesFile = (e) => Array.from(e.dataTransfer?.types || []).includes('Files');
  addEventListener('dragover', (e) => { if (carriesFile(e)) e.preventDefault(); });
  addEventListener('drop', (e) => {
    if (!carriesFile(e)) return; // text dropped into a field stays a normal drop
    e.preventDefault();
    openFile(e.dataTransfer.files[0]);
  });
  try {
    showStepFrame();
    rebuild();
    showEmbedCodes();
  } catch (err) {
    // A draft this editor cannot show (edited by hand, or from another version): it stays in
    // storage, under its own key, until the writer saves over it; the editor starts empty.
    console.error(err);
    try {
      localStorage.setItem(`${DRAFT_KEY}:unreadable`, localStorage.getItem(DRAFT_KEY));
    } catch { /* nothing more to keep it with */ }
    model = exampleStory();
    step = 0;
    showStepFrame();
    rebuild();
    showEmbedCodes();
    say([s.draft_unreadable]);
  }
  starting = false;
  $('#editor').setAttribute('aria-busy', 'false');
  document.documentElement.classList.add('ready');
}

main().catch((err) => {
  console.error(err);
  $('#messages').textContent = `The editor could not start: ${err.message || err}`;
});
