/**
 * The storage layer: one user's home folder as the FTP client sees it.
 *
 * Like vsftpd's split, this code distrusts the protocol engine: every path is re-checked
 * here on the *real* file system (realpath of the deepest existing ancestor, O_NOFOLLOW on
 * open, and on Linux a look at /proc/self/fd to see where an opened descriptor really
 * points), whatever the engine already checked. See docs/storage.md for the upload model
 * (atomic replace, kept partials for REST+STOR, per-target locks).
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { join, dirname, sep, isAbsolute } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { promisify } from 'node:util';
import { FsError, fsError, toFsError } from './errors';
import { FileInfo } from './listing';
import { isPresentableName, parseVirtual, RESERVED_PREFIX, toVirtual } from './vpath';
import { FdWriter, StorageFaults } from './writer';

export { FsError, type FsErrorCode } from './errors';
export { formatListLine, formatMlsxFacts, mlsxTime, MLSX_FACTS, type FileInfo } from './listing';
export type { StorageFaults } from './writer';

const fsp = fs.promises;
const openFd = promisify(fs.open);
const closeFd = promisify(fs.close);
const fstatFd = promisify(fs.fstat);
const readFd = promisify(fs.read);
const writeFd = promisify(fs.write);
const fsyncFd = promisify(fs.fsync);
const fchmodFd = promisify(fs.fchmod);

const C = fs.constants;
// O_NOFOLLOW/O_NONBLOCK do not exist on Windows; there the realpath checks stand alone.
const NOFOLLOW = C.O_NOFOLLOW ?? 0;
const READ_FLAGS = C.O_RDONLY | NOFOLLOW | (C.O_NONBLOCK ?? 0); // O_NONBLOCK: opening a FIFO must not hang
const WRITE_NEW = C.O_WRONLY | C.O_CREAT | C.O_TRUNC | NOFOLLOW;
const WRITE_APPEND = C.O_WRONLY | C.O_APPEND | NOFOLLOW;
const CREATE_EXCL = C.O_WRONLY | C.O_CREAT | C.O_EXCL | NOFOLLOW;

/** Default folder for partial uploads, inside the home; hidden because of its reserved prefix. */
export const PARTIAL_DIR_NAME = `${RESERVED_PREFIX}partial`;
/** Kept partial uploads older than this are removed when a session opens the home. */
export const PARTIAL_MAX_AGE_MS = 24 * 3600 * 1000;
const READ_CHUNK = 256 * 1024;

export interface UserFileSystemOptions {
  /** The user's home folder (created if missing, mode 0750). */
  root: string;
  /** false: every change (upload, mkdir, delete, rename) fails with EACCES, and listings show no write bits. */
  canWrite: boolean;
  /**
   * Where partial uploads live; default `<root>/.zftps-partial`. Must be on the same file system
   * as the home (checked), and if inside the home its top folder must start with `.zftps-`.
   * One partial dir may be shared by users: files are named by a hash of the real target path.
   */
  partialDir?: string;
  /** Called when an upload hits ENOSPC/EDQUOT (the temp is already removed, the old file intact). */
  onDiskFull?: (event: { vpath: string; bytesWritten: number }) => void;
  /** @default PARTIAL_MAX_AGE_MS (24 h) */
  partialMaxAgeMs?: number;
  /** Test-only fault injection on the upload write path. */
  faults?: StorageFaults;
}

export type WriteMode = 'replace' | 'append' | 'resume' | 'unique';

export interface UploadHandle {
  /** Feed the upload here; errors from the disk are FsErrors (ENOSPC → 452). */
  stream: Writable;
  /** The file the upload becomes (for 'unique' the chosen name; the engine puts it in the 150/226 reply). */
  vpath: string;
  /** Ends the stream if needed, fsyncs, and renames the upload over the target. */
  commit(): Promise<void>;
  /** Drops the upload; the old file stays. keepPartial: keep the bytes for a later REST+STOR. */
  abort(keepPartial?: boolean): Promise<void>;
}

export interface FileReader {
  readonly size: number;
  read(into: Buffer): Promise<number>;
  close(): Promise<void>;
}

