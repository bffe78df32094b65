// @ts-check
const { describe, expect, it } = require('@jest/globals');
const { missingParts, postgresBinDir, searchPath } = require('./required-packages');

/**
 * A machine with exactly these files.
 * @param {string[]} files
 * @param {NodeJS.ProcessEnv} env
 */
function machine(files, env = { PATH: '/usr/local/bin:/usr/bin:/bin' }) {
  const set = new Set(files);
  return {
    env,
    exists: (/** @type {string} */ file) => set.has(file),
    list: (/** @type {string} */ dir) => [
      ...new Set(
        files
          .filter((file) => file.startsWith(`${dir}/`))
          .map((file) => file.slice(dir.length + 1).split('/')[0]),
      ),
    ],
  };
}

const everything = [
  '/usr/bin/chromium',
  '/usr/sbin/mosquitto',
  '/usr/bin/socat',
  '/usr/bin/pdftotext',
  '/usr/bin/certutil',
  '/usr/sbin/ip',
  '/usr/bin/python3',
  '/usr/lib/postgresql/15/bin/initdb',
  '/usr/lib/postgresql/15/bin/pg_ctl',
  '/usr/bin/redis-server',
  '/usr/sbin/haproxy',
  '/usr/bin/faketime',
  '/usr/bin/sqlite3',
];
const packagesMissingOn = (/** @type {ReturnType<typeof machine>} */ system) =>
  missingParts(system).map((part) => part.package);

describe('the Debian packages the tests need', () => {
  it('are all there on a machine with every program', () => {
    expect(packagesMissingOn(machine(everything))).toEqual([]);
  });

  it('name the package of each missing program (pdftotext comes with poppler-utils)', () => {
    const without = everything.filter(
      (file) => !['/usr/bin/chromium', '/usr/bin/pdftotext'].includes(file),
    );
    expect(packagesMissingOn(machine(without))).toEqual(['chromium', 'poppler-utils']);
    expect(packagesMissingOn(machine([]))).toEqual([
      'chromium',
      'mosquitto',
      'socat',
      'poppler-utils',
      'libnss3-tools',
      'iproute2',
      'python3',
      'postgresql',
      'redis-server',
      'haproxy',
      'faketime',
      'sqlite3',
    ]);
  });

  it('find mosquitto in /usr/sbin although an ordinary user’s PATH lacks it', () => {
    const system = machine(everything, { PATH: '/home/judge/bin:/usr/bin:/bin' });
    expect(packagesMissingOn(system)).toEqual([]);
    expect(searchPath(system.env)).toEqual([
      '/home/judge/bin',
      '/usr/bin',
      '/bin',
      '/usr/local/sbin',
      '/usr/local/bin',
      '/usr/sbin',
      '/sbin',
    ]);
  });

  it('look for Chromium where CHROMIUM_PATH says', () => {
    const files = [
      ...everything.filter((file) => file !== '/usr/bin/chromium'),
      '/opt/chromium/chrome',
    ];
    expect(
      packagesMissingOn(
        machine(files, { PATH: '/usr/bin', CHROMIUM_PATH: '/opt/chromium/chrome' }),
      ),
    ).toEqual([]);
    expect(packagesMissingOn(machine(files, { PATH: '/usr/bin' }))).toEqual(['chromium']);
  });

  it('count a PostgreSQL server only with both initdb and pg_ctl (the client package alone is not enough)', () => {
    const clientOnly = [
      ...everything.filter((file) => !file.startsWith('/usr/lib/postgresql')),
      '/usr/lib/postgresql/15/bin/psql',
    ];
    expect(packagesMissingOn(machine(clientOnly))).toEqual(['postgresql']);
  });
});

describe('the PostgreSQL server binaries', () => {
  it('are the newest complete version, compared as numbers', () => {
    const files = ['9.6', '10', '15', '16'].flatMap((version) => [
      `/usr/lib/postgresql/${version}/bin/initdb`,
      `/usr/lib/postgresql/${version}/bin/pg_ctl`,
    ]);
    expect(postgresBinDir(machine(files))).toBe('/usr/lib/postgresql/16/bin');
    expect(
      postgresBinDir(machine(files.filter((file) => file !== '/usr/lib/postgresql/16/bin/pg_ctl'))),
    ).toBe('/usr/lib/postgresql/15/bin');
    expect(
      postgresBinDir(
        machine([
          '/usr/lib/postgresql/9.6/bin/initdb',
          '/usr/lib/postgresql/9.6/bin/pg_ctl',
          '/usr/lib/postgresql/10/bin/initdb',
        ]),
      ),
    ).toBe('/usr/lib/postgresql/9.6/bin');
    expect(postgresBinDir(machine([]))).toBeUndefined();
  });
});
