#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already there.
#   scripts/setup.sh build   wasm32 target, the wasm-bindgen CLI matching Cargo.lock, npm tools
#   scripts/setup.sh test    the same, plus Debian's Chromium and ChromeDriver, Firefox ESR, and
#                            WebKitGTK's MiniBrowser with WebKitWebDriver and Xvfb (tests/engines/),
#                            and WordPress, MariaDB and PHP (tests/wordpress/)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-build}"
say() { printf '[setup] %s\n' "$*" >&2; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
# rustfmt: `make test` checks the Rust is formatted.
if ! rustup component list --installed 2>/dev/null | grep -q '^rustfmt'; then
  say "adding rustfmt"
  rustup component add rustfmt
fi
# std's source: the page's wasm builds std with it (build.sh, page_wasm; without it, the
# ordinary build).
if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  say "adding rust-src"
  rustup component add rust-src || say "rust-src could not be added: the page's wasm is built the ordinary way"
fi

# The CLI must match the wasm-bindgen crate exactly; the version is read from Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found '${have:-none}'; takes a few minutes)"
  # Without --locked: with it, resolution fails on this kind of machine.
  cargo install wasm-bindgen-cli --version "$want" --force
fi

# npm tools from the committed lockfile: binaryen's wasm-opt (pinned), playwright-core, axe-core,
# puppeteer-core (it downloads no browser: the engine suite drives Debian's).
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The share images (scripts/publish.mjs runs `pledge-explainer share`) are drawn natively with
# Noto Sans and Noto Sans Arabic (SIL OFL 1.1), the page's first fonts: no browser is needed.
if [ ! -f /usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf ]; then
  say "installing Debian's fonts-noto-core (the share images' fonts)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq fonts-noto-core >/dev/null
fi

# Binaryen's wasm-split (scripts/split-wasm.mjs splits the page's wasm in two), which npm's
# binaryen does not ship: Debian's binaryen package, unpacked into target/binaryen/ (not
# installed: the build's wasm-opt stays npm's pinned one).
if [ ! -x target/binaryen/usr/bin/wasm-split ]; then
  say "fetching Debian's binaryen package (wasm-split, to split the page's wasm)"
  rm -rf target/binaryen-deb && mkdir -p target/binaryen-deb
  (cd target/binaryen-deb && { apt-get download binaryen 2>/dev/null || { apt-get update -qq && apt-get download binaryen; }; })
  dpkg-deb -x target/binaryen-deb/binaryen_*.deb target/binaryen
  rm -rf target/binaryen-deb
fi

if [ "$what" = test ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # fonts-noto-core carries Arabic glyphs for screenshots and text measuring.
    apt-get install -y -qq chromium chromium-driver fonts-noto-core >/dev/null
  fi
  # WordPress's own wp-embed.js, for the WordPress host test (tests/browser/publish.test.mjs):
  # from Debian's wordpress package, unpacked into target/wordpress/ (not vendored).
  if [ ! -f target/wordpress/usr/share/wordpress/wp-includes/js/wp-embed.js ]; then
    say "fetching Debian's wordpress package (wp-embed.js, for the WordPress host test)"
    mkdir -p target/wordpress-deb
    (cd target/wordpress-deb && { apt-get download wordpress 2>/dev/null || { apt-get update -qq && apt-get download wordpress; }; })
    dpkg-deb -x target/wordpress-deb/wordpress_*.deb target/wordpress
    rm -rf target/wordpress-deb
  fi
  # A real WordPress for tests/wordpress/: Debian's wordpress (6.1) and its default theme,
  # MariaDB and PHP (the test runs PHP's built-in server on loopback; the package also brings
  # Apache, which the test leaves stopped). Nothing is configured here: the test makes its own
  # database, configuration and wp-content in a temporary folder.
  if [ ! -f /usr/share/wordpress/wp-load.php ] || [ ! -d /usr/share/wordpress/wp-content/themes/twentytwentythree ] \
     || [ ! -x /usr/sbin/mariadbd ] || [ ! -x /usr/bin/php ] || ! php -m 2>/dev/null | grep -x mysqli >/dev/null \
     || ! php -m 2>/dev/null | grep -x curl >/dev/null; then
    say "installing Debian's wordpress, mariadb-server and php (the WordPress test)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends wordpress wordpress-theme-twentytwentythree mariadb-server \
      php-cli php-mysql php-curl php-xml php-mbstring >/dev/null
  fi
  # The W3C Nu HTML checker (npm's vnu-jar) that the editor's markup test runs is Java.
  if ! command -v java >/dev/null; then
    say "installing Debian's default-jre-headless"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq default-jre-headless >/dev/null
  fi
  # The other engines readers use (tests/engines/): Firefox ESR, driven over WebDriver BiDi,
  # and WebKitGTK's MiniBrowser (in libwebkit2gtk-4.1-0), driven by WebKitWebDriver under Xvfb.
  # (grep reads dpkg's whole list: with -q it stops at the match, dpkg dies of SIGPIPE, and
  # pipefail made the check fail on every run, reinstalling each time.)
  if [ ! -x /usr/bin/firefox-esr ] || [ ! -x /usr/bin/WebKitWebDriver ] || [ ! -x /usr/bin/xvfb-run ] \
     || ! dpkg -L libwebkit2gtk-4.1-0 2>/dev/null | grep '/MiniBrowser$' >/dev/null; then
    say "installing Debian's firefox-esr, webkit2gtk-driver, libwebkit2gtk-4.1-0 and xvfb"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq firefox-esr webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb xauth fonts-noto-core >/dev/null
  fi
fi
