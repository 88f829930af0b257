import { type Logger, maskPhone } from "../../logger.js";
import { maskPersonalNumbers } from "../shared/redact.js";

/**
 * The outbound text-message channel, for people the product can reach only by phone (a resident
 * whose suggestion a deputy recorded at a reception, without an account). The default writes the
 * message to the server log; an SMS gateway plugs in by implementing this interface and passing it
 * to createApp, as the sign-in code sender does.
 */
export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
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

/** A message is at most this long: the gateway splits longer ones, and people read short ones. */
export const SMS_MAX_CHARS = 200;

/** Cuts `text` to fit a message, marking the cut. */
export function fitSms(text: string, max = SMS_MAX_CHARS): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
