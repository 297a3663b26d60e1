import type { Rule } from './types';
import { IBM, mappedView, releaseAtLeast, zosRef } from './helpers';

export const rule: Rule = {
  id: 'ATTLS-TLSV13-RELEASE',
  severity: 'error',
  title: 'TLSv1.3 On before z/OS 2.4',
  fix: 'Remove `TLSv1.3 On`, or target z/OS 2.4 or later.',
  description: 'TLS 1.3 needs z/OS 2.4 or later (System SSL). On an earlier target release (system.release) the TLSv1.3 parameter is not available.',
  sources: [IBM.tls13Prereq, zosRef('§4.7 (security level 13 added to the FTP application data in 2.4)')],
  settings: ['TLSv1.3'],
  check(model) {
    const v = mappedView(model);
    const t = v?.protocols['TLSv1.3'];
    if (!v || !t?.value || releaseAtLeast(model.system.release, '2.4')) return [];
    return [
      {
        message: `TLSv1.3 On but the target is z/OS ${model.system.release}: TLS 1.3 needs z/OS 2.4 or later, so the policy is rejected or TLS 1.3 clients fail`,
        fix: 'Remove `TLSv1.3 On` and use `TLSv1.2 On`, or target z/OS 2.4 or later.',
        location: t.location,
      },
    ];
  },
};
