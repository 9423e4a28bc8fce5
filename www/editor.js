// The story editor (editor.html): a form for every field of a dataset, checked on each edit by
// the core's own reader (`check_dataset`, the same code that reads `?dataset=`), with the
// explainer itself as the preview (index.html?preview in a frame, fed by postMessage).
// The form is built from data/dataset.schema.json; the editor's own words are in
// editor-strings.json (one table per language); every message about the data is the core's.
// Sections: strings · the draft (model, paths, JSON text) · the form · problems · preview ·
// open, save, embed · the draft in this browser · start.
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
const count = (n) => n.toLocaleString(lang === 'ar' ? 'ar-EG' : lang);

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

/** A field's label: the most specific entry of the table for its path, indices left out. */
function label(path) {
  const keys = path.filter((k) => typeof k === 'string');
  const withItems = path.map((k) => (typeof k === 'number' ? 'item' : k));
  const candidates = [withItems.join('.'), keys.join('.'), keys.slice(-2).join('.'), keys[keys.length - 1]];
  for (const c of candidates) if (c && s.fields[c]) return s.fields[c];
  return keys[keys.length - 1] || '';
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

const isSourceRef = (path) => ['source', 'kind_source'].includes(path[path.length - 1]);
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

const datasetText = () => `${stringify(ordered(schema, model, true, []))}\n`;

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
  fields.set(pathText(path), { control, error, crumb: crumbs(path) });
  return el('div', { className: 'field' }, lab, control, error);
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
      for (const [code, dir] of Object.entries(TEXT_LANGS)) {
        body.append(leaf([...path, code], textInput([...path, code], { multiline: long, dir, language: code }), { optional: code !== 'en' }));
      }
    }));
  }
  if (node.type === 'object' || node.properties) {
    return group(path, node, required, (body) => {
      for (const [k, child] of Object.entries(node.properties)) {
        if (node.def === 'pledge' && k === 'high_bn') continue;
        if (node.def === 'pledge' && k === 'low_bn') body.append(amount(path));
        else body.append(build(child, [...path, k], (node.required || []).includes(k)));
      }
    });
  }
  if (node.type === 'array') return itemList(node, path);
  const optional = !required;
  if (isSourceRef(path)) return leaf(path, select(path, sourceChoices(getAt(path)), getAt(path)), { optional });
  if (node.enum) {
    const names = key === 'kind' ? s.kinds : {};
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
  form.replaceChildren(build(schema, [], true));
  const again = keep && document.getElementById(keep);
  if (again) {
    reveal(again);
    again.focus({ preventScroll: !focusId });
    if (caret && !focusId && again.setSelectionRange) try { again.setSelectionRange(...caret); } catch { /* not a text field */ }
  }
  changed();
}

