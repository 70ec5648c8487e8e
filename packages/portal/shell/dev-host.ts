// Dev only: the shell from source around one microfrontend imported directly (Vite's hot reload works on it); the
// other microfrontends come built from the API's manifest through the federation runtime, sharing this page's modules.
import * as vue from 'vue';
import * as vueRouter from 'vue-router';
import * as vueI18n from 'vue-i18n';
import * as apolloComposable from '@vue/apollo-composable';
import * as apolloCore from '@apollo/client/core';
import { init } from '@module-federation/runtime';
import * as runtimeCore from '@module-federation/runtime/core';
import '@evikomp/portal-shared/styles.css';
import type { RemoteModule } from '@evikomp/portal-shared';
import { startShell } from './start-shell.js';

const singleton = (version: string, lib: unknown) => ({
  version,
  lib: () => lib,
  shareConfig: { singleton: true, requiredVersion: false as const },
});

export async function startDevHost(name: string, mount: () => Promise<RemoteModule>): Promise<void> {
  // The built remotes use the page's federation runtime (experiments.externalRuntime), as the built shell publishes it.
  (globalThis as { _FEDERATION_RUNTIME_CORE?: unknown })._FEDERATION_RUNTIME_CORE ??= runtimeCore;
  init({
    name: 'evikomp_dev_host',
    remotes: [],
    shared: {
      vue: singleton(vue.version, vue),
      'vue-router': singleton('4.6.5', vueRouter),
      'vue-i18n': singleton(vueI18n.VERSION, vueI18n),
      '@vue/apollo-composable': singleton('4.2.2', apolloComposable),
      '@apollo/client/core': singleton('3.14.1', apolloCore),
    },
  });
  await startShell({ localApps: { [name]: mount } });
}
