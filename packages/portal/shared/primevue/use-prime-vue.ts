import { getCurrentInstance } from 'vue';
import PrimeVue from 'primevue/config';
import BaseStyle from '@primevue/core/base/style';

/**
 * Unstyled, PrimeVue still injects its "base" rules as a `<style>`, again for every component and directive it mounts
 * (each clears its list of loaded styles). The CSP allows no inline style, so each would be a violation; portal.css
 * carries those rules, so the one place that injects them is turned off. (Extended styles have no css of their own.)
 */
BaseStyle.loadCSS = () => ({});

/**
 * PrimeVue's components read `$primevue` from the app. The shell does not install it, so that PrimeVue stays out of
 * its first page: the first shared component that needs it installs it, unstyled (the portal's stylesheet styles it).
 */
export function usePrimeVue(): void {
  const app = getCurrentInstance()?.appContext.app;
  if (app && !app.config.globalProperties.$primevue) app.use(PrimeVue, { unstyled: true, theme: 'none' });
}
