import { backendErrorResponse } from './http.js';

export type Params = Record<string, string>;
export type RouteHandler = (request: Request, params: Params) => Promise<Response> | Response;
/**
 * Runs once a route matched, before its handler: returns the request to hand on (maybe with its body
 * already read and capped) or the response to send instead. `pattern` is the route's, e.g. `/webhooks`.
 */
export type RouteGuard = (request: Request, pattern: string) => Promise<Request | Response> | Request | Response;

interface Route {
  method: 'GET' | 'POST';
  pattern: string;
  segments: string[];
  handler: RouteHandler;
}

/**
 * A tiny fetch-style router: `router.add('GET', '/climate/orders/:id', handler)`. `HEAD` runs the GET
 * route and drops the body; `OPTIONS` answers 204 with `Allow`; another method on a known path is a
 * 405 with `Allow`.
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: 'GET' | 'POST', pattern: string, handler: RouteHandler): this {
    this.routes.push({ method, pattern, segments: split(pattern), handler });
    return this;
  }

  /** Handles a request whose path is already relative to the router's mount point. */
  async handle(request: Request, path: string, guard?: RouteGuard): Promise<Response> {
    const parts = split(path);
    const matches = this.routes.flatMap((route) => {
      const params = match(route.segments, parts);
      return params ? [{ route, params }] : [];
    });
    if (matches.length === 0) return backendErrorResponse(404, 'No such route');
    const methods = new Set(matches.map(({ route }) => route.method));
    const allow = [...(methods.has('GET') ? ['GET', 'HEAD'] : []), ...(methods.has('POST') ? ['POST'] : []), 'OPTIONS'].join(', ');
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: { Allow: allow } });
    const wanted = request.method === 'HEAD' ? 'GET' : request.method;
    const found = matches.find(({ route }) => route.method === wanted);
    if (!found) return backendErrorResponse(405, 'Method not allowed', { Allow: allow });
    const guarded = guard ? await guard(request, found.route.pattern) : request;
    if (guarded instanceof Response) return guarded;
    const response = await found.route.handler(guarded, found.params);
    return request.method === 'HEAD' ? withoutBody(response) : response;
  }
}

/** A HEAD answer: the GET's status and headers; its body (an event stream too) is canceled unread. */
function withoutBody(response: Response): Response {
  void response.body?.cancel().catch(() => {});
  return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
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
