/**
 * The key ring's real material: certificates (node-forge, keys from Node's
 * native crypto), the key store, trust bundles, PKCS#12, RACF jobs and the user
 * registry. lib/pki is the only place that imports node-forge.
 */
export * from './spec';
export { synthesizeKeyRing } from './synthesize';
export type { KeyRingCaFile, KeyRingClientFile, KeyRingFiles, KeyRingSynthesis, SynthesizeOptions } from './synthesize';
export { buildUserRegistry, hashPassword, verifyPassword, DEFAULT_SCRYPT_COST } from './users';
export type { RegistryUserInput, ScryptCost, UserPassword } from './users';
export { STORE_VERSION } from './store';
export { keyPaths, dataSetNames } from './layout';
