import { Language } from '../person/person.entity.js';
import { NotificationKind } from './notification.entity.js';
import { SWEDISH_TIME_ZONE } from '../../platform/swedish-time.js';

/** What a message's text is made from. Each kind says which fields it needs (see TEMPLATES). */
export interface NotificationData {
  /** The cohort, meeting or event the message is about. */
  offeringName?: string;
  waitlistPosition?: number;
  /** Until when an offered place can be accepted. */
  offerExpiresAt?: Date;
  firstSessionStartsAt?: Date;
  /** When a network meeting starts. */
  meetingStartsAt?: Date;
  /** Why a registration was cancelled or rejected, in words meant for the person. */
  reason?: string;
  /** The registration the message is about (not shown in the text). */
  registrationId?: string;
  /** The single-use password-reset code, and until when it works. */
  resetToken?: string;
  resetExpiresAt?: Date;
  /** Until when sign-in to a locked account is refused. */
  lockedUntil?: Date;
}

export interface RenderedNotification {
  subject: string;
  body: string;
}

const LOCALES: Record<Language, string> = { [Language.SV]: 'sv-SE', [Language.EN]: 'en-GB' };

/** A moment as people in Sweden read it, e.g. "torsdag 3 december 2026 kl. 09:30". */
export function formatMoment(moment: Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: SWEDISH_TIME_ZONE, dateStyle: 'full', timeStyle: 'short' }).format(moment);
}

function required<K extends keyof NotificationData>(
  data: NotificationData,
  key: K,
  kind: NotificationKind,
): NonNullable<NotificationData[K]> {
  const value = data[key];
  // A programming error in the caller: it fails the caller's transaction rather than sending a broken text.
  if (value === undefined || value === null || value === '') throw new Error(`A ${kind} notification needs data.${key}.`);
  return value as NonNullable<NotificationData[K]>;
}

type Texts = { subject: string; lines: (string | false | undefined)[] };
type Template = (data: NotificationData, kind: NotificationKind) => Record<Language, Texts>;

const at = (moment: Date | undefined, language: Language) => (moment ? formatMoment(moment, language) : undefined);

