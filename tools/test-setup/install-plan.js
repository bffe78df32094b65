// @ts-check
// How missing Debian packages get installed: as root, through sudo without a password prompt, or
// not at all (then the one line a person runs). See docs/testing.md.

/** @param {string[]} packages */
const installCommand = (packages) => [
  'apt-get',
  'install',
  '-y',
  '--no-install-recommends',
  ...packages,
];
const updateCommand = () => ['apt-get', 'update'];

/**
 * @typedef {{ kind: 'nothing' }
 *   | { kind: 'install'; via: 'root' | 'sudo'; install: string[]; update: string[]; line: string }
 *   | { kind: 'ask'; line: string }} InstallPlan
 */

/**
 * The command a person runs to install the packages themselves.
 * @param {string[]} packages
 * @param {boolean} isRoot
 */
function manualLine(packages, isRoot) {
  const sudo = isRoot ? '' : 'sudo ';
  return `${sudo}${updateCommand().join(' ')} && ${sudo}${installCommand(packages).join(' ')}`;
}

/**
 * A command as it runs with root's rights; sudo resets the environment, so apt's non-interactive
 * setting goes through env(1).
 * @param {string[]} command
 * @param {'root' | 'sudo'} via
 */
function privileged(command, via) {
  return via === 'root'
    ? command
    : ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive', ...command];
}

/**
 * @param {string[]} packages the missing Debian packages
 * @param {{ isRoot: boolean; sudoWithoutPrompt: boolean; hasAptGet: boolean }} machine
 * @returns {InstallPlan}
 */
function installPlan(packages, machine) {
  if (packages.length === 0) return { kind: 'nothing' };
  const line = manualLine(packages, machine.isRoot);
  if (!machine.hasAptGet) return { kind: 'ask', line };
  /** @type {'root' | 'sudo' | undefined} */
  const via = machine.isRoot ? 'root' : machine.sudoWithoutPrompt ? 'sudo' : undefined;
  if (!via) return { kind: 'ask', line };
  return {
    kind: 'install',
    via,
    install: privileged(installCommand(packages), via),
    update: privileged(updateCommand(), via),
    line,
  };
}

/**
 * Whether a failed `apt-get install` failed for want of (current) package lists, which
 * `apt-get update` fixes: a fresh Debian image ships none.
 * @param {string} output what apt-get wrote
 */
function needsPackageLists(output) {
  return /Unable to locate package|has no installation candidate|is not available, but is referred to|Failed to fetch|404\s+Not Found/i.test(
    output,
  );
}

/**
 * The system services Debian starts when these packages are installed. Installed for the tests
 * only, they are switched off again: Mosquitto's would hold port 1883, which the venue server's
 * embedded broker needs (`npm start`).
 * @param {string[]} packages
 */
function servicesStartedBy(packages) {
  return packages.filter((name) => name === 'mosquitto' || name === 'postgresql');
}

module.exports = { installPlan, manualLine, needsPackageLists, privileged, servicesStartedBy };
