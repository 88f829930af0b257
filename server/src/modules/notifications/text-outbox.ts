import { Prisma, type PrismaClient, type TextMessageKind } from "../../generated/prisma/client.js";
import { type Logger, maskPhone } from "../../logger.js";
import { maskPersonalNumbers } from "../shared/redact.js";
import type { SmsSender } from "./sms.js";

// The durable outbox of text messages. A change that owes someone a text writes a TextMessage row
// in its own transaction (queueText); once it commits, the change tries to send it at once, and
// the worker of every instance (startTextOutbox) picks up whatever is still due: new rows whose
// first try did not happen (the process died), and failed ones after their backoff. A row is
// claimed by one atomic UPDATE that skips rows another worker holds, so however many instances
// run, one sends it. Delivery is at least once: a worker that dies after the gateway took the
// message but before it recorded that leaves the row to be sent again when its lease runs out.

/** Attempts before giving up; the failure then stays on the row for the handlers to see. */
export const TEXT_MAX_ATTEMPTS = 5;

/**
 * How long a claimed row is left to its worker before another may take it (a hung gateway call).
 * Longer than a whole batch can take (20 texts × the gateway's 10 s timeout), so a slow gateway
 * does not let a second worker send the same batch again.
 */
export const TEXT_SEND_LEASE_MS = 5 * 60_000;

const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000] as const;

/** The wait after the n-th failed attempt (1-based): 1, 5, 15, then 60 minutes. */
export function retryDelayMs(failedAttempts: number): number {
  const index = Math.min(Math.max(failedAttempts, 1), RETRY_DELAYS_MS.length) - 1;
  return RETRY_DELAYS_MS[index] ?? 60 * 60_000;
}

/** The same for every attempt at one row, so the gateway can drop a repeat (delivery is at least once). */
export function textIdempotencyKey(id: number): string {
  return `text-message-${id}`;
}

export interface TextOutboxDeps {
  prisma: PrismaClient;
  sms: SmsSender;
  logger: Logger;
}

/** Queues a text in the caller's transaction; due at `now`. Returns its id (send it after commit). */
export async function queueText(
  tx: Prisma.TransactionClient,
  text: { phone: string; kind: TextMessageKind; body: string; suggestionId: number | null; now?: Date },
): Promise<number> {
  const row = await tx.textMessage.create({
    data: {
      phone: text.phone,
      kind: text.kind,
      body: text.body,
      suggestionId: text.suggestionId,
      nextAttemptAt: text.now ?? new Date(),
    },
    select: { id: true },
  });
  return row.id;
}

interface ClaimedText {
  id: number;
  phone: string;
  body: string;
  attempts: number;
  suggestionId: number | null;
}

/**
 * Takes up to `limit` due rows for this worker: one statement that pushes their next attempt past
 * the lease and counts the attempt. `SKIP LOCKED` passes over rows another worker is claiming right
 * now; a row it claimed a moment ago is no longer due. `ids` limits it to those rows.
 */
async function claimDueTexts(prisma: PrismaClient, now: Date, limit: number, ids?: readonly number[]) {
  const only = ids ? Prisma.sql`AND id IN (${Prisma.join(ids)})` : Prisma.empty;
  const leaseEnd = new Date(now.getTime() + TEXT_SEND_LEASE_MS);
  return prisma.$queryRaw<ClaimedText[]>`
    UPDATE "TextMessage" SET attempts = attempts + 1, "nextAttemptAt" = ${leaseEnd}
    WHERE id IN (
      SELECT id FROM "TextMessage"
      WHERE "nextAttemptAt" <= ${now} ${only}
      ORDER BY "nextAttemptAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, phone, body, attempts, "suggestionId"`;
}

export interface TextRun {
  sent: number[];
  /** Failed and to be retried after the backoff. */
  retrying: number[];
  /** Failed for the last time. */
  gaveUp: number[];
}

/**
 * Sends the texts due at `now` (or only `ids` of them), batch after batch until none is left.
 * Each outcome is recorded only if the row is still this worker's claim (its attempt count is the
 * one claimed): a row whose lease ran out and that another worker took is theirs to record.
 */
export async function sendDueTexts(
  deps: TextOutboxDeps,
  options: { now?: Date; ids?: readonly number[]; batch?: number } = {},
): Promise<TextRun> {
  const run: TextRun = { sent: [], retrying: [], gaveUp: [] };
  if (options.ids && options.ids.length === 0) return run;
  const now = options.now ?? new Date();
  const batch = options.batch ?? 20;
  for (let rounds = 0; rounds < 50; rounds++) {
    const claimed = await claimDueTexts(deps.prisma, now, batch, options.ids);
    for (const text of claimed) await sendOne(deps, text, now, run);
    if (claimed.length < batch) break;
  }
  return run;
}

async function sendOne(deps: TextOutboxDeps, text: ClaimedText, now: Date, run: TextRun) {
  const mine = { id: text.id, attempts: text.attempts };
  const log = { textId: text.id, suggestionId: text.suggestionId, phone: maskPhone(text.phone) };
  try {
    await deps.sms.send(text.phone, text.body, { idempotencyKey: textIdempotencyKey(text.id) });
  } catch (error) {
    // Gateways may echo the number or the text: keep neither whole.
    const message = maskPersonalNumbers(error instanceof Error ? error.message : String(error)).slice(0, 500);
    const last = text.attempts >= TEXT_MAX_ATTEMPTS;
    await deps.prisma.textMessage.updateMany({
      where: mine,
      data: last
        ? { nextAttemptAt: null, failedAt: new Date(), lastError: message }
        : { nextAttemptAt: new Date(now.getTime() + retryDelayMs(text.attempts)), lastError: message },
    });
    if (last) {
      run.gaveUp.push(text.id);
      deps.logger.error({ ...log, attempts: text.attempts, error: message }, "text message failed; giving up");
    } else {
      run.retrying.push(text.id);
      deps.logger.warn({ ...log, attempts: text.attempts, error: message }, "text message failed; will retry");
    }
    return;
  }
  await deps.prisma.textMessage.updateMany({
    where: { id: text.id, sentAt: null },
    data: { nextAttemptAt: null, sentAt: new Date(), failedAt: null },
  });
  run.sent.push(text.id);
  deps.logger.info({ ...log, attempts: text.attempts }, "text message sent");
}

/**
 * Runs the outbox worker every `intervalMs` on this instance (every instance may: claims keep each
 * text to one worker). The returned stop waits for a pass in progress, so the database can close.
 * `onTick` hears each finished pass (tests).
 */
export function startTextOutbox(
  deps: TextOutboxDeps,
  intervalMs = 15_000,
  options: { onTick?: (run: TextRun) => void } = {},
): () => Promise<void> {
  let pass: Promise<void> | null = null;
  const tick = () => {
    pass ??= sendDueTexts(deps)
      .then((run) => options.onTick?.(run))
      .catch((error: unknown) => deps.logger.error({ err: error }, "text outbox tick failed"))
      .finally(() => {
        pass = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await pass;
  };
}