const TEMPLATES: Record<NotificationKind, Template> = {
  [NotificationKind.REGISTRATION_CONFIRMED]: (data, kind) => {
    const name = required(data, 'offeringName', kind);
    return {
      sv: {
        subject: `Du har fått en plats: ${name}`,
        lines: [
          `Din anmälan till ${name} är bekräftad.`,
          data.firstSessionStartsAt && `Första träffen är ${at(data.firstSessionStartsAt, Language.SV)}.`,
        ],
      },
      en: {
        subject: `Your place is confirmed: ${name}`,
        lines: [
          `Your registration for ${name} is confirmed.`,
          data.firstSessionStartsAt && `The first session is on ${at(data.firstSessionStartsAt, Language.EN)}.`,
        ],
      },
    };
  },
  [NotificationKind.REGISTRATION_WAITLISTED]: (data, kind) => {
    const name = required(data, 'offeringName', kind);
    const position = data.waitlistPosition;
    return {
      sv: {
        subject: `Du står i kö: ${name}`,
        lines: [
          `${name} är fullbokad, så du står i kö${position ? ` som nummer ${position}` : ''}.`,
          'Vi skickar ett meddelande om du får en plats.',
        ],
      },
      en: {
        subject: `You are on the waiting list: ${name}`,
        lines: [
          `${name} is full, so you are on the waiting list${position ? ` at number ${position}` : ''}.`,
          'We will write to you if a place becomes free for you.',
        ],
      },
    };
  },
  [NotificationKind.REGISTRATION_PROMOTED]: (data, kind) => {
    const name = required(data, 'offeringName', kind);
    return {
      sv: {
        subject: `Du har fått en plats från kön: ${name}`,
        lines: [
          `En plats blev ledig och är nu din: din anmälan till ${name} är bekräftad.`,
          data.firstSessionStartsAt && `Första träffen är ${at(data.firstSessionStartsAt, Language.SV)}.`,
        ],
      },
      en: {
        subject: `You have a place from the waiting list: ${name}`,
        lines: [
          `A place became free and is now yours: your registration for ${name} is confirmed.`,
          data.firstSessionStartsAt && `The first session is on ${at(data.firstSessionStartsAt, Language.EN)}.`,
        ],
      },
    };
  },
  [NotificationKind.REGISTRATION_CANCELLED]: (data, kind) => {
    const name = required(data, 'offeringName', kind);
    return {
      sv: { subject: `Avanmäld: ${name}`, lines: [`Din anmälan till ${name} är avbokad.`, data.reason && `Orsak: ${data.reason}`] },
      en: {
        subject: `Registration cancelled: ${name}`,
        lines: [`Your registration for ${name} is cancelled.`, data.reason && `Reason: ${data.reason}`],
      },
    };
  },
  [NotificationKind.OFFER_MADE]: (data, kind) => {
    const name = required(data, 'offeringName', kind);
    const expiresAt = required(data, 'offerExpiresAt', kind);
    return {
      sv: {
        subject: `En plats erbjuds dig: ${name}`,
        lines: [
          `En plats i ${name} har blivit ledig och erbjuds dig.`,
          `Logga in i Evikomp och tacka ja senast ${at(expiresAt, Language.SV)}; annars går platsen vidare.`,
        ],
      },
      en: {
        subject: `A place is offered to you: ${name}`,
        lines: [
          `A place in ${name} has become free and is offered to you.`,
          `Sign in to Evikomp and accept it by ${at(expiresAt, Language.EN)}; otherwise it goes to the next person.`,
        ],
      },
    };
  },
  [NotificationKind.OFFER_LAPSED]: (data, kind) => {
    const name = required(data, 'offeringName', kind);
    return {
      sv: {
        subject: `Erbjudandet har gått ut: ${name}`,
        lines: [`Platsen i ${name} som erbjöds dig har gått vidare, eftersom den inte togs i tid.`],
      },
      en: {
        subject: `The offer has lapsed: ${name}`,
        lines: [`The place in ${name} offered to you has gone to the next person, as it was not accepted in time.`],
      },
    };
  },
  [NotificationKind.APPROVAL_REQUESTED]: (data, kind) => {
    const name = required(data, 'offeringName', kind);
    return {
      sv: {
        subject: `En anmälan väntar på ditt godkännande: ${name}`,
        lines: [`En anmälan till ${name} väntar på ditt godkännande.`, 'Logga in i Evikomp för att godkänna eller avslå den.'],
      },
      en: {
        subject: `A registration awaits your approval: ${name}`,
        lines: [`A registration for ${name} awaits your approval.`, 'Sign in to Evikomp to approve or reject it.'],
      },
    };
  },
  [NotificationKind.REGISTRATION_REJECTED]: (data, kind) => {
    const name = required(data, 'offeringName', kind);
    return {
      sv: {
        subject: `Anmälan inte godkänd: ${name}`,
        lines: [`Din anmälan till ${name} har inte godkänts.`, data.reason && `Orsak: ${data.reason}`],
      },
      en: {
        subject: `Registration not approved: ${name}`,
        lines: [`Your registration for ${name} was not approved.`, data.reason && `Reason: ${data.reason}`],
      },
    };
  },
  [NotificationKind.SESSION_REMINDER]: (data, kind) => {
    const name = required(data, 'offeringName', kind);
    const startsAt = required(data, 'firstSessionStartsAt', kind);
    return {
      sv: {
        subject: `Påminnelse: ${name} börjar snart`,
        lines: [`Välkommen till ${name}!`, `Första träffen är ${at(startsAt, Language.SV)}.`],
      },
      en: {
        subject: `Reminder: ${name} starts soon`,
        lines: [`Welcome to ${name}!`, `The first session is on ${at(startsAt, Language.EN)}.`],
      },
    };
  },
  [NotificationKind.MEETING_REMINDER]: (data, kind) => {
    const name = required(data, 'offeringName', kind);
    const startsAt = required(data, 'meetingStartsAt', kind);
    return {
      sv: { subject: `Påminnelse: nätverksträff ${name}`, lines: [`Välkommen till nätverksträffen ${name} ${at(startsAt, Language.SV)}.`] },
      en: {
        subject: `Reminder: network meeting ${name}`,
        lines: [`Welcome to the network meeting ${name} on ${at(startsAt, Language.EN)}.`],
      },
    };
  },
  [NotificationKind.PASSWORD_RESET]: (data, kind) => {
    const token = required(data, 'resetToken', kind);
    const expiresAt = required(data, 'resetExpiresAt', kind);
    return {
      sv: {
        subject: 'Välj ett nytt lösenord i Evikomp',
        lines: [
          'Någon (förhoppningsvis du) bad om att få välja ett nytt lösenord.',
          `Koden för att välja ett nytt lösenord gäller en gång, till ${at(expiresAt, Language.SV)}:`,
          token,
          'Bad du inte om det? Då kan du bortse från det här meddelandet; ditt lösenord är oförändrat.',
        ],
      },
      en: {
        subject: 'Choose a new password for Evikomp',
        lines: [
          'Someone (hopefully you) asked to choose a new password.',
          `The code to choose a new password works once, until ${at(expiresAt, Language.EN)}:`,
          token,
          'Did you not ask for it? Then ignore this message; your password is unchanged.',
        ],
      },
    };
  },
  [NotificationKind.ACCOUNT_LOCKED]: (data, kind) => {
    const until = required(data, 'lockedUntil', kind);
    return {
      sv: {
        subject: 'Ditt konto i Evikomp är låst en stund',
        lines: [
          'Någon har försökt logga in på ditt konto med fel lösenord många gånger, från flera platser.',
          `För att skydda kontot går det inte att logga in förrän ${at(until, Language.SV)}.`,
          'Vill du logga in tidigare? Be om en länk för att välja ett nytt lösenord på inloggningssidan: när du har valt det kan du logga in direkt.',
          'Var det inte du som försökte? Välj gärna ett nytt lösenord som du inte använder någon annanstans.',
        ],
      },
      en: {
        subject: 'Your Evikomp account is locked for a while',
        lines: [
          'Someone has tried to sign in to your account with a wrong password many times, from several places.',
          `To protect the account, signing in is refused until ${at(until, Language.EN)}.`,
          'Want to sign in sooner? Ask for a link to choose a new password on the sign-in page: once you have chosen it, you can sign in at once.',
          'Was it not you who tried? Consider choosing a new password that you use nowhere else.',
        ],
      },
    };
  },
};

const SIGNATURE: Record<Language, string> = {
  [Language.SV]: 'Vänliga hälsningar\nEvikomp\n\n(Det här meddelandet skickades automatiskt; svar läses inte.)',
  [Language.EN]: 'Kind regards\nEvikomp\n\n(This message was sent automatically; replies are not read.)',
};

/** The subject and plain-text body of a message, in the recipient's language. */
export function renderNotification(kind: NotificationKind, data: NotificationData, language: Language): RenderedNotification {
  const texts = TEMPLATES[kind](data, kind)[language];
  const lines = texts.lines.filter((line): line is string => typeof line === 'string' && line.length > 0);
  return { subject: texts.subject, body: `${lines.join('\n\n')}\n\n${SIGNATURE[language]}\n` };
}
