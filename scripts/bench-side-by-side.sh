#!/usr/bin/env bash
# zftps next to vsftpd, measured by shared/bench/ftps-bench in interleaved runs (docs/performance.md,
# "FTPS server: side by side with vsftpd").
#
#   sudo scripts/bench-side-by-side.sh [main|tls12|sessions-default|all] [ftps-bench options...]
#
# The zftps configuration is synthesized to match the vsftpd peer of shared/bench/peers:
# the same RSA-2048 certificate and key (KeyRing `existing`), TLS 1.3 TLS_AES_256_GCM_SHA384 and
# TLS 1.2 ECDHE-RSA-AES256-GCM-SHA384 (what the client picks from vsftpd's HIGH:!aNULL:!MD5,
# vsftpd letting the client's order win), PROT P required, SECURE_SESSION_REUSE REQUIRED, the
# same user and password, 1000 sessions in all and per address (vsftpd max_clients/max_per_ip).
#
# Password verification: vsftpd checks a SHA-512-crypt hash (~1 ms); zftps uses scrypt, default
# N=2^14 (tens of ms). `main` and `tls12` run zftps with passwordHashCost N=$ZFTPS_SCRYPT_N
# (default 2^9, about as costly as SHA-512-crypt here: the script prints both timings);
# `sessions-default` repeats the session figures with the default cost.
#
# Phases (one ftps-bench run each, vsftpd first so RATIO lines read zftps/vsftpd):
#   main              TLS 1.3: upload/download PROT P, sessions (1 and N clients), idle sessions
#   tls12             TLS 1.2, ECDHE-RSA-AES256-GCM-SHA384 on both: upload/download PROT P
#   sessions-default  TLS 1.3 sessions with zftps's default scrypt cost
#   profile           zftps alone under `node --cpu-prof`, one profile per workload (RETR, STOR,
#                     sessions with 8 clients); prints the top self-time frames of each
#
# Env: BENCH_OUT (/tmp/zftps-bench/results), ZFTPS_BENCH_DIR (/tmp/zftps-bench), ZFTPS_PORT (2221),
#      ZFTPS_PASV (32000-32999), ZFTPS_SCRYPT_N (512), RUNS (5), SIZE_MIB (256), CONCURRENCY (8),
#      IDLE_MAX (2000), ZFTPS_NODE_OPTIONS (extra node flags for the server, e.g. --cpu-prof).
# Needs root (setup.sh starts vsftpd; server CPU is read from /proc of both servers).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="${FTPS_BENCH_HOME:-$REPO/../shared/bench}"
PEERS_DIR="${FTPS_PEERS_DIR:-/tmp/ftps-peers}"
WORK="${ZFTPS_BENCH_DIR:-/tmp/zftps-bench}"
OUT="${BENCH_OUT:-$WORK/results}"
PORT="${ZFTPS_PORT:-2221}"
PASV="${ZFTPS_PASV:-32000-32999}"
SCRYPT_N="${ZFTPS_SCRYPT_N:-512}"
RUNS="${RUNS:-5}" SIZE_MIB="${SIZE_MIB:-256}" CONCURRENCY="${CONCURRENCY:-8}" IDLE_MAX="${IDLE_MAX:-2000}"
USER_NAME=ftpbench USER_PASS=ftpbench-pass

die() { echo "bench-side-by-side: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run as root (vsftpd is started by peers/setup.sh; server CPU is read from /proc)"
[ -x "$BENCH/ftps-bench" ] || die "no ftps-bench at $BENCH (set FTPS_BENCH_HOME)"
[ -s "$PEERS_DIR/tls/cert.pem" ] || die "no peer certificate in $PEERS_DIR/tls; run: $BENCH/peers/setup.sh install"
PHASE="${1:-all}"; shift || true
case "$PHASE" in main|tls12|sessions-default|profile|all) ;; *) die "unknown phase '$PHASE' (main, tls12, sessions-default, profile, all)";; esac
mkdir -p "$WORK" "$OUT"
# 2000 idle sessions: the client holds one socket each, zftps one per session.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge 4500 ] || die "open-file limit $(ulimit -n) is below the 4500 the idle-session test needs"

# --- synthesize the matched zftps configuration -----------------------------------------------
write_program() {
  cat > "$WORK/bench-server.ts" <<'EOF'
// Written by scripts/bench-side-by-side.sh: zftps configured like the vsftpd peer.
import { readFileSync } from 'node:fs';
import { CipherSuitePolicy, DataProtection, FtpsApp, KeyRing, KeyRingName, Password, SecureFtp, SecureFtpServer,
  SessionReusePolicy, TlsMechanism, TlsRfcLevel, TlsVersion } from 'zftps';

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`bench-server.ts needs ${name}`);
  return v;
};
const tlsDir = env('BENCH_PEER_TLS');
const [low, high] = env('BENCH_PASV').split('-').map(Number);
const scryptN = process.env.BENCH_SCRYPT_N ? Number(process.env.BENCH_SCRYPT_N) : undefined;

