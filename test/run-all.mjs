// `npm test`: every check in order, quiet on success. Each step's output is
// kept and printed only when the step fails; the run ends with one plain line,
// `N passed, N failed`, counting test cases (lint, build and size count as one
// check each).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * @typedef {{ name: string, command: string, count?: (output: string) => { passed: number, failed: number } | null, when?: () => boolean }} Step
 */

/** node:test's TAP summary. */
const nodeTestCount = (output) => {
  const pass = /^# pass (\d+)/m.exec(output);
  const fail = /^# fail (\d+)/m.exec(output);
  return pass && fail ? { passed: Number(pass[1]), failed: Number(fail[1]) } : null;
};

/** @web/test-runner's summary line: "… 144 passed, 0 failed". The last one is the total. */
const wtrCount = (output) => {
  // It colours the numbers even with FORCE_COLOR=0: strip the escapes first.
  const plain = output.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
  const matches = [...plain.matchAll(/(\d+) passed, (\d+) failed/g)];
  const last = matches.at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : null;
};

/** @type {Step[]} */
export const steps = [
  { name: 'lint and format', command: 'npm run --silent lint' },
  { name: 'build', command: 'npm run --silent build' },
  { name: 'size budgets', command: 'npm run --silent size' },
  { name: 'node tests', command: 'npm run --silent test:node', count: nodeTestCount },
  { name: 'browser tests', command: 'npm run --silent test:browser', count: wtrCount },
  { name: 'end-to-end tests (built dist/)', command: 'npm run --silent test:e2e', count: nodeTestCount },
  // WebKitGTK with its Flite voices and the built-in voice, heard on a PulseAudio null sink:
  // needs test/webkit/setup.sh (which .ci/run always calls), so it runs wherever that was done.
  {
    name: 'WebKit end-to-end (WebKitGTK, built dist/)',
    command: 'npm run --silent test:webkit',
    count: nodeTestCount,
    when: () => existsSync('/usr/bin/WebKitWebDriver'),
  },
  // Real speech-dispatcher voices in Chromium and Firefox: needs test/real-voices/setup.sh
  // (which .ci/run always calls, failing if it cannot), so it runs wherever that set-up was done.
  {
    name: 'real voices (built dist/, Chromium and Firefox)',
    command: 'npm run --silent test:real-voices',
    count: nodeTestCount,
    when: () => existsSync('.real-voices/env'),
  },
];

function run(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(step.command, { shell: true, env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (data) => (output += data));
    child.stderr.on('data', (data) => (output += data));
    child.on('close', (code) => resolve({ code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
  });
}

let passed = 0;
let failed = 0;
const only = process.argv.slice(2);
for (const step of steps) {
  if (only.length > 0 && !only.some((word) => step.name.includes(word))) continue;
  if (step.when && !step.when()) continue;
  const result = await run(step);
  const counted = step.count?.(result.output) ?? null;
  const ok = result.code === 0;
  if (counted) {
    passed += counted.passed;
    failed += counted.failed;
    if (!ok && counted.failed === 0) failed += 1; // the runner itself failed
  } else if (ok) passed += 1;
  else failed += 1;
  if (!ok) {
    process.stdout.write(
      `\n✗ ${step.name} failed (exit ${result.code}, ${result.seconds.toFixed(0)} s):\n${result.output}\n`,
    );
  } else if (process.env.VERBOSE) {
    process.stdout.write(result.output);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
