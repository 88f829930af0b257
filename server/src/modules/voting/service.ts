import { createHash, createHmac, randomBytes } from "node:crypto";
import { areaUnderAny } from "../../auth/viewer.js";
import type { Context } from "../../context.js";
import { AppError, ErrorCode, forbidden, invalid, notFound, unauthenticated } from "../../errors.js";
import type {
  BallotType,
  CountingUnit,
  Prisma,
  PrismaClient,
  ThresholdRule,
  Vote,
  VoteStatus,
  VoteSubject,
} from "../../generated/prisma/client.js";
import { assertTransition, defineLifecycle } from "../../lifecycle.js";
import type { Logger } from "../../logger.js";
import type { AppPubSub } from "../../pubsub.js";
import { residentAreaPathsOf } from "../areas/service.js";
import { recordAudit } from "../audit/service.js";
import { announce, createNotification } from "../notifications/service.js";
import { type CountResult, countVote } from "./rules.js";
import { computeTally, loadRankings } from "./tally.js";

type Tx = Prisma.TransactionClient;

/** What the engine needs beyond a request: the scheduler acts with these and no viewer. */
export interface VotingDeps {
  prisma: PrismaClient;
  pubsub: AppPubSub;
  logger: Logger;
}

export const voteLifecycle = defineLifecycle<VoteStatus>({
  DRAFT: ["SCHEDULED", "OPEN", "CANCELLED"],
  SCHEDULED: ["OPEN", "DRAFT", "CANCELLED"],
  OPEN: ["CLOSED"],
  CLOSED: ["PUBLISHED"],
  PUBLISHED: [],
  CANCELLED: [],
});

const YES_NO_LABELS = ["赞成", "反对", "弃权"] as const;

// ───────────────────────────── who may organise ─────────────────────────────

type VoteWithScope = Vote & { area: { path: string } };

/** Staff of the electorate's area, or a facilitator of the council the vote belongs to. */
export function mayOrganise(ctx: Context, vote: { councilId: number | null; area: { path: string } }): boolean {
  if (ctx.viewer.isStaffFor(vote.area.path)) return true;
  return vote.councilId !== null && ctx.viewer.councilRole(vote.councilId) === "FACILITATOR";
}

/**
 * The votes the viewer may see: every vote once scheduled or opened, and drafts only to those
 * who may organise them (staff of the electorate's area, facilitators of the vote's council).
 */
export function visibleVotesWhere(ctx: Context): Prisma.VoteWhereInput {
  const facilitated = ctx.viewer.roles.flatMap((r) => (r.role === "FACILITATOR" && r.councilId ? [r.councilId] : []));
  return {
    OR: [
      { status: { not: "DRAFT" } },
      { area: areaUnderAny(ctx.viewer.staffAreaPaths()) },
      ...(facilitated.length ? [{ councilId: { in: facilitated } }] : []),
    ],
  };
}

async function loadVoteForOrganiser(ctx: Context, voteId: number): Promise<VoteWithScope> {
  if (!ctx.viewer.signedIn) throw unauthenticated();
  const vote = await ctx.prisma.vote.findUnique({
    where: { id: voteId },
    include: { area: { select: { path: true } } },
  });
  if (!vote) throw notFound("Vote");
  if (!mayOrganise(ctx, vote)) throw forbidden("只有本区域的工作人员或本议事会主持人可以管理此表决");
  return vote;
}

// ───────────────────────────── creating ─────────────────────────────

export interface NewOption {
  label: string;
  costFen?: number | null;
  proposalId?: number | null;
}

export interface CreateVoteInput {
  subject: VoteSubject;
  subjectId: number;
  title: string;
  question: string;
  ballotType: BallotType;
  options?: NewOption[] | null;
  maxChoices?: number | null;
  budgetFen?: number | null;
  /** The electorate: an area (居民区/小区/楼栋 …) or the council's members. */
  areaId?: number | null;
  councilId?: number | null;
  countingUnit: CountingUnit;
  opensAt?: Date | null;
  closesAt?: Date | null;
  quorumPercent: number;
  threshold: ThresholdRule;
  secret: boolean;
  sealed: boolean;
}

/** The council and area a subject belongs to, and (for budget rounds) its projects and pool. */
async function resolveSubject(ctx: Context, subject: VoteSubject, subjectId: number) {
  switch (subject) {
    case "TOPIC": {
      const topic = await ctx.prisma.topic.findUnique({ where: { id: subjectId }, include: { council: true } });
      if (!topic) throw notFound("Topic");
      return { link: { topicId: topic.id }, councilId: topic.councilId, areaId: topic.council.areaId };
    }
    case "MEETING_ITEM": {
      const item = await ctx.prisma.meetingItem.findUnique({
        where: { id: subjectId },
        include: { meeting: { include: { council: true } } },
      });
      if (!item) throw notFound("Meeting item");
      return {
        link: { meetingItemId: item.id },
        councilId: item.meeting.councilId,
        areaId: item.meeting.council.areaId,
      };
    }
    case "PROPOSAL": {
      const proposal = await ctx.prisma.proposal.findUnique({ where: { id: subjectId } });
      if (!proposal) throw notFound("Proposal");
      return { link: { proposalId: proposal.id }, councilId: null, areaId: proposal.areaId };
    }
    case "BUDGET_ROUND": {
      const round = await ctx.prisma.budgetRound.findUnique({
        where: { id: subjectId },
        include: { proposals: { where: { status: { in: ["ELIGIBLE", "IN_VOTE"] } }, orderBy: { id: "asc" } } },
      });
      if (!round) throw notFound("Budget round");
      return {
        link: { budgetRoundId: round.id },
        councilId: null,
        areaId: round.areaId,
        budget: {
          poolFen: round.poolFen,
          options: round.proposals.map((p) => ({
            label: p.title,
            costFen: p.reviewedCostFen ?? p.estimatedCostFen,
            proposalId: p.id,
          })),
        },
      };
    }
  }
}

