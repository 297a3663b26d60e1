/**
 * Who may log in: password verification (scrypt, as users.json stores it),
 * certificate → user mapping (the RACDCERT ADD / MAP stand-in) and the level-3
 * EZB.FTP.<sysname>.<daemon>.PORT<n> permit check. Also the failed-login lockout.
 */
import * as crypto from 'node:crypto';
import type { DetailedPeerCertificate } from 'node:tls';
import type { CertificateMapping, ScryptHash } from '../model/user-registry';
import type { EffectiveSettings, Level3Profile, PasswordVerifier, UserAccount } from './settings';

/** A verifier for a users.json scrypt hash. */
export function scryptVerifier(h: ScryptHash): PasswordVerifier {
  const salt = Buffer.from(h.salt, 'base64');
  const expected = Buffer.from(h.hash, 'base64');
  return (password) =>
    new Promise((resolve) => {
      crypto.scrypt(password, salt, expected.length, { N: h.N, r: h.r, p: h.p, maxmem: 256 * h.N * h.r + 1024 * 1024 }, (err, got) =>
        resolve(!err && got.length === expected.length && crypto.timingSafeEqual(got, expected)),
      );
    });
}

/** A verifier for a clear password held only in memory (from an environment variable). */
export function plainVerifier(secret: string): PasswordVerifier {
  const want = crypto.createHash('sha256').update(secret).digest();
  return async (password) => crypto.timingSafeEqual(crypto.createHash('sha256').update(password).digest(), want);
}

export function findUser(s: EffectiveSettings, name: string): UserAccount | undefined {
  const n = name.toUpperCase();
  return s.users.find((u) => u.name.toUpperCase() === n);
}

/** RDN filter 'CN=a.OU=FTP.O=Example' (RACDCERT MAP style: '.'-separated) → pairs. */
function parseFilter(filter: string): [string, string][] {
  return filter
    .split(/\.(?=[A-Za-z][A-Za-z0-9]*=)/)
    .map((rdn) => {
      const i = rdn.indexOf('=');
      return [rdn.slice(0, i).trim().toUpperCase(), rdn.slice(i + 1).trim()] as [string, string];
    })
    .filter(([k]) => k.length > 0);
}

function nameMatches(name: Record<string, string | string[]> | undefined, filter: string): boolean {
  if (!name) return false;
  const upper = new Map(Object.entries(name).map(([k, v]) => [k.toUpperCase(), Array.isArray(v) ? v : [v]]));
  return parseFilter(filter).every(([k, v]) => (upper.get(k) ?? []).includes(v));
}

/**
 * The user id a (trusted) client certificate maps to. A fingerprint mapping names
 * one exact certificate; a filter mapping must be bound to its issuer by the
 * issuer certificate's fingerprint, so the same subject from another CA never maps.
 */
export function mapCertificate(cert: DetailedPeerCertificate, mappings: readonly CertificateMapping[]): string | undefined {
  const fp = cert.fingerprint256?.toUpperCase();
  for (const m of mappings) if (m.fingerprint256 && m.fingerprint256.toUpperCase() === fp) return m.userId;
  const issuerFp = cert.issuerCertificate && cert.issuerCertificate !== cert ? cert.issuerCertificate.fingerprint256?.toUpperCase() : undefined;
  for (const m of mappings) {
    if (m.fingerprint256 || !m.issuerFingerprint256 || !(m.subjectFilter || m.issuerFilter)) continue;
    if (m.issuerFingerprint256.toUpperCase() !== issuerFp) continue;
    if (m.subjectFilter && !nameMatches(cert.subject as never, m.subjectFilter)) continue;
    if (m.issuerFilter && !nameMatches(cert.issuer as never, m.issuerFilter)) continue;
    return m.userId;
  }
  return undefined;
}

/** Level 3: undefined = allowed (no profile covers the port, as z/OS); else the refusal. */
export function level3Refusal(profile: Level3Profile | undefined, port: number, userId: string): string | undefined {
  if (!profile) return undefined;
  if (!profile.ports.some((p) => p === '*' || p === port)) return undefined;
  if (profile.permitted.includes(userId.toUpperCase())) return undefined;
  return `User ${userId} is not permitted to ${profile.profile.replace(/PORT\*$/, `PORT${port}`)}`;
}

/** Failed logins per client address; after the limit, the address is locked out for a while. */
export class LoginGuard {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly lockoutMs: number,
  ) {}

  isLocked(address: string, now = Date.now()): boolean {
    const f = this.failures.get(address);
    if (!f || f.lockedUntil === 0) return false;
    if (f.lockedUntil > now) return true;
    this.failures.delete(address);
    return false;
  }

  /** Records a failure; returns true when the address is now locked out. */
  fail(address: string, now = Date.now()): boolean {
    const f = this.failures.get(address) ?? { count: 0, lockedUntil: 0 };
    f.count++;
    if (this.maxFailures > 0 && f.count >= this.maxFailures) f.lockedUntil = now + this.lockoutMs;
    this.failures.set(address, f);
    return f.lockedUntil > now;
  }

  succeed(address: string): void {
    this.failures.delete(address);
  }
}
