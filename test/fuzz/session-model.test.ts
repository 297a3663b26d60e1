/**
 * Model-based test of the session state machine against the real server: random
 * sequences of AUTH TLS, PBSZ, PROT C/P, USER/PASS (good and bad), CWD, EPSV,
 * LIST, RETR, STOR, ABOR (idle and during a transfer), REIN and QUIT, with data
 * connections that open at once, late, close early or never come. The model
 * predicts every reply code (a set where the race is real, e.g. ABOR vs. the end
 * of a transfer) and the content of every file; RETR checks the bytes.
 *
 * REIN and QUIT under TLS: the server drops TLS after its reply (RFC 4217 §13);
 * this client cannot go back to plaintext on a Node TLS socket, so it checks the
 * 220/221 and reconnects — the model starts over, like the server's session.
 */
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { RawFtp, type Reply } from '../server/support/raw';
import { startTestServer, type TestServer } from '../server/support/harness';
import { testPki } from '../server/support/pki';
import { fuzzParams } from './support/params';

type DataEvent = 'now' | 'late' | 'closeEarly' | 'never';

interface Model {
  tls: boolean;
  pbsz: boolean;
  prot: 'C' | 'P';
  type: 'A' | 'I';
  pending?: string;
  loggedIn: boolean;
  dataReady: boolean;
  cwd: '/' | '/sub';
  /** Content of every file the test may touch, by virtual path. */
  files: Map<string, Buffer>;
}

interface Real {
  srv: TestServer;
  c: RawFtp;
  ctlTls?: tls.TLSSocket;
  dataPort?: number;
}

const BIG = randomBytes(8 << 20);
const HELLO = Buffer.from('hello world\n');
const NAMES = ['hello.txt', 'a.bin', 'missing.txt'];

function freshModel(): Model {
  return {
    tls: false,
    pbsz: false,
    prot: 'C',
    type: 'A',
    loggedIn: false,
    dataReady: false,
    cwd: '/',
    files: new Map([
      ['/hello.txt', HELLO],
      ['/big.bin', BIG],
    ]),
  };
}

function resetHome(home: string): void {
  for (const n of ['a.bin', 'sub', '.zftps-partial']) rmSync(join(home, n), { recursive: true, force: true });
  mkdirSync(join(home, 'sub'));
  writeFileSync(join(home, 'hello.txt'), HELLO);
  writeFileSync(join(home, 'big.bin'), BIG);
}

function codeIn(r: Reply, allowed: readonly number[], what: string): number {
  assert.ok(allowed.includes(r.code), `${what}: expected ${allowed.join('|')}, got ${r.text}`);
  return r.code;
}

async function reconnect(r: Real, m: Model): Promise<void> {
  r.c.close();
  r.c = await RawFtp.connect(r.srv.port);
  r.ctlTls = undefined;
  assert.equal((await r.c.read()).code, 220);
  // Every field explicitly (pending too): a new connection carries nothing over.
  Object.assign(m, { ...freshModel(), pending: undefined, files: m.files });
}

// ---------------------------------------------------------------- commands

class AuthTls implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    if (m.tls) return void codeIn(await r.c.cmd('AUTH TLS'), [503], 'AUTH TLS again');
    r.ctlTls = await r.c.authTls();
    Object.assign(m, { tls: true, pbsz: false, prot: 'C', type: 'A', pending: undefined, loggedIn: false, dataReady: false, cwd: '/' });
  }
  toString = () => 'AUTH TLS';
}

class Pbsz implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    codeIn(await r.c.cmd('PBSZ 0'), [m.tls ? 200 : 503], 'PBSZ');
    if (m.tls) m.pbsz = true;
  }
  toString = () => 'PBSZ 0';
}

