#!/usr/bin/env bash
# Installs the Debian packages newsrecon needs to build, test and run.
# Safe to re-run: it installs only what is missing, and says what it needs
# when it cannot install (not root, no apt-get).
set -euo pipefail

packages=(
  build-essential cmake pkg-config make git
  libcurl4-openssl-dev   # fetch: HTTP(S) with gzip/brotli, multi interface
  libgumbo-dev           # parse: HTML5 parsing
  libicu-dev             # charsets, NFKC normalization, sentence breaks
  libcld2-dev            # parse: the language a page's text is written in (CLD2)
  libre2-dev             # extraction rules
  libsqlite3-dev sqlite3 # the store (and the shell researchers use)
  libxml2-dev            # feeds and sitemaps, in recover mode
  nlohmann-json3-dev     # JSON in and out
  libcli11-dev           # the command line
  libtomlplusplus-dev    # the configuration and sources files (TOML)
  doctest-dev            # tests
  zlib1g-dev             # reading the gzip-compressed datasets (make eval-parse, make bench)
  python3                # the loopback HTTP server used by fetch tests
  openssl                # the fetch tests' throwaway CA and certificates (HTTPS)
  libbenchmark-dev       # make bench (Google Benchmark)
  chromium               # the HTML report's test in a real headless browser
  clang libclang-rt-14-dev  # make fuzz (libFuzzer)
)
if [[ "${NEWSRECON_EXTRA_PACKAGES:-}" != "" ]]; then
  read -r -a extra <<<"$NEWSRECON_EXTRA_PACKAGES"
  packages+=("${extra[@]}")
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present" >&2
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
if ! command -v apt-get >/dev/null; then
  echo "install-deps: no apt-get here; install these Debian packages by hand: ${missing[*]}" >&2
  exit 1
fi
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then sudo=(sudo); else
    echo "install-deps: not root and no sudo; as root run: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >&2 || echo "install-deps: apt-get update failed; trying the cached lists" >&2
if ! "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2; then
  echo "install-deps: apt-get install failed; newsrecon needs: ${missing[*]}" >&2
  exit 1
fi
echo "install-deps: done" >&2
