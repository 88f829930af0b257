import { z } from "zod";
import { builder } from "../../builder.js";
import type { Context } from "../../context.js";
import type { Prisma, Vote, VoteStatus } from "../../generated/prisma/client.js";
import {
  BallotTypeEnum,
  CountingUnitEnum,
  ThresholdRuleEnum,
  VoteStatusEnum,
  VoteSubjectEnum,
} from "../shared/enums.js";
import { parseId, underArea } from "../shared/ids.js";
import { allocateBudget, type Check, ruleChecks } from "./rules.js";
import {
  castBallot,
  createVote,
  mayOrganise,
  myVoteStatus,
  type OpenBallotRow,
  openBallotSheet,
  recordPaperBallot,
  transitionVote,
  verifyReceipt,
  visibleVotesWhere,
} from "./service.js";
import { computeTally, type Tally } from "./tally.js";

// The voting engine's API. Ballots and the roll are deliberately NOT in the schema: no field
// links a person to a choice. A voter sees only their own ballot (myStatus), or checks a receipt.

/** The published count is public once published; before that, its organisers see it at close. */
function mayReadResult(vote: Vote & { area: { path: string } }, ctx: Context): boolean {
  if (vote.status === "PUBLISHED") return true;
  return vote.status === "CLOSED" && mayOrganise(ctx, vote);
}

builder.prismaObject("Vote", {
  fields: (t) => ({
    id: t.exposeID("id"),
    subject: t.expose("subject", { type: VoteSubjectEnum }),
    topic: t.relation("topic", { nullable: true }),
    meetingItem: t.relation("meetingItem", { nullable: true }),
    proposal: t.relation("proposal", { nullable: true }),
    budgetRound: t.relation("budgetRound", { nullable: true }),
    title: t.exposeString("title"),
    question: t.exposeString("question"),
    ballotType: t.expose("ballotType", { type: BallotTypeEnum }),
    maxChoices: t.exposeInt("maxChoices", { nullable: true }),
    budgetFen: t.exposeInt("budgetFen", { nullable: true }),
    area: t.relation("area"),
    council: t.relation("council", { nullable: true }),
    countingUnit: t.expose("countingUnit", { type: CountingUnitEnum }),
    opensAt: t.expose("opensAt", { type: "DateTime", nullable: true }),
    closesAt: t.expose("closesAt", { type: "DateTime", nullable: true }),
    openedAt: t.expose("openedAt", { type: "DateTime", nullable: true }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true }),
    status: t.expose("status", { type: VoteStatusEnum }),
    quorumPercent: t.exposeInt("quorumPercent"),
    threshold: t.expose("threshold", { type: ThresholdRuleEnum }),
    secret: t.exposeBoolean("secret"),
    sealed: t.exposeBoolean("sealed"),
    rollSize: t.exposeInt("rollSize", { nullable: true }),
    options: t.relation("options", { query: { orderBy: { position: "asc" } } }),
    tally: t.field({
      type: TallyRef,
      nullable: true,
      description: "The count so far (live votes); option figures withheld while sealed.",
      resolve: (vote, _args, ctx) => (vote.status === "DRAFT" ? null : computeTally(ctx.prisma, vote.id)),
    }),
    myStatus: t.field({
      type: MyStatusRef,
      nullable: true,
      description: "Whether the signed-in person may vote, has voted, and their own choice.",
      resolve: (vote, _args, ctx) => myVoteStatus(ctx, vote.id),
    }),
    viewerMayOrganise: t.boolean({
      select: { area: { select: { path: true } } },
      resolve: (vote, _args, ctx) => mayOrganise(ctx, vote),
    }),
    openBallots: t.field({
      type: [OpenBallotRef],
      nullable: true,
      description:
        "记名表决: who chose what, for the organisers and the council's members once open. Always null for secret ballots.",
      resolve: (vote, _args, ctx) => openBallotSheet(ctx, vote.id),
    }),
    result: t.field({
      type: "JSON",
      nullable: true,
      description: "The count, the rule applied and the outcome: public once published.",
      select: { area: { select: { path: true } } },
      resolve: (vote, _args, ctx) => (mayReadResult(vote, ctx) ? vote.result : null),
    }),
  }),
});

const OpenBallotRef = builder.objectRef<OpenBallotRow>("OpenBallot").implement({
  description: "One line of an open ballot's sheet.",
  fields: (t) => ({
    voter: t.exposeString("voter"),
    choices: t.exposeStringList("choices"),
    channel: t.exposeString("channel"),
    lastCastAt: t.expose("lastCastAt", { type: "DateTime" }),
  }),
});

