import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '..', 'cli.ts');
/** The environment without anything that would configure the backend (keys, SWK_*, PORT, NODE_ENV). */
const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(STRIPE_|SWK_|PORT$|NODE_ENV$)/.test(name)));

export interface CliRun {
  child: ChildProcess;
  /** Resolves with the port once the CLI says where it listens, or with the exit code if it stops first. */
  ready: Promise<{ port: number } | { code: number | null; stderr: string }>;
}

/** Starts `server/cli.ts` (under tsx) on a free port with `args` and only `env` configuring it. */
export function runCli(args: string[], env: Record<string, string> = {}): CliRun {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', ...args], { env: { ...cleanEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const ready = new Promise<{ port: number } | { code: number | null; stderr: string }>((resolve) => {
    child.stdout!.on('data', (data: Buffer) => {
      stdout += data.toString();
      const port = /on http:\/\/127\.0\.0\.1:(\d+)\/api/.exec(stdout)?.[1];
      if (port) resolve({ port: Number(port) });
    });
    child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
  return { child, ready };
}

export async function stopCli(run: CliRun): Promise<void> {
  if (run.child.exitCode !== null) return;
  const exited = new Promise((done) => run.child.once('exit', done));
  run.child.kill();
  await exited;
}
