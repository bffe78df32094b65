import type { JudgeRole, Role } from '@olympiad/contracts';

/** Who is calling, as proven by their token. Public callers have no actor. */
export type Actor =
  | { kind: 'organiser'; id: string; name: string; role: 'organiser' }
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
