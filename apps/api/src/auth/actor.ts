import type { JudgeRole, Role, StaffRole } from '@olympiad/contracts';

/** Who is calling, as proven by their token. Public callers have no actor. */
export type Actor =
  | {
      kind: 'organiser';
      id: string;
      name: string;
      role: 'organiser';
      /**
       * What the staff account reaches (docs/security.md#staff-accounts), read from the account at
       * each request; absent on an actor rebuilt for a record, which is treated as an admin's.
       */
      staffRole?: StaffRole;
      /** A coordinator's granted stages. */
      stageIds?: string[];
    }
  | { kind: 'judge'; id: string; name: string; role: JudgeRole; stageId: string }
  /** A field sensor whose finish gate recorded a provisional attempt; never holds a token. */
  | { kind: 'device'; id: string; name: string; role: 'device'; stageId: string };

export interface TokenClaims {
  sub: string;
  role: Role;
  name: string;
  stageId?: string;
  /** A judge's PIN version (token.service.ts `pinVersion`): the token ends when the PIN is reset. */
  pv?: string;
  /** A staff account's session version: raising it ends every token given before. */
  sv?: number;
}

export function actorFromClaims(claims: TokenClaims): Actor {
  if (claims.role === 'organiser') {
    return { kind: 'organiser', id: claims.sub, name: claims.name, role: 'organiser' };
  }
  return {
    kind: 'judge',
    id: claims.sub,
    name: claims.name,
    role: claims.role,
    stageId: claims.stageId ?? '',
  };
}
