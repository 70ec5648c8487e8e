import { createApp } from 'vue';
import { DefaultApolloClient } from '@vue/apollo-composable';
import {
  createApolloClient,
  createPortalI18n,
  createToasts,
  storedLanguage,
  TOASTS_INJECTION_KEY,
  type RemoteModule,
} from '@evikomp/portal-shared';
import ShellApp from './components/ShellApp.vue';
import { shellMessages } from './i18n/messages.js';
import { createRemoteLoader } from './composables/remote-loader.js';
import { createSession, installSession } from './composables/useSession.js';
import { createShellRouter } from './router.js';

export interface ShellOptions {
  /** Microfrontends taken from source instead of the manifest (the dev host of one microfrontend). */
  localApps?: Partial<Record<string, () => Promise<RemoteModule>>>;
}

/** The one place that touches globals: builds the app, its i18n, Apollo client, session and router, and mounts it. */
export async function startShell(options: ShellOptions = {}): Promise<void> {
  const i18n = createPortalI18n({ language: storedLanguage(), messages: shellMessages });
  // Typed loosely on purpose: vue-i18n's message-schema inference is too deep for this many texts.
  const t = (key: string) => (i18n.global as unknown as { t: (key: string) => string }).t(key);
  const toasts = createToasts();
  let session: ReturnType<typeof createSession> | undefined;
  const client = createApolloClient({
    onUnexpectedError: (error) => toasts.show('error', error.kind === 'network' ? t('errors.network') : t('errors.unexpected')),
    onSignedOut: () => {
      if (!session?.person) return;
      session.expire();
      toasts.show('info', t('session.expired'));
      // Back to where they were once signed in again (the sign-in page follows `redirect`).
      const here = router.currentRoute.value;
      void router.push({ name: 'sign-in', query: here.meta.public || here.fullPath === '/' ? {} : { redirect: here.fullPath } });
    },
  });
  session = createSession(client);
  const remotes = await createRemoteLoader({
    local: options.localApps ?? {},
    onFailure: (name, error) => console.error(`microfrontend ${name} could not be loaded`, error),
  });
  const router = createShellRouter(session, remotes);

  const app = createApp(ShellApp);
  app.use(i18n);
  app.provide(DefaultApolloClient, client);
  app.provide(TOASTS_INJECTION_KEY, toasts);
  app.provide('evikomp:remotes', remotes);
  installSession(app, session);
  app.config.errorHandler = (error) => {
    console.error(error);
    toasts.show('error', t('errors.unexpected'));
  };
  // The router last: its first navigation (a deep link) already sees every route.
  app.use(router);
  await router.isReady();
  app.mount('#app');
}
