import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import * as tls from 'node:tls';
import {
  clientCertificate,
  createLogger,
  createXferlog,
  healthCheck,
  healthCheckMain,
  login,
  Metrics,
  sessionLogger,
  startOpsEndpoint,
  tlsEstablished,
  transfer,
  xferlogLine,
  type XferlogEntry,
} from '../../lib/server/ops';

let dir: string;
before(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'zftps-ops-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A logger writing into memory; returns the parsed JSON lines and the raw text. */
function memoryLogger(level: 'debug' | 'info' = 'debug') {
  let raw = '';
  const sink = new Writable({
    write(chunk, _enc, cb) {
      raw += chunk.toString();
      cb();
    },
  });
  const log = createLogger({ level, destination: sink });
  return { log, lines: () => raw.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>), raw: () => raw };
}

describe('logger', () => {
  it('never writes a PASS argument, password or private key, however it is logged', () => {
    const { log, raw, lines } = memoryLogger();
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----';
    log.debug({ line: 'PASS secret' }, 'command');
    log.debug('received PASS secret');
    log.debug('received %s', 'pass secret\r\n');
    log.debug({ command: 'PASS', arg: 'secret' }, 'command');
    log.debug({ cmd: { verb: 'pass', argument: 'secret' } }, 'command');
    log.info({ user: { name: 'alice', password: 'secret' } }, 'user');
    log.info({ password: 'secret', passphrase: 'secret', privateKey: pem }, 'config');
    log.info({ tls: { key: pem, pfx: 'secret' } }, 'context');
    log.warn({ note: `loaded ${pem}` }, 'pem in text');
    log.error({ err: new Error('bad login: PASS secret') }, 'error');
    sessionLogger(log, 's1', { last: 'PASS secret' }).info('child');
    assert.equal(lines().length, 11);
    assert.ok(!raw().includes('secret'), raw());
    assert.ok(!raw().includes('MIIEvQ'), raw());
    assert.match(raw(), /PASS \[redacted\]/);
    // what is not secret stays readable
    assert.equal((lines()[5].user as Record<string, unknown>).name, 'alice');
    assert.equal(lines()[3].command, 'PASS');
  });

  it('writes JSON lines with level, time and service; child loggers carry the session id', () => {
    const { log, lines } = memoryLogger('info');
    const s = sessionLogger(log, 'a1b2c3', { remote: '127.0.0.1' });
    s.debug('filtered by level');
    s.info({ cmd: 'LIST' }, 'command');
    const [line] = lines();
    assert.equal(lines().length, 1);
    assert.equal(line.level, 'info');
    assert.equal(line.session, 'a1b2c3');
    assert.equal(line.remote, '127.0.0.1');
    assert.equal(line.service, 'zftps');
    assert.ok(!Number.isNaN(Date.parse(String(line.time))));
  });

  it('event helpers log what z/OS reports, with stable event names', () => {
    const { log, lines } = memoryLogger();
    const s = sessionLogger(log, 'sess-9');
    tlsEstablished(s, { version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', reused: false });
    tlsEstablished(s, { version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', reused: true, channel: 'data' });
    clientCertificate(s, { subject: 'CN=alice', issuer: 'CN=Test CA', fingerprint: 'AA:BB', verified: true });
    login(s, { user: 'alice', method: 'certificate' });
    login(s, { user: 'mallory', method: 'password', success: false, reason: 'bad-password' });
    transfer(s, { direction: 'in', path: '/a.bin', bytes: 1024, ms: 12, result: 'ok', command: 'STOR' });
    transfer(s, { direction: 'out', path: '/b.bin', bytes: 10, ms: 3, result: 'aborted' });
    const l = lines();
    assert.deepEqual(
      l.map((x) => [x.event, x.level, x.session]),
      [
        ['tls.established', 'info', 'sess-9'],
        ['tls.established', 'info', 'sess-9'],
        ['tls.client_certificate', 'info', 'sess-9'],
        ['login', 'info', 'sess-9'],
        ['login.failed', 'warn', 'sess-9'],
        ['transfer', 'info', 'sess-9'],
        ['transfer', 'warn', 'sess-9'],
      ],
    );
    assert.deepEqual([l[0].channel, l[0].version, l[0].cipher, l[0].reused], ['control', 'TLSv1.3', 'TLS_AES_256_GCM_SHA384', false]);
    assert.deepEqual([l[1].channel, l[1].reused], ['data', true]);
    assert.deepEqual([l[2].subject, l[2].issuer, l[2].fingerprint], ['CN=alice', 'CN=Test CA', 'AA:BB']);
    assert.deepEqual([l[5].direction, l[5].path, l[5].bytes, l[5].ms, l[5].result], ['in', '/a.bin', 1024, 12, 'ok']);
  });

  it('writes to a file destination', () => {
    const file = join(dir, 'logs', 'zftps.log');
    const log = createLogger({ destination: file });
    log.info({ event: 'started' }, 'hello');
    log.flush();
    const line = JSON.parse(fs.readFileSync(file, 'utf8').trim()) as Record<string, unknown>;
    assert.equal(line.event, 'started');
  });
});

describe('xferlog', () => {
  const entry: XferlogEntry = {
    time: new Date(2024, 0, 5, 9, 3, 7), // local time, as the C servers write it
    durationMs: 2600,
    remoteHost: '192.0.2.10',
    bytes: 1048576,
    path: '/home/alice/my report.txt',
    direction: 'in',
    user: 'alice',
    complete: true,
  };

  it('writes the 14 wu-ftpd/vsftpd fields', () => {
    assert.equal(xferlogLine(entry), 'Fri Jan  5 09:03:07 2024 3 192.0.2.10 1048576 /home/alice/my_report.txt b _ i r alice ftp 0 * c');
    const out = xferlogLine({ ...entry, direction: 'out', type: 'ascii', complete: false, durationMs: 100, time: new Date(2024, 10, 25, 23, 0, 0) });
    assert.equal(out, 'Mon Nov 25 23:00:00 2024 0 192.0.2.10 1048576 /home/alice/my_report.txt a _ o r alice ftp 0 * i');
    // what xferlog readers split on: the 5 ctime words, then 14 - 1 fields
    const fields = xferlogLine(entry).split(' ').filter(Boolean);
    assert.equal(fields.length, 5 + 13);
    assert.deepEqual(fields.slice(5), ['3', '192.0.2.10', '1048576', '/home/alice/my_report.txt', 'b', '_', 'i', 'r', 'alice', 'ftp', '0', '*', 'c']);
  });

  it('appends lines to a file and reopens it after rotation', async () => {
    const file = join(dir, 'x', 'xferlog');
    const x = createXferlog(file);
    x.append(entry);
    await x.reopen();
    fs.renameSync(file, `${file}.1`);
    await x.reopen();
    x.append({ ...entry, direction: 'delete', bytes: 0 });
    await x.close();
    assert.equal(fs.readFileSync(`${file}.1`, 'utf8'), `${xferlogLine(entry)}\n`);
    assert.match(fs.readFileSync(file, 'utf8'), / d r alice ftp 0 \* c\n$/);
  });
});

describe('metrics', () => {
  it('counts and renders in Prometheus text format', () => {
    const m = new Metrics();
    m.sessionOpened();
    m.sessionOpened();
    m.sessionClosed();
    m.handshakeFailed('data');
    m.reuseRefused('not-resumed');
    m.reuseRefused('not-resumed');
    m.loginFailed('bad-password');
    m.bytes('in', 1000);
    m.bytes('out', 5);
    m.bytes('in', 24);
    m.transfer('in', 'ok');
    m.transfer('out', 'aborted');
    const s = m.snapshot();
    assert.deepEqual([s.sessionsActive, s.sessionsTotal, s.bytesIn, s.bytesOut], [1, 2, 1024, 5]);
    assert.equal(s.reuseRefusals('not-resumed'), 2);

    const text = m.render();
    const samples = new Map<string, number>();
    const types = new Map<string, string>();
    for (const line of text.trimEnd().split('\n')) {
      const type = /^# TYPE (\S+) (counter|gauge)$/.exec(line);
      if (type) types.set(type[1], type[2]);
      if (line.startsWith('#')) {
        assert.match(line, /^# (HELP|TYPE) zftps_\w+ .+$/);
        continue;
      }
      const sample = /^(zftps_\w+)(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? (-?\d+)$/.exec(line);
      assert.ok(sample, `not a Prometheus sample: ${line}`);
      assert.ok(types.has(sample[1]), `${sample[1]} has no TYPE line before it`);
      samples.set(sample[1] + (sample[2] ?? ''), Number(sample[4]));
    }
    assert.equal(types.get('zftps_sessions_active'), 'gauge');
    assert.equal(types.get('zftps_sessions_total'), 'counter');
    assert.equal(samples.get('zftps_sessions_active'), 1);
    assert.equal(samples.get('zftps_sessions_total'), 2);
    assert.equal(samples.get('zftps_tls_handshake_failures_total{channel="data"}'), 1);
    assert.equal(samples.get('zftps_tls_reuse_refusals_total{reason="not-resumed"}'), 2);
    assert.equal(samples.get('zftps_login_failures_total{reason="bad-password"}'), 1);
    assert.equal(samples.get('zftps_data_bytes_total{direction="in"}'), 1024);
    assert.equal(samples.get('zftps_transfers_total{direction="out",result="aborted"}'), 1);
    // every counter name ends in _total
    for (const [name, type] of types) if (type === 'counter') assert.match(name, /_total$/);
  });

  it('escapes label values and shows unused families as 0', () => {
    const m = new Metrics();
    m.reuseRefused('odd "reason"\nwith\\slash');
    const text = m.render();
    assert.match(text, /^zftps_tls_reuse_refusals_total\{reason="odd \\"reason\\"\\nwith\\\\slash"\} 1$/m);
    assert.match(text, /^zftps_login_failures_total 0$/m);
  });
});

describe('ops endpoint', () => {
  it('serves /livez, /readyz and /metrics on loopback', async () => {
    const metrics = new Metrics();
    metrics.sessionOpened();
    let ready = false;
    const ep = await startOpsEndpoint({ port: 0, metrics, ready: () => ready });
    try {
      assert.equal(ep.host, '127.0.0.1');
      const url = (p: string) => `http://127.0.0.1:${ep.port}${p}`;
      assert.equal((await fetch(url('/livez'))).status, 200);
      assert.equal((await fetch(url('/readyz'))).status, 503);
      ready = true;
      assert.equal((await fetch(url('/readyz'))).status, 200);
      const res = await fetch(url('/metrics'));
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
      assert.match(await res.text(), /^zftps_sessions_active 1$/m);
      assert.equal((await fetch(url('/nope'))).status, 404);
      assert.equal((await fetch(url('/metrics'), { method: 'POST' })).status, 405);
    } finally {
      await ep.close();
    }
  });

  it('reports not ready when the readiness function throws', async () => {
    const ep = await startOpsEndpoint({
      port: 0,
      metrics: new Metrics(),
      ready: () => {
        throw new Error('config not loaded');
      },
    });
    try {
      assert.equal((await fetch(`http://127.0.0.1:${ep.port}/readyz`)).status, 503);
    } finally {
      await ep.close();
    }
  });
});

describe('healthCheck', () => {
  /** A minimal FTP greeter: sends `greeting`, answers QUIT with 221, remembers what it got. */
  async function greeter(greeting: string | null, wrap?: tls.TlsOptions) {
    const received: string[] = [];
    const onSocket = (sock: net.Socket) => {
      sock.on('error', () => undefined);
      if (greeting !== null) sock.write(greeting);
      sock.on('data', (d) => {
        received.push(d.toString());
        if (/^QUIT\r\n$/m.test(d.toString())) sock.end('221 Goodbye.\r\n');
      });
    };
    const server = wrap ? tls.createServer(wrap, onSocket) : net.createServer(onSocket);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    return {
      port,
      received,
      close: () => new Promise<void>((r) => server.close(() => r())),
    };
  }

  it('is true for a (multi-line) 220 greeting and sends QUIT', async () => {
    const g = await greeter('220-zftps\r\n220 Service ready.\r\n');
    try {
      assert.equal(await healthCheck({ port: g.port, timeoutMs: 2000 }), true);
      assert.deepEqual(g.received, ['QUIT\r\n']);
      assert.equal(await healthCheckMain(['--port', String(g.port), '--timeout', '2000']), 0);
    } finally {
      await g.close();
    }
  });

  it('is false for a non-220 greeting, a silent server and a closed port', async () => {
    const busy = await greeter('421 Too many connections.\r\n');
    const silent = await greeter(null);
    try {
      assert.equal(await healthCheck({ port: busy.port, timeoutMs: 2000 }), false);
      const t0 = Date.now();
      assert.equal(await healthCheck({ port: silent.port, timeoutMs: 300 }), false);
      assert.ok(Date.now() - t0 < 2000);
    } finally {
      await busy.close();
      await silent.close();
    }
    assert.equal(await healthCheck({ port: busy.port, timeoutMs: 2000 }), false);
    assert.equal(await healthCheckMain(['--port', String(busy.port), '--timeout', '500']), 1);
    await assert.rejects(healthCheckMain(['--bogus']), /unknown option --bogus/);
  });

  it('does the TLS handshake first for implicit FTPS (certificate made by openssl)', async () => {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert,
      '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
    const g = await greeter('220 Implicit TLS ready.\r\n', { key: fs.readFileSync(key), cert: fs.readFileSync(cert) });
    const plain = await greeter('220 plain\r\n');
    try {
      assert.equal(await healthCheck({ port: g.port, implicit: true, timeoutMs: 3000 }), true);
      assert.deepEqual(g.received, ['QUIT\r\n']);
      assert.equal(await healthCheck({ port: g.port, implicit: true, ca: fs.readFileSync(cert), servername: 'localhost', timeoutMs: 3000 }), true);
      assert.equal(await healthCheck({ port: g.port, implicit: true, ca: fs.readFileSync(cert), servername: 'wrong.example', timeoutMs: 3000 }), false);
      assert.equal(await healthCheck({ port: plain.port, implicit: true, timeoutMs: 1000 }), false, 'a plain server is not an implicit-TLS one');
      assert.equal(await healthCheck({ port: g.port, timeoutMs: 500 }), false, 'a TLS port does not greet in clear');
    } finally {
      await g.close();
      await plain.close();
    }
  });
});
