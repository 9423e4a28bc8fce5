// One small driver layer for the three engines readers use, so the suite says each reader's
// path once: Chromium and Firefox ESR through puppeteer-core over WebDriver BiDi, WebKitGTK's
// MiniBrowser through W3C WebDriver (WebKitWebDriver, under Xvfb). A tab offers the same few
// verbs in each: open, evaluate (a function run in the page), key, type, click, drag, resize,
// screenshot, close. Everything else (what the page did, errors, CSP) is read from the page.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Where each engine's binary is on Debian; `null` when it is not installed. */
export function enginePaths() {
  const miniBrowser = () => {
    try {
      return execFileSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' })
        .split('\n').find((p) => p.endsWith('/MiniBrowser')) || null;
    } catch { return null; }
  };
  return {
    chromium: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null,
    firefox: existsSync('/usr/bin/firefox-esr') ? '/usr/bin/firefox-esr' : null,
    webkit: existsSync('/usr/bin/WebKitWebDriver') && existsSync('/usr/bin/xvfb-run') ? miniBrowser() : null,
  };
}

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** Starts an engine; resolves to an object with `newTab()` and `close()`. */
export async function launchEngine(name) {
  const path = enginePaths()[name];
  if (!path) throw new Error(`${name} is not installed (scripts/setup.sh test installs it)`);
  if (name === 'webkit') return launchWebKit(path);
  const browser = await puppeteer.launch({
    browser: name === 'firefox' ? 'firefox' : 'chrome',
    protocol: 'webDriverBiDi',
    executablePath: path,
    headless: true,
    args: name === 'chromium' ? CHROMIUM_ARGS : [],
    // Firefox: no first-run pages, no updates, no telemetry: the test makes the only requests.
    extraPrefsFirefox: { 'browser.shell.checkDefaultBrowser': false, 'app.update.enabled': false },
  });
  return {
    name,
    async newTab({ width = 1280, height = 900 } = {}) {
      const page = await browser.newPage();
      await page.setViewport({ width, height });
      return puppeteerTab(page);
    },
    close: () => browser.close(),
  };
}

function puppeteerTab(page) {
  return {
    open: (url) => page.goto(url, { waitUntil: 'load' }),
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    key: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    click: (x, y) => page.mouse.click(x, y),
    async drag(x0, y0, x1, y1, steps = 5) {
      await page.mouse.move(x0, y0);
      await page.mouse.down();
      await page.mouse.move(x1, y1, { steps });
      await page.mouse.up();
    },
    resize: (width, height) => page.setViewport({ width, height }),
    screenshot: (path) => page.screenshot({ path }),
    close: () => page.close(),
  };
}

// ------------------------------------------------------------------ W3C WebDriver (WebKitGTK)

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

/** WebDriver's key codes for the keys the suite presses (puppeteer's names). */
const KEYS = { ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Home: '\uE011', End: '\uE010', Enter: '\uE007', Tab: '\uE004' };

