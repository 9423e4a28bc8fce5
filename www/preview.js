// The explainer as the story editor's preview (index.html?preview in a frame of editor.html):
// loaded by app.js for that case only, so readers never download it. The editor sends
// `{ type: 'pledge-explainer:story', json, lang }` once the draft is valid and after each edit;
// only messages from the parent page on this origin count. Each step of the editor edits one
// part of the story: `{ type: 'pledge-explainer:section', section }` (also a field of the story
// message) scrolls the page to it.

// boot.js marks every framed page `framed` (an embed is as tall as its page, so everything is
// laid out at once); the editor's frame scrolls instead, so what is off screen is left unlaid
// out, as on the reader's page.
document.documentElement.classList.remove('framed');

function storyMessage(e) {
  if (e.source !== window.parent || e.origin !== location.origin) return null;
  const m = e.data;
  return m && m.type === 'pledge-explainer:story' && typeof m.json === 'string' ? m : null;
}

/** The parts of the page a step of the editor edits (the card it will be, once cards exist). */
const SECTIONS = { claim: '#claim-heading', pledges: '[data-chart="pledges"]', sources: '#sources-heading', top: '#title' };
let section = 'top';
let wired = false;

function showSection() {
  const node = document.querySelector(SECTIONS[section] || SECTIONS.top);
  if (node) node.scrollIntoView({ block: 'start' });
}

/** A new section is scrolled to at once (once the page is built); the same one is left as the writer scrolled it. */
function wantSection(name) {
  if (!Object.hasOwn(SECTIONS, name) || name === section) return;
  section = name;
  if (wired) showSection();
}

addEventListener('message', (e) => {
  if (e.source !== window.parent || e.origin !== location.origin) return;
  const m = e.data;
  if (m && (m.type === 'pledge-explainer:section' || m.type === 'pledge-explainer:story') && typeof m.section === 'string') wantSection(m.section);
});

const tell = (message) => window.parent.postMessage(message, location.origin);
let shown = null;

/** Says the frame is ready and resolves to the first story (before the page is wired). */
export function firstStory() {
  return new Promise((done) => {
    const take = (e) => {
      const m = storyMessage(e);
      if (!m) return;
      removeEventListener('message', take);
      shown = m;
      done(m);
    };
    addEventListener('message', take);
    tell({ type: 'pledge-explainer:preview-ready' });
  });
}

/**
 * Rebuilds the page with each story the editor sends (`show`): at once, so it is painted in the
 * frame after the edit; a story that arrives before that frame waits for it, and only the
 * newest counts. Tells the editor which story is shown.
 */
export function followEditor(show) {
  if (shown) tell({ type: 'pledge-explainer:previewed', json: shown.json });
  wired = true;
  if (section !== 'top') showSection();
  let wanted = null;
  let settling = false;
  const apply = async () => {
    const next = wanted;
    wanted = null;
    settling = true;
    await show(next);
    tell({ type: 'pledge-explainer:previewed', json: next.json });
    requestAnimationFrame(() => {
      settling = false;
      if (wanted) apply();
    });
  };
  addEventListener('message', (e) => {
    const m = storyMessage(e);
    if (!m) return;
    wanted = m;
    if (!settling) apply();
  });
}
