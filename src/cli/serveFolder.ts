import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
};

export interface ServedFolder {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/**
 * Serves a folder of static files over HTTP on one host and port (loopback by default): GET and HEAD
 * only, `/` as `index.html`, nothing outside the folder (a path that leaves it is 404), no listing.
 * A content security policy that allows only the page's own script keeps the playground honest about
 * what the core needs (no eval, nothing fetched from elsewhere).
 */
export function serveFolder(folder: string, options: { readonly host?: string; readonly port?: number } = {}): Promise<ServedFolder> {
  const root = resolve(folder);
  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const file = resolve(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if ((file !== root && !file.startsWith(root + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; worker-src 'self'",
      'x-content-type-options': 'nosniff',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      const host = options.host ?? '127.0.0.1';
      resolvePromise({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
        server,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
