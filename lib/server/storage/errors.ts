/**
 * The storage layer's one error type. The protocol engine maps `code` to a reply
 * (ENOENT → 550, EBUSY → 450, ENOSPC → 452, ...); `message` names the *virtual*
 * path only, so it is safe to put in a reply — host paths never leave this layer.
 */
export type FsErrorCode =
  | 'ENOENT'
  | 'EACCES'
  | 'EEXIST'
  | 'ENOTDIR'
  | 'EISDIR'
  | 'ENOTEMPTY'
  | 'ENOSPC'
  | 'ESCAPE'
  | 'EBUSY'
  | 'EIO';

export class FsError extends Error {
  readonly code: FsErrorCode;
  constructor(code: FsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FsError';
    this.code = code;
  }
}

const ERRNO_MAP: Record<string, FsErrorCode> = {
  ENOENT: 'ENOENT',
  EACCES: 'EACCES',
  EPERM: 'EACCES',
  EROFS: 'EACCES',
  EEXIST: 'EEXIST',
  ENOTDIR: 'ENOTDIR',
  EISDIR: 'EISDIR',
  ENOTEMPTY: 'ENOTEMPTY',
  ENOSPC: 'ENOSPC',
  EDQUOT: 'ENOSPC',
  EFBIG: 'ENOSPC',
  // O_NOFOLLOW met a symlink we did not resolve: something changed under us.
  ELOOP: 'ESCAPE',
  EBUSY: 'EBUSY',
};

const TEXT: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  ENOSPC: 'Insufficient storage space',
  ESCAPE: 'Path outside the home directory',
  EBUSY: 'File busy',
  EIO: 'I/O error',
};

/** Turns a Node system error into an FsError about `vpath`; FsErrors pass through unchanged. */
export function toFsError(err: unknown, vpath: string): FsError {
  if (err instanceof FsError) return err;
  const errno = (err as NodeJS.ErrnoException | undefined)?.code ?? '';
  const code = ERRNO_MAP[errno] ?? 'EIO';
  return new FsError(code, `${vpath}: ${TEXT[code]}`, { cause: err });
}

export function fsError(code: FsErrorCode, vpath: string, detail?: string): FsError {
  return new FsError(code, `${vpath}: ${detail ?? TEXT[code]}`);
}