class Prot implements fc.AsyncCommand<Model, Real> {
  constructor(readonly level: 'C' | 'P') {}
  check = () => true;
  async run(m: Model, r: Real) {
    codeIn(await r.c.cmd(`PROT ${this.level}`), [m.tls && m.pbsz ? 200 : 503], 'PROT');
    if (m.tls && m.pbsz) m.prot = this.level;
  }
  toString = () => `PROT ${this.level}`;
}

class User implements fc.AsyncCommand<Model, Real> {
  constructor(readonly name: string) {}
  check = () => true;
  async run(m: Model, r: Real) {
    codeIn(await r.c.cmd(`USER ${this.name}`), [331], 'USER');
    Object.assign(m, { pending: this.name, loggedIn: false, cwd: '/' });
  }
  toString = () => `USER ${this.name}`;
}

class Pass implements fc.AsyncCommand<Model, Real> {
  constructor(readonly good: boolean) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const reply = await r.c.cmd(`PASS ${this.good ? 'secret' : 'wrong'}`);
    if (m.pending === undefined) return void codeIn(reply, [503], 'PASS without USER'); // the login, if any, stays
    const ok = m.pending === 'alice' && this.good;
    codeIn(reply, [ok ? 230 : 530], 'PASS');
    m.loggedIn = ok;
    m.pending = undefined;
  }
  toString = () => `PASS ${this.good ? 'good' : 'bad'}`;
}

/** USER alice + PASS secret in one step, so random sequences reach the transfer states often. */
class Login implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    codeIn(await r.c.cmd('USER alice'), [331], 'USER');
    codeIn(await r.c.cmd('PASS secret'), [230], 'PASS');
    Object.assign(m, { pending: undefined, loggedIn: true, cwd: '/' });
  }
  toString = () => 'LOGIN alice';
}

class Type implements fc.AsyncCommand<Model, Real> {
  constructor(readonly t: 'A' | 'I') {}
  check = () => true;
  async run(m: Model, r: Real) {
    codeIn(await r.c.cmd(`TYPE ${this.t}`), [200], 'TYPE');
    m.type = this.t;
  }
  toString = () => `TYPE ${this.t}`;
}

/** TYPE A as RFC 959 puts it, written independently of lib/server/data.ts: LF on the wire is CRLF. */
const asciiOut = (b: Buffer) => Buffer.from(b.toString('latin1').replace(/(?<!\r)\n/g, '\r\n'), 'latin1');
const asciiIn = (b: Buffer) => Buffer.from(b.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');

class Cwd implements fc.AsyncCommand<Model, Real> {
  constructor(readonly to: '/' | '/sub' | '/nowhere') {}
  check = () => true;
  async run(m: Model, r: Real) {
    const expected = !m.loggedIn ? 530 : this.to === '/nowhere' ? 550 : 250;
    codeIn(await r.c.cmd(`CWD ${this.to}`), [expected], 'CWD');
    if (expected === 250) m.cwd = this.to as Model['cwd'];
  }
  toString = () => `CWD ${this.to}`;
}

class Epsv implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    const reply = await r.c.cmd('EPSV');
    codeIn(reply, [m.loggedIn ? 229 : 530], 'EPSV');
    if (!m.loggedIn) return;
    r.dataPort = Number(/\|\|\|(\d+)\|/.exec(reply.text)![1]);
    m.dataReady = true;
  }
  toString = () => 'EPSV';
}

class Abor implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    codeIn(await r.c.cmd('ABOR'), [226], 'ABOR (idle)');
    m.dataReady = false;
  }
  toString = () => 'ABOR';
}

class Rein implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    codeIn(await r.c.cmd('REIN'), [220], 'REIN');
    if (m.tls) return reconnect(r, m);
    Object.assign(m, { pbsz: false, prot: 'C', type: 'A', pending: undefined, loggedIn: false, dataReady: false, cwd: '/' });
  }
  toString = () => 'REIN';
}

class Quit implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    codeIn(await r.c.cmd('QUIT'), [221], 'QUIT');
    await reconnect(r, m);
  }
  toString = () => 'QUIT';
}

