import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The compiler options a user's strict TypeScript project has; each test adds what its project differs in. */
const STRICT = { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2023', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, skipLibCheck: true, types: [] as string[] };

/**
 * Writes `<dir>/<name>` (a tsconfig with `STRICT` under `compilerOptions` and `project`'s files or include)
 * and runs this repository's tsc on it: the result's status is 0 when everything type-checks.
 */
export function typeCheck(dir: string, name: string, compilerOptions: Record<string, unknown>, project: { files?: string[]; include?: string[] }): SpawnSyncReturns<string> {
  writeFileSync(join(dir, name), JSON.stringify({ compilerOptions: { ...STRICT, ...compilerOptions }, ...project }));
  return spawnSync(process.execPath, [resolve(import.meta.dirname, '../../node_modules/typescript/bin/tsc'), '-p', join(dir, name)], { encoding: 'utf8' });
}
