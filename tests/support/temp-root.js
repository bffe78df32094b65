// Jest global setup and teardown of the cross-app suites: every temporary folder a test makes
// with os.tmpdir() (venue data folders, broker and balancer configs, documents) goes under one
// folder for the run, removed at its end. Set in the main process before the workers start, so
// they inherit it. Before, each run left thousands of venue folders (over a gigabyte) in /tmp.
// TEST_KEEP_TMP=1 keeps the folder, to look at after a failure.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const MARK = 'OLYMPIAD_TEST_TMP';

module.exports.setup = async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'olympiad-tests-'));
  // As /tmp is for them: brokers and databases that drop to their own user may need to enter.
  fs.chmodSync(root, 0o1777);
  process.env[MARK] = root;
  process.env.TMPDIR = root;
};

module.exports.teardown = async () => {
  const root = process.env[MARK];
  if (!root || process.env.TEST_KEEP_TMP) return;
  fs.rmSync(root, { recursive: true, force: true });
};
