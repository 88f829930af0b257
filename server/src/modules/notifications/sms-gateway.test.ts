import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { type CodeSenderConfig, loadConfig } from "../../config.js";
import { createLogger } from "../../logger.js";
import { uniquePhone } from "../../testing/factories.js";
import type { TestApp } from "../../testing/harness.js";
import {
  recordedWithoutAccount,
  type SuggestionApi,
  type SuggestionWorld,
  useSuggestionSuite,
} from "../suggestions/testing.js";
import { createSmsSender, HttpSmsSender, LogSmsSender } from "./sms.js";
import { sendDueTexts, textIdempotencyKey } from "./text-outbox.js";

// Text messages leave through the SMS gateway that CODE_SENDER=http names, as sign-in codes do: a
// real HTTP server on port 0 stands in for it. A failed or unanswered POST is a failure the outbox
// retries, and every attempt at one message carries the same Idempotency-Key.

describe("loadConfig: text messages in production", () => {
  const base = { APP_SECRET: "s", DATA_DIR: "/tmp/unused", NODE_ENV: "production" };

  it("refuses the log sender for texts too (they would be marked sent, never received)", () => {
    expect(() => loadConfig(base, [])).toThrow(/text messages written to the log/);
    expect(() => loadConfig({ ...base, CODE_SENDER: "log" }, [])).toThrow(/ALLOW_LOG_CODE_SENDER/);
  });

  it("builds the gateway sender from CODE_SENDER=http, the log sender only when allowed", () => {
    const logger = createLogger("silent");
    const http = loadConfig({ ...base, CODE_SENDER: "http", SMS_GATEWAY_URL: "https://sms.example/send" }, []);
    expect(createSmsSender(http.codeSender as CodeSenderConfig, logger)).toBeInstanceOf(HttpSmsSender);
    const allowed = loadConfig({ ...base, ALLOW_LOG_CODE_SENDER: "true" }, []);
    expect(createSmsSender(allowed.codeSender as CodeSenderConfig, logger)).toBeInstanceOf(LogSmsSender);
  });
});

interface Received {
  headers: IncomingHttpHeaders;
  body: { phone: string; text: string };
}

