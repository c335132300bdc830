/**
 * A tiny backend for browser tests of live updates with a REAL EventSource, served by the test
 * runner itself. Each test uses its own channel `/__live/<channel>/…`:
 *   GET  events          the server-sent-events stream (or a 502 while `fail` > 0)
 *   GET  objects/<id>    the channel's current object, as JSON
 *   POST control         { object?, fail?, publish?, cut? }: set the object, answer the next `fail`
 *                        stream requests with 502, publish an event, end every open stream
 *   GET  stats           { requests, open }: stream requests so far and streams open now
 */

/** Milliseconds the stream tells the browser to wait before reconnecting (the SSE `retry:` field). */
const RETRY_MS = 1000;
const MAX_BODY = 64 * 1024;

function readJson(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > MAX_BODY) reject(new Error('body too large'));
    });
    req.on('end', () => {
      try {
        resolve(body ? JSON.parse(body) : {});
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}

export function liveFixture() {
  const channels = new Map();
  const channelFor = (name) => {
    let channel = channels.get(name);
    if (!channel) channels.set(name, (channel = { object: null, fail: 0, requests: 0, nextId: 1, streams: new Set() }));
    return channel;
  };

  return async function liveFixtureMiddleware(ctx, next) {
    const match = /^\/__live\/([\w-]+)\/(events|control|stats|objects\/[\w-]+)$/.exec(ctx.path);
    if (!match) return next();
    const channel = channelFor(match[1]);
    const route = match[2];

    if (route === 'events' && ctx.method === 'GET') {
      channel.requests += 1;
      if (channel.fail > 0) {
        channel.fail -= 1;
        ctx.status = 502;
        ctx.body = 'Bad Gateway';
        return;
      }
      ctx.respond = false;
      const res = ctx.res;
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
      res.write(`retry: ${RETRY_MS}\n\n`);
      channel.streams.add(res);
      ctx.req.on('close', () => channel.streams.delete(res));
      return;
    }

    if (route === 'control' && ctx.method === 'POST') {
      const command = await readJson(ctx.req);
      if ('object' in command) channel.object = command.object;
      if (typeof command.fail === 'number') channel.fail = command.fail;
      if (command.publish) {
        const frame = `id: ${channel.nextId++}\ndata: ${JSON.stringify(command.publish)}\n\n`;
        for (const res of channel.streams) res.write(frame);
      }
      if (command.cut) {
        for (const res of channel.streams) res.end();
        channel.streams.clear();
      }
      ctx.body = { ok: true };
      return;
    }

    if (route === 'stats' && ctx.method === 'GET') {
      ctx.body = { requests: channel.requests, open: channel.streams.size };
      return;
    }

    if (route.startsWith('objects/') && ctx.method === 'GET') {
      if (channel.object === null) {
        ctx.status = 404;
        ctx.body = { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such object' } };
        return;
      }
      ctx.body = channel.object;
      return;
    }

    ctx.status = 405;
  };
}