function validateOptions(input: CreateVoteInput, options: NewOption[]) {
  if (input.ballotType === "YES_NO_ABSTAIN") return;
  if (options.length < 2) throw invalid("options", "至少需要两个选项");
  const labels = new Set<string>();
  options.forEach((option, index) => {
    const label = option.label.trim();
    if (!label) throw invalid(`options.${index}.label`, "选项不能为空");
    if (labels.has(label)) throw invalid(`options.${index}.label`, `选项「${label}」重复`);
    labels.add(label);
    if (input.ballotType === "BUDGET" && !(option.costFen && option.costFen > 0)) {
      throw invalid(`options.${index}.costFen`, "预算表决的每个项目都要有金额");
    }
  });
  if (input.ballotType === "MULTIPLE_CHOICE") {
    if (!input.maxChoices || input.maxChoices < 1 || input.maxChoices > options.length) {
      throw invalid("maxChoices", `最多可选数应在 1 到 ${options.length} 之间`);
    }
  }
  if (input.ballotType === "BUDGET" && !input.budgetFen && !input.maxChoices) {
    throw invalid("budgetFen", "预算表决需要总预算（或可选项目数）");
  }
}

/**
 * Who may put this electorate to a vote on this subject: staff whose area covers both the subject
 * and the electorate, or a facilitator of the subject's own council for an electorate inside the
 * council's area (a facilitator of 三林苑 cannot ask 金橘苑, nor the whole street).
 */
function mayCreate(
  ctx: Context,
  options: {
    subjectArea: { path: string };
    subjectCouncilId: number | null;
    electorate: { path: string };
    council: { id: number; area: { path: string } } | null;
  },
): boolean {
  const { subjectArea, subjectCouncilId, electorate, council } = options;
  if (ctx.viewer.isStaffFor(subjectArea.path) && ctx.viewer.isStaffFor(electorate.path)) return true;
  return (
    council !== null &&
    subjectCouncilId === council.id &&
    ctx.viewer.councilRole(council.id) === "FACILITATOR" &&
    electorate.path.startsWith(council.area.path)
  );
}

export async function createVote(ctx: Context, input: CreateVoteInput) {
  if (!ctx.viewer.accountId) throw unauthenticated();
  const subject = await resolveSubject(ctx, input.subject, input.subjectId);
  if (input.councilId && subject.councilId && input.councilId !== subject.councilId) {
    throw invalid("councilId", "议题所属的议事会与所选议事会不一致");
  }
  const councilId = subject.councilId ?? (input.countingUnit === "COUNCIL_MEMBER" ? input.councilId : null) ?? null;
  if (input.countingUnit === "COUNCIL_MEMBER" && !councilId) throw invalid("councilId", "按议事会成员表决须指定议事会");
  const council = councilId
    ? await ctx.prisma.council.findUnique({ where: { id: councilId }, include: { area: { select: { path: true } } } })
    : null;
  if (councilId && !council) throw notFound("Council");
  const areaId =
    input.countingUnit === "COUNCIL_MEMBER" ? (council?.areaId ?? subject.areaId) : (input.areaId ?? subject.areaId);
  const [area, subjectArea] = await Promise.all([
    ctx.prisma.area.findUnique({ where: { id: areaId } }),
    ctx.prisma.area.findUnique({ where: { id: subject.areaId }, select: { path: true } }),
  ]);
  if (!area || !subjectArea) throw notFound("Area");
  if (!mayCreate(ctx, { subjectArea, subjectCouncilId: subject.councilId, electorate: area, council })) {
    throw forbidden("只有本区域的工作人员或本议事会主持人可以就此事项、在此范围内发起表决");
  }
  if (
    input.threshold === "CIVIL_CODE_278" &&
    (input.countingUnit !== "HOUSEHOLD" || input.ballotType !== "YES_NO_ABSTAIN")
  ) {
    throw invalid("threshold", "民法典第二百七十八条的双多数规则适用于按户计的赞成/反对/弃权表决");
  }
  // Other ballot types are decided by their own method (most votes, budget fit, instant runoff):
  // a threshold there would be stated in the result but never applied.
  if (input.ballotType !== "YES_NO_ABSTAIN" && input.threshold !== "SIMPLE_MAJORITY") {
    throw invalid("threshold", "通过门槛只适用于赞成/反对/弃权表决");
  }
  // A live per-option count of a secret ballot tells watchers how the person who just voted
  // chose (and, weighted by floor area, which household it was): secret ballots stay sealed.
  if (input.secret && !input.sealed) throw invalid("sealed", "不记名表决须封存计票：截止前不公布各选项票数");
  if (input.quorumPercent < 0 || input.quorumPercent > 100)
    throw invalid("quorumPercent", "法定参与比例应在 0 到 100 之间");
  if (input.opensAt && input.closesAt && input.opensAt >= input.closesAt)
    throw invalid("closesAt", "截止时间须晚于开始时间");
  if (input.closesAt && input.closesAt <= new Date()) throw invalid("closesAt", "截止时间须在将来");

  const options: NewOption[] =
    input.ballotType === "YES_NO_ABSTAIN"
      ? YES_NO_LABELS.map((label) => ({ label }))
      : input.options?.length
        ? input.options
        : (subject.budget?.options ?? []);
  validateOptions(input, options);
  const budgetFen = input.ballotType === "BUDGET" ? (input.budgetFen ?? subject.budget?.poolFen ?? null) : null;

  return ctx.prisma.$transaction(async (tx) => {
    const vote = await tx.vote.create({
      data: {
        subject: input.subject,
        ...subject.link,
        title: input.title.trim(),
        question: input.question.trim(),
        ballotType: input.ballotType,
        maxChoices: input.maxChoices ?? null,
        budgetFen,
        areaId: area.id,
        councilId,
        countingUnit: input.countingUnit,
        opensAt: input.opensAt ?? null,
        closesAt: input.closesAt ?? null,
        quorumPercent: input.quorumPercent,
        threshold: input.threshold,
        secret: input.secret,
        sealed: input.sealed,
        createdById: ctx.viewer.accountId as number,
        options: {
          create: options.map((option, position) => ({
            label: option.label.trim(),
            position,
            costFen: option.costFen ?? null,
            proposalId: option.proposalId ?? null,
          })),
        },
      },
    });
    await recordAudit(tx, {
      actorId: ctx.viewer.accountId,
      action: "vote.create",
      subjectType: "VOTE",
      subjectId: vote.id,
      areaId: area.id,
      toStatus: "DRAFT",
    });
    return vote;
  });
}

