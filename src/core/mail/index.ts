import nodemailer from 'nodemailer';

/** The mail settings of the instance (config `smtpUrl`, `mailFrom`; PRONGSAI_SMTP_URL…). */
export interface MailConfig {
  /** e.g. `smtp://user:pass@mail.example.go.th:587`; unset = the instance sends no e-mail. */
  smtpUrl?: string | undefined;
  mailFrom: string;
}

/** One plain-text message; Thai text is sent as quoted-printable UTF-8. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** An open SMTP connection pool: send, then close (in `finally`). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** Thrown by createMailer when the instance has no SMTP server configured. */
export class MailNotConfiguredError extends Error {
  constructor() {
    super('smtpUrl is not configured');
    this.name = 'MailNotConfiguredError';
  }
}

/** True when the instance can send e-mail. */
export function isMailConfigured(config: MailConfig): config is MailConfig & { smtpUrl: string } {
  return typeof config.smtpUrl === 'string' && config.smtpUrl !== '';
}

/**
 * The one SMTP transport of the application: every module's e-mail (reminders, survey access
 * codes) goes through it, so TLS, encoding and the sender address are set in one place.
 * @throws MailNotConfiguredError when `smtpUrl` is unset; callers turn it into their own message.
 * @example
 * const mailer = createMailer(config);
 * try { await mailer.send({ to, subject, text }); } finally { mailer.close(); }
 */
export function createMailer(config: MailConfig): Mailer {
  if (!isMailConfigured(config)) throw new MailNotConfiguredError();
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({
        from: config.mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
        // Thai in 8-bit would be mangled by some relays; quoted-printable stays 7-bit.
        textEncoding: 'quoted-printable',
      });
    },
    close() {
      transport.close();
    },
  };
}

/**
 * Sends messages over one connection and closes it; returns how many the server accepted
 * (it stops at the first refusal, which is thrown).
 */
export async function sendMail(config: MailConfig, messages: MailMessage[]): Promise<number> {
  const mailer = createMailer(config);
  let sent = 0;
  try {
    for (const message of messages) {
      await mailer.send(message);
      sent++;
    }
  } finally {
    mailer.close();
  }
  return sent;
}
