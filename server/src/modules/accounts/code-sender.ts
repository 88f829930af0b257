import type { CodeSenderConfig } from "../../config.js";
import { type Logger, maskPhone } from "../../logger.js";

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
 * POSTs `{"phone": "13800000000", "text": "…"}` (JSON) to an SMS gateway's webhook, with
 * `Authorization: Bearer <token>` when one is configured. Any answer but 2xx, or none within the
 * timeout, is a failure: the caller tells the person to try again.
 */
export class HttpCodeSender implements CodeSender {
  constructor(
    private readonly options: { url: string; token?: string; timeoutMs?: number },
    private readonly logger: Logger,
  ) {}

  async send(phone: string, code: string): Promise<void> {
    const response = await fetch(this.options.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
      },
      body: JSON.stringify({ phone, text: signInCodeText(code) }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    // Read (and drop) the body so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) {
      throw new Error(`SMS gateway answered ${response.status} for ${maskPhone(phone)}`);
    }
    this.logger.info({ phone: maskPhone(phone) }, "sign-in code handed to the SMS gateway");
  }
}

/** The sender the configuration names (CODE_SENDER, SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN). */
export function createCodeSender(config: CodeSenderConfig, logger: Logger): CodeSender {
  return config.kind === "http"
    ? new HttpCodeSender({ url: config.url, token: config.token }, logger)
    : new LogCodeSender(logger);
}
