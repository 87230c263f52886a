/**
 * A tiny static server for the built `dist/`, for end-to-end tests. It serves
 * under a sub-path to prove that the build does not assume it lives at `/`,
 * and sends a strict Content-Security-Policy so that any inline script or
 * style in the build shows up as a violation.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

export const STRICT_CSP = [
  "default-src 'self'",
  // wasm-unsafe-eval: a built-in speech engine may compile WebAssembly; it is not script eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
].join('; ');

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
};

export interface StaticServerOptions {
  /** Folder to serve; defaults to `dist` in the working directory. */
  readonly root?: string;
  /** URL path the folder appears under, e.g. `/some/base/`. Defaults to `/`. */
  readonly basePath?: string;
  /** The CSP header; `false` sends none. Defaults to STRICT_CSP. */
  readonly csp?: string | false;
  /** Extra headers on every response, e.g. CORS for a CDN on another origin. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface StaticServer {
  /** Absolute URL of the base path, ending in `/`. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startStaticServer(options: StaticServerOptions = {}): Promise<StaticServer> {
  const root = resolve(options.root ?? 'dist');
  const basePath = normaliseBasePath(options.basePath ?? '/');
  const csp = options.csp ?? STRICT_CSP;

  const server = createServer((request, response) => {
    void (async () => {
      if (csp) response.setHeader('Content-Security-Policy', csp);
      for (const [name, value] of Object.entries(options.headers ?? {})) response.setHeader(name, value);
      response.setHeader('X-Content-Type-Options', 'nosniff');
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);

      if (pathname === basePath.slice(0, -1)) {
        response.writeHead(301, { Location: basePath }).end();
        return;
      }
      if (!pathname.startsWith(basePath) || (request.method !== 'GET' && request.method !== 'HEAD')) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }

      let file = join(root, pathname.slice(basePath.length));
      // Refuse anything that resolves outside the root (`..`, encoded or not).
      if (file !== root && !file.startsWith(root + sep)) {
        response.writeHead(403).end();
        return;
      }
      let info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => undefined);
      }
      if (!info?.isFile()) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      response.writeHead(200, {
        'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-store',
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
    })().catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    // Port 0: the OS picks a free port, so parallel runs never collide.
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

function normaliseBasePath(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
