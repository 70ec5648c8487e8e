import type { RouteRecordRaw } from 'vue-router';

/** What every microfrontend's `mount.ts` exposes to the shell (as `<name>/mount`). */
export interface RemoteModule {
  /** Routes below the microfrontend's path (`/directory/...`); '' is its start page. */
  routes: RouteRecordRaw[];
}
