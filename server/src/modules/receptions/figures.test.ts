import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factories } from "../../testing/factories.js";
import { startTestApp, type TestApp } from "../../testing/harness.js";
import { APP_ERROR, failed, succeeded } from "../../testing/results.js";
import { shanghaiDate } from "../suggestions/calendar.js";
import { type SuggestionWorld, suggestionWorld } from "../suggestions/testing.js";

// "接待选民 200 余人次": the reception figures of the statistics, from a known set of reception days,
// bookings and recorded counts, as the deputies of the post and staff of its area see them.

let t: TestApp;
let w: SuggestionWorld;
const days: Record<"counted" | "uncounted" | "cancelled" | "upcoming" | "otherPost", number> = {
  counted: 0,
  uncounted: 0,
  cancelled: 0,
  upcoming: 0,
  otherPost: 0,
};

const hoursFromNow = (n: number) => new Date(Date.now() + n * 3600_000);

const RECORD_VISITORS = `mutation($id: ID!, $count: Int!) { recordReceptionVisitors(receptionDayId: $id, visitorCount: $count) {
  __typename ${APP_ERROR} ... on MutationRecordReceptionVisitorsSuccess { data { id visitorCount } } } }`;
const FIGURES = `query($from: Date!, $to: Date!, $postId: ID) { suggestionStatistics(from: $from, to: $to, groupBy: POST, postId: $postId) {
  receptions { held visitors daysWithVisitorCount booked attended suggestionsRecorded } } }`;

async function day(postId: number, startsInHours: number, extra: { cancelledAt?: Date } = {}) {
  const created = await t.db.prisma.receptionDay.create({
    data: {
      postId,
      startsAt: hoursFromNow(startsInHours),
      endsAt: hoursFromNow(startsInHours + 2),
      place: "联络站接待室",
      ...extra,
    },
  });
  return created.id;
}

async function bookings(receptionDayId: number, statuses: ("BOOKED" | "ATTENDED" | "NO_SHOW" | "CANCELLED")[]) {
  const f = factories(t);
  for (const status of statuses) {
    const person = await f.seedPerson();
    await t.db.prisma.receptionBooking.create({
      data: { receptionDayId, accountId: person.account.id, subject: "反映停车难", status },
    });
  }
}

async function figures(token: string, postId?: number) {
  const period = { from: shanghaiDate(hoursFromNow(-24 * 30)), to: shanghaiDate(new Date()) };
  const response = await t.gql<{ suggestionStatistics: { receptions: Record<string, number> } }>(
    FIGURES,
    { ...period, postId: postId ? String(postId) : null },
    token,
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data?.suggestionStatistics.receptions;
}

beforeAll(async () => {
  t = await startTestApp();
  w = await suggestionWorld(t);
  days.counted = await day(w.post.id, -72);
  days.uncounted = await day(w.post.id, -48);
  days.cancelled = await day(w.post.id, -24, { cancelledAt: hoursFromNow(-30) });
  days.upcoming = await day(w.post.id, 48);
  days.otherPost = await day(w.otherPost.id, -50);
  await bookings(days.counted, ["ATTENDED", "ATTENDED", "NO_SHOW"]);
  await bookings(days.uncounted, ["ATTENDED", "ATTENDED", "NO_SHOW", "CANCELLED"]);
  await bookings(days.cancelled, ["CANCELLED", "CANCELLED"]);
  await bookings(days.upcoming, ["BOOKED"]);
  await bookings(days.otherPost, ["ATTENDED"]);
});

afterAll(async () => {
  await t?.close();
});

describe("recording 接待人次", () => {
  it("takes the count of everyone received, walk-ins included, from a deputy of the post", async () => {
    const recorded = succeeded<{ visitorCount: number }>(
      await t.gql(RECORD_VISITORS, { id: String(days.counted), count: 12 }, w.deputy.token),
      "recordReceptionVisitors",
    );
    expect(recorded.visitorCount).toBe(12);
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "reception.visitors", subjectId: days.counted },
    });
    expect(audit.actorId).toBe(w.deputy.account.id);
  });

  it("refuses fewer than the attended bookings, a day not yet begun, and anyone not running the post", async () => {
    expect(
      failed(
        await t.gql(RECORD_VISITORS, { id: String(days.uncounted), count: 1 }, w.deputy.token),
        "recordReceptionVisitors",
      ),
    ).toMatchObject({
      code: "VALIDATION",
      field: "visitorCount",
      message: "接待人次不能少于已登记到场的预约人数（2）",
    });
    expect(
      failed(
        await t.gql(RECORD_VISITORS, { id: String(days.upcoming), count: 3 }, w.deputy.token),
        "recordReceptionVisitors",
      ).code,
    ).toBe("INVALID_TRANSITION");
    for (const token of [w.otherDeputy.token, w.resident.token, w.otherStaff.token]) {
      expect(
        failed(await t.gql(RECORD_VISITORS, { id: String(days.counted), count: 99 }, token), "recordReceptionVisitors")
          .code,
      ).toBe("FORBIDDEN");
    }
    const counted = await t.db.prisma.receptionDay.findUniqueOrThrow({ where: { id: days.counted } });
    expect(counted.visitorCount).toBe(12);
  });
});

describe("the reception figures of the statistics", () => {
  it("count days held, visitors, bookings and suggestions heard there, for the post's deputy and staff", async () => {
    // A suggestion heard at the counted day, recorded by the deputy.
    succeeded(
      await t.gql(
        `mutation($input: RecordSuggestionInput!) { recordSuggestion(input: $input) { __typename ${APP_ERROR}
          ... on MutationRecordSuggestionSuccess { data { id } } } }`,
        {
          input: {
            receptionDayId: String(days.counted),
            name: "刘阿姨",
            category: "TRANSPORT",
            title: "公交站没有遮雨棚",
            content: "三林路公交站下雨天没地方躲",
            allowPublish: true,
          },
        },
        w.deputy.token,
      ),
      "recordSuggestion",
    );
    // Held: the counted and uncounted days (not the cancelled, not the upcoming, not the other post's).
    // Visitors: 12 recorded + 2 attended where none was recorded.
    const expected = { held: 2, visitors: 14, daysWithVisitorCount: 1, booked: 6, attended: 4, suggestionsRecorded: 1 };
    expect(await figures(w.deputy.token)).toEqual(expected);
    expect(await figures(w.staff.token)).toEqual(expected);
    expect(await figures(w.deputy.token, w.post.id)).toEqual(expected);
    // The other post's deputy sees only their own post's day.
    expect(await figures(w.otherDeputy.token)).toEqual({
      held: 1,
      visitors: 1,
      daysWithVisitorCount: 0,
      booked: 1,
      attended: 1,
      suggestionsRecorded: 0,
    });
  });
});
