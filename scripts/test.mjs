#!/usr/bin/env node
// `npm test`: every suite in one vitest run, then one summary line.
//   npm test                       unit, db, system and browser suites
//   npm test -- --suite db         only the named suites (repeatable)
//   TEST_DATABASE_URL=postgres://… the db suite on that server instead of an embedded one
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ALL = ['unit', 'db', 'system', 'browser'];
const { values } = parseArgs({
  options: { suite: { type: 'string', multiple: true }, 'no-build': { type: 'boolean' } },
  strict: true,
});
const suites = values.suite ?? ALL;
const unknown = suites.filter((s) => !ALL.includes(s));
if (unknown.length > 0) {
  console.error(`unknown suite ${unknown.join(', ')}: choose from ${ALL.join(', ')}`);
  process.exit(2);
}

if (suites.includes('browser') && !values['no-build']) {
  const build = spawnSync('npm', ['run', 'build:web', '--silent'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const resultFile = path.resolve('.tmp/test-results.json');
fs.mkdirSync(path.dirname(resultFile), { recursive: true });
fs.rmSync(resultFile, { force: true });
const args = ['vitest', 'run', ...suites.flatMap((s) => ['--project', s])];
args.push('--reporter=default', '--reporter=json', `--outputFile.json=${resultFile}`);
const run = spawnSync('npx', args, { stdio: 'inherit' });

let summary = 'tests: the runner produced no results, 1 failed';
if (fs.existsSync(resultFile)) {
  const r = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  const failed = r.numFailedTests + (r.numFailedTestSuites ?? 0);
  summary = `Summary: ${r.numPassedTests} passed, ${failed} failed, ${skipped} skipped`;
  if (r.numTotalTests === 0) summary = 'Summary: 0 passed, 1 failed (no test ran)';
}
console.log(`\n${suites.join(' + ')} suites${process.env.TEST_DATABASE_URL ? ' (TEST_DATABASE_URL)' : ''}`);
console.log(summary);
process.exit(run.status === 0 && !summary.includes(' 1 failed (no') ? 0 : (run.status ?? 1));
