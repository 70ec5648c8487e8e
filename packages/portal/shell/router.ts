import { ref } from 'vue';
import { createRouter, createWebHistory, type Router } from 'vue-router';
import { allowedApps, appForPath, PORTAL_APPS } from './apps.js';
import type { Session } from './composables/useSession.js';
import type { RemoteLoader } from './composables/remote-loader.js';
import SignInPage from './components/SignInPage.vue';

/** Whether a navigation is waiting for a microfrontend's code. */
export const loadingRemote = ref(false);

export function createShellRouter(session: Session, remotes: RemoteLoader): Router {
  const router = createRouter({
    history: createWebHistory('/'),
    routes: [
      { path: '/sign-in', name: 'sign-in', component: SignInPage, meta: { public: true } },
      // Signed out too, and loaded only when visited: the first page's download stays small.
      {
        path: '/invitation/:token',
        name: 'invitation',
        component: () => import('./components/account/AcceptInvitationPage.vue'),
        meta: { public: true },
      },
      {
        path: '/forgot-password',
        name: 'forgot-password',
        component: () => import('./components/account/ForgotPasswordPage.vue'),
        meta: { public: true },
      },
      {
        path: '/reset-password/:token',
        name: 'reset-password',
        component: () => import('./components/account/ResetPasswordPage.vue'),
        meta: { public: true },
      },
      {
        path: '/',
        name: 'layout',
        component: () => import('./components/SignedInArea.vue'),
        children: [
          { path: '', name: 'home', component: () => import('./components/NotFoundPage.vue') },
          // Until its code is loaded (or when it failed) a microfrontend's paths land here.
          ...PORTAL_APPS.map((app) => ({
            path: `${app.path.slice(1)}/:rest(.*)*`,
            name: `${app.name}-area`,
            component: () => import('./components/RemoteArea.vue'),
            meta: { app: app.name },
          })),
          { path: ':rest(.*)*', name: 'not-found', component: () => import('./components/NotFoundPage.vue') },
        ],
      },
    ],
  });

  let sessionLoaded: Promise<void> | null = null;
  router.beforeEach(async (to) => {
    sessionLoaded ??= session.load().catch(() => undefined);
    await sessionLoaded;
    if (!to.meta.public && !session.person) return { name: 'sign-in', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    if (to.name === 'sign-in' && session.person) return '/';
    const apps = allowedApps(session.roles);
    if (to.name === 'home') return apps[0]?.path ?? '/me';
    const app = appForPath(to.path);
    if (!app) return true;
    if (!apps.includes(app)) return '/';
    if (remotes.state(app.name) === 'idle' || remotes.state(app.name) === 'loading') {
      loadingRemote.value = true;
      const module = await remotes.load(app.name).finally(() => (loadingRemote.value = false));
      if (module) {
        router.addRoute('layout', { path: app.path.slice(1), children: module.routes, meta: { app: app.name } });
        return to.fullPath; // resolve again, now against the microfrontend's own routes
      }
    }
    return true;
  });
  return router;
}
