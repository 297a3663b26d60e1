import type { Rule } from './types';
import { IBM, at, tlsEnabled } from './helpers';

export const rule: Rule = {
  id: 'FTPD-KEYRING-VIRTUAL',
  severity: 'error',
  title: 'Server KEYRING is a virtual ring',
  fix: 'Name a real ring owned by the server user ID with the server certificate connected USAGE(PERSONAL) DEFAULT.',
  description:
    'The virtual rings `*AUTH*/*` and `*SITE*/*` hold only CERTAUTH or SITE certificates. RACF returns a private key ' +
    'only for a certificate connected with usage PERSONAL, so a server using a virtual ring has no private key and ' +
    'cannot complete any TLS handshake.',
  sources: [IBM.virtualRings, IBM.privateKeys],
  settings: ['KEYRING'],
  check(model) {
    const k = model.ftpData.keyring;
    if (!tlsEnabled(model) || !k.value || !/^\*(AUTH|SITE)\*\//i.test(k.value)) return [];
    return [
      {
        message: `KEYRING ${k.value} is a virtual ring of CA/site certificates: the server has no private key there, so every TLS handshake fails`,
        fix: 'Create a real ring owned by the server user ID (RACDCERT ADDRING) with the server certificate connected USAGE(PERSONAL) DEFAULT, and name it in KEYRING.',
        location: at(k),
      },
    ];
  },
};
