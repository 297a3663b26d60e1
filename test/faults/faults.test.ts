/**
 * Faults against the real server entry point (lib/server/main.ts as a child
 * process, TLS with PROT P and SECURE_SESSION_REUSE REQUIRED): clients that vanish
 * mid-handshake, mid-STOR and mid-RETR, a data connection that never comes, slow
 * readers and writers, ABOR during a transfer, a file-size limit (a real EFBIG from
 * the kernel, RLIMIT_FSIZE), SIGTERM during transfers, and an IPv6 transfer.
 *
 * After each: the server is up, a concurrent session still completes a transfer,
 * no file is partial or corrupt (the old content stays, nothing temporary shows),
 * and the server's descriptors (/proc/<pid>/fd) and sessions return to baseline.
 */
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import { after, before, beforeEach, describe, it } from 'node:test';
import { join } from 'node:path';
import { RawFtp } from '../server/support/raw';
import { PY_PRELUDE, python, run, startTestServer } from '../server/support/harness';
import { testPki } from '../server/support/pki';
import { FtpsClient, expect, sha256 } from '../load/support/ftps-client';
import { establishedOn, fdCount, settle, startChildServer, type ChildServer } from './support/child-server';

const OLD = randomBytes(100_000);

/** A second session transfers while (or right after) the fault: upload + download, hash checked. */
async function concurrentTransferWorks(port: number): Promise<void> {
  const c = await FtpsClient.open(port);
  const body = randomBytes(256 * 1024);
  const up = await c.upload(`other-${process.hrtime.bigint()}.bin`, body);
  assert.equal(up.sha256, sha256(body));
  assert.ok(up.reused);
  await c.quit();
}

function fdTargets(pid: number): string[] {
  return readdirSync(`/proc/${pid}/fd`).map((fd) => {
    try {
      return readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      return '?';
    }
  });
}

async function backToBaseline(srv: ChildServer, fdBaseline: number): Promise<void> {
  const fds = await settle(() => fdCount(srv.pid), (n) => n <= fdBaseline, 15_000);
  // At or below the baseline: fewer is fine (the baseline can catch a transient descriptor), more is a leak.
  assert.ok(fds <= fdBaseline, `server descriptors ${fds}, baseline ${fdBaseline}: ${fdTargets(srv.pid).join(' ')}`);
  assert.equal(await settle(() => establishedOn(srv.port), (n) => n === 0, 15_000), 0, 'control sessions left open');
  assert.equal(srv.child.exitCode, null, 'the server is still running');
}

