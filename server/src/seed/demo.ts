/**
 * Demo data: 浦东新区东明路街道 with its 居民区, 小区, households, residents, councils, liaison
 * posts, departments, and a history of topics, 微基建 proposals and 意见建议 in every state.
 *
 * - Reproducible: every random choice comes from a seeded PRNG and every time is an offset from
 *   the seeding day (Asia/Shanghai), so two runs on the same day give the same database.
 * - Fast: rows go in as a few dozen createMany statements inside one transaction.
 * - Safe to call on every start: if 东明路街道 already exists nothing is inserted.
 */
import type {
  AreaKind,
  MembershipStatus,
  Prisma,
  PrismaClient,
  ProposalStatus,
  Role,
  SubjectType,
  SuggestionStatus,
  TopicStatus,
} from "../generated/prisma/client.js";
import { refreshUrgency } from "../modules/suggestions/service.js";
import { countBallots, receiptHash } from "../modules/voting/service.js";
import {
  BLOCK_NAME,
  BLOCK_NEIGHBOURHOODS,
  DEPARTMENTS,
  DEPUTIES,
  DISTRICT_NAME,
  GIVEN_NAME_CHARACTERS,
  NEIGHBOURHOODS,
  NEXT_MEETING,
  NICKNAME_PATTERNS,
  PAST_MEETING,
  POSTS,
  PROPOSALS,
  type ProposalSpec,
  type RoundKey,
  STREET_NAME,
  SUGGESTIONS,
  SURNAMES,
  TOPICS,
  type TopicSpec,
} from "./content.js";
import { Dice, mulberry32 } from "./random.js";

type Tx = Prisma.TransactionClient;

export interface DemoAccount {
  /** A Role, or RESIDENT / RESIDENT_PENDING for residents (who hold no grant). */
  role: string;
  label: string;
  phone: string;
  areaName: string;
}

export interface DemoCounts {
  areas: number;
  neighbourhoods: number;
  compounds: number;
  buildings: number;
  households: number;
  accounts: number;
  verifiedResidents: number;
  pendingMemberships: number;
  roleGrants: number;
  councils: number;
  departments: number;
  liaisonPosts: number;
  deputies: number;
  receptionDays: number;
  topics: number;
  opinions: number;
  meetings: number;
  budgetRounds: number;
  proposals: number;
  votes: number;
  suggestions: number;
  transfers: number;
  notifications: number;
  auditEvents: number;
}

export interface DemoSummary {
  /** False when the demo was already there and nothing was inserted. */
  created: boolean;
  accounts: DemoAccount[];
  counts: DemoCounts;
}

export interface SeedDemoOptions {
  residentsPerNeighbourhood?: number;
  /** Source of randomness in [0, 1); defaults to a fixed-seed mulberry32. */
  random?: () => number;
  /** The seeding moment; all history is placed relative to its day. Defaults to now. */
  now?: Date;
}

export const DEMO_SEED = 20230202; // the 东明路 report's publication date
const DEFAULT_RESIDENTS_PER_NEIGHBOURHOOD = 45;
// Any constant: serialises concurrent seeders (two server instances starting together).
const SEED_LOCK_KEY = 7_164_512;

/** The sign-in accounts a demo needs, one per role. */
const DEMO_ACCOUNTS = [
  { phone: "13800000001", role: "ADMIN", label: "管理员", realName: "陈立群", displayName: "街道管理员" },
  { phone: "13800000002", role: "STAFF", label: "街道工作人员", realName: "周敏", displayName: "东明路街道·周敏" },
  { phone: "13800000003", role: "FACILITATOR", label: "议事会主持人", realName: "顾建国", displayName: "顾建国" },
  { phone: "13800000004", role: "COUNCIL_MEMBER", label: "议事会成员", realName: "沈丽华", displayName: "沈阿姨" },
  { phone: "13800000005", role: "PLANNER", label: "社区规划师", realName: "林晓", displayName: "社区规划师·林晓" },
  { phone: "13800000006", role: "DEPUTY", label: "人大代表", realName: "王志明", displayName: "王志明代表" },
  {
    phone: "13800000007",
    role: "DEPARTMENT_HANDLER",
    label: "承办部门",
    realName: "刘强",
    displayName: "城管中队·刘强",
  },
  { phone: "13800000008", role: "RESIDENT", label: "已认证居民", realName: "张秀英", displayName: "三林苑老张" },
  { phone: "13800000009", role: "RESIDENT", label: "已认证居民", realName: "李明", displayName: "金橘苑小李" },
  { phone: "13800000010", role: "RESIDENT_PENDING", label: "待认证居民", realName: "赵磊", displayName: "居民7C1D" },
] as const;

type DemoPhone = (typeof DEMO_ACCOUNTS)[number]["phone"];

/** Where the demo residents live: compound, building number, unit. */
const DEMO_HOMES: Readonly<
  Partial<Record<DemoPhone, { status: MembershipStatus; compound: string; building: number; unit: string }>>
> = {
  "13800000003": { status: "VERIFIED", compound: "三林苑小区", building: 1, unit: "602室" },
  "13800000004": { status: "VERIFIED", compound: "三林苑小区", building: 5, unit: "101室" },
  "13800000008": { status: "VERIFIED", compound: "三林苑小区", building: 3, unit: "502室" },
  "13800000009": { status: "VERIFIED", compound: "金橘苑小区", building: 2, unit: "301室" },
  "13800000010": { status: "PENDING", compound: "三林苑小区", building: 7, unit: "201室" },
};

const PHONE = {
  admin: "13800000001",
  staff: "13800000002",
  facilitator: "13800000003",
  member: "13800000004",
  planner: "13800000005",
  deputy: "13800000006",
  handler: "13800000007",
  resident: "13800000008",
  otherResident: "13800000009",
  pendingResident: "13800000010",
} as const;

/** Officials who are not demo sign-ins: 居委 staff 138000001NN, one handler per other department 1380000013N. */
function neighbourhoodStaffPhone(neighbourhood: string): string {
  return `138000001${String(NEIGHBOURHOODS.findIndex((n) => n.name === neighbourhood) + 1).padStart(2, "0")}`;
}

function handlerPhone(department: string): string {
  if (department === "城管中队") return PHONE.handler;
  return `1380000013${DEPARTMENTS.filter((d) => d.name !== "城管中队").findIndex((d) => d.name === department) + 1}`;
}

// ───────────────────────────── Entry point ─────────────────────────────

export async function seedDemo(prisma: PrismaClient, options: SeedDemoOptions = {}): Promise<DemoSummary> {
  const created = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
      if (await tx.area.findFirst({ where: { name: STREET_NAME }, select: { id: true } })) return false;
      const seeder = new Seeder(
        tx,
        new Dice(options.random ?? mulberry32(DEMO_SEED)),
        new Clock(options.now ?? new Date()),
        options.residentsPerNeighbourhood ?? DEFAULT_RESIDENTS_PER_NEIGHBOURHOOD,
      );
      await seeder.run();
      // Suggestions were written straight to the tables: their due and urgency dates follow.
      await refreshUrgency(tx);
      return true;
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
  return { created, accounts: await describeDemoAccounts(prisma), counts: await countDemo(prisma) };
}

// ───────────────────────────── Time ─────────────────────────────

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // China has no daylight saving

/** Times as "day offset + local hour" in Asia/Shanghai, relative to the seeding day. */
class Clock {
  /** UTC instant of 00:00 today in Shanghai. */
  private readonly midnight: number;

