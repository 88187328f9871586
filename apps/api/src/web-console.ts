import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build:web` puts the console (vite build, apps/web/vite.config.ts). */
export const DEFAULT_WEB_ROOT = resolve(process.cwd(), 'dist/web');

/** Paths the API owns; every other GET is a page of the single-page console. */
const API_PATHS = /^\/(api|docs|docs-json|health|admin)(?:[/?]|$)/;
/** Files the build emits: flat hashed names under /assets/, a few top-level ones (favicon…). Nothing else is read from disk. */
const ASSET = /^\/assets\/([\w.-]+\.(?:js|css|svg|png|jpg|woff2?|map))$/;
const ROOT_FILE = /^\/([\w-]+\.(?:svg|ico|png|txt|webmanifest))$/;
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.js', '.css', '.svg', '.map', '.txt', '.webmanifest']);

interface Cached {
  mtimeMs: number;
  body: Buffer;
  gzip: Buffer | null;
}

/**
 * Serves the built web console at `/` when `root/index.html` exists: hashed assets under /assets/
 * (immutable, a year; gzip-compressed once and kept in memory), and index.html for every other GET
 * path (the console routes in the browser), never cached. GETs under /api, /docs, /health and /admin
 * that no route matches still get the API's 404 problem. Returns false (API only) when the console
 * has not been built.
 *
 * A handler of its own rather than @fastify/static: that plugin's dependencies are ESM-only
 * CommonJS-required modules that do not load under jest's ESM mode, so the test application (which
 * builds on createApi) could not serve the console at all.
 */
export async function serveWebConsole(app: NestFastifyApplication, root = DEFAULT_WEB_ROOT): Promise<boolean> {
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  const cache = new Map<string, Cached>();

  const load = async (file: string): Promise<Cached | null> => {
    const s = await stat(file).catch(() => null);
    if (!s?.isFile()) return null;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === s.mtimeMs) return hit;
    const body = await readFile(file);
    const entry = { mtimeMs: s.mtimeMs, body, gzip: COMPRESSIBLE.has(extname(file)) && body.length > 1024 ? gzipSync(body, { level: 9 }) : null };
    cache.set(file, entry);
    return entry;
  };

  const send = async (req: FastifyRequest, reply: FastifyReply, file: string, cacheControl: string) => {
    const entry = await load(file);
    if (!entry) return reply.callNotFound();
    void reply.header('Cache-Control', cacheControl).header('Vary', 'Accept-Encoding').type(TYPES[extname(file)] ?? 'application/octet-stream');
    const accepts = String(req.headers['accept-encoding'] ?? '');
    if (entry.gzip && /\bgzip\b/.test(accepts)) return reply.header('Content-Encoding', 'gzip').send(entry.gzip);
    return reply.send(entry.body);
  };

  const page = async (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (API_PATHS.test(path)) return reply.callNotFound();
    const asset = ASSET.exec(path)?.[1];
    if (asset) return send(req, reply, join(root, 'assets', asset), 'public, max-age=31536000, immutable');
    if (path.startsWith('/assets/')) return reply.callNotFound();
    const file = ROOT_FILE.exec(path)?.[1];
    if (file && existsSync(join(root, file))) return send(req, reply, join(root, file), 'public, max-age=3600');
    // Read per request: a rebuilt console (new asset names) is served without a restart.
    const html = await readFile(index, 'utf8');
    return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(html);
  };

  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/', page);
  fastify.get('/*', page);
  return true;
}