// ───────────────────────────── opening: the roll is frozen ─────────────────────────────

/**
 * Freezes the electorate in one statement: verified adult residents of the area; every
 * registered household of the area (any verified adult member may cast its ballot, and the
 * 民法典 278 denominators are all households and all floor area, not only those online); or the
 * council's active members. People verified later do not change the denominator.
 */
async function freezeRoll(tx: Tx, vote: Vote & { area: { path: string } }) {
  // A 街区 has no households of its own: its residents are those of the areas it covers.
  const likes = (await residentAreaPathsOf(tx, vote.areaId)).map((path) => `${path}%`);
  if (vote.countingUnit === "RESIDENT") {
    await tx.$executeRaw`
      INSERT INTO "VoteRollEntry" ("voteId", "accountId", "floorAreaCentiSqm")
      SELECT DISTINCT ${vote.id}::int, m."accountId", 0
      FROM "HouseholdMember" m
      JOIN "Household" h ON h.id = m."householdId"
      JOIN "Area" b ON b.id = h."buildingId"
      WHERE m.status = 'VERIFIED' AND m."isAdult" AND b.path LIKE ANY (${likes}::text[])`;
  } else if (vote.countingUnit === "HOUSEHOLD") {
    await tx.$executeRaw`
      INSERT INTO "VoteRollEntry" ("voteId", "householdId", "floorAreaCentiSqm")
      SELECT ${vote.id}::int, h.id, h."floorAreaCentiSqm"
      FROM "Household" h JOIN "Area" b ON b.id = h."buildingId"
      WHERE b.path LIKE ANY (${likes}::text[])`;
  } else {
    await tx.$executeRaw`
      INSERT INTO "VoteRollEntry" ("voteId", "accountId", "floorAreaCentiSqm")
      SELECT DISTINCT ${vote.id}::int, g."accountId", 0
      FROM "RoleGrant" g
      WHERE g."councilId" = ${vote.councilId} AND g.role IN ('COUNCIL_MEMBER', 'FACILITATOR') AND g."revokedAt" IS NULL`;
  }
  const [roll] = await tx.$queryRaw<{ size: number; area: bigint }[]>`
    SELECT COUNT(*)::int AS size, COALESCE(SUM("floorAreaCentiSqm"), 0)::bigint AS area
    FROM "VoteRollEntry" WHERE "voteId" = ${vote.id}`;
  return { size: roll?.size ?? 0, area: Number(roll?.area ?? 0) };
}

/** Opens a vote (live, or on schedule with no actor): freezes the roll, starts accepting ballots. */
export async function openVoteAs(deps: VotingDeps, voteId: number, actorId: number | null) {
  const opened = await deps.prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { status: VoteStatus }[]
    >`SELECT status FROM "Vote" WHERE id = ${voteId} FOR UPDATE`;
    if (!locked) throw notFound("Vote");
    assertTransition(voteLifecycle, locked.status, "OPEN", "Vote");
    const vote = await tx.vote.findUniqueOrThrow({
      where: { id: voteId },
      include: { area: { select: { path: true } } },
    });
    if (vote.closesAt && vote.closesAt <= new Date())
      throw new AppError(ErrorCode.VOTE_CLOSED, "截止时间已过，无法开启");
    const roll = await freezeRoll(tx, vote);
    if (roll.size === 0) throw new AppError(ErrorCode.VALIDATION, "该范围内没有符合条件的投票人", { field: "areaId" });
    const updated = await tx.vote.update({
      where: { id: voteId },
      data: {
        status: "OPEN",
        openedAt: new Date(),
        rollSize: roll.size,
        rollFloorAreaCentiSqm: roll.area,
        slotKey: vote.secret ? new Uint8Array(randomBytes(32)) : null,
      },
    });
    await recordAudit(tx, {
      actorId,
      action: "vote.open",
      subjectType: "VOTE",
      subjectId: voteId,
      areaId: vote.areaId,
      fromStatus: locked.status,
      toStatus: "OPEN",
      public: true,
      data: { rollSize: roll.size, rollFloorArea: roll.area },
    });
    await notifyRoll(tx, updated);
    return updated;
  });
  await publishTallyNow(deps, voteId);
  announceRoll(deps, voteId);
  return opened;
}