  constructor(now: Date) {
    const localMs = now.getTime() + SHANGHAI_OFFSET_MS;
    this.midnight = Math.floor(localMs / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
  }

  at(day: number, hour = 10, minute = 0): Date {
    return new Date(this.midnight + day * DAY_MS + (hour * 60 + minute) * MINUTE_MS);
  }

  /** A calendar date for @db.Date columns: UTC midnight of the Shanghai date. */
  date(day: number): Date {
    return new Date(this.midnight + SHANGHAI_OFFSET_MS + day * DAY_MS);
  }

  /** The day offset an instant falls on. */
  dayOf(instant: Date): number {
    return Math.floor((instant.getTime() - this.midnight) / DAY_MS);
  }

  year(day: number): number {
    return this.date(day).getUTCFullYear();
  }

  /** "11月25日", as notifications say it. */
  monthDay(day: number): string {
    const date = this.date(day);
    return `${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
  }
}

function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * MINUTE_MS);
}

function between(dice: Dice, from: Date, to: Date): Date {
  const span = Math.max(0, to.getTime() - from.getTime());
  // Whole minutes keep the data readable.
  return new Date(from.getTime() + Math.floor((dice.next() * span) / MINUTE_MS) * MINUTE_MS);
}

interface Step<S extends string> {
  status: S;
  at: Date;
}

/**
 * When each status of `path` was reached: the first on `createdDay`, the last on `lastDay`,
 * anchored ones on their day (or instant), the rest spread evenly in between, during office
 * hours, strictly increasing.
 */
function timeline<S extends string>(
  clock: Clock,
  dice: Dice,
  path: readonly S[],
  createdDay: number,
  lastDay: number,
  options: { anchors?: Partial<Record<S, number | Date>>; lastHour?: number; firstHour?: number } = {},
): Step<S>[] {
  const known = new Map<number, number | Date>([[0, createdDay]]);
  path.forEach((status, index) => {
    const anchor = options.anchors?.[status];
    if (anchor !== undefined && index > 0) known.set(index, anchor);
  });
  if (path.length > 1 && !known.has(path.length - 1)) known.set(path.length - 1, lastDay);
  const dayOf = (value: number | Date) => (typeof value === "number" ? value : clock.dayOf(value));
  const knownIndexes = [...known.keys()].sort((a, b) => a - b);

  const steps: Step<S>[] = [];
  path.forEach((status, index) => {
    let at: Date;
    const fixed = known.get(index);
    if (fixed instanceof Date) {
      at = fixed;
    } else {
      let day = fixed;
      if (day === undefined) {
        const before = knownIndexes.filter((i) => i < index).at(-1) ?? 0;
        const after = knownIndexes.find((i) => i > index) ?? path.length - 1;
        const from = dayOf(known.get(before) ?? createdDay);
        const to = dayOf(known.get(after) ?? lastDay);
        day = Math.round(from + ((to - from) * (index - before)) / (after - before));
      }
      const hour =
        index === 0 && options.firstHour !== undefined
          ? options.firstHour
          : index === path.length - 1 && options.lastHour !== undefined
            ? options.lastHour
            : dice.int(9, 17);
      at = clock.at(day, hour, dice.int(0, 11) * 5);
    }
    const previous = steps.at(-1);
    if (previous && at <= previous.at) at = addMinutes(previous.at, 30);
    steps.push({ status, at });
  });
  return steps;
}

function stepAt<S extends string>(steps: readonly Step<S>[], status: S): Date | null {
  return steps.find((step) => step.status === status)?.at ?? null;
}

// ───────────────────────────── Lifecycles ─────────────────────────────

const TOPIC_PATH: readonly TopicStatus[] = [
  "COLLECTING",
  "ACCEPTED",
  "DELIBERATING",
  "VOTING",
  "DECIDED",
  "IMPLEMENTING",
  "EVALUATED",
  "CLOSED",
];

function topicPath(status: TopicStatus): TopicStatus[] {
  if (status === "REJECTED") return ["COLLECTING", "REJECTED"];
  return TOPIC_PATH.slice(0, TOPIC_PATH.indexOf(status) + 1);
}

const PROPOSAL_PATH: readonly ProposalStatus[] = [
  "SUBMITTED",
  "IN_REVIEW",
  "ELIGIBLE",
  "IN_VOTE",
  "SELECTED",
  "DESIGN",
  "CONSTRUCTION",
  "COMPLETED",
  "ACCEPTED",
];

function proposalPath(status: ProposalStatus): ProposalStatus[] {
  if (status === "NOT_ELIGIBLE") return ["SUBMITTED", "IN_REVIEW", "NOT_ELIGIBLE"];
  if (status === "NOT_SELECTED") return ["SUBMITTED", "IN_REVIEW", "ELIGIBLE", "IN_VOTE", "NOT_SELECTED"];
  return PROPOSAL_PATH.slice(0, PROPOSAL_PATH.indexOf(status) + 1);
}

function reached(path: readonly ProposalStatus[], status: ProposalStatus): boolean {
  return path.includes(status);
}

const SUGGESTION_PATH: readonly SuggestionStatus[] = [
  "SUBMITTED",
  "ACCEPTED",
  "TRANSFERRED",
  "IN_PROGRESS",
  "REPLIED",
  "RATED",
  "CLOSED",
];

function suggestionPath(status: SuggestionStatus, rated: boolean): SuggestionStatus[] {
  if (status === "DECLINED") return ["SUBMITTED", "DECLINED"];
  // 不满意 sends it back to the departments under the deputy's supervision.
  if (status === "SUPERVISING")
    return [...SUGGESTION_PATH.slice(0, SUGGESTION_PATH.indexOf("RATED") + 1), "SUPERVISING"];
  const path = SUGGESTION_PATH.slice(0, SUGGESTION_PATH.indexOf(status) + 1);
  // Someone recorded at a reception without an account cannot rate; staff close it after the reply.
  return rated ? path : path.filter((s) => s !== "RATED");
}

// ───────────────────────────── The seeder ─────────────────────────────

interface AreaRow {
  id: number;
  kind: AreaKind;
  name: string;
  path: string;
  parentId: number | null;
}

interface HouseholdRow {
  id: number;
  buildingId: number;
  unit: string;
  floorAreaCentiSqm: number;
}

interface AccountDraft {
  phone: string;
  realName: string;
  displayName: string;
  locale: "ZH_CN" | "EN";
  largeText: boolean;
  createdAt: Date;
  lastSeenAt: Date;
}

interface MembershipDraft {
  phone: string;
  householdId: number;
  neighbourhood: string;
  status: MembershipStatus;
  isAdult: boolean;
  requestedAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
}

interface Grant {
  role: Role;
  accountId: number;
  areaId: number;
  councilId?: number;
  departmentId?: number;
  postId?: number;
  grantedAt: Date;
}

const REJECTION_NOTES = ["经核实,申请人不是该户的居住人员", "提交的房号与实有人口登记信息不符,请核对后重新申请"];

class Seeder {
  private readonly audit: Prisma.AuditEventCreateManyInput[] = [];
  private readonly areas = new Map<string, AreaRow>();
  private readonly buildingsByCompound = new Map<string, AreaRow[]>();
  private readonly households: HouseholdRow[] = [];
  private readonly accountIds = new Map<string, number>();
  private readonly memberships: MembershipDraft[] = [];
  /** Verified adult residents by 居民区 name, in seeding order. */
  private readonly verifiedAdults = new Map<string, number[]>();
  private readonly neighbourhoodStaff = new Map<string, number>();
  private readonly councils = new Map<
    string,
    { id: number; areaId: number; facilitatorId: number; memberIds: number[] }
  >();
  private readonly departments = new Map<string, { id: number; handlerId: number }>();
  private readonly posts = new Map<string, { id: number; areaId: number; address: string; deputyIds: number[] }>();
  private readonly pastReceptions = new Map<string, { id: number; startsAt: Date }[]>();
  private readonly topics = new Map<string, { id: number; areaId: number; title: string }>();
  private readonly usedRealNames = new Set<string>();
  private readonly membershipIds = new Map<string, number>();
  private readonly proposalIds = new Map<string, number>();
  private readonly suggestionIds = new Map<string, number>();
  private readonly voteIds = new Map<string, number>();
  private readonly repliedSuggestions: { suggestionId: number; submitterId: number; title: string; repliedAt: Date }[] =
    [];
  private nextMeetingId = 0;
  /** When the street set the platform up; every explicit time keeps runs byte-for-byte equal. */
  private readonly founded: Date;

  constructor(
    private readonly tx: Tx,
    private readonly dice: Dice,
    private readonly clock: Clock,
    private readonly residentsPerNeighbourhood: number,
  ) {
    this.founded = clock.at(-520, 9);
  }

  async run(): Promise<void> {
    await this.seedAreas();
    await this.seedHouseholds();
    await this.seedAccountsAndMemberships();
    await this.seedOrganisation();
    await this.seedReceptionDays();
    await this.seedTopics();
    await this.seedMeetings();
    await this.seedProposals();
    await this.seedBallots();
    await this.seedSuggestions();
    await this.seedNotifications();
    // Last, in time order, so the append-only trail reads like the history it records.
    this.audit.sort((a, b) => new Date(a.at ?? 0).getTime() - new Date(b.at ?? 0).getTime());
    await this.tx.auditEvent.createMany({ data: this.audit });
  }

  // ── helpers ──

  private area(name: string): AreaRow {
    const area = this.areas.get(name);
    if (!area) throw new Error(`demo seed: unknown area ${name}`);
    return area;
  }

  private account(phone: string): number {
    const id = this.accountIds.get(phone);
    if (id === undefined) throw new Error(`demo seed: unknown account ${phone}`);
    return id;
  }

  private council(areaName: string) {
    const council = this.councils.get(areaName);
    if (!council) throw new Error(`demo seed: no council for ${areaName}`);
    return council;
  }

  private department(name: string) {
    const department = this.departments.get(name);
    if (!department) throw new Error(`demo seed: unknown department ${name}`);
    return department;
  }

  private post(name: string) {
    const post = this.posts.get(name);
    if (!post) throw new Error(`demo seed: unknown post ${name}`);
    return post;
  }

  /** The 居民区 whose residents take part in things about `areaName`. */
  private neighbourhoodsFor(areaName: string): readonly string[] {
    if (areaName === BLOCK_NAME) return BLOCK_NEIGHBOURHOODS;
    if (areaName === STREET_NAME) return NEIGHBOURHOODS.map((n) => n.name);
    const area = this.area(areaName);
    if (area.kind === "NEIGHBOURHOOD") return [area.name];
    const owner = NEIGHBOURHOODS.find((n) => n.compounds.some((c) => c.name === areaName));
    if (!owner) throw new Error(`demo seed: ${areaName} is not in a 居民区`);
    return [owner.name];
  }

  /** Verified adults who live where `areaName` is, never the demo accounts (they stay predictable). */
  private residentsOf(areaName: string): number[] {
    const demoIds = new Set(DEMO_ACCOUNTS.map((a) => this.accountIds.get(a.phone)));
    return this.neighbourhoodsFor(areaName)
      .flatMap((name) => this.verifiedAdults.get(name) ?? [])
      .filter((id) => !demoIds.has(id));
  }

  private staffFor(areaName: string): number {
    const [neighbourhood] = this.neighbourhoodsFor(areaName);
    return areaName === STREET_NAME || areaName === BLOCK_NAME || !neighbourhood
      ? this.account(PHONE.staff)
      : (this.neighbourhoodStaff.get(neighbourhood) ?? this.account(PHONE.staff));
  }

  private realName(): string {
    for (;;) {
      const given =
        this.dice.pick(GIVEN_NAME_CHARACTERS) + (this.dice.chance(0.7) ? this.dice.pick(GIVEN_NAME_CHARACTERS) : "");
      const name = this.dice.pick(SURNAMES) + given;
      // Unique names make the demo easier to follow; the pool is large enough.
      if (!this.usedRealNames.has(name)) {
        this.usedRealNames.add(name);
        return name;
      }
    }
  }

  private record(
    subjectType: SubjectType,
    subjectId: number,
    areaId: number,
    action: string,
    steps: readonly Step<string>[],
    actorFor: (status: string, index: number) => number | null,
    data?: (status: string) => Prisma.InputJsonValue | undefined,
  ): void {
    steps.forEach((step, index) => {
      this.audit.push({
        at: step.at,
        actorId: actorFor(step.status, index),
        action: index === 0 ? `${action}.create` : `${action}.transition`,
        subjectType,
        subjectId,
        areaId,
        fromStatus: index === 0 ? null : (steps[index - 1]?.status ?? null),
        toStatus: step.status,
        public: true,
        data: data?.(step.status),
      });
    });
  }

  // ── areas ──

  /** Inserts one level of the tree, then fills in the paths, which contain the new rows' ids. */
  private async insertAreas(rows: { kind: AreaKind; name: string; parent: AreaRow | null; sortOrder: number }[]) {
    const created = await this.tx.area.createManyAndReturn({
      data: rows.map((row) => ({
        kind: row.kind,
        name: row.name,
        parentId: row.parent?.id ?? null,
        sortOrder: row.sortOrder,
        createdAt: this.founded,
        // Unique placeholder until the id is known; (parentId, name) is unique already.
        path: `pending:${row.parent?.id ?? 0}:${row.name}`,
      })),
      select: { id: true, kind: true, name: true, parentId: true },
    });
    await this.tx
      .$executeRaw`UPDATE "Area" SET path = '/' || id || '/' WHERE path LIKE 'pending:%' AND "parentId" IS NULL`;
    await this.tx.$executeRaw`
      UPDATE "Area" AS child SET path = parent.path || child.id || '/'
      FROM "Area" AS parent
      WHERE child."parentId" = parent.id AND child.path LIKE 'pending:%'`;
    const parentPaths = new Map(rows.map((row) => [row.parent?.id ?? null, row.parent?.path ?? "/"]));
    return created.map((row) => ({ ...row, path: `${parentPaths.get(row.parentId) ?? "/"}${row.id}/` }));
  }

  private async seedAreas(): Promise<void> {
    const [district] = await this.insertAreas([{ kind: "DISTRICT", name: DISTRICT_NAME, parent: null, sortOrder: 0 }]);
    if (!district) throw new Error("demo seed: district not created");
    const [street] = await this.insertAreas([{ kind: "STREET", name: STREET_NAME, parent: district, sortOrder: 0 }]);
    if (!street) throw new Error("demo seed: street not created");
    for (const area of [district, street]) this.areas.set(area.name, area);

    const level3 = await this.insertAreas([
      ...NEIGHBOURHOODS.map((n, i) => ({ kind: "NEIGHBOURHOOD" as const, name: n.name, parent: street, sortOrder: i })),
      { kind: "BLOCK", name: BLOCK_NAME, parent: street, sortOrder: NEIGHBOURHOODS.length },
    ]);
    for (const area of level3) this.areas.set(area.name, area);

    const compounds = await this.insertAreas(
      NEIGHBOURHOODS.flatMap((n) =>
        n.compounds.map((c, i) => ({
          kind: "COMPOUND" as const,
          name: c.name,
          parent: this.area(n.name),
          sortOrder: i,
        })),
      ),
    );
    for (const area of compounds) this.areas.set(area.name, area);

    // The 街区 has no households: its residents are those of the 居民区 it covers.
    await this.tx.blockCoverage.createMany({
      data: BLOCK_NEIGHBOURHOODS.map((name) => ({
        blockId: this.area(BLOCK_NAME).id,
        areaId: this.area(name).id,
        createdAt: this.founded,
      })),
    });

    const buildings = await this.insertAreas(
      NEIGHBOURHOODS.flatMap((n) =>
        n.compounds.flatMap((c) =>
          Array.from({ length: c.buildings }, (_, i) => ({
            kind: "BUILDING" as const,
            name: `${i + 1}号楼`,
            parent: this.area(c.name),
            sortOrder: i,
          })),
        ),
      ),
    );
    const compoundById = new Map(compounds.map((c) => [c.id, c.name]));
    for (const building of buildings) {
      const compound = compoundById.get(building.parentId ?? -1) ?? "";
      const list = this.buildingsByCompound.get(compound) ?? [];
      list.push(building);
      this.buildingsByCompound.set(compound, list);
    }
    for (const list of this.buildingsByCompound.values()) list.sort((a, b) => a.id - b.id);
  }

  private async seedHouseholds(): Promise<void> {
    const data: Prisma.HouseholdCreateManyInput[] = [];
    for (const neighbourhood of NEIGHBOURHOODS) {
      for (const compound of neighbourhood.compounds) {
        for (const building of this.buildingsByCompound.get(compound.name) ?? []) {
          for (let floor = 1; floor <= compound.floors; floor++) {
            for (let unit = 1; unit <= compound.unitsPerFloor; unit++) {
              const [min, max] = compound.sqm;
              data.push({
                buildingId: building.id,
                unit: `${floor}${String(unit).padStart(2, "0")}室`,
                floorAreaCentiSqm: this.dice.int(min * 100, max * 100),
                createdAt: this.founded,
              });
            }
          }
        }
      }
    }
    const rows = await this.tx.household.createManyAndReturn({
      data,
      select: { id: true, buildingId: true, unit: true, floorAreaCentiSqm: true },
    });
    this.households.push(...rows.sort((a, b) => a.id - b.id));
  }

  // ── people ──

  private householdAt(compound: string, building: number, unit: string): HouseholdRow {
    const buildingRow = this.buildingsByCompound.get(compound)?.[building - 1];
    const household = this.households.find((h) => h.buildingId === buildingRow?.id && h.unit === unit);
    if (!household) throw new Error(`demo seed: no household ${compound} ${building}号楼 ${unit}`);
    return household;
  }

  private residentDraft(phone: string, requestedAt: Date): AccountDraft {
    const realName = this.realName();
    const surname = [...realName][0] ?? "";
    const displayName = this.dice.chance(0.35)
      ? this.dice.pick(NICKNAME_PATTERNS).replace("{姓}", surname)
      : `居民${this.dice.hex(4)}`;
    return {
      phone,
      realName,
      displayName,
      locale: this.dice.chance(0.03) ? "EN" : "ZH_CN",
      // Many residents are older; the large-text mode is for them.
      largeText: this.dice.chance(0.15),
      createdAt: addMinutes(requestedAt, -this.dice.int(3, 30)),
      lastSeenAt: this.clock.at(-this.dice.int(1, 30), this.dice.int(7, 22), this.dice.int(0, 59)),
    };
  }

  private membership(
    phone: string,
    household: HouseholdRow,
    neighbourhood: string,
    status: MembershipStatus,
    isAdult: boolean,
  ): MembershipDraft {
    const pending = status === "PENDING";
    const requestedDay = pending ? -this.dice.int(1, 6) : -this.dice.int(20, 420);
    const requestedAt = this.clock.at(requestedDay, this.dice.int(8, 21), this.dice.int(0, 59));
    const decidedAt = pending
      ? null
      : status === "REVOKED"
        ? this.clock.at(-this.dice.int(2, 15), this.dice.int(9, 17), this.dice.int(0, 59))
        : addMinutes(requestedAt, this.dice.int(60, 3 * 24 * 60));
    const decisionNote =
      status === "REJECTED"
        ? this.dice.pick(REJECTION_NOTES)
        : status === "REVOKED"
          ? "已搬离本户,由户主申请撤销"
          : null;
    return { phone, householdId: household.id, neighbourhood, status, isAdult, requestedAt, decidedAt, decisionNote };
  }

  private async seedAccountsAndMemberships(): Promise<void> {
    const drafts: AccountDraft[] = [];
    const longAgo = this.clock.at(-520, 9);
    const official = (phone: string, realName: string, displayName: string) => {
      this.usedRealNames.add(realName);
      drafts.push({
        phone,
        realName,
        displayName,
        locale: "ZH_CN",
        largeText: false,
        createdAt: longAgo,
        lastSeenAt: this.clock.at(-1, 17, 30),
      });
    };

    // Demo accounts: memorable phones, fixed names.
    for (const demo of DEMO_ACCOUNTS) official(demo.phone, demo.realName, demo.displayName);
    const reserved = new Set<number>();
    for (const [phone, home] of Object.entries(DEMO_HOMES)) {
      if (!home) continue;
      const household = this.householdAt(home.compound, home.building, home.unit);
      reserved.add(household.id);
      const neighbourhood = this.neighbourhoodsFor(home.compound)[0] ?? "";
      const draft = this.membership(phone, household, neighbourhood, home.status, true);
      if (home.status === "VERIFIED") {
        // Verified long before anything else happened, so they are on every roll.
        draft.requestedAt = this.clock.at(-480, 10);
        draft.decidedAt = this.clock.at(-479, 15);
      }
      this.memberships.push(draft);
    }

    // Officials who are not demo sign-ins but make the organisation whole.
    for (const n of NEIGHBOURHOODS) {
      const name = this.realName();
      official(neighbourhoodStaffPhone(n.name), name, `${n.name}居委会·${name}`);
    }
    for (const d of DEPUTIES) {
      if (d.phone !== PHONE.deputy) official(d.phone, d.name, `${d.name}代表`);
    }
    for (const d of DEPARTMENTS) {
      if (handlerPhone(d.name) === PHONE.handler) continue;
      const name = this.realName();
      official(handlerPhone(d.name), name, `${d.name}·${name}`);
    }

    // Residents: fill households of each 居民区 in random order, 1–3 people each.
    let serial = 1;
    for (const neighbourhood of NEIGHBOURHOODS) {
      const buildingIds = new Set(
        neighbourhood.compounds.flatMap((c) => (this.buildingsByCompound.get(c.name) ?? []).map((b) => b.id)),
      );
      const homes = this.dice.shuffle(
        this.households.filter((h) => buildingIds.has(h.buildingId) && !reserved.has(h.id)),
      );
      let remaining = this.residentsPerNeighbourhood;
      for (const household of homes) {
        if (remaining <= 0) break;
        const roll = this.dice.next();
        const size = Math.min(remaining, roll < 0.6 ? 1 : roll < 0.92 ? 2 : 3);
        for (let member = 0; member < size; member++) {
          const phone = `139000${String(serial++).padStart(5, "0")}`;
          const statusRoll = this.dice.next();
          const status: MembershipStatus =
            statusRoll < 0.05 ? "PENDING" : statusRoll < 0.07 ? "REJECTED" : statusRoll < 0.08 ? "REVOKED" : "VERIFIED";
          // A third member is often a teenager with their own phone.
          const isAdult = member < 2 || this.dice.chance(0.5);
          const draft = this.membership(phone, household, neighbourhood.name, status, isAdult);
          this.memberships.push(draft);
          drafts.push(this.residentDraft(phone, draft.requestedAt));
        }
        remaining -= size;
      }
    }

    const accounts = await this.tx.account.createManyAndReturn({
      data: drafts,
      select: { id: true, phone: true },
    });
    for (const account of accounts) this.accountIds.set(account.phone, account.id);
    for (const n of NEIGHBOURHOODS) this.neighbourhoodStaff.set(n.name, this.account(neighbourhoodStaffPhone(n.name)));

    const saved = await this.tx.householdMember.createManyAndReturn({
      data: this.memberships.map((m) => ({
        householdId: m.householdId,
        accountId: this.account(m.phone),
        status: m.status,
        isAdult: m.isAdult,
        requestedAt: m.requestedAt,
        decidedAt: m.decidedAt,
        decidedById: m.decidedAt ? (this.neighbourhoodStaff.get(m.neighbourhood) ?? null) : null,
        decisionNote: m.decisionNote,
      })),
      select: { id: true, householdId: true, accountId: true },
    });
    const membershipIds = new Map(saved.map((row) => [`${row.householdId}:${row.accountId}`, row.id]));
    const buildingOf = new Map(this.households.map((h) => [h.id, h.buildingId]));

    for (const m of this.memberships) {
      const accountId = this.account(m.phone);
      const id = membershipIds.get(`${m.householdId}:${accountId}`) ?? 0;
      this.membershipIds.set(m.phone, id);
      const areaId = buildingOf.get(m.householdId) ?? null;
      this.audit.push({
        at: m.requestedAt,
        actorId: accountId,
        action: "membership.request",
        subjectType: "HOUSEHOLD_MEMBER",
        subjectId: id,
        areaId,
        toStatus: "PENDING",
      });
      if (m.decidedAt) {
        this.audit.push({
          at: m.decidedAt,
          actorId: this.neighbourhoodStaff.get(m.neighbourhood) ?? null,
          action: "membership.decide",
          subjectType: "HOUSEHOLD_MEMBER",
          subjectId: id,
          areaId,
          fromStatus: m.status === "REVOKED" ? "VERIFIED" : "PENDING",
          toStatus: m.status,
          data: m.decisionNote ? { note: m.decisionNote } : undefined,
        });
      }
      if (m.status === "VERIFIED" && m.isAdult) {
        const list = this.verifiedAdults.get(m.neighbourhood) ?? [];
        list.push(accountId);
        this.verifiedAdults.set(m.neighbourhood, list);
      }
    }

    await this.tx.deputyProfile.createMany({
      data: DEPUTIES.map((d) => ({ accountId: this.account(d.phone), name: d.name, title: d.title, bio: d.bio })),
    });
  }

  // ── councils, departments, posts, role grants ──

  private async seedOrganisation(): Promise<void> {
    const street = this.area(STREET_NAME);
    const founded = this.clock.at(-500, 9);

    const departments = await this.tx.department.createManyAndReturn({
      data: DEPARTMENTS.map((d) => ({ name: d.name, areaId: street.id, contact: d.contact, createdAt: founded })),
      select: { id: true, name: true },
    });
    for (const row of departments) {
      this.departments.set(row.name, { id: row.id, handlerId: this.account(handlerPhone(row.name)) });
    }

    const councilAreas = [...NEIGHBOURHOODS.map((n) => n.name), BLOCK_NAME];
    const councils = await this.tx.council.createManyAndReturn({
      data: councilAreas.map((name) => ({
        name: name === BLOCK_NAME ? `${BLOCK_NAME}自治议事会` : `${name}居民区议事会`,
        kind: name === BLOCK_NAME ? ("BLOCK" as const) : ("NEIGHBOURHOOD" as const),
        areaId: this.area(name).id,
        supportThreshold: this.supportThreshold(name),
        meetingQuorum: name === BLOCK_NAME ? 4 : 5,
        createdAt: founded,
      })),
      select: { id: true, areaId: true },
    });
    for (const name of councilAreas) {
      const areaId = this.area(name).id;
      const council = councils.find((c) => c.areaId === areaId);
      if (!council) throw new Error(`demo seed: council of ${name} not created`);
      let facilitatorId: number;
      let memberIds: number[];
      if (name === "三林苑") {
        facilitatorId = this.account(PHONE.facilitator);
        memberIds = [this.account(PHONE.member), ...this.dice.sample(this.residentsOf(name), 6)];
      } else if (name === BLOCK_NAME) {
        const [first, ...others] = BLOCK_NEIGHBOURHOODS.flatMap((n) => this.dice.sample(this.residentsOf(n), 2));
        facilitatorId = first ?? this.account(PHONE.staff);
        memberIds = others;
      } else {
        const [first, ...others] = this.dice.sample(this.residentsOf(name), 7);
        facilitatorId = first ?? this.account(PHONE.staff);
        memberIds = others;
      }
      // Facilitators are members too: they count towards quorum and vote in the council.
      this.councils.set(name, { id: council.id, areaId, facilitatorId, memberIds: [facilitatorId, ...memberIds] });
    }

    await this.seedPosts();

    const grants: Grant[] = [
      { role: "ADMIN", accountId: this.account(PHONE.admin), areaId: street.id, grantedAt: founded },
      { role: "STAFF", accountId: this.account(PHONE.staff), areaId: street.id, grantedAt: founded },
      { role: "PLANNER", accountId: this.account(PHONE.planner), areaId: street.id, grantedAt: founded },
    ];
    for (const n of NEIGHBOURHOODS) {
      grants.push({
        role: "STAFF",
        accountId: this.neighbourhoodStaff.get(n.name) ?? 0,
        areaId: this.area(n.name).id,
        grantedAt: founded,
      });
    }
    for (const [, council] of this.councils) {
      const grantedAt = this.clock.at(-460, 10);
      grants.push({
        role: "FACILITATOR",
        accountId: council.facilitatorId,
        areaId: council.areaId,
        councilId: council.id,
        grantedAt,
      });
      for (const memberId of council.memberIds) {
        grants.push({
          role: "COUNCIL_MEMBER",
          accountId: memberId,
          areaId: council.areaId,
          councilId: council.id,
          grantedAt,
        });
      }
    }
    for (const [, department] of this.departments) {
      grants.push({
        role: "DEPARTMENT_HANDLER",
        accountId: department.handlerId,
        areaId: street.id,
        departmentId: department.id,
        grantedAt: founded,
      });
    }
    for (const deputy of DEPUTIES) {
      for (const postName of deputy.posts) {
        const post = this.post(postName);
        grants.push({
          role: "DEPUTY",
          accountId: this.account(deputy.phone),
          areaId: post.areaId,
          postId: post.id,
          grantedAt: founded,
        });
      }
    }

    const adminId = this.account(PHONE.admin);
    const saved = await this.tx.roleGrant.createManyAndReturn({
      data: grants.map((g) => ({
        ...g,
        // The first administrator was set up at installation, by nobody.
        grantedById: g.role === "ADMIN" ? null : adminId,
      })),
      select: { id: true, role: true, accountId: true, areaId: true, grantedAt: true, grantedById: true },
    });
    for (const grant of saved) {
      this.audit.push({
        at: grant.grantedAt,
        actorId: grant.grantedById,
        action: "role.grant",
        subjectType: "ROLE_GRANT",
        subjectId: grant.id,
        areaId: grant.areaId,
        data: { role: grant.role, accountId: grant.accountId },
      });
    }
  }

  private async seedPosts(): Promise<void> {
    const created = this.clock.at(-500, 9);
    for (const kind of ["HOME", "STATION", "POINT"] as const) {
      const specs = POSTS.filter((p) => p.kind === kind);
      const rows = await this.tx.liaisonPost.createManyAndReturn({
        data: specs.map((p) => ({
          kind: p.kind,
          name: p.name,
          parentId: p.parent ? this.post(p.parent).id : null,
          areaId: this.area(p.area).id,
          address: p.address,
          openHours: p.openHours,
          createdAt: created,
        })),
        select: { id: true, name: true, areaId: true, address: true },
      });
      for (const row of rows) {
        const deputyIds = DEPUTIES.filter((d) => d.posts.includes(row.name)).map((d) => this.account(d.phone));
        this.posts.set(row.name, { id: row.id, areaId: row.areaId, address: row.address, deputyIds });
      }
    }
  }

  // ── 接待日 ──

  private async seedReceptionDays(): Promise<void> {
    interface DayDraft {
      post: string;
      day: number;
      hour: number;
      cancelledNote?: string;
    }
    const drafts: DayDraft[] = [];
    POSTS.forEach((spec, index) => {
      const post = this.post(spec.name);
      if (post.deputyIds.length === 0) return; // no deputy, no reception
      const shift = index % 5; // stagger posts across the week
      const days =
        spec.kind === "POINT"
          ? [-40 - shift, 9 + shift]
          : [-90 + shift, -60 + shift, -30 + shift, 2 + shift, 16 + shift];
      for (const day of days) drafts.push({ post: spec.name, day, hour: spec.kind === "STATION" ? 9 : 14 });
    });
    // One upcoming reception called off, as happens.
    const toCancel = drafts.find((d) => d.post === "东明商会人大代表联系点" && d.day > 0);
    if (toCancel) toCancel.cancelledNote = "因台风预警取消,改期另行通知";

    const rows = await this.tx.receptionDay.createManyAndReturn({
      data: drafts.map((d) => ({
        postId: this.post(d.post).id,
        startsAt: this.clock.at(d.day, d.hour),
        endsAt: this.clock.at(d.day, d.hour + 2, 30),
        place: this.post(d.post).address,
        capacity: POSTS.find((p) => p.name === d.post)?.kind === "HOME" ? 20 : 10,
        note: d.cancelledNote ?? "请携带身份证件,可提前预约,也可现场登记",
        cancelledAt: d.cancelledNote ? this.clock.at(-1, 16) : null,
        createdAt: this.clock.at(Math.min(d.day, 0) - 20, 10),
      })),
      select: { id: true, postId: true, startsAt: true, cancelledAt: true },
    });
    rows.sort((a, b) => a.id - b.id);

    const duties: Prisma.ReceptionDutyCreateManyInput[] = [];
    const bookings: Prisma.ReceptionBookingCreateManyInput[] = [];
    const subjects = [
      "小区停车难",
      "加装电梯进度",
      "老年助餐",
      "楼道堆物",
      "噪声扰民",
      "上学路交通安全",
      "物业服务质量",
    ];
    const nowish = this.clock.at(0, 0);
    for (const row of rows) {
      const [postName, post] = [...this.posts].find(([, p]) => p.id === row.postId) ?? [];
      if (!post || !postName) continue;
      for (const deputyId of post.deputyIds) duties.push({ receptionDayId: row.id, deputyId });
      const past = row.startsAt < nowish;
      if (past) {
        const list = this.pastReceptions.get(postName) ?? [];
        list.push({ id: row.id, startsAt: row.startsAt });
        this.pastReceptions.set(postName, list);
      }
      if (row.cancelledAt) continue;
      const area = POSTS.find((p) => p.name === postName)?.area ?? STREET_NAME;
      const visitors = this.dice.sample(this.residentsOf(area), this.dice.int(1, past ? 4 : 3));
      for (const accountId of visitors) {
        bookings.push({
          receptionDayId: row.id,
          accountId,
          subject: this.dice.pick(subjects),
          status: past
            ? this.dice.chance(0.85)
              ? "ATTENDED"
              : "NO_SHOW"
            : this.dice.chance(0.9)
              ? "BOOKED"
              : "CANCELLED",
          createdAt: addMinutes(row.startsAt, -this.dice.int(2, 10) * 24 * 60),
        });
      }
    }
    // The demo resident has a booking coming up at their station.
    const upcoming = rows.find((r) => r.postId === this.post("湾流域人大代表联络站").id && r.startsAt > nowish);
    if (upcoming) {
      bookings.push({
        receptionDayId: upcoming.id,
        accountId: this.account(PHONE.resident),
        subject: "三林苑架空层共享客厅晚间开放的事情,想当面和代表聊聊",
        status: "BOOKED",
        createdAt: this.clock.at(-1, 20, 15),
      });
    }
    await this.tx.receptionDuty.createMany({ data: duties });
    await this.tx.receptionBooking.createMany({ data: bookings });
    // 接待人次 as the deputies recorded them: those who booked and came, plus walk-ins. The most
    // recent past reception of each post is not recorded yet (the figures then count its bookings).
    const latestPast = new Set([...this.pastReceptions.values()].map((list) => list.at(-1)?.id));
    for (const row of rows) {
      if (row.cancelledAt || row.startsAt >= nowish || latestPast.has(row.id)) continue;
      const attended = bookings.filter((b) => b.receptionDayId === row.id && b.status === "ATTENDED").length;
      await this.tx.receptionDay.update({
        where: { id: row.id },
        data: { visitorCount: attended + this.dice.int(2, 12) },
      });
    }
  }

  // ── 议题 ──

  private supportThreshold(areaName: string): number {
    return areaName === BLOCK_NAME ? 8 : 10;
  }

  private topicActor(spec: TopicSpec, raisedById: number) {
    const council = this.council(spec.area);
    return (status: string, index: number): number | null => {
      if (index === 0) return raisedById;
      // Enough 附议 puts a resident's topic on the agenda automatically.
      if (status === "ACCEPTED" && spec.source === "RESIDENT" && spec.supports >= this.supportThreshold(spec.area))
        return null;
      if (["IMPLEMENTING", "EVALUATED", "CLOSED"].includes(status)) return this.staffFor(spec.area);
      return council.facilitatorId;
    };
  }

  private async seedTopics(): Promise<void> {
    // Chosen before the insert: supportCount must equal the support rows, even in a tiny demo.
    const supportersOf = new Map<string, number[]>();
    const plans = TOPICS.map((spec) => {
      const council = this.council(spec.area);
      const pool = this.residentsOf(spec.area);
      const raisedById =
        spec.source === "RESIDENT"
          ? this.dice.pick(pool)
          : spec.source === "COUNCIL_MEMBER"
            ? spec.area === "三林苑"
              ? this.account(PHONE.member)
              : this.dice.pick(council.memberIds)
            : this.staffFor(spec.area);
      const steps = timeline(this.clock, this.dice, topicPath(spec.status), spec.createdDay, spec.lastDay, {
        anchors: spec.anchors,
        lastHour: spec.lastHour,
      });
      supportersOf.set(
        spec.key,
        this.dice.sample(
          pool.filter((id) => id !== raisedById),
          spec.supports,
        ),
      );
      return { spec, council, pool, raisedById, steps };
    });

    const rows = await this.tx.topic.createManyAndReturn({
      data: plans.map(({ spec, council, raisedById, steps }) => {
        const last = steps.at(-1)?.at ?? this.clock.at(-1);
        return {
          councilId: council.id,
          areaId: council.areaId,
          title: spec.title,
          body: spec.body,
          status: spec.status,
          source: spec.source,
          raisedById,
          supportCount: supportersOf.get(spec.key)?.length ?? 0,
          onAgendaAt: stepAt(steps, "ACCEPTED"),
          rejectionReason: spec.rejectionReason ?? null,
          resolutionText: spec.resolutionText ?? null,
          decidedAt: stepAt(steps, "DECIDED"),
          createdAt: steps[0]?.at ?? last,
          updatedAt: last,
        };
      }),
      select: { id: true, title: true },
    });

    const supports: Prisma.TopicSupportCreateManyInput[] = [];
    const opinions: {
      topicId: number;
      index: number;
      draft: Prisma.OpinionCreateManyInput;
      replyTo?: number;
      mergedInto?: number;
    }[] = [];
    const topicVotes: { spec: TopicSpec; topicId: number; areaId: number; openedAt: Date; createdById: number }[] = [];

    for (const { spec, council, pool, raisedById, steps } of plans) {
      const row = rows.find((r) => r.title === spec.title);
      if (!row) throw new Error(`demo seed: topic ${spec.title} not created`);
      this.topics.set(spec.key, { id: row.id, areaId: council.areaId, title: spec.title });
      this.record("TOPIC", row.id, council.areaId, "topic", steps, this.topicActor(spec, raisedById), (status) =>
        status === "REJECTED" && spec.rejectionReason ? { reason: spec.rejectionReason } : undefined,
      );

      const created = steps[0]?.at ?? this.clock.at(-1);
      const supportUntil = stepAt(steps, "ACCEPTED") ?? stepAt(steps, "REJECTED") ?? this.clock.at(-1, 21);
      const supporters = supportersOf.get(spec.key) ?? [];
      for (const accountId of supporters) {
        supports.push({ topicId: row.id, accountId, createdAt: between(this.dice, created, supportUntil) });
      }

      const opinionSpecs = spec.opinions ?? [];
      if (opinionSpecs.length > 0) {
        const from = stepAt(steps, "DELIBERATING") ?? created;
        const until = stepAt(steps, "VOTING") ?? this.clock.at(-1, 21);
        const authors = this.dice.sample(pool, opinionSpecs.length);
        opinionSpecs.forEach((o, index) => {
          const createdAt = new Date(
            from.getTime() + ((until.getTime() - from.getTime()) * (index + 1)) / (opinionSpecs.length + 1),
          );
          const moderated = o.pinned || o.hiddenReason || o.mergedInto !== undefined;
          opinions.push({
            topicId: row.id,
            index,
            replyTo: o.replyTo,
            mergedInto: o.mergedInto,
            draft: {
              topicId: row.id,
              authorId: authors[index] ?? raisedById,
              stance: o.stance,
              body: o.body,
              pinnedAt: o.pinned ? addMinutes(createdAt, 90) : null,
              hiddenAt: o.hiddenReason ? addMinutes(createdAt, 25) : null,
              hiddenReason: o.hiddenReason ?? null,
              moderatedById: moderated ? council.facilitatorId : null,
              createdAt,
            },
          });
        });
      }

      if (spec.status === "VOTING") {
        topicVotes.push({
          spec,
          topicId: row.id,
          areaId: council.areaId,
          openedAt: stepAt(steps, "VOTING") ?? this.clock.at(-1),
          createdById: council.facilitatorId,
        });
      }
    }
    await this.tx.topicSupport.createMany({ data: supports });

    // Opinions that point at others go in second, once those have ids.
    const independent = opinions.filter((o) => o.replyTo === undefined && o.mergedInto === undefined);
    const dependent = opinions.filter((o) => o.replyTo !== undefined || o.mergedInto !== undefined);
    const first = await this.tx.opinion.createManyAndReturn({
      data: independent.map((o) => o.draft),
      select: { id: true, topicId: true, body: true },
    });
    const idOf = (topicId: number, index: number | undefined): number | null => {
      if (index === undefined) return null;
      const target = opinions.find((o) => o.topicId === topicId && o.index === index);
      return first.find((row) => row.topicId === topicId && row.body === target?.draft.body)?.id ?? null;
    };
    await this.tx.opinion.createMany({
      data: dependent.map((o) => ({
        ...o.draft,
        parentId: idOf(o.topicId, o.replyTo),
        mergedIntoId: idOf(o.topicId, o.mergedInto),
      })),
    });

    for (const vote of topicVotes) {
      await this.openVote({
        subject: "TOPIC",
        topicId: vote.topicId,
        title: vote.spec.title,
        question: vote.spec.voteQuestion ?? `是否同意“${vote.spec.title}”?`,
        ballotType: "YES_NO_ABSTAIN",
        areaId: vote.areaId,
        openedAt: vote.openedAt,
        closesAt: addMinutes(vote.openedAt, 14 * 24 * 60),
        createdById: vote.createdById,
        quorumPercent: 30,
        options: [{ label: "赞成" }, { label: "反对" }, { label: "弃权" }],
        electorate: this.neighbourhoodsFor(vote.spec.area),
      });
    }
  }

  // ── 表决 ──

  /**
   * An open, non-secret vote with its roll frozen at opening and no ballots yet, so the demo can
   * cast the first ones live. Secret ballots need the voting engine's slot keys, so none here.
   */
  private async openVote(vote: {
    subject: "TOPIC" | "BUDGET_ROUND";
    topicId?: number;
    budgetRoundId?: number;
    title: string;
    question: string;
    ballotType: "YES_NO_ABSTAIN" | "BUDGET";
    budgetFen?: number;
    areaId: number;
    openedAt: Date;
    closesAt: Date;
    createdById: number;
    quorumPercent: number;
    options: { label: string; costFen?: number; proposalId?: number }[];
    electorate: readonly string[];
  }): Promise<void> {
    const roll = this.memberships
      .filter(
        (m) =>
          m.status === "VERIFIED" &&
          m.isAdult &&
          vote.electorate.includes(m.neighbourhood) &&
          m.decidedAt !== null &&
          m.decidedAt < vote.openedAt,
      )
      .map((m) => this.account(m.phone));
    const uniqueRoll = [...new Set(roll)];
    const created = await this.tx.vote.create({
      data: {
        subject: vote.subject,
        topicId: vote.topicId ?? null,
        budgetRoundId: vote.budgetRoundId ?? null,
        title: vote.title,
        question: vote.question,
        ballotType: vote.ballotType,
        budgetFen: vote.budgetFen ?? null,
        areaId: vote.areaId,
        countingUnit: "RESIDENT",
        opensAt: vote.openedAt,
        closesAt: vote.closesAt,
        openedAt: vote.openedAt,
        status: "OPEN",
        quorumPercent: vote.quorumPercent,
        threshold: "SIMPLE_MAJORITY",
        secret: false,
        sealed: false,
        rollSize: uniqueRoll.length,
        createdById: vote.createdById,
        createdAt: addMinutes(vote.openedAt, -60),
        options: {
          createMany: {
            data: vote.options.map((o, position) => ({
              label: o.label,
              position,
              costFen: o.costFen ?? null,
              proposalId: o.proposalId ?? null,
            })),
          },
        },
      },
      select: { id: true },
    });
    this.voteIds.set(vote.title, created.id);
    await this.tx.voteRollEntry.createMany({
      data: uniqueRoll.map((accountId) => ({ voteId: created.id, accountId })),
    });
    this.audit.push({
      at: vote.openedAt,
      actorId: vote.createdById,
      action: "vote.open",
      subjectType: "VOTE",
      subjectId: created.id,
      areaId: vote.areaId,
      fromStatus: "SCHEDULED",
      toStatus: "OPEN",
      public: true,
      data: { rollSize: uniqueRoll.length },
    });
  }

  // ── 表决: ballots cast so far, and votes decided earlier ──

  /**
   * The votes under way have ballots from part of their roll (not from the demo sign-ins, who can
   * cast theirs live), and two earlier votes are closed and published (公示): the council's vote
   * on the playground rules at its last meeting, and the 民法典 278 vote of 凌十五小区5号楼 on
   * its lift. Results are counted by the engine's own tally and rules, as at a real close.
   */
  private async seedBallots(): Promise<void> {
    const now = this.clock.at(0, 0);
    const demoSignIns = new Set(Object.values(PHONE).map((phone) => this.accountIds.get(phone)));
    const open = await this.tx.vote.findMany({
      where: { id: { in: [...this.voteIds.values()] } },
      include: { options: { orderBy: { position: "asc" } }, roll: { orderBy: { id: "asc" } } },
      orderBy: { id: "asc" },
    });
    for (const vote of open) {
      const voters = this.dice
        .shuffle(vote.roll.filter((entry) => !demoSignIns.has(entry.accountId ?? undefined)))
        .slice(0, Math.round(vote.roll.length * 0.42));
      const choose =
        vote.ballotType === "BUDGET"
          ? () => this.budgetPicks(vote.options, vote.budgetFen ?? 0)
          : () => [this.weightedOption(vote.options, [0.66, 0.24, 0.1])];
      await this.writeBallots(vote.id, voters, choose, vote.openedAt ?? now, now);
    }
    await this.publishCouncilVote();
    await this.publishLiftVote();
  }

  /** 架空层自由游戏场使用规则, voted by the 三林苑 council during its past meeting. */
  private async publishCouncilVote(): Promise<void> {
    const council = this.council(PAST_MEETING.area);
    const topic = this.topics.get("playground-rules");
    if (!topic) throw new Error("demo seed: no playground-rules topic");
    const item = await this.tx.meetingItem.findFirstOrThrow({ where: { topicId: topic.id }, select: { id: true } });
    const openedAt = this.clock.at(PAST_MEETING.day, 19, 50);
    const members = [...new Set([council.facilitatorId, ...council.memberIds])];
    await this.publishedVote({
      data: {
        subject: "MEETING_ITEM",
        meetingItemId: item.id,
        title: topic.title,
        question: `是否同意《${topic.title}》(讨论稿)?`,
        ballotType: "YES_NO_ABSTAIN",
        areaId: council.areaId,
        councilId: council.id,
        countingUnit: "COUNCIL_MEMBER",
        threshold: "TWO_THIRDS",
        quorumPercent: 50,
        createdById: council.facilitatorId,
      },
      roll: members.map((accountId) => ({ accountId, floorAreaCentiSqm: 0 })),
      openedAt,
      closedAt: addMinutes(openedAt, 15),
      publishedAt: this.clock.at(PAST_MEETING.day + 1, 10),
      // All but one member present; one against.
      ballots: (entries) => entries.slice(1).map((entry, i) => ({ entry, optionIndex: i === 0 ? 1 : 0 })),
    });
  }

  /**
   * 凌十五小区5号楼加装电梯: every household of the building is on the roll with its floor area
   * (民法典 第二百七十八条); households without a member online voted on paper, entered by the
   * 居委 staff.
   */
  private async publishLiftVote(): Promise<void> {
    const building = this.buildingsByCompound.get("凌十五小区")?.[4];
    const proposalId = this.proposalIds.get("5号楼加装电梯");
    if (!building || proposalId === undefined) throw new Error("demo seed: no 凌十五小区5号楼 or its lift proposal");
    const households = this.households.filter((h) => h.buildingId === building.id);
    const online = new Set(
      this.memberships.filter((m) => m.status === "VERIFIED" && m.isAdult).map((m) => m.householdId),
    );
    const staffId = this.neighbourhoodStaff.get("凌十五") ?? this.account(PHONE.staff);
    const openedAt = this.clock.at(-26, 9);
    await this.publishedVote({
      data: {
        subject: "PROPOSAL",
        proposalId,
        title: "凌十五小区5号楼加装电梯业主表决",
        question: "是否同意在5号楼北侧加装电梯(费用按楼层分摊,方案见楼道公示)?",
        ballotType: "YES_NO_ABSTAIN",
        areaId: building.id,
        countingUnit: "HOUSEHOLD",
        threshold: "CIVIL_CODE_278",
        quorumPercent: 0,
        createdById: staffId,
      },
      roll: households.map((h) => ({ householdId: h.id, floorAreaCentiSqm: h.floorAreaCentiSqm })),
      openedAt,
      closedAt: this.clock.at(-12, 20),
      publishedAt: this.clock.at(-11, 10),
      // One household away; a first-floor household against, one abstaining.
      ballots: (entries) =>
        entries.slice(0, -1).map((entry, i) => ({
          entry,
          optionIndex: i === 0 ? 1 : i === 1 ? 2 : 0,
          paperBy: online.has(entry.householdId ?? -1) ? undefined : staffId,
        })),
    });
  }

  /** A vote that ran and was published: roll, ballots, the engine's count, its timeline. */
  private async publishedVote(plan: {
    data: Omit<Prisma.VoteUncheckedCreateInput, "status" | "options">;
    roll: { accountId?: number; householdId?: number; floorAreaCentiSqm: number }[];
    openedAt: Date;
    closedAt: Date;
    publishedAt: Date;
    ballots: (
      entries: { id: number; householdId: number | null; floorAreaCentiSqm: number }[],
    ) => { entry: { id: number; floorAreaCentiSqm: number }; optionIndex: number; paperBy?: number }[];
  }): Promise<void> {
    const { openedAt, closedAt, publishedAt } = plan;
    const vote = await this.tx.vote.create({
      data: {
        ...plan.data,
        status: "OPEN",
        opensAt: openedAt,
        closesAt: closedAt,
        openedAt,
        rollSize: plan.roll.length,
        rollFloorAreaCentiSqm: plan.roll.reduce((sum, r) => sum + r.floorAreaCentiSqm, 0),
        createdAt: addMinutes(openedAt, -60),
        options: { createMany: { data: ["赞成", "反对", "弃权"].map((label, position) => ({ label, position })) } },
      },
      include: { options: { orderBy: { position: "asc" } } },
    });
    const entries = await this.tx.voteRollEntry.createManyAndReturn({
      data: plan.roll.map((r) => ({ voteId: vote.id, ...r })),
      select: { id: true, householdId: true, floorAreaCentiSqm: true },
    });
    entries.sort((a, b) => a.id - b.id);
    for (const ballot of plan.ballots(entries)) {
      const option = vote.options[ballot.optionIndex];
      if (!option) throw new Error("demo seed: no such option");
      await this.writeBallots(vote.id, [ballot.entry], () => [option.id], openedAt, closedAt, ballot.paperBy);
    }
    const result = await countBallots(this.tx, vote);
    await this.tx.vote.update({
      where: { id: vote.id },
      data: { status: "PUBLISHED", closedAt, publishedAt, result: result as unknown as Prisma.InputJsonValue },
    });
    const event = { subjectType: "VOTE" as const, subjectId: vote.id, areaId: vote.areaId, public: true };
    this.audit.push(
      {
        ...event,
        at: openedAt,
        actorId: vote.createdById,
        action: "vote.open",
        fromStatus: "SCHEDULED",
        toStatus: "OPEN",
      },
      {
        ...event,
        at: closedAt,
        actorId: vote.createdById,
        action: "vote.close",
        fromStatus: "OPEN",
        toStatus: "CLOSED",
        data: { outcome: result.outcome, participants: result.participants },
      },
      {
        ...event,
        at: publishedAt,
        actorId: vote.createdById,
        action: "vote.published",
        fromStatus: "CLOSED",
        toStatus: "PUBLISHED",
      },
    );
  }

  /** Open ballots (they name their roll entry), each with its participation row. */
  private async writeBallots(
    voteId: number,
    entries: { id: number; floorAreaCentiSqm: number }[],
    choose: () => number[],
    from: Date,
    until: Date,
    paperBy?: number,
  ): Promise<void> {
    const ballots = entries.map((entry) => ({
      id: this.uuid(),
      voteId,
      slot: `open:${entry.id}`,
      rollEntryId: entry.id,
      receiptHash: receiptHash(voteId, this.dice.hex(10)),
      floorAreaCentiSqm: entry.floorAreaCentiSqm,
    }));
    await this.tx.ballot.createMany({ data: ballots });
    await this.tx.ballotChoice.createMany({
      data: ballots.flatMap((ballot) =>
        choose().map((optionId, index) => ({ ballotId: ballot.id, optionId, rank: index + 1 })),
      ),
    });
    await this.tx.voteParticipation.createMany({
      data: entries.map((entry) => {
        const at = this.castTime(from, until, paperBy !== undefined);
        return {
          voteId,
          rollEntryId: entry.id,
          channel: paperBy === undefined ? ("ONLINE" as const) : ("PAPER" as const),
          enteredById: paperBy ?? null,
          firstCastAt: at,
          lastCastAt: at,
        };
      }),
    });
  }

  /** When a ballot came in: a waking hour online, office hours for paper ones entered by staff. */
  private castTime(from: Date, until: Date, paper: boolean): Date {
    const day = this.clock.dayOf(between(this.dice, from, until));
    const at = this.clock.at(day, paper ? this.dice.int(9, 16) : this.dice.int(7, 21), this.dice.int(0, 59));
    return at < from || at > until ? between(this.dice, from, until) : at;
  }

  /** One option, by weight (the options in position order). */
  private weightedOption(options: readonly { id: number }[], weights: readonly number[]): number {
    let roll = this.dice.next() * weights.reduce((sum, w) => sum + w, 0);
    for (const [index, weight] of weights.entries()) {
      roll -= weight;
      if (roll < 0) return (options[index] ?? options[0])?.id ?? 0;
    }
    return options[0]?.id ?? 0;
  }

  /** A budget ballot: projects in a voter's order of liking (earlier ones liked more), within the budget. */
  private budgetPicks(options: readonly { id: number; costFen: number | null }[], budgetFen: number): number[] {
    const liking = options
      .map((option, index) => ({ option, key: this.dice.next() ** (1 / (options.length - index)) }))
      .sort((a, b) => b.key - a.key);
    const wanted = this.dice.int(1, options.length);
    const picks: number[] = [];
    let total = 0;
    for (const { option } of liking) {
      if (picks.length === wanted) break;
      if (total + (option.costFen ?? 0) > budgetFen) continue;
      total += option.costFen ?? 0;
      picks.push(option.id);
    }
    return picks;
  }

  /** A v4-shaped UUID from the seeded dice, so every run writes the same ballot ids. */
  private uuid(): string {
    const hex = this.dice.hex(32).toLowerCase();
    const variant = "89ab"[this.dice.int(0, 3)];
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
  }

  // ── 议事会议 ──

  private async seedMeetings(): Promise<void> {
    const council = this.council(PAST_MEETING.area);
    const start = this.clock.at(PAST_MEETING.day, 19);
    const past = await this.tx.meeting.create({
      data: {
        councilId: council.id,
        title: PAST_MEETING.title,
        mode: "HYBRID",
        location: PAST_MEETING.location,
        onlineUrl: PAST_MEETING.onlineUrl,
        scheduledStart: start,
        scheduledEnd: this.clock.at(PAST_MEETING.day, 21),
        status: "ENDED",
        startedAt: addMinutes(start, 3),
        endedAt: addMinutes(start, 115),
        minutes: PAST_MEETING.minutes,
        minutesPublishedAt: this.clock.at(PAST_MEETING.day + 1, 10, 30),
        createdAt: this.clock.at(PAST_MEETING.day - 10, 10),
      },
      select: { id: true },
    });
    const items = await this.tx.meetingItem.createManyAndReturn({
      data: PAST_MEETING.agenda.map((entry, position) => {
        const topic = this.topics.get(entry);
        return {
          meetingId: past.id,
          topicId: topic?.id ?? null,
          title: topic?.title ?? entry,
          position,
          status: "CLOSED" as const,
          openedAt: addMinutes(start, 5 + position * 40),
          closedAt: addMinutes(start, 5 + position * 40 + 38),
        };
      }),
      select: { id: true, position: true, openedAt: true },
    });
    // Seven of the council were there (the minutes say so); one sent apologies.
    const absent = this.dice.pick(council.memberIds.filter((id) => id !== council.facilitatorId));
    const present = council.memberIds.filter((id) => id !== absent).slice(0, 7);
    await this.tx.meetingAttendance.createMany({
      data: present.map((accountId, i) => ({
        meetingId: past.id,
        accountId,
        mode: i < 5 ? ("IN_PERSON" as const) : ("ONLINE" as const),
        checkedInAt: addMinutes(start, -12 + i * 2),
      })),
    });
    const speakers = present.filter((id) => id !== council.facilitatorId);
    await this.tx.speakerRequest.createMany({
      data: items.slice(0, 2).flatMap((item) => {
        const opened = item.openedAt ?? start;
        return speakers.slice(item.position * 2, item.position * 2 + 3).map((accountId, i) => ({
          meetingId: past.id,
          itemId: item.id,
          accountId,
          status: i === 2 ? ("WITHDRAWN" as const) : ("DONE" as const),
          requestedAt: addMinutes(opened, 2 + i * 3),
          startedAt: i === 2 ? null : addMinutes(opened, 6 + i * 8),
          endedAt: i === 2 ? null : addMinutes(opened, 12 + i * 8),
        }));
      }),
    });

    const nextCouncil = this.council(NEXT_MEETING.area);
    const next = await this.tx.meeting.create({
      data: {
        councilId: nextCouncil.id,
        title: NEXT_MEETING.title,
        mode: "HYBRID",
        location: NEXT_MEETING.location,
        onlineUrl: NEXT_MEETING.onlineUrl,
        scheduledStart: this.clock.at(NEXT_MEETING.day, 19),
        scheduledEnd: this.clock.at(NEXT_MEETING.day, 21),
        status: "SCHEDULED",
        createdAt: this.clock.at(-2, 11),
      },
      select: { id: true },
    });
    await this.tx.meetingItem.createMany({
      data: NEXT_MEETING.agenda.map((entry, position) => {
        const topic = this.topics.get(entry);
        return { meetingId: next.id, topicId: topic?.id ?? null, title: topic?.title ?? entry, position };
      }),
    });
    this.nextMeetingId = next.id;
  }

  // ── 微基建 ──

  private async seedProposals(): Promise<void> {
    const street = this.area(STREET_NAME);
    const staffId = this.account(PHONE.staff);
    const plannerId = this.account(PHONE.planner);

    // Previous year's round is closed; this year's is voting now.
    const roundDays: Record<
      RoundKey,
      { pool: number; open: number; close: number; review: number; vote: number; voteEnd: number; results: number }
    > = {
      previous: { pool: 70_000_000, open: -400, close: -370, review: -345, vote: -340, voteEnd: -326, results: -320 },
      current: { pool: 50_000_000, open: -65, close: -35, review: -8, vote: -5, voteEnd: 9, results: 12 },
    };
    const rounds = new Map<
      RoundKey,
      { id: number; votingOpensAt: Date; resultsAt: Date; votingClosesAt: Date; poolFen: number }
    >();
    for (const key of ["previous", "current"] as const) {
      const d = roundDays[key];
      const data = {
        areaId: street.id,
        name: `${this.clock.year(d.open)}年度东明路街道自治金(微基建)`,
        poolFen: d.pool,
        perProjectCapFen: 20_000_000,
        status: key === "previous" ? ("CLOSED" as const) : ("VOTING" as const),
        submissionOpensAt: this.clock.at(d.open, 9),
        submissionClosesAt: this.clock.at(d.close, 17),
        reviewClosesAt: this.clock.at(d.review, 17),
        votingOpensAt: this.clock.at(d.vote, 9),
        votingClosesAt: this.clock.at(d.voteEnd, 20),
        resultsAt: this.clock.at(d.results, 10),
        createdById: staffId,
        createdAt: this.clock.at(d.open - 10, 10),
      };
      const round = await this.tx.budgetRound.create({ data, select: { id: true } });
      rounds.set(key, {
        id: round.id,
        votingOpensAt: data.votingOpensAt,
        resultsAt: data.resultsAt,
        votingClosesAt: data.votingClosesAt,
        poolFen: d.pool,
      });
      this.audit.push({
        at: data.createdAt,
        actorId: staffId,
        action: "budgetRound.create",
        subjectType: "BUDGET_ROUND",
        subjectId: round.id,
        areaId: street.id,
        toStatus: data.status,
        public: true,
      });
    }

    const plans = PROPOSALS.map((spec) => {
      const path = proposalPath(spec.status);
      const round = spec.round ? rounds.get(spec.round) : undefined;
      const anchors: Partial<Record<ProposalStatus, Date | number>> = {};
      if (round) {
        anchors.IN_VOTE = round.votingOpensAt;
        anchors.SELECTED = round.resultsAt;
        anchors.NOT_SELECTED = round.resultsAt;
      }
      const progress = spec.progress ?? [];
      const firstWork = progress.find((p) => p.percent > 0 && spec.status !== "DESIGN");
      if (firstWork) anchors.CONSTRUCTION = firstWork.day - 1;
      const done = progress.find((p) => p.percent === 100);
      if (done) anchors.COMPLETED = this.clock.at(done.day, 17);
      const steps = timeline(this.clock, this.dice, path, spec.createdDay, spec.lastDay, { anchors });
      const pool = this.residentsOf(spec.area);
      const proposerId = spec.byDemoResident ? this.account(PHONE.resident) : this.dice.pick(pool);
      const cosigners = this.dice.sample(
        pool.filter((id) => id !== proposerId),
        spec.cosigns,
      );
      return { spec, path, round, steps, proposerId, cosigners };
    });

    const rows = await this.tx.proposal.createManyAndReturn({
      data: plans.map(({ spec, path, round, steps, proposerId, cosigners }) => {
        const reviewedFen = (spec.reviewedCostYuan ?? spec.costYuan) * 100;
        const lastProgress = spec.progress?.at(-1);
        const last = steps.at(-1)?.at ?? this.clock.at(-1);
        return {
          areaId: this.area(spec.area).id,
          budgetRoundId: round?.id ?? null,
          title: spec.title,
          description: spec.description,
          category: spec.category,
          place: spec.place,
          estimatedCostFen: spec.costYuan * 100,
          proposerId,
          status: spec.status,
          cosignCount: cosigners.length,
          reviewerId: reached(path, "IN_REVIEW") ? plannerId : null,
          feasibilityOpinion:
            reached(path, "ELIGIBLE") || reached(path, "NOT_ELIGIBLE") ? (spec.feasibility ?? null) : null,
          reviewedCostFen: reached(path, "ELIGIBLE") ? reviewedFen : null,
          ineligibleReason: spec.ineligibleReason ?? null,
          allocatedFen: reached(path, "SELECTED") ? reviewedFen : null,
          spentFen: (lastProgress?.spentYuan ?? 0) * 100,
          progressPercent: lastProgress?.percent ?? 0,
          plannedCompletion:
            spec.plannedCompletionDay !== undefined ? this.clock.date(spec.plannedCompletionDay) : null,
          completedAt: stepAt(steps, "COMPLETED"),
          createdAt: steps[0]?.at ?? last,
          updatedAt: last,
        };
      }),
      select: { id: true, title: true, areaId: true, status: true, reviewedCostFen: true },
    });

    const cosigns: Prisma.ProposalCosignCreateManyInput[] = [];
    const progressRows: Prisma.ProposalProgressCreateManyInput[] = [];
    for (const { spec, steps, proposerId, cosigners } of plans) {
      const row = rows.find((r) => r.title === spec.title && r.areaId === this.area(spec.area).id);
      if (!row) throw new Error(`demo seed: proposal ${spec.title} not created`);
      this.proposalIds.set(spec.title, row.id);
      this.record(
        "PROPOSAL",
        row.id,
        row.areaId,
        "proposal",
        steps,
        (status, index) => {
          if (index === 0) return proposerId;
          if (["IN_REVIEW", "ELIGIBLE", "NOT_ELIGIBLE"].includes(status)) return plannerId;
          return staffId;
        },
        (status) =>
          status === "NOT_ELIGIBLE" && spec.ineligibleReason ? { reason: spec.ineligibleReason } : undefined,
      );

      const created = steps[0]?.at ?? this.clock.at(-1);
      const cosignUntil = stepAt(steps, "IN_REVIEW") ?? this.clock.at(-1, 21);
      for (const accountId of cosigners) {
        cosigns.push({ proposalId: row.id, accountId, createdAt: between(this.dice, created, cosignUntil) });
      }
      for (const p of spec.progress ?? []) {
        progressRows.push({
          proposalId: row.id,
          authorId: staffId,
          percent: p.percent,
          note: p.note,
          spentFen: p.spentYuan !== undefined ? p.spentYuan * 100 : null,
          happenedOn: this.clock.date(p.day),
          createdAt: this.clock.at(p.day, 17, 30),
        });
      }
    }
    await this.tx.proposalCosign.createMany({ data: cosigns });
    await this.tx.proposalProgress.createMany({ data: progressRows });

    const current = rounds.get("current");
    if (current) {
      const inVote = rows.filter((r) => r.status === "IN_VOTE").sort((a, b) => a.id - b.id);
      await this.openVote({
        subject: "BUDGET_ROUND",
        budgetRoundId: current.id,
        title: `${this.clock.year(-65)}年度自治金微基建项目投票`,
        question: "请在50万元自治金额度内,选出您支持的微基建项目(所选项目总费用不超过额度)。",
        ballotType: "BUDGET",
        budgetFen: current.poolFen,
        areaId: street.id,
        openedAt: current.votingOpensAt,
        closesAt: current.votingClosesAt,
        createdById: staffId,
        quorumPercent: 0,
        options: inVote.map((r) => {
          const spec = PROPOSALS.find((p) => p.title === r.title) as ProposalSpec;
          return {
            label: `${spec.area}·${r.title}`,
            costFen: r.reviewedCostFen ?? spec.costYuan * 100,
            proposalId: r.id,
          };
        }),
        electorate: NEIGHBOURHOODS.map((n) => n.name),
      });
    }
  }

  // ── 意见建议 ──

  private async seedSuggestions(): Promise<void> {
    interface Visitor {
      name: string;
      phone: string;
      receptionDayId: number;
      recordedById: number;
    }
    const plans = SUGGESTIONS.map((spec) => {
      const post = this.post(spec.post);
      const deputyId = post.deputyIds[0] ?? this.account(PHONE.deputy);
      let visitor: Visitor | null = null;
      let createdDay = spec.createdDay;
      let firstHour: number | undefined;
      if (spec.submitter === "visitor") {
        // Recorded by the deputy on duty at the post's last reception on or before that day.
        const receptions = this.pastReceptions.get(spec.post) ?? [];
        const reception =
          receptions.filter((r) => this.clock.dayOf(r.startsAt) <= spec.createdDay).at(-1) ?? receptions[0];
        if (!reception) throw new Error(`demo seed: ${spec.post} has no past reception day`);
        visitor = {
          name: this.realName(),
          phone: `137009${String(this.dice.int(0, 99_999)).padStart(5, "0")}`,
          receptionDayId: reception.id,
          recordedById: deputyId,
        };
        createdDay = this.clock.dayOf(reception.startsAt);
        firstHour = new Date(reception.startsAt.getTime() + SHANGHAI_OFFSET_MS).getUTCHours() + 1;
      }
      const rated = (spec.ratings?.length ?? 0) > 0;
      const steps = timeline(this.clock, this.dice, suggestionPath(spec.status, rated), createdDay, spec.lastDay, {
        firstHour,
      });
      const submitterId =
        spec.submitter === "demo-resident"
          ? this.account(PHONE.resident)
          : spec.submitter === "resident"
            ? this.dice.pick(this.residentsOf(spec.area))
            : null;
      return { spec, steps, submitterId, visitor, deputyId };
    });

    const rows = await this.tx.suggestion.createManyAndReturn({
      data: plans.map(({ spec, steps, submitterId, visitor }) => {
        const last = steps.at(-1)?.at ?? this.clock.at(-1);
        return {
          postId: this.post(spec.post).id,
          areaId: this.area(spec.area).id,
          category: spec.category,
          title: spec.title,
          content: spec.content,
          place: spec.place ?? null,
          channel: spec.channel,
          submitterId,
          submitterName: visitor?.name ?? null,
          submitterPhone: visitor?.phone ?? null,
          recordedById: visitor?.recordedById ?? null,
          receptionDayId: visitor?.receptionDayId ?? null,
          allowPublish: spec.allowPublish,
          status: spec.status,
          statusChangedAt: last,
          // Each 不满意 opens another handling round.
          round: Math.max(1, ...(spec.transfers ?? []).map((t) => t.round)),
          declineReason: spec.declineReason ?? null,
          acceptedAt: stepAt(steps, "ACCEPTED"),
          closedAt: stepAt(steps, "CLOSED"),
          createdAt: steps[0]?.at ?? last,
          updatedAt: last,
        };
      }),
      select: { id: true, title: true, areaId: true, createdAt: true },
    });

    const transferDrafts: {
      draft: Prisma.SuggestionTransferCreateManyInput;
      updates: readonly string[];
      until: Date;
    }[] = [];
    const replies: Prisma.SuggestionReplyCreateManyInput[] = [];
    const ratings: Prisma.SuggestionRatingCreateManyInput[] = [];
    const follows: Prisma.FollowCreateManyInput[] = [];

    for (const { spec, steps, submitterId, visitor, deputyId } of plans) {
      const row = rows.find((r) => r.title === spec.title);
      if (!row) throw new Error(`demo seed: suggestion ${spec.title} not created`);
      this.suggestionIds.set(spec.title, row.id);
      const leadHandler = this.department(
        spec.transfers?.find((t) => t.status !== "RETURNED")?.department ?? "城管中队",
      ).handlerId;
      this.record(
        "SUGGESTION",
        row.id,
        row.areaId,
        "suggestion",
        steps,
        (status, index) => {
          if (index === 0) return visitor ? visitor.recordedById : submitterId;
          if (status === "IN_PROGRESS") return leadHandler;
          if (status === "RATED") return submitterId;
          return deputyId;
        },
        (status) => (status === "DECLINED" && spec.declineReason ? { reason: spec.declineReason } : undefined),
      );

      const repliedAt = stepAt(steps, "REPLIED");
      const ratedAt = stepAt(steps, "RATED");
      // Round 1 goes out when the suggestion is transferred; round 2 when 不满意 reopens it.
      const roundStart = (round: number) =>
        (round === 1 ? stepAt(steps, "TRANSFERRED") : stepAt(steps, "SUPERVISING")) ?? this.clock.at(-1);
      const returned = spec.transfers?.find((t) => t.status === "RETURNED");
      for (const t of spec.transfers ?? []) {
        const start = roundStart(t.round);
        // After a department sends one back, the deputy transfers it again the next day.
        const transferredAt =
          returned && t !== returned && t.round === returned.round ? addMinutes(start, 26 * 60) : start;
        const completedAt =
          t.status === "DONE"
            ? addMinutes(t.round === 1 && repliedAt ? repliedAt : this.clock.at(-1, 12), -24 * 60)
            : null;
        transferDrafts.push({
          until: completedAt ?? this.clock.at(-1, 18),
          updates: t.updates ?? [],
          draft: {
            suggestionId: row.id,
            departmentId: this.department(t.department).id,
            role: t.role,
            round: t.round,
            status: t.status,
            dueOn: this.clock.date(this.clock.dayOf(transferredAt) + (t.dueInDays ?? 21)),
            transferredById: deputyId,
            transferredAt,
            returnReason: t.returnReason ?? null,
            returnedAt: t.status === "RETURNED" ? addMinutes(start, 22 * 60) : null,
            completedAt,
          },
        });
      }
      (spec.replies ?? []).forEach((body, index) => {
        replies.push({
          suggestionId: row.id,
          round: index + 1,
          authorId: deputyId,
          body,
          createdAt: repliedAt ?? this.clock.at(-1),
        });
      });
      (spec.ratings ?? []).forEach((rating, index) => {
        if (submitterId === null) return;
        ratings.push({
          suggestionId: row.id,
          round: index + 1,
          raterId: submitterId,
          satisfaction: rating.satisfaction,
          comment: rating.comment ?? null,
          createdAt: ratedAt ?? this.clock.at(-1),
        });
      });
      if (submitterId !== null) {
        // Submitters follow their own suggestions, as the app does on submission.
        follows.push({
          accountId: submitterId,
          subjectType: "SUGGESTION",
          subjectId: row.id,
          createdAt: row.createdAt,
        });
        if (repliedAt)
          this.repliedSuggestions.push({ suggestionId: row.id, submitterId, title: spec.title, repliedAt });
      }
    }

    const transfers = await this.tx.suggestionTransfer.createManyAndReturn({
      data: transferDrafts.map((t) => t.draft),
      select: { id: true, suggestionId: true, departmentId: true, round: true, transferredAt: true },
    });
    const handlerOf = new Map([...this.departments.values()].map((d) => [d.id, d.handlerId]));
    const updates: Prisma.SuggestionUpdateCreateManyInput[] = [];
    for (const t of transferDrafts) {
      const saved = transfers.find(
        (row) =>
          row.suggestionId === t.draft.suggestionId &&
          row.departmentId === t.draft.departmentId &&
          row.round === t.draft.round,
      );
      if (!saved) throw new Error("demo seed: transfer not created");
      const span = t.until.getTime() - saved.transferredAt.getTime();
      t.updates.forEach((body, index) => {
        updates.push({
          transferId: saved.id,
          authorId: handlerOf.get(saved.departmentId) ?? this.account(PHONE.handler),
          body,
          createdAt: new Date(saved.transferredAt.getTime() + (span * (index + 1)) / (t.updates.length + 1)),
        });
      });
    }
    await this.tx.suggestionUpdate.createMany({ data: updates });
    await this.tx.suggestionReply.createMany({ data: replies });
    await this.tx.suggestionRating.createMany({ data: ratings });
    await this.tx.follow.createMany({ data: follows });
  }

  // ── 通知 ──

  private async seedNotifications(): Promise<void> {
    const residentId = this.account(PHONE.resident);
    const notifications: Prisma.NotificationCreateManyInput[] = this.repliedSuggestions.map((r) => ({
      recipientId: r.submitterId,
      kind: "suggestion.replied",
      title: "您的意见建议已答复",
      body: `“${r.title}”已收到答复,请查看并评价。`,
      subjectType: "SUGGESTION",
      subjectId: r.suggestionId,
      // The demo resident's stays unread so the bell shows something.
      readAt: r.submitterId === residentId ? null : addMinutes(r.repliedAt, 180),
      createdAt: r.repliedAt,
    }));
    const votingTopic = TOPICS.find((t) => t.status === "VOTING" && t.area === "三林苑");
    const voteId = votingTopic ? this.voteIds.get(votingTopic.title) : undefined;
    if (votingTopic && voteId !== undefined) {
      notifications.push({
        recipientId: residentId,
        kind: "vote.opened",
        title: "三林苑有新的表决",
        body: `“${votingTopic.title}”正在表决,欢迎参与。`,
        subjectType: "VOTE",
        subjectId: voteId,
        createdAt: this.clock.at(votingTopic.lastDay, 18),
      });
    }
    const meetingNotice = `${NEXT_MEETING.title}将于${this.clock.monthDay(NEXT_MEETING.day)} 19:00在${NEXT_MEETING.location}召开,请准时参加。`;
    notifications.push(
      {
        recipientId: residentId,
        kind: "membership.verified",
        title: "居民认证已通过",
        body: "三林苑小区 3号楼 502室",
        subjectType: "HOUSEHOLD_MEMBER",
        subjectId: this.membershipIds.get(PHONE.resident) ?? null,
        readAt: this.clock.at(-478, 9),
        createdAt: this.clock.at(-479, 15),
      },
      ...[PHONE.facilitator, PHONE.member].map((phone) => ({
        recipientId: this.account(phone),
        kind: "meeting.scheduled",
        title: "议事会会议已排期",
        body: meetingNotice,
        subjectType: "MEETING" as const,
        subjectId: this.nextMeetingId,
        createdAt: this.clock.at(-2, 11),
      })),
      {
        recipientId: this.account(PHONE.handler),
        kind: "suggestion.transferred",
        title: "新的转办件",
        body: "“上浦路上学路段非机动车乱停放”已转办至城管中队(主办),请按期办理。",
        subjectType: "SUGGESTION",
        subjectId: this.suggestionIds.get("上浦路上学路段非机动车乱停放") ?? null,
        createdAt: this.clock.at(-4, 11),
      },
      {
        recipientId: this.account(PHONE.deputy),
        kind: "suggestion.overdue",
        title: "转办件已超期",
        body: "“12号楼电表间堆物存在消防隐患”的转办已超过办理期限,请督办。",
        subjectType: "SUGGESTION",
        subjectId: this.suggestionIds.get("12号楼电表间堆物存在消防隐患") ?? null,
        createdAt: this.clock.at(-1, 8),
      },
      {
        recipientId: this.account(PHONE.planner),
        kind: "proposal.submitted",
        title: "有新的微基建提案待评估",
        body: "三林苑小区“中心绿地中型社区花园”已提交。",
        subjectType: "PROPOSAL",
        subjectId: this.proposalIds.get("中心绿地中型社区花园") ?? null,
        createdAt: this.clock.at(-2, 12),
      },
      {
        recipientId: this.account(PHONE.staff),
        kind: "membership.request",
        title: "有居民认证申请待审核",
        body: "三林苑小区 7号楼 201室 申请认证。",
        subjectType: "HOUSEHOLD_MEMBER",
        subjectId: this.membershipIds.get(PHONE.pendingResident) ?? null,
        createdAt: this.clock.at(-1, 9),
      },
    );
    await this.tx.notification.createMany({ data: notifications });

    const followTopic = (key: string, day: number): Prisma.FollowCreateManyInput[] => {
      const topic = this.topics.get(key);
      return topic
        ? [{ accountId: residentId, subjectType: "TOPIC", subjectId: topic.id, createdAt: this.clock.at(day, 21) }]
        : [];
    };
    await this.tx.follow.createMany({ data: [...followTopic("dog-rules", -20), ...followTopic("lounge-hours", -8)] });
  }
}

// ───────────────────────────── Summary ─────────────────────────────

/** The demo sign-ins as they are in the database (so a re-run reports the real state). */
export async function describeDemoAccounts(prisma: PrismaClient): Promise<DemoAccount[]> {
  const accounts = await prisma.account.findMany({
    where: { phone: { in: DEMO_ACCOUNTS.map((a) => a.phone) } },
    include: {
      roleGrants: {
        where: { revokedAt: null },
        include: { area: true, council: true, department: true, post: true },
        orderBy: { id: "asc" },
      },
      memberships: { include: { household: { include: { building: true } } }, orderBy: { id: "asc" } },
    },
  });
  const neighbourhoods = await prisma.area.findMany({ where: { kind: "NEIGHBOURHOOD" } });
  const compounds = await prisma.area.findMany({ where: { kind: "COMPOUND" } });

  const out: DemoAccount[] = [];
  for (const demo of DEMO_ACCOUNTS) {
    const account = accounts.find((a) => a.phone === demo.phone);
    if (!account) continue;
    if (demo.role === "RESIDENT" || demo.role === "RESIDENT_PENDING") {
      const membership = account.memberships[0];
      const buildingPath = membership?.household.building.path ?? "";
      const neighbourhood = neighbourhoods.find((n) => buildingPath.startsWith(n.path));
      const compound = compounds.find((c) => buildingPath.startsWith(c.path));
      const home = membership
        ? ` · ${compound?.name ?? ""}${membership.household.building.name}${membership.household.unit}`
        : "";
      out.push({
        role: demo.role,
        label: `${demo.label}${home}`,
        phone: demo.phone,
        areaName: neighbourhood?.name ?? "",
      });
      continue;
    }
    const grants = account.roleGrants.filter((g) => g.role === demo.role);
    const grant = grants[0];
    const details = grants
      .map((g) => g.council?.name ?? g.department?.name ?? g.post?.name)
      .filter((d): d is string => !!d);
    out.push({
      role: demo.role,
      label: details.length ? `${demo.label}(${details.join("、")})` : demo.label,
      phone: demo.phone,
      areaName: grant?.area.name ?? "",
    });
  }
  return out;
}

export async function countDemo(prisma: PrismaClient): Promise<DemoCounts> {
  const areasBy = async (kind: AreaKind) => prisma.area.count({ where: { kind } });
  return {
    areas: await prisma.area.count(),
    neighbourhoods: await areasBy("NEIGHBOURHOOD"),
    compounds: await areasBy("COMPOUND"),
    buildings: await areasBy("BUILDING"),
    households: await prisma.household.count(),
    accounts: await prisma.account.count(),
    verifiedResidents: await prisma.account.count({ where: { memberships: { some: { status: "VERIFIED" } } } }),
    pendingMemberships: await prisma.householdMember.count({ where: { status: "PENDING" } }),
    roleGrants: await prisma.roleGrant.count(),
    councils: await prisma.council.count(),
    departments: await prisma.department.count(),
    liaisonPosts: await prisma.liaisonPost.count(),
    deputies: await prisma.deputyProfile.count(),
    receptionDays: await prisma.receptionDay.count(),
    topics: await prisma.topic.count(),
    opinions: await prisma.opinion.count(),
    meetings: await prisma.meeting.count(),
    budgetRounds: await prisma.budgetRound.count(),
    proposals: await prisma.proposal.count(),
    votes: await prisma.vote.count(),
    suggestions: await prisma.suggestion.count(),
    transfers: await prisma.suggestionTransfer.count(),
    notifications: await prisma.notification.count(),
    auditEvents: await prisma.auditEvent.count(),
  };
}
