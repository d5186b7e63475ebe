import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import express, { type Request, type Response, type Router } from 'express';

// The web client's files (web/dist), as a browser should get them:
// - compressed: scripts/build-web.mjs writes a brotli (.br) and a gzip (.gz) copy beside every
//   compressible file at build time (the best levels, once, instead of per request); the copy the
//   browser accepts is sent, with Vary: Accept-Encoding;
// - cached: Vite names everything under assets/ by a hash of its content, so those are cached for a
//   year as immutable; index.html and the other unhashed files (favicon) are revalidated on each use
//   (no-cache), so a new release is seen at once.

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
const HASHED_PREFIX = '/assets/';

/** Compressible types by extension (what the build precompresses; images like PNG are already compressed). */
export const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.map', '.wasm', '.ttf']);

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ttf': 'font/ttf',
};

interface Variants {
  br: boolean;
  gz: boolean;
}

function cacheControlFor(urlPath: string): string {
  return urlPath.startsWith(HASHED_PREFIX) ? IMMUTABLE : REVALIDATE;
}

/** Every file of dist that has a precompressed copy, by its URL path ("/assets/index-abc.js"). */
function precompressedFiles(dist: string): Map<string, Variants> {
  const found = new Map<string, Variants>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      if (!COMPRESSIBLE.has(extname(path))) continue;
      const variants = { br: existsSync(`${path}.br`), gz: existsSync(`${path}.gz`) };
      if (variants.br || variants.gz) found.set(`/${relative(dist, path).split(sep).join('/')}`, variants);
    }
  };
  walk(dist);
  return found;
}

/** The encodings the request accepts (q=0 refuses one), per RFC 9110 §12.5.3, for br and gzip only. */
export function acceptedEncodings(header: string | undefined): { br: boolean; gzip: boolean } {
  const accepted = { br: false, gzip: false };
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (!(weight > 0)) continue;
    if (name === 'br') accepted.br = true;
    else if (name === 'gzip' || name === 'x-gzip') accepted.gzip = true;
    else if (name === '*') {
      accepted.br = true;
      accepted.gzip = true;
    }
  }
  return accepted;
}

/**
 * The language of the home page's prerender to send (home.<language>.html, written by
 * scripts/build-web.mjs): the first language of Accept-Language (by weight, then order) in Chinese or
 * English decides, none of either gives Chinese, as the browser's first render chooses from
 * navigator.languages (web/src/i18n browserLanguage), so that the browser can take the markup over.
 */
export function homeLanguage(header: string | undefined): 'zh-CN' | 'en' {
  const ranges = (header ?? '')
    .split(',')
    .map((part, order) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag!.trim(), weight: q ? Number(q.slice(2)) : 1, order };
    })
    .filter((range) => range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { tag } of ranges) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'zh-CN';
}

/**
 * Serves web/dist: compressed copies when accepted, hashed assets immutable, index.html for every app
 * route; at `/`, the home page prerendered in the language the browser asks for when the build made it.
 */
export function webClient(dist: string, isAppRoute: (path: string) => boolean): Router {
  const router = express.Router();
  const compressed = precompressedFiles(dist);
  const indexFile = join(dist, 'index.html');

  /** Sends one file of dist (URL path), compressed if the request accepts a copy that exists. */
  const sendFile = (request: Request, response: Response, urlPath: string, next: (error?: unknown) => void) => {
    const variants = compressed.get(urlPath);
    const file = join(dist, ...urlPath.split('/').filter(Boolean));
    response.setHeader('Cache-Control', cacheControlFor(urlPath));
    let sent = file;
    if (variants) {
      response.append('Vary', 'Accept-Encoding');
      const accepted = acceptedEncodings(request.headers['accept-encoding']);
      const encoding = accepted.br && variants.br ? 'br' : accepted.gzip && variants.gz ? 'gzip' : null;
      if (encoding) {
        sent = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
        response.setHeader('Content-Encoding', encoding);
        response.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
      }
    }
    // send() keeps a Content-Type already set, and answers conditional requests (ETag, Last-Modified).
    response.sendFile(sent, { cacheControl: false, dotfiles: 'deny' }, (error) => {
      if (error) next(error);
    });
  };

  router.use((request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (compressed.has(request.path)) return sendFile(request, response, request.path, next);
    next();
  });
  // Files without a compressed copy (images, small files), with the same cache rules.
  router.use(
    express.static(dist, {
      index: false,
      cacheControl: false,
      setHeaders: (response, path) => {
        const urlPath = `/${relative(dist, path).split(sep).join('/')}`;
        response.setHeader('Cache-Control', cacheControlFor(urlPath));
      },
    }),
  );
  router.get(/.*/, (request, response, next) => {
    // A hashed asset that is not there (an old page asking for a file of a previous release) is a
    // 404, not the app's HTML under a script's name.
    if (request.path.startsWith(HASHED_PREFIX) || !isAppRoute(request.path)) return next();
    if (request.path === '/') {
      const home = `/home.${homeLanguage(request.headers['accept-language'])}.html`;
      if (existsSync(join(dist, home))) {
        response.append('Vary', 'Accept-Language');
        return sendFile(request, response, home, next);
      }
    }
    if (!existsSync(indexFile)) return next();
    sendFile(request, response, '/index.html', next);
  });
  return router;
}

/**
 * The documentation's own policy: its pages are static HTML with one stylesheet and one script from
 * /docs itself, so nothing else may load or run (no inline script, no other origin, no framing).
 */
export const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Serves docs/dist (built by scripts/docs/build-docs.mjs) under /docs, with the web client's rules
 * (compressed copies, revalidated HTML) and a strict CSP; a folder's address serves its index.html.
 */
export function docsSite(dist: string): Router {
  const router = express.Router();
  const files = webClient(dist, () => false);
  router.use((request, response, next) => {
    response.setHeader('Content-Security-Policy', DOCS_CSP);
    // "/docs" → "/docs/", so that the index's relative links resolve inside /docs.
    if (request.originalUrl.split('?')[0] === request.baseUrl) return response.redirect(301, `${request.baseUrl}/`);
    if (request.path.endsWith('/')) request.url = `${request.path}index.html`;
    next();
  });
  router.use(files);
  return router;
}