async function notifyRoll(tx: Tx, vote: Vote) {
  // Everyone who may now vote: roll residents/members, and the verified adults of roll households.
  await tx.$executeRaw`
    INSERT INTO "Notification" ("recipientId", kind, title, body, "subjectType", "subjectId")
    SELECT DISTINCT r.recipient, 'vote.opened', ${`表决开始：${vote.title}`}, ${vote.question}, 'VOTE'::"SubjectType", ${vote.id}::int
    FROM (
      SELECT e."accountId" AS recipient FROM "VoteRollEntry" e WHERE e."voteId" = ${vote.id} AND e."accountId" IS NOT NULL
      UNION
      SELECT m."accountId" FROM "VoteRollEntry" e JOIN "HouseholdMember" m ON m."householdId" = e."householdId"
      WHERE e."voteId" = ${vote.id} AND m.status = 'VERIFIED' AND m."isAdult"
    ) r`;
}

/** After commit: tell each notified person's sessions (any instance) to refresh. */
function announceRoll(deps: VotingDeps, voteId: number) {
  void deps.prisma.notification
    .findMany({ where: { subjectType: "VOTE", subjectId: voteId, kind: "vote.opened" }, select: { recipientId: true } })
    .then((rows) => {
      for (const row of rows)
        deps.pubsub.publish("account:changed", row.recipientId, { reason: "notification", subjectId: voteId });
    })
    .catch((error) => deps.logger.error({ err: error, voteId }, "announcing a vote failed"));
}

// ───────────────────────────── casting: exactly once ─────────────────────────────

export interface CastInput {
  voteId: number;
  /** Chosen options; for ranked ballots, in order of preference. */
  optionIds: number[];
  /** Household votes, when the voter is a member of several households on the roll. */
  householdId?: number | null;
}

export interface CastResult {
  receiptCode: string;
  replaced: boolean;
}

function newReceiptCode(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from(randomBytes(10), (b) => alphabet[b % alphabet.length]).join("");
}

export function receiptHash(voteId: number, code: string): string {
  return createHash("sha256").update(`${voteId}:${code.trim().toUpperCase()}`).digest("hex");
}

/**
 * Secret ballots: a roll entry's slot is an HMAC under a key made from the vote's random salt
 * (stored while the vote is open, wiped at close) and the app secret (never in the database): a
 * copy of the database alone cannot recompute who holds which slot, and after close nobody can.
 */
function ballotSlot(
  appSecret: string,
  vote: { secret: boolean; slotKey: Uint8Array | null },
  rollEntryId: number,
): string {
  if (!vote.secret) return `open:${rollEntryId}`;
  if (!vote.slotKey) throw new AppError(ErrorCode.VOTE_CLOSED, "表决已结束");
  const key = createHmac("sha256", appSecret).update("vote-slot:").update(Buffer.from(vote.slotKey)).digest();
  return createHmac("sha256", key).update(String(rollEntryId)).digest("hex");
}

function validateChoices(
  vote: Pick<Vote, "ballotType" | "maxChoices" | "budgetFen">,
  options: { id: number; costFen: number | null }[],
  optionIds: number[],
) {
  const known = new Map(options.map((o) => [o.id, o]));
  if (new Set(optionIds).size !== optionIds.length) throw invalid("optionIds", "同一选项不能重复选择");
  for (const id of optionIds) if (!known.has(id)) throw invalid("optionIds", "选项不属于本次表决");
  switch (vote.ballotType) {
    case "YES_NO_ABSTAIN":
    case "SINGLE_CHOICE":
      if (optionIds.length !== 1) throw invalid("optionIds", "请选择一项");
      break;
    case "MULTIPLE_CHOICE":
      if (optionIds.length < 1 || optionIds.length > (vote.maxChoices ?? options.length)) {
        throw invalid("optionIds", `请选择 1 到 ${vote.maxChoices ?? options.length} 项`);
      }
      break;
    case "BUDGET": {
      if (optionIds.length < 1) throw invalid("optionIds", "请至少选择一个项目");
      if (vote.maxChoices && optionIds.length > vote.maxChoices)
        throw invalid("optionIds", `最多选择 ${vote.maxChoices} 个项目`);
      const total = optionIds.reduce((sum, id) => sum + (known.get(id)?.costFen ?? 0), 0);
      if (vote.budgetFen && total > vote.budgetFen) {
        throw invalid(
          "optionIds",
          `所选项目合计 ¥${(total / 100).toLocaleString("zh-CN")}，超出预算 ¥${(vote.budgetFen / 100).toLocaleString("zh-CN")}`,
        );
      }
      break;
    }
    case "RANKED":
      if (optionIds.length < 1) throw invalid("optionIds", "请至少排序一个选项");
      break;
  }
}

/**
 * The roll entry the viewer votes as: themself, or (household votes) their verified adult
 * household on the roll. Explains why not when they are not eligible.
 */
export async function findRollEntry(
  ctx: Context,
  vote: Pick<Vote, "id" | "countingUnit">,
  householdId?: number | null,
) {
  const accountId = ctx.viewer.accountId;
  if (!accountId) throw unauthenticated();
  if (vote.countingUnit !== "HOUSEHOLD") {
    const entry = await ctx.prisma.voteRollEntry.findUnique({
      where: { voteId_accountId: { voteId: vote.id, accountId } },
    });
    if (!entry) {
      throw new AppError(
        ErrorCode.NOT_ELIGIBLE,
        vote.countingUnit === "COUNCIL_MEMBER"
          ? "本表决仅限议事会成员参加"
          : "您不在本次表决的投票范围内（需为该区域已认证的成年居民）",
      );
    }
    return entry;
  }
  const households = await ctx.prisma.householdMember.findMany({
    where: { accountId, status: "VERIFIED", isAdult: true },
    select: { householdId: true },
  });
  const entries = await ctx.prisma.voteRollEntry.findMany({
    where: { voteId: vote.id, householdId: { in: households.map((h) => h.householdId) } },
  });
  const chosen = householdId ? entries.filter((e) => e.householdId === householdId) : entries;
  if (chosen.length === 0)
    throw new AppError(ErrorCode.NOT_ELIGIBLE, "您家不在本次表决的投票范围内（需为该区域住户的已认证成年成员）");
  if (chosen.length > 1) throw invalid("householdId", "您是多户的成员，请选择代表哪一户投票");
  return chosen[0] as NonNullable<(typeof chosen)[number]>;
}

