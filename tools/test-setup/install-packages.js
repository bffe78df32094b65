// @ts-check
// The first step of `npm test`: the system programs the tests start are there, or get installed
// from Debian when this user may, or the run stops with the one command to run (docs/testing.md).
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const { installPlan, needsPackageLists, privileged, servicesStartedBy } = require('./install-plan');
const { missingParts, onPath, realSystem } = require('./required-packages');

/**
 * @param {string[]} command
 * @returns {{ ok: boolean; output: string }}
 */
function run(command) {
  const result = spawnSync(command[0], command.slice(1), {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`,
  };
}

const sudoWithoutPrompt = () => spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
const systemdRuns = () => fs.existsSync('/run/systemd/system');

/** @param {string} output */
const lastLines = (output) => output.trim().split('\n').slice(-15).join('\n');

/**
 * @param {{ log(line: string): void }} options
 * @returns {{ ok: true } | { ok: false; message: string }}
 */
function ensureTestPackages({ log }) {
  const system = realSystem();
  const missing = missingParts(system);
  if (missing.length === 0) {
    log('the system programs the tests start are installed (docs/testing.md)');
    return { ok: true };
  }

  const packages = missing.map((part) => part.package);
  const isRoot = process.getuid?.() === 0;
  const plan = installPlan(packages, {
    isRoot,
    sudoWithoutPrompt: !isRoot && sudoWithoutPrompt(),
    hasAptGet: onPath(system, 'apt-get'),
  });
  const needs = `The tests need ${missing.map((part) => part.part).join(', ')}.`;
  if (plan.kind !== 'install') {
    return {
      ok: false,
      message: `${needs}\nInstall the Debian packages with:\n\n  ${'line' in plan ? plan.line : ''}\n`,
    };
  }

  log(
    `${needs} Installing ${packages.join(' ')} with apt-get${plan.via === 'sudo' ? ' (sudo)' : ''}…`,
  );
  let install = run(plan.install);
  if (!install.ok && needsPackageLists(install.output)) {
    log('apt-get has no package lists for them yet: apt-get update, then once more…');
    const update = run(plan.update);
    install = update.ok ? run(plan.install) : update;
  }
  if (!install.ok) {
    return {
      ok: false,
      message: `${lastLines(install.output)}\n\n${needs} Installing them failed; run:\n\n  ${plan.line}\n`,
    };
  }

  const services = systemdRuns() ? servicesStartedBy(packages) : [];
  for (const service of services) {
    log(`${service} was installed for the tests only: its system service is switched off again.`);
    run(privileged(['systemctl', 'disable', '--now', service], plan.via));
  }

  const stillMissing = missingParts(realSystem());
  if (stillMissing.length > 0) {
    return {
      ok: false,
      message: `Still missing after apt-get: ${stillMissing.map((part) => part.part).join(', ')}.`,
    };
  }
  return { ok: true };
}

module.exports = { ensureTestPackages };
