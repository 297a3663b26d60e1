// zftps graph and synth's trust-graph.mmd: rendered for the three examples, with edges that
// match what the manifest's artifacts really hold (certificates checked with openssl).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { runProgram } from '../../lib/cli/run-program';
import { artifactPath, manifestServer, readManifest } from '../../lib/manifest';
import { renderMermaid, renderSvg, trustGraphFromArtifacts, type TrustGraph } from '../../lib/tools/trust-graph';

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = ['quickstart', 'native', 'client-auth'] as const;
const outs: Record<string, string> = {};
const has = (g: TrustGraph, from: string, to: string, label?: string) => g.edges.some((e) => e.from === from && e.to === to && (!label || e.label === label));
const openssl = (args: string[]) => execFileSync('openssl', args, { encoding: 'utf8' });

describe('trust graph', () => {
  before(() => {
    const dir = mkdtempSync(join(tmpdir(), 'zftps-graph-'));
    for (const e of EXAMPLES) {
      outs[e] = join(dir, e);
      assert.equal(runProgram(join(ROOT, `examples/${e}/main.ts`), { outdir: outs[e], keyStoreDir: join(dir, 'keys') }), 0, e);
    }
  });

  for (const e of EXAMPLES) {
    it(`${e}: synth writes trust-graph.mmd (role trustGraph) equal to the graph of its artifacts; SVG renders`, () => {
      const server = manifestServer(readManifest(outs[e]));
      const graph = trustGraphFromArtifacts(outs[e], server);
      const written = readFileSync(artifactPath(outs[e], server, 'trustGraph'), 'utf8');
      assert.equal(written, renderMermaid(graph));
      assert.match(written, /^flowchart LR$/m);
      const svg = renderSvg(graph);
      assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      for (const n of graph.nodes) assert.ok(svg.includes(`<g id="${n.id}">`), n.id);
      assert.equal((svg.match(/marker-end/g) ?? []).length, graph.edges.length);
      // The ring holds the server certificate; clients trust what the bundle holds.
      assert.ok(has(graph, 'ring', 'server_cert', 'holds (PERSONAL, DEFAULT)'));
    });
  }

  it('self-signed server certificate (quickstart): clients trust the server certificate itself', () => {
    const server = manifestServer(readManifest(outs.quickstart));
    const g = trustGraphFromArtifacts(outs.quickstart, server);
    const cert = artifactPath(outs.quickstart, server, 'serverCertificate', { kind: 'certificate' });
    assert.match(openssl(['verify', '-CAfile', cert, cert]), /OK/, 'openssl: the server certificate is self-signed');
    assert.ok(has(g, 'client_trust_bundle', 'server_cert', 'trust'));
    assert.ok(!g.nodes.some((n) => n.kind === 'user'));
  });

  it('CA-signed server certificate (client-auth): clients trust the CA, not the server certificate; users map to client certificates', () => {
    const server = manifestServer(readManifest(outs['client-auth']));
    const g = trustGraphFromArtifacts(outs['client-auth'], server);
    const ca = artifactPath(outs['client-auth'], server, 'caCertificate');
    const cert = artifactPath(outs['client-auth'], server, 'serverCertificate', { kind: 'certificate' });
    assert.match(openssl(['verify', '-CAfile', ca, cert]), /OK/, 'openssl: the CA signed the server certificate');
    const caNode = g.nodes.find((n) => n.kind === 'ca')!;
    assert.equal(caNode.label, 'CA: Example FTP CA');
    assert.ok(has(g, 'client_trust_bundle', caNode.id, 'trust'));
    assert.ok(!has(g, 'client_trust_bundle', 'server_cert'), 'the bundle holds the CA, not the server certificate');
    assert.ok(has(g, caNode.id, 'server_cert', 'signs'));
    for (const who of ['alice', 'bob']) {
      assert.ok(has(g, caNode.id, `client_${who}`, 'signs'));
      assert.ok(has(g, `client_${who}`, `user_${who}`, 'maps to'));
    }
    assert.ok(has(g, 'server_trust_list', caNode.id), 'the server trusts client certificates through the CA');
    assert.ok(has(g, 'ring', caNode.id, 'holds (CERTAUTH)'));
  });

  it('level 3: the SERVAUTH profile and its permitted users come from the RACF commands', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zftps-graph-l3-'));
    const program = readFileSync(join(ROOT, 'examples/client-auth/main.ts'), 'utf8').replace('ClientAuthLevel.LEVEL_2.withoutPassword()', 'ClientAuthLevel.LEVEL_3');
    const file = join(dir, 'main.ts');
    writeFileSync(file, program);
    assert.equal(runProgram(file, { outdir: join(dir, 'out'), keyStoreDir: join(dir, 'keys') }), 0);
    const out = join(dir, 'out');
    const g = trustGraphFromArtifacts(out, manifestServer(readManifest(out)));
    const profile = g.nodes.find((n) => n.kind === 'profile');
    assert.ok(profile, 'profile node');
    assert.match(profile!.label, /SERVAUTH EZB\.FTP\.SYS1\.FTPD1\.PORT2121/);
    assert.ok(has(g, 'user_alice', profile!.id, 'READ') && has(g, 'user_bob', profile!.id, 'READ'));
  });

  it('the CLI renders Mermaid and SVG from a synth output and from a program', () => {
    const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'lib/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    const mmd = cli(['graph', outs['client-auth']]);
    assert.equal(mmd.status, 0, mmd.stderr);
    assert.match(mmd.stdout, /client_trust_bundle -- "trust" --> ca_example_ca/);
    const svg = cli(['graph', 'examples/native/main.ts', '--format', 'svg']);
    assert.equal(svg.status, 0, svg.stderr);
    assert.match(svg.stdout, /<svg[\s\S]*server certificate: localhost[\s\S]*<\/svg>\n$/);
  });
});