/** Opens the data connection the way `ev` says; resolves to the socket (or undefined for never/closeEarly). */
async function dataSocket(m: Model, r: Real, ev: DataEvent, delayed: boolean): Promise<net.Socket | undefined> {
  if (ev === 'never') return undefined;
  if (ev === 'closeEarly') {
    const s = net.connect({ host: '127.0.0.1', port: r.dataPort! });
    await new Promise((res, rej) => s.once('connect', res).once('error', rej));
    s.destroy();
    return undefined;
  }
  if (delayed) await new Promise((res) => setTimeout(res, 300));
  const s =
    m.prot === 'P'
      ? tls.connect({ host: '127.0.0.1', port: r.dataPort!, ca: testPki().caCert, servername: 'localhost', session: r.ctlTls!.getSession() })
      : net.connect({ host: '127.0.0.1', port: r.dataPort! });
  s.on('error', () => {});
  return s;
}

/** What the server answers after 150 when the data connection closed before any TLS or data. */
function afterEarlyClose(m: Model, kind: 'LIST' | 'RETR' | 'STOR'): number[] {
  if (m.prot === 'P') return [522];
  return kind === 'STOR' ? [226] : [226, 426];
}

class Transfer implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly kind: 'LIST' | 'RETR' | 'STOR',
    readonly name: string,
    readonly ev: DataEvent,
    readonly body: Buffer,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const vpath = `${m.cwd === '/' ? '' : m.cwd}/${this.name}`;
    const line = this.kind === 'LIST' ? 'LIST' : `${this.kind} ${this.name}`;
    if (!m.loggedIn) return void codeIn(await r.c.cmd(line), [530], line);
    if (!m.dataReady) return void codeIn(await r.c.cmd(line), [425], line);
    if (this.kind === 'RETR' && !m.files.has(vpath)) return void codeIn(await r.c.cmd(line), [550], line);
    m.dataReady = false;
    const late = this.ev === 'late';
    let sock = late ? undefined : await dataSocket(m, r, this.ev, false);
    r.c.write(`${line}\r\n`);
    if (late) sock = await dataSocket(m, r, 'late', true);
    if (this.ev === 'never') return void codeIn(await r.c.read(5000), [425], `${line} without a data connection`);
    codeIn(await r.c.read(5000), [150], line);
    if (this.ev === 'closeEarly') {
      const code = codeIn(await r.c.read(5000), afterEarlyClose(m, this.kind), `${line} after an early close`);
      if (this.kind === 'STOR' && code === 226) m.files.set(vpath, Buffer.alloc(0));
      return;
    }
    const received: Buffer[] = [];
    sock!.on('data', (d: Buffer) => received.push(d));
    const closed = new Promise((res) => sock!.once('close', res));
    if (this.kind === 'STOR') sock!.end(this.body);
    await closed;
    codeIn(await r.c.read(10_000), [226], `${line} end`);
    if (this.kind === 'STOR') m.files.set(vpath, m.type === 'A' ? asciiIn(this.body) : this.body);
    if (this.kind === 'RETR') {
      const stored = m.files.get(vpath)!;
      assert.ok(Buffer.concat(received).equals(m.type === 'A' ? asciiOut(stored) : stored), `${line}: bytes differ from the model (TYPE ${m.type})`);
    }
    if (this.kind === 'LIST') assert.ok(received.length > 0 || m.cwd === '/sub', 'LIST of / is never empty');
  }
  toString = () => `${this.kind} ${this.kind === 'LIST' ? '' : this.name} [data ${this.ev}${this.kind === 'STOR' ? `, ${this.body.length} B` : ''}]`;
}

