import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../../testing/harness.js";
import { LogSmsSender } from "../notifications/sms.js";
import { addDays, today } from "./calendar.js";
import { PHONE_FOLLOW_UP_DAYS } from "./lifecycle.js";
import {
  api,
  recordedWithoutAccount,
  type SuggestionApi,
  type SuggestionWorld,
  submitted,
  suggestionWorld,
  useSuggestionSuite,
} from "./testing.js";

// A resident a deputy met at a reception, without an account: told of the reply by text message,
// rated by the deputy's call (电话回访), and the suggestion closed only after that or after the
// follow-up period — with the phone rating in the satisfaction figures.

let t: TestApp;
let w: SuggestionWorld;
let a: SuggestionApi;
useSuggestionSuite((suite) => {
  ({ t, w, a } = suite);
});

/** Transferred to 城管, signed for and replied by it. */
async function replied(id: string, body = "已协调交警部门，下月安装信号灯。") {
  const moved = await a.transfer(w.deputy.token, id, [{ departmentId: String(w.chengguan.id), role: "LEAD" }]);
  await a.acknowledge(w.handler.token, moved.currentTransfers[0]?.id as string);
  return a.reply(w.handler.token, id, body);
}

const FOLLOW_UP = `id status round viewerActions unratedCloseFrom
  ratings { round satisfaction comment byPhone enteredByName }
  history { action byPhone satisfaction toStatus }`;
interface FollowUp {
  id: string;
  status: string;
  round: number;
  viewerActions: string[];
  unratedCloseFrom: string | null;
  ratings: { round: number; satisfaction: string; comment: string | null; byPhone: boolean; enteredByName: string }[];
  history: { action: string; byPhone: boolean; satisfaction: string | null; toStatus: string | null }[];
}

describe("a submitter without an account", () => {
  it("is sent the reply by text message, and a deputy enters the rating they give on the phone", async () => {
    const phone = "13812340002";
    const s = await recordedWithoutAccount(t, w, { phone, name: "王师傅" });
    expect(s.status).toBe("ACCEPTED");
    await replied(s.id, "已协调交警部门，下月安装信号灯，联系人 13900001111。");

    // One text message, to the number recorded, with the reply in it.
    const texts = t.sms.to(phone);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain("已答复：已协调交警部门，下月安装信号灯");
    expect(texts[0]).toContain("电话回访");
    const notice = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { subjectType: "SUGGESTION", subjectId: Number(s.id), action: "suggestion.textNotice" },
    });
    expect(JSON.stringify(notice.data)).not.toContain(phone);

    // The deputy cannot close it yet: the resident was not asked.
    let read = (await a.read(w.deputy.token, s.id, FOLLOW_UP)) as unknown as FollowUp;
    expect(read.viewerActions).toEqual(["RATE_BY_PHONE"]);
    expect(read.unratedCloseFrom).toBe(addDays(today(), PHONE_FOLLOW_UP_DAYS));
    const early = await a.fail("closeSuggestion", "(id: $id)", { id: s.id }, w.deputy.token);
    expect(early).toMatchObject({ code: "INVALID_TRANSITION" });
    expect(early.message).toContain("电话回访");

    // Only the post's deputies (and staff) may enter it; 不满意 needs the reason.
    expect(
      await a.fail(
        "rateSuggestionByPhone",
        "(id: $id, satisfaction: $satisfaction)",
        { id: s.id, satisfaction: "SATISFIED" },
        w.otherDeputy.token,
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(
      await a.fail(
        "rateSuggestionByPhone",
        "(id: $id, satisfaction: $satisfaction)",
        { id: s.id, satisfaction: "UNSATISFIED" },
        w.deputy.token,
      ),
    ).toMatchObject({ code: "VALIDATION", field: "comment" });

    const rated = await a.rateByPhone(w.deputy2.token, s.id, "BASICALLY_SATISFIED", "希望尽快安装");
    expect(rated.status).toBe("RATED");
    const row = await t.db.prisma.suggestionRating.findFirstOrThrow({ where: { suggestionId: Number(s.id) } });
    expect(row).toMatchObject({ byPhone: true, raterId: w.deputy2.account.id, satisfaction: "BASICALLY_SATISFIED" });
    read = (await a.read(w.deputy.token, s.id, FOLLOW_UP)) as unknown as FollowUp;
    const deputy2Name = (
      await t.db.prisma.deputyProfile.findUniqueOrThrow({ where: { accountId: w.deputy2.account.id } })
    ).name;
    expect(read.ratings).toEqual([
      {
        round: 1,
        satisfaction: "BASICALLY_SATISFIED",
        comment: "希望尽快安装",
        byPhone: true,
        enteredByName: deputy2Name,
      },
    ]);
    expect(read.history.find((e) => e.toStatus === "RATED")).toMatchObject({
      byPhone: true,
      satisfaction: "BASICALLY_SATISFIED",
    });
    // The other deputy of the post is told; now it may be closed.
    expect(
      await t.db.prisma.notification.count({
        where: { recipientId: w.deputy.account.id, subjectId: Number(s.id), kind: "suggestion.rated" },
      }),
    ).toBe(1);
    expect(read.viewerActions).toEqual(["CLOSE"]);
    expect((await a.close(w.deputy.token, s.id)).status).toBe("CLOSED");
  });

  it("goes under supervision for another round when the resident says 不满意 on the phone", async () => {
    const s = await recordedWithoutAccount(t, w);
    await replied(s.id);
    const supervising = await a.rateByPhone(w.deputy.token, s.id, "UNSATISFIED", "信号灯时间太短");
    expect(supervising).toMatchObject({ status: "SUPERVISING", round: 2, viewerActions: ["TRANSFER"] });
    // The second round's reply is texted as well.
    await replied(s.id, "信号灯时长已调整为 60 秒。");
    const phone = (await t.db.prisma.suggestion.findUniqueOrThrow({ where: { id: Number(s.id) } }))
      .submitterPhone as string;
    expect(t.sms.to(phone)).toHaveLength(2);
    expect(t.sms.to(phone)[1]).toContain("信号灯时长已调整为 60 秒");
  });

  it("may be closed unrated only once the follow-up period after the reply has passed", async () => {
    const s = await recordedWithoutAccount(t, w);
    await replied(s.id);
    const backdate = (days: number) =>
      t.db.prisma.suggestionReply.updateMany({
        where: { suggestionId: Number(s.id) },
        data: { createdAt: new Date(Date.now() - days * 86_400_000) },
      });
    await backdate(PHONE_FOLLOW_UP_DAYS - 1);
    expect(await a.fail("closeSuggestion", "(id: $id)", { id: s.id }, w.deputy.token)).toMatchObject({
      code: "INVALID_TRANSITION",
    });
    await backdate(PHONE_FOLLOW_UP_DAYS);
    const read = (await a.read(w.deputy.token, s.id, FOLLOW_UP)) as unknown as FollowUp;
    expect(read.viewerActions).toEqual(["RATE_BY_PHONE", "CLOSE"]);
    expect((await a.close(w.deputy.token, s.id)).status).toBe("CLOSED");
  });
});

