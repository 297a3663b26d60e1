import type { Rule } from './types';
import type { ServerModel } from '../model/config';
import { IBM, at, seed } from './helpers';

/** The FTP daemon's job name: explicit, or the procedure name + 1 when shorter than 8 characters. */
export function daemonName(model: ServerModel): string | undefined {
  const s = model.system;
  if (s.daemonJobName) return s.daemonJobName.toUpperCase();
  if (!s.procName) return undefined;
  const p = s.procName.toUpperCase();
  return p.length < 8 ? p + '1' : p;
}

/** Whether a (possibly generic) SERVAUTH profile covers the name; undefined segments of `expected` match anything. */
export function profileCovers(profile: string, expected: readonly (string | undefined)[]): boolean {
  const segs = profile.toUpperCase().split('.');
  for (let i = 0; i < expected.length; i++) {
    const seg = segs[i];
    if (seg === undefined) return false;
    if (seg === '**') return true;
    const want = expected[i];
    if (want === undefined || seg === '*') continue;
    if (seg.endsWith('*') ? !want.startsWith(seg.slice(0, -1)) : seg !== want) return false;
  }
  return segs.length === expected.length;
}

export const rule: Rule = {
  id: 'FTPD-LEVEL3-PROFILE',
  severity: 'warning',
  title: 'Level-3 SERVAUTH profile missing or not the FTP port profile',
  fix: 'Define SERVAUTH `EZB.FTP.<sysname>.<daemon>.PORT<port>` (daemon = forked job name, e.g. FTPD1), PERMIT READ to allowed users, refresh SERVAUTH.',
  description:
    'Level-3 client authentication (SECURE_LOGIN VERIFY_USER with a SERVAUTH profile) checks READ access to ' +
    '`EZB.FTP.<sysname>.<daemon>.PORT<port>`, where the daemon name is the forked job name (procedure FTPD runs as ' +
    'FTPD1). With no such profile no check is made and every mapped user is let in. Reported when level 3 is wanted ' +
    '(level-3 permits modelled) but the profile is missing or names another resource (wrong daemon name, port or ' +
    'system; EZB.PORTACCESS is RACF-PORTACCESS-NOT-LEVEL3).',
  sources: [IBM.verifyUser, IBM.daemonName, seed('Level 3 ... define the server\'s port profile in the SERVAUTH class of RACF')],
  settings: ['SECURE_LOGIN', 'SERVAUTH EZB.FTP'],
  check(model) {
    const ring = model.keyRing;
    const d = model.ftpData;
    const level3 = d.secureLogin.value === 'VERIFY_USER' || d.verifyUser.value;
    if (!ring || !level3 || (ring.level3Permits === undefined && ring.level3Profile === undefined)) return [];
    const sys = model.system.sysname?.toUpperCase();
    const daemon = daemonName(model);
    const port = model.system.controlPort;
    const wanted = `EZB.FTP.${sys ?? '<sysname>'}.${daemon ?? '<daemon>'}.PORT${port}`;
    const where = at(d.secureLogin) ?? at(d.verifyUser);
    const profile = ring.level3Profile;
    if (!profile) {
      return [
        {
          message: `level-3 permits are listed but no SERVAUTH profile ${wanted} is defined: with no profile z/OS makes no check, so every certificate-mapped user can log in`,
          fix: `RDEFINE SERVAUTH ${wanted} UACC(NONE), PERMIT it READ to the allowed users, and SETROPTS RACLIST(SERVAUTH) REFRESH.`,
          location: where,
        },
      ];
    }
    if (/^EZB\.PORTACCESS\./i.test(profile)) return []; // RACF-PORTACCESS-NOT-LEVEL3
    if (profileCovers(profile, ['EZB', 'FTP', sys, daemon, `PORT${port}`])) return [];
    const proc = model.system.procName?.toUpperCase();
    const daemonHint = proc && daemon && proc !== daemon && profile.toUpperCase().split('.')[3] === proc
      ? ` (the daemon runs as ${daemon}, not ${proc})`
      : '';
    return [
      {
        message: `SERVAUTH profile ${profile} does not cover ${wanted}${daemonHint}: the level-3 check looks for the FTP port profile, finds none, and lets every certificate-mapped user in`,
        fix: `Define and permit ${wanted} (generic forms such as EZB.FTP.*.${daemon ?? 'FTPD1'}.PORT* also work).`,
        location: where,
      },
    ];
  },
};
