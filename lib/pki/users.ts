/**
 * users.json: the zftps stand-in for RACF user profiles, RACDCERT ADD/MAP
 * certificate mappings and the level-3 port profile. Passwords are stored only
 * as scrypt verifiers.
 */
import { createHmac, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { InputError } from '../diagnostics';
import type { CertificateMapping, RegistryUser, ScryptHash, UserRegistryFile } from '../model/user-registry';
import { type KeyRingSpec, checkRacfName, describe } from './spec';
import type { KeyRingFiles } from './synthesize';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** 2^14 / 8 / 1: ~16 MiB and tens of milliseconds per verify; raise N to match a peer's hash cost in benchmarks. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 1 << 14, r: 8, p: 1 };
const HASH_BYTES = 32;

function checkCost(c: ScryptCost): void {
  if (!(Number.isInteger(c.N) && c.N >= 2 && (c.N & (c.N - 1)) === 0)) throw new InputError(`scrypt N ${c.N} must be a power of two`);
  if (!(Number.isInteger(c.r) && c.r >= 1 && Number.isInteger(c.p) && c.p >= 1)) throw new InputError('scrypt r and p must be whole numbers >= 1');
}

const maxmemFor = (c: ScryptCost) => 128 * c.N * c.r + 64 * 1024 * 1024;

/**
 * `saltKey` makes the salt deterministic (HMAC of the key with `saltContext`), so a
 * second synth from the same key store writes the same users.json; without it the
 * salt is random.
 */
export function hashPassword(password: string, cost: ScryptCost = DEFAULT_SCRYPT_COST, saltKey?: Buffer, saltContext = ''): ScryptHash {
  checkCost(cost);
  const salt = saltKey
    ? // The salt depends on the user, never on the password: a salt derived from the password
      // would let anyone holding users.json and the key store test guesses without scrypt.
      createHmac('sha256', saltKey).update(`zftps-salt\0${saltContext}`).digest().subarray(0, 16)
    : randomBytes(16);
  // With a salt key the verifier is a pure function of its inputs; servers sharing a ring
  // and its users would otherwise pay the deliberately slow scrypt once each per synth.
  const memoKey = saltKey ? createHmac('sha256', salt).update(`${cost.N}:${cost.r}:${cost.p}\0${password}`).digest('base64') : undefined;
  const known = memoKey ? verifiers.get(memoKey) : undefined;
  if (known) return { ...known };
  const hash = scryptSync(password.normalize('NFC'), salt, HASH_BYTES, { N: cost.N, r: cost.r, p: cost.p, maxmem: maxmemFor(cost) });
  const out: ScryptHash = { kdf: 'scrypt', N: cost.N, r: cost.r, p: cost.p, salt: salt.toString('base64'), hash: hash.toString('base64') };
  if (memoKey) {
    if (verifiers.size >= 1024) verifiers.clear(); // bound the memory of a long-lived process
    verifiers.set(memoKey, out);
  }
  return { ...out };
}

/** Verifiers computed with a deterministic salt in this process, by an HMAC of salt, cost and password. */
const verifiers = new Map<string, ScryptHash>();

/** Constant-time comparison; hashing runs in the thread pool so a login does not block the event loop. */
export function verifyPassword(password: string, stored: ScryptHash): Promise<boolean> {
  if (stored.kdf !== 'scrypt') return Promise.resolve(false);
  const expected = Buffer.from(stored.hash, 'base64');
  const cost = { N: stored.N, r: stored.r, p: stored.p };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), Buffer.from(stored.salt, 'base64'), expected.length, { ...cost, maxmem: maxmemFor(cost) }, (err, got) => {
      if (err) reject(err);
      else resolve(got.length === expected.length && timingSafeEqual(got, expected));
    });
  });
}

export type UserPassword = { value: string } | { env: string; default: string } | undefined;

export interface RegistryUserInput {
  name: string;
  home: string;
  password?: UserPassword;
  canWrite?: boolean;
}

