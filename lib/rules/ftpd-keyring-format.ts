import type { Rule } from './types';
import { IBM, at, inferred, tlsEnabled } from './helpers';

/**
 * KEYRING forms: `ring`, `owner/ring` (SAF) or `/path` (key database). RACF user IDs
 * are at most 8 characters; a PKCS #11 token name (\*TOKEN\* form) is documented for AT-TLS only.
 */
export function keyringProblem(name: string): { problem: string; severity: 'error' | 'warning' } | undefined {
  if (name.trim() === '') return { problem: 'is empty', severity: 'error' };
  if (name.startsWith('/')) return undefined;
  if (/^\*TOKEN\*\/.+/i.test(name)) return { problem: 'names a PKCS #11 token, which IBM documents for AT-TLS Keyring but not for FTP.DATA KEYRING', severity: 'warning' };
  const parts = name.split('/');
  if (parts.length > 2) return { problem: 'has more than one "/" but does not start with "/" (neither owner/ring nor a key database path)', severity: 'error' };
  if (parts.length === 2) {
    const [owner, ring] = parts;
    if (owner === '*AUTH*' || owner === '*SITE*') return undefined; // FTPD-KEYRING-VIRTUAL reports these
    if (!/^[A-Za-z#@$][A-Za-z0-9#@$]{0,7}$/.test(owner)) return { problem: `has owner "${owner}", which is not a user ID (1-8 characters, starting with a letter or #@$)`, severity: 'error' };
    if (ring === '') return { problem: 'has no ring name after the owner', severity: 'error' };
  }
  return undefined;
}

export const rule: Rule = {
  id: 'FTPD-KEYRING-FORMAT',
  severity: 'error',
  title: 'KEYRING value is not a ring, owner/ring or key database path',
  fix: 'Write `KEYRING ring`, `KEYRING owner/ring` or `KEYRING /path/to/key.kdb`.',
  description:
    'KEYRING must name a SAF key ring (`ring` owned by the server user, or `owner/ring`) or a key database ' +
    '(a z/OS UNIX path starting with `/`). Other shapes cannot be opened by System SSL, so the handshake fails. ' +
    '`*TOKEN*/name` is a warning: IBM documents tokens for AT-TLS `Keyring` only.',
  sources: [IBM.keyring, inferred('RACF user IDs are 1-8 characters, so an owner longer than 8 cannot own a ring'), IBM.keyringParms],
  settings: ['KEYRING'],
  check(model) {
    const k = model.ftpData.keyring;
    if (!tlsEnabled(model) || !k.explicit || k.value === undefined) return [];
    const p = keyringProblem(k.value);
    if (!p) return [];
    return [
      {
        message: `KEYRING "${k.value}" ${p.problem}; System SSL may not open it and TLS handshakes would fail`,
        fix: 'Write `KEYRING ringname`, `KEYRING owner/ringname` or `KEYRING /path/to/key.kdb`.',
        location: at(k),
        severity: p.severity,
      },
    ];
  },
};
