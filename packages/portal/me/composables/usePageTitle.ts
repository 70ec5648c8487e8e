import { watchEffect } from 'vue';

/** The browser tab's title follows the page (and the language): "Mina sidor – Evikomp". */
export function usePageTitle(title: () => string): void {
  watchEffect(() => {
    document.title = `${title()} – Evikomp`;
  });
}
