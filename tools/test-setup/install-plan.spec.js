// @ts-check
const { describe, expect, it } = require('@jest/globals');
const { installPlan, needsPackageLists, servicesStartedBy } = require('./install-plan');
const { serverUser } = require('./throwaway-postgres');

const packages = ['chromium', 'poppler-utils'];

describe('installing the missing Debian packages', () => {
  it('does nothing when nothing is missing', () => {
    expect(installPlan([], { isRoot: false, sudoWithoutPrompt: false, hasAptGet: true })).toEqual({
      kind: 'nothing',
    });
  });

  it('runs apt-get itself as root, without recommended packages', () => {
    expect(
      installPlan(packages, { isRoot: true, sudoWithoutPrompt: false, hasAptGet: true }),
    ).toEqual({
      kind: 'install',
      via: 'root',
      install: ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium', 'poppler-utils'],
      update: ['apt-get', 'update'],
      line: 'apt-get update && apt-get install -y --no-install-recommends chromium poppler-utils',
    });
  });

  it('goes through sudo when it needs no password, keeping apt non-interactive', () => {
    const plan = installPlan(packages, { isRoot: false, sudoWithoutPrompt: true, hasAptGet: true });
    expect(plan).toMatchObject({
      kind: 'install',
      via: 'sudo',
      install: [
        'sudo',
        '-n',
        'env',
        'DEBIAN_FRONTEND=noninteractive',
        'apt-get',
        'install',
        '-y',
        '--no-install-recommends',
        'chromium',
        'poppler-utils',
      ],
      update: ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update'],
    });
  });

  it('otherwise asks for the one line a person runs', () => {
    expect(
      installPlan(packages, { isRoot: false, sudoWithoutPrompt: false, hasAptGet: true }),
    ).toEqual({
      kind: 'ask',
      line: 'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium poppler-utils',
    });
    expect(
      installPlan(packages, { isRoot: true, sudoWithoutPrompt: false, hasAptGet: false }),
    ).toEqual({
      kind: 'ask',
      line: 'apt-get update && apt-get install -y --no-install-recommends chromium poppler-utils',
    });
  });

  it('updates the package lists only when apt-get could not find a package', () => {
    expect(needsPackageLists('E: Unable to locate package chromium')).toBe(true);
    expect(needsPackageLists("E: Package 'socat' has no installation candidate")).toBe(true);
    expect(
      needsPackageLists(
        'E: Failed to fetch http://deb.debian.org/debian/pool/main/c/chromium/chromium_1.deb  404  Not Found',
      ),
    ).toBe(true);
    expect(
      needsPackageLists(
        'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)',
      ),
    ).toBe(false);
    expect(
      needsPackageLists('E: You don’t have enough free space in /var/cache/apt/archives/.'),
    ).toBe(false);
  });

  it('switches off the services Debian starts for Mosquitto and PostgreSQL, and no others', () => {
    expect(
      servicesStartedBy(['chromium', 'mosquitto', 'socat', 'poppler-utils', 'postgresql']),
    ).toEqual(['mosquitto', 'postgresql']);
    expect(servicesStartedBy(['chromium'])).toEqual([]);
  });
});

describe('the throwaway PostgreSQL server', () => {
  it('runs as this user, or for root as the postgres user (nobody where there is none)', () => {
    expect(serverUser(1000, () => true)).toBeUndefined();
    expect(serverUser(0, (name) => name === 'postgres')).toBe('postgres');
    expect(serverUser(0, () => false)).toBe('nobody');
  });
});
