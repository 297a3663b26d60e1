import type { Rule } from './types';
import { IBM, at } from './helpers';
import { daemonName } from './ftpd-level3-profile';

export const rule: Rule = {
  id: 'RACF-PORTACCESS-NOT-LEVEL3',
  severity: 'warning',
  title: 'EZB.PORTACCESS profile used for level-3 login control',
  fix: 'Define and permit `EZB.FTP.<sysname>.<daemon>.PORT<port>` for level 3; keep EZB.PORTACCESS for the bind only.',
  description:
    'EZB.PORTACCESS.<sys>.<tcpip>.<safname> guards which job may bind a reserved port; it does not restrict which FTP ' +
    'users log in. Level 3 checks EZB.FTP.<sys>.<daemon>.PORT<port> instead.',
  sources: [IBM.portAccess, IBM.verifyUser],
  settings: ['SECURE_LOGIN', 'SERVAUTH EZB.PORTACCESS'],
  check(model) {
    const profile = model.keyRing?.level3Profile;
    if (!profile || !/^EZB\.PORTACCESS\./i.test(profile)) return [];
    const d = model.ftpData;
    const wanted = `EZB.FTP.${model.system.sysname?.toUpperCase() ?? '<sysname>'}.${daemonName(model) ?? '<daemon>'}.PORT${model.system.controlPort}`;
    return [
      {
        message: `level-3 profile ${profile} is a port-reservation (bind) profile: it does not restrict FTP logins, so every certificate-mapped user can log in`,
        fix: `Define SERVAUTH ${wanted}, permit READ to the allowed users, and keep EZB.PORTACCESS only for the daemon's bind.`,
        location: at(d.secureLogin) ?? at(d.verifyUser),
      },
    ];
  },
};
