import type { Rule } from './types';
import { IBM, inferred, mappedView } from './helpers';

export const rule: Rule = {
  id: 'ATTLS-GROUP-ENABLED',
  severity: 'error',
  title: 'The FTP rule\'s group action does not enable TLS',
  fix: 'Code `TTLSEnabled On` in the FTP server\'s group action.',
  description:
    'TTLSEnabled is required in TTLSGroupAction. With Off (or missing) the connection\'s policy status is "not enabled": ' +
    'traffic flows in clear and the FTP server cannot honour AUTH TLS.',
  sources: [IBM.groupAction, IBM.ioctlStates, inferred('policy status NOT_ENABLED leaves FTP nothing to start TLS with')],
  settings: ['TTLSEnabled', 'TTLSGroupAction'],
  check(model) {
    const v = mappedView(model);
    if (!v || !v.group || v.ttlsEnabled.value === true) return [];
    return [
      {
        message: `TTLSGroupAction ${v.group.statement.name ?? ''} has TTLSEnabled ${v.ttlsEnabled.explicit ? 'Off' : 'missing'}: connections to the FTP server are not TLS-enabled, so AUTH TLS fails${v.ttlsEnabled.explicit ? '' : ' (and Policy Agent rejects the group)'}`,
        fix: 'Code `TTLSEnabled On` in the FTP server\'s TTLSGroupAction.',
        location: v.ttlsEnabled.location ?? v.group.statement.location,
      },
    ];
  },
};
