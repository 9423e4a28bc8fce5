// A real WordPress for the tests, from Debian's packages (scripts/setup.sh test installs them):
// MariaDB on a Unix socket of its own (no TCP port), PHP's built-in web server on a free
// loopback port, WordPress's own files from /usr/share/wordpress and a throwaway wp-content,
// database and configuration in a temporary folder. Nothing outside that folder is written
// (Debian's /etc/wordpress and /var/lib/wordpress are left alone), so runs do not collide.
//
//   const wp = await startWordPress({ env });   wp.url, wp.php(code) → JSON, wp.stop()
// (`env`: the PHP processes' environment, e.g. the explainer's port for the loopback mu-plugin.)
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const WP_ROOT = '/usr/share/wordpress';
const MARIADBD = '/usr/sbin/mariadbd';
const PHP = '/usr/bin/php';

/** What the tests need and setup installs: the first missing one, or null. */
export function missing() {
  for (const f of [`${WP_ROOT}/wp-load.php`, `${WP_ROOT}/wp-content/themes/twentytwentythree/theme.json`, MARIADBD, '/usr/bin/mariadb-install-db', PHP]) {
    if (!existsSync(f)) return f;
  }
  try {
    execFileSync(PHP, ['-r', 'exit(function_exists("mysqli_connect") && function_exists("curl_init") ? 0 : 1);']);
  } catch {
    return 'php-mysql and php-curl';
  }
  return null;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A free loopback port (asked of the kernel; the caller retries if it is taken meanwhile). */
function freePort() {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });
}

/** Polls `ready()` every 100 ms until it is true, the process dies, or `ms` have passed. */
async function until(what, ready, child, ms, log) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}): ${log()}`);
    if (await ready().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${what} not ready after ${ms / 1000} s: ${log()}`);
}

function run(cmd, args, logFile, env = {}) {
  const out = [];
  // A process group of its own: PHP's server forks its workers, and they are ended with it.
  const child = spawn('nice', [cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, detached: true });
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.on('data', (d) => out.push(d));
  const log = () => Buffer.concat(out).toString().slice(-2000);
  child.on('exit', () => logFile && writeFileSync(logFile, log()));
  return { child, log };
}

/** Ends a child's process group (TERM, then KILL after `ms`); resolves once the child has exited. */
async function stopChild(child, ms = 5000) {
  if (!child) return;
  const signal = (sig) => { try { process.kill(-child.pid, sig); } catch { /* already gone */ } };
  const alive = child.exitCode === null && child.signalCode === null;
  const exited = alive ? new Promise((r) => child.once('exit', r)) : Promise.resolve();
  signal('SIGTERM');
  if (!(await Promise.race([exited.then(() => true), sleep(ms).then(() => false)]))) {
    signal('SIGKILL');
    await exited;
  }
  signal('SIGKILL'); // forked workers that outlived their parent
  child.stdout?.destroy();
  child.stderr?.destroy();
}

