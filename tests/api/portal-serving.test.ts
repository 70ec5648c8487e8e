import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '@evikomp/api/testing';
import { DEFAULT_PORTAL_DIR } from '@evikomp/api/portal-static';

// Needs the built portal (the root test command builds it first).
describe('the API serves the built portal', () => {
  let api: TestApi;
  const html = { accept: 'text/html,application/xhtml+xml' };
  beforeAll(async () => {
    api = await startTestApi({ portal: { manifest: '{"remotes": {"training": "https://mf.evikomp.example/training/remoteEntry.js"}}' } });
  });
  afterAll(async () => api?.stop());

  it('serves the shell at / with a strict Content-Security-Policy and no-cache', async () => {
    const response = await fetch(`${api.url}/`, { headers: html });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' https:\/\/mf\.evikomp\.example(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const body = await response.text();
    expect(body).toContain('<div id="app">');
    expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
  });

  it("allows only this response's nonce for injected styles, and gives every response a new one", async () => {
    const nonces = [];
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${api.url}/`, { headers: html });
      const csp = response.headers.get('content-security-policy') ?? '';
      const fromHeader = /style-src 'self' https:\/\/mf\.evikomp\.example 'nonce-([A-Za-z0-9+/=]+)'(;|$)/.exec(csp)?.[1];
      const fromPage = /<meta name="csp-nonce" content="([^"]+)"/.exec(await response.text())?.[1];
      expect(fromHeader).toBeTruthy();
      expect(fromPage).toBe(fromHeader);
      nonces.push(fromHeader);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('answers a deep link with index.html (history mode) but not an API path or a missing file', async () => {
    const deep = await fetch(`${api.url}/directory/organisations?q=kinda`, { headers: html });
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-security-policy')).toBeTruthy();
    expect(await deep.text()).toContain('<div id="app">');
    expect((await fetch(`${api.url}/assets/missing-1234.js`, { headers: html })).status).toBe(404);
    expect((await fetch(`${api.url}/mf/directory/missing.js`)).status).toBe(404);
    expect((await fetch(`${api.url}/no-such-page`, { headers: { accept: 'application/json' } })).status).toBe(404);
  });

  it('lets browsers keep hashed assets for a year and revalidate the remote entries', async () => {
    const asset = readdirSync(join(DEFAULT_PORTAL_DIR, 'shell/dist/assets')).find((name) => name.endsWith('.js'))!;
    const shellAsset = await fetch(`${api.url}/assets/${asset}`);
    expect(shellAsset.status).toBe(200);
    expect(shellAsset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const remoteAsset = readdirSync(join(DEFAULT_PORTAL_DIR, 'directory/dist/assets')).find((name) => name.endsWith('.js'))!;
    expect((await fetch(`${api.url}/mf/directory/assets/${remoteAsset}`)).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
    const entry = await fetch(`${api.url}/mf/directory/remoteEntry.js`);
    expect(entry.status).toBe(200);
    expect(entry.headers.get('cache-control')).toBe('no-cache');
    expect(entry.headers.get('content-type')).toMatch(/javascript/);
  });

  it('serves the manifest, no-cache, with the configured URL replacing the built one', async () => {
    const response = await fetch(`${api.url}/portal-manifest.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const manifest = (await response.json()) as { remotes: Record<string, string> };
    expect(manifest.remotes).toMatchObject({
      directory: '/mf/directory/remoteEntry.js',
      training: 'https://mf.evikomp.example/training/remoteEntry.js',
      networks: '/mf/networks/remoteEntry.js',
      admin: '/mf/admin/remoteEntry.js',
      me: '/mf/me/remoteEntry.js',
    });
  });

  it('keeps /graphql, /healthz and /readyz working as before', async () => {
    const result = await api.graphql<{ organisations: { totalCount: number } }>('{ organisations { totalCount } }');
    expect(result.status).toBe(200);
    expect(result.data?.organisations.totalCount).toBe(1);
    // A browser's GET of /graphql still reaches Apollo (its landing page), never the portal's fallback.
    const get = await fetch(`${api.url}/graphql`, { headers: html });
    expect(get.headers.get('content-security-policy') ?? '').not.toContain("frame-ancestors 'none'");
    expect(await get.text()).not.toContain('<div id="app">');
    expect(await (await fetch(`${api.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${api.url}/calendar/not-a-token.ics`)).headers.get('content-type')).not.toMatch(/text\/html/);
  });
});
