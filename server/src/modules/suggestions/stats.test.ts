import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  Satisfaction,
  SuggestionCategory,
  SuggestionStatus,
  TransferRole,
  TransferStatus,
} from "../../generated/prisma/client.js";
import { factories, type Person, uniqueSuffix } from "../../testing/factories.js";
import { startTestApp, type TestApp } from "../../testing/harness.js";
import { toDbDate } from "./calendar.js";
import { csvCell } from "./export.js";
import { decimal } from "./stats.js";
import { api, type SuggestionWorld, submitted, suggestionWorld } from "./testing.js";

// The annual-report figures, checked one by one against a known set of suggestions whose figures
// were counted by hand (the comments show the count). The period is September–October 2025, which
// holds 国庆 (10-01 to 10-08 off; Sunday 09-28 and Saturday 10-11 worked).

let t: TestApp;
let w: SuggestionWorld;
let streetStaff: Person;
const ids: Record<string, number> = {};

/** An instant on a Shanghai date and hour. */
const at = (date: string, hour = 10, minute = 0) =>
  new Date(`${date}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00+08:00`);

interface TransferSpec {
  department: "chengguan" | "fangguan" | "paichusuo";
  role: TransferRole;
  round: number;
  at: Date;
  dueOn: string;
  status: TransferStatus;
  completedAt?: Date;
  returnedAt?: Date;
}

interface Spec {
  name: string;
  post: "P1" | "P2" | "ELSEWHERE";
  category: SuggestionCategory;
  status: SuggestionStatus;
  createdAt: Date;
  submitter?: boolean;
  decided?: { by: "deputy" | "deputy2" | "otherDeputy"; at: Date; to: "ACCEPTED" | "DECLINED" };
  closedAt?: Date;
  round?: number;
  transfers?: TransferSpec[];
  replies?: Date[];
  ratings?: { at: Date; satisfaction: Satisfaction }[];
}