export async function startWordPress({ title = 'A newsroom', env = {}, keep = process.env.KEEP_WORDPRESS === '1' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-wordpress-'));
  const user = userInfo().username;
  const children = [];
  const wp = { dir, url: null };
  // Should the test process die without its `after`, its services die with it.
  const onExit = () => children.forEach((c) => { try { process.kill(-c.pid, 'SIGKILL'); } catch { /* gone */ } });
  process.once('exit', onExit);
  wp.stop = async () => {
    process.off('exit', onExit);
    for (const c of children.reverse()) await stopChild(c);
    if (!keep) rmSync(dir, { recursive: true, force: true });
  };
  try {
    // ---------------------------------------------------------------- MariaDB, socket only
    const db = [
      '--no-defaults', `--datadir=${dir}/db`, `--user=${user}`, '--innodb-log-file-size=8M',
      '--innodb-buffer-pool-size=32M', '--innodb-use-native-aio=0', '--skip-log-bin',
    ];
    execFileSync('mariadb-install-db', [...db, '--skip-test-db', '--auth-root-authentication-method=normal'], { stdio: 'pipe' });
    const socket = join(dir, 'db.sock');
    const maria = run(MARIADBD, [...db, `--socket=${socket}`, '--skip-networking', `--pid-file=${dir}/db.pid`,
      '--innodb-flush-log-at-trx-commit=0', '--skip-name-resolve'], join(dir, 'mariadb.log'));
    children.push(maria.child);
    const sql = (q) => execFileSync('mariadb', ['--no-defaults', '-S', socket, '-uroot', '-e', q], { stdio: 'pipe' });
    await until('MariaDB', async () => (sql('select 1'), true), maria.child, 30000, maria.log);
    sql("create database wp character set utf8mb4; create user wp@localhost identified by 'wp'; grant all on wp.* to wp@localhost;");

    // ---------------------------------------------------------------- WordPress's files
    const site = join(dir, 'site');
    mkdirSync(site);
    for (const f of readdirSync(WP_ROOT)) if (!['wp-config.php', 'wp-content'].includes(f)) symlinkSync(join(WP_ROOT, f), join(site, f));
    const content = join(site, 'wp-content');
    for (const d of ['themes', 'plugins', 'mu-plugins', 'uploads']) mkdirSync(join(content, d), { recursive: true });
    symlinkSync(join(WP_ROOT, 'wp-content/themes/twentytwentythree'), join(content, 'themes/twentytwentythree'));
    // WordPress fetches no loopback address and no port but 80, 443 and 8080
    // (wp_safe_remote_get): the explainer here is on loopback, on a port of its own. A real
    // site needs neither.
    writeFileSync(join(content, 'mu-plugins/loopback.php'), `<?php
add_filter('http_request_host_is_external', function ($external, $host) { return $external || in_array($host, array('localhost', '127.0.0.1'), true); }, 10, 2);
add_filter('http_allowed_safe_ports', function ($ports) { $ports[] = (int) getenv('PLEDGE_EXPLAINER_PORT'); return $ports; });
`);

    // ---------------------------------------------------------------- PHP's web server
    // ABSPATH is set before wp-load.php does it (from its real path, Debian's wp-config.php),
    // so that this folder's wp-config.php is the one read.
    const prepend = join(dir, 'prepend.php');
    writeFileSync(prepend, `<?php if (!defined('ABSPATH')) define('ABSPATH', ${JSON.stringify(`${site}/`)});\n`);
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      wp.url = `http://127.0.0.1:${port}`;
      writeFileSync(join(site, 'wp-config.php'), `<?php
define('DB_NAME', 'wp'); define('DB_USER', 'wp'); define('DB_PASSWORD', 'wp');
define('DB_HOST', ${JSON.stringify(`localhost:${socket}`)}); define('DB_CHARSET', 'utf8mb4'); define('DB_COLLATE', '');
$table_prefix = 'wp_';
foreach (array('AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT') as $k) define($k, 'test-only ' . $k);
define('WP_HOME', '${wp.url}'); define('WP_SITEURL', '${wp.url}');
define('WP_CONTENT_DIR', ${JSON.stringify(content)}); define('WP_CONTENT_URL', '${wp.url}/wp-content');
define('DISABLE_WP_CRON', true); define('AUTOMATIC_UPDATER_DISABLED', true); define('WP_AUTO_UPDATE_CORE', false);
// No request leaves the machine (api.wordpress.org and the like): only localhost and this site.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_DEBUG', true); define('WP_DEBUG_DISPLAY', false); define('WP_DEBUG_LOG', ${JSON.stringify(join(dir, 'debug.log'))});
require_once ABSPATH . 'wp-settings.php';
`);
      const server = run(PHP, ['-d', `auto_prepend_file=${prepend}`, '-d', 'display_errors=0', '-S', `127.0.0.1:${port}`, '-t', site],
        join(dir, 'php-server.log'), { ...env, PHP_CLI_SERVER_WORKERS: '4' });
      try {
        await until('PHP\'s web server', async () => (await fetch(`${wp.url}/wp-includes/js/wp-embed.min.js`)).ok, server.child, 15000, server.log);
        children.push(server.child);
        break;
      } catch (err) {
        await stopChild(server.child);
        if (attempt >= 3) throw err;
      }
    }

    /** Runs PHP inside WordPress (wp-load.php loaded) and returns what it prints as JSON. */
    wp.php = (code, { installing = false } = {}) => {
      const script = join(dir, 'run.php');
      writeFileSync(script, `<?php
$_SERVER['HTTP_HOST'] = '${wp.url.slice(7)}'; $_SERVER['REQUEST_URI'] = '/'; $_SERVER['SERVER_NAME'] = '127.0.0.1';
${installing ? "define('WP_INSTALLING', true);" : ''}
require ABSPATH . 'wp-load.php';
echo json_encode((function () { ${code} })());
`);
      let out;
      try {
        out = execFileSync(PHP, ['-d', `auto_prepend_file=${prepend}`, '-d', 'display_errors=stderr', script], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
      } catch (err) {
        throw new Error(`PHP failed: ${err.stderr}${err.stdout}`);
      }
      return JSON.parse(out.toString());
    };
    wp.php(`
      function wp_new_blog_notification() {}
      require_once ABSPATH . 'wp-admin/includes/upgrade.php';
      $r = wp_install(${JSON.stringify(title)}, 'admin', 'admin@example.invalid', false, '', 'admin-password');
      update_option('permalink_structure', '');
      return array('user' => $r['user_id'], 'theme' => get_stylesheet());`, { installing: true });
    return wp;
  } catch (err) {
    await wp.stop();
    throw err;
  }
}
