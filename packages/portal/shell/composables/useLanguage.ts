import { watchEffect } from 'vue';
import { useI18n } from 'vue-i18n';
import { LANGUAGE_STORAGE_KEY, type PortalLanguage } from '@evikomp/portal-shared';

/** The chosen language: the i18n locale, `<html lang>`, and localStorage (remembered before sign-in too). */
export function syncDocumentLanguage(locale: { value: string }): void {
  watchEffect(() => {
    document.documentElement.lang = locale.value;
  });
}

export function useLanguage() {
  const { locale } = useI18n({ useScope: 'global' });
  return {
    locale,
    choose(language: PortalLanguage) {
      locale.value = language;
      try {
        localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
      } catch {
        // Private windows may refuse storage: the choice then lasts for this page.
      }
    },
  };
}
