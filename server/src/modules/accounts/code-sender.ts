import type { CodeSenderConfig } from "../../config.js";
import { type Logger, maskPhone } from "../../logger.js";
import { postToSmsGateway, type SmsGatewayOptions } from "../notifications/sms-gateway.js";

/**
 * Delivers a sign-in code. Chosen by configuration (CODE_SENDER, see createCodeSender): the
 * server log for development and demos, or an SMS gateway's HTTP webhook in production.
 */
export interface CodeSender {
  /** Resolves once the code is on its way; rejects if it could not be handed over. */
  send(phone: string, code: string): Promise<void>;
}

/** The text of the SMS; the gateway adds its own signature if it needs one. */
export function signInCodeText(code: string): string {
  return `【共治】您的登录验证码为 ${code}，5 分钟内有效。请勿告诉他人。`;
}

export class LogCodeSender implements CodeSender {
  constructor(private readonly logger: Logger) {}

  async send(phone: string, code: string): Promise<void> {
    // The code itself must reach whoever runs the demo; the phone stays masked.
    this.logger.info({ phone: maskPhone(phone), code }, `sign-in code for ${maskPhone(phone)}: ${code}`);
  }
}

/**
 * Hands the code's text to the SMS gateway (see postToSmsGateway for the format). Any answer but
 * 2xx, or none within the timeout, is a failure: the caller tells the person to try again.
 */
export class HttpCodeSender implements CodeSender {
  constructor(
    private readonly gateway: SmsGatewayOptions,
    private readonly logger: Logger,
  ) {}

  async send(phone: string, code: string): Promise<void> {
    await postToSmsGateway(this.gateway, { phone, text: signInCodeText(code) });
    this.logger.info({ phone: maskPhone(phone) }, "sign-in code handed to the SMS gateway");
  }
}

/** The sender the configuration names (CODE_SENDER, SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN). */
export function createCodeSender(config: CodeSenderConfig, logger: Logger): CodeSender {
  return config.kind === "http"
    ? new HttpCodeSender({ url: config.url, token: config.token }, logger)
    : new LogCodeSender(logger);
}
