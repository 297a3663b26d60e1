/** What the key-ring rules share: which ring the server uses, and where it is named. */
import type { SourceLocation } from '../diagnostics';
import type { ServerModel } from '../model/config';
import { at, attlsTls, attlsView, nativeTls } from './helpers';

/** Where the ring is named: KEYRING (native TLS) or Keyring in TTLSKeyringParms (AT-TLS). */
export function keyringLocation(model: ServerModel): SourceLocation | undefined {
  if (attlsTls(model)) return attlsView(model)?.keyring.location;
  return at(model.ftpData.keyring);
}

/** The server uses TLS with a modelled key ring. */
export function ringInUse(model: ServerModel): boolean {
  return model.keyRing !== undefined && (nativeTls(model) || attlsTls(model));
}

export const ringSetting = (model: ServerModel) => (attlsTls(model) ? 'Keyring' : 'KEYRING');

const DAY = 86400_000;
export const daysBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY);
