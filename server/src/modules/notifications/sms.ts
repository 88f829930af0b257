import type { CodeSenderConfig } from "../../config.js";
import { type Logger, maskPhone } from "../../logger.js";
import { maskPersonalNumbers } from "../shared/redact.js";
import { postToSmsGateway, type SmsGatewayOptions } from "./sms-gateway.js";

/**
 * The outbound text-message channel, for people the product can reach only by phone (a resident
 * whose suggestion a deputy recorded at a reception, without an account). Chosen by configuration
 * with the sign-in code sender (CODE_SENDER, see createSmsSender): the server log, or the SMS
 * gateway. Tests pass their own to createApp.
 */
export interface SmsSender {
  /**
   * Resolves once the gateway took the message; rejects if it did not (the outbox retries).
   * `idempotencyKey` is the same for every attempt at one message, so a gateway can drop repeats.
   */
  send(phone: string, text: string, options?: { idempotencyKey?: string }): Promise<void>;
}

export class LogSmsSender implements SmsSender {
  constructor(private readonly logger: Logger) {}

  async send(phone: string, text: string): Promise<void> {
    // Operators see that a message went out and what it said; never a whole phone number.
    this.logger.info(
      { phone: maskPhone(phone), text: maskPersonalNumbers(text) },
      `text message to ${maskPhone(phone)}`,
    );
  }
}

/**
 * POSTs each message to the SMS gateway (see postToSmsGateway), with the outbox row's key as its
 * `Idempotency-Key`. A non-2xx answer, no answer within the timeout or an unreachable gateway is
 * a failure, so the outbox tries again later.
 */
export class HttpSmsSender implements SmsSender {
  constructor(
    private readonly gateway: SmsGatewayOptions,
    private readonly logger: Logger,
  ) {}

  async send(phone: string, text: string, options: { idempotencyKey?: string } = {}): Promise<void> {
    await postToSmsGateway(this.gateway, { phone, text, idempotencyKey: options.idempotencyKey });
    this.logger.debug(
      { phone: maskPhone(phone), idempotencyKey: options.idempotencyKey },
      "text handed to the SMS gateway",
    );
  }
}

/** The sender the configuration names: the same choice and gateway as the sign-in codes'. */
export function createSmsSender(config: CodeSenderConfig, logger: Logger): SmsSender {
  return config.kind === "http"
    ? new HttpSmsSender({ url: config.url, token: config.token }, logger)
    : new LogSmsSender(logger);
}

/** A message is at most this long: the gateway splits longer ones, and people read short ones. */
export const SMS_MAX_CHARS = 200;

/** Cuts `text` to fit a message, marking the cut. */
export function fitSms(text: string, max = SMS_MAX_CHARS): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
