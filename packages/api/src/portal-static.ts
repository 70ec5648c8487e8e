import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Request, type Response, type Router } from 'express';

/**
 * Serves the built portal on the API's origin: the shell at `/` (with history-mode fallback), each microfrontend
 * under `/mf/<name>/`, and `/portal-manifest.json`, which tells the shell where every microfrontend's remote entry is.
 */

/** Where each microfrontend's remote entry is; a URL may be relative to the portal's origin or on another origin. */
export interface PortalManifest {
  remotes: Record<string, string>;
}

export interface PortalOptions {
  /** The folder holding `shell/dist` and `<microfrontend>/dist` (packages/portal). */
  dir: string;
  manifest: PortalManifest;
}

/** packages/portal, from src/ (tests) or dist/ (the built API). */
export const DEFAULT_PORTAL_DIR = fileURLToPath(new URL('../../portal', import.meta.url));

const NAME = /^[a-z][a-z0-9-]*$/;
const MAX_AGE_IMMUTABLE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';
/** Paths the API answers itself: never the portal's fallback. */
const API_PATHS = /^\/(graphql|calendar|healthz|readyz|mf|assets)(\/|$)/;

/** The microfrontends built under `dir`, each served at `/mf/<name>/`. */
export function builtMicrofrontends(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => NAME.test(name) && name !== 'shell' && existsSync(join(dir, name, 'dist', 'remoteEntry.js')));
}

/**
 * The manifest from configuration (`PORTAL_MANIFEST`: inline JSON, or the path of a JSON file), else every built
 * microfrontend at its own path. A configured manifest may name only some microfrontends: the others keep theirs.
 */
export function portalManifest(dir: string, setting?: string): PortalManifest {
  const remotes: Record<string, string> = Object.fromEntries(builtMicrofrontends(dir).map((name) => [name, `/mf/${name}/remoteEntry.js`]));
  if (setting) {
    const text = setting.trim().startsWith('{') ? setting : readFileSync(setting, 'utf8');
    const parsed = JSON.parse(text) as { remotes?: unknown };
    if (!parsed.remotes || typeof parsed.remotes !== 'object')
      throw new Error('PORTAL_MANIFEST: expected {"remotes": {"<name>": "<url of remoteEntry.js>"}}');
    for (const [name, url] of Object.entries(parsed.remotes as Record<string, unknown>)) {
      if (!NAME.test(name) || typeof url !== 'string' || !/^(\/|https?:\/\/)/.test(url))
        throw new Error(`PORTAL_MANIFEST: bad entry for "${name}"`);
      remotes[name] = url;
    }
  }
  return { remotes };
}

/**
 * Scripts only from our origin and the manifest's: no inline script, no eval. Styles likewise, plus the <style>
 * elements that carry this response's nonce: the component library (PrimeVue) injects a few small ones at run time and
 * gives them the nonce it reads from the page's `csp-nonce` meta element.
 */
export function contentSecurityPolicy(manifest: PortalManifest, styleNonce?: string): string {
  const origins = [
    ...new Set(
      Object.values(manifest.remotes)
        .filter((url) => /^https?:\/\//.test(url))
        .map((url) => new URL(url).origin),
    ),
  ];
  const self = ["'self'", ...origins].join(' ');
  return [
    "default-src 'self'",
    `script-src ${self}`,
    `style-src ${self}${styleNonce ? ` 'nonce-${styleNonce}'` : ''}`,
    `connect-src ${self}`,
    `font-src ${self}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Vite names built assets by content hash: they never change, so browsers may keep them for a year. */
function cacheHeaders(res: Response, path: string): void {
  res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? MAX_AGE_IMMUTABLE : NO_CACHE);
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

/** Null when the shell is not built (the API then answers `/` with 404, as before the portal). */
export function portalRouter(options: PortalOptions): Router | null {
  const shellDir = join(options.dir, 'shell', 'dist');
  const indexPath = join(shellDir, 'index.html');
  if (!existsSync(indexPath)) return null;
  // Read once: every response gets its own nonce, written into the page's head for the component library.
  const indexHtml = readFileSync(indexPath, 'utf8');
  const manifestBody = JSON.stringify(options.manifest);
  const router = express.Router();

  router.get('/portal-manifest.json', (_req, res) => {
    res.setHeader('Cache-Control', NO_CACHE);
    res.type('application/json').send(manifestBody);
  });

  for (const name of builtMicrofrontends(options.dir)) {
    router.use(
      `/mf/${name}`,
      express.static(join(options.dir, name, 'dist'), { index: false, fallthrough: false, setHeaders: cacheHeaders, dotfiles: 'ignore' }),
    );
  }

  const sendIndex = (_req: Request, res: Response) => {
    const nonce = randomBytes(18).toString('base64');
    res.setHeader('Cache-Control', NO_CACHE);
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(options.manifest, nonce));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.type('html').send(indexHtml.replace('<head>', `<head>\n    <meta name="csp-nonce" content="${nonce}" />`));
  };
  router.get('/', sendIndex);
  router.get('/index.html', sendIndex);
  router.use(express.static(shellDir, { index: false, setHeaders: cacheHeaders, dotfiles: 'ignore' }));

  // History mode: a deep link (a page, not a file or an API path) gets the shell, whose router takes it from there.
  router.use((req, res, next) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      API_PATHS.test(req.path) ||
      !req.accepts('html') ||
      /\.[a-z0-9]+$/i.test(req.path)
    )
      return next();
    if (!(req.headers.accept ?? '').includes('text/html')) return next();
    sendIndex(req, res);
  });
  return router;
}
