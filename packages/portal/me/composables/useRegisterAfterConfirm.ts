import { computed, ref, type Ref } from 'vue';
import { useToasts } from '@evikomp/portal-shared';
import { registrationStateText, type RegistrationState } from './registration-state.js';
import { actionErrorText, type UserErrorLike } from './user-errors.js';

/**
 * Registering in two clicks: the button chooses what (`chosen`), the confirming dialog's "Anmäl" sends `send(chosen)`.
 * A refusal is kept in `problem` (shown as an alert), a registration is a toast with its state in words; then
 * `refresh` (every section of the page). `i18n` is the component's own `useI18n({ messages })`.
 */
export function useRegisterAfterConfirm<T extends { id: string; name: string }>(
  i18n: { t: (key: string, values?: Record<string, unknown>) => string; locale: Ref<string> },
  send: (chosen: T) => Promise<{ errors: readonly UserErrorLike[]; registration?: RegistrationState | null } | null | undefined>,
  refresh: () => Promise<unknown>,
) {
  const { t, locale } = i18n;
  const toasts = useToasts();
  const chosen = ref<T | null>(null);
  const busy = ref(false);
  const problem = ref<string | null>(null);
  const dialogVisible = computed({
    get: () => chosen.value !== null,
    set: (open: boolean) => {
      if (!open) chosen.value = null;
    },
  });

  async function register(): Promise<void> {
    const what = chosen.value;
    if (!what) return;
    busy.value = true;
    problem.value = null;
    try {
      const payload = await send(what);
      chosen.value = null;
      if (!payload || payload.errors.length > 0) problem.value = actionErrorText(payload?.errors ?? [], t);
      else if (payload.registration)
        toasts.show('success', t('open.done', { name: what.name, state: registrationStateText(payload.registration, t, locale.value) }));
      await refresh();
    } finally {
      busy.value = false;
    }
  }

  return { chosen, busy, problem, dialogVisible, register };
}
