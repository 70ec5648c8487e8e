import { getCurrentInstance } from 'vue';
import PrimeVue from 'primevue/config';

/**
 * PrimeVue's components read `$primevue` from the app. The shell does not install it, so that PrimeVue stays out of
 * its first page: the first shared component that needs it installs it, unstyled (the portal's stylesheet styles it).
 * PrimeVue still injects a few small <style> elements (its base rules, the focus trap's): they carry the nonce the
 * server wrote into the page (`<meta name="csp-nonce">`), which the Content-Security-Policy allows for that response.
 */
export function usePrimeVue(): void {
  const app = getCurrentInstance()?.appContext.app;
  if (!app || app.config.globalProperties.$primevue) return;
  const nonce = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? undefined;
  app.use(PrimeVue, { unstyled: true, theme: 'none', csp: { nonce } });
}
