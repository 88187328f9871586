import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { loadEnv } from '@jalin/core';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Sent as a header, so a receiving system can recognise a repeat of the same delivery. */
  deliveryId?: string;
}

/** One pooled SMTP transport per process (`SMTP_URL`), sending from `MAIL_FROM`. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly env = loadEnv();
  private transport?: Transporter;

  private get smtp(): Transporter {
    this.transport ??= createTransport({
      pool: true,
      url: this.env.SMTP_URL,
      maxConnections: 10,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return this.transport;
  }

  async send(msg: MailMessage): Promise<string> {
    const info = (await this.smtp.sendMail({
      from: this.env.MAIL_FROM,
      to: msg.to,
      subject: msg.subject,
      text: msg.text,
      html: msg.html,
      headers: msg.deliveryId ? { 'X-Jalin-Delivery': msg.deliveryId } : undefined,
    })) as { messageId?: string };
    return info.messageId ?? '';
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
