/**
 * The published package, as users get it: `npm pack`, then install the tarball into
 * fresh folders outside the repo (a node_modules above would leak peers in) for a
 * core-only user, a CDKTF user and a Pulumi user. Slow (three installs): one file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, parse } from 'node:path';

const repo = join(__dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const devVersion = (name: string) => (require(join(repo, 'package.json')).devDependencies as Record<string, string>)[name]!;

function run(cwd: string, args: string[]): string {
  const r = spawnSync(npm, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function nodeIn(cwd: string, code: string, esm = false) {
  return spawnSync(process.execPath, [...(esm ? ['--input-type=module'] : []), '-e', code], { cwd, encoding: 'utf8' });
}

function consumer(root: string, name: string, tarball: string, peers: string[]): string {
  const dir = join(root, name);
  execFileSync('mkdir', ['-p', dir]);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${name}`, version: '1.0.0', private: true, type: 'commonjs' }));
  run(dir, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...peers]);
  return dir;
}

test('npm pack installs for core-only, cdktf and pulumi users; each subpath loads where its peers exist', { timeout: 900_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'zftps-pack-'));
  try {
    // Isolation: no node_modules in any folder above the consumers.
    for (let d = dirname(root); ; d = dirname(d)) {
      assert.ok(!existsSync(join(d, 'node_modules')), `${d}/node_modules would leak packages into the consumers`);
      if (d === parse(d).root) break;
    }

    run(repo, ['run', 'build']);
    const tarName = run(repo, ['pack', '--pack-destination', root, '--loglevel=error']).trim().split('\n').pop()!;
    const tarball = join(root, tarName);
    assert.ok(existsSync(tarball), tarball);

    // ---- core only ----
    const core = consumer(root, 'core', tarball, []);
    const installed = readdirSync(join(core, 'node_modules'));
    assert.ok(!installed.includes('cdktf') && !installed.includes('@cdktf'), 'optional peers cdktf/@cdktf are not installed');
    assert.ok(!existsSync(join(core, 'node_modules', '@pulumi')), 'optional peer @pulumi/pulumi is not installed');
    let r = nodeIn(core, "const z = require('zftps'); if (typeof z.SecureFtpServer !== 'function') throw new Error('no SecureFtpServer'); console.log('ok')");
    assert.equal(r.status, 0, r.stderr);
    r = nodeIn(core, "import { KeyRing, renderFtpData } from 'zftps'; console.log(typeof KeyRing, typeof renderFtpData)", true);
    assert.equal(r.stdout.trim(), 'function function', r.stderr);
    r = nodeIn(core, "require('zftps/cdktf')");
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /install cdktf, constructs, @cdktf\/provider-tls and @cdktf\/provider-local to use zftps\/cdktf/);
    r = nodeIn(core, "require('zftps/pulumi')");
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /install @pulumi\/pulumi to use zftps\/pulumi/);

    // ---- cdktf user ----
    const cdk = consumer(root, 'cdktf', tarball, ['cdktf', 'constructs', '@cdktf/provider-tls', '@cdktf/provider-local'].map((p) => `${p}@${devVersion(p)}`));
    assert.ok(!existsSync(join(cdk, 'node_modules', '@pulumi')));
    r = nodeIn(cdk, `
      const { TerraformStack, Testing } = require('cdktf');
      const { KeyRing, KeyRingName, SecureFtpServer } = require('zftps/cdktf');
      const stack = new TerraformStack(Testing.app(), 'ftps');
      new SecureFtpServer(stack, 'srv', { keyRing: new KeyRing(stack, 'ring', { name: KeyRingName.saf('FTPRING') }) });
      const json = JSON.parse(Testing.synth(stack, true));
      console.log(Object.keys(json.resource).sort().join(','));`);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), 'local_file,local_sensitive_file,tls_private_key,tls_self_signed_cert');
    r = nodeIn(cdk, "import { SecureFtpServer } from 'zftps/cdktf'; console.log(typeof SecureFtpServer)", true);
    assert.equal(r.stdout.trim(), 'function', r.stderr);
    r = nodeIn(cdk, "require('zftps/pulumi')");
    assert.match(r.stderr, /install @pulumi\/pulumi to use zftps\/pulumi/);

    // ---- pulumi user ----
    const pul = consumer(root, 'pulumi', tarball, [`@pulumi/pulumi@${devVersion('@pulumi/pulumi')}`]);
    assert.ok(!existsSync(join(pul, 'node_modules', 'cdktf')));
    r = nodeIn(pul, "const p = require('zftps/pulumi'); console.log(typeof p.SecureFtpServer, typeof p.certificateProvider.create)");
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), 'function function');
    r = nodeIn(pul, "require('zftps/cdktf')");
    assert.match(r.stderr, /install cdktf, constructs, @cdktf\/provider-tls and @cdktf\/provider-local to use zftps\/cdktf/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
