import { createI18n } from 'vue-i18n';
import { sharedMessages } from './messages.js';

export const LANGUAGES = ['sv', 'en'] as const;
export type PortalLanguage = (typeof LANGUAGES)[number];

/** Remembered before sign-in too, so the sign-in page already speaks the chosen language. */
export const LANGUAGE_STORAGE_KEY = 'evikomp.language';

export function storedLanguage(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): PortalLanguage {
  const value = storage?.getItem(LANGUAGE_STORAGE_KEY);
  return value === 'en' ? 'en' : 'sv';
}

type Messages = Record<PortalLanguage, Record<string, unknown>>;

/** The portal's one i18n instance (Composition API); microfrontends add their texts with `useI18n({ messages })`. */
export function createPortalI18n(options: { language?: PortalLanguage; messages?: Messages } = {}) {
  const extra = options.messages ?? { sv: {}, en: {} };
  return createI18n({
    legacy: false,
    locale: options.language ?? 'sv',
    fallbackLocale: 'sv',
    messages: { sv: { ...sharedMessages.sv, ...extra.sv }, en: { ...sharedMessages.en, ...extra.en } } as Record<PortalLanguage, any>,
    missingWarn: false,
    fallbackWarn: false,
  });
}