const app = new FtpsApp();
const keyRing = new KeyRing(app, 'ring', {
  name: KeyRingName.saf('BENCHRNG'),
  owner: 'FTPD',
  serverCertificate: {
    label: 'vsftpd peer certificate',
    existing: {
      certificatePem: readFileSync(`${tlsDir}/cert.pem`, 'utf8'),
      privateKeyPem: readFileSync(`${tlsDir}/key.pem`, 'utf8'),
    },
  },
});
new SecureFtpServer(app, 'bench', {
  keyRing,
  tlsMechanism: TlsMechanism.ATTLS,
  tlsRfcLevel: TlsRfcLevel.RFC4217,
  secureFtp: SecureFtp.REQUIRED,
  dataProtection: DataProtection.PRIVATE,
  sessionReuse: SessionReusePolicy.REQUIRED,
  tlsVersions: [TlsVersion.TLS1_2, TlsVersion.TLS1_3],
  // What the Python client negotiates with vsftpd (HIGH:!aNULL:!MD5, client order) per version.
  cipherSuites: CipherSuitePolicy.of('TLS_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'),
  controlPort: Number(env('BENCH_PORT')),
  passiveDataPorts: { low, high },
  host: { listenHost: '127.0.0.1', limits: { maxSessions: 1000, maxSessionsPerAddress: 1000 } },
  users: [{ name: env('BENCH_USER'), password: Password.of(env('BENCH_PASS')), home: '.' }],
  ...(scryptN ? { passwordHashCost: { N: scryptN, r: 8, p: 1 } } : {}),
});
app.synth();
EOF
}

synth() { # $1 = scrypt N or "default"; output folder $WORK/out-$1
  local n="$1" dir="$WORK/out-$1"
  write_program
  echo "# synth zftps (scrypt N=$n) into $dir"
  ( cd "$REPO" && BENCH_PEER_TLS="$PEERS_DIR/tls" BENCH_PASV="$PASV" BENCH_PORT="$PORT" BENCH_USER="$USER_NAME" \
      BENCH_PASS="$USER_PASS" BENCH_SCRYPT_N="$([ "$n" = default ] || echo "$n")" \
      node --import tsx lib/cli/main.ts synth "$WORK/bench-server.ts" --out "$dir" --keystore "$WORK/keystore" >"$WORK/synth-$n.log" 2>&1 ) \
    || { cat "$WORK/synth-$n.log" >&2; die "synth failed"; }
  # The user's home is the storage root itself, like vsftpd's chroot into the user's home.
  mkdir -p "$WORK/root"
}

ZFTPS_PID=""
start_zftps() { # $1 = scrypt N or "default"
  stop_zftps
  # shellcheck disable=SC2086
  ( cd "$REPO" && exec node ${ZFTPS_NODE_OPTIONS:-} --import tsx lib/cli/main.ts serve "$WORK/out-$1" --root "$WORK/root" \
      >"$WORK/zftps-$1.stdout" 2>"$WORK/zftps-$1.log" ) &
  ZFTPS_PID=$!
  for _ in $(seq 1 100); do
    grep -q . "$WORK/zftps-$1.stdout" 2>/dev/null && break
    kill -0 "$ZFTPS_PID" 2>/dev/null || { cat "$WORK/zftps-$1.log" >&2; die "zftps did not start"; }
    sleep 0.2
  done
  echo "# zftps (scrypt N=$1) pid $ZFTPS_PID: $(head -1 "$WORK/zftps-$1.stdout")"
}

stop_zftps() {
  [ -n "$ZFTPS_PID" ] || return 0
  kill -TERM "$ZFTPS_PID" 2>/dev/null || true
  wait "$ZFTPS_PID" 2>/dev/null || true   # --cpu-prof writes its profile on this clean exit
  ZFTPS_PID=""
}

STARTED_VSFTPD=""
start_vsftpd() {
  if [ -s "$PEERS_DIR/run/vsftpd.pid" ] && kill -0 "$(cat "$PEERS_DIR/run/vsftpd.pid")" 2>/dev/null; then return; fi
  "$BENCH/peers/setup.sh" start vsftpd
  STARTED_VSFTPD=1
}
cleanup() { stop_zftps; [ -z "$STARTED_VSFTPD" ] || "$BENCH/peers/setup.sh" stop vsftpd; }
trap cleanup EXIT

machine() {
  echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(node --version), $(openssl version | cut -d' ' -f1-2), python $(python3 -c 'import platform; print(platform.python_version())')"
  echo "# load average at $(date -u +%FT%TZ): $(cut -d' ' -f1-3 /proc/loadavg)"
}

hash_costs() { # what one password verification costs each server, measured now
  python3 - "$SCRYPT_N" <<'EOF'
import crypt, hashlib, sys, time, warnings
warnings.filterwarnings('ignore')
def per(f, n=40):
    t = time.perf_counter()
    for _ in range(n): f()
    return (time.perf_counter() - t) / n * 1000
h = crypt.crypt('ftpbench-pass', crypt.mksalt(crypt.METHOD_SHA512))
print('# verify cost: sha512-crypt (vsftpd) %.2f ms' % per(lambda: crypt.crypt('ftpbench-pass', h)), end='')
for n in (int(sys.argv[1]), 1 << 14):
    print('; scrypt N=%d r=8 %.2f ms' % (n, per(lambda: hashlib.scrypt(b'ftpbench-pass', salt=b'0123456789abcdef', n=n, r=8, p=1, maxmem=1 << 26, dklen=32), 10)), end='')
print()
EOF
}

