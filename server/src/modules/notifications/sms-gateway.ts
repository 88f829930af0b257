import { maskPhone } from "../../logger.js";

/** Where an SMS gateway's webhook is (SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN) and how long to wait for it. */
export interface SmsGatewayOptions {
  url: string;
  /** Sent as `Authorization: Bearer …` when set. */
  token?: string;
  /** No answer within this is a failure (default 10 s). */
  timeoutMs?: number;
}

export const SMS_GATEWAY_TIMEOUT_MS = 10_000;

/**
 * POSTs `{"phone": "13800000000", "text": "…"}` (JSON) to the gateway, the one format both sign-in
 * codes and text messages use. With `idempotencyKey`, it goes as the `Idempotency-Key` header so the
 * gateway can drop a repeat of a message it already took (the outbox delivers at least once).
 * Rejects on any answer but 2xx, on no answer within the timeout, and when the gateway cannot be
 * reached; the error names the phone masked only, since callers log and store it.
 */
export async function postToSmsGateway(
  gateway: SmsGatewayOptions,
  message: { phone: string; text: string; idempotencyKey?: string },
): Promise<void> {
  const timeoutMs = gateway.timeoutMs ?? SMS_GATEWAY_TIMEOUT_MS;
  const to = maskPhone(message.phone);
  let response: Response;
  try {
    response = await fetch(gateway.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(gateway.token ? { authorization: `Bearer ${gateway.token}` } : {}),
        ...(message.idempotencyKey ? { "idempotency-key": message.idempotencyKey } : {}),
      },
      body: JSON.stringify({ phone: message.phone, text: message.text }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError") {
      throw new Error(`SMS gateway did not answer within ${timeoutMs} ms for ${to}`);
    }
    // fetch says "fetch failed"; what went wrong (ECONNREFUSED …) is in its cause.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const reason = cause instanceof Error ? ((cause as { code?: string }).code ?? cause.message) : String(cause);
    throw new Error(`SMS gateway unreachable for ${to}: ${reason}`);
  }
  // Read (and drop) the body so the connection can be reused; a body cut off by the timeout is moot.
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new Error(`SMS gateway answered ${response.status} for ${to}`);
}
