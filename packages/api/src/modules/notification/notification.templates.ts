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
  /** The start of the session a reminder is about, when it is not the first. */
  sessionStartsAt?: Date;
  /** The programme of a cohort (shown with the cohort's name). */
  programmeName?: string;
  /** The offering's sessions, shown with their venue or online link. */
  sessions?: SessionDetails[];
  /** The session a change is about, as it is now (moved) or was (removed). */
  changedSession?: SessionDetails;
  /** The portal page the message is about. */
  portalUrl?: string;
  /** Who registered the person, when someone else did. */
  registeredByName?: string;
  /** Why a registration queues: the offering is full, or its free places are held for other organisations' quotas. */
  waitlistReason?: 'FULL' | 'QUOTA';
  /** Why a registration was ended for the person (not by their own cancellation). */
  endedBecause?: 'NETWORK_LEFT' | 'OFFERING_CANCELLED';
  /** The registration the message is about (not shown in the text). */
  registrationId?: string;
  /** The single-use link of the portal's reset page, and until when it works. */
  resetUrl?: string;
  resetExpiresAt?: Date;
  /** The single-use link of the portal's invitation page, where the person chooses a password, and until when it works. */
  invitationUrl?: string;
  invitationExpiresAt?: Date;
  /** Who sent the invitation, by name. */
  invitedByName?: string;
  /** Until when sign-in to a locked account is refused. */
  lockedUntil?: Date;
  /** The portal's page where a person asks for a reset link. */
  forgotPasswordUrl?: string;
  /** The month learning hours are about, by name in both languages. */
  monthName?: { sv: string; en: string };
  /** The workplace learning hours are from. */
  workplaceName?: string;
  /** Learning hours waiting, e.g. 3.5. */
  hours?: number;
  /** How many participants' hours wait for attestation. */
  participantCount?: number;
}

/** One session as a message shows it. */
export interface SessionDetails {
  title: string | null;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  onlineUrl: string | null;
}

export interface RenderedNotification {
  subject: string;
  /** Plain text. */
  body: string;
  /** The same as an HTML document in the recipient's language. */
  html: string;
}

const LOCALES: Record<Language, string> = { [Language.SV]: 'sv-SE', [Language.EN]: 'en-GB' };

/** A moment as people in Sweden read it, e.g. "torsdag 3 december 2026 kl. 09:30". */
export function formatMoment(moment: Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: SWEDISH_TIME_ZONE, dateStyle: 'full', timeStyle: 'short' }).format(moment);
}

/** A number of hours as people read it: "3,5" in Swedish, "3.5" in English. */
function decimal(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 }).format(value);
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

const registeredBy = (data: NotificationData, language: Language) =>
  data.registeredByName &&
  (language === Language.SV ? `Du har anmälts av ${data.registeredByName}.` : `You were registered by ${data.registeredByName}.`);

/** A session in one line: when, what, and where (the venue, or the online link). */
function sessionLine(session: SessionDetails, language: Language): string {
  const time = new Intl.DateTimeFormat(LOCALES[language], { timeZone: SWEDISH_TIME_ZONE, timeStyle: 'short' });
  const where = [session.venue, session.onlineUrl && `online: ${session.onlineUrl}`].filter(Boolean);
  return [`${formatMoment(session.startsAt, language)}–${time.format(session.endsAt)}`, session.title, ...where].filter(Boolean).join(', ');
}