export interface UserFileSystem {
  /** Virtual absolute path ('/a/b') of `path` relative to `cwd`; rejects escapes (ESCAPE). */
  resolve(cwd: string, path: string): Promise<string>;
  stat(vpath: string): Promise<FileInfo>;
  /** A directory's entries sorted by name (a file: itself, like `ls -l file`); zftps' own entries hidden. */
  list(vpath: string): Promise<FileInfo[]>;
  /** `size` is the whole file's size; the stream starts at `offset`. */
  openRead(vpath: string, offset?: number): Promise<{ stream: Readable; size: number }>;
  /**
   * The same file as a reader into buffers the caller owns (and reuses), from `offset`:
   * `read` returns the bytes read, 0 at the end. `close` must be called.
   */
  openReader(vpath: string, offset?: number): Promise<FileReader>;
  openWrite(vpath: string, opts: { mode: WriteMode; offset?: number }): Promise<UploadHandle>;
  mkdir(vpath: string): Promise<void>;
  rmdir(vpath: string): Promise<void>;
  remove(vpath: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

/**
 * Real target paths with an upload in progress, across all sessions of this process:
 * a second writer of the same file gets EBUSY (the engine replies 450). One process only;
 * several server processes sharing one home would need a file lock instead.
 */
const uploadsInProgress = new Set<string>();

export async function createUserFileSystem(opts: UserFileSystemOptions): Promise<UserFileSystem> {
  await fsp.mkdir(opts.root, { recursive: true, mode: 0o750 });
  const realRoot = await fsp.realpath(opts.root);
  if (!(await fsp.stat(realRoot)).isDirectory()) throw new FsError('ENOTDIR', `home ${opts.root} is not a directory`);
  const partialDir = await checkPartialDir(realRoot, opts.partialDir);
  const home = new Home(realRoot, partialDir, opts);
  await home.sweepPartials();
  return home;
}

async function checkPartialDir(realRoot: string, configured: string | undefined): Promise<string> {
  if (configured === undefined) return join(realRoot, PARTIAL_DIR_NAME);
  if (!isAbsolute(configured)) throw new Error(`partialDir must be an absolute path: ${configured}`);
  await fsp.mkdir(configured, { recursive: true, mode: 0o700 });
  const real = await fsp.realpath(configured);
  if (real.startsWith(realRoot + sep)) {
    const top = real.slice(realRoot.length + 1).split(sep)[0];
    if (!top.startsWith(RESERVED_PREFIX)) {
      throw new Error(`partialDir ${configured} is inside the home but not under a "${RESERVED_PREFIX}" folder, so clients would see it`);
    }
  }
  const [a, b] = await Promise.all([fsp.stat(real), fsp.stat(realRoot)]);
  if (a.dev !== b.dev) throw new Error(`partialDir ${configured} is not on the same file system as the home ${realRoot}: uploads could not be renamed into place atomically`);
  return real;
}

class Home implements UserFileSystem {
  private readonly rootPrefix: string;

  constructor(
    private readonly realRoot: string,
    private readonly partialDir: string,
    private readonly opts: UserFileSystemOptions,
  ) {
    this.rootPrefix = realRoot.endsWith(sep) ? realRoot : realRoot + sep;
  }

  // ---- confinement -------------------------------------------------------------------

  private inside(real: string): boolean {
    return real === this.realRoot || real.startsWith(this.rootPrefix);
  }

  /**
   * The real path of `parts` with every existing component resolved (symlinks included):
   * realpath of the deepest existing ancestor, checked to be inside the home, plus the
   * missing rest. A missing component that is a dangling symlink is refused: following it
   * later could create something wherever it points.
   */
  private async realPath(parts: string[], vpath: string): Promise<string> {
    for (let i = parts.length; i >= 0; i--) {
      let real: string;
      try {
        real = await fsp.realpath(join(this.realRoot, ...parts.slice(0, i)));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') continue;
        throw toFsError(err, vpath);
      }
      if (!this.inside(real)) throw fsError('ESCAPE', vpath);
      if (i < parts.length) {
        const firstMissing = join(real, parts[i]);
        if (await exists(firstMissing)) throw fsError('ESCAPE', vpath, 'dangling symbolic link');
      }
      return join(real, ...parts.slice(i));
    }
    throw fsError('ESCAPE', vpath); // unreachable: the root itself always resolves
  }

  /** The real path of an existing file or directory (final symlink followed), inside the home. */
  private async existing(parts: string[], vpath: string): Promise<string> {
    try {
      const real = await fsp.realpath(join(this.realRoot, ...parts));
      if (!this.inside(real)) throw fsError('ESCAPE', vpath);
      return real;
    } catch (err) {
      throw toFsError(err, vpath);
    }
  }

  /** The real location of the directory entry itself (its last component is not followed). */
  private async entry(parts: string[], vpath: string): Promise<string> {
    if (parts.length === 0) return this.realRoot;
    return join(await this.realPath(parts.slice(0, -1), vpath), parts[parts.length - 1]);
  }

  /** Where an opened descriptor really points (Linux /proc); refuses it when outside the home and partial dir. */
  private async checkOpened(fd: number, vpath: string): Promise<void> {
    let real: string;
    try {
      real = await fsp.readlink(`/proc/self/fd/${fd}`);
    } catch {
      return; // no /proc: the realpath checks before the open stand alone
    }
    const inPartials = real.startsWith(this.partialDir + sep);
    if (!this.inside(real) && !inPartials) throw fsError('ESCAPE', vpath);
  }

  private parse(vpath: string): string[] {
    return parseVirtual('/', vpath);
  }

  private requireWrite(vpath: string): void {
    if (!this.opts.canWrite) throw fsError('EACCES', vpath);
  }

  // ---- reading -----------------------------------------------------------------------

  async resolve(cwd: string, path: string): Promise<string> {
    const parts = parseVirtual(cwd, path);
    const vpath = toVirtual(parts);
    await this.realPath(parts, vpath);
    return vpath;
  }

  async stat(vpath: string): Promise<FileInfo> {
    const parts = this.parse(vpath);
    const real = await this.existing(parts, vpath);
    const st = await fsp.stat(real).catch((err) => Promise.reject(toFsError(err, vpath)));
    return this.info(parts.length === 0 ? '/' : parts[parts.length - 1], st);
  }

  async list(vpath: string): Promise<FileInfo[]> {
    const parts = this.parse(vpath);
    const real = await this.existing(parts, vpath);
    const st = await fsp.stat(real).catch((err) => Promise.reject(toFsError(err, vpath)));
    if (!st.isDirectory()) return [this.info(parts[parts.length - 1] ?? '/', st)];
    const raw = await fsp.readdir(real, { encoding: 'buffer' }).catch((err) => Promise.reject(toFsError(err, vpath)));
    const names = raw.map(decodeName).filter((n): n is string => n !== undefined && isPresentableName(n));
    const infos = await Promise.all(names.map((name) => this.entryInfo(join(real, name), name)));
    return infos.filter((i): i is FileInfo => i !== undefined).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** A listed entry; a symlink that stays inside the home shows as what it points to, any other as 'link'. */
  private async entryInfo(path: string, name: string): Promise<FileInfo | undefined> {
    try {
      const lst = await fsp.lstat(path);
      if (!lst.isSymbolicLink()) return this.info(name, lst);
      const target = await fsp.realpath(path).catch(() => undefined);
      if (target !== undefined && this.inside(target)) return this.info(name, await fsp.stat(target));
      return this.info(name, lst);
    } catch {
      return undefined; // vanished while listing
    }
  }

  private info(name: string, st: fs.Stats): FileInfo {
    const type = st.isFile() ? 'file' : st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'link' : 'other';
    const mode = this.opts.canWrite ? st.mode & 0o7777 : st.mode & 0o7777 & ~0o222;
    return { name, type, size: st.size, mtime: st.mtime, mode };
  }

  async openRead(vpath: string, offset = 0): Promise<{ stream: Readable; size: number }> {
    checkOffset(offset, vpath);
    const parts = this.parse(vpath);
    const real = await this.existing(parts, vpath);
    const fd = await this.openChecked(real, READ_FLAGS, vpath);
    try {
      const st = await fstatFd(fd);
      if (st.isDirectory()) throw fsError('EISDIR', vpath);
      if (!st.isFile()) throw fsError('EACCES', vpath, 'not a regular file');
      const stream = fs.createReadStream('', { fd, start: offset, highWaterMark: READ_CHUNK, autoClose: true });
      return { stream, size: st.size };
    } catch (err) {
      await closeFd(fd).catch(() => undefined);
      throw toFsError(err, vpath);
    }
  }

  async openReader(vpath: string, offset = 0): Promise<FileReader> {
    checkOffset(offset, vpath);
    const parts = this.parse(vpath);
    const real = await this.existing(parts, vpath);
    const fd = await this.openChecked(real, READ_FLAGS, vpath);
    let st: fs.Stats;
    try {
      st = await fstatFd(fd);
      if (st.isDirectory()) throw fsError('EISDIR', vpath);
      if (!st.isFile()) throw fsError('EACCES', vpath, 'not a regular file');
    } catch (err) {
      await closeFd(fd).catch(() => undefined);
      throw toFsError(err, vpath);
    }
    let position = offset;
    let closed = false;
    return {
      size: st.size,
      read: async (into) => {
        const { bytesRead: n } = await readFd(fd, into, 0, into.length, position).catch((err) => Promise.reject(toFsError(err, vpath)));
        position += n;
        return n;
      },
      close: async () => {
        if (closed) return;
        closed = true;
        await closeFd(fd).catch(() => undefined);
      },
    };
  }

  private async openChecked(real: string, flags: number, vpath: string, mode = 0o644): Promise<number> {
    const fd = await openFd(real, flags, mode).catch((err) => Promise.reject(toFsError(err, vpath)));
    try {
      await this.checkOpened(fd, vpath);
      return fd;
    } catch (err) {
      await closeFd(fd).catch(() => undefined);
      throw err;
    }
  }

  // ---- changing ----------------------------------------------------------------------

  async mkdir(vpath: string): Promise<void> {
    this.requireWrite(vpath);
    const parts = this.parse(vpath);
    if (parts.length === 0) throw fsError('EEXIST', vpath);
    await fsp.mkdir(await this.entry(parts, vpath), 0o755).catch((err) => Promise.reject(toFsError(err, vpath)));
  }

  async rmdir(vpath: string): Promise<void> {
    this.requireWrite(vpath);
    const parts = this.parse(vpath);
    if (parts.length === 0) throw fsError('EACCES', vpath, 'cannot remove the home directory');
    await fsp.rmdir(await this.entry(parts, vpath)).catch((err) => Promise.reject(toFsError(err, vpath)));
  }

  async remove(vpath: string): Promise<void> {
    this.requireWrite(vpath);
    const parts = this.parse(vpath);
    if (parts.length === 0) throw fsError('EISDIR', vpath);
    const path = await this.entry(parts, vpath);
    try {
      if ((await fsp.lstat(path)).isDirectory()) throw fsError('EISDIR', vpath);
      await fsp.unlink(path);
    } catch (err) {
      throw toFsError(err, vpath);
    }
  }

  async rename(from: string, to: string): Promise<void> {
    this.requireWrite(from);
    const fromParts = this.parse(from);
    const toParts = this.parse(to);
    if (fromParts.length === 0 || toParts.length === 0) throw fsError('EACCES', from, 'cannot rename the home directory');
    const src = await this.entry(fromParts, from);
    const dst = await this.entry(toParts, to);
    if (uploadsInProgress.has(dst)) throw fsError('EBUSY', to, 'upload in progress');
    await fsp.rename(src, dst).catch((err) => Promise.reject(toFsError(err, from)));
  }

  // ---- uploads -----------------------------------------------------------------------

  async openWrite(vpath: string, opts: { mode: WriteMode; offset?: number }): Promise<UploadHandle> {
    this.requireWrite(vpath);
    const offset = opts.offset ?? 0;
    checkOffset(offset, vpath);
    let parts = this.parse(vpath);
    if (parts.length === 0) throw fsError('EISDIR', vpath);
    const dir = await this.realPath(parts.slice(0, -1), vpath);
    const dirStat = await fsp.stat(dir).catch((err) => Promise.reject(toFsError(err, vpath)));
    if (!dirStat.isDirectory()) throw fsError('ENOTDIR', vpath);

    let target: string;
    let existing: fs.Stats | undefined;
    let placeholder: string | undefined;
    if (opts.mode === 'unique') {
      const name = await reserveUnique(dir, parts[parts.length - 1], vpath);
      parts = [...parts.slice(0, -1), name];
      target = placeholder = join(dir, name);
    } else {
      ({ target, existing } = await this.uploadTarget(join(dir, parts[parts.length - 1]), vpath));
    }
    const shown = toVirtual(parts);

    if (uploadsInProgress.has(target)) {
      if (placeholder) await fsp.unlink(placeholder).catch(() => undefined);
      throw fsError('EBUSY', shown, 'another upload of this file is in progress');
    }
    uploadsInProgress.add(target);
    const partial = join(this.partialDir, `${createHash('sha256').update(target).digest('hex').slice(0, 40)}.part`);
    let fd: number | undefined;
    try {
      await fsp.mkdir(this.partialDir, { recursive: true, mode: 0o700 });
      fd = await this.openUpload(opts.mode, partial, offset, existing, target, shown);
    } catch (err) {
      uploadsInProgress.delete(target);
      if (placeholder) await fsp.unlink(placeholder).catch(() => undefined);
      throw toFsError(err, shown);
    }
    return this.uploadHandle({ fd, partial, target, placeholder, vpath: shown, mode: opts.mode });
  }

  /** The file a STOR/APPE lands on: the entry, or what a symlink inside the home points to. */
  private async uploadTarget(entryPath: string, vpath: string): Promise<{ target: string; existing?: fs.Stats }> {
    let target = entryPath;
    let st = await fsp.lstat(target).catch(() => undefined);
    if (st?.isSymbolicLink()) {
      const real = await fsp.realpath(target).catch(() => undefined);
      if (real === undefined || !this.inside(real)) throw fsError('ESCAPE', vpath);
      target = real;
      st = await fsp.stat(real);
    }
    if (st?.isDirectory()) throw fsError('EISDIR', vpath);
    if (st && !st.isFile()) throw fsError('EACCES', vpath, 'not a regular file');
    return { target, existing: st };
  }

  private async openUpload(mode: WriteMode, partial: string, offset: number, existing: fs.Stats | undefined, target: string, vpath: string): Promise<number> {
    const fileMode = existing ? existing.mode & 0o777 : 0o644;
    if (mode === 'resume' && offset > 0) {
      const kept = await fsp.lstat(partial).catch(() => undefined);
      if (!kept?.isFile() || kept.size !== offset) {
        throw fsError('EBUSY', vpath, `no partial upload of ${offset} bytes to resume`);
      }
      return this.openChecked(partial, WRITE_APPEND, vpath);
    }
    // replace, unique, append, and resume at 0: a fresh partial (this also discards a kept one).
    const fd = await this.openChecked(partial, WRITE_NEW, vpath, fileMode);
    // open(2) applies the umask; a replaced file keeps exactly the bits it had.
    if (existing) await fchmodFd(fd, fileMode).catch(() => undefined);
    if (mode === 'append' && existing) {
      try {
        await this.copyInto(target, fd, vpath);
      } catch (err) {
        await closeFd(fd).catch(() => undefined);
        throw err;
      }
    }
    return fd;
  }

  /** APPE: the old content goes into the partial first, so the target is never half-appended. */
  private async copyInto(source: string, dest: number, vpath: string): Promise<void> {
    const src = await this.openChecked(source, READ_FLAGS, vpath);
    try {
      if (!(await fstatFd(src)).isFile()) throw fsError('EACCES', vpath, 'not a regular file');
      const buf = Buffer.allocUnsafe(1 << 20);
      for (;;) {
        const { bytesRead } = await readFd(src, buf, 0, buf.length, null);
        if (bytesRead === 0) break;
        let off = 0;
        while (off < bytesRead) off += (await writeFd(dest, buf, off, bytesRead - off)).bytesWritten;
      }
    } finally {
      await closeFd(src).catch(() => undefined);
    }
  }

  private uploadHandle(u: { fd: number; partial: string; target: string; placeholder?: string; vpath: string; mode: WriteMode }): UploadHandle {
    const writer = new FdWriter(u.fd, u.vpath, this.opts.faults);
    const closed = new Promise<void>((resolve) => writer.once('close', resolve));
    let settling: Promise<void> | undefined;

    // Drop the upload: the partial goes unless kept for REST, the target is untouched.
    const settle = (keepPartial: boolean): Promise<void> =>
      (settling ??= (async () => {
        writer.destroy();
        await closed;
        const keep = keepPartial && u.mode !== 'unique' && writer.ioError === undefined && (await sizeOf(u.partial)) > 0;
        if (!keep) await fsp.unlink(u.partial).catch(() => undefined);
        if (u.placeholder) await fsp.unlink(u.placeholder).catch(() => undefined);
        uploadsInProgress.delete(u.target);
      })());

    // Our own write failed (disk full, EIO): free the space at once and keep the old file.
    // A failure of the data *source* (broken connection) is left to abort(keepPartial).
    writer.on('error', () => {
      if (writer.ioError === undefined || settling) return;
      if (writer.ioError.code === 'ENOSPC') this.opts.onDiskFull?.({ vpath: u.vpath, bytesWritten: writer.bytesWritten });
      void settle(false);
    });

    const commit = async (): Promise<void> => {
      if (settling) throw writer.ioError ?? fsError('EIO', u.vpath, 'upload already finished');
      try {
        if (!writer.writableEnded) writer.end();
        await finished(writer); // 'finish' comes after the fsync in FdWriter._final
        await closed;
      } catch (err) {
        await settle(false);
        throw toFsError(writer.ioError ?? err, u.vpath);
      }
      settling = (async () => {
        try {
          // The directory may have been swapped for a symlink since openWrite: check again.
          const realDir = await fsp.realpath(dirname(u.target));
          if (!this.inside(realDir)) throw fsError('ESCAPE', u.vpath);
          await moveIntoPlace(u.partial, u.target);
          await fsyncDir(realDir);
        } catch (err) {
          await fsp.unlink(u.partial).catch(() => undefined);
          if (u.placeholder) await fsp.unlink(u.placeholder).catch(() => undefined);
          throw toFsError(err, u.vpath);
        } finally {
          uploadsInProgress.delete(u.target);
        }
      })();
      await settling;
    };

    const abort = async (keepPartial = false): Promise<void> => {
      await settle(keepPartial).catch(() => undefined);
    };

    return { stream: writer, vpath: u.vpath, commit, abort };
  }

  /** Removes kept partials older than partialMaxAgeMs (not the ones being written). */
  async sweepPartials(): Promise<void> {
    const maxAge = this.opts.partialMaxAgeMs ?? PARTIAL_MAX_AGE_MS;
    const names = await fsp.readdir(this.partialDir).catch(() => [] as string[]);
    const cutoff = Date.now() - maxAge;
    await Promise.all(
      names
        .filter((n) => n.endsWith('.part'))
        .map(async (n) => {
          const p = join(this.partialDir, n);
          const st = await fsp.lstat(p).catch(() => undefined);
          if (st && st.mtimeMs < cutoff && !activePartial(p)) await fsp.unlink(p).catch(() => undefined);
        }),
    );
  }
}

/** Is some upload in this process writing to partial `p`? (A partial's name is derived from its target.) */
function activePartial(p: string): boolean {
  for (const target of uploadsInProgress) {
    if (p.endsWith(`${createHash('sha256').update(target).digest('hex').slice(0, 40)}.part`)) return true;
  }
  return false;
}

/** STOU: `name`, else `name.1` ... `name.99`, else a random suffix — created with O_EXCL, so never two alike. */
async function reserveUnique(dir: string, name: string, vpath: string): Promise<string> {
  const candidates = [name, ...Array.from({ length: 99 }, (_, i) => `${name}.${i + 1}`), `${name}.${randomBytes(6).toString('hex')}`];
  for (const candidate of candidates) {
    try {
      await closeFd(await openFd(join(dir, candidate), CREATE_EXCL, 0o644));
      return candidate;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw toFsError(err, vpath);
    }
  }
  throw fsError('EEXIST', vpath, 'no unique name available');
}

/**
 * rename(2) is the atomic step. If the partial dir and the target are on different file
 * systems after all (a mount inside the home), copy to a hidden temp beside the target first.
 */
async function moveIntoPlace(partial: string, target: string): Promise<void> {
  try {
    await fsp.rename(partial, target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    const temp = join(dirname(target), `${RESERVED_PREFIX}up-${randomBytes(8).toString('hex')}`);
    try {
      await fsp.copyFile(partial, temp, fs.constants.COPYFILE_EXCL);
      const fd = await openFd(temp, C.O_RDONLY | NOFOLLOW);
      await fsyncFd(fd).finally(() => closeFd(fd));
      await fsp.rename(temp, target);
    } catch (copyErr) {
      await fsp.unlink(temp).catch(() => undefined);
      throw copyErr;
    }
    await fsp.unlink(partial).catch(() => undefined);
  }
}

/** Makes the rename durable; best effort (not every platform can fsync a directory). */
async function fsyncDir(dir: string): Promise<void> {
  try {
    const fd = await openFd(dir, C.O_RDONLY);
    await fsyncFd(fd).finally(() => closeFd(fd));
  } catch {
    /* durability of the directory entry is best effort */
  }
}

function checkOffset(offset: number, vpath: string): void {
  if (!Number.isSafeInteger(offset) || offset < 0) throw fsError('EIO', vpath, `invalid offset ${offset}`);
}

async function exists(path: string): Promise<boolean> {
  return fsp.lstat(path).then(
    () => true,
    () => false,
  );
}

async function sizeOf(path: string): Promise<number> {
  return (await fsp.lstat(path).catch(() => undefined))?.size ?? 0;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Names on disk that are not valid UTF-8 cannot be shown or addressed faithfully: they are hidden. */
function decodeName(raw: Buffer): string | undefined {
  try {
    return utf8.decode(raw);
  } catch {
    return undefined;
  }
}
