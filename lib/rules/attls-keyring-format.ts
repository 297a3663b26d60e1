import type { Rule, RuleHit } from './types';
import { IBM, mappedView } from './helpers';

export const rule: Rule = {
  id: 'ATTLS-KEYRING-FORMAT',
  severity: 'error',
  title: 'Keyring or KeyringPw out of limits',
  fix: 'Keep Keyring within 1023 and KeyringPw within 128 characters (prefer KeyringStashFile).',
  description: 'Keyring takes 1-1023 characters and KeyringPw 1-128 characters. Longer values are rejected by Policy Agent, which then installs no policy.',
  sources: [IBM.keyringParms],
  settings: ['Keyring', 'KeyringPw'],
  check(model) {
    const v = mappedView(model);
    if (!v) return [];
    const hits: RuleHit[] = [];
    const ring = v.keyring.value;
    if (ring !== undefined && ring.length > 1023) {
      hits.push({
        message: `Keyring is ${ring.length} characters long (at most 1023): Policy Agent rejects the policy and TLS clients fail`,
        fix: 'Use a shorter key database path or ring name.',
        settings: ['Keyring'],
        location: v.keyring.location,
      });
    }
    const pw = v.keyringPw.value;
    if (pw !== undefined && pw.length > 128) {
      hits.push({
        message: `KeyringPw is ${pw.length} characters long (at most 128): Policy Agent rejects the policy`,
        fix: 'Use a password of at most 128 characters, or better a KeyringStashFile.',
        settings: ['KeyringPw'],
        location: v.keyringPw.location,
      });
    }
    return hits;
  },
};