const TEMPLATES: Record<NotificationKind, Template> = {
  [NotificationKind.REGISTRATION_CONFIRMED]: (data, kind) => {
    const name = required(data, 'offeringName', kind);
    return {
      sv: {
        subject: `Du har fått en plats: ${name}`,
        lines: [
          registeredBy(data, Language.SV),
          `Din anmälan till ${name} är bekräftad.`,
          data.firstSessionStartsAt && `Första träffen är ${at(data.firstSessionStartsAt, Language.SV)}.`,
        ],
      },
      en: {
        subject: `Your place is confirmed: ${name}`,
        lines: [
          registeredBy(data, Language.EN),
          `Your registration for ${name} is confirmed.`,
          data.firstSessionStartsAt && `The first session is on ${at(data.firstSessionStartsAt, Language.EN)}.`,
        ],
      },
    };
  },
  [NotificationKind.REGISTRATION_WAITLISTED]: (data, kind) => {
    const name = required(data, 'offeringName', kind);
    const position = data.waitlistPosition;
    const quota = data.waitlistReason === 'QUOTA';
    return {
      sv: {
        subject: `Du står i kö: ${name}`,
        lines: [
          registeredBy(data, Language.SV),
          quota
            ? `De lediga platserna i ${name} är reserverade för andra organisationers kvoter, så du står i kö${position ? ` som nummer ${position}` : ''}.`
            : `${name} är fullbokad, så du står i kö${position ? ` som nummer ${position}` : ''}.`,
          'Vi skickar ett meddelande om du får en plats.',
        ],
      },
      en: {
        subject: `You are on the waiting list: ${name}`,
        lines: [
          registeredBy(data, Language.EN),
          quota
            ? `The free places in ${name} are held for other organisations' quotas, so you are on the waiting list${position ? ` at number ${position}` : ''}.`
            : `${name} is full, so you are on the waiting list${position ? ` at number ${position}` : ''}.`,
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
    const left = data.endedBecause === 'NETWORK_LEFT';
    return {
      sv: {
        subject: `Avanmäld: ${name}`,
        lines: [
          left
            ? `Din anmälan till ${name} är avbokad eftersom du har lämnat nätverket; träffarna är för medlemmar. Din plats har gått vidare till nästa i kön.`
            : `Din anmälan till ${name} är avbokad.`,
          data.reason && `Orsak: ${data.reason}`,
        ],
      },
      en: {
        subject: `Registration cancelled: ${name}`,
        lines: [
          left
            ? `Your registration for ${name} is cancelled because you left the network; its meetings are for members. Your place has gone to the next in line.`
            : `Your registration for ${name} is cancelled.`,
          data.reason && `Reason: ${data.reason}`,
        ],
      },
    };
  },
  [NotificationKind.OFFERING_CANCELLED]: (data, kind) => {
    const name = required(data, 'offeringName', kind);
    return {
      sv: {
        subject: `Inställt: ${name}`,
        lines: [`${name} är inställd och blir inte av. Din anmälan är därför avslutad; du behöver inte göra något.`],
      },
      en: {
        subject: `Cancelled: ${name}`,
        lines: [`${name} is cancelled and will not take place. Your registration has therefore ended; you need not do anything.`],
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
    if (data.sessionStartsAt)
      return {
        sv: { subject: `Påminnelse: nästa träff i ${name}`, lines: [`Nästa träff i ${name} är ${at(data.sessionStartsAt, Language.SV)}.`] },
        en: {
          subject: `Reminder: the next session of ${name}`,
          lines: [`The next session of ${name} is on ${at(data.sessionStartsAt, Language.EN)}.`],
        },
      };
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
  [NotificationKind.SESSION_CHANGED]: (data, kind) => {
    const name = required(data, 'offeringName', kind);
    const session = required(data, 'changedSession', kind);
    return {
      sv: {
        subject: `Ändrad tid eller plats: ${name}`,
        lines: [`En träff i ${name} har ändrats. Så här blir den nu:`, sessionLine(session, Language.SV)],
      },
      en: {
        subject: `New time or place: ${name}`,
        lines: [`A session of ${name} has changed. This is how it is now:`, sessionLine(session, Language.EN)],
      },
    };
  },
  [NotificationKind.SESSION_CANCELLED]: (data, kind) => {
    const name = required(data, 'offeringName', kind);
    const session = required(data, 'changedSession', kind);
    return {
      sv: { subject: `Inställd träff: ${name}`, lines: [`En träff i ${name} är inställd:`, sessionLine(session, Language.SV)] },
      en: { subject: `Session cancelled: ${name}`, lines: [`A session of ${name} is cancelled:`, sessionLine(session, Language.EN)] },
    };
  },
  [NotificationKind.REGISTRATION_AWAITING_APPROVAL]: (data, kind) => {
    const name = required(data, 'offeringName', kind);
    return {
      sv: {
        subject: `Din anmälan väntar på godkännande: ${name}`,
        lines: [
          registeredBy(data, Language.SV),
          `Vi har tagit emot din anmälan till ${name}. Den väntar på godkännande av din organisation; vi skickar ett meddelande när den är beslutad.`,
        ],
      },
      en: {
        subject: `Your registration awaits approval: ${name}`,
        lines: [
          registeredBy(data, Language.EN),
          `We have received your registration for ${name}. It awaits approval by your organisation; we will write to you when it is decided.`,
        ],
      },
    };
  },
  [NotificationKind.PASSWORD_RESET]: (data, kind) => {
    const url = required(data, 'resetUrl', kind);
    const expiresAt = required(data, 'resetExpiresAt', kind);
    return {
      sv: {
        subject: 'Välj ett nytt lösenord i Evikomp',
        lines: [
          'Någon (förhoppningsvis du) bad om att få välja ett nytt lösenord.',
          `Öppna länken för att välja ett nytt lösenord. Den fungerar en gång, till ${at(expiresAt, Language.SV)}:`,
          url,
          'Bad du inte om det? Då kan du bortse från det här meddelandet; ditt lösenord är oförändrat.',
        ],
      },
      en: {
        subject: 'Choose a new password for Evikomp',
        lines: [
          'Someone (hopefully you) asked to choose a new password.',
          `Open the link to choose a new password. It works once, until ${at(expiresAt, Language.EN)}:`,
          url,
          'Did you not ask for it? Then ignore this message; your password is unchanged.',
        ],
      },
    };
  },
  [NotificationKind.ACCOUNT_INVITATION]: (data, kind) => {
    const url = required(data, 'invitationUrl', kind);
    const expiresAt = required(data, 'invitationExpiresAt', kind);
    const by = data.invitedByName;
    return {
      sv: {
        subject: 'Du är inbjuden till Evikomp',
        lines: [
          by ? `${by} har bjudit in dig att logga in i Evikomp.` : 'Du har bjudits in att logga in i Evikomp.',
          `Öppna länken och välj ditt lösenord. Länken fungerar en gång, till ${at(expiresAt, Language.SV)}:`,
          url,
          'Därefter loggar du in med din e-postadress och lösenordet du valde. Har länken gått ut? Be den som bjöd in dig om en ny.',
        ],
      },
      en: {
        subject: 'You are invited to Evikomp',
        lines: [
          by ? `${by} has invited you to sign in to Evikomp.` : 'You have been invited to sign in to Evikomp.',
          `Open the link and choose your password. The link works once, until ${at(expiresAt, Language.EN)}:`,
          url,
          'Then sign in with your e-mail address and the password you chose. Has the link expired? Ask whoever invited you for a new one.',
        ],
      },
    };
  },
  [NotificationKind.LEARNING_HOURS_CONFIRM_REMINDER]: (data, kind) => {
    const month = required(data, 'monthName', kind);
    const workplace = required(data, 'workplaceName', kind);
    const hours = required(data, 'hours', kind);
    return {
      sv: {
        subject: `Bekräfta dina lärtimmar för ${month.sv.toLowerCase()}`,
        lines: [
          `Du har ${decimal(hours, Language.SV)} timmar arbetsplatslärande på ${workplace} i ${month.sv.toLowerCase()} som väntar på att du bekräftar dem.`,
          'Bekräfta dem i Evikomp, så kan din chef sedan attestera dem.',
        ],
      },
      en: {
        subject: `Confirm your learning hours of ${month.en}`,
        lines: [
          `You have ${decimal(hours, Language.EN)} hours of workplace learning at ${workplace} in ${month.en} waiting for you to confirm them.`,
          'Confirm them in Evikomp, so that your manager can then attest them.',
        ],
      },
    };
  },
  [NotificationKind.LEARNING_HOURS_ATTEST_REMINDER]: (data, kind) => {
    const month = required(data, 'monthName', kind);
    const workplace = required(data, 'workplaceName', kind);
    const hours = required(data, 'hours', kind);
    const people = required(data, 'participantCount', kind);
    return {
      sv: {
        subject: `Attestera lärtimmar på ${workplace} för ${month.sv.toLowerCase()}`,
        lines: [
          `${people} medarbetare på ${workplace} har bekräftat sammanlagt ${decimal(hours, Language.SV)} timmar arbetsplatslärande i ${month.sv.toLowerCase()} som väntar på din attest.`,
        ],
      },
      en: {
        subject: `Attest the learning hours of ${workplace} for ${month.en}`,
        lines: [
          `${people} ${people === 1 ? 'participant' : 'participants'} at ${workplace} confirmed ${decimal(hours, Language.EN)} hours of workplace learning in ${month.en} in all, waiting for you to attest them.`,
        ],
      },
    };
  },
  [NotificationKind.ACCOUNT_LOCKED]: (data, kind) => {
    const until = required(data, 'lockedUntil', kind);
    const forgot = required(data, 'forgotPasswordUrl', kind);
    return {
      sv: {
        subject: 'Inloggningen till ditt Evikomp-konto är tillfälligt spärrad',
        lines: [
          `Någon har försökt logga in på ditt konto med fel lösenord flera gånger, så inloggningen är spärrad till ${at(until, Language.SV)}.`,
          'Var det du? Vänta tills spärren har släppt och försök igen, eller välj ett nytt lösenord här:',
          forgot,
          'Var det inte du? Ditt lösenord har inte avslöjats. Välj gärna ett nytt lösenord och berätta för din organisations administratör.',
        ],
      },
      en: {
        subject: 'Sign-in to your Evikomp account is locked for a while',
        lines: [
          `Someone tried to sign in to your account with a wrong password several times, so sign-in is locked until ${at(until, Language.EN)}.`,
          'Was it you? Wait until the lock ends and try again, or choose a new password here:',
          forgot,
          "Was it not you? Your password has not been revealed. Consider choosing a new one, and tell your organisation's administrator.",
        ],
      },
    };
  },
};

const SIGNATURE: Record<Language, string> = {
  [Language.SV]: 'Vänliga hälsningar\nEvikomp\n\n(Det här meddelandet skickades automatiskt; svar läses inte.)',
  [Language.EN]: 'Kind regards\nEvikomp\n\n(This message was sent automatically; replies are not read.)',
};

const LABELS: Record<Language, { programme: string; offering: string; sessions: string; link: string }> = {
  [Language.SV]: { programme: 'Utbildning', offering: 'Gäller', sessions: 'Träffar', link: 'Öppna i Evikomp' },
  [Language.EN]: { programme: 'Programme', offering: 'About', sessions: 'Sessions', link: 'Open in Evikomp' },
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

/** The parts every training message adds after its own lines: what it is about, the sessions, and the portal's page. */
interface Details {
  facts: [label: string, value: string][];
  sessions: string[];
  link: string | null;
}

function detailsOf(data: NotificationData, language: Language): Details {
  const labels = LABELS[language];
  const facts: [string, string][] = [];
  if (data.programmeName) facts.push([labels.programme, data.programmeName]);
  if (data.programmeName && data.offeringName) facts.push([labels.offering, data.offeringName]);
  return { facts, sessions: (data.sessions ?? []).map((session) => sessionLine(session, language)), link: data.portalUrl ?? null };
}

function plainText(lines: string[], details: Details, language: Language): string {
  const labels = LABELS[language];
  const parts = [...lines];
  if (details.facts.length > 0) parts.push(details.facts.map(([label, value]) => `${label}: ${value}`).join('\n'));
  if (details.sessions.length > 0) parts.push(`${labels.sessions}:\n${details.sessions.map((line) => `- ${line}`).join('\n')}`);
  if (details.link) parts.push(`${labels.link}: ${details.link}`);
  return `${parts.join('\n\n')}\n\n${SIGNATURE[language]}\n`;
}

/** A small, accessible HTML document: the language declared, a title, paragraphs, a list of sessions, a link that says where it goes. */
function html(subject: string, lines: string[], details: Details, language: Language): string {
  const labels = LABELS[language];
  const paragraph = (text: string) => `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;
  const parts = lines.map(paragraph);
  if (details.facts.length > 0)
    parts.push(`<dl>${details.facts.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`);
  if (details.sessions.length > 0)
    parts.push(
      `<h2>${escapeHtml(labels.sessions)}</h2><ul>${details.sessions.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
    );
  if (details.link) parts.push(`<p><a href="${escapeHtml(details.link)}">${escapeHtml(labels.link)}</a></p>`);
  parts.push(paragraph(SIGNATURE[language]));
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`,
    `<body>${parts.join('\n')}</body>`,
    '</html>',
    '',
  ].join('\n');
}

/** The subject, plain-text body and HTML of a message, in the recipient's language. */
export function renderNotification(kind: NotificationKind, data: NotificationData, language: Language): RenderedNotification {
  const texts = TEMPLATES[kind](data, kind)[language];
  const lines = texts.lines.filter((line): line is string => typeof line === 'string' && line.length > 0);
  const details = detailsOf(data, language);
  return { subject: texts.subject, body: plainText(lines, details, language), html: html(texts.subject, lines, details, language) };
}
