import { generateKeyPairSync, randomUUID } from 'node:crypto';
import {
  claimIsSigned,
  decodeLinkText,
  encodeLinkCode,
  LINK_FILE_FORMAT,
  newLinkSecret,
  secretHash,
  signClaim,
} from './link-code';
import { publicKeyText } from './venue-key';

describe('link codes', () => {
  const content = {
    v: 1 as const,
    url: 'http://republic.example:3100',
    stageId: randomUUID(),
    secret: newLinkSecret(),
  };

  it('read back what was written, with surrounding spaces from a paste', () => {
    expect(decodeLinkText(`  ${encodeLinkCode(content)}\n`)).toEqual({
      ok: true,
      content,
      description: null,
    });
  });

  it('refuse text that is not a code, a damaged code and a code missing its secret', () => {
    expect(decodeLinkText('hello')).toMatchObject({
      ok: false,
      message: expect.stringContaining('OLYMPIAD-LINK:'),
    });
    expect(decodeLinkText(encodeLinkCode(content).slice(0, -6))).toMatchObject({ ok: false });
    const noSecret = encodeLinkCode({ ...content, secret: '' });
    expect(decodeLinkText(noSecret)).toMatchObject({
      ok: false,
      message: expect.stringContaining('damaged'),
    });
  });

  it('read a link file, and refuse one whose stage is not its code’s', () => {
    const stage = { olympiad: {}, stage: { id: content.stageId }, categories: [] };
    const file = JSON.stringify({ format: LINK_FILE_FORMAT, code: encodeLinkCode(content), stage });
    expect(decodeLinkText(file)).toMatchObject({ ok: true, content, description: stage });
    const other = JSON.stringify({
      format: LINK_FILE_FORMAT,
      code: encodeLinkCode(content),
      stage: { ...stage, stage: { id: randomUUID() } },
    });
    expect(decodeLinkText(other)).toMatchObject({
      ok: false,
      message: expect.stringContaining('another stage'),
    });
    expect(decodeLinkText('{"format":"something-else"}')).toMatchObject({ ok: false });
    expect(decodeLinkText('{not json')).toMatchObject({ ok: false });
  });

  it('keep only a digest of the secret', () => {
    expect(secretHash(content.secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(secretHash(content.secret)).not.toContain(content.secret);
    expect(newLinkSecret()).not.toBe(newLinkSecret());
  });

  it('prove a claim with the claiming key only, for that stage and secret only', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const other = generateKeyPairSync('ed25519');
    const key = publicKeyText(publicKey);
    const proof = signClaim(content.stageId, content.secret, privateKey);
    expect(claimIsSigned(content.stageId, content.secret, key, proof)).toBe(true);
    expect(
      claimIsSigned(content.stageId, content.secret, publicKeyText(other.publicKey), proof),
    ).toBe(false);
    expect(claimIsSigned(randomUUID(), content.secret, key, proof)).toBe(false);
    expect(claimIsSigned(content.stageId, newLinkSecret(), key, proof)).toBe(false);
    expect(claimIsSigned(content.stageId, content.secret, 'not-a-key', proof)).toBe(false);
  });
});