/**
 * Records the ballot for a roll entry. The roll entry's row is locked for the transaction, so
 * concurrent casts for one voter (or household) run one after another across every server
 * instance, and each replaces the last: the database holds one ballot per entry. The vote row
 * is share-locked, so closing waits for casts in flight and no ballot lands after it.
 */
async function recordBallot(
  deps: VotingDeps & Pick<Context, "config">,
  options: {
    voteId: number;
    rollEntryId: number;
    optionIds: number[];
    channel: "ONLINE" | "PAPER";
    enteredById: number | null;
    /** Paper ballots: replace one entered earlier for the same voter (a typing mistake). */
    correction?: boolean;
  },
): Promise<CastResult> {
  const code = newReceiptCode();
  const result = await deps.prisma.$transaction(async (tx) => {
    const [vote] = await tx.$queryRaw<
      {
        status: VoteStatus;
        closesAt: Date | null;
        secret: boolean;
        slotKey: Uint8Array | null;
        ballotType: BallotType;
        maxChoices: number | null;
        budgetFen: number | null;
      }[]
    >`SELECT status, "closesAt", secret, "slotKey", "ballotType", "maxChoices", "budgetFen" FROM "Vote" WHERE id = ${options.voteId} FOR SHARE`;
    if (!vote) throw notFound("Vote");
    if (vote.status !== "OPEN" || (vote.closesAt && vote.closesAt <= new Date())) {
      throw new AppError(ErrorCode.VOTE_CLOSED, vote.status === "OPEN" ? "表决已截止" : "表决未开放");
    }
    const voteOptions = await tx.voteOption.findMany({
      where: { voteId: options.voteId },
      select: { id: true, costFen: true },
    });
    validateChoices(vote, voteOptions, options.optionIds);

    const [entry] = await tx.$queryRaw<{ id: number; floorAreaCentiSqm: number }[]>`
      SELECT id, "floorAreaCentiSqm" FROM "VoteRollEntry" WHERE id = ${options.rollEntryId} AND "voteId" = ${options.voteId} FOR UPDATE`;
    if (!entry) throw new AppError(ErrorCode.NOT_ELIGIBLE, "不在本次表决的投票范围内");
    const previous = await tx.voteParticipation.findUnique({ where: { rollEntryId: entry.id } });
    if (previous?.channel === "PAPER" && options.channel === "ONLINE") {
      throw new AppError(ErrorCode.CONFLICT, "已登记纸质选票，不能再在线投票");
    }
    if (previous?.channel === "PAPER" && !options.correction) {
      throw new AppError(ErrorCode.CONFLICT, "已登记过该投票人（户）的纸质选票；如录入有误，请勾选“更正”后重新录入", {
        field: "correction",
      });
    }
    if (previous?.channel === "ONLINE" && options.channel === "PAPER") {
      throw new AppError(ErrorCode.CONFLICT, "该投票人已在线投票，纸质选票不再计入");
    }
    const slot = ballotSlot(deps.config.secret, vote, entry.id);
    // Replaces, never adds: the old ballot goes in the same transaction as the new one comes.
    await tx.ballot.deleteMany({ where: { voteId: options.voteId, slot } });
    await tx.ballot.create({
      data: {
        voteId: options.voteId,
        slot,
        rollEntryId: vote.secret ? null : entry.id,
        receiptHash: receiptHash(options.voteId, code),
        floorAreaCentiSqm: entry.floorAreaCentiSqm,
        choices: { create: options.optionIds.map((optionId, index) => ({ optionId, rank: index + 1 })) },
      },
    });
    if (previous) {
      await tx.voteParticipation.update({
        where: { id: previous.id },
        data: { castCount: { increment: 1 }, lastCastAt: new Date() },
      });
    } else {
      await tx.voteParticipation.create({
        data: {
          voteId: options.voteId,
          rollEntryId: entry.id,
          channel: options.channel,
          enteredById: options.enteredById,
        },
      });
    }
    return { receiptCode: code, replaced: previous !== null };
  });
  scheduleTallyPublish(deps, options.voteId);
  return result;
}

export async function castBallot(ctx: Context, input: CastInput): Promise<CastResult> {
  const vote = await ctx.prisma.vote.findUnique({
    where: { id: input.voteId },
    select: { id: true, countingUnit: true, status: true },
  });
  if (!vote || vote.status === "DRAFT") throw notFound("Vote");
  // Before opening there is no roll yet: say so, rather than "not on the roll".
  if (vote.status === "SCHEDULED") throw new AppError(ErrorCode.VOTE_CLOSED, "表决尚未开始");
  const entry = await findRollEntry(ctx, vote, input.householdId);
  return recordBallot(ctx, {
    voteId: vote.id,
    rollEntryId: entry.id,
    optionIds: input.optionIds,
    channel: "ONLINE",
    enteredById: null,
  });
}

