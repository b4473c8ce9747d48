#!/usr/bin/env node
/**
 * `npm test`: every check this package has, in order, continuing after a failure so the summary is complete.
 *
 *   step       what runs                                                         counts as
 *   chromium   node scripts/ensure-chromium.mjs                                  1 check
 *   lint       eslint .                                                          1 check
 *   typecheck  tsc on tsconfig.json, then on demo/tsconfig.json                  1 check
 *   test       vitest run (every project), counted from its JSON reporter        1 per test
 *   build      npm run build, then: every dist entry and its .d.ts exists        2 checks
 *   size       size-limit (.size-limit.json); a failed build fails it unrun      1 check
 *
 * The last line printed is exactly `N passed, N failed` (CI reads it). Exit code 1 when anything failed or
 * nothing passed.
 *
 * Local shortcut, never used in CI: `CHECK_SKIP=size,build npm test` skips the named steps (names from the
 * table above). Skipped steps count neither as passed nor as failed. With `build` skipped, `size` measures
 * whatever `dist/` already holds.
 *
 * Plain JS because Node 20 cannot run `.ts`. Tools run from node_modules/.bin with `shell: false`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const bin = (name) => join(root, 'node_modules', '.bin', name);

const STEPS = ['chromium', 'lint', 'typecheck', 'test', 'build', 'size'];
const skip = new Set(
  (process.env.CHECK_SKIP ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
for (const name of skip) {
  if (!STEPS.includes(name)) {
    console.error(`check: unknown step "${name}" in CHECK_SKIP (known: ${STEPS.join(', ')})`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

/** Files `npm run build` must produce: the five entries of package.json#exports and their declarations. */
const DIST_FILES = [
  'dist/index.js',
  'dist/core.js',
  'dist/server.js',
  'dist/testing.js',
  'dist/testing-node.js',
  'dist/element.js',
  'dist/harness-connect.element.js',
  'dist/index.d.ts',
  'dist/core/index.d.ts',
  'dist/server/index.d.ts',
  'dist/testing/index.d.ts',
  'dist/testing/node.d.ts',
  'dist/element/index.d.ts',
];

/** Every file a built module loads through static `import … from './…'`, itself included (dynamic import() left out). */
function staticImportsOf(file, seen = new Set()) {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, specifier] of code.matchAll(/^import\s[^;]*?from\s*["'](\.[^"']+)["']/gm)) {
    staticImportsOf(resolve(dirname(file), specifier), seen);
  }
  return seen;
}

let passed = 0;
let failed = 0;
/** One line per step, repeated just before the final count. */
const lines = [];

function report(ok, label) {
  const line = `${ok ? '✔' : '✘'} ${label}`;
  lines.push(line);
  console.log(`\n${line}\n`);
}

function header(text) {
  console.log(`\n── ${text} ${'─'.repeat(Math.max(0, 72 - text.length))}`);
}

/** Runs a command with inherited stdio; true when it exits 0. */
function run(command, args, options = {}) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false, cwd: root, ...options });
  if (result.error) {
    console.error(`check: could not run ${command}: ${result.error.message}`);
    return false;
  }
  if (result.signal) console.error(`check: ${command} was killed by ${result.signal}`);
  return result.status === 0;
}

function seconds(start) {
  return `${((Date.now() - start) / 1000).toFixed(1)}s`;
}

/** A step that is one check: passes when `fn` returns true. */
function check(name, label, fn) {
  if (skip.has(name)) {
    lines.push(`- ${label} (skipped by CHECK_SKIP)`);
    console.log(`\n- ${label} (skipped by CHECK_SKIP)`);
    return 'skipped';
  }
  header(label);
  const start = Date.now();
  let ok = false;
  try {
    ok = fn();
  } catch (error) {
    console.error(error);
  }
  if (ok) passed += 1;
  else failed += 1;
  report(ok, `${label} (${seconds(start)})`);
  return ok ? 'passed' : 'failed';
}

check('chromium', 'chromium', () => run(process.execPath, [join(root, 'scripts', 'ensure-chromium.mjs')]));

check('lint', 'lint', () => run(bin('eslint'), ['.']));

check(
  'typecheck',
  'typecheck',
  () => run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']) && run(bin('tsc'), ['-p', 'demo/tsconfig.json', '--noEmit']),
);

/** Passed and failed test counts from Vitest's JSON report; a missing or unreadable report is one failure. */
function readVitestCounts(jsonFile) {
  if (!existsSync(jsonFile)) return { passed: 0, failed: 1, note: '; no JSON report' };
  try {
    const results = JSON.parse(readFileSync(jsonFile, 'utf8'));
    return { passed: Number(results.numPassedTests) || 0, failed: Number(results.numFailedTests) || 0, note: '' };
  } catch (error) {
    return { passed: 0, failed: 1, note: `; unreadable JSON report: ${error.message}` };
  }
}

if (skip.has('test')) {
  lines.push('- test (skipped by CHECK_SKIP)');
  console.log('\n- test (skipped by CHECK_SKIP)');
} else {
  header('test');
  const start = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'harness-connect-vitest-'));
  const jsonFile = join(dir, 'results.json');
  const ok = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`]);
  const counts = readVitestCounts(jsonFile);
  const testsPassed = counts.passed;
  let testsFailed = counts.failed;
  let note = counts.note;
  if (!ok && testsFailed === 0) {
    // A failed suite (import error, unhandled error, no test files …) that no test result accounts for.
    testsFailed = 1;
    note += '; vitest failed outside any test';
  }
  if (ok && testsPassed + testsFailed === 0) {
    testsFailed = 1;
    note += '; no tests ran';
  }
  rmSync(dir, { recursive: true, force: true });
  passed += testsPassed;
  failed += testsFailed;
  report(ok && testsFailed === 0, `test: ${testsPassed} passed, ${testsFailed} failed${note} (${seconds(start)})`);
}

const build = check('build', 'build', () => {
  // Start from an empty dist/ so a build that fails early cannot leave the previous one to pass the next check.
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  return run('npm', ['run', 'build']);
});

if (build !== 'skipped') {
  check('build', 'dist entries and declarations', () => {
    const missing = DIST_FILES.filter((file) => !existsSync(join(root, file)));
    for (const file of missing) console.error(`missing: ${file}`);
    if (missing.length === 0) console.log(`all ${DIST_FILES.length} present: ${DIST_FILES.join(', ')}`);
    // The browser-side verifier is loaded with import() only when a host gives no `connect`: no file the
    // widget entry loads up front may import its chunk, or a host's bundler would ship it with the widget.
    const upFront = staticImportsOf(join(root, 'dist/index.js'));
    const eagerVerifier = [...upFront].filter((file) => /[\\/]chunks[\\/]verify-[\w-]+\.js$/.test(file));
    for (const file of eagerVerifier) console.error(`dist/index.js loads the verifier up front through ${file}`);
    // Next.js and other RSC hosts need the widget entry marked as client code.
    const clientMarked = existsSync(join(root, 'dist/index.js')) && /^["']use client["'];/.test(readFileSync(join(root, 'dist/index.js'), 'utf8'));
    if (!clientMarked) console.error("dist/index.js does not start with 'use client'");
    return missing.length === 0 && clientMarked && eagerVerifier.length === 0;
  });
}

if (build === 'failed' && !skip.has('size')) {
  failed += 1;
  report(false, 'size (not run: the build failed)');
} else {
  check('size', 'size', () => run(bin('size-limit'), []));
}

console.log(`\n${'─'.repeat(76)}`);
for (const line of lines) console.log(line);
if (passed === 0 && failed === 0) console.log('nothing ran: counted as a failure');
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