const SPECS: Spec[] = [
  {
    // Handled on time; 09-26 → 10-11: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11 = 6 working days.
    name: "S1",
    post: "P1",
    category: "CITY_APPEARANCE",
    status: "CLOSED",
    createdAt: at("2025-09-26", 10),
    submitter: true,
    decided: { by: "deputy", at: at("2025-09-26", 15), to: "ACCEPTED" },
    transfers: [
      {
        department: "chengguan",
        role: "LEAD",
        round: 1,
        at: at("2025-09-28", 9),
        dueOn: "2025-10-10",
        status: "DONE",
        completedAt: at("2025-10-09", 16),
      },
    ],
    replies: [at("2025-10-09", 16)],
    ratings: [{ at: at("2025-10-10", 10), satisfaction: "SATISFIED" }],
    closedAt: at("2025-10-11", 9),
  },
  {
    // The lead finished late (overdue); 不满意, a second round, 基本满意. 09-30 → 10-24: 10-09,
    // 10-10, 10-11, 10-13…10-17, 10-20…10-24 = 13 working days.
    name: "S2",
    post: "P1",
    category: "TRANSPORT",
    status: "CLOSED",
    round: 2,
    createdAt: at("2025-09-30", 9),
    submitter: true,
    decided: { by: "deputy", at: at("2025-09-30", 10), to: "ACCEPTED" },
    transfers: [
      {
        department: "chengguan",
        role: "LEAD",
        round: 1,
        at: at("2025-09-30", 11),
        dueOn: "2025-10-09",
        status: "DONE",
        completedAt: at("2025-10-13", 10),
      },
      {
        department: "fangguan",
        role: "CO",
        round: 1,
        at: at("2025-09-30", 11),
        dueOn: "2025-10-20",
        status: "DONE",
        completedAt: at("2025-10-10", 10),
      },
      {
        department: "chengguan",
        role: "LEAD",
        round: 2,
        at: at("2025-10-15", 9),
        dueOn: "2025-10-24",
        status: "DONE",
        completedAt: at("2025-10-22", 10),
      },
    ],
    replies: [at("2025-10-13", 10), at("2025-10-22", 10)],
    ratings: [
      { at: at("2025-10-14", 9), satisfaction: "UNSATISFIED" },
      { at: at("2025-10-23", 9), satisfaction: "BASICALLY_SATISFIED" },
    ],
    closedAt: at("2025-10-24", 10),
  },
  {
    // Still open past its due date at the end of the period: overdue.
    name: "S3",
    post: "P1",
    category: "CITY_APPEARANCE",
    status: "IN_PROGRESS",
    createdAt: at("2025-10-10", 9),
    submitter: true,
    decided: { by: "deputy2", at: at("2025-10-10", 11), to: "ACCEPTED" },
    transfers: [
      {
        department: "fangguan",
        role: "LEAD",
        round: 1,
        at: at("2025-10-10", 12),
        dueOn: "2025-10-20",
        status: "IN_PROGRESS",
      },
    ],
  },
  {
    name: "S4",
    post: "P1",
    category: "PROPERTY_MANAGEMENT",
    status: "DECLINED",
    createdAt: at("2025-10-15", 9),
    submitter: true,
    decided: { by: "deputy", at: at("2025-10-16", 9), to: "DECLINED" },
  },
  { name: "S5", post: "P1", category: "OTHER", status: "SUBMITTED", createdAt: at("2025-10-20", 9), submitter: true },
  {
    // Recorded for a visitor (no rating); 派出所 sent it back, 城管 did it on its due date.
    // 09-10 → 09-26: 09-11, 09-12, 09-15…09-19, 09-22…09-26 = 12 working days.
    name: "S6",
    post: "P2",
    category: "CITY_APPEARANCE",
    status: "CLOSED",
    createdAt: at("2025-09-10", 14),
    decided: { by: "otherDeputy", at: at("2025-09-10", 15), to: "ACCEPTED" },
    transfers: [
      {
        department: "paichusuo",
        role: "LEAD",
        round: 1,
        at: at("2025-09-11", 9),
        dueOn: "2025-09-20",
        status: "RETURNED",
        returnedAt: at("2025-09-12", 9),
      },
      {
        department: "chengguan",
        role: "LEAD",
        round: 1,
        at: at("2025-09-12", 10),
        dueOn: "2025-09-25",
        status: "DONE",
        completedAt: at("2025-09-25", 17),
      },
    ],
    replies: [at("2025-09-25", 17)],
    closedAt: at("2025-09-26", 10),
  },
  {
    // Transferred on the last day; replied, rated and closed only in November: none of that counts.
    name: "S7",
    post: "P2",
    category: "TRANSPORT",
    status: "CLOSED",
    createdAt: at("2025-10-30", 9),
    submitter: true,
    decided: { by: "otherDeputy", at: at("2025-10-30", 10), to: "ACCEPTED" },
    transfers: [
      {
        department: "chengguan",
        role: "LEAD",
        round: 1,
        at: at("2025-10-31", 10),
        dueOn: "2025-11-14",
        status: "DONE",
        completedAt: at("2025-11-05", 9),
      },
    ],
    replies: [at("2025-11-05", 9)],
    ratings: [{ at: at("2025-11-06", 9), satisfaction: "SATISFIED" }],
    closedAt: at("2025-11-07", 9),
  },
  // 23:30 on 08-31 in Shanghai (15:30 UTC): before the period.
  {
    name: "S8",
    post: "P1",
    category: "OTHER",
    status: "SUBMITTED",
    createdAt: at("2025-08-31", 23, 30),
    submitter: true,
  },
  // 00:10 on 11-01 in Shanghai (10-31 16:10 UTC): after it.
  {
    name: "S9",
    post: "P1",
    category: "OTHER",
    status: "SUBMITTED",
    createdAt: at("2025-11-01", 0, 10),
    submitter: true,
  },
  {
    // 不满意 in round 1; the supervised round is still open past its due date: overdue.
    name: "S11",
    post: "P1",
    category: "ELDERLY_SERVICES",
    status: "SUPERVISING",
    round: 2,
    createdAt: at("2025-09-15", 9),
    submitter: true,
    decided: { by: "deputy", at: at("2025-09-15", 10), to: "ACCEPTED" },
    transfers: [
      {
        department: "paichusuo",
        role: "LEAD",
        round: 1,
        at: at("2025-09-16", 9),
        dueOn: "2025-09-30",
        status: "DONE",
        completedAt: at("2025-09-29", 9),
      },
      {
        department: "paichusuo",
        role: "LEAD",
        round: 2,
        at: at("2025-10-09", 9),
        dueOn: "2025-10-17",
        status: "IN_PROGRESS",
      },
    ],
    replies: [at("2025-09-29", 9)],
    ratings: [{ at: at("2025-09-30", 9), satisfaction: "UNSATISFIED" }],
  },
  // Another street: outside everyone's scope here.
  { name: "S12", post: "ELSEWHERE", category: "OTHER", status: "SUBMITTED", createdAt: at("2025-10-01", 9) },
];

