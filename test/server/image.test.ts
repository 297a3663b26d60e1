/**
 * The image context synth writes, run the way the container runs it but without a
 * Docker engine: only image/ copied to an empty, read-only folder under the system
 * temp dir (no node_modules anywhere above it), keys mounted from outside through
 * ZFTPS_KEYS_DIR, the bundle run as a non-root user (setpriv), its health-check
 * command, and a real curl client uploading and downloading over PROT P.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from './support/harness';
import { DEMO_PASSWORD, startChild, synthQuickstart, type Child, type Quickstart } from './support/quickstart';

const NOBODY = 65534;
const asNobody = ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'];

/** A folder under the system temp dir that uid 65534 can enter. */
function folder(prefix: string, owner?: number): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(d, 0o755);
  if (owner !== undefined) chownSync(d, owner, owner);
  return d;
}

function chownTree(dir: string, uid: number): void {
  chownSync(dir, uid, uid);
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) chownTree(p, uid);
    else chownSync(p, uid, uid);
  }
}

function readOnlyTree(dir: string): void {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) readOnlyTree(p);
    else chmodSync(p, 0o444);
  }
  chmodSync(dir, 0o555);
}

describe('image context (no Docker engine: the bundle run as the container would)', { timeout: 240000 }, () => {
  let qs: Quickstart;
  let image: string;
  let keys: string;
  let data: string;
  let child: Child | undefined;

  before(() => {
    qs = synthQuickstart();
    image = join(folder('zftps-img-'), 'image');
    cpSync(join(qs.dir, 'image'), image, { recursive: true });
    readOnlyTree(image);
    // The keys "volume": a copy of synth's keys/ outside the image, readable by the server's user only.
    keys = folder('zftps-imgkeys-');
    cpSync(join(qs.dir, 'keys'), keys, { recursive: true });
    chownTree(keys, NOBODY);
    chmodSync(keys, 0o700);
    data = folder('zftps-imgdata-', NOBODY);
  });

  after(() => {
    child?.proc.kill('SIGKILL');
    chmodSync(image, 0o755);
  });

  it('Dockerfile: pinned slim Node base, non-root user, HEALTHCHECK, EXPOSE control + passive range, no keys inside', () => {
    const df = readFileSync(join(image, 'Dockerfile'), 'utf8');
    assert.match(df, /^FROM node:\d+\.\d+\.\d+-bookworm-slim$/m);
    assert.match(df, /^USER \d+$/m);
    assert.doesNotMatch(df, /^USER (0|root)$/m);
    assert.match(df, /^HEALTHCHECK .*CMD \["node", "\/opt\/zftps\/zftps-server\.js", "--health-check", "--config", "\/opt\/zftps\/zftps-server\.json"\]$/m);
    assert.match(df, /^EXPOSE 2121 30000-30099$/m);
    assert.match(df, /^ENV ZFTPS_KEYS_DIR=\/run\/zftps\/keys/m);
    assert.match(df, /^ENTRYPOINT \["node", "\/opt\/zftps\/zftps-server\.js", "--config", "\/opt\/zftps\/zftps-server\.json"\]$/m);
    const files = readdirSync(image).sort();
    assert.deepEqual(files, ['.dockerignore', 'Dockerfile', 'FTP.DATA', 'README.md', 'attls-policy.conf', 'users.json', 'zftps-server.js', 'zftps-server.json']);
    for (const f of files) assert.doesNotMatch(readFileSync(join(image, f), 'utf8'), /-----BEGIN [A-Z ]*PRIVATE KEY-----\r?\n[A-Za-z0-9+/]/, `${f} holds no private key`);
    const cfg = JSON.parse(readFileSync(join(image, 'zftps-server.json'), 'utf8'));
    assert.equal(cfg.root, '/data');
    assert.equal(cfg.keyRings.FTPRING.key, '/run/zftps/keys/server.key.pem');
    assert.equal(cfg.listen.host, '0.0.0.0');
  });

  it('the bundle runs from a read-only folder with no node_modules, as a non-root user, and serves curl over PROT P', async () => {
    for (let d = image; d !== dirname(d); d = dirname(d)) assert.ok(!existsSync(join(d, 'node_modules')), `node_modules above ${d}`);
    const probe = await run(asNobody[0], [...asNobody.slice(1), 'touch', join(image, 'probe')]);
    assert.notEqual(probe.code, 0, 'the server user cannot write into the image folder');
    const bundle = join(image, 'zftps-server.js');
    const config = join(image, 'zftps-server.json');
    child = await startChild(asNobody[0], [...asNobody.slice(1), process.execPath, bundle, '--config', config, '--port', '0', '--root', data], {
      cwd: image,
      env: { ZFTPS_KEYS_DIR: keys, NODE_PATH: '' },
    });
    assert.match(child.stdout(), /^zftps listening on 0\.0\.0\.0:\d+\n$/);
    const pid = child.proc.pid!;
    const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    // setpriv execs node in place: the listening process itself runs as nobody.
    assert.equal(Number(uid![1]), NOBODY);

    const health = await run(asNobody[0], [...asNobody.slice(1), process.execPath, bundle, '--health-check', '--config', config, '--port', String(child.port)]);
    assert.equal(health.code, 0, health.stderr);

    const ca = join(qs.dir, 'keys', 'server.chain.pem');
    const url = `ftp://demo:${DEMO_PASSWORD}@localhost:${child.port}`;
    const src = join(folder('zftps-imgsrc-'), 'payload.bin');
    writeFileSync(src, Buffer.alloc(200000, 9));
    // TLS 1.2 for the upload: curl 7.88 + TLS 1.3 uploads (docs/server.md, Known issues).
    const put = await run('curl', ['-sS', '--ssl-reqd', '--tls-max', '1.2', '--cacert', ca, '-T', src, `${url}/payload.bin`]);
    assert.equal(put.code, 0, put.stderr);
    const stored = join(data, 'demo', 'payload.bin');
    assert.deepEqual(readFileSync(stored), readFileSync(src));
    assert.equal(statSync(stored).uid, NOBODY, 'files belong to the server user');
    const get = await run('curl', ['-sS', '--ssl-reqd', '--cacert', ca, '-o', '-', `${url}/payload.bin`]);
    assert.equal(get.code, 0, get.stderr);
    assert.equal(Buffer.from(get.stdout, 'latin1').length, 200000);

    child.proc.kill('SIGTERM');
    assert.equal(await child.exited, 0);
    const down = await run(asNobody[0], [...asNobody.slice(1), process.execPath, bundle, '--health-check', '--config', config, '--port', String(child.port)]);
    assert.equal(down.code, 1, 'the health check fails once the server is gone');
    child = undefined;
  });
});