async function launchWebKit(miniBrowser) {
  const port = await freePort();
  // GTK's toolbar keeps MiniBrowser's window at least ~447 px wide: a user style makes it
  // small enough for a 320 px viewport.
  const config = mkdtempSync(join(tmpdir(), 'pledge-webkit-'));
  mkdirSync(join(config, 'gtk-3.0'));
  writeFileSync(join(config, 'gtk-3.0', 'gtk.css'),
    '* { min-width: 0; min-height: 0; padding: 0; margin: 0; font-size: 1px; border-width: 0; }\n');
  const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1920x1400x24', '/usr/bin/WebKitWebDriver', `--port=${port}`], {
    detached: true, stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, XDG_CONFIG_HOME: config, GTK_THEME: 'Adwaita', WEBKIT_DISABLE_COMPOSITING_MODE: '1' },
  });
  let stderr = '';
  driver.stderr.on('data', (d) => { stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  // A command the browser never answers fails the test instead of hanging the suite.
  const call = async (method, path, body) => {
    const res = await fetch(base + path, {
      method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body),
      signal: AbortSignal.timeout(60000),
    }).catch((e) => { throw new Error(`WebDriver ${method} ${path}: no answer (${e.message})`); });
    const json = await res.json();
    if (!res.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  };
  for (let i = 0; ; i++) {
    try { await call('GET', '/status'); break; } catch (e) {
      if (i > 100) throw new Error(`WebKitWebDriver did not start: ${e.message}\n${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const sessions = new Set();
  return {
    name: 'webkit',
    async newTab({ width = 1280, height = 900 } = {}) {
      // One MiniBrowser per tab: a fresh profile, like a new context in the others.
      const { sessionId } = await call('POST', '/session', {
        capabilities: { alwaysMatch: {
          browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
          // A page that never loads, or a script that never ends, fails in seconds (not WebDriver's 300 s).
          timeouts: { pageLoad: 30000, script: 30000 },
        } },
      });
      sessions.add(sessionId);
      const tab = webdriverTab((m, p, b) => call(m, `/session/${sessionId}${p}`, b), () => { sessions.delete(sessionId); });
      await tab.resize(width, height);
      return tab;
    },
    async close() {
      for (const id of sessions) await call('DELETE', `/session/${id}`).catch(() => {});
      try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* gone */ }
    },
  };
}

function webdriverTab(call, forget) {
  const actions = (list) => call('POST', '/actions', { actions: list });
  const pointer = (steps) => actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: steps }]);
  const move = (x, y, duration = 0) => ({ type: 'pointerMove', origin: 'viewport', x: Math.round(x), y: Math.round(y), duration });
  const tab = {
    open: (url) => call('POST', '/url', { url }),
    async evaluate(fn, ...args) {
      const script = `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => (${fn}).apply(null, Array.from(arguments).slice(0, -1)))
          .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: String(e && e.stack || e) }));`;
      const r = await call('POST', '/execute/async', { script, args });
      if (r && 'error' in r) throw new Error(r.error);
      return r ? r.ok : r;
    },
    key: (key) => actions([{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: KEYS[key] || key }, { type: 'keyUp', value: KEYS[key] || key }] }]),
    type: (text) => actions([{ type: 'key', id: 'keyboard', actions: [...text].flatMap((c) => [{ type: 'keyDown', value: c }, { type: 'keyUp', value: c }]) }]),
    click: (x, y) => pointer([move(x, y), { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }]),
    drag: (x0, y0, x1, y1, steps = 5) => pointer([
      move(x0, y0), { type: 'pointerDown', button: 0 },
      ...Array.from({ length: steps }, (_, i) => move(x0 + ((x1 - x0) * (i + 1)) / steps, y0 + ((y1 - y0) * (i + 1)) / steps, 20)),
      { type: 'pointerUp', button: 0 },
    ]),
    async resize(width, height) {
      // The window's outer size is what WebDriver sets: correct by the toolbar and borders.
      for (let i = 0; i < 3; i++) {
        const rect = await call('GET', '/window/rect');
        const inner = await tab.evaluate(() => [innerWidth, innerHeight]);
        if (inner[0] === width && inner[1] === height) return;
        await call('POST', '/window/rect', { width: rect.width + width - inner[0], height: rect.height + height - inner[1] });
      }
      const inner = await tab.evaluate(() => [innerWidth, innerHeight]);
      if (inner[0] !== width) throw new Error(`MiniBrowser's viewport is ${inner[0]} px wide, not ${width}`);
    },
    async screenshot(path) {
      // WebKitWebDriver never answers a screenshot of a page that does not scroll (a card's own
      // page fits the window): one pixel more than the window for the shot, then as it was.
      const short = await tab.evaluate(() => {
        const d = document.documentElement;
        if (d.scrollHeight > innerHeight) return false;
        d.style.setProperty('min-height', 'calc(100vh + 1px)');
        return true;
      });
      try {
        writeFileSync(path, Buffer.from(await call('GET', '/screenshot'), 'base64'));
      } finally {
        if (short) await tab.evaluate(() => { document.documentElement.style.removeProperty('min-height'); });
      }
    },
    async close() {
      await call('DELETE', '').catch(() => {});
      forget();
    },
  };
  return tab;
}
