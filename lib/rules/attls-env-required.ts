import type { Rule } from './types';
import { IBM, mappedView } from './helpers';
import { findParam } from '../model/attls-view';

export const rule: Rule = {
  id: 'ATTLS-ENV-REQUIRED',
  severity: 'error',
  title: 'TLS enabled but no environment action',
  fix: 'Add `TTLSEnvironmentActionRef` naming an environment action with key ring and HandshakeRole.',
  description: 'When the group action has TTLSEnabled On the rule must name a TTLSEnvironmentAction (key ring, handshake role); without one no TLS environment exists.',
  sources: [IBM.attlsActions, IBM.envAction],
  settings: ['TTLSEnvironmentActionRef'],
  check(model) {
    const v = mappedView(model);
    if (!v || v.ttlsEnabled.value !== true || findParam(v.rule.rule, 'TTLSEnvironmentActionRef')) return [];
    return [
      {
        message: `TTLSRule ${v.rule.name} enables TLS but has no TTLSEnvironmentActionRef: there is no key ring or handshake role, so no TLS handshake can happen`,
        fix: 'Add `TTLSEnvironmentActionRef <name>` naming a TTLSEnvironmentAction with TTLSKeyringParms and HandshakeRole Server.',
        location: v.rule.rule.location,
      },
    ];
  },
};