/** What the stand-in gateway does with the next requests, in order; then it answers 200. */
type Behaviour = "fail" | "hang";
const plan: Behaviour[] = [];
const received: Received[] = [];
const gateway = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
    const behaviour = plan.shift();
    if (behaviour === "hang") return; // never answers; closed with the server
    if (behaviour === "fail") res.writeHead(500).end("internal error");
    else res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  });
});
await new Promise<void>((done) => gateway.listen(0, "127.0.0.1", done));
const gatewayConfig: CodeSenderConfig = {
  kind: "http",
  url: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms/send`,
  token: "gateway-token",
};
afterAll(async () => {
  gateway.closeAllConnections();
  await new Promise((done) => gateway.close(done));
});

let t: TestApp;
let w: SuggestionWorld;
let a: SuggestionApi;
useSuggestionSuite(
  (suite) => {
    ({ t, w, a } = suite);
  },
  { textSender: gatewayConfig },
);

const silent = createLogger("silent");
const toPhone = (phone: string) => received.filter((r) => r.body.phone === phone);
const textsOf = (suggestionId: string) =>
  t.db.prisma.textMessage.findMany({ where: { suggestionId: Number(suggestionId) }, orderBy: { id: "asc" } });

describe("CODE_SENDER=http: createApp sends the outbox's texts to the gateway", () => {
  it("POSTs the reply's text with the phone, the gateway's token and the row's idempotency key", async () => {
    const phone = uniquePhone();
    const s = await recordedWithoutAccount(t, w, { phone });
    const moved = await a.transfer(w.deputy.token, s.id, [{ departmentId: String(w.chengguan.id), role: "LEAD" }]);
    await a.acknowledge(w.handler.token, moved.currentTransfers[0]?.id as string);
    await a.reply(w.handler.token, s.id, "已协调交警部门，下月安装信号灯。");

    const [row] = await textsOf(s.id);
    expect(row).toMatchObject({ kind: "SUGGESTION_REPLIED", attempts: 1, nextAttemptAt: null, lastError: null });
    expect(row?.sentAt).toBeInstanceOf(Date);
    const [sms, ...more] = toPhone(phone);
    expect(more).toEqual([]);
    expect(sms?.body).toEqual({ phone, text: row?.body });
    expect(sms?.body.text).toContain("已答复：已协调交警部门，下月安装信号灯");
    expect(sms?.headers).toMatchObject({
      "content-type": "application/json",
      authorization: "Bearer gateway-token",
      "idempotency-key": textIdempotencyKey(row?.id as number),
    });
    // Nothing went to the capturing sender: the text took the configured path.
    expect(t.sms.to(phone)).toEqual([]);
  });

  it("retries after the gateway answered 500, with the same key, and then marks the text sent", async () => {
    const phone = uniquePhone();
    const s = await recordedWithoutAccount(t, w, { phone, accept: false });
    plan.push("fail");
    await a.ok("declineSuggestion", "(id: $id, reason: $reason)", { id: s.id, reason: "重复反映" }, w.deputy.token);

    let [row] = await textsOf(s.id);
    if (!row?.nextAttemptAt) throw new Error("the text was not left to retry");
    expect(row).toMatchObject({ attempts: 1, sentAt: null, failedAt: null });
    expect(row.lastError).toContain("SMS gateway answered 500");
    expect(row.lastError).not.toContain(phone);

    const sms = createSmsSender(gatewayConfig, silent);
    const run = await sendDueTexts(
      { prisma: t.db.prisma, sms, logger: silent },
      { ids: [row.id], now: row.nextAttemptAt },
    );
    expect(run.sent).toEqual([row.id]);
    [row] = await textsOf(s.id);
    expect(row).toMatchObject({ attempts: 2, nextAttemptAt: null, failedAt: null });
    expect(row?.sentAt).toBeInstanceOf(Date);
    const attempts = toPhone(phone);
    expect(attempts).toHaveLength(2);
    expect(attempts.map((r) => r.headers["idempotency-key"])).toEqual([
      textIdempotencyKey(row?.id as number),
      textIdempotencyKey(row?.id as number),
    ]);
    expect(attempts[1]?.body.text).toContain("不予受理，理由：重复反映");
  });

  it("counts a gateway that does not answer within the timeout as a failure", async () => {
    const phone = uniquePhone();
    const due = new Date(Date.now() + 3_600_000); // out of reach of the app's own worker
    const row = await t.db.prisma.textMessage.create({
      data: { phone, kind: "SUGGESTION_REPLIED", body: "测试", nextAttemptAt: due },
    });
    plan.push("hang");
    const sms = new HttpSmsSender({ url: gatewayConfig.url, timeoutMs: 300 }, silent);
    const run = await sendDueTexts({ prisma: t.db.prisma, sms, logger: silent }, { ids: [row.id], now: due });
    expect(run.retrying).toEqual([row.id]);
    const stored = await t.db.prisma.textMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({ attempts: 1, sentAt: null });
    expect(stored.lastError).toMatch(/did not answer within 300 ms/);
    expect(stored.lastError).not.toContain(phone);
    expect(toPhone(phone)).toHaveLength(1);
  });

  it("counts an unreachable gateway as a failure", async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, "127.0.0.1", done));
    const { port } = closed.address() as AddressInfo;
    await new Promise((done) => closed.close(done));
    const sms = new HttpSmsSender({ url: `http://127.0.0.1:${port}/` }, silent);
    const phone = uniquePhone();
    const error = await sms.send(phone, "测试", { idempotencyKey: "k" }).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/SMS gateway unreachable for \d{3}\*{4}\d{4}: ECONNREFUSED/);
    expect(error?.message).not.toContain(phone);
  });
});