/**
 * Build users.json for one server: users with scrypt verifiers, one mapping per
 * client certificate with a user ID (exact leaf fingerprint, like RACDCERT
 * ID(user) ADD), one per name filter (bound to the issuing CA's fingerprint,
 * like MAP with IDNFILTER), and the level-3 permits.
 */
export function buildUserRegistry(
  users: readonly RegistryUserInput[],
  spec: KeyRingSpec,
  files: KeyRingFiles,
  scryptCost: ScryptCost = DEFAULT_SCRYPT_COST,
  /** Secret from the key store: deterministic salts, so an unchanged synth is byte-identical. */
  saltKey?: Buffer,
): UserRegistryFile {
  const where = describe(spec, 'user registry');
  const known = new Map<string, string>();
  const out: RegistryUser[] = [];
  for (const u of users) {
    if (!u.name || /[\s:]/.test(u.name)) throw new InputError(`${where}: user name '${u.name}' must be non-empty without blanks or ':'`);
    const key = u.name.toUpperCase();
    if (known.has(key)) throw new InputError(`${where}: user '${u.name}' is defined twice (names compare case-insensitively)`);
    known.set(key, u.name);
    if (u.home.startsWith('/') || u.home.split(/[\\/]/).includes('..')) {
      throw new InputError(`${where}: home '${u.home}' of user '${u.name}' must be relative to the storage root, without '..'`);
    }
    const user: { -readonly [K in keyof RegistryUser]: RegistryUser[K] } = { name: u.name, home: u.home };
    if (u.password && 'value' in u.password) user.password = hashPassword(u.password.value, scryptCost, saltKey, `${spec.id}\0${u.name}`);
    else if (u.password && 'env' in u.password) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(u.password.env)) throw new InputError(`${where}: '${u.password.env}' is not an environment variable name`);
      user.passwordEnv = u.password.env;
      user.password = hashPassword(u.password.default, scryptCost, saltKey, `${spec.id}\0${u.name}`);
    }
    if (u.canWrite !== undefined) user.canWrite = u.canWrite;
    out.push(user);
  }
  const requireUser = (userId: string, what: string) => {
    checkRacfName(userId, 'userId', `${where} ${what}`);
    if (!known.has(userId.toUpperCase())) {
      throw new InputError(`${where}: ${what} maps to user '${userId}', who is not a user of this server (have: ${[...known.values()].join(', ') || 'none'})`);
    }
    return known.get(userId.toUpperCase())!;
  };

  const mappings: CertificateMapping[] = [];
  for (const c of files.clients) {
    if (!c.userId) continue;
    mappings.push({ userId: requireUser(c.userId, `client certificate '${c.name}'`), fingerprint256: c.fingerprint256 });
  }
  for (const [i, m] of (spec.certificateMaps ?? []).entries()) {
    const ca = m.signedBy ? files.cas.find((x) => x.name === m.signedBy) : undefined;
    mappings.push({
      userId: requireUser(m.userId, `certificateMaps[${i}]`),
      ...(m.subjectFilter ? { subjectFilter: m.subjectFilter } : {}),
      ...(m.issuerFilter ? { issuerFilter: m.issuerFilter } : {}),
      ...(ca ? { issuerFingerprint256: ca.fingerprint256 } : {}),
    });
  }

  const registry: { -readonly [K in keyof UserRegistryFile]: UserRegistryFile[K] } = { version: 1, users: out, certificateMappings: mappings };
  if (spec.level3) {
    const l3 = spec.level3;
    registry.level3 = {
      profile: `EZB.FTP.${l3.sysname.toUpperCase()}.${l3.daemonJobName.toUpperCase()}.PORT${l3.ports[0]}`,
      ports: [...l3.ports],
      permitted: l3.permittedUsers.map((u) => requireUser(u, 'level3.permittedUsers')),
    };
  }
  return registry;
}
