import type { Rule } from './types';
import { IBM, inferred, mappedView } from './helpers';

export const rule: Rule = {
  id: 'ATTLS-CLIENTAUTHTYPE-SAFCHECK',
  severity: 'info',
  title: 'ClientAuthType SAFCheck with SECURE_LOGIN REQUIRED',
  fix: 'Use `ClientAuthType Required` for level 1, or SECURE_LOGIN VERIFY_USER if RACF mapping is intended.',
  description:
    'SAFCheck makes the stack require a client certificate that maps to a RACF user ID (return code 5002 otherwise), ' +
    'which is already level-2 behaviour although FTP.DATA asks only for level 1 (REQUIRED).',
  sources: [IBM.handshakeRoles, IBM.attlsReturnCodes, inferred('SAFCheck demands a RACF-mapped certificate, stricter than SECURE_LOGIN REQUIRED')],
  settings: ['ClientAuthType', 'SECURE_LOGIN'],
  check(model) {
    const v = mappedView(model);
    if (!v || model.ftpData.secureLogin.value !== 'REQUIRED' || v.handshakeRole.value !== 'ServerWithClientAuth' || v.clientAuthType.value !== 'SAFCheck') return [];
    return [
      {
        message: 'ClientAuthType SAFCheck with SECURE_LOGIN REQUIRED: clients whose certificate is not registered in RACF fail the handshake, although FTP.DATA asks only for level-1 authentication',
        fix: 'Use `ClientAuthType Required` for level 1, or SECURE_LOGIN VERIFY_USER if RACF mapping is intended.',
        location: v.clientAuthType.location,
      },
    ];
  },
};
