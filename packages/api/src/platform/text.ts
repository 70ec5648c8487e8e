import { Extensions } from 'type-graphql';

/**
 * What a text input may hold. Every String and ID input is single-line unless its field says
 * otherwise with `@MultiLineText()` or `@SecretText()`; the rules are applied to every argument of
 * every field by one middleware (`graphql/text-arguments.ts`), so no input can be missed.
 */
export enum TextKind {
  /** Names, titles, e-mail addresses, phone numbers, ids, searches: one line of visible text. */
  SINGLE_LINE = 'singleLine',
  /** Descriptions and messages: line breaks (stored as LF) are allowed, other control characters are not. */
  MULTI_LINE = 'multiLine',
  /** Passwords: compared as typed (no Unicode normalisation); only control characters are refused. */
  SECRET = 'secret',
}

/** The GraphQL field extension that carries a text input's kind. */
export const TEXT_KIND_EXTENSION = 'textKind';

/** Marks a text input that may hold line breaks. */
export function MultiLineText(): PropertyDecorator & MethodDecorator {
  return Extensions({ [TEXT_KIND_EXTENSION]: TextKind.MULTI_LINE });
}

/** Marks a password: not normalised, only control characters refused. */
export function SecretText(): PropertyDecorator & MethodDecorator {
  return Extensions({ [TEXT_KIND_EXTENSION]: TextKind.SECRET });
}

export function textKindOf(extensions: Readonly<Record<string, unknown>> | null | undefined): TextKind {
  const kind = extensions?.[TEXT_KIND_EXTENSION];
  return kind === TextKind.MULTI_LINE || kind === TextKind.SECRET ? kind : TextKind.SINGLE_LINE;
}

// Control characters (C0, DEL, C1 with U+0085), line and paragraph separators, the bidirectional
// embeddings, overrides and isolates (U+202A–202E, U+2066–2069), and lone surrogates (not UTF-8).
/* eslint-disable no-control-regex -- matching control characters is the point */
const NOT_SINGLE_LINE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069\p{Cs}]/u;
const NOT_MULTI_LINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\p{Cs}]/u;
const NOT_SECRET = /[\p{Cc}\p{Cs}]/u;
/* eslint-enable no-control-regex */
/** White space and characters that render as nothing (zero-width spaces and joiners, fillers, blanks). */
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]+$/u;

export const TEXT_MESSAGES = {
  [TextKind.SINGLE_LINE]: 'Must be one line of text: no tabs, line breaks, control characters or text-direction overrides.',
  [TextKind.MULTI_LINE]: 'Must not hold tabs, control characters or text-direction overrides (line breaks are allowed).',
  [TextKind.SECRET]: 'Must not hold control characters.',
  invisible: 'Must hold visible characters.',
} as const;

/**
 * The text as it is stored: trimmed (leading and trailing white space is never meaningful, pasted
 * addresses often carry some), composed to Unicode NFC (so that "å" typed as a + ring is the same
 * "å"), and with CR LF and CR turned into LF in multi-line texts. Passwords are only trimmed.
 */
export function normaliseText(value: string, kind: TextKind): string {
  const trimmed = value.trim();
  if (kind === TextKind.SECRET) return trimmed;
  const composed = trimmed.normalize('NFC');
  return kind === TextKind.MULTI_LINE ? composed.replace(/\r\n?/g, '\n') : composed;
}

/** Why a normalised text is refused, or null when it is fine. An empty text is left to the field's own rules. */
export function textProblem(value: string, kind: TextKind): string | null {
  const pattern = kind === TextKind.SINGLE_LINE ? NOT_SINGLE_LINE : kind === TextKind.MULTI_LINE ? NOT_MULTI_LINE : NOT_SECRET;
  if (pattern.test(value)) return TEXT_MESSAGES[kind];
  if (kind !== TextKind.SECRET && INVISIBLE_ONLY.test(value)) return TEXT_MESSAGES.invisible;
  return null;
}
