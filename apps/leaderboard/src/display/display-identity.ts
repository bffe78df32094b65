import type { DisplayPairing } from '@olympiad/contracts';

const KEY = 'olympiad.display';

/** The pairing this screen got from the server, kept across reloads and power cuts. */
export interface DisplayIdentity {
  displayId: string;
  secret: string;
}

export function readIdentity(storage: Storage | null): DisplayIdentity | null {
  try {
    const value = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<DisplayIdentity> | null;
    return value && typeof value.displayId === 'string' && typeof value.secret === 'string'
      ? { displayId: value.displayId, secret: value.secret }
      : null;
  } catch {
    return null;
  }
}

export function writeIdentity(storage: Storage | null, pairing: DisplayPairing | null): void {
  try {
    if (pairing)
      storage?.setItem(
        KEY,
        JSON.stringify({ displayId: pairing.displayId, secret: pairing.secret }),
      );
    else storage?.removeItem(KEY);
  } catch {
    // Private mode: the screen pairs again after a reload.
  }
}