describe("a submitter with an account", () => {
  it("rates themselves: a deputy may not enter a rating for them, and no text message goes out", async () => {
    const s = await submitted(t, w);
    await a.accept(w.deputy.token, s.id);
    await replied(s.id);
    expect(
      await a.fail(
        "rateSuggestionByPhone",
        "(id: $id, satisfaction: $satisfaction)",
        { id: s.id, satisfaction: "SATISFIED" },
        w.deputy.token,
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect((await a.read(w.deputy.token, s.id))?.viewerActions).toEqual([]);
    expect(t.sms.to(w.resident.phone)).toEqual([]);
    expect((await a.rate(w.resident.token, s.id, "SATISFIED")).status).toBe("RATED");
  });
});

describe("the satisfaction figures", () => {
  it("count ratings taken by phone like any other, and say how many were", async () => {
    const fresh = await suggestionWorld(t);
    const b = api(t);
    const ratedWith = async (satisfaction: string, byPhone: boolean) => {
      const s = byPhone ? await recordedWithoutAccount(t, fresh) : await submitted(t, fresh);
      if (!byPhone) await b.accept(fresh.deputy.token, s.id);
      const moved = await b.transfer(fresh.deputy.token, s.id, [
        { departmentId: String(fresh.chengguan.id), role: "LEAD" },
      ]);
      await b.acknowledge(fresh.handler.token, moved.currentTransfers[0]?.id as string);
      await b.reply(fresh.handler.token, s.id, "已处理");
      if (byPhone) await b.rateByPhone(fresh.deputy.token, s.id, satisfaction, "电话里说的");
      else await b.rate(fresh.resident.token, s.id, satisfaction, "网上评的");
    };
    await ratedWith("SATISFIED", false);
    await ratedWith("SATISFIED", true);
    await ratedWith("UNSATISFIED", true);
    const stats = await t.gql<{
      suggestionStatistics: {
        total: {
          rated: number;
          ratedByPhone: number;
          satisfied: number;
          unsatisfied: number;
          satisfactionRate: { numerator: number; denominator: number; percent: string };
        };
      };
    }>(
      `query($from: Date!, $to: Date!, $postId: ID) {
        suggestionStatistics(from: $from, to: $to, groupBy: POST, postId: $postId) {
          total { rated ratedByPhone satisfied unsatisfied satisfactionRate { numerator denominator percent } }
        }
      }`,
      { from: today(), to: today(), postId: String(fresh.post.id) },
      fresh.deputy.token,
    );
    expect(stats.errors).toBeUndefined();
    expect(stats.data?.suggestionStatistics.total).toEqual({
      rated: 3,
      ratedByPhone: 2,
      satisfied: 2,
      unsatisfied: 1,
      satisfactionRate: { numerator: 2, denominator: 3, percent: "66.67" },
    });
  });
});

describe("the default text-message channel", () => {
  it("writes the message to the log with the phone masked, and masks numbers in the text", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    await new LogSmsSender(pino({ level: "info" }, sink)).send("13800000002", "请回电 13912345678 或 021-5555");
    const logged = lines.join("");
    expect(logged).toContain("138****0002");
    expect(logged).toContain("139****5678");
    expect(logged).not.toContain("13800000002");
    expect(logged).not.toContain("13912345678");
  });
});
