import { backendErrorResponse } from './http.js';

export type Params = Record<string, string>;
export type RouteHandler = (request: Request, params: Params) => Promise<Response> | Response;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

/** A tiny fetch-style router: `router.add('GET', '/climate/orders/:id', handler)`. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: 'GET' | 'POST', pattern: string, handler: RouteHandler): this {
    this.routes.push({ method, segments: split(pattern), handler });
    return this;
  }

  /** Handles a request whose path is already relative to the router's mount point. */
  async handle(request: Request, path: string): Promise<Response> {
    const parts = split(path);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = match(route.segments, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method !== request.method) continue;
      return route.handler(request, params);
    }
    return pathMatched
      ? backendErrorResponse(405, `Method ${request.method} not allowed`)
      : backendErrorResponse(404, `No route for ${path}`);
  }
}

function split(path: string): string[] {
  return path.split('/').filter(Boolean);
}

function match(pattern: string[], parts: string[]): Params | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Params = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const value = parts[i]!;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(value);
      } catch {
        return undefined;
      }
    } else if (p !== value) {
      return undefined;
    }
  }
  return params;
}
