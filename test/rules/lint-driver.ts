/** Runs a rule case the way `zftps lint` does: real parsers, then the rule catalogue. */
import type { Finding } from '../../lib/diagnostics';
import { parsePolicy } from '../../lib/formats/attls';
import { parseFtpData } from '../../lib/formats/ftp-data';
import type { ServerModel } from '../../lib/model/config';
import { runRules } from '../../lib/rules';
import { NOW, SYSTEM, type RuleCase } from './cases';

export const FTP_FILE = 'FTP.DATA';
export const POLICY_FILE = 'attls-policy.conf';

export function lintModel(c: Pick<RuleCase, 'ftpData' | 'policy' | 'system' | 'keyRing'>): { model: ServerModel; parseFindings: Finding[] } {
  const ftp = parseFtpData(c.ftpData, FTP_FILE);
  const pol = c.policy === undefined ? undefined : parsePolicy(c.policy, POLICY_FILE);
  const model: ServerModel = {
    id: FTP_FILE,
    ftpData: ftp.value,
    ...(pol ? { policy: pol.value } : {}),
    system: { ...SYSTEM, ...c.system },
    ...(c.keyRing ? { keyRing: c.keyRing } : {}),
    acknowledgements: [],
    now: NOW,
  };
  return { model, parseFindings: [...ftp.findings, ...(pol?.findings ?? [])] };
}

export function lint(c: Pick<RuleCase, 'ftpData' | 'policy' | 'system' | 'keyRing'>): Finding[] {
  return runRules(lintModel(c).model);
}

/** 1-based line of the nth line of `text` containing `needle`. */
export function lineOf(text: string, needle: string, nth = 1): number {
  let seen = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) if (lines[i].includes(needle) && ++seen === nth) return i + 1;
  throw new Error(`"${needle}" (#${nth}) not in the case text`);
}
