import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../db/database.js";
import { ProposalStatus, SuggestionStatus, TopicStatus } from "../generated/prisma/client.js";
import { residentAreaPathsOf } from "../modules/areas/service.js";
import { BLOCK_NAME, BLOCK_NEIGHBOURHOODS, STREET_NAME } from "./content.js";
import { type DemoSummary, seedDemo } from "./demo.js";

// A fixed moment, so two databases seeded in this file must come out identical.
const NOW = new Date("2026-11-22T06:00:00Z");
const SLOW = 120_000; // PGlite start + migrations + seed, on a busy CI machine

/** Every row of every table (but the migration log), as sorted JSON text. */
async function dump(db: Database): Promise<Record<string, string[]>> {
  const tables = await db.sql.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  const out: Record<string, string[]> = {};
  for (const { tablename } of tables) {
    const rows = await db.sql.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${tablename}" t`);
    out[tablename] = rows.map((r) => r.row).sort();
  }
  return out;
}

describe("seedDemo", () => {
  let db: Database;
  let summary: DemoSummary;

  beforeAll(async () => {
    db = await openDatabase({ dataDir: "memory://" });
    summary = await seedDemo(db.prisma, { now: NOW });
  }, SLOW);

  afterAll(async () => {
    await db?.close();
  });

  it("puts every topic, proposal and suggestion status in the demo", async () => {
    const topics = await db.prisma.topic.findMany({ select: { status: true } });
    const proposals = await db.prisma.proposal.findMany({ select: { status: true } });
    const suggestions = await db.prisma.suggestion.findMany({ select: { status: true } });
    expect(new Set(topics.map((t) => t.status))).toEqual(new Set(Object.values(TopicStatus)));
    expect(new Set(proposals.map((p) => p.status))).toEqual(new Set(Object.values(ProposalStatus)));
    expect(new Set(suggestions.map((s) => s.status))).toEqual(new Set(Object.values(SuggestionStatus)));
  });

  it("builds an area tree whose paths are the parent's path plus the area's id", async () => {
    const areas = await db.prisma.area.findMany();
    const byId = new Map(areas.map((a) => [a.id, a]));
    const allowedParent = {
      DISTRICT: null,
      STREET: "DISTRICT",
      NEIGHBOURHOOD: "STREET",
      BLOCK: "STREET",
      COMPOUND: "NEIGHBOURHOOD",
      BUILDING: "COMPOUND",
    } as const;
    for (const area of areas) {
      const parent = area.parentId === null ? null : byId.get(area.parentId);
      expect(area.path).toBe(`${parent?.path ?? "/"}${area.id}/`);
      expect(parent?.kind ?? null).toBe(allowedParent[area.kind]);
    }
    const kinds = areas.map((a) => a.kind);
    expect(kinds.filter((k) => k === "NEIGHBOURHOOD").length).toBeGreaterThanOrEqual(4);
    const block = areas.find((a) => a.kind === "BLOCK");
    expect(block?.name).toBe(BLOCK_NAME);
    // The 街区 covers the 居民区 whose residents sit on its council.
    const covered = areas.filter((a) => (BLOCK_NEIGHBOURHOODS as readonly string[]).includes(a.name));
    expect(covered).toHaveLength(BLOCK_NEIGHBOURHOODS.length);
    expect(await residentAreaPathsOf(db.prisma, block?.id ?? -1)).toEqual(covered.map((a) => a.path).sort());

    const households = await db.prisma.household.findMany({ include: { building: true } });
    expect(households.every((h) => h.building.kind === "BUILDING")).toBe(true);
    expect(households.every((h) => h.floorAreaCentiSqm >= 5_000 && h.floorAreaCentiSqm <= 12_000)).toBe(true);
  });

  it("creates every demo account with the grant its role needs", async () => {
    const accountBy = async (phone: string) =>
      db.prisma.account.findUniqueOrThrow({
        where: { phone },
        include: {
          roleGrants: {
            where: { revokedAt: null },
            include: { area: true, council: true, department: true, post: true },
          },
          memberships: { include: { household: { include: { building: true } } } },
          deputyProfile: true,
        },
      });
    const sanlinyuanCouncil = await db.prisma.council.findFirstOrThrow({ where: { name: "三林苑居民区议事会" } });

    expect(summary.accounts.map((a) => a.phone)).toEqual(
      Array.from({ length: 10 }, (_, i) => `138000000${String(i + 1).padStart(2, "0")}`),
    );
    for (const demo of summary.accounts) {
      expect(demo.areaName).not.toBe("");
      expect(demo.label).not.toBe("");
    }

    const hasGrant = async (phone: string, role: string, areaName: string) => {
      const account = await accountBy(phone);
      const grants = account.roleGrants.filter((g) => g.role === role && g.area.name === areaName);
      expect(grants, `${phone} ${role} on ${areaName}`).not.toHaveLength(0);
      return { account, grants };
    };
    await hasGrant("13800000001", "ADMIN", STREET_NAME);
    await hasGrant("13800000002", "STAFF", STREET_NAME);
    await hasGrant("13800000005", "PLANNER", STREET_NAME);
    const facilitator = await hasGrant("13800000003", "FACILITATOR", "三林苑");
    expect(facilitator.grants[0]?.councilId).toBe(sanlinyuanCouncil.id);
    const member = await hasGrant("13800000004", "COUNCIL_MEMBER", "三林苑");
    expect(member.grants[0]?.councilId).toBe(sanlinyuanCouncil.id);
    const handler = await hasGrant("13800000007", "DEPARTMENT_HANDLER", STREET_NAME);
    expect(handler.grants[0]?.department?.name).toBe("城管中队");

    const deputy = await accountBy("13800000006");
    const postKinds = deputy.roleGrants.filter((g) => g.role === "DEPUTY").map((g) => g.post?.kind);
    expect(postKinds).toContain("HOME");
    expect(postKinds).toContain("STATION");
    expect(deputy.deputyProfile?.title).toBe("区人大代表");

    const neighbourhoods = await db.prisma.area.findMany({ where: { kind: "NEIGHBOURHOOD" } });
    const pathOf = (name: string) => neighbourhoods.find((n) => n.name === name)?.path ?? "-";
    for (const [phone, neighbourhood] of [
      ["13800000008", "三林苑"],
      ["13800000009", "金橘苑"],
    ] as const) {
      const resident = await accountBy(phone);
      expect(resident.roleGrants).toHaveLength(0);
      expect(resident.memberships.map((m) => m.status)).toEqual(["VERIFIED"]);
      expect(resident.memberships[0]?.household.building.path.startsWith(pathOf(neighbourhood))).toBe(true);
    }
    const pending = await accountBy("13800000010");
    expect(pending.memberships.map((m) => m.status)).toEqual(["PENDING"]);
    expect(pending.memberships[0]?.decidedAt).toBeNull();
  });

  it("keeps residents in households of their neighbourhood, verified by its staff", async () => {
    const areas = await db.prisma.area.findMany();
    const byId = new Map(areas.map((a) => [a.id, a]));
    const memberships = await db.prisma.householdMember.findMany({
      include: { household: { include: { building: true } }, decidedBy: { include: { roleGrants: true } } },
    });
    const verified = memberships.filter((m) => m.status === "VERIFIED");
    for (const m of verified) {
      const compound = byId.get(m.household.building.parentId ?? -1);
      const neighbourhood = byId.get(compound?.parentId ?? -1);
      expect(compound?.kind).toBe("COMPOUND");
      expect(neighbourhood?.kind).toBe("NEIGHBOURHOOD");
      expect(m.decidedAt).not.toBeNull();
      expect(m.decidedAt?.getTime()).toBeGreaterThanOrEqual(m.requestedAt.getTime());
      // Whoever verified them is staff on an area that contains the household.
      const staffPaths = (m.decidedBy?.roleGrants ?? [])
        .filter((g) => g.role === "STAFF")
        .map((g) => byId.get(g.areaId)?.path);
      expect(staffPaths.some((p) => p && m.household.building.path.startsWith(p))).toBe(true);
    }
    for (const m of memberships.filter((m) => m.status === "REJECTED" || m.status === "REVOKED")) {
      expect(m.decisionNote).toBeTruthy();
    }

    const residents = new Set(verified.map((m) => m.accountId));
    expect(residents.size).toBeGreaterThanOrEqual(300);
    expect(residents.size).toBeLessThanOrEqual(500);
    expect(memberships.filter((m) => m.status === "PENDING").length).toBeGreaterThan(1);
    const adultsPerHousehold = new Map<number, number>();
    for (const m of verified.filter((m) => m.isAdult)) {
      adultsPerHousehold.set(m.householdId, (adultsPerHousehold.get(m.householdId) ?? 0) + 1);
    }
    expect([...adultsPerHousehold.values()].some((n) => n > 1)).toBe(true);

    const phones = await db.prisma.account.findMany({ select: { phone: true } });
    expect(phones.every((a) => /^1[3-9]\d{9}$/.test(a.phone))).toBe(true);

    // People who take part in an area's business live there.
    const livesUnder = (accountId: number, paths: string[]) =>
      verified.some(
        (m) => m.accountId === accountId && m.isAdult && paths.some((p) => m.household.building.path.startsWith(p)),
      );
    // A 街区's residents are those of the areas it covers (BlockCoverage, seeded from content.ts).
    const residentPaths = new Map<number, string[]>();
    for (const area of areas.filter((a) => a.kind !== "BUILDING")) {
      residentPaths.set(area.id, await residentAreaPathsOf(db.prisma, area.id));
    }
    const pathsFor = (areaId: number) => residentPaths.get(areaId) ?? ["-"];
    const councilGrants = await db.prisma.roleGrant.findMany({
      where: { role: { in: ["COUNCIL_MEMBER", "FACILITATOR"] } },
    });
    for (const g of councilGrants) expect(livesUnder(g.accountId, pathsFor(g.areaId))).toBe(true);
    const supports = await db.prisma.topicSupport.findMany({ include: { topic: true } });
    for (const s of supports) expect(livesUnder(s.accountId, pathsFor(s.topic.areaId))).toBe(true);
    const opinions = await db.prisma.opinion.findMany({ include: { topic: true } });
    for (const o of opinions) expect(livesUnder(o.authorId, pathsFor(o.topic.areaId))).toBe(true);
    const cosigns = await db.prisma.proposalCosign.findMany({ include: { proposal: { include: { area: true } } } });
    for (const c of cosigns) {
      const area = c.proposal.area;
      const paths = area.kind === "COMPOUND" ? [byId.get(area.parentId ?? -1)?.path ?? "-"] : pathsFor(area.id);
      expect(livesUnder(c.accountId, paths)).toBe(true);
    }
  });

  it("keeps every topic, proposal and suggestion consistent with its status", async () => {
    const topics = await db.prisma.topic.findMany({
      include: { _count: { select: { supports: true } }, opinions: true },
    });
    const decidedOrLater = ["DECIDED", "IMPLEMENTING", "EVALUATED", "CLOSED"];
    for (const t of topics) {
      expect(t.supportCount).toBe(t._count.supports);
      expect(Boolean(t.resolutionText && t.decidedAt)).toBe(decidedOrLater.includes(t.status));
      expect(Boolean(t.rejectionReason)).toBe(t.status === "REJECTED");
      if (!["COLLECTING", "REJECTED"].includes(t.status)) expect(t.onAgendaAt).not.toBeNull();
    }
    const opinions = topics.flatMap((t) => t.opinions);
    expect(opinions.some((o) => o.parentId !== null)).toBe(true);
    expect(opinions.some((o) => o.hiddenAt !== null && o.hiddenReason)).toBe(true);
    expect(new Set(opinions.map((o) => o.stance)).size).toBe(4);
    const voting = topics.filter((t) => t.status === "VOTING");
    const votes = await db.prisma.vote.findMany({ include: { options: true, _count: { select: { roll: true } } } });
    for (const t of voting) expect(votes.some((v) => v.topicId === t.id && v.status === "OPEN")).toBe(true);
    for (const v of votes) expect(v.rollSize).toBe(v._count.roll);

    const meeting = await db.prisma.meeting.findFirstOrThrow({
      where: { status: "ENDED" },
      include: { items: true, attendances: true },
    });
    expect(meeting.items.length).toBeGreaterThan(0);
    expect(meeting.attendances.length).toBeGreaterThan(0);
    expect(meeting.minutes).toBeTruthy();

    const proposals = await db.prisma.proposal.findMany({
      include: { _count: { select: { cosigns: true } }, progress: true, budgetRound: true },
    });
    const funded = ["SELECTED", "DESIGN", "CONSTRUCTION", "COMPLETED", "ACCEPTED"];
    for (const p of proposals) {
      expect(p.cosignCount).toBe(p._count.cosigns);
      expect(p.allocatedFen !== null).toBe(funded.includes(p.status));
      expect(Boolean(p.ineligibleReason)).toBe(p.status === "NOT_ELIGIBLE");
      if (p.status === "IN_VOTE") {
        expect(p.budgetRound?.status).toBe("VOTING");
        expect(votes.some((v) => v.options.some((o) => o.proposalId === p.id))).toBe(true);
      }
      if (["CONSTRUCTION", "COMPLETED", "ACCEPTED"].includes(p.status)) expect(p.progress.length).toBeGreaterThan(0);
      if (["COMPLETED", "ACCEPTED"].includes(p.status)) {
        expect(p.completedAt).not.toBeNull();
        expect(p.progressPercent).toBe(100);
      }
    }
    const rounds = await db.prisma.budgetRound.findMany({ include: { proposals: true } });
    expect(rounds.some((r) => r.poolFen === 50_000_000)).toBe(true);
    for (const r of rounds) {
      const allocated = r.proposals.reduce((sum, p) => sum + (p.allocatedFen ?? 0), 0);
      expect(allocated).toBeLessThanOrEqual(r.poolFen);
    }

    const suggestions = await db.prisma.suggestion.findMany({
      include: { transfers: true, replies: true, ratings: true },
    });
    for (const s of suggestions) {
      expect(Boolean(s.declineReason)).toBe(s.status === "DECLINED");
      expect(s.closedAt !== null).toBe(s.status === "CLOSED");
      if (["REPLIED", "RATED", "SUPERVISING", "CLOSED"].includes(s.status)) expect(s.replies.length).toBeGreaterThan(0);
      if (["TRANSFERRED", "IN_PROGRESS", "REPLIED", "RATED", "SUPERVISING"].includes(s.status)) {
        expect(s.transfers.some((t) => t.round === s.round && t.status !== "RETURNED")).toBe(true);
      }
      if (s.status === "RATED") expect(s.ratings.some((r) => r.round === s.round)).toBe(true);
      if (s.status === "SUPERVISING")
        expect(s.ratings.find((r) => r.round === s.round - 1)?.satisfaction).toBe("UNSATISFIED");
      if (s.channel === "RECEPTION") expect(s.receptionDayId !== null && s.recordedById !== null).toBe(true);
      else expect(s.submitterId).not.toBeNull();
    }
  });

  it("has ballots in the open votes, none from the demo sign-ins, and two earlier votes published as counted", async () => {
    const votes = await db.prisma.vote.findMany({
      include: { _count: { select: { participations: true, ballots: true } } },
      orderBy: { id: "asc" },
    });
    for (const vote of votes.filter((v) => v.status === "OPEN")) {
      expect(vote._count.participations).toBeGreaterThan(0);
      expect(vote._count.participations).toBeLessThan(vote.rollSize ?? 0);
      expect(vote._count.ballots).toBe(vote._count.participations);
    }
    const signIns = await db.prisma.account.findMany({ where: { phone: { in: ["13800000008", "13800000009"] } } });
    const theirs = await db.prisma.voteParticipation.count({
      where: { vote: { status: "OPEN" }, rollEntry: { accountId: { in: signIns.map((a) => a.id) } } },
    });
    expect(theirs).toBe(0);
    const published = votes
      .filter((v) => v.status === "PUBLISHED")
      .map((v) => ({ rule: v.threshold, unit: v.countingUnit, outcome: (v.result as { outcome: string }).outcome }));
    expect(published).toEqual([
      { rule: "TWO_THIRDS", unit: "COUNCIL_MEMBER", outcome: "PASSED" },
      { rule: "CIVIL_CODE_278", unit: "HOUSEHOLD", outcome: "PASSED" },
    ]);
    const lift = votes.find((v) => v.threshold === "CIVIL_CODE_278");
    const paper = await db.prisma.voteParticipation.count({ where: { voteId: lift?.id, channel: "PAPER" } });
    expect(paper).toBeGreaterThan(0);
  });

  it("writes a public timeline for every topic, proposal and suggestion that ends in its status", async () => {
    const events = await db.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    const subjects = [
      ...(await db.prisma.topic.findMany()).map((t) => ({ type: "TOPIC", ...t })),
      ...(await db.prisma.proposal.findMany()).map((p) => ({ type: "PROPOSAL", ...p })),
      ...(await db.prisma.suggestion.findMany()).map((s) => ({ type: "SUGGESTION", ...s })),
    ];
    for (const subject of subjects) {
      const trail = events.filter((e) => e.subjectType === subject.type && e.subjectId === subject.id);
      expect(trail[0]?.action.endsWith(".create")).toBe(true);
      expect(trail.every((e) => e.public && e.areaId === subject.areaId)).toBe(true);
      // Only the agenda rule acts alone: enough 附议 accepts a topic with no one clicking.
      expect(trail.every((e) => e.actorId !== null || (subject.type === "TOPIC" && e.toStatus === "ACCEPTED"))).toBe(
        true,
      );
      expect(trail.at(-1)?.toStatus).toBe(subject.status);
      for (let i = 1; i < trail.length; i++) {
        expect(trail[i]?.fromStatus).toBe(trail[i - 1]?.toStatus);
        expect(trail[i]?.at.getTime()).toBeGreaterThanOrEqual(trail[i - 1]?.at.getTime() ?? 0);
      }
    }
    expect(events.every((e) => e.at.getTime() <= NOW.getTime())).toBe(true);
  });

  it(
    "inserts nothing when the demo street already exists",
    async () => {
      const before = await dump(db);
      const again = await seedDemo(db.prisma, { now: NOW });
      expect(again.created).toBe(false);
      expect(again.counts).toEqual(summary.counts);
      expect(again.accounts).toEqual(summary.accounts);
      expect(await dump(db)).toEqual(before);
    },
    SLOW,
  );

  it(
    "produces the same database on every run",
    async () => {
      const other = await openDatabase({ dataDir: "memory://" });
      try {
        const second = await seedDemo(other.prisma, { now: NOW });
        expect(second.created).toBe(true);
        expect(await dump(other)).toEqual(await dump(db));
      } finally {
        await other.close();
      }
    },
    SLOW,
  );
});
