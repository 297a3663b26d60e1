import type { Rule } from './types';
import { IBM, at, attlsView, inferred, nativeTls } from './helpers';

export const rule: Rule = {
  id: 'ZFTPS-SESSION-TIMEOUT-SHORT',
  severity: 'warning',
  title: 'Session cache shorter than the idle limit under SECURE_SESSION_REUSE REQUIRED',
  fix: 'Make TLSTIMEOUT / GSK_V3_SESSION_TIMEOUT at least INACTIVE, or use SECURE_SESSION_REUSE ALLOWED.',
  description:
    'With SECURE_SESSION_REUSE REQUIRED every data connection must resume the control connection\'s TLS session. ' +
    'The session stays resumable for TLSTIMEOUT seconds (native TLS) or GSK_V3_SESSION_TIMEOUT (AT-TLS), while ' +
    'INACTIVE lets a client idle longer than that; the first transfer after such a pause then fails.',
  sources: [IBM.sessionReuse, IBM.migrationToAttls, inferred('a session evicted from the cache cannot be resumed, and REQUIRED refuses a full handshake')],
  settings: ['SECURE_SESSION_REUSE', 'TLSTIMEOUT', 'GSK_V3_SESSION_TIMEOUT', 'INACTIVE'],
  check(model) {
    const d = model.ftpData;
    if (d.secureSessionReuse.value !== 'REQUIRED') return [];
    const inactive = d.inactive.value;
    let timeout: { name: string; value: number; location?: ReturnType<typeof at> } | undefined;
    if (nativeTls(model)) timeout = { name: 'TLSTIMEOUT', value: d.tlsTimeout.value, location: at(d.tlsTimeout) };
    else {
      const v = attlsView(model);
      if (v?.rule) timeout = { name: 'GSK_V3_SESSION_TIMEOUT', value: v.sessionTimeout.value, location: v.sessionTimeout.location };
    }
    if (!timeout) return [];
    // INACTIVE 0 = no idle limit: any pause longer than the cache lifetime is possible.
    if (inactive !== 0 && timeout.value >= inactive) return [];
    return [
      {
        message: `${timeout.name} ${timeout.value}s is shorter than INACTIVE ${inactive === 0 ? '0 (no idle limit)' : `${inactive}s`} under SECURE_SESSION_REUSE REQUIRED: after a long idle the session cannot be resumed and the next data transfer fails`,
        fix: `Set ${timeout.name} at least as long as INACTIVE (and INACTIVE non-zero), or use SECURE_SESSION_REUSE ALLOWED.`,
        settings: ['SECURE_SESSION_REUSE', timeout.name, 'INACTIVE'],
        location: timeout.location ?? at(d.secureSessionReuse),
      },
    ];
  },
};
