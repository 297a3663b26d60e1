import type { Rule } from './types';
import { IBM, clientAuthWanted, inferred, mappedView } from './helpers';

export const rule: Rule = {
  id: 'ATTLS-CLIENTAUTHTYPE-OPTIONAL',
  severity: 'warning',
  title: 'ClientAuthType PassThru or Full with client authentication',
  fix: 'Code `ClientAuthType Required` (or SAFCheck).',
  description:
    'With ClientAuthType PassThru the stack does not validate the client certificate; with Full a certificate is ' +
    'optional. SECURE_LOGIN REQUIRED/VERIFY_USER then either accepts unvalidated certificates (PassThru: level 1 not met) ' +
    'or lets certificate-less clients through the handshake only to refuse them with 531.',
  sources: [IBM.handshakeRoles, inferred('from the ClientAuthType table: PassThru = no validation, Full = certificate optional')],
  settings: ['ClientAuthType', 'SECURE_LOGIN', 'HandshakeRole'],
  check(model) {
    const v = mappedView(model);
    if (!v || !clientAuthWanted(model) || v.handshakeRole.value !== 'ServerWithClientAuth') return [];
    const t = v.clientAuthType.value;
    if (t !== 'PassThru' && t !== 'Full') return [];
    return [
      {
        message: t === 'PassThru'
          ? `ClientAuthType PassThru with SECURE_LOGIN ${model.ftpData.secureLogin.value}: client certificates are not validated, so an untrusted certificate passes level-1 authentication`
          : `ClientAuthType Full with SECURE_LOGIN ${model.ftpData.secureLogin.value}: the certificate is optional in the handshake, so clients without one connect and are then refused with 531`,
        fix: 'Code `ClientAuthType Required` (or SAFCheck) in TTLSEnvironmentAdvancedParms.',
        location: v.clientAuthType.location,
      },
    ];
  },
};