/** RETR of a big file whose reader does not read, then ABOR while the transfer runs. */
class RetrThenAbor implements fc.AsyncCommand<Model, Real> {
  check = (m: Readonly<Model>) => m.loggedIn && m.dataReady && m.cwd === '/';
  async run(m: Model, r: Real) {
    m.dataReady = false;
    const sock = (await dataSocket(m, r, 'now', false))!;
    sock.pause();
    codeIn(await r.c.cmd('RETR big.bin'), [150], 'RETR big.bin');
    if (m.prot === 'P') await new Promise((res) => (sock as tls.TLSSocket).once('secureConnect', res));
    const first = await r.c.cmd('ABOR', 10_000);
    // 426 for the aborted transfer, then 226 for ABOR; 226 + 226 if the transfer won the race.
    codeIn(first, [426, 226], 'ABOR during RETR');
    codeIn(await r.c.read(10_000), [226], 'ABOR reply');
    sock.destroy();
  }
  toString = () => 'RETR big.bin + ABOR';
}

const commands = [
  fc.constant(new AuthTls()),
  fc.constant(new Pbsz()),
  fc.constantFrom('C' as const, 'P' as const).map((l) => new Prot(l)),
  fc.constantFrom('alice', 'mallory').map((u) => new User(u)),
  fc.boolean().map((g) => new Pass(g)),
  fc.constant(new Login()),
  fc.constant(new Login()),
  fc.constantFrom('A' as const, 'I' as const).map((t) => new Type(t)),
  fc.constantFrom('/' as const, '/sub' as const, '/nowhere' as const).map((d) => new Cwd(d)),
  fc.constant(new Epsv()),
  fc.constant(new Epsv()),
  fc.constant(new Abor()),
  fc.constant(new Rein()),
  fc.constant(new Quit()),
  fc
    .tuple(
      fc.constantFrom('LIST' as const, 'RETR' as const, 'STOR' as const),
      fc.constantFrom(...NAMES),
      fc.constantFrom<DataEvent>('now', 'now', 'late', 'closeEarly', 'never'),
      fc.oneof(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.constantFrom('a', ' ', '\r', '\n', '\r\n', 'xyz'), { maxLength: 200 }).map((p) => Buffer.from(p.join('')))),
    )
    .map(([k, n, ev, b]) => new Transfer(k, n, ev, Buffer.from(b))),
  fc.constant(new RetrThenAbor()),
];

let srv: TestServer;
before(async () => {
  srv = await startTestServer({ logLevel: 'silent', limits: { dataTimeoutSeconds: 1, maxLoginFailures: 1_000_000, failedLoginDelayMs: 1 } });
});
after(() => srv.close());

async function runSequence(cmds: Iterable<fc.AsyncCommand<Model, Real>>): Promise<void> {
  resetHome(srv.home);
  const c = await RawFtp.connect(srv.port);
  assert.equal((await c.read()).code, 220);
  const real: Real = { srv, c };
  try {
    await fc.asyncModelRun(() => ({ model: freshModel(), real }), cmds);
    // whatever happened, the session still answers
    assert.equal((await real.c.cmd('NOOP')).code, 200);
  } finally {
    real.c.close();
  }
}

describe('session state machine: model vs. the real server', () => {
  // Regressions found by the long run (scripts/fuzz-long.ts); the fix is named in docs/reliability.md.
  it('regression (seed 8802): USER, QUIT, then PASS on the new connection is 503 — no login state survives a connection', async () => {
    await runSequence([new User('alice'), new Quit(), new Pass(false)]);
  });

  it('regression: PROT P, RETR with the data connection closed before its TLS handshake is 522; the session goes on', async () => {
    await runSequence([new AuthTls(), new Pbsz(), new Prot('P'), new User('alice'), new Pass(true), new Epsv(), new Transfer('RETR', 'hello.txt', 'closeEarly', Buffer.alloc(0)), new Epsv(), new Transfer('RETR', 'hello.txt', 'now', Buffer.alloc(0))]);
  });

  it('predicts every reply code and file content over random interleavings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 14 }), (cmds) => runSequence(cmds)),
      fuzzParams('session model', 60),
    );
  });
});
