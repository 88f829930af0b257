import { type Logger, maskPhone } from "../../logger.js";

/**
 * Delivers a sign-in code. The default writes it to the server log (development, demos); an SMS
 * gateway plugs in by implementing this interface and passing it to createApp.
 */
export interface CodeSender {
  send(phone: string, code: string): Promise<void>;
}

export class LogCodeSender implements CodeSender {
  constructor(private readonly logger: Logger) {}

  async send(phone: string, code: string): Promise<void> {
    // The code itself must reach whoever runs the demo; the phone stays masked.
    this.logger.info({ phone: maskPhone(phone), code }, `sign-in code for ${maskPhone(phone)}: ${code}`);
  }
}
