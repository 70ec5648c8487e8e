import { getCurrentInstance } from 'vue';
import PrimeVue from 'primevue/config';

/**
 * PrimeVue's components read `$primevue` from the app. The shell does not install it, so that PrimeVue stays out of
 * its first page: the first shared component that needs it installs it, unstyled (the portal's stylesheet styles it).
 * Known gap: PrimeVue still injects its small "base" <style> once; the CSP blocks it, and portal.css has its rules.
 */
export function usePrimeVue(): void {
  const app = getCurrentInstance()?.appContext.app;
  if (app && !app.config.globalProperties.$primevue) app.use(PrimeVue, { unstyled: true, theme: 'none' });
}