/** Only the files the test made, each whole: no partial, no temp beside them. */
function assertHome(home: string, expected: Record<string, Buffer>): void {
  const visible = readdirSync(home).filter((n) => !n.startsWith('.zftps-') && !n.startsWith('other-'));
  assert.deepEqual(visible.sort(), Object.keys(expected).sort(), 'files in the home');
  for (const [name, content] of Object.entries(expected)) assert.ok(readFileSync(join(home, name)).equals(content), `${name} is intact`);
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

describe('faults against the server process', () => {
  let srv: ChildServer;
  let baseline: number;
  before(async () => {
    srv = await startChildServer();
    writeFileSync(join(srv.home, 'keep.bin'), OLD);
    // one full session first, so lazily created things (TLS contexts, pools) are in the baseline
    await concurrentTransferWorks(srv.port);
    baseline = await settle(() => fdCount(srv.pid), () => false, 300);
  });
  after(() => srv.stop());
  beforeEach(() => writeFileSync(join(srv.home, 'keep.bin'), OLD));

  it('clients that vanish mid-handshake leave nothing behind', async () => {
    for (let i = 0; i < 10; i++) {
      const c = await RawFtp.connect(srv.port);
      await c.read();
      if (i % 3 === 0) {
        c.close(); // before AUTH
        continue;
      }
      expect(await c.cmd('AUTH TLS'), 234, 'AUTH TLS');
      // half a ClientHello record, or nothing, then gone
      if (i % 3 === 1) c.sock.write(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03]));
      c.close();
    }
    // and one that stops mid-handshake on a data connection
    const ok = await FtpsClient.open(srv.port);
    const r = expect(await ok.ctl.cmd('EPSV'), 229, 'EPSV');
    const d = net.connect({ host: '127.0.0.1', port: Number(/\|\|\|(\d+)\|/.exec(r.text)![1]) });
    d.on('error', () => {});
    d.write(Buffer.from([0x16, 0x03, 0x01, 0x00, 0x50, 0x01]));
    expect(await ok.ctl.cmd('RETR keep.bin'), 150, 'RETR');
    d.destroy();
    const end = await ok.ctl.read(15_000);
    assert.ok([522, 425].includes(end.code), end.text);
    expect(await ok.ctl.cmd('NOOP'), 200, 'NOOP after a broken data handshake');
    await ok.quit();
    await concurrentTransferWorks(srv.port);
    assertHome(srv.home, { 'keep.bin': OLD });
    await backToBaseline(srv, baseline);
  });

  /** STOR keep.bin, 1 MiB sent, then the client is gone the way `vanish` says. */
  async function vanishMidStor(vanish: (data: net.Socket, raw: net.Socket, ctl: RawFtp) => void, opts: { tls12?: boolean } = {}): Promise<void> {
    const c = await FtpsClient.open(srv.port, opts);
    const { sock, ready, raw } = await c.openData();
    sock.on('error', () => {});
    expect(await c.ctl.cmd('STOR keep.bin'), 150, 'STOR');
    await ready;
    sock.write(randomBytes(1 << 20));
    await delay(200);
    vanish(sock, raw!, c.ctl);
    await concurrentTransferWorks(srv.port);
    await delay(300);
    assertHome(srv.home, { 'keep.bin': OLD });
    await backToBaseline(srv, baseline);
  }

  it('a client that vanishes mid-STOR (connections reset) leaves the old file intact and nothing partial visible', async () => {
    await vanishMidStor((_data, raw, ctl) => {
      raw.resetAndDestroy();
      ctl.close();
    });
  });

  // A client process that dies mid-upload: the kernel closes its sockets with a FIN and no
  // TLS close_notify. Node's TLSSocket reads that as a clean end; the server must not
  // (TLS closure alerts, RFC 8446 §6.1; vsftpd strict_ssl_read_eof), or the old file is replaced by a truncated one.
  for (const tls12 of [true, false]) {
    it(`a client that vanishes mid-STOR with a FIN and no close_notify leaves the old file intact (TLS ${tls12 ? '1.2' : '1.3'})`, async () => {
      await vanishMidStor(
        (data, _raw, ctl) => {
          data.destroy(); // TLSSocket.destroy(): FIN, no close_notify
          ctl.close();
        },
        { tls12 },
      );
    });
  }

  it('an upload without close_notify is answered 426, kept for REST, and resumes to the whole file (TLS 1.2 and 1.3)', async () => {
    for (const tls12 of [true, false]) {
      writeFileSync(join(srv.home, 'keep.bin'), OLD);
      const body = randomBytes(3 << 20);
      const c = await FtpsClient.open(srv.port, { tls12 });
      const { sock, ready } = await c.openData();
      sock.on('error', () => {});
      expect(await c.ctl.cmd('STOR keep.bin'), 150, 'STOR');
      await ready;
      await new Promise<void>((resolve) => sock.write(body.subarray(0, 1 << 20), () => resolve()));
      sock.destroy();
      const end = expect(await c.ctl.read(15_000), 426, 'STOR ended without close_notify');
      assert.match(end.text, /Connection closed; transfer aborted/);
      assertHome(srv.home, { 'keep.bin': OLD });
      // the partial is kept (hidden) and holds a prefix of what was sent
      const partialDir = join(srv.home, '.zftps-partial');
      const parts = readdirSync(partialDir);
      assert.equal(parts.length, 1, `one kept partial: ${parts.join(' ')}`);
      const kept = readFileSync(join(partialDir, parts[0]));
      assert.ok(kept.length > 0 && kept.length <= 1 << 20, `kept ${kept.length} bytes`);
      assert.ok(kept.equals(body.subarray(0, kept.length)), 'the partial is a prefix of the upload');
      expect(await c.ctl.cmd(`REST ${kept.length}`), 350, 'REST');
      const rest = await c.openData();
      rest.sock.on('error', () => {});
      expect(await c.ctl.cmd('STOR keep.bin'), 150, 'STOR after REST');
      await rest.ready;
      rest.sock.end(body.subarray(kept.length));
      expect(await c.ctl.read(30_000), 226, 'resumed STOR');
      assertHome(srv.home, { 'keep.bin': body });
      await c.quit();
    }
    await backToBaseline(srv, baseline);
  });

  // The other side of the check above: clients that end an upload properly (close_notify,
  // then FIN) are not mistaken for truncated ones.
  it('uploads from curl, lftp and Python ftplib (close_notify, then FIN) commit on TLS 1.2 and 1.3', async () => {
    const src = join(mkdtempSync(join(os.tmpdir(), 'zftps-up-')), 'src.bin');
    const body = randomBytes(4 << 20);
    writeFileSync(src, body);
    const ca = testPki().caPath;
    const url = `ftp://alice:secret@127.0.0.1:${srv.port}`;
    const made: Record<string, Buffer> = { 'keep.bin': OLD };
    for (const v of ['1.2', '1.3'] as const) {
      const curl = await run('curl', ['-sS', '--ssl-reqd', `--tlsv${v}`, '--tls-max', v, '--cacert', ca, '-T', src, `${url}/curl-${v}.bin`], { timeoutMs: 60_000 });
      assert.equal(curl.code, 0, curl.stderr);
      const lftp = await run('lftp', ['-c', `set ssl:ca-file ${ca}; set ssl:priority NORMAL:-VERS-ALL:+VERS-TLS${v}; set ftp:ssl-force true; set ftp:ssl-protect-data true; set net:max-retries 1; set net:timeout 10; open -u alice,secret ftp://127.0.0.1:${srv.port}; put ${src} -o lftp-${v}.bin`], { timeoutMs: 60_000 });
      assert.equal(lftp.code, 0, lftp.stderr);
      const py = await python(PY_PRELUDE + `
f = ReuseFTP(context=ctx, timeout=30)
f.connect('127.0.0.1', PORT); f.auth(); f.login('alice', 'secret'); f.prot_p()
print(f.storbinary('STOR python-${v}.bin', open(os.environ['SRC'], 'rb')))
f.quit()
`, { CA: ca, PORT: String(srv.port), TLSMAX: v, SRC: src }, 60_000);
      assert.match(py.stdout, /^226 /, py.stderr);
      for (const client of ['curl', 'lftp', 'python']) made[`${client}-${v}.bin`] = body;
    }
    assertHome(srv.home, made);
    for (const name of Object.keys(made)) if (name !== 'keep.bin') unlinkSync(join(srv.home, name));
    await backToBaseline(srv, baseline);
  });

  it('a client that vanishes mid-RETR costs nothing', async () => {
    const big = randomBytes(16 << 20);
    writeFileSync(join(srv.home, 'big.bin'), big);
    const c = await FtpsClient.open(srv.port);
    const { sock, ready } = await c.openData();
    sock.on('error', () => {});
    let got = 0;
    sock.on('data', (d: Buffer) => (got += d.length));
    expect(await c.ctl.cmd('RETR big.bin'), 150, 'RETR');
    await ready;
    await settle(() => got, (n) => n > 1 << 20);
    sock.destroy();
    c.ctl.close();
    await concurrentTransferWorks(srv.port);
    assertHome(srv.home, { 'keep.bin': OLD, 'big.bin': big });
    await backToBaseline(srv, baseline);
  });

  it('a data connection that never comes: 425 after DATACTTIME, the session goes on', async () => {
    const c = await FtpsClient.open(srv.port);
    expect(await c.ctl.cmd('EPSV'), 229, 'EPSV');
    const t0 = Date.now();
    expect(await c.ctl.cmd('RETR keep.bin', 15_000), 425, 'RETR without a data connection');
    assert.ok(Date.now() - t0 >= 4000, 'waited for DATACTTIME (5 s)');
    expect(await c.ctl.cmd('EPSV'), 229, 'EPSV');
    expect(await c.ctl.cmd('STOR never.bin', 15_000), 425, 'STOR without a data connection');
    const down = await c.download('keep.bin');
    assert.equal(down.sha256, sha256(OLD));
    await c.quit();
    assertHome(srv.home, { 'keep.bin': OLD, 'big.bin': readFileSync(join(srv.home, 'big.bin')) });
    await backToBaseline(srv, baseline);
  });

  it('a slow reader and a slow writer get every byte, while another session transfers', async () => {
    const slowBody = randomBytes(1 << 20);
    writeFileSync(join(srv.home, 'slow.bin'), slowBody);
    // slow reader: reads 64 KiB, pauses 100 ms, for about 2 s
    const reader = (async () => {
      const c = await FtpsClient.open(srv.port);
      const { sock, ready } = await c.openData();
      const parts: Buffer[] = [];
      sock.on('data', (d: Buffer) => {
        parts.push(d);
        sock.pause();
        setTimeout(() => sock.resume(), 100);
      });
      sock.on('error', () => {});
      const closed = new Promise((r) => sock.once('close', r));
      expect(await c.ctl.cmd('RETR slow.bin'), 150, 'RETR');
      await ready;
      await closed;
      expect(await c.ctl.read(30_000), 226, 'slow RETR');
      assert.ok(Buffer.concat(parts).equals(slowBody), 'slow reader got every byte');
      await c.quit();
    })();
    // slow writer: 32 KiB every 100 ms
    const writer = (async () => {
      const c = await FtpsClient.open(srv.port);
      const { sock, ready } = await c.openData();
      sock.on('error', () => {});
      expect(await c.ctl.cmd('STOR slow-up.bin'), 150, 'STOR');
      await ready;
      const chunks = Array.from({ length: 20 }, () => randomBytes(32 * 1024));
      for (const ch of chunks) {
        sock.write(ch);
        await delay(100);
      }
      sock.end();
      expect(await c.ctl.read(30_000), 226, 'slow STOR');
      await c.quit();
      return Buffer.concat(chunks);
    })();
    await concurrentTransferWorks(srv.port);
    const [, written] = await Promise.all([reader, writer]);
    assert.ok(readFileSync(join(srv.home, 'slow-up.bin')).equals(written), 'slow writer: the file is what was sent');
    await backToBaseline(srv, baseline);
  });

  it('ABOR during STOR: 426 then 226, the old file intact, nothing partial visible', async () => {
    const c = await FtpsClient.open(srv.port);
    const { sock, ready } = await c.openData();
    sock.on('error', () => {});
    expect(await c.ctl.cmd('STOR keep.bin'), 150, 'STOR');
    await ready;
    sock.write(randomBytes(512 * 1024));
    await delay(200);
    const first = await c.ctl.cmd('ABOR', 10_000);
    assert.equal(first.code, 426, first.text);
    expect(await c.ctl.read(10_000), 226, 'ABOR');
    sock.destroy();
    assert.ok(readFileSync(join(srv.home, 'keep.bin')).equals(OLD), 'keep.bin unchanged');
    expect(await c.ctl.cmd('NOOP'), 200, 'NOOP after ABOR');
    const down = await c.download('keep.bin');
    assert.equal(down.sha256, sha256(OLD));
    await c.quit();
    await backToBaseline(srv, baseline);
  });

  it('ABOR during RETR: 426 then 226, the session goes on', async () => {
    const c = await FtpsClient.open(srv.port);
    const { sock, ready } = await c.openData();
    sock.on('error', () => {});
    sock.pause(); // a reader that does not read: the transfer is surely still running at ABOR
    expect(await c.ctl.cmd('RETR big.bin'), 150, 'RETR');
    await ready;
    const first = await c.ctl.cmd('ABOR', 10_000);
    assert.equal(first.code, 426, first.text);
    expect(await c.ctl.read(10_000), 226, 'ABOR');
    sock.destroy();
    expect(await c.ctl.cmd('NOOP'), 200, 'NOOP after ABOR');
    await c.quit();
    await backToBaseline(srv, baseline);
  });
});

