import { ref, watch, watchEffect } from 'vue';
import { useI18n } from 'vue-i18n';
import { useApolloClient } from '@vue/apollo-composable';
import { LANGUAGE_STORAGE_KEY, type PortalLanguage } from '@evikomp/portal-shared';
import { LanguageSaveDocument } from '../gql/graphql.js';
import { useSession, type Session } from './useSession.js';

/** A choice made before signing in on this page: signing in then keeps it (and saves it on the person). */
const chosenBeforeSignIn = ref<PortalLanguage | null>(null);

function remember(language: PortalLanguage): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private windows may refuse storage: the choice then lasts for this page.
  }
}

/** The chosen language: the i18n locale, `<html lang>`, and localStorage (remembered before sign-in too). */
export function syncDocumentLanguage(locale: { value: string }): void {
  watchEffect(() => {
    document.documentElement.lang = locale.value;
  });
}

/**
 * The language is kept on the person (where e-mails take theirs from): once someone is signed in, the portal speaks
 * theirs, unless they chose one on the sign-in page just before, which is then saved on them.
 */
export function syncLanguageWithPerson(
  session: Session,
  locale: { value: string },
  save: (personId: string, language: PortalLanguage) => unknown,
) {
  watch(
    () => session.person,
    (person) => {
      if (!person) return;
      const theirs: PortalLanguage = person.language === 'EN' ? 'en' : 'sv';
      const chosen = chosenBeforeSignIn.value;
      chosenBeforeSignIn.value = null;
      if (chosen && chosen !== theirs) {
        void save(person.id, chosen);
        return;
      }
      locale.value = theirs;
      remember(theirs);
    },
    { immediate: true },
  );
}

export function useLanguage() {
  const { locale } = useI18n({ useScope: 'global' });
  const session = useSession();
  const { resolveClient } = useApolloClient();
  const save = (personId: string, language: PortalLanguage) =>
    resolveClient().mutate({
      mutation: LanguageSaveDocument,
      variables: { input: { id: personId, language: language === 'en' ? 'EN' : 'SV' } },
    });
  return {
    locale,
    save,
    choose(language: PortalLanguage) {
      locale.value = language;
      remember(language);
      if (session.person) void save(session.person.id, language);
      else chosenBeforeSignIn.value = language;
    },
  };
}
