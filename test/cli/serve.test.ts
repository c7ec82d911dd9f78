import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveFolder } from '../../src/cli/serveFolder.js';
import { lineOf, linesByPath } from '../../scripts/playground/jsonLines.js';
import { runCli } from './run.js';

/** A raw GET, so a path with ".." reaches the server as written. */
const get = (url: string, path: string) =>
  new Promise<{ status: number; type?: string; csp?: string; body: string }>((resolve, reject) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'], csp: res.headers['content-security-policy'] as string | undefined, body }));
    });
    req.on('error', reject);
    req.end();
  });

describe('serving the playground', () => {
  it('serves the folder with its content types and policy, and nothing outside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serve-'));
    mkdirSync(join(dir, 'site'));
    writeFileSync(join(dir, 'site', 'index.html'), '<!doctype html><p>hi');
    writeFileSync(join(dir, 'site', 'playground.js'), 'export {}');
    writeFileSync(join(dir, 'secret.txt'), 'no');
    const served = await serveFolder(join(dir, 'site'), { port: 0 });
    try {
      const index = await get(served.url, '/');
      expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><p>hi' });
      expect(index.csp).toContain("script-src 'self'");
      expect((await get(served.url, '/playground.js')).type).toBe('text/javascript; charset=utf-8');
      expect((await get(served.url, '/../secret.txt')).status).toBe(404);
      expect((await get(served.url, '/%2e%2e/secret.txt')).status).toBe(404);
      expect((await get(served.url, '/nope.html')).status).toBe(404);
    } finally {
      await served.close();
    }
  });

  it('refuses a folder with no page, and a bad port', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'serve-empty-'));
    const r = await runCli(['serve', '--dir', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no index.html there');
    expect((await runCli(['serve', '--port', 'http'])).stderr).toContain('--port must be a whole number');
  });
});

describe('finding the line of a field', () => {
  const text = '{\n  "id": "x",\n  "events": [\n    { "type": "received",\n      "on": "2023-02-30" }\n  ]\n}';
  it('gives each path the line its value starts on, and the enclosing one for a missing field', () => {
    const lines = linesByPath(text);
    expect(lines.get('id')).toBe(2);
    expect(lines.get('events[0].on')).toBe(5);
    expect(lineOf(lines, 'events[0].on')).toBe(5);
    expect(lineOf(lines, 'events[0].by')).toBe(4);
    expect(lineOf(lines, 'receivedOn')).toBe(1);
    expect(linesByPath('{ not json').size).toBe(0);
  });
});