describe('a file-size limit reached during an upload (RLIMIT_FSIZE: a real EFBIG)', () => {
  let srv: ChildServer;
  before(async () => {
    srv = await startChildServer({ fileSizeLimitKiB: 1024 });
    writeFileSync(join(srv.home, 'keep.bin'), OLD);
  });
  after(() => srv.stop());

  it('answers 452, keeps the old file, removes the partial, and serves the next session', async () => {
    await concurrentTransferWorks(srv.port);
    const baseline = fdCount(srv.pid);
    const c = await FtpsClient.open(srv.port);
    const { sock, ready } = await c.openData();
    sock.on('error', () => {});
    expect(await c.ctl.cmd('STOR keep.bin'), 150, 'STOR');
    await ready;
    sock.end(randomBytes(4 << 20));
    const r = await c.ctl.read(30_000);
    assert.equal(r.code, 452, r.text);
    assert.ok(!r.text.includes(srv.root), 'the reply names no host path');
    expect(await c.ctl.cmd('NOOP'), 200, 'NOOP after 452');
    // a smaller upload still fits
    const small = randomBytes(200_000);
    assert.equal((await c.upload('small.bin', small)).sha256, sha256(small));
    await c.quit();
    assertHome(srv.home, { 'keep.bin': OLD, 'small.bin': small });
    const partials = readdirSync(join(srv.home, '.zftps-partial'));
    assert.deepEqual(partials, [], 'no partial left after a write error of our own');
    await concurrentTransferWorks(srv.port);
    await backToBaseline(srv, baseline);
  });
});

