import type { Rule, RuleHit } from './types';
import { IBM, mappedView } from './helpers';
import { findParam } from '../model/attls-view';

export const rule: Rule = {
  id: 'ATTLS-ENV-KEYRING',
  severity: 'error',
  title: 'Environment action without key ring or HandshakeRole',
  fix: 'Add TTLSKeyringParms with Keyring, and HandshakeRole, to the environment action.',
  description: 'TTLSEnvironmentAction requires TTLSKeyringParms (inline or Ref) with a Keyring, and HandshakeRole. Without them the environment cannot be built and the handshake fails.',
  sources: [IBM.envAction, IBM.keyringParms],
  settings: ['TTLSKeyringParms', 'Keyring', 'HandshakeRole'],
  check(model) {
    const v = mappedView(model);
    if (!v || !v.environment) return [];
    const env = v.environment.statement;
    const hits: RuleHit[] = [];
    const hasKeyringParms = findParam(env, 'TTLSKeyringParms') || findParam(env, 'TTLSKeyringParmsRef');
    if (!hasKeyringParms || (v.keyringParms && !v.keyring.value)) {
      hits.push({
        message: `TTLSEnvironmentAction ${env.name ?? ''} has no ${hasKeyringParms ? 'Keyring in its TTLSKeyringParms' : 'TTLSKeyringParms'}: the FTP server has no certificate, so every TLS handshake fails`,
        fix: 'Add `TTLSKeyringParms { Keyring <ring> }` (or TTLSKeyringParmsRef) to the environment action.',
        settings: ['TTLSKeyringParms', 'Keyring'],
        location: v.keyringParms?.location ?? env.location,
      });
    }
    if (!findParam(env, 'HandshakeRole')) {
      hits.push({
        message: `TTLSEnvironmentAction ${env.name ?? ''} has no HandshakeRole (required): Policy Agent rejects it and TLS clients fail`,
        fix: 'Add `HandshakeRole Server` (ServerWithClientAuth with SECURE_LOGIN REQUIRED/VERIFY_USER).',
        settings: ['HandshakeRole'],
        location: env.location,
      });
    }
    return hits;
  },
};
