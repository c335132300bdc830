import { after, before } from 'node:test';
import { startRedis, type RedisProcess } from '../../scripts/redis.mjs';
import type { Backend } from '../app.js';

/**
 * The Redis a test file runs against: the one scripts/node-tests.mjs started (SWK_TEST_REDIS_URL), or
 * a throwaway redis-server of its own when the file runs alone. Backends pushed to `backends` are
 * closed, and a Redis of its own stopped, after the file. Call at the top of a file or `describe`.
 */
export function useTestRedis(): { url: () => string; backends: Backend[] } {
  let own: RedisProcess | undefined;
  let url = '';
  const backends: Backend[] = [];
  before(async () => {
    if (process.env.SWK_TEST_REDIS_URL) {
      url = process.env.SWK_TEST_REDIS_URL;
    } else {
      own = await startRedis();
      url = own.url;
    }
  });
  after(async () => {
    await Promise.all(backends.map((backend) => backend.close()));
    await own?.stop();
  });
  return { url: () => url, backends };
}
