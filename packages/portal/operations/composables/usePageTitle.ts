import { watchEffect } from 'vue';

/** The browser tab says which page this is (WCAG 2.4.2), in the chosen language. */
export function usePageTitle(title: () => string): void {
  watchEffect(() => {
    document.title = `${title()} – Evikomp`;
  });
}