beforeAll(async () => {
  t = await startTestApp();
  w = await suggestionWorld(t);
  const prisma = t.db.prisma;
  const f = factories(t);
  streetStaff = await f.seedStaff({ area: w.tree.street });
  const elsewhere = await f.createAreaTree();
  const elsewherePost = await prisma.liaisonPost.create({
    data: {
      kind: "STATION",
      name: `外街联络站${uniqueSuffix()}`,
      areaId: elsewhere.sanlin.neighbourhood.id,
      address: "外街1号",
    },
  });
  const posts = { P1: w.post, P2: w.otherPost, ELSEWHERE: elsewherePost };
  const departments = { chengguan: w.chengguan, fangguan: w.fangguan, paichusuo: w.paichusuo };
  const people = { deputy: w.deputy, deputy2: w.deputy2, otherDeputy: w.otherDeputy };
  for (const spec of SPECS) {
    const post = posts[spec.post];
    const s = await prisma.suggestion.create({
      data: {
        postId: post.id,
        areaId: post.areaId,
        category: spec.category,
        title: `${spec.name} ${uniqueSuffix()}`,
        content: "……",
        channel: spec.submitter ? "ONLINE" : "RECEPTION",
        submitterId: spec.submitter ? w.resident.account.id : null,
        submitterName: spec.submitter ? null : "王师傅",
        submitterPhone: spec.submitter ? null : "13700000001",
        status: spec.status,
        round: spec.round ?? 1,
        createdAt: spec.createdAt,
        acceptedAt: spec.decided?.to === "ACCEPTED" ? spec.decided.at : null,
        declinedAt: spec.decided?.to === "DECLINED" ? spec.decided.at : null,
        declineReason: spec.decided?.to === "DECLINED" ? "不属于受理范围" : null,
        closedAt: spec.closedAt ?? null,
      },
    });
    ids[spec.name] = s.id;
    if (spec.decided) {
      await prisma.auditEvent.create({
        data: {
          at: spec.decided.at,
          actorId: people[spec.decided.by].account.id,
          action: "suggestion.transition",
          subjectType: "SUGGESTION",
          subjectId: s.id,
          areaId: post.areaId,
          fromStatus: "SUBMITTED",
          toStatus: spec.decided.to,
          public: true,
        },
      });
    }
    for (const tr of spec.transfers ?? []) {
      await prisma.suggestionTransfer.create({
        data: {
          suggestionId: s.id,
          departmentId: departments[tr.department].id,
          role: tr.role,
          round: tr.round,
          status: tr.status,
          dueOn: toDbDate(tr.dueOn),
          transferredById: w.deputy.account.id,
          transferredAt: tr.at,
          completedAt: tr.completedAt ?? null,
          returnedAt: tr.returnedAt ?? null,
          returnReason: tr.returnedAt ? "非本部门职责" : null,
        },
      });
    }
    for (const [index, reply] of (spec.replies ?? []).entries()) {
      await prisma.suggestionReply.create({
        data: { suggestionId: s.id, round: index + 1, authorId: w.deputy.account.id, body: "答复", createdAt: reply },
      });
    }
    for (const [index, rating] of (spec.ratings ?? []).entries()) {
      await prisma.suggestionRating.create({
        data: {
          suggestionId: s.id,
          round: index + 1,
          raterId: w.resident.account.id,
          satisfaction: rating.satisfaction,
          createdAt: rating.at,
        },
      });
    }
  }
});

afterAll(async () => {
  await t?.close();
});

const ROW = `key label received accepted declined transferred replied closed rated satisfied basicallySatisfied unsatisfied overdue
  handlingWorkingDaysTotal averageHandlingWorkingDays closureRate { numerator denominator percent } satisfactionRate { numerator denominator percent }`;
