import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { createBackend } from './app.js';
import { withStaticFiles } from './static-files.js';

describe('--static <dir>: pages beside the backend, on one origin', () => {
  let handle: (request: Request) => Promise<Response>;

  before(() => {
    const parent = mkdtempSync(join(tmpdir(), 'swk-static-'));
    writeFileSync(join(parent, 'secret.txt'), 'outside');
    const dir = join(parent, 'site');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>home</title>');
    writeFileSync(join(dir, 'sub', 'app.js'), 'console.log(1)');
    const backend = createBackend({});
    handle = withStaticFiles(backend.handle, { basePath: backend.basePath, dir, allowedHosts: ['127.0.0.1'] });
  });

  const get = (path: string, init?: RequestInit) => handle(new Request(`http://127.0.0.1${path}`, init));

  it('serves the folder (index.html for a folder) with its content type and nosniff', async () => {
    const home = await get('/');
    assert.equal(home.status, 200);
    assert.equal(home.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(home.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await home.text(), '<!doctype html><title>home</title>');
    const script = await get('/sub/app.js');
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(await script.text(), 'console.log(1)');
    const head = await get('/sub/app.js', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  it('leaves the backend its basePath', async () => {
    const order = await get('/api/climate/orders/climorder_sim_open');
    assert.equal(order.status, 200);
    assert.equal(((await order.json()) as { id: string }).id, 'climorder_sim_open');
  });

  it('never reads outside the folder, and answers a missing file 404', async () => {
    for (const path of ['/%2e%2e/secret.txt', '/sub/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt', '/sub/..%5c..%5csecret.txt', '/%00', '/%E0%A4%A']) {
      const response = await get(path);
      assert.equal(response.status, 404, path);
      assert.doesNotMatch(await response.text(), /outside/, path);
    }
    assert.equal((await get('/nope.html')).status, 404);
  });

  it('refuses other methods and other hosts', async () => {
    const post = await get('/index.html', { method: 'POST', body: 'x' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
    const foreign = await handle(new Request('http://evil.example/index.html'));
    assert.equal(foreign.status, 421);
  });
});
