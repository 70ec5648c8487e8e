import { nextTick, reactive } from 'vue';

/** A payload error as every mutation returns it. */
export interface ApiError {
  field?: string | null;
  message: string;
  code: string;
}

/**
 * The errors of a form: one per field and one for the form as a whole. The API's typed errors land on the field they
 * name (its dotted path within `input`), in the chosen language by their code; those naming no field of the form go
 * to the form.
 */
export function useFormErrors<Field extends string>(
  // The component's own translator (with the training texts): a second local useI18n in one component does not work.
  i18n: { t: (key: string) => string; te: (key: string) => boolean },
  fields: readonly Field[],
  options: { aliases?: Record<string, Field> } = {},
) {
  const { t, te } = i18n;
  const errors = reactive({ form: null as string | null, ...Object.fromEntries(fields.map((field) => [field, null])) }) as Record<
    Field | 'form',
    string | null
  >;

  function clear() {
    for (const key of Object.keys(errors)) errors[key as Field] = null;
  }

  function textOf(error: ApiError, path: string, field: Field | null): string {
    // A text for this field and code when there is one; INVALID names the rule this form's own check states in the
    // same words; otherwise the code's text.
    const specific = `errors.specific.${path.replace(/\.\d+\./g, '.')}.${error.code}`;
    if (path && te(specific)) return t(specific);
    if (error.code === 'INVALID' && field && te(`errors.field.${field}`)) return t(`errors.field.${field}`);
    return te(`errors.code.${error.code}`) ? t(`errors.code.${error.code}`) : t('errors.code.UNKNOWN');
  }

  function apply(apiErrors: readonly ApiError[]) {
    for (const error of apiErrors) {
      const path = (error.field ?? '').replace(/^input\./, '');
      const field = (fields as readonly string[]).includes(path) ? (path as Field) : (options.aliases?.[path] ?? null);
      const text = textOf(error, path, field);
      if (field) errors[field] ??= text;
      else errors.form ??= text;
    }
  }

  /** Moves the focus to the first field in error (or the form's message), so it is read out. */
  async function focusFirst(root: HTMLElement | null | undefined) {
    await nextTick();
    root?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]')?.focus();
  }

  const hasErrors = () => Object.values(errors).some((value) => value !== null);

  return { errors, clear, apply, focusFirst, hasErrors };
}