const TallyOptionRef = builder.objectRef<Tally["options"][number]>("TallyOption").implement({
  fields: (t) => ({
    optionId: t.id({ resolve: (o) => String(o.optionId) }),
    label: t.exposeString("label"),
    count: t.exposeInt("count"),
    floorAreaSqm: t.float({ resolve: (o) => o.floorArea / 100 }),
    costFen: t.exposeInt("costFen", { nullable: true, description: "Budget ballots: the project's cost." }),
  }),
});

const CheckRef = builder.objectRef<Check>("RuleCheck").implement({
  description: "One condition of the vote's rule, and where the count stands against it.",
  fields: (t) => ({
    label: t.exposeString("label", { description: "e.g. 参与户数 41/60，需 40" }),
    met: t.exposeBoolean("met"),
  }),
});

const TallyRef = builder.objectRef<Tally>("VoteTally").implement({
  description: "Turnout and (unless sealed) the count per option, derived from the ballots.",
  fields: (t) => ({
    voteId: t.id({ resolve: (tally) => String(tally.voteId) }),
    status: t.expose("status", { type: VoteStatusEnum }),
    version: t.exposeInt("version", {
      description: "Grows with every cast; ignore snapshots older than the one shown.",
    }),
    rollSize: t.exposeInt("rollSize"),
    rollFloorAreaSqm: t.float({ resolve: (tally) => tally.rollFloorArea / 100 }),
    participants: t.exposeInt("participants"),
    participantFloorAreaSqm: t.float({ resolve: (tally) => tally.participantFloorArea / 100 }),
    sealed: t.boolean({ resolve: (tally) => isSealed(tally) }),
    options: t.field({
      type: [TallyOptionRef],
      nullable: true,
      description: "Null while a sealed vote is open: nothing of the count shows before close.",
      resolve: (tally) => (isSealed(tally) ? null : tally.options),
    }),
    checks: t.field({
      type: [CheckRef],
      description: "The rule's conditions with the figures so far (quorum only, while sealed).",
      resolve: (tally) => {
        const checks = ruleChecks({
          ballotType: tally.ballotType,
          threshold: tally.threshold,
          quorumPercent: tally.quorumPercent,
          rollSize: tally.rollSize,
          rollFloorArea: tally.rollFloorArea,
          participants: tally.participants,
          participantFloorArea: tally.participantFloorArea,
          options: tally.options,
        });
        // Turnout conditions reveal nothing of the count; approval ones do.
        return isSealed(tally) ? checks.filter((check) => check.label.startsWith("参与")) : checks;
      },
    }),
    budgetFen: t.int({ nullable: true, resolve: (tally) => tally.budgetFen }),
    funded: t.field({
      type: BudgetStandingRef,
      nullable: true,
      description:
        "Budget ballots: the projects funded if the vote closed now (null for other ballots, and while sealed).",
      resolve: (tally) => {
        if (tally.ballotType !== "BUDGET" || isSealed(tally)) return null;
        const { allocation, remaining } = allocateBudget(tally.options, tally.budgetFen);
        return {
          optionIds: allocation.map((a) => String(a.optionId)),
          totalFen: allocation.reduce((sum, a) => sum + a.costFen, 0),
          remainingFen: remaining,
        };
      },
    }),
    computedAt: t.field({ type: "DateTime", resolve: (tally) => new Date(tally.computedAt) }),
  }),
});

const BudgetStandingRef = builder
  .objectRef<{ optionIds: string[]; totalFen: number; remainingFen: number | null }>("BudgetStanding")
  .implement({
    description: "Where a participatory budget stands: the allocation the count so far would make.",
    fields: (t) => ({
      optionIds: t.exposeIDList("optionIds"),
      totalFen: t.exposeInt("totalFen"),
      remainingFen: t.exposeInt("remainingFen", { nullable: true }),
    }),
  });

function isSealed(tally: Pick<Tally, "sealed" | "status">): boolean {
  return tally.sealed && (tally.status === "OPEN" || tally.status === "SCHEDULED");
}

const MyStatusRef = builder.objectRef<NonNullable<Awaited<ReturnType<typeof myVoteStatus>>>>("MyVoteStatus").implement({
  fields: (t) => ({
    eligible: t.exposeBoolean("eligible"),
    reason: t.exposeString("reason", { nullable: true }),
    hasVoted: t.exposeBoolean("hasVoted"),
    channel: t.exposeString("channel", { nullable: true }),
    lastCastAt: t.expose("lastCastAt", { type: "DateTime", nullable: true }),
    optionIds: t.idList({ nullable: true, resolve: (s) => s.optionIds?.map(String) ?? null }),
  }),
});

