/**
 * Limits and timeouts with a real server on loopback: INACTIVE, DATACTTIME, the TLS
 * handshake timeout on the implicit port, PASSIVEDATAPORTS, the announced passive
 * address and the overall session limit.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { startTestServer, type SettingsPatch } from './support/harness';
import { RawFtp, login } from './support/raw';

async function withServer(patch: SettingsPatch, body: (t: Awaited<ReturnType<typeof startTestServer>>) => Promise<void>): Promise<void> {
  const t = await startTestServer(patch);
  try {
    await body(t);
  } finally {
    await t.close();
  }
}

async function loggedIn(port: number): Promise<RawFtp> {
  const c = await RawFtp.connect(port);
  assert.equal((await c.read()).code, 220);
  await login(c);
  return c;
}

function closedWithin(sock: net.Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    sock.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

describe('limits and timeouts', { timeout: 30000 }, () => {
  it('INACTIVE: an idle control connection gets 421 and is closed', () =>
    withServer({ limits: { inactiveSeconds: 1 } }, async (t) => {
      const c = await loggedIn(t.port);
      const started = Date.now();
      const r = await c.read(5000);
      assert.equal(r.code, 421);
      assert.match(r.text, /Timeout \(1 seconds\)/);
      assert.ok(Date.now() - started >= 900);
      assert.ok(await closedWithin(c.sock as net.Socket, 3000));
    }));

  it('INACTIVE counts from the last command', () =>
    withServer({ limits: { inactiveSeconds: 2 } }, async (t) => {
      const c = await loggedIn(t.port);
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setTimeout(r, 1000));
        assert.equal((await c.cmd('NOOP')).code, 200);
      }
      c.close();
    }));

  it('DATACTTIME: PASV with no data connection → 425 after the timeout', () =>
    withServer({ limits: { dataTimeoutSeconds: 1 } }, async (t) => {
      const c = await loggedIn(t.port);
      assert.equal((await c.cmd('PASV')).code, 227);
      const started = Date.now();
      c.write('RETR hello.txt\r\n');
      const r = await c.read(5000);
      assert.equal(r.code, 425);
      const waited = Date.now() - started;
      assert.ok(waited >= 900 && waited < 4000, `waited ${waited} ms`);
      assert.equal((await c.cmd('NOOP')).code, 200, 'the control connection stays usable');
      c.close();
    }));

  it('handshake timeout: a client that connects to the implicit port and sends nothing is closed', () =>
    withServer({ implicitPort: 0, tls: { handshakeTimeoutMs: 500 } }, async (t) => {
      const sock = net.connect({ host: '127.0.0.1', port: t.implicitPort! });
      sock.on('error', () => {});
      await new Promise((r) => sock.once('connect', r));
      const started = Date.now();
      assert.ok(await closedWithin(sock, 5000), 'closed by the server');
      assert.ok(Date.now() - started >= 400);
    }));

  it('PASSIVEDATAPORTS: 227 and 229 announce ports in the range only', async () => {
    const low = 40000 + Math.floor(Math.random() * 20000);
    await withServer({ passivePorts: { low, high: low + 2 } }, async (t) => {
      const c = await loggedIn(t.port);
      const seen = new Set<number>();
      for (let i = 0; i < 4; i++) {
        const p227 = await c.cmd('PASV');
        assert.equal(p227.code, 227);
        const n = /\((\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\)/.exec(p227.text)!.slice(1).map(Number);
        seen.add(n[4] * 256 + n[5]);
        const p229 = await c.cmd('EPSV');
        assert.equal(p229.code, 229);
        seen.add(Number(/\|\|\|(\d+)\|/.exec(p229.text)![1]));
      }
      for (const p of seen) assert.ok(p >= low && p <= low + 2, `port ${p} outside ${low}-${low + 2}`);
      c.close();
    });
  });

  it('passiveAddress is announced in 227', () =>
    withServer({ passiveAddress: '192.0.2.7' }, async (t) => {
      const c = await loggedIn(t.port);
      const r = await c.cmd('PASV');
      assert.equal(r.code, 227);
      assert.match(r.text, /\(192,0,2,7,\d+,\d+\)/);
      c.close();
    }));

  it('max sessions overall → 421 at connect', () =>
    withServer({ limits: { maxSessions: 2 } }, async (t) => {
      const a = await RawFtp.connect(t.port);
      const b = await RawFtp.connect(t.port);
      assert.equal((await a.read()).code, 220);
      assert.equal((await b.read()).code, 220);
      const c = await RawFtp.connect(t.port);
      const r = await c.read();
      assert.equal(r.code, 421);
      assert.match(r.text, /Too many connections/);
      a.close();
      await new Promise((res) => setTimeout(res, 200));
      const d = await RawFtp.connect(t.port);
      assert.equal((await d.read()).code, 220, 'a freed slot is usable again');
      b.close();
      d.close();
    }));
});