bench() { # $1 = output name, rest = ftps-bench options
  local name="$1"; shift
  local vs; vs="$(cat "$PEERS_DIR/run/vsftpd.pid")"
  machine | tee "$OUT/$name.txt"
  hash_costs | tee -a "$OUT/$name.txt"
  echo "# ftps-bench --target vsftpd=…:2121?pid=$vs --target zftps=…:$PORT?pid=$ZFTPS_PID $*" | tee -a "$OUT/$name.txt"
  "$BENCH/ftps-bench" \
    --target "vsftpd=ftp://$USER_NAME:$USER_PASS@127.0.0.1:2121?pid=$vs" \
    --target "zftps=ftp://$USER_NAME:$USER_PASS@127.0.0.1:$PORT?pid=$ZFTPS_PID" \
    --json "$OUT/$name.json" "$@" 2>&1 | tee -a "$OUT/$name.txt"
  echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/$name.txt"
  grep -E '^(FIGURE|RATIO)' "$OUT/$name.txt" > "$OUT/$name.figures" || true
}

# Top self-time frames of a .cpuprofile (V8 format: nodes, samples + timeDeltas in µs).
summarize_profile() {
  node - "$1" <<'EOF'
const p = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map();
let total = 0;
p.samples.forEach((id, i) => {
  const dt = p.timeDeltas[i] ?? 0;
  total += dt;
  const f = byId.get(id).callFrame;
  const file = f.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|lib)\//, '$1/');
  const key = `${f.functionName || '(anonymous)'} ${file}${file ? ':' + (f.lineNumber + 1) : ''}`;
  self.set(key, (self.get(key) ?? 0) + dt);
});
console.log(`# profile ${process.argv[2]}: ${(total / 1e6).toFixed(2)} s sampled`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`#   ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
EOF
}

profile_one() { # $1 = workload name, rest = ftps-bench options against zftps alone
  local name="$1"; shift
  local dir="$OUT/profile-$name"
  rm -rf "$dir"; mkdir -p "$dir"
  ZFTPS_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=$dir" start_zftps "$SCRYPT_N"
  machine | tee "$OUT/profile-$name.txt"
  "$BENCH/ftps-bench" 127.0.0.1 "$PORT" "$USER_NAME" "$USER_PASS" --name zftps --pid "$ZFTPS_PID" --no-probe "$@" 2>&1 \
    | grep -E '^FIGURE' | tee -a "$OUT/profile-$name.txt"
  stop_zftps
  for f in "$dir"/*.cpuprofile; do summarize_profile "$f"; done | tee -a "$OUT/profile-$name.txt"
}

if [ "$PHASE" = profile ]; then
  synth "$SCRYPT_N"
  [ -n "${PROFILE_ONLY:-}" ] && [ "$PROFILE_ONLY" != retr ] || profile_one retr --tests down_p --runs "$RUNS" --size-mib "$SIZE_MIB" "$@"
  [ -n "${PROFILE_ONLY:-}" ] && [ "$PROFILE_ONLY" != stor ] || profile_one stor --tests up_p --runs "$RUNS" --size-mib "$SIZE_MIB" "$@"
  [ -n "${PROFILE_ONLY:-}" ] && [ "$PROFILE_ONLY" != sessions ] || profile_one sessions --tests sess_conc --runs "$RUNS" --concurrency "$CONCURRENCY" "$@"
  echo "# profiles in $OUT/profile-*"
  exit 0
fi

start_vsftpd
if [ "$PHASE" = main ] || [ "$PHASE" = tls12 ] || [ "$PHASE" = all ]; then
  synth "$SCRYPT_N"
  start_zftps "$SCRYPT_N"
  if [ "$PHASE" = main ] || [ "$PHASE" = all ]; then
    bench main --runs "$RUNS" --size-mib "$SIZE_MIB" --concurrency "$CONCURRENCY" --idle-max "$IDLE_MAX" \
      --tests down_p,up_p,sess_seq,sess_conc,idle "$@"
  fi
  if [ "$PHASE" = tls12 ] || [ "$PHASE" = all ]; then
    bench tls12 --runs "$RUNS" --size-mib "$SIZE_MIB" --tls-max 1.2 --ciphers ECDHE-RSA-AES256-GCM-SHA384 \
      --tests down_p,up_p "$@"
  fi
fi
if [ "$PHASE" = sessions-default ] || [ "$PHASE" = all ]; then
  synth default
  start_zftps default
  bench sessions-default --runs "$RUNS" --concurrency "$CONCURRENCY" --tests sess_seq,sess_conc "$@"
fi
echo "# results in $OUT"
