// Starts throwaway redis-server processes for the tests and the stress run: loopback only, no
// persistence, stopped by PID. Installs Debian's redis-server package when it is missing (as root).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

function onPath(name) {
  const result = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** The redis-server binary, installing Debian's package when possible; throws with instructions otherwise. */
export function ensureRedisServer() {
  const found = process.env.REDIS_SERVER_PATH ?? (existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : onPath('redis-server'));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (onPath('apt-get') && isRoot) {
    console.log("redis-server not found: installing Debian's redis-server package (apt-get install -y redis-server)…");
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const installed = onPath('redis-server');
    if (installed) return installed;
  }
  throw new Error('redis-server not found. Install it (Debian/Ubuntu: `sudo apt-get install redis-server`) or set REDIS_SERVER_PATH.');
}

/** A loopback port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `redis-server --port <port> --bind 127.0.0.1 --save '' --appendonly no` and resolves once it
 * accepts connections. `stop()` kills it by PID (SIGKILL with `{ crash: true }`, as an outage would).
 */
export async function startRedis({ port } = {}) {
  const binary = ensureRedisServer();
  const chosen = port ?? (await freePort());
  const child = spawn(binary, ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start on ${chosen}: ${output}`)), 10_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}) on ${chosen}: ${output}`));
    });
  });
  child.stdout.resume();
  child.stderr.resume();
  return {
    port: chosen,
    url: `redis://127.0.0.1:${chosen}`,
    pid: child.pid,
    async stop({ crash = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, crash ? 'SIGKILL' : 'SIGTERM');
      await exited;
    },
  };
}
