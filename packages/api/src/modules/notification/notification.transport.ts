import { createTransport } from 'nodemailer';
import type { Logger } from '../../platform/logger.js';
import type { NotificationAttachment, NotificationKind } from './notification.entity.js';

export interface OutgoingMessage {
  notificationId: string;
  kind: NotificationKind;
  personId: string;
  to: string;
  subject: string;
  text: string;
  /** The same as HTML, sent as the alternative to the text. */
  html?: string | null;
  attachments?: NotificationAttachment[] | null;
}

/** Where messages go: an SMTP server, or the log. `send` throws when the message was not accepted. */
export interface NotificationTransport {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

/** The same id on every attempt, so a receiver can drop a message that arrives twice after a crash. */
export const messageIdOf = (notificationId: string) => `<notification-${notificationId}@evikomp>`;

/** Delivery through SMTP, e.g. `smtp://user:password@smtp.example.com:587` or `smtps://…:465`. */
export function smtpTransport(url: string, from: string): NotificationTransport {
  // Short timeouts: the worker holds the message's row lock while it sends.
  const mailer = createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }, { from });
  return {
    async send(message) {
      await mailer.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.attachments?.length
          ? {
              attachments: message.attachments.map((attachment) => ({
                filename: attachment.filename,
                contentType: attachment.contentType,
                content: attachment.content,
              })),
            }
          : {}),
        messageId: messageIdOf(message.notificationId),
        headers: { 'X-Evikomp-Notification': message.kind },
      });
    },
    close: () => mailer.close(),
  };
}

/**
 * Without SMTP the messages go to the log: kind, recipient id and subject. The text only outside
 * production (it may hold a password-reset code, which must never reach production logs).
 */
export function logTransport(logger: Logger, options: { production: boolean }): NotificationTransport {
  return {
    async send(message) {
      const entry = { notificationId: message.notificationId, kind: message.kind, personId: message.personId, subject: message.subject };
      logger.info(options.production ? entry : { ...entry, text: message.text }, 'notification logged (SMTP_URL is not set)');
    },
    close() {},
  };
}

export function notificationTransport(options: {
  smtpUrl: string | undefined;
  from: string;
  logger: Logger;
  production: boolean;
}): NotificationTransport {
  return options.smtpUrl ? smtpTransport(options.smtpUrl, options.from) : logTransport(options.logger, { production: options.production });
}