/** Staff enter a ballot collected on paper, for a named voter or household on the roll. */
export async function recordPaperBallot(
  ctx: Context,
  input: {
    voteId: number;
    accountId?: number | null;
    householdId?: number | null;
    optionIds: number[];
    correction?: boolean;
  },
): Promise<CastResult> {
  const vote = await ctx.prisma.vote.findUnique({
    where: { id: input.voteId },
    include: { area: { select: { path: true } } },
  });
  if (!vote) throw notFound("Vote");
  if (!ctx.viewer.isStaffFor(vote.area.path)) throw forbidden("只有本区域的工作人员可以录入纸质选票");
  const entry = await ctx.prisma.voteRollEntry.findFirst({
    where:
      vote.countingUnit === "HOUSEHOLD"
        ? { voteId: vote.id, householdId: input.householdId ?? -1 }
        : { voteId: vote.id, accountId: input.accountId ?? -1 },
  });
  if (!entry)
    throw new AppError(ErrorCode.NOT_ELIGIBLE, "该投票人（户）不在本次表决的名册中", {
      field: vote.countingUnit === "HOUSEHOLD" ? "householdId" : "accountId",
    });
  const result = await recordBallot(ctx, {
    voteId: vote.id,
    rollEntryId: entry.id,
    optionIds: input.optionIds,
    channel: "PAPER",
    enteredById: ctx.viewer.accountId,
    correction: input.correction ?? false,
  });
  await ctx.prisma.$transaction((tx) =>
    recordAudit(tx, {
      actorId: ctx.viewer.accountId,
      action: result.replaced ? "vote.paperBallot.correct" : "vote.paperBallot",
      subjectType: "VOTE",
      subjectId: vote.id,
      areaId: vote.areaId,
      // Who the ballot was for is the sign-in sheet; what it said is never recorded here.
      data: { rollEntryId: entry.id },
    }),
  );
  return result;
}

// ───────────────────────────── closing and publishing ─────────────────────────────

/**
 * A secret ballot's row was written in the same transaction as its voter's participation row, so
 * PostgreSQL's system columns (the writing transaction's id, the row's place in the table) would
 * still pair them. At close every ballot is re-created under a new id, in random order, and the
 * old rows deleted: what remains carries the closing transaction's id and a random position. The
 * receipt hashes and floor areas (needed to recount and to check a receipt) are kept.
 */
async function anonymiseSecretBallots(tx: Tx, voteId: number) {
  await tx.$executeRaw`CREATE TEMP TABLE ballot_move ON COMMIT DROP AS
    SELECT id AS old_id, gen_random_uuid() AS new_id, "receiptHash", "floorAreaCentiSqm"
    FROM "Ballot" WHERE "voteId" = ${voteId}`;
  // Free the unique receipt hashes and slots for the new rows.
  await tx.$executeRaw`UPDATE "Ballot" SET "receiptHash" = 'moving:' || id, slot = 'moving:' || id WHERE "voteId" = ${voteId}`;
  await tx.$executeRaw`
    INSERT INTO "Ballot" (id, "voteId", slot, "rollEntryId", "receiptHash", "floorAreaCentiSqm")
    SELECT new_id, ${voteId}::int, 'closed:' || new_id, NULL, "receiptHash", "floorAreaCentiSqm"
    FROM ballot_move ORDER BY random()`;
  await tx.$executeRaw`
    INSERT INTO "BallotChoice" ("ballotId", "optionId", rank)
    SELECT m.new_id, c."optionId", c.rank FROM "BallotChoice" c JOIN ballot_move m ON m.old_id = c."ballotId"
    ORDER BY random()`;
  await tx.$executeRaw`DELETE FROM "Ballot" WHERE id IN (SELECT old_id FROM ballot_move)`;
}

/** A vote's result from its ballots, under its rule: at close (and for the demo's past votes). */
export async function countBallots(tx: Tx, vote: Vote): Promise<CountResult> {
  const tally = await computeTally(tx, vote.id);
  if (!tally) throw notFound("Vote");
  return countVote({
    ballotType: vote.ballotType,
    threshold: vote.threshold,
    quorumPercent: vote.quorumPercent,
    rollSize: tally.rollSize,
    rollFloorArea: tally.rollFloorArea,
    participants: tally.participants,
    participantFloorArea: tally.participantFloorArea,
    options: tally.options,
    budgetFen: vote.budgetFen,
    rankings: vote.ballotType === "RANKED" ? await loadRankings(tx, vote.id) : undefined,
  });
}

/** After a secret vote's close: reclaim the old ballot rows now, not whenever autovacuum comes. */
async function vacuumBallots(deps: VotingDeps) {
  try {
    await deps.prisma.$executeRawUnsafe(`VACUUM "Ballot", "BallotChoice"`);
  } catch (error) {
    deps.logger.warn({ err: error }, "vacuuming ballots after a secret vote failed");
  }
}

/** Closes a vote, counts it under its rule, stores the result and wipes the secret slot key. */
export async function closeVoteAs(deps: VotingDeps, voteId: number, actorId: number | null) {
  const closed = await deps.prisma.$transaction(async (tx) => {
    // Waits for casts in flight (they hold the vote row FOR SHARE).
    const [locked] = await tx.$queryRaw<
      { status: VoteStatus }[]
    >`SELECT status FROM "Vote" WHERE id = ${voteId} FOR UPDATE`;
    if (!locked) throw notFound("Vote");
    assertTransition(voteLifecycle, locked.status, "CLOSED", "Vote");
    const vote = await tx.vote.findUniqueOrThrow({ where: { id: voteId } });
    const result = await countBallots(tx, vote);
    if (vote.secret) await anonymiseSecretBallots(tx, voteId);
    const updated = await tx.vote.update({
      where: { id: voteId },
      data: {
        status: "CLOSED",
        closedAt: new Date(),
        slotKey: null,
        result: result as unknown as Prisma.InputJsonValue,
      },
    });
    await recordAudit(tx, {
      actorId,
      action: "vote.close",
      subjectType: "VOTE",
      subjectId: voteId,
      areaId: vote.areaId,
      fromStatus: "OPEN",
      toStatus: "CLOSED",
      public: true,
      data: { outcome: result.outcome, participants: result.participants },
    });
    return updated;
  });
  if (closed.secret) await vacuumBallots(deps);
  await publishTallyNow(deps, voteId);
  return closed;
}