builder.prismaObject("VoteOption", {
  fields: (t) => ({
    id: t.exposeID("id"),
    label: t.exposeString("label"),
    position: t.exposeInt("position"),
    costFen: t.exposeInt("costFen", { nullable: true }),
    proposal: t.relation("proposal", { nullable: true }),
  }),
});

builder.queryFields((t) => ({
  votes: t.prismaConnection({
    type: "Vote",
    cursor: "id",
    args: {
      areaId: t.arg.id(),
      status: t.arg({ type: [VoteStatusEnum] }),
      search: t.arg.string({ description: "Words in the title or the question." }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.vote.findMany({
        ...query,
        where: {
          ...(args.areaId ? { area: underArea(parseId(args.areaId, "areaId")) } : {}),
          ...(args.search?.trim()
            ? {
                OR: [
                  { title: { contains: args.search.trim(), mode: "insensitive" } },
                  { question: { contains: args.search.trim(), mode: "insensitive" } },
                ],
              }
            : {}),
          ...(args.status?.length ? { status: { in: [...args.status] as VoteStatus[] } } : {}),
          // Drafts are the organisers' business until they are scheduled or opened.
          AND: [visibleVotesWhere(ctx)],
        },
        orderBy: { id: "desc" },
      }),
  }),
  vote: t.prismaField({
    type: "Vote",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.vote.findFirst({ ...query, where: { id: parseId(args.id, "id"), AND: [visibleVotesWhere(ctx)] } }),
  }),
}));

/** Votes whose frozen roll holds the viewer, or a household they are a verified adult of. */
function myVotesWhere(ctx: Context, status: readonly VoteStatus[] | null | undefined): Prisma.VoteWhereInput {
  const households = ctx.viewer.memberships.filter((m) => m.status === "VERIFIED").map((m) => m.householdId);
  return {
    ...(status?.length ? { status: { in: [...status] } } : {}),
    roll: { some: { OR: [{ accountId: ctx.viewer.accountId ?? -1 }, { householdId: { in: households } }] } },
  };
}

const CastReceipt = builder.objectRef<Awaited<ReturnType<typeof castBallot>>>("CastReceipt").implement({
  fields: (t) => ({
    receiptCode: t.exposeString("receiptCode", {
      description:
        "Shown once: keep it to check after closing that the ballot was counted. A new cast gives a new code.",
    }),
    replaced: t.exposeBoolean("replaced", { description: "This cast replaced an earlier one." }),
  }),
});

const ReceiptCheck = builder.objectRef<Awaited<ReturnType<typeof verifyReceipt>>>("ReceiptCheck").implement({
  fields: (t) => ({
    found: t.exposeBoolean("found", { description: "The ballot with this receipt is in the count." }),
    optionLabels: t.exposeStringList("optionLabels", {
      nullable: true,
      description: "The ballot's choices: open ballots only (a secret ballot's receipt proves it counted, not how).",
    }),
  }),
});

const NewOptionInput = builder.inputType("NewVoteOptionInput", {
  fields: (t) => ({
    label: t.string({ required: true }),
    costFen: t.int(),
    proposalId: t.id(),
  }),
});

const VoteTransition = builder.enumType("VoteTransition", {
  values: ["SCHEDULED", "OPEN", "CLOSED", "PUBLISHED", "CANCELLED"] as const,
});

builder.mutationFields((t) => ({
  createVote: t.prismaField({
    type: "Vote",
    description: "Staff, or a facilitator for their council: a new vote in DRAFT.",
    authScopes: { signedIn: true },
    errors: {},
    args: {
      subject: t.arg({ type: VoteSubjectEnum, required: true }),
      subjectId: t.arg.id({ required: true }),
      title: t.arg.string({
        required: true,
        validate: z.string().trim().min(1, "请填写标题").max(100, "标题不超过100字"),
      }),
      question: t.arg.string({ required: true, validate: z.string().trim().min(1, "请填写表决事项").max(2000) }),
      ballotType: t.arg({ type: BallotTypeEnum, required: true }),
      options: t.arg({ type: [NewOptionInput] }),
      maxChoices: t.arg.int(),
      budgetFen: t.arg.int(),
      areaId: t.arg.id(),
      councilId: t.arg.id(),
      countingUnit: t.arg({ type: CountingUnitEnum, required: true }),
      opensAt: t.arg({ type: "DateTime" }),
      closesAt: t.arg({ type: "DateTime" }),
      quorumPercent: t.arg.int({ defaultValue: 0 }),
      threshold: t.arg({ type: ThresholdRuleEnum, defaultValue: "SIMPLE_MAJORITY" }),
      secret: t.arg.boolean({ defaultValue: false }),
      sealed: t.arg.boolean({ defaultValue: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const vote = await createVote(ctx, {
        ...args,
        subjectId: parseId(args.subjectId, "subjectId"),
        options: args.options?.map((o) => ({
          ...o,
          proposalId: o.proposalId ? parseId(o.proposalId, "proposalId") : null,
        })),
        areaId: args.areaId ? parseId(args.areaId, "areaId") : null,
        councilId: args.councilId ? parseId(args.councilId, "councilId") : null,
        quorumPercent: args.quorumPercent ?? 0,
        threshold: args.threshold ?? "SIMPLE_MAJORITY",
        secret: args.secret ?? false,
        sealed: args.sealed ?? false,
      });
      return ctx.prisma.vote.findUniqueOrThrow({ ...query, where: { id: vote.id } });
    },
  }),
  transitionVote: t.prismaField({
    type: "Vote",
    description: "Schedule, open (freezes the roll), close (counts), publish (公示) or cancel a vote.",
    authScopes: { signedIn: true },
    errors: {},
    args: { id: t.arg.id({ required: true }), to: t.arg({ type: VoteTransition, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const vote = await transitionVote(ctx, parseId(args.id, "id"), args.to);
      return ctx.prisma.vote.findUniqueOrThrow({ ...query, where: { id: vote.id } });
    },
  }),
  castBallot: t.field({
    type: CastReceipt,
    description: "Cast (or change, until close) one's ballot. Ranked ballots list options in preference order.",
    authScopes: { signedIn: true },
    errors: {},
    args: {
      voteId: t.arg.id({ required: true }),
      optionIds: t.arg.idList({ required: true }),
      householdId: t.arg.id(),
    },
    resolve: (_root, args, ctx) =>
      castBallot(ctx, {
        voteId: parseId(args.voteId, "voteId"),
        optionIds: args.optionIds.map((id) => parseId(id, "optionIds")),
        householdId: args.householdId ? parseId(args.householdId, "householdId") : null,
      }),
  }),
  recordPaperBallot: t.field({
    type: CastReceipt,
    description: "Staff: enter a paper ballot for a voter (or household) on the roll; counted once with online ones.",
    authScopes: { staff: true },
    errors: {},
    args: {
      voteId: t.arg.id({ required: true }),
      accountId: t.arg.id(),
      householdId: t.arg.id(),
      optionIds: t.arg.idList({ required: true }),
      correction: t.arg.boolean({
        defaultValue: false,
        description: "Replace the paper ballot entered earlier for this voter (a typing mistake); audited.",
      }),
    },
    resolve: (_root, args, ctx) =>
      recordPaperBallot(ctx, {
        correction: args.correction ?? false,
        voteId: parseId(args.voteId, "voteId"),
        accountId: args.accountId ? parseId(args.accountId, "accountId") : null,
        householdId: args.householdId ? parseId(args.householdId, "householdId") : null,
        optionIds: args.optionIds.map((id) => parseId(id, "optionIds")),
      }),
  }),
}));

builder.queryFields((t) => ({
  verifyReceipt: t.field({
    type: ReceiptCheck,
    args: { voteId: t.arg.id({ required: true }), code: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => verifyReceipt(ctx, { voteId: parseId(args.voteId, "voteId"), code: args.code }),
  }),
  myVotes: t.prismaConnection({
    type: "Vote",
    cursor: "id",
    description: "Votes the signed-in person (or their household) is on the roll of, newest first.",
    authScopes: { signedIn: true },
    args: { status: t.arg({ type: [VoteStatusEnum] }) },
    totalCount: (_root, args, ctx) => ctx.prisma.vote.count({ where: myVotesWhere(ctx, args.status) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.vote.findMany({ ...query, where: myVotesWhere(ctx, args.status), orderBy: { id: "desc" } }),
  }),
}));

builder.subscriptionField("voteTally", (t) =>
  t.field({
    type: TallyRef,
    description: "The count now, then again after every change (coalesced to a few per second).",
    args: { voteId: t.arg.id({ required: true }) },
    subscribe: async function* (_root, args, ctx) {
      const voteId = parseId(args.voteId, "voteId");
      const first = await computeTally(ctx.prisma, voteId);
      if (!first || first.status === "DRAFT") return;
      yield first;
      yield* ctx.pubsub.subscribe("vote:tally", voteId);
    },
    resolve: (tally) => tally,
  }),
);
