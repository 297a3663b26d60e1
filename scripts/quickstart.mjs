// npm start: synthesize examples/quickstart and serve it on 127.0.0.1, then print
// a curl command that works against it. Ctrl-C stops the server.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const cli = ['--import', 'tsx', 'lib/cli/main.ts'];
const out = process.env.ZFTPS_OUTDIR ?? 'zftps.out';
const synth = spawnSync(process.execPath, [...cli, 'synth', 'examples/quickstart/main.ts', '--out', out], { stdio: 'inherit' });
if (synth.status !== 0) process.exit(synth.status ?? 1);

const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
const server = manifest.servers.quickstart;
const trust = server.artifacts.find((a) => a.role === 'clientTrustBundle');
const config = JSON.parse(readFileSync(join(out, server.artifacts.find((a) => a.role === 'serverConfig').path), 'utf8'));
// Never echo a password someone set: let the shell expand the variable instead.
const password = process.env.ZFTPS_DEMO_PASSWORD ? '"$ZFTPS_DEMO_PASSWORD"' : 'zftps-demo';

const child = spawn(process.execPath, [...cli, 'serve', out], { stdio: ['ignore', 'pipe', 'inherit'] });
let printed = false;
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!printed) {
    printed = true;
    const url = `ftp://${config.listen.host}:${config.listen.port}/`;
    console.log(`try: curl --ssl-reqd --cacert ${relative(process.cwd(), join(out, trust.path))} -u demo:${password} ${url}`);
  }
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill('SIGTERM'));
child.on('exit', (code) => process.exit(code ?? 0));
