import { describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../db/database.js";
import { createLogger } from "../../logger.js";
import { uniquePhone } from "../../testing/factories.js";
import { CapturingSmsSender, type TestApp } from "../../testing/harness.js";
import type { SmsSender } from "../notifications/sms.js";
import { retryDelayMs, sendDueTexts, TEXT_MAX_ATTEMPTS } from "../notifications/text-outbox.js";
import {
  recordedWithoutAccount,
  type SuggestionApi,
  type SuggestionWorld,
  submitted,
  useSuggestionSuite,
} from "./testing.js";

// Text messages to submitters without an account go through a durable outbox: queued with the
// reply, decline or closing they tell of, sent once it commits, retried when the gateway fails,
// given up after TEXT_MAX_ATTEMPTS and left for the deputies and staff to see. Residents with an
// account are told in the app instead. (With TEST_DATABASE_URL=postgres://… the two workers below
// race on separate connections, as two server instances would.)

let t: TestApp;
let w: SuggestionWorld;
let a: SuggestionApi;
useSuggestionSuite((suite) => {
  ({ t, w, a } = suite);
});

const silent = createLogger("silent");

const textsOf = (suggestionId: string) =>
  t.db.prisma.textMessage.findMany({ where: { suggestionId: Number(suggestionId) }, orderBy: { id: "asc" } });

/** Recorded for someone without an account, transferred to 城管, signed for and replied. */
async function repliedWithoutAccount(phone: string) {
  const s = await recordedWithoutAccount(t, w, { phone });
  const moved = await a.transfer(w.deputy.token, s.id, [{ departmentId: String(w.chengguan.id), role: "LEAD" }]);
  await a.acknowledge(w.handler.token, moved.currentTransfers[0]?.id as string);
  await a.reply(w.handler.token, s.id, "已协调交警部门，下月安装信号灯。");
  return s;
}

const TEXTS_FIELD = `id textMessages { kind status attempts lastError body }`;
interface TextsRead {
  id: string;
  textMessages: { kind: string; status: string; attempts: number; lastError: string | null; body: string }[];
}
const readTexts = async (token: string | undefined, id: string) =>
  (await a.read(token, id, TEXTS_FIELD)) as unknown as TextsRead | null;

describe("a submitter without an account is sent a text message", () => {
  it("when the deputy declines the suggestion, with the reason", async () => {
    const phone = uniquePhone();
    const s = await recordedWithoutAccount(t, w, { phone, accept: false });
    expect(s.status).toBe("SUBMITTED");
    await a.ok(
      "declineSuggestion",
      "(id: $id, reason: $reason)",
      { id: s.id, reason: "属于物业合同纠纷，请向法院起诉" },
      w.deputy.token,
    );
    const texts = t.sms.to(phone);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain("不予受理，理由：属于物业合同纠纷，请向法院起诉");
    const [row] = await textsOf(s.id);
    expect(row).toMatchObject({ phone, kind: "SUGGESTION_DECLINED", attempts: 1, nextAttemptAt: null });
    expect(row?.sentAt).toBeInstanceOf(Date);
  });

  it("when the suggestion is closed, after the reply's", async () => {
    const phone = uniquePhone();
    const s = await repliedWithoutAccount(phone);
    await a.rateByPhone(w.deputy.token, s.id, "SATISFIED");
    await a.close(w.deputy.token, s.id);
    const texts = t.sms.to(phone);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain("已答复");
    expect(texts[1]).toContain("已办结");
    expect((await textsOf(s.id)).map((m) => [m.kind, m.sentAt !== null])).toEqual([
      ["SUGGESTION_REPLIED", true],
      ["SUGGESTION_CLOSED", true],
    ]);
    // The deputies see what went out, and that it went out.
    expect((await readTexts(w.deputy.token, s.id))?.textMessages.map((m) => [m.kind, m.status])).toEqual([
      ["SUGGESTION_CLOSED", "SENT"],
      ["SUGGESTION_REPLIED", "SENT"],
    ]);
  });
});

describe("a resident with an account", () => {
  it("is told of a decline and a closing in the app, never by text", async () => {
    const declined = await submitted(t, w);
    await a.ok(
      "declineSuggestion",
      "(id: $id, reason: $reason)",
      { id: declined.id, reason: "不属于本站受理范围" },
      w.deputy.token,
    );
    // Recorded at a reception under the phone of someone who has an account: that account is the submitter.
    const recorded = await recordedWithoutAccount(t, w, { phone: w.neighbour.phone });
    const moved = await a.transfer(w.deputy.token, recorded.id, [
      { departmentId: String(w.chengguan.id), role: "LEAD" },
    ]);
    await a.acknowledge(w.handler.token, moved.currentTransfers[0]?.id as string);
    await a.reply(w.handler.token, recorded.id, "已处理");
    await a.rate(w.neighbour.token, recorded.id, "SATISFIED");
    await a.close(w.deputy.token, recorded.id);

    expect(
      await t.db.prisma.textMessage.count({
        where: { suggestionId: { in: [Number(declined.id), Number(recorded.id)] } },
      }),
    ).toBe(0);
    expect(t.sms.to(w.resident.phone)).toEqual([]);
    expect(t.sms.to(w.neighbour.phone)).toEqual([]);
    const kinds = async (accountId: number, suggestionId: string) =>
      (
        await t.db.prisma.notification.findMany({
          where: { recipientId: accountId, subjectType: "SUGGESTION", subjectId: Number(suggestionId) },
        })
      ).map((n) => n.kind);
    expect(await kinds(w.resident.account.id, declined.id)).toContain("suggestion.declined");
    expect(await kinds(w.neighbour.account.id, recorded.id)).toEqual(
      expect.arrayContaining(["suggestion.replied", "suggestion.closed"]),
    );
  });
});

describe("when the gateway fails", () => {
  it("the text is retried after the backoff and then sent, once", async () => {
    const phone = uniquePhone();
    const s = await recordedWithoutAccount(t, w, { phone, accept: false });
    t.sms.failNext(2);
    await a.ok("declineSuggestion", "(id: $id, reason: $reason)", { id: s.id, reason: "重复反映" }, w.deputy.token);
    // The decline stands; its text waits for the retry, the error kept without the whole number.
    expect((await a.read(w.deputy.token, s.id))?.status).toBe("DECLINED");
    expect(t.sms.to(phone)).toEqual([]);
    let [row] = await textsOf(s.id);
    if (!row?.nextAttemptAt) throw new Error("the text was not left to retry");
    expect(row).toMatchObject({ attempts: 1, sentAt: null, failedAt: null });
    expect(row.lastError).toContain("gateway answered 503");
    expect(row.lastError).not.toContain(phone);
    const firstRetry = row.nextAttemptAt;
    const deps = { prisma: t.db.prisma, sms: t.sms, logger: silent };

    // Not before its time …
    expect(await sendDueTexts(deps, { ids: [row.id], now: new Date(firstRetry.getTime() - 1_000) })).toEqual({
      sent: [],
      retrying: [],
      gaveUp: [],
    });
    // … then a second failure pushes it back by the next, longer delay …
    expect((await sendDueTexts(deps, { ids: [row.id], now: firstRetry })).retrying).toEqual([row.id]);
    [row] = await textsOf(s.id);
    expect(row?.attempts).toBe(2);
    expect(row?.nextAttemptAt?.getTime()).toBe(firstRetry.getTime() + retryDelayMs(2));
    // … and the third attempt goes through.
    expect((await sendDueTexts(deps, { ids: [row?.id as number], now: row?.nextAttemptAt as Date })).sent).toEqual([
      row?.id,
    ]);
    expect(t.sms.to(phone)).toHaveLength(1);
    expect(t.sms.to(phone)[0]).toContain("不予受理，理由：重复反映");
    [row] = await textsOf(s.id);
    expect(row).toMatchObject({ attempts: 3, nextAttemptAt: null, failedAt: null });
    // Sent is final: no later pass sends it again.
    expect(
      (await sendDueTexts(deps, { ids: [row?.id as number], now: new Date(Date.now() + 86_400_000) })).sent,
    ).toEqual([]);
    expect(t.sms.to(phone)).toHaveLength(1);
  });

  it(`gives up after ${TEXT_MAX_ATTEMPTS} attempts and shows the failure to the deputies and staff only`, async () => {
    const phone = uniquePhone();
    const s = await recordedWithoutAccount(t, w, { phone, accept: false });
    t.sms.failNext(TEXT_MAX_ATTEMPTS);
    await a.ok("declineSuggestion", "(id: $id, reason: $reason)", { id: s.id, reason: "重复反映" }, w.deputy.token);
    const deps = { prisma: t.db.prisma, sms: t.sms, logger: silent };
    const [queued] = await textsOf(s.id);
    const id = queued?.id as number;
    for (let attempt = 2; attempt <= TEXT_MAX_ATTEMPTS; attempt++) {
      const [row] = await textsOf(s.id);
      const run = await sendDueTexts(deps, { ids: [id], now: row?.nextAttemptAt as Date });
      expect(attempt < TEXT_MAX_ATTEMPTS ? run.retrying : run.gaveUp).toEqual([id]);
    }
    const [failed] = await textsOf(s.id);
    expect(failed).toMatchObject({ attempts: TEXT_MAX_ATTEMPTS, nextAttemptAt: null, sentAt: null });
    expect(failed?.failedAt).toBeInstanceOf(Date);
    // No more attempts, however late.
    expect((await sendDueTexts(deps, { ids: [id], now: new Date(Date.now() + 30 * 86_400_000) })).sent).toEqual([]);
    expect(t.sms.to(phone)).toEqual([]);

    const shown = [{ kind: "SUGGESTION_DECLINED", status: "FAILED", attempts: TEXT_MAX_ATTEMPTS }];
    expect((await readTexts(w.deputy.token, s.id))?.textMessages).toMatchObject(shown);
    expect((await readTexts(w.staff.token, s.id))?.textMessages).toMatchObject(shown);
    expect((await readTexts(w.staff.token, s.id))?.textMessages[0]?.lastError).toContain("gateway answered 503");
    expect((await readTexts(w.otherDeputy.token, s.id))?.textMessages ?? []).toEqual([]);
    expect(await readTexts(undefined, s.id)).toBeNull();
  });
});

/** A gateway that holds every message until released, so a worker can be caught mid-send. */
class HeldSmsSender implements SmsSender {
  readonly sent: string[] = [];
  private release!: () => void;
  private readonly released = new Promise<void>((resolve) => {
    this.release = resolve;
  });
  private heldResolve!: () => void;
  /** Resolves when the first message is in the gateway's hands. */
  readonly holding = new Promise<void>((resolve) => {
    this.heldResolve = resolve;
  });
  async send(phone: string): Promise<void> {
    this.heldResolve();
    await this.released;
    this.sent.push(phone);
  }
  letGo() {
    this.release();
  }
}

describe("two workers (two server instances)", () => {
  it("never send the same text twice", async () => {
    // On PostgreSQL the second worker has its own connection pool, as another instance would.
    const other: Database | null = process.env.TEST_DATABASE_URL
      ? await openDatabase({ url: process.env.TEST_DATABASE_URL, dataDir: "memory://" })
      : null;
    try {
      const due = new Date(Date.now() + 3_600_000); // out of reach of the app's own worker
      const phones = Array.from({ length: 24 }, () => uniquePhone());
      const rows = await t.db.prisma.textMessage.createManyAndReturn({
        data: phones.map((phone) => ({ phone, kind: "SUGGESTION_REPLIED" as const, body: "测试", nextAttemptAt: due })),
        select: { id: true },
      });
      const ids = rows.map((r) => r.id);

      // Worker A claims a batch and is caught sending its first message …
      const held = new HeldSmsSender();
      const workerA = sendDueTexts({ prisma: t.db.prisma, sms: held, logger: silent }, { ids, now: due, batch: 5 });
      await held.holding;
      // … while worker B, and then both together, work through the rest.
      const quick = new CapturingSmsSender();
      const workerB = sendDueTexts(
        { prisma: other?.prisma ?? t.db.prisma, sms: quick, logger: silent },
        { ids, now: due, batch: 5 },
      );
      const runB = await workerB;
      held.letGo();
      const runA = await workerA;

      const sentPhones = [...held.sent, ...quick.sent.map((m) => m.phone)];
      expect(sentPhones.sort()).toEqual([...phones].sort());
      expect(runA.sent.length).toBeGreaterThanOrEqual(5);
      expect(runB.sent.length).toBeGreaterThan(0);
      expect([...runA.sent, ...runB.sent].sort((x, y) => x - y)).toEqual(ids);
      const stored = await t.db.prisma.textMessage.findMany({ where: { id: { in: ids } } });
      expect(stored.every((m) => m.attempts === 1 && m.sentAt !== null && m.nextAttemptAt === null)).toBe(true);
    } finally {
      await other?.close();
    }
  });
});