describe('SIGTERM during transfers', () => {
  it('lets running transfers finish, refuses new sessions, and exits 0', async () => {
    const srv = await startChildServer({ shutdownGraceSeconds: 20 });
    try {
      const down = randomBytes(4 << 20);
      writeFileSync(join(srv.home, 'down.bin'), down);
      writeFileSync(join(srv.home, 'keep.bin'), OLD);
      const up = await FtpsClient.open(srv.port);
      const dl = await FtpsClient.open(srv.port);
      const idle = await FtpsClient.open(srv.port);
      // an upload in progress (slow writer) and a download in progress (slow reader)
      const upData = await up.openData();
      upData.sock.on('error', () => {});
      expect(await up.ctl.cmd('STOR keep.bin'), 150, 'STOR');
      await upData.ready;
      const newContent = randomBytes(2 << 20);
      upData.sock.write(newContent.subarray(0, 1 << 20));
      const dlData = await dl.openData();
      const parts: Buffer[] = [];
      dlData.sock.on('data', (d: Buffer) => parts.push(d));
      dlData.sock.on('error', () => {});
      dlData.sock.pause();
      const dlClosed = new Promise((r) => dlData.sock.once('close', r));
      expect(await dl.ctl.cmd('RETR down.bin'), 150, 'RETR');
      await dlData.ready;

      srv.child.kill('SIGTERM');
      // the idle session is told at once
      expect(await idle.ctl.read(5000), 421, 'idle session at SIGTERM');
      // new sessions are refused (listener closed, or 421 while closing)
      const refused = await new Promise<string>((res) => {
        const s = net.connect({ host: '127.0.0.1', port: srv.port });
        let text = '';
        s.on('data', (d) => (text += d));
        s.on('error', (e) => res(`error ${(e as NodeJS.ErrnoException).code}`));
        s.on('close', () => res(text));
      });
      assert.ok(/^421 |ECONNREFUSED/.test(refused), `new session after SIGTERM: ${refused}`);

      // the transfers finish
      upData.sock.end(newContent.subarray(1 << 20));
      dlData.sock.resume();
      expect(await up.ctl.read(20_000), 226, 'upload during shutdown');
      await dlClosed;
      expect(await dl.ctl.read(20_000), 226, 'download during shutdown');
      assert.ok(Buffer.concat(parts).equals(down), 'download intact');
      assert.equal(await srv.exited, 0);
      assertHome(srv.home, { 'keep.bin': newContent, 'down.bin': down });
      up.ctl.close();
      dl.ctl.close();
      idle.ctl.close();
    } finally {
      await srv.stop();
    }
  });
});