export async function transitionVote(
  ctx: Context,
  voteId: number,
  to: "OPEN" | "CLOSED" | "PUBLISHED" | "CANCELLED" | "SCHEDULED",
) {
  const vote = await loadVoteForOrganiser(ctx, voteId);
  const actorId = ctx.viewer.accountId;
  if (to === "OPEN") return openVoteAs(ctx, voteId, actorId);
  if (to === "CLOSED") return closeVoteAs(ctx, voteId, actorId);
  if (to === "SCHEDULED" && (!vote.opensAt || !vote.closesAt)) throw invalid("opensAt", "定时表决须设定开始和截止时间");
  assertTransition(voteLifecycle, vote.status, to, "Vote");
  const updated = await ctx.prisma.$transaction(async (tx) => {
    const changed = await tx.vote.updateMany({
      where: { id: voteId, status: vote.status },
      data: { status: to, ...(to === "PUBLISHED" ? { publishedAt: new Date() } : {}) },
    });
    if (changed.count !== 1) throw new AppError(ErrorCode.CONFLICT, "表决状态已被他人更改，请刷新");
    await recordAudit(tx, {
      actorId,
      action: `vote.${to.toLowerCase()}`,
      subjectType: "VOTE",
      subjectId: voteId,
      areaId: vote.areaId,
      fromStatus: vote.status,
      toStatus: to,
      public: to === "PUBLISHED",
    });
    return tx.vote.findUniqueOrThrow({ where: { id: voteId } });
  });
  await publishTallyNow(ctx, voteId);
  return updated;
}

// ───────────────────────────── live tally ─────────────────────────────

/** Coalesces bursts of casts: at most one tally computation per vote per interval, and always a last one. */
const TALLY_INTERVAL_MS = 100;
const pendingTallies = new Map<number, NodeJS.Timeout>();
const lastPublished = new Map<number, number>();

export async function publishTallyNow(deps: VotingDeps, voteId: number) {
  lastPublished.set(voteId, Date.now());
  const tally = await computeTally(deps.prisma, voteId);
  if (tally) deps.pubsub.publish("vote:tally", voteId, tally);
}

function scheduleTallyPublish(deps: VotingDeps, voteId: number) {
  if (pendingTallies.has(voteId)) return;
  const wait = Math.max(0, (lastPublished.get(voteId) ?? 0) + TALLY_INTERVAL_MS - Date.now());
  const timer = setTimeout(() => {
    pendingTallies.delete(voteId);
    publishTallyNow(deps, voteId).catch((error) =>
      deps.logger.error({ err: error, voteId }, "publishing a tally failed"),
    );
  }, wait);
  timer.unref();
  pendingTallies.set(voteId, timer);
}

// ───────────────────────────── the clock ─────────────────────────────

/**
 * A scheduled vote that cannot open (nobody eligible, or its closing time already passed) goes
 * back to DRAFT with the reason on its timeline and a notice to its organiser, instead of being
 * retried forever: a person has to change it before it can run.
 */
async function returnScheduledToDraft(deps: VotingDeps, voteId: number, reason: string) {
  const vote = await deps.prisma.$transaction(async (tx) => {
    const moved = await tx.vote.updateMany({ where: { id: voteId, status: "SCHEDULED" }, data: { status: "DRAFT" } });
    if (moved.count !== 1) return null;
    const vote = await tx.vote.findUniqueOrThrow({ where: { id: voteId } });
    await recordAudit(tx, {
      actorId: null,
      action: "vote.scheduleFailed",
      subjectType: "VOTE",
      subjectId: voteId,
      areaId: vote.areaId,
      fromStatus: "SCHEDULED",
      toStatus: "DRAFT",
      data: { reason },
    });
    await createNotification(tx, {
      recipientId: vote.createdById,
      kind: "vote.scheduleFailed",
      title: `表决未能按时开启：${vote.title}`,
      body: `${reason}。表决已退回草稿，请修改后重新安排。`,
      subjectType: "VOTE",
      subjectId: voteId,
    });
    return vote;
  });
  if (vote) announce(deps, vote.createdById, voteId);
}

/** One pass of the clock: every vote whose opening or closing time has come, oldest first. */
export async function runVoteClock(deps: VotingDeps, now = new Date()) {
  const due = await deps.prisma.vote.findMany({
    where: {
      OR: [
        { status: "SCHEDULED", opensAt: { lte: now } },
        { status: "OPEN", closesAt: { lte: now } },
      ],
    },
    select: { id: true, status: true },
    orderBy: [{ closesAt: "asc" }, { id: "asc" }],
    take: 100,
  });
  for (const vote of due) {
    try {
      if (vote.status === "SCHEDULED") await openVoteAs(deps, vote.id, null);
      else await closeVoteAs(deps, vote.id, null);
    } catch (error) {
      const lostRace = error instanceof AppError && (error.code === "INVALID_TRANSITION" || error.code === "NOT_FOUND");
      if (lostRace) continue; // another instance (or a person) got there first
      if (error instanceof AppError && vote.status === "SCHEDULED") {
        await returnScheduledToDraft(deps, vote.id, error.message);
        deps.logger.warn({ voteId: vote.id, code: error.code }, `scheduled vote returned to draft: ${error.message}`);
      } else {
        deps.logger.error({ err: error, voteId: vote.id }, "vote clock");
      }
    }
  }
}

