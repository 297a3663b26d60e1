/**
 * The deployable image context (role imageContext): a Dockerfile, the FTPS server
 * as one bundled file, and the server's FTP.DATA, policy, user registry and config
 * rewritten for the image's layout. Keys are never baked in: they are mounted at
 * run time under /run/zftps/keys (ZFTPS_KEYS_DIR), and files under /data.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFtpData } from './formats/ftp-data';
import type { ServerConfigFile } from './model/server-config';
import { sha256OfTree } from './synth';

/** Node base image, pinned by version (slim Debian). */
export const NODE_BASE_IMAGE = 'node:20.20.2-bookworm-slim';
export const IMAGE_KEYS_DIR = '/run/zftps/keys';
export const IMAGE_DATA_DIR = '/data';
export const SERVER_BUNDLE = 'zftps-server.js';
/** The image's non-root user; mounted keys must be readable by this uid. */
export const IMAGE_UID = 10021;

let bundleCache: string | undefined;

/** The FTPS server bundled into one CommonJS file (built once per process). */
export function serverBundle(): string {
  if (bundleCache) return bundleCache;
  const fromSource = join(__dirname, 'server', 'main.ts');
  const fromDist = join(__dirname, 'server', 'main.js');
  const entry = existsSync(fromSource) ? fromSource : fromDist;
  if (!existsSync(entry)) throw new Error(`the server entry ${entry} is missing; reinstall zftps`);
  // esbuild is loaded lazily: only synth needs it, never the server.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const out = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    minify: false,
    legalComments: 'none',
    banner: { js: '#!/usr/bin/env node\n// zftps FTPS server, bundled by zftps synth. Configure it with zftps-server.json.' },
  });
  bundleCache = out.outputFiles[0].text;
  return bundleCache;
}

/** Writes <dir>/image/ inside the staging folder from the server's files already written there. */
export function writeImageContext(staging: string, dir: string): { path: string; sha256: string } {
  const src = join(staging, dir);
  const image = join(src, 'image');
  mkdirSync(image, { recursive: true });
  const config = JSON.parse(readFileSync(join(src, 'zftps-server.json'), 'utf8')) as ServerConfigFile;
  const keyRings = Object.fromEntries(
    Object.entries(config.keyRings).map(([name, files]) => [
      name,
      {
        ...files,
        key: `${IMAGE_KEYS_DIR}/${base(files.key)}`,
        certificate: `${IMAGE_KEYS_DIR}/${base(files.certificate)}`,
        ...(files.trustedCas ? { trustedCas: `${IMAGE_KEYS_DIR}/${base(files.trustedCas)}` } : {}),
        ...(files.trustedSelfSigned ? { trustedSelfSigned: `${IMAGE_KEYS_DIR}/${base(files.trustedSelfSigned)}` } : {}),
      },
    ]),
  );
  const imageConfig: ServerConfigFile = {
    ...config,
    keyRings,
    root: IMAGE_DATA_DIR,
    listen: { ...config.listen, host: '0.0.0.0' },
  };
  writeFileSync(join(image, 'zftps-server.json'), JSON.stringify(imageConfig, null, 2) + '\n');
  for (const f of ['FTP.DATA', config.policy, config.userRegistry]) if (f) copyFileSync(join(src, f), join(image, f));
  writeFileSync(join(image, SERVER_BUNDLE), serverBundle(), { mode: 0o755 });
  const passive = parseFtpData(readFileSync(join(src, config.ftpData), 'utf8'), config.ftpData).value.passiveDataPorts.value;
  writeFileSync(join(image, 'Dockerfile'), dockerfile(config, passive));
  writeFileSync(join(image, '.dockerignore'), '*.key\n*.p12\n*.pem\nkeys/\n');
  writeFileSync(join(image, 'README.md'), imageReadme(config, passive));
  return { path: `${dir}/image`, sha256: sha256OfTree(image) };
}

function base(p: string): string {
  return p.split('/').pop()!;
}

type PortRange = { readonly low: number; readonly high: number } | undefined;

/** Control and implicit ports, then the PASSIVEDATAPORTS range (Docker's low-high form). */
function exposed(config: ServerConfigFile, passive: PortRange): string[] {
  const p = [String(config.listen.port)];
  if (config.listen.implicitPort) p.push(String(config.listen.implicitPort));
  if (passive) p.push(passive.low === passive.high ? String(passive.low) : `${passive.low}-${passive.high}`);
  return p;
}

/** `-p` arguments for docker run: every exposed port on the same host port (PASV replies name these ports). */
function publish(config: ServerConfigFile, passive: PortRange): string {
  return exposed(config, passive)
    .map((p) => `-p ${p}:${p}`)
    .join(' ');
}

function dockerfile(config: ServerConfigFile, passive: PortRange): string {
  return `# zftps FTPS server image for ${config.id}, written by zftps synth.
# Keys are mounted at run time, never baked in; they must be readable by uid ${IMAGE_UID}:
#   docker run -v "$PWD/../keys:${IMAGE_KEYS_DIR}:ro" -v ftpdata:${IMAGE_DATA_DIR} ${publish(config, passive)} <image>
# Users whose password comes from an environment variable need it set (-e NAME=...): the
# image listens on every address, where the documented demo defaults are refused.
FROM ${NODE_BASE_IMAGE}
WORKDIR /opt/zftps
COPY --chown=root:root . /opt/zftps/
RUN useradd --system --uid ${IMAGE_UID} --home-dir ${IMAGE_DATA_DIR} zftps \\
 && mkdir -p ${IMAGE_DATA_DIR} ${IMAGE_KEYS_DIR} && chown zftps ${IMAGE_DATA_DIR}
# The server takes every key ring file from this folder by its name (see zftps-server.json).
ENV ZFTPS_KEYS_DIR=${IMAGE_KEYS_DIR} NODE_ENV=production
USER ${IMAGE_UID}
EXPOSE ${exposed(config, passive).join(' ')}
VOLUME ["${IMAGE_DATA_DIR}"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=5s --retries=3 CMD ["node", "/opt/zftps/${SERVER_BUNDLE}", "--health-check", "--config", "/opt/zftps/zftps-server.json"]
# SIGTERM (docker stop) lets running transfers finish within limits.shutdownGraceSeconds; SIGHUP reloads keys.
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "/opt/zftps/${SERVER_BUNDLE}", "--config", "/opt/zftps/zftps-server.json"]
`;
}

function imageReadme(config: ServerConfigFile, passive: PortRange): string {
  const name = `zftps-${config.id.toLowerCase()}`;
  return `# Image context for ${config.id}

Build: \`docker build -t ${name} .\`

Run (keys from the synth output's \`keys/\` folder, mounted read-only and readable by uid ${IMAGE_UID}):

\`\`\`
docker run -d --name ${name} -v "$PWD/../keys:${IMAGE_KEYS_DIR}:ro" -v ftpdata:${IMAGE_DATA_DIR} \\
  ${publish(config, passive)} ${name}
docker kill -s HUP ${name}     # reload certificates, keys and users; open sessions keep theirs
docker stop ${name}            # transfers may finish within limits.shutdownGraceSeconds
\`\`\`

Passive replies announce the container's address unless \`passiveAddress\` is set in
zftps-server.json; behind NAT set it to the address clients connect to.

Without Docker: \`ZFTPS_KEYS_DIR=../keys node ${SERVER_BUNDLE} --config zftps-server.json --root DIR\` from
this folder. The health check is \`node ${SERVER_BUNDLE} --health-check --config zftps-server.json\`
(exit 0 when the control port greets with 220).
`;
}
