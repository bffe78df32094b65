import { presetRuleSet } from '@olympiad/scoring';
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

  const stage = {
    olympiad: {
      id: randomUUID(),
      name: 'Olympiad',
      season: '2026',
      createdAt: '2026-01-01T00:00:00Z',
    },
    stage: {
      id: content.stageId,
      kind: 'regional' as const,
      regionCode: 'aktobe',
      name: 'Aktobe regional stage',
      venue: '',
      startsOn: '2026-12-05',
      endsOn: '2026-12-06',
      code: 'AKT-R',
    },
    categories: [
      {
        id: randomUUID(),
        discipline: 'maze',
        name: 'Maze 3–4',
        ageGroupLabel: '3–4',
        minGrade: 3,
        maxGrade: 4,
        preset: 'maze-default',
        ruleSet: presetRuleSet('maze-default'),
      },
    ],
  };
  const linkFile = (description: unknown) =>
    JSON.stringify({ format: LINK_FILE_FORMAT, code: encodeLinkCode(content), stage: description });

  it('read a link file, and refuse one whose stage is not its code’s', () => {
    expect(decodeLinkText(linkFile(stage))).toMatchObject({
      ok: true,
      content,
      description: stage,
    });
    const other = linkFile({ ...stage, stage: { ...stage.stage, id: randomUUID() } });
    expect(decodeLinkText(other)).toMatchObject({
      ok: false,
      message: expect.stringContaining('another stage'),
    });
    expect(decodeLinkText('{"format":"something-else"}')).toMatchObject({ ok: false });
    expect(decodeLinkText('{not json')).toMatchObject({ ok: false });
  });

  it('refuse a link file whose stage has a discipline, a rule set or a parameter this server cannot judge by', () => {
    const [category] = stage.categories;
    const maze = presetRuleSet('maze-default');
    const withCategory = (changed: object) =>
      linkFile({ ...stage, categories: [{ ...category, ...changed }] });
    expect(decodeLinkText(withCategory({ discipline: 'football' }))).toEqual({
      ok: false,
      message: expect.stringContaining('categories.0.discipline'),
    });
    expect(
      decodeLinkText(
        withCategory({ ruleSet: { ...maze, params: { ...maze?.params, attempts: 99 } } }),
      ),
    ).toEqual({
      ok: false,
      message: expect.stringContaining('categories.0.ruleSet.params.attempts'),
    });
    expect(decodeLinkText(withCategory({ ruleSet: presetRuleSet('sumo-default') }))).toEqual({
      ok: false,
      message: expect.stringContaining('categories.0.ruleSet.discipline'),
    });
    expect(decodeLinkText(linkFile({ ...stage, categories: undefined }))).toEqual({
      ok: false,
      message: expect.stringContaining('categories'),
    });
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
