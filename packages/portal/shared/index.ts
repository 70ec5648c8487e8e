// The shared package's public API: the microfrontends and the shell import only from here.
export { createApolloClient, type ApolloClientOptions } from './apollo/create-apollo-client.js';
export { readAllPages, type ConnectionPage } from './apollo/read-all-pages.js';
export { createPortalI18n, storedLanguage, LANGUAGES, LANGUAGE_STORAGE_KEY, type PortalLanguage } from './i18n/create-i18n.js';
export { sharedMessages } from './i18n/messages.js';
export { createToasts, provideToasts, useToasts, TOASTS_INJECTION_KEY, type Toast, type Toasts } from './composables/useToasts.js';
export { default as FormField } from './components/FormField.vue';
export { default as PortalTable } from './components/PortalTable.vue';
export type { TableColumn, TableSort } from './components/PortalTable.vue';
export { default as LoadingState } from './components/LoadingState.vue';
export { default as EmptyState } from './components/EmptyState.vue';
export { default as ErrorState } from './components/ErrorState.vue';
export { default as ToastRegion } from './components/ToastRegion.vue';
export type { RemoteModule } from './remote-module.js';
export { useForm, type FormOptions, type FormErrors, type PayloadError } from './composables/useForm.js';
export { required, maxLength, email, matches, wholeNumberAtLeast, calendarDate, type FormRule } from './composables/form-rules.js';
export { useDocumentTitle, PRODUCT_TITLE } from './composables/useDocumentTitle.js';
export {
  SWEDISH_TIME_ZONE,
  formatDate,
  formatDateTime,
  formatDateTimeWithSeconds,
  formatTime,
  formatTimeRange,
  todayInSweden,
  swedishYear,
  toSwedishParts,
  fromSwedishParts,
  toSwedishInput,
  fromSwedishInput,
  startOfSwedishDay,
  formatMoment,
  formatLongDate,
  formatLocalDate,
  formatOfferExpiry,
} from './format/swedish-time.js';
export { useListQueryState, type ListState, type ListQueryOptions } from './composables/useListQueryState.js';
export { useFormErrors } from './composables/useFormErrors.js';
export { personOptions, type PickerOption, type PeopleFound } from './components/picker-option.js';
