import { watchEffect, type MaybeRefOrGetter, toValue } from 'vue';

/** The browser tab's title follows the page's heading (WCAG 2.4.2). */
export function usePageTitle(title: MaybeRefOrGetter<string | null | undefined>): void {
  watchEffect(() => {
    const text = toValue(title);
    if (text) document.title = `${text} – Evikomp`;
  });
}