const STATS = `query($from: Date!, $to: Date!, $groupBy: SuggestionStatsGroupBy!, $postId: ID) {
  suggestionStatistics(from: $from, to: $to, groupBy: $groupBy, postId: $postId) { from to asOf groupBy total { ${ROW} } rows { ${ROW} } csvUrl xlsxUrl listCsvUrl listXlsxUrl } }`;

interface Row {
  key: string;
  label: string;
  received: number;
  accepted: number;
  declined: number;
  transferred: number;
  replied: number;
  closed: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  overdue: number;
  handlingWorkingDaysTotal: number;
  averageHandlingWorkingDays: string | null;
  closureRate: { numerator: number; denominator: number; percent: string | null };
  satisfactionRate: { numerator: number; denominator: number; percent: string | null };
}
interface Stats {
  from: string;
  to: string;
  asOf: string;
  groupBy: string;
  total: Row;
  rows: Row[];
  csvUrl: string;
  xlsxUrl: string;
  listCsvUrl: string;
  listXlsxUrl: string;
}

async function stats(
  groupBy: string,
  token: string,
  period = { from: "2025-09-01", to: "2025-10-31" },
  postId?: number,
) {
  const response = await t.gql<{ suggestionStatistics: Stats }>(
    STATS,
    { ...period, groupBy, postId: postId ? String(postId) : null },
    token,
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data?.suggestionStatistics as Stats;
}

/** A row from the hand count: counts in order received, accepted, declined, transferred, replied, closed, rated, 满意, 基本满意, 不满意, overdue, handling days. */
function figures(
  counts: [number, number, number, number, number, number, number, number, number, number, number, number],
  rates: { closure: string | null; satisfaction: string | null; average: string | null },
) {
  const [
    received,
    accepted,
    declined,
    transferred,
    replied,
    closed,
    rated,
    satisfied,
    basicallySatisfied,
    unsatisfied,
    overdue,
    handlingWorkingDaysTotal,
  ] = counts;
  return {
    received,
    accepted,
    declined,
    transferred,
    replied,
    closed,
    rated,
    satisfied,
    basicallySatisfied,
    unsatisfied,
    overdue,
    handlingWorkingDaysTotal,
    averageHandlingWorkingDays: rates.average,
    closureRate: { numerator: closed, denominator: accepted, percent: rates.closure },
    satisfactionRate: { numerator: satisfied + basicallySatisfied, denominator: rated, percent: rates.satisfaction },
  };
}

// In the period, in scope: S1, S2, S3, S4, S5, S6, S7, S11.
const TOTAL = figures([8, 6, 1, 6, 4, 3, 3, 1, 1, 1, 3, 31], {
  closure: "50.00",
  satisfaction: "66.67",
  average: "10.33",
});
const P1 = figures([6, 4, 1, 4, 3, 2, 3, 1, 1, 1, 3, 19], { closure: "50.00", satisfaction: "66.67", average: "9.50" });
const P2 = figures([2, 2, 0, 2, 1, 1, 0, 0, 0, 0, 0, 12], { closure: "50.00", satisfaction: null, average: "12.00" });

function byKey(rows: Row[]) {
  return Object.fromEntries(rows.map((row) => [row.key, row]));
}

const COUNTS = [
  "received",
  "accepted",
  "declined",
  "transferred",
  "replied",
  "closed",
  "rated",
  "satisfied",
  "basicallySatisfied",
  "unsatisfied",
  "overdue",
  "handlingWorkingDaysTotal",
] as const;

function expectRowsAddUp(s: Stats) {
  for (const count of COUNTS)
    expect([count, s.rows.reduce((sum, row) => sum + row[count], 0)]).toEqual([count, s.total[count]]);
}

describe("statistics of a period, every figure against the hand count", () => {
  it("in total and by post", async () => {
    const s = await stats("POST", streetStaff.token);
    expect(s).toMatchObject({ from: "2025-09-01", to: "2025-10-31", asOf: "2025-10-31", groupBy: "POST" });
    expect(s.total).toMatchObject({ key: "total", ...TOTAL });
    expect(s.rows.map((r) => r.key)).toEqual([String(w.post.id), String(w.otherPost.id)]);
    expect(s.rows[0]).toMatchObject({ label: w.post.name, ...P1 });
    expect(s.rows[1]).toMatchObject({ label: w.otherPost.name, ...P2 });
    expectRowsAddUp(s);
  });

  it("by category, every category listed", async () => {
    const s = await stats("CATEGORY", streetStaff.token);
    expect(s.total).toMatchObject(TOTAL);
    expect(s.rows.map((r) => [r.key, r.label])).toEqual([
      ["CITY_APPEARANCE", "市容环境"],
      ["TRANSPORT", "交通出行"],
      ["PROPERTY_MANAGEMENT", "物业管理"],
      ["ELDERLY_SERVICES", "为老服务"],
      ["PUBLIC_SAFETY", "公共安全"],
      ["HEALTH_EDUCATION", "卫生教育"],
      ["OTHER", "其他"],
    ]);
    const rows = byKey(s.rows);
    // S1, S3, S6
    expect(rows.CITY_APPEARANCE).toMatchObject(
      figures([3, 3, 0, 3, 2, 2, 1, 1, 0, 0, 1, 18], { closure: "66.67", satisfaction: "100.00", average: "9.00" }),
    );
    // S2, S7
    expect(rows.TRANSPORT).toMatchObject(
      figures([2, 2, 0, 2, 1, 1, 1, 0, 1, 0, 1, 13], { closure: "50.00", satisfaction: "100.00", average: "13.00" }),
    );
    // S4
    expect(rows.PROPERTY_MANAGEMENT).toMatchObject(
      figures([1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], { closure: null, satisfaction: null, average: null }),
    );
    // S11
    expect(rows.ELDERLY_SERVICES).toMatchObject(
      figures([1, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0], { closure: "0.00", satisfaction: "0.00", average: null }),
    );
    expect(rows.PUBLIC_SAFETY).toMatchObject(
      figures([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], { closure: null, satisfaction: null, average: null }),
    );
    // S5
    expect(rows.OTHER).toMatchObject(
      figures([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], { closure: null, satisfaction: null, average: null }),
    );
    expectRowsAddUp(s);
  });

  it("by month, by the Shanghai date received", async () => {
    const s = await stats("MONTH", streetStaff.token);
    expect(s.rows.map((r) => [r.key, r.label])).toEqual([
      ["2025-09", "2025年9月"],
      ["2025-10", "2025年10月"],
    ]);
    // September: S1, S2, S6, S11. October: S3, S4, S5, S7.
    expect(s.rows[0]).toMatchObject(
      figures([4, 4, 0, 4, 4, 3, 3, 1, 1, 1, 2, 31], { closure: "75.00", satisfaction: "66.67", average: "10.33" }),
    );
    expect(s.rows[1]).toMatchObject(
      figures([4, 2, 1, 2, 0, 0, 0, 0, 0, 0, 1, 0], { closure: "0.00", satisfaction: null, average: null }),
    );
    expectRowsAddUp(s);
  });

  it("by the deputy who accepted or declined it", async () => {
    const s = await stats("DEPUTY", streetStaff.token);
    const rows = byKey(s.rows);
    expect(Object.keys(rows).sort()).toEqual(
      [String(w.deputy.account.id), String(w.deputy2.account.id), String(w.otherDeputy.account.id), "none"].sort(),
    );
    expect(s.rows[0]?.key).toBe(String(w.deputy.account.id)); // the most received first
    // S1, S2, S4 (declined), S11
    expect(rows[w.deputy.account.id]).toMatchObject(
      figures([4, 3, 1, 3, 3, 2, 3, 1, 1, 1, 2, 19], { closure: "66.67", satisfaction: "66.67", average: "9.50" }),
    );
    const profile = await t.db.prisma.deputyProfile.findUniqueOrThrow({ where: { accountId: w.deputy.account.id } });
    expect(rows[w.deputy.account.id]?.label).toBe(profile.name);
    // S3
    expect(rows[w.deputy2.account.id]).toMatchObject(
      figures([1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0], { closure: "0.00", satisfaction: null, average: null }),
    );
    // S6, S7
    expect(rows[w.otherDeputy.account.id]).toMatchObject(P2);
    // S5: nobody decided yet.
    expect(rows.none).toMatchObject({
      label: "未受理",
      ...figures([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], { closure: null, satisfaction: null, average: null }),
    });
    expectRowsAddUp(s);
  });

  it("by department, each counting what was transferred to it and not sent back", async () => {
    const s = await stats("DEPARTMENT", streetStaff.token);
    expect(s.total).toMatchObject(TOTAL);
    const rows = byKey(s.rows);
    expect(s.rows.map((r) => r.key)).toEqual([String(w.chengguan.id), String(w.fangguan.id), String(w.paichusuo.id)]);
    // S1, S2, S6, S7 — overdue only S2's late first round.
    expect(rows[w.chengguan.id]).toMatchObject(
      figures([4, 4, 0, 4, 3, 3, 2, 1, 1, 0, 1, 31], { closure: "75.00", satisfaction: "100.00", average: "10.33" }),
    );
    // S2, S3 — S3 open past due.
    expect(rows[w.fangguan.id]).toMatchObject(
      figures([2, 2, 0, 2, 1, 1, 1, 0, 1, 0, 1, 13], { closure: "50.00", satisfaction: "100.00", average: "13.00" }),
    );
    // S11 only (it sent S6 back) — the supervised round open past due.
    expect(rows[w.paichusuo.id]).toMatchObject(
      figures([1, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0], { closure: "0.00", satisfaction: "0.00", average: null }),
    );
  });

  it("as of a later end date, counts what happened by then", async () => {
    // To the end of November: S9 was received; S7 was replied, rated and closed; S3 and S11 are
    // still open past their due dates.
    const s = await stats("POST", streetStaff.token, { from: "2025-09-01", to: "2025-11-30" });
    // S7: 10-30 → 11-07 is 10-31, 11-03…11-07 = 6 working days.
    expect(s.total).toMatchObject(
      figures([9, 6, 1, 6, 5, 4, 4, 2, 1, 1, 3, 37], { closure: "66.67", satisfaction: "75.00", average: "9.25" }),
    );
  });

  it("for a deputy, only their posts; a post of theirs on request; another post refused", async () => {
    const s = await stats("CATEGORY", w.deputy.token);
    expect(s.total).toMatchObject(P1);
    const own = await stats("POST", w.deputy.token, undefined, w.post.id);
    expect(own.total).toMatchObject(P1);
    const refused = await t.gql(
      STATS,
      { from: "2025-09-01", to: "2025-10-31", groupBy: "POST", postId: String(w.otherPost.id) },
      w.deputy.token,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // Staff of one 居民区: only its post.
    expect((await stats("POST", w.otherStaff.token)).total).toMatchObject(P2);
  });

  it("for nobody else", async () => {
    for (const token of [w.resident.token, w.handler.token]) {
      const response = await t.gql(STATS, { from: "2025-09-01", to: "2025-10-31", groupBy: "POST" }, token);
      expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const anonymous = await t.gql(STATS, { from: "2025-09-01", to: "2025-10-31", groupBy: "POST" });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const backwards = await t.gql(STATS, { from: "2025-10-31", to: "2025-09-01", groupBy: "POST" }, streetStaff.token);
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION", field: "to" });
  });

  it("rounds half up in integer arithmetic", () => {
    expect(decimal(2, 3)).toBe("0.67");
    expect(decimal(200, 3)).toBe("66.67");
    expect(decimal(1, 8)).toBe("0.13"); // 0.125
    expect(decimal(1, 200, 2)).toBe("0.01"); // 0.005
    expect(decimal(1, 201, 2)).toBe("0.00");
    expect(decimal(31, 3, 2)).toBe("10.33");
    expect(decimal(5, 1, 0)).toBe("5");
  });
});

// ───────────────────────────── export ─────────────────────────────

async function download(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${t.url}${path}`, { headers });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** RFC 4180, enough for our own files. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

describe("export for the annual report", () => {
  it("downloads the statistics as CSV with a BOM and Chinese headers, equal to the query", async () => {
    const s = await stats("POST", streetStaff.token);
    const file = await download(s.csvUrl, { cookie: `gz_session=${streetStaff.token}` });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(file.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("意见建议统计_2025-09-01_2025-10-31.csv")}`,
    );
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(file.body.toString("utf8").slice(1));
    expect(rows[0]).toEqual([
      "站点",
      "收到",
      "受理",
      "不予受理",
      "转办",
      "答复",
      "办结",
      "办结率(%)",
      "评价",
      "其中电话回访",
      "满意",
      "基本满意",
      "不满意",
      "满意率(%)",
      "平均办理工作日",
      "超期",
    ]);
    expect(rows.slice(1)).toEqual([
      [w.post.name, "6", "4", "1", "4", "3", "2", "50.00", "3", "0", "1", "1", "1", "66.67", "9.50", "3"],
      [w.otherPost.name, "2", "2", "0", "2", "1", "1", "50.00", "0", "0", "0", "0", "0", "", "12.00", "0"],
      ["合计", "8", "6", "1", "6", "4", "3", "50.00", "3", "0", "1", "1", "1", "66.67", "10.33", "3"],
    ]);
  });

  it("downloads it as Excel that reads back the same, with a sheet of definitions", async () => {
    const s = await stats("DEPARTMENT", streetStaff.token);
    const file = await download(s.xlsxUrl, { authorization: `Bearer ${streetStaff.token}` });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("意见建议统计");
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      "承办部门",
      "收到",
      "受理",
      "不予受理",
      "转办",
      "答复",
      "办结",
      "办结率(%)",
      "评价",
      "其中电话回访",
      "满意",
      "基本满意",
      "不满意",
      "满意率(%)",
      "平均办理工作日",
      "超期",
    ]);
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      w.chengguan.name,
      4,
      4,
      0,
      4,
      3,
      3,
      75,
      2,
      0,
      1,
      1,
      0,
      100,
      10.33,
      1,
    ]);
    expect(sheet?.getRow(5).values).toEqual([undefined, "合计", 8, 6, 1, 6, 4, 3, 50, 3, 0, 1, 1, 1, 66.67, 10.33, 3]);
    expect(workbook.getWorksheet("说明")?.rowCount).toBeGreaterThan(5);
  });

  it("downloads the list of suggestions without personal data", async () => {
    const s = await stats("POST", streetStaff.token);
    const file = await download(s.listXlsxUrl, { cookie: `gz_session=${streetStaff.token}` });
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("意见建议清单");
    expect(sheet?.rowCount).toBe(1 + 8);
    const rows = (sheet?.getSheetValues() ?? []).slice(2) as unknown[][];
    expect(rows.map((r) => r[1]).sort()).toEqual(
      ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S11"].map((n) => ids[n]).sort(),
    );
    const s2 = rows.find((r) => r[1] === ids.S2) as unknown[];
    expect(s2.slice(3, 17)).toEqual([
      "交通出行",
      w.post.name,
      "三林苑",
      "网上提交",
      "已办结",
      2,
      "2025-09-30",
      "2025-09-30",
      "2025-10-24",
      `${w.chengguan.name}（主办）`,
      "2025-10-24",
      "是",
      "基本满意",
      13,
    ]);
    const csv = await download(s.listCsvUrl, { cookie: `gz_session=${streetStaff.token}` });
    const text = csv.body.toString("utf8");
    expect(text).not.toContain("13700000001");
    expect(text).not.toContain("王师傅");
    expect(text).not.toContain(w.resident.phone);
  });

  it("refuses who may not see the figures: 401 signed out, 403 otherwise", async () => {
    const path = "/exports/suggestions/statistics.csv?from=2025-09-01&to=2025-10-31&groupBy=POST";
    expect((await download(path)).status).toBe(401);
    expect((await download(path, { cookie: "gz_session=not-a-session" })).status).toBe(401);
    expect((await download(path, { authorization: `Bearer ${w.resident.token}` })).status).toBe(403);
    expect(
      (await download(`${path}&postId=${w.otherPost.id}`, { authorization: `Bearer ${w.deputy.token}` })).status,
    ).toBe(403);
    const bad = await download("/exports/suggestions/statistics.csv?from=2025-09-01&to=nope&groupBy=POST", {
      authorization: `Bearer ${streetStaff.token}`,
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString())).toMatchObject({ code: "VALIDATION", field: "to" });
    expect(
      (await download("/exports/suggestions/other.csv", { authorization: `Bearer ${streetStaff.token}` })).status,
    ).toBe(404);
  });
});

