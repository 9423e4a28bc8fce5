// A small static server for dist/: correct MIME types (application/wasm for streaming
// compilation), the strict Content-Security-Policy newsrooms use, and loopback only.
// Used by `make serve`, the browser tests and the benchmark.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data: blob:; connect-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
};

/** What a static host compresses (wasm too: Netlify, Cloudflare and nginx's gzip_types do). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.csv', '.map']);

/**
 * The policy a page states for itself (`<meta http-equiv="Content-Security-Policy">`, written
 * by the build with the hashes of its inline style and script) is also sent as the header, so
 * the two never disagree; other responses get the strict default.
 */
function policyOf(path, body) {
  if (extname(path) !== '.html') return CSP;
  const meta = body.toString('utf8', 0, 4096).match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  return meta ? meta[1].replaceAll('&#39;', "'") : CSP;
}

/**
 * Serves `root` on 127.0.0.1:`port` (0 = any free port). Resolves to { server, url, requests }.
 * `gzip`: compress what a host would (level 9, cached), when the client accepts it.
 */
export function startServer({ root, port = 0, csp = true, log = false, isolate = false, gzip = true } = {}) {
  const base = resolve(root);
  const requests = [];
  const compressed = new Map(); // path -> [mtime, gzip bytes]
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests.push(url.pathname + url.search);
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!path.startsWith(base)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      let info = await stat(path);
      if (info.isDirectory()) {
        path = join(path, 'index.html');
        info = await stat(path);
      }
      let body = await readFile(path);
      // Content-hashed names (app.3f2a9c01de.js) never change: cache them for a year.
      const immutable = /\.[0-9a-f]{10}\.[a-z]+$/.test(path);
      const headers = {
        'content-type': TYPES[extname(path)] || 'application/octet-stream',
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        'x-content-type-options': 'nosniff',
        // Static files anyone may read: a sandboxed frame (WordPress's oEmbed iframes,
        // sandbox="allow-scripts") has an opaque origin, so its module script, JS glue, wasm and
        // language packs are cross-origin requests even on this very server.
        'access-control-allow-origin': '*',
      };
      if (csp) headers['content-security-policy'] = policyOf(path, body);
      if (gzip && COMPRESSIBLE.has(extname(path))) {
        headers.vary = 'accept-encoding';
        if (/\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
          const cached = compressed.get(path);
          if (!cached || cached[0] !== info.mtimeMs) compressed.set(path, [info.mtimeMs, gzipSync(body, { level: 9 })]);
          body = compressed.get(path)[1];
          headers['content-encoding'] = 'gzip';
        }
      }
      if (isolate) {
        // Cross-origin isolation: performance.now() at 5 µs instead of 100 µs (benchmarks).
        headers['cross-origin-opener-policy'] = 'same-origin';
        headers['cross-origin-embedder-policy'] = 'require-corp';
      }
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
    if (log) console.log(`${res.statusCode} ${req.method} ${url.pathname}`);
  });
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      done({ server, url: `http://127.0.0.1:${p}/`, requests });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const { url } = await startServer({
    root: opt('--root', 'dist'),
    port: Number(opt('--port', '8000')),
    csp: !args.includes('--no-csp'),
    log: args.includes('--log'),
  });
  console.log(`The explainer is served at ${url} (Ctrl-C to stop)`);
}
