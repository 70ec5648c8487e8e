type Translate = (key: string) => string;

export interface UserErrorLike {
  field?: string | null;
  code: string;
  message: string;
}

/** A payload error of an action (register, cancel, join) in the reader's language, by its code. */
export function actionErrorText(errors: readonly UserErrorLike[], t: Translate): string {
  const code = errors[0]?.code ?? '';
  return ['FORBIDDEN', 'CONFLICT', 'NOT_FOUND'].includes(code) ? t(`actions.error.${code}`) : t('actions.error.other');
}