/**
 * Opens and closes scheduled votes. Every instance may run it: each transition locks the vote
 * row and checks its status, so exactly one instance performs it.
 */
export function startVoteClock(deps: VotingDeps, intervalMs = 5_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runVoteClock(deps);
    } catch (error) {
      deps.logger.error({ err: error }, "vote clock tick failed");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

// ───────────────────────────── open ballots: who chose what ─────────────────────────────

export interface OpenBallotRow {
  /** The voter as the council knows them: display name, or the household's building and room. */
  voter: string;
  choices: string[];
  channel: "ONLINE" | "PAPER";
  lastCastAt: Date;
}

/**
 * An open (记名) ballot's sheet: who voted what, for the vote's organisers and the council's
 * members, once the vote is open. Secret ballots have no such sheet: their ballots hold no link.
 */
export async function openBallotSheet(ctx: Context, voteId: number): Promise<OpenBallotRow[] | null> {
  const vote = await ctx.prisma.vote.findUnique({
    where: { id: voteId },
    select: { secret: true, status: true, councilId: true, area: { select: { path: true } } },
  });
  if (!vote || vote.secret || !["OPEN", "CLOSED", "PUBLISHED"].includes(vote.status)) return null;
  const councilMember = vote.councilId !== null && ctx.viewer.councilRole(vote.councilId) !== null;
  if (!councilMember && !mayOrganise(ctx, vote)) return null;
  const ballots = await ctx.prisma.ballot.findMany({
    where: { voteId, rollEntryId: { not: null } },
    select: {
      choices: { orderBy: { rank: "asc" }, select: { option: { select: { label: true } } } },
      rollEntry: {
        select: {
          account: { select: { displayName: true } },
          household: { select: { unit: true, building: { select: { name: true } } } },
          participation: { select: { channel: true, lastCastAt: true } },
        },
      },
    },
  });
  return ballots
    .map((ballot) => {
      const entry = ballot.rollEntry;
      const voter = entry?.household
        ? `${entry.household.building.name} ${entry.household.unit}`
        : (entry?.account?.displayName ?? "");
      return {
        voter,
        choices: ballot.choices.map((c) => c.option.label),
        channel: entry?.participation?.channel ?? "ONLINE",
        lastCastAt: entry?.participation?.lastCastAt ?? new Date(0),
      };
    })
    .sort((a, b) => a.voter.localeCompare(b.voter, "zh-CN"));
}

// ───────────────────────────── the voter's view ─────────────────────────────

export interface MyVoteStatus {
  eligible: boolean;
  reason: string | null;
  hasVoted: boolean;
  channel: "ONLINE" | "PAPER" | null;
  lastCastAt: Date | null;
  /** The voter's own current choices: open ballots always, secret ones only while open. */
  optionIds: number[] | null;
}

export async function myVoteStatus(ctx: Context, voteId: number): Promise<MyVoteStatus | null> {
  if (!ctx.viewer.signedIn) return null;
  const vote = await ctx.prisma.vote.findUnique({ where: { id: voteId } });
  if (!vote || vote.status === "DRAFT" || vote.status === "SCHEDULED" || vote.status === "CANCELLED") return null;
  let entry: Awaited<ReturnType<typeof findRollEntry>>;
  try {
    entry = await findRollEntry(ctx, vote);
  } catch (error) {
    if (error instanceof AppError) {
      return {
        eligible: false,
        reason: error.message,
        hasVoted: false,
        channel: null,
        lastCastAt: null,
        optionIds: null,
      };
    }
    throw error;
  }
  const participation = await ctx.prisma.voteParticipation.findUnique({ where: { rollEntryId: entry.id } });
  let optionIds: number[] | null = null;
  if (participation && (!vote.secret || vote.slotKey)) {
    const ballot = await ctx.prisma.ballot.findUnique({
      where: { voteId_slot: { voteId, slot: ballotSlot(ctx.config.secret, vote, entry.id) } },
      include: { choices: { orderBy: { rank: "asc" } } },
    });
    optionIds = ballot?.choices.map((c) => c.optionId) ?? null;
  }
  return {
    eligible: true,
    reason: null,
    hasVoted: participation !== null,
    channel: participation?.channel ?? null,
    lastCastAt: participation?.lastCastAt ?? null,
    optionIds,
  };
}

/**
 * After (or during) a vote, anyone holding a receipt code can check that its ballot is in the
 * count. An open ballot's check also shows the choice; a secret one's does not, so a receipt
 * cannot be shown to a buyer or a pushy relative as proof of how someone voted.
 */
export async function verifyReceipt(ctx: Context, options: { voteId: number; code: string }) {
  const ballot = await ctx.prisma.ballot.findUnique({
    where: { voteId_receiptHash: { voteId: options.voteId, receiptHash: receiptHash(options.voteId, options.code) } },
    include: {
      vote: { select: { secret: true } },
      choices: { orderBy: { rank: "asc" }, include: { option: { select: { label: true } } } },
    },
  });
  if (!ballot) return { found: false, optionLabels: null };
  return { found: true, optionLabels: ballot.vote.secret ? null : ballot.choices.map((c) => c.option.label) };
}
