import { nextTick, reactive, ref } from 'vue';
import type { PayloadError } from './useForm.js';

/**
 * For forms that keep their own values (useForm keeps them for you): a form's error per field and for the whole form. The API's errors go on the field their path names (`input.` and
 * list indexes dropped; `aliases` map other paths), in the app's words for `<scope>.<field>.<code>` when it has them,
 * else for the code; the rest go to the form. `i18n` is the component's own `useI18n({ messages })`. Focus moves to the first field in error.
 */
export function useFormErrors<F extends string>(
  i18n: { t: (key: string) => string; te: (key: string) => boolean },
  scope: string,
  fields: readonly F[],
  aliases: Record<string, F> = {},
) {
  const { t, te } = i18n;
  const errors = reactive(Object.fromEntries(fields.map((field) => [field, null]))) as Record<F, string | null>;
  const formError = ref<string | null>(null);

  function clear(): void {
    for (const field of fields) errors[field] = null;
    formError.value = null;
  }

  function fieldOf(path: string | null | undefined): F | null {
    if (!path) return null;
    const name = path.replace(/^input\./, '');
    const candidates = [name, name.split('.')[0]!];
    for (const candidate of candidates) {
      if (aliases[candidate]) return aliases[candidate]!;
      if ((fields as readonly string[]).includes(candidate)) return candidate as F;
    }
    return null;
  }

  function textFor(field: F | null, code: string): string {
    const own = `${scope}.errors.${field ?? 'form'}.${code}`;
    if (te(own)) return t(own);
    return te(`errors.${code}`) ? t(`errors.${code}`) : t('errors.unknown');
  }

  /** Puts the API's payload errors on their fields; true when there were any. */
  function show(problems: readonly PayloadError[]): boolean {
    clear();
    for (const problem of problems) {
      const field = fieldOf(problem.field);
      if (field) errors[field] ??= textFor(field, problem.code);
      else formError.value ??= textFor(null, problem.code);
    }
    if (problems.length) void focusFirst();
    return problems.length > 0;
  }

  /** Moves focus to the first control marked invalid (or the form's error) so that the person hears what is wrong. */
  async function focusFirst(): Promise<void> {
    await nextTick();
    const target = document.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]');
    target?.focus();
  }

  return { errors, formError, clear, show, focusFirst, fieldOf };
}
