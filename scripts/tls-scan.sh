#!/usr/bin/env bash
# testssl.sh against zftps over explicit FTPS (AUTH TLS), on loopback (docs/tls-scan.md).
# Too slow for CI (minutes per configuration): run it by hand after TLS changes.
#
#   scripts/tls-scan.sh [quickstart|strict13|strict12|all]      (default: all)
#
#   quickstart  examples/quickstart as synthesized (TLS 1.2 + 1.3, CipherSuitePolicy.RECOMMENDED)
#   strict13    TLS 1.3 only: TLS_AES_256_GCM_SHA384, TLS_AES_128_GCM_SHA256
#   strict12    TLS 1.2 only: TLS_RSA_WITH_AES_256_GCM_SHA384, TLS_RSA_WITH_AES_128_GCM_SHA256
#
# Each configuration is synthesized into $SCAN_DIR, served on 127.0.0.1:$SCAN_PORT and scanned
# with `testssl --starttls ftp`; the JSON report and the log land in $SCAN_DIR/results, and one
# SUMMARY line per configuration counts the findings by severity. Exit status 1 when any
# finding is HIGH or CRITICAL, except cert_revocation (explained in docs/tls-scan.md). Needs: apt-get install -y testssl.sh
# Env: SCAN_DIR (/tmp/zftps-tls-scan), SCAN_PORT (2321), TESTSSL (testssl, or testssl.sh).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${SCAN_DIR:-/tmp/zftps-tls-scan}"
PORT="${SCAN_PORT:-2321}"
TESTSSL="${TESTSSL:-$(command -v testssl || command -v testssl.sh || true)}"
die() { echo "tls-scan: $*" >&2; exit 2; }
[ -n "$TESTSSL" ] || die "testssl not found; apt-get install -y testssl.sh"
WHICH="${1:-all}"
case "$WHICH" in quickstart|strict13|strict12|all) ;; *) die "unknown configuration '$WHICH'";; esac
mkdir -p "$WORK/results"

write_strict() { # $1 = strict13 | strict12
  cat > "$WORK/$1.ts" <<EOF
// Written by scripts/tls-scan.sh: the quickstart, narrowed to one TLS version and AEAD suites.
import { CipherSuitePolicy, FtpsApp, KeyRing, KeyRingName, Password, SecureFtpServer, TlsVersion } from 'zftps';

const app = new FtpsApp();
const keyRing = new KeyRing(app, 'ring', {
  name: KeyRingName.saf('FTPRING'),
  serverCertificate: { label: 'zftps scan', subject: { commonName: 'localhost' }, dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] },
});
new SecureFtpServer(app, '$1', {
  keyRing,
  controlPort: $PORT,
  host: { listenHost: '127.0.0.1' },
  users: [{ name: 'demo', password: Password.fromEnv('ZFTPS_DEMO_PASSWORD', { default: 'zftps-demo' }) }],
$(if [ "$1" = strict13 ]; then
    echo "  tlsVersions: [TlsVersion.TLS1_3],"
    echo "  cipherSuites: CipherSuitePolicy.of('TLS_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256'),"
  else
    echo "  tlsVersions: [TlsVersion.TLS1_2],"
    echo "  cipherSuites: CipherSuitePolicy.of('TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_GCM_SHA256'),"
  fi)
});
app.synth();
EOF
}

SERVER_PID=""
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}
trap stop_server EXIT

scan() { # $1 = configuration name
  local name="$1" program out="$WORK/out-$1"
  case "$name" in
    quickstart) program="$REPO/examples/quickstart/main.ts" ;;
    *) write_strict "$name"; program="$WORK/$name.ts" ;;
  esac
  ( cd "$REPO" && node --import tsx lib/cli/main.ts synth "$program" --out "$out" --keystore "$WORK/keystore-$name" >"$WORK/results/$name.synth.log" 2>&1 ) \
    || { cat "$WORK/results/$name.synth.log" >&2; die "synth of $name failed"; }
  ( cd "$REPO" && exec node --import tsx lib/cli/main.ts serve "$out" --host 127.0.0.1 --port "$PORT" --root "$WORK/root-$name" \
      >"$WORK/results/$name.server.out" 2>"$WORK/results/$name.server.log" ) &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    grep -q . "$WORK/results/$name.server.out" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/results/$name.server.log" >&2; die "server for $name did not start"; }
    sleep 0.2
  done
  echo "# $name: $(head -1 "$WORK/results/$name.server.out")"
  # The clients' trust anchor (synth's clientTrustBundle), so testssl judges the chain as a client would.
  local bundle
  bundle="$(node -e 'const [d, id] = process.argv.slice(1); const m = require(d + "/manifest.json");
    console.log(d + "/" + m.servers[id].artifacts.find((a) => a.role === "clientTrustBundle").path)' "$out" "$name")"
  rm -f "$WORK/results/$name.json" "$WORK/results/$name.log"   # testssl refuses to overwrite its log
  # --warnings batch: no interactive questions; testssl's own exit status counts findings, so it is not checked.
  "$TESTSSL" --starttls ftp --quiet --color 0 --warnings batch --ip one --add-ca "$bundle" \
    --jsonfile "$WORK/results/$name.json" --logfile "$WORK/results/$name.log" "127.0.0.1:$PORT" >/dev/null 2>&1 || true
  stop_server
  [ -s "$WORK/results/$name.json" ] || die "testssl wrote no report for $name (see $WORK/results/$name.log)"
  ! grep -q '"Scan interrupted"' "$WORK/results/$name.json" || die "testssl did not finish $name (see $WORK/results/$name.log)"
  node - "$name" "$WORK/results/$name.json" <<'EOF'
const [name, file] = process.argv.slice(2);
const findings = JSON.parse(require('fs').readFileSync(file, 'utf8'));
const order = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'WARN', 'INFO', 'OK'];
const count = Object.fromEntries(order.map((s) => [s, findings.filter((f) => f.severity === s).length]));
console.log(`SUMMARY config=${name} ${order.map((s) => `${s}=${count[s]}`).join(' ')}`);
for (const f of findings.filter((f) => ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'WARN'].includes(f.severity)))
  console.log(`FINDING config=${name} severity=${f.severity} id=${f.id} finding="${f.finding}"`);
EOF
}

configs="$WHICH"; [ "$WHICH" = all ] && configs="quickstart strict13 strict12"
for c in $configs; do scan "$c"; done | tee "$WORK/results/summary.txt"
# cert_revocation (HIGH: "Neither CRL nor OCSP URI provided") is explained in docs/tls-scan.md:
# self-signed and zftps-issued certificates have no revocation service; the trust bundle is it.
if grep -E '^FINDING .*severity=(HIGH|CRITICAL)' "$WORK/results/summary.txt" | grep -vq ' id=cert_revocation '; then
  echo "tls-scan: HIGH or CRITICAL findings (see above)" >&2
  exit 1
fi
