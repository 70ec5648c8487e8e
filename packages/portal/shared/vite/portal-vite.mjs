// The one Vite setup of the shell and of every microfrontend: the same shared singletons, build flags and dev proxy.
// Plain JavaScript so that each app's vite.config.ts can import it without bundling the workspace package.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { federation } from '@module-federation/vite';

/**
 * Loaded once for the whole portal (`singleton`). `@vue/apollo-composable` must be one: its client key is a Symbol.
 * `@apollo/client/` with a trailing slash shares every subpath (`/core`, `/link/error`, ...). `graphql` is not shared
 * (it arrives through @apollo/client, and sharing it would defeat tree-shaking).
 */
export const SHARED_SINGLETONS = Object.fromEntries(
  ['vue', 'vue-router', '@apollo/client/', '@vue/apollo-composable', 'vue-i18n'].map((name) => [name, { singleton: true }]),
);

/** Where `vite dev` sends API calls: a running API (`npm start`), or EVIKOMP_API. */
const API = process.env.EVIKOMP_API ?? 'http://localhost:4000';

const DEFINES = {
  __VUE_OPTIONS_API__: 'true', // PrimeVue's components use the options API
  __VUE_PROD_DEVTOOLS__: 'false',
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  __VUE_I18N_FULL_INSTALL__: 'false',
  __VUE_I18N_LEGACY_API__: 'false',
  __INTLIFY_PROD_DEVTOOLS__: 'false',
  __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
};

/**
 * Dev only: every page of a microfrontend's dev server is its `dev.html`, which runs the shell from source with this
 * microfrontend imported directly (hot reload) and the others from the API's manifest.
 */
function devHostPage(dir) {
  return {
    name: 'evikomp-dev-host-page',
    apply: 'serve',
    configureServer(server) {
      return () =>
        server.middlewares.use(async (req, res, next) => {
          const accept = req.headers.accept ?? '';
          if (req.method !== 'GET' || !accept.includes('text/html')) return next();
          const html = await server.transformIndexHtml(req.url ?? '/', readFileSync(join(dir, 'dev.html'), 'utf8'));
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.end(html);
        });
    },
  };
}

/**
 * @param {{ app: string, dir: string, command: 'build' | 'serve', exposes?: Record<string, string> }} options
 *   `app`: "shell" or the microfrontend's name; `dir`: the app's folder; `exposes`: what a remote offers the shell.
 * @returns {import('vite').UserConfig}
 */
export function portalViteConfig({ app, dir, command, exposes }) {
  const isShell = app === 'shell';
  const proxy = Object.fromEntries(
    ['/graphql', '/portal-manifest.json', '/mf/'].map((path) => [path, { target: API, changeOrigin: false }]),
  );
  return {
    root: dir,
    // The shell lives at `/` (deep links need absolute asset URLs); a remote's files find each other relatively, so
    // the manifest can move it to any path or origin without a rebuild.
    base: isShell ? '/' : './',
    cacheDir: join(dir, 'node_modules/.vite'),
    define: DEFINES,
    plugins: [
      vue(),
      // Dev servers run without federation: the dev host imports the microfrontend under work directly.
      ...(command === 'build'
        ? [
            federation({
              name: isShell ? 'shell' : app,
              filename: 'remoteEntry.js',
              manifest: !isShell,
              dts: false,
              ...(isShell ? { remotes: {} } : { exposes }),
              shared: SHARED_SINGLETONS,
              // One federation runtime per page: the shell publishes it, remotes use it (each would bundle ~19 kB gzip otherwise).
              experiments: isShell ? { provideExternalRuntime: true } : { externalRuntime: true },
            }),
          ]
        : [devHostPage(dir)]),
    ],
    server: { proxy, strictPort: false },
    // Found up front, so the first dev load does not re-optimise and reload.
    optimizeDeps: {
      include: [
        'vue',
        'vue-router',
        'vue-i18n',
        '@vue/apollo-composable',
        '@apollo/client/core',
        '@apollo/client/link/error',
        '@module-federation/runtime',
        '@module-federation/runtime/core',
      ],
    },
    build: {
      target: 'esnext',
      outDir: join(dir, 'dist'),
      emptyOutDir: true,
      assetsDir: 'assets',
      sourcemap: false,
      reportCompressedSize: false,
      // A remote has no page of its own: the federation plugin adds remoteEntry.js beside this entry.
      ...(isShell ? {} : { rollupOptions: { input: { mount: join(dir, 'mount.ts') } } }),
    },
  };
}

/** Whether `dir` holds a dev page (microfrontends do). */
export const hasDevPage = (dir) => existsSync(join(dir, 'dev.html'));
