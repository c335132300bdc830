// Runs Node's own test runner over `<dir>/**/*.test.ts` (TypeScript through tsx). Prints the spec
// report, then `node:<dir>: N passed, N failed`; writes counts to NODE_SUMMARY_FILE when set.
// Server tests get a real, throwaway redis-server on a free loopback port (SWK_TEST_REDIS_URL).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedis } from './redis.mjs';

/** Runs the test process without blocking this one, so that a Ctrl-C still stops Redis here. */
function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.once('exit', (status, signal) => resolve({ status: status ?? (signal ? 1 : 0) }));
  });
}

const dir = process.argv[2] ?? 'server';
const only = process.argv.slice(3);

function find(folder) {
  let out = [];
  let entries;
  try {
    entries = readdirSync(folder);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === 'node_modules') continue;
    const path = join(folder, name);
    if (statSync(path).isDirectory()) out = out.concat(find(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out.sort();
}

const files = only.length ? only : find(dir);
if (files.length === 0) {
  console.log(`node:${dir}: no test files`);
  if (process.env.NODE_SUMMARY_FILE) writeFileSync(process.env.NODE_SUMMARY_FILE, JSON.stringify({ passed: 0, failed: 0 }));
  process.exit(0);
}
const tap = join(mkdtempSync(join(tmpdir(), 'swk-node-')), 'report.tap');
const redis = dir === 'server' && !process.env.SWK_TEST_REDIS_URL ? await startRedis() : undefined;
const stopRedis = () => redis && process.kill(redis.pid, 'SIGKILL');
process.once('SIGINT', () => (stopRedis(), process.exit(130)));
process.once('SIGTERM', () => (stopRedis(), process.exit(143)));
const result = await run(
  process.execPath,
  [
    '--import', 'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ],
  { ...process.env, ...(redis && { SWK_TEST_REDIS_URL: redis.url }) },
);
await redis?.stop();
let passed;
let failed;
try {
  const text = readFileSync(tap, 'utf8');
  passed = Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
  failed = Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0);
} catch {
  passed = 0;
  failed = 1;
}
if (result.status !== 0 && failed === 0) failed = 1;
if (process.env.NODE_SUMMARY_FILE) writeFileSync(process.env.NODE_SUMMARY_FILE, JSON.stringify({ passed, failed }));
console.log(`node:${dir}: ${passed} passed, ${failed} failed`);
process.exit(result.status ?? 1);
