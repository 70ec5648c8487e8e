import { nextTick, reactive, ref, type Ref, type UnwrapRef } from 'vue';
import { useI18n } from 'vue-i18n';
import type { FormRule, RuleMessage } from './form-rules.js';

/** What every mutation payload carries in `errors { field message code }`. */
export interface PayloadError {
  field?: string | null;
  code: string;
  message: string;
}

export interface FormOptions<T extends Record<string, unknown>> {
  initial: T;
  rules?: { [K in keyof T]?: FormRule<T>[] };
  /** API field paths that belong to another form field than the one of the same name. */
  fields?: Record<string, keyof T & string>;
  /** The form's own text for an API error (e.g. TAKEN on `name`); undefined: the shared text for its code. */
  messageFor?: (error: PayloadError, field: (keyof T & string) | null) => string | undefined;
  /** The page's own `t` (from `useI18n({ messages })`), so rules may name the page's texts; default: the global one. */
  t?: (key: string, params: Record<string, unknown>) => string;
}

export type FormErrors<T> = { [K in keyof T]: string | null };

const KNOWN_CODES = new Set(['INVALID', 'NOT_FOUND', 'TAKEN', 'CONFLICT', 'FORBIDDEN']);

/**
 * A form's values, its errors per field and for the whole form, and the submit that checks the rules first and then
 * puts each of the API's payload errors on the field it names (the rest on the form), moving focus to the first one.
 */
export function useForm<T extends Record<string, unknown>>(options: FormOptions<T>) {
  const global = useI18n();
  const t = (key: string, params: Record<string, unknown> = {}) => (options.t ? options.t(key, params) : global.t(key, params));
  const values = reactive({ ...options.initial }) as UnwrapRef<T>;
  const keys = Object.keys(options.initial) as (keyof T & string)[];
  const errors = reactive(Object.fromEntries(keys.map((key) => [key, null]))) as FormErrors<T>;
  const formError = ref<string | null>(null);
  const submitting = ref(false);
  const formRef: Ref<HTMLFormElement | undefined> = ref();

  const say = (message: RuleMessage | string) => (typeof message === 'string' ? message : t(message.key, message.params ?? {}));

  function clear() {
    for (const key of keys) (errors as Record<string, string | null>)[key] = null;
    formError.value = null;
  }

  /** Runs every rule; true when all pass. */
  function validate(): boolean {
    clear();
    let valid = true;
    for (const key of keys) {
      for (const rule of options.rules?.[key] ?? []) {
        const problem = rule((values as T)[key], values as T);
        if (problem) {
          (errors as Record<string, string | null>)[key] = say(problem);
          valid = false;
          break;
        }
      }
    }
    return valid;
  }

  function fieldOf(path: string | null | undefined): (keyof T & string) | null {
    if (!path) return null;
    const name = path.replace(/^input\./, '');
    const mapped = options.fields?.[name] ?? options.fields?.[name.split('.')[0]!];
    if (mapped) return mapped;
    return keys.includes(name as keyof T & string) ? (name as keyof T & string) : null;
  }

  function textFor(error: PayloadError, field: (keyof T & string) | null): string {
    const own = options.messageFor?.(error, field);
    if (own) return own;
    return t(`form.errors.${KNOWN_CODES.has(error.code) ? error.code : 'unknown'}`);
  }

  /** Shows the API's payload errors: on their field when the form has it, else for the whole form. */
  function showErrors(problems: readonly PayloadError[]): void {
    clear();
    for (const problem of problems) {
      const field = fieldOf(problem.field);
      const message = textFor(problem, field);
      if (field && !(errors as Record<string, string | null>)[field]) (errors as Record<string, string | null>)[field] = message;
      else if (!field) formError.value = formError.value ? `${formError.value} ${message}` : message;
    }
  }

  async function focusFirstError() {
    await nextTick();
    formRef.value?.querySelector<HTMLElement>('[aria-invalid="true"], .ek-form-error')?.focus();
  }

  /** Checks the rules, sends, shows what the API refused; true when it was saved. */
  async function submit(send: (values: T) => Promise<readonly PayloadError[] | null | undefined>): Promise<boolean> {
    if (submitting.value) return false;
    if (!validate()) {
      await focusFirstError();
      return false;
    }
    submitting.value = true;
    try {
      const problems = (await send(values as T)) ?? [];
      if (problems.length === 0) return true;
      showErrors(problems);
      await focusFirstError();
      return false;
    } catch {
      formError.value = t('form.failed');
      await focusFirstError();
      return false;
    } finally {
      submitting.value = false;
    }
  }

  /** Puts new values in (e.g. the record once it has loaded) and clears the errors. */
  function reset(next: Partial<T>) {
    Object.assign(values as T, next);
    clear();
  }

  return { values, errors, formError, submitting, formRef, validate, showErrors, submit, reset };
}
