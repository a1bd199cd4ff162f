#!/usr/bin/env bash
# The whole test suite, with the real services it needs:
#  - a local Neo4j on 127.0.0.1 (scripts/neo4j) when Java and Maven are present; required when CI=true
#  - Debian's headless Chromium for the page tests (installed when running as root)
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
mkdir -p test-artifacts

started_neo4j=0
if [ -z "${HAVENGRAPH_TEST_NEO4J_URL:-}" ] && [ -x scripts/neo4j ]; then
  if command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1; then
    echo "== starting a local Neo4j for the store tests"
    if url=$(bash scripts/neo4j start | tail -n 1) && [ -n "$url" ]; then
      export HAVENGRAPH_TEST_NEO4J_URL="$url"
      started_neo4j=1
    else
      echo "!! Neo4j did not start; see .cache/neo4j/neo4j.log" >&2
      [ "${CI:-}" = "true" ] && exit 1
    fi
  else
    echo "!! Java 17 and Maven not found: the Neo4j tests will be skipped (install openjdk-17-jdk-headless and maven to run them)"
    [ "${CI:-}" = "true" ] && exit 1
  fi
fi
stop_neo4j() { [ "$started_neo4j" = 1 ] && bash scripts/neo4j stop >/dev/null 2>&1; }
trap stop_neo4j EXIT

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing Debian's chromium for the page tests"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "!! could not install chromium; the browser tests will be skipped" >&2
  else
    echo "!! chromium not found: the browser tests will be skipped (apt-get install chromium)"
  fi
fi

if ! command -v tesseract >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing Debian's Tesseract (eng, fra, nld) and poppler-utils for the OCR tests"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-fra \
      tesseract-ocr-nld poppler-utils >/dev/null) || echo "!! could not install Tesseract; the OCR tests will be skipped" >&2
  else
    echo "!! tesseract not found: the OCR tests will be skipped (apt-get install tesseract-ocr tesseract-ocr-fra tesseract-ocr-nld poppler-utils)"
  fi
fi

# the real criminal networks of the development data, beside the repository
if [ -z "${HAVENGRAPH_EVAL_NETWORKS:-}" ] && [ -d ../shared/eval-dev/networks ]; then
  export HAVENGRAPH_EVAL_NETWORKS="$(cd ../shared/eval-dev/networks && pwd)"
fi

echo "== ruff"
.venv/bin/ruff check ingest nlp graph api tests bench notebooks scripts || exit 1

echo "== pytest"
"$PY" -m pytest -q -p no:cacheprovider "$@"
status=$?
if [ "$status" = 5 ]; then
  echo "!! pytest collected no tests: that is a failure here" >&2
  exit 1
fi
exit "$status"
