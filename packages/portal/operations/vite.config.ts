import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { portalViteConfig } from '@evikomp/portal-shared/vite';

export default defineConfig(({ command }) =>
  portalViteConfig({ app: 'operations', dir: fileURLToPath(new URL('.', import.meta.url)), command, exposes: { './mount': './mount.ts' } }),
);
