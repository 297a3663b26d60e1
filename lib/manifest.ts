/** Reading a synth output folder through its manifest (never by guessing names). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from './diagnostics';
import type { ArtifactRecord, ArtifactRole, Manifest, ManifestServer } from './model/manifest';
import { MANIFEST_FILE } from './model/manifest';

export function readManifest(outdir: string): Manifest {
  const file = join(outdir, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`${file} not found: is ${outdir} a zftps synth output folder?`);
  }
  const m = JSON.parse(text) as Manifest;
  if (m.version !== 1) throw new InputError(`${file}: manifest version ${String(m.version)} is not supported by this zftps`);
  return m;
}

/** The one server in the manifest, or the one named by `id`. */
export function manifestServer(m: Manifest, id?: string): ManifestServer {
  const ids = Object.keys(m.servers);
  if (id) {
    const s = m.servers[id];
    if (!s) throw new InputError(`no server '${id}' in the manifest (servers: ${ids.join(', ') || 'none'})`);
    return s;
  }
  if (ids.length !== 1) throw new InputError(`the manifest has ${ids.length} servers (${ids.join(', ')}); choose one with --server`);
  return m.servers[ids[0]];
}

/** Absolute path of a server's artifact by role (and client / kind when a role has several). */
export function artifactPath(outdir: string, server: ManifestServer, role: ArtifactRole, filter: Partial<ArtifactRecord> = {}): string {
  const a = server.artifacts.find((x) => x.role === role && Object.entries(filter).every(([k, v]) => (x as unknown as Record<string, unknown>)[k] === v));
  if (!a) throw new InputError(`server '${server.id}' has no ${role} artifact${Object.keys(filter).length ? ' matching ' + JSON.stringify(filter) : ''}`);
  return join(outdir, a.path);
}
