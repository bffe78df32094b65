import {
  linkCodeContentSchema,
  linkedStageDescriptionSchema,
  type LinkCodeContent,
  type LinkedStageDescription,
} from '@olympiad/contracts';
import { createHash, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { issuesFromZod } from '../common/zod-issues';
import { publicKeyFromText } from './venue-key';

/** What starts a link code; the rest is base64url JSON (docs/federation.md, "Linking"). */
export const LINK_CODE_PREFIX = 'OLYMPIAD-LINK:';
/** What a link file holds: the code and the stage, for a venue that cannot reach the republic. */
export const LINK_FILE_FORMAT = 'olympiad-link-file';

export function newLinkSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function encodeLinkCode(content: LinkCodeContent): string {
  return LINK_CODE_PREFIX + Buffer.from(JSON.stringify(content), 'utf8').toString('base64url');
}

export type DecodedLink =
  | { ok: true; content: LinkCodeContent; description: LinkedStageDescription | null }
  | { ok: false; message: string };

/**
 * The stage a venue is handed (the republic's answer to a claim, or a link file's), read before
 * anything is created from it: a discipline, a rule set or a rule parameter this server cannot
 * judge by is refused with what is wrong (`categories.0.ruleSet.params.attempts: ...`).
 */
export function readStageDescription(
  input: unknown,
): { ok: true; description: LinkedStageDescription } | { ok: false; problems: string } {
  const parsed = linkedStageDescriptionSchema.safeParse(input);
  if (parsed.success) return { ok: true, description: parsed.data };
  const problems = issuesFromZod(parsed.error)
    .map((issue) => `${issue.path || '(stage)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, problems };
}

/**
 * Reads what the venue's organiser pasted: a link code, or a link file's JSON (the code and the
 * stage description, for a venue with no connection to the republic).
 */
export function decodeLinkText(text: string): DecodedLink {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let file: { format?: unknown; code?: unknown; stage?: unknown };
    try {
      file = JSON.parse(trimmed);
    } catch {
      return { ok: false, message: 'The link file is not valid JSON' };
    }
    if (file.format !== LINK_FILE_FORMAT || typeof file.code !== 'string')
      return { ok: false, message: 'This is not a link file from the republic server' };
    const code = decodeLinkText(file.code);
    if (!code.ok) return code;
    const read = readStageDescription(file.stage);
    if (!read.ok)
      return { ok: false, message: `The link file's stage cannot be used here: ${read.problems}` };
    if (read.description.stage.id !== code.content.stageId)
      return { ok: false, message: 'The link file describes another stage than its code' };
    return { ...code, description: read.description };
  }
  if (!trimmed.startsWith(LINK_CODE_PREFIX))
    return { ok: false, message: `A link code starts with ${LINK_CODE_PREFIX}` };
  let json: unknown;
  try {
    json = JSON.parse(
      Buffer.from(trimmed.slice(LINK_CODE_PREFIX.length), 'base64url').toString('utf8'),
    );
  } catch {
    return { ok: false, message: 'The link code is damaged: copy it again' };
  }
  const parsed = linkCodeContentSchema.safeParse(json);
  if (!parsed.success) return { ok: false, message: 'The link code is damaged: copy it again' };
  return { ok: true, content: parsed.data, description: null };
}

const claimMessage = (stageId: string, secret: string) =>
  Buffer.from(`claim:${stageId}:${secret}`, 'utf8');

/** The venue's proof that the key claiming the stage is its own. */
export function signClaim(stageId: string, secret: string, privateKey: KeyObject): string {
  return sign(null, claimMessage(stageId, secret), privateKey).toString('base64url');
}

export function claimIsSigned(
  stageId: string,
  secret: string,
  publicKey: string,
  proof: string,
): boolean {
  try {
    return verify(
      null,
      claimMessage(stageId, secret),
      publicKeyFromText(publicKey),
      Buffer.from(proof, 'base64url'),
    );
  } catch {
    return false;
  }
}