function reveal(node) {
  for (let d = node.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
}

function onInput(e) {
  const t = e.target;
  if (t.dataset.path) {
    const path = JSON.parse(t.dataset.path);
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
  } else if (t.dataset.checks) {
    const path = JSON.parse(t.dataset.checks);
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
  if (b.dataset.add) {
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

function showProblems() {
  for (const t of shown) {
    t.error.hidden = true;
    t.error.textContent = '';
    (t.control || t.el).removeAttribute('aria-describedby');
    if (t.control) t.control.removeAttribute('aria-invalid');
  }
  shown = [];
  const list = $('#summary-list');
  list.replaceChildren();
  for (const p of problems) {
    const t = p.form ? fields.get(p.path) : target(p.path);
    if (!t) continue;
    if (!shown.includes(t)) {
      shown.push(t);
      t.error.hidden = false;
      // The words are tied to the field, or to the group a problem of the whole group is about.
      (t.control || t.el).setAttribute('aria-describedby', t.error.id);
      if (t.control) t.control.setAttribute('aria-invalid', 'true');
    }
    t.error.append(el('span', {}, p.message));
    const link = el('a', { href: `#${t.control ? t.control.id : t.el.id}` }, `${t.crumb || s.title}: ${p.message}`);
    list.append(el('li', {}, link));
  }
  const summary = $('#summary');
  summary.classList.toggle('clean', problems.length === 0);
  const text = problems.length === 0 ? s.valid : problems.length === 1 ? s.problem_one : fill(s.problems_count, { count: count(problems.length) });
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
let frameReady = false;
let previewText = null;

function showPreview(text) {
  previewText = text;
  if (!frame) {
    $('#preview-note').hidden = true;
    frame = el('iframe', { title: s.preview_title, src: `index.html?preview&lang=${lang}` });
    $('#preview-frame').append(frame);
  } else sendPreview();
}

function sendPreview() {
  if (frameReady && previewText) frame.contentWindow.postMessage({ type: 'pledge-explainer:story', json: previewText, lang }, location.origin);
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

function replaceDraft(next, message) {
  previous = model;
  try {
    localStorage.setItem(PREVIOUS_KEY, JSON.stringify(previous));
  } catch { /* the undo still works until the page is closed */ }
  model = next;
  publishPath = null;
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
    }
  } catch (err) {
    refuse(path, [fill(s.fetch_failed, { why: err.message || err })]);
  }
}

/** The file's name: the story's id, kept to what any file system accepts. */
const fileName = () => `${String(model.id || 'story').replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 100) || 'story'}.json`;

function save() {
  const blob = new Blob([datasetText()], { type: 'application/json' });
  const a = el('a', { href: URL.createObjectURL(blob), download: fileName() });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
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

async function copyEmbed() {
  const code = embedCode();
  try {
    await navigator.clipboard.writeText(code);
    say([fill(s.embed_copied, { path: currentPublishPath() })]);
  } catch {
    say([s.copy_failed]);
    const area = el('textarea', { readOnly: true, rows: 3, value: code, dir: 'ltr', 'aria-label': s.copy_embed });
    $('#messages').append(area);
    area.select();
  }
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
      localStorage.setItem(DRAFT_KEY, JSON.stringify({ saved: when.toISOString(), lang, publish: publishPath, model }));
      $('#draft-status').textContent = fill(s.draft_saved, { when: when.toLocaleTimeString(lang) });
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
  const [strings, schemaText] = await Promise.all([
    fetch('editor-strings.json').then((r) => r.json()),
    fetch('data/dataset.schema.json').then((r) => r.json()),
    init({ module_or_path: new URL($('meta[name="pledge-explainer-wasm"]').content, location.href) }),
  ]);
  allStrings = strings;
  schema = schemaText;
  const kept = restoreDraft();
  const asked = new URLSearchParams(location.search).get('lang');
  lang = firstLanguage([asked, kept?.lang, ...(navigator.languages || [])])?.lang || DECLARED.languages[0];
  $('#lang').value = lang;
  await loadCoreWords(lang);
  applyStrings();
  if (kept) {
    model = { ...emptyStory(), ...kept.model };
    publishPath = kept.publish || null;
    say([fill(s.draft_restored, { when: new Date(kept.saved).toLocaleString(lang) })], { undo: !!previous });
  } else model = emptyStory();
  $('#publish-path').value = currentPublishPath();

  const form = $('#form');
  form.addEventListener('input', onInput);
  form.addEventListener('click', onClick);
  form.addEventListener('submit', (e) => e.preventDefault());
  $('#summary-list').addEventListener('click', (e) => {
    const a = e.target.closest('a');
    if (!a) return;
    e.preventDefault();
    const node = document.getElementById(a.getAttribute('href').slice(1));
    if (node) {
      reveal(node);
      node.focus();
      node.scrollIntoView({ block: 'center' });
    }
  });
  $('#lang').addEventListener('change', async () => {
    await loadCoreWords($('#lang').value);
    lang = $('#lang').value;
    applyStrings();
    if (frame) frame.title = s.preview_title;
    rebuild();
  });
  $('#open-file').addEventListener('change', async (e) => {
    await openFile(e.target.files[0]);
    e.target.value = '';
  });
  $('#open-shipped').addEventListener('click', () => openShipped($('#shipped').value));
  $('#new-story').addEventListener('click', () => replaceDraft(emptyStory(), s.started_empty));
  $('#open-pasted').addEventListener('click', () => openText($('#paste-text').value, s.paste));
  $('#save').addEventListener('click', save);
  $('#copy-embed').addEventListener('click', copyEmbed);
  $('#publish-path').addEventListener('input', (e) => {
    publishPath = e.target.value.trim() || null;
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
    rebuild();
  } catch (err) {
    // A draft this editor cannot show (edited by hand, or from another version): it stays in
    // storage, under its own key, until the writer saves over it; the editor starts empty.
    console.error(err);
    try {
      localStorage.setItem(`${DRAFT_KEY}:unreadable`, localStorage.getItem(DRAFT_KEY));
    } catch { /* nothing more to keep it with */ }
    model = emptyStory();
    rebuild();
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
