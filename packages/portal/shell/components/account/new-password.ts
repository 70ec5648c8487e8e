import { nextTick, reactive } from 'vue';

/** As the API's rule (10 to 256 characters). */
export const PASSWORD_MIN_LENGTH = 10;

export interface FormProblem {
  field?: string | null;
  code: string;
  message: string;
}

/** The state of a form that chooses a new password: the values, an error per field and one for the form. */
export function useNewPasswordForm(t: (key: string, values?: Record<string, unknown>) => string) {
  const values = reactive({ password: '', confirm: '' });
  const errors = reactive<{ password: string | null; confirm: string | null; form: string | null }>({
    password: null,
    confirm: null,
    form: null,
  });

  function validate(): boolean {
    errors.form = null;
    errors.password = !values.password
      ? t('password.required')
      : values.password.length < PASSWORD_MIN_LENGTH
        ? t('password.tooShort', { min: PASSWORD_MIN_LENGTH })
        : null;
    errors.confirm = !errors.password && values.confirm !== values.password ? t('password.mismatch') : null;
    return !errors.password && !errors.confirm;
  }

  /** Puts each of the API's errors on its field (the password field answers to `passwordField`), the rest on the form. */
  function show(problems: FormProblem[], passwordField: string, formMessage: (problem: FormProblem) => string): void {
    for (const problem of problems) {
      const field = problem.field?.replace(/^input\./, '');
      if (field === passwordField) errors.password = problem.message;
      else errors.form = formMessage(problem);
    }
  }

  async function focusFirstError(form: HTMLElement | undefined): Promise<void> {
    await nextTick();
    form?.querySelector<HTMLElement>('[aria-invalid="true"], .ek-form-error')?.focus();
  }

  return { values, errors, validate, show, focusFirstError };
}
