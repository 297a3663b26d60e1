/**
 * The key store (e.g. `.zftps-keys/`): keys, certificates, PKCS#12 bytes and
 * passwords that must survive between synths so an unchanged ring yields
 * byte-identical artifacts. One JSON file per ring, replaced atomically
 * (temp file, fsync, rename, fsync of the folder): a failed synth leaves the
 * previous file untouched, never half of a new one.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../diagnostics';

/** Bump when the stored shape changes incompatibly; older zftps versions then refuse the store. */
export const STORE_VERSION = 1;

export interface StoredPkcs12 {
  /** sha256 of everything that goes into the package (key, certificates, algorithm, name). */
  readonly hash: string;
  readonly password: string;
  /** base64 DER */
  readonly der: string;
}

export interface StoredIdentity {
  /** Generated key (PKCS#8 PEM) and the size it was generated for. Absent for bring-your-own and CSR identities. */
  readonly keyBits?: number;
  readonly privateKeyPem?: string;
  /** sha256 of the certificate's spec, public key and issuer; the certificate is reissued when it changes. */
  readonly certHash?: string;
  readonly certificatePem?: string;
  readonly pkcs12?: StoredPkcs12;
}

interface RingFile {
  readonly version: number;
  readonly ring: string;
  readonly identities: Record<string, StoredIdentity>;
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`key store: cannot read ${path} (${(e as Error).message})`);
  }
}

/** Write a file so that readers see either the old or the new content, never a mix. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode: number): Promise<void> {
  const tmp = `${path}.tmp-${randomBytes(6).toString('hex')}`;
  const handle = await fs.open(tmp, 'w', mode);
  try {
    await handle.writeFile(data);
    await handle.chmod(mode); // the umask may have narrowed or widened it
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  await syncDir(join(path, '..'));
}

/**
 * Write many files, each atomically like writeFileAtomic, with one fsync per
 * folder instead of one per file, and the file fsyncs overlapped a few at a
 * time. A ring with N clients writes ~4N files into one folder; a folder fsync
 * per file made a warm synth grow faster than N (the cost of each folder fsync
 * grows with the folder).
 */
export async function writeFilesAtomic(files: readonly { path: string; data: string | Uint8Array; mode: number }[], concurrency = 8): Promise<void> {
  const temps = files.map((f) => `${f.path}.tmp-${randomBytes(6).toString('hex')}`);
  const renamed = new Set<number>();
  try {
    await inParallel(files.length, concurrency, async (i) => {
      const f = files[i]!;
      const handle = await fs.open(temps[i]!, 'w', f.mode);
      try {
        await handle.writeFile(f.data);
        await handle.chmod(f.mode); // the umask may have narrowed or widened it
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
    for (const [i, f] of files.entries()) {
      await fs.rename(temps[i]!, f.path);
      renamed.add(i);
    }
  } catch (e) {
    await Promise.all(temps.map((t, i) => (renamed.has(i) ? undefined : fs.rm(t, { force: true }))));
    throw e;
  }
  for (const dir of new Set(files.map((f) => join(f.path, '..')))) await syncDir(dir);
}

async function inParallel(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

async function syncDir(dir: string): Promise<void> {
  const h = await fs.open(dir, 'r');
  try {
    await h.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic.
  } finally {
    await h.close();
  }
}

const SHARED_PREFIX = 'shared:';

export class KeyStore {
  private readonly next: Record<string, StoredIdentity> = {};

  private constructor(
    readonly dir: string,
    readonly ringId: string,
    private readonly previous: Readonly<Record<string, StoredIdentity>>,
    /** A shared file (the CAs every ring may use) keeps what it held; a ring file holds only what was put. */
    private readonly shared = false,
  ) {}

  private static ringFile(dir: string, ringId: string): string {
    // Ring ids are construct paths ('stack/ring'): one flat, reversible file name each.
    return ringId.startsWith(SHARED_PREFIX)
      ? join(dir, `shared-${ringId.slice(SHARED_PREFIX.length)}.json`)
      : join(dir, `ring-${encodeURIComponent(ringId)}.json`);
  }

  /**
   * The CAs: one store for every ring, so a CertificateAuthority used by several key
   * rings is one CA (one key, one certificate) and clients trust a single anchor.
   */
  static async openShared(dir: string, name: string): Promise<KeyStore> {
    const store = await KeyStore.open(dir, SHARED_PREFIX + name);
    return new KeyStore(store.dir, store.ringId, store.previous, true);
  }

  /** Open (without creating) the store; refuses a store written by a newer format. */
  static async open(dir: string, ringId: string): Promise<KeyStore> {
    const versionText = await readText(join(dir, 'version'));
    if (versionText !== undefined) {
      const v = Number(versionText.trim());
      if (!Number.isInteger(v) || v < 1) throw new InputError(`key store ${dir}/version: '${versionText.trim()}' is not a format version`);
      if (v > STORE_VERSION) {
        throw new InputError(
          `key store ${dir} was written by a newer zftps (store format ${v}; this version reads format ${STORE_VERSION}). ` +
            'Upgrade zftps, or point keyStoreDir elsewhere (a new store means new keys).',
        );
      }
    }
    const path = KeyStore.ringFile(dir, ringId);
    const text = await readText(path);
    if (text === undefined) return new KeyStore(dir, ringId, {});
    let parsed: RingFile;
    try {
      parsed = JSON.parse(text) as RingFile;
    } catch (e) {
      throw new InputError(`key store ${path}: not valid JSON (${(e as Error).message}); restore it from backup or delete it to regenerate every key`);
    }
    if (typeof parsed.version !== 'number' || parsed.version > STORE_VERSION) {
      throw new InputError(`key store ${path} was written by a newer zftps (format ${parsed.version}); this version reads format ${STORE_VERSION}`);
    }
    if (parsed.ring !== ringId || typeof parsed.identities !== 'object' || parsed.identities === null) {
      throw new InputError(`key store ${path}: does not describe key ring '${ringId}'`);
    }
    return new KeyStore(dir, ringId, parsed.identities);
  }

  get(name: string): StoredIdentity | undefined {
    return this.previous[name];
  }

  /** Record the identity's state for this synth; identities not put are dropped on commit. */
  put(name: string, identity: StoredIdentity): void {
    this.next[name] = identity;
  }

  /** Persist what was put. Creates the folder (0700) with a `.gitignore` of `*` and a `version` file. */
  async commit(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    const gitignore = join(this.dir, '.gitignore');
    if ((await readText(gitignore)) !== '*\n') await writeFileAtomic(gitignore, '*\n', 0o644);
    const version = join(this.dir, 'version');
    if ((await readText(version))?.trim() !== String(STORE_VERSION)) await writeFileAtomic(version, `${STORE_VERSION}\n`, 0o644);
    const all = this.shared ? { ...this.previous, ...this.next } : this.next;
    const sorted = Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]!]));
    const body: RingFile = { version: STORE_VERSION, ring: this.ringId, identities: sorted };
    const text = JSON.stringify(body, null, 2) + '\n';
    const path = KeyStore.ringFile(this.dir, this.ringId);
    if ((await readText(path)) !== text) await writeFileAtomic(path, text, 0o600);
  }
}