describe("CSV downloads", () => {
  it("defuse cells a spreadsheet would run as formulas (OWASP CSV injection)", async () => {
    expect(csvCell('=HYPERLINK("http://evil.example","点我")')).toBe(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(["+1", "-1", "@SUM(A1)", "\tx", "\rx"].map(csvCell)).toEqual(["'+1", "'-1", "'@SUM(A1)", "'\tx", '"\'\rx"']);
    expect([-3, 0, "66.67", "路灯 = 坏了", "a-b", null].map(csvCell)).toEqual([
      "-3",
      "0",
      "66.67",
      "路灯 = 坏了",
      "a-b",
      "",
    ]);

    // A resident's title, through the list download (in a month no other fixture uses).
    await t.db.prisma.suggestion.create({
      data: {
        postId: w.post.id,
        areaId: w.post.areaId,
        category: "OTHER",
        title: "=cmd|' /C calc'!A0",
        content: "公式注入",
        channel: "ONLINE",
        submitterId: w.resident.account.id,
        createdAt: at("2024-03-05"),
      },
    });
    const s = await stats("POST", streetStaff.token, { from: "2024-03-01", to: "2024-03-31" });
    const file = await download(s.listCsvUrl, { authorization: `Bearer ${streetStaff.token}` });
    expect(file.status).toBe(200);
    const rows = parseCsv(file.body.toString("utf8").slice(1));
    expect(rows[1]?.[1]).toBe("'=cmd|' /C calc'!A0");
  });
});

describe("a department asked again after sending it back", () => {
  it("keeps each transfer as it was, so a past period's figures stand as they stood", async () => {
    const a = api(t);
    const s = await submitted(t, w, { title: "再次转办" });
    await a.accept(w.deputy.token, s.id);
    const first = await a.transfer(w.deputy.token, s.id, [{ departmentId: String(w.chengguan.id), role: "LEAD" }]);
    const firstId = first.currentTransfers[0]?.id as string;
    await a.ok(
      "returnTransfer",
      "(transferId: $transferId, reason: $reason)",
      { transferId: firstId, reason: "需要补充材料" },
      w.handler.token,
      "id",
    );
    const second = await a.transfer(w.deputy.token, s.id, [{ departmentId: String(w.chengguan.id), role: "LEAD" }]);
    const rows = await t.db.prisma.suggestionTransfer.findMany({
      where: { suggestionId: Number(s.id) },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.departmentId, r.round, r.attempt, r.status])).toEqual([
      [w.chengguan.id, 1, 1, "RETURNED"],
      [w.chengguan.id, 1, 2, "PENDING"],
    ]);
    expect(second.currentTransfers.map((tr) => tr.status)).toEqual(["RETURNED", "PENDING"]);

    // Say it all happened in 2024: received and first transferred in May, sent back in June,
    // transferred again now. May's figures: transferred to 城管, open, not yet due.
    await t.db.prisma.suggestion.update({
      where: { id: Number(s.id) },
      data: { createdAt: at("2024-05-06"), acceptedAt: at("2024-05-06", 11) },
    });
    await t.db.prisma.suggestionTransfer.update({
      where: { id: Number(firstId) },
      data: { transferredAt: at("2024-05-07"), dueOn: toDbDate("2024-06-10"), returnedAt: at("2024-06-03") },
    });
    const may = await stats("DEPARTMENT", streetStaff.token, { from: "2024-05-01", to: "2024-05-31" }, w.post.id);
    expect(may.total).toMatchObject({ received: 1, accepted: 1, transferred: 1, overdue: 0 });
    expect(may.rows.map((r) => [r.key, r.received, r.transferred])).toEqual([[String(w.chengguan.id), 1, 1]]);
    // By the end of June it had been sent back, and was not transferred again until now.
    const june = await stats("DEPARTMENT", streetStaff.token, { from: "2024-05-01", to: "2024-06-30" }, w.post.id);
    expect(june.total).toMatchObject({ received: 1, transferred: 1, overdue: 0 });
    expect(june.rows).toEqual([]);
  });
});
