import { pbkdf2Sync } from 'node:crypto';
import { mosquittoAclFile, mosquittoHash, mosquittoPasswordFile } from './mosquitto-files';

describe('Mosquitto files', () => {
  it('hash a secret the way mosquitto_passwd does ($7$, PBKDF2-SHA512, 101 rounds)', () => {
    // Produced by `mosquitto_passwd -b` (Mosquitto 2.0.11) for the secret "secret123".
    const fromMosquitto = '$7$101$1OXLs0yLFKltKdab$yzCwrRN87OzOyiCil+QZU3KvDUVhFTZvN0XrHp6f7kHHBV0PuwxTbeIxoASD++dtNz8BfQt9S6bSKe17tFD1UA==';
    const salt = Buffer.from(fromMosquitto.split('$')[3], 'base64');
    expect(mosquittoHash('secret123', salt)).toBe(fromMosquitto);
    expect(mosquittoHash('secret124', salt)).not.toBe(fromMosquitto);
    const fresh = mosquittoHash('abc');
    const [, , rounds, saltB64, hash] = fresh.split('$');
    expect(pbkdf2Sync('abc', Buffer.from(saltB64, 'base64'), Number(rounds), 64, 'sha512').toString('base64')).toBe(hash);
  });

  it('write one password line per user and an ACL confining each device to its own topics', () => {
    expect(mosquittoPasswordFile([{ username: 'maze-1', hash: '$7$x' }])).toBe('maze-1:$7$x\n');
    const acl = mosquittoAclFile(['maze-1'], 'olympiad-api');
    expect(acl).toContain('user olympiad-api\ntopic readwrite olympiad/v1/dev/#');
    expect(acl).toContain('user maze-1\ntopic write olympiad/v1/dev/maze-1/event\ntopic write olympiad/v1/dev/maze-1/status\ntopic read olympiad/v1/dev/maze-1/cmd');
    expect(acl).not.toContain('topic write olympiad/v1/dev/#');
  });
});
