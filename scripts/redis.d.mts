export interface RedisProcess {
  port: number;
  url: string;
  pid: number;
  stop(options?: { crash?: boolean }): Promise<void>;
}
export function ensureRedisServer(): string;
export function freePort(): Promise<number>;
export function startRedis(options?: { port?: number }): Promise<RedisProcess>;
