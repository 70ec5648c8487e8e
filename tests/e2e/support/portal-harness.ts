import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApi } from '@evikomp/api/testing';
import { startTestSmtpServer, type TestSmtpServer } from '../../support/smtp.js';
import { launchBrowser } from './browser.js';
import { startPortalServer } from './portal-server.js';

export interface PortalHarness {
  /** The real API serving the built portal, on this file's own database with the demo data. */
  readonly api: TestApi;
  /** A fresh browser profile (its own cookies and storage) on a new page. */
  newPage(): Promise<Page>;
  /** Page errors and CSP violations seen on any page so far: a journey ends with `expect(errors).toEqual([])`. */
  readonly errors: string[];
  /** The SMTP server the portal's e-mail goes to (with `usePortal({ smtp: true })`). */
  readonly smtp: TestSmtpServer;
}

/**
 * Starts the portal server and Chromium for the calling test file (beforeAll) and stops them (afterAll).
 * Every journey file calls it once at the top of its `describe`.
 */
export function usePortal(options: { smtp?: boolean } = {}): PortalHarness {
  let api: TestApi | undefined;
  let smtp: TestSmtpServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    smtp = options.smtp ? await startTestSmtpServer() : undefined;
    [api, browser] = await Promise.all([startPortalServer(smtp ? { smtpUrl: smtp.url } : {}), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await smtp?.close();
  });

  return {
    get api() {
      if (!api) throw new Error('usePortal(): the portal server is not started yet (use it inside a test)');
      return api;
    },
    errors,
    get smtp() {
      if (!smtp) throw new Error('usePortal(): no SMTP server (use usePortal({ smtp: true }))');
      return smtp;
    },
    async newPage() {
      if (!browser || !api) throw new Error('usePortal(): the browser is not started yet (use it inside a test)');
      const context = await browser.newContext({ baseURL: api.url });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(`csp: ${message.text()}`);
      });
      return page;
    },
  };
}