describe('IPv6 loopback', () => {
  const hasV6 = Object.values(os.networkInterfaces()).some((l) => l?.some((a) => a.family === 'IPv6' && a.address === '::1'));

  it('EPSV and EPRT transfers over ::1', { skip: hasV6 ? false : 'no IPv6 loopback on this machine' }, async () => {
    const t = await startTestServer({ host: '::1', logLevel: 'silent' });
    try {
      const ctl = net.connect({ host: '::1', port: t.port });
      let buf = '';
      const replies: string[] = [];
      let wake: (() => void) | undefined;
      const feed = (d: Buffer) => {
        buf += d.toString();
        let i;
        while ((i = buf.indexOf('\r\n')) >= 0) {
          const l = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (/^\d{3} /.test(l)) replies.push(l);
        }
        wake?.();
      };
      ctl.on('data', feed);
      const read = async () => {
        const end = Date.now() + 5000;
        while (!replies.length && Date.now() < end) await new Promise<void>((r) => ((wake = r), setTimeout(r, 200)));
        const r = replies.shift();
        assert.ok(r, 'reply');
        return r;
      };
      const cmd = async (l: string) => (ctl.write(`${l}\r\n`), read());
      assert.match(await read(), /^220 /);
      assert.match(await cmd('USER alice'), /^331 /);
      assert.match(await cmd('PASS secret'), /^230 /);
      assert.match(await cmd('TYPE I'), /^200 /);
      assert.match(await cmd('PASV'), /^425 /); // PASV cannot say an IPv6 address
      // EPSV
      const epsv = await cmd('EPSV');
      const port = Number(/\|\|\|(\d+)\|/.exec(epsv)![1]);
      const body = randomBytes(300_000);
      const d = net.connect({ host: '::1', port });
      await new Promise((r) => d.once('connect', r));
      assert.match(await cmd('STOR v6.bin'), /^150 /);
      d.end(body);
      assert.match(await read(), /^226 /);
      assert.ok(readFileSync(join(t.home, 'v6.bin')).equals(body));
      // EPRT: the server connects to us on ::1
      const got: Buffer[] = [];
      const listener = net.createServer((s) => s.on('data', (x: Buffer) => got.push(x)));
      await new Promise<void>((r) => listener.listen({ host: '::1', port: 0 }, r));
      const done = new Promise((r) => listener.once('connection', (s) => s.once('close', r)));
      assert.match(await cmd(`EPRT |2|::1|${(listener.address() as net.AddressInfo).port}|`), /^200 /);
      assert.match(await cmd('RETR v6.bin'), /^150 /);
      await done;
      assert.match(await read(), /^226 /);
      listener.close();
      assert.ok(Buffer.concat(got).equals(body), 'EPRT download over IPv6 intact');
      assert.match(await cmd('EPRT |1|127.0.0.1|5000|'), /^522 /); // wrong family for this peer
      ctl.destroy();
    } finally {
      await t.close();
    }
  });
});

