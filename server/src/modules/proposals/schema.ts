import { builder } from "../../builder.js";
import type { Prisma, ProposalCategory, ProposalStatus } from "../../generated/prisma/client.js";
import { publicTimeline } from "../audit/schema.js";
import { BudgetRoundStatusEnum, ProposalCategoryEnum, ProposalStatusEnum } from "../shared/enums.js";
import { parseId, underArea } from "../shared/ids.js";
import { visibleVotesWhere } from "../voting/service.js";

// 微基建 proposals, their progress and the 自治金 budget rounds are public (公示). Amounts are
// integer fen; clients format them as 元. Submitting, reviewing and building come with the
// proposals issue.

builder.prismaObject("Proposal", {
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    description: t.exposeString("description"),
    category: t.expose("category", { type: ProposalCategoryEnum }),
    place: t.exposeString("place"),
    area: t.relation("area"),
    budgetRound: t.relation("budgetRound", { nullable: true }),
    proposer: t.relation("proposer"),
    status: t.expose("status", { type: ProposalStatusEnum }),
    estimatedCostFen: t.exposeInt("estimatedCostFen"),
    cosignCount: t.exposeInt("cosignCount"),
    reviewer: t.relation("reviewer", { nullable: true }),
    feasibilityOpinion: t.exposeString("feasibilityOpinion", { nullable: true }),
    reviewedCostFen: t.exposeInt("reviewedCostFen", { nullable: true }),
    ineligibleReason: t.exposeString("ineligibleReason", { nullable: true }),
    allocatedFen: t.exposeInt("allocatedFen", { nullable: true }),
    spentFen: t.exposeInt("spentFen"),
    progressPercent: t.exposeInt("progressPercent"),
    plannedCompletion: t.expose("plannedCompletion", { type: "Date", nullable: true }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    progress: t.relation("progress", { query: { orderBy: [{ happenedOn: "asc" }, { id: "asc" }] } }),
    attachments: t.relation("attachments", { query: { orderBy: { id: "asc" } } }),
    votes: t.relation("votes", { query: (_args, ctx) => ({ where: visibleVotesWhere(ctx), orderBy: { id: "asc" } }) }),
    timeline: t.prismaField({ type: ["AuditEvent"], resolve: publicTimeline("PROPOSAL") }),
  }),
});

builder.prismaObject("ProposalProgress", {
  description: "A public progress update: percentage, note, money spent, date, photos.",
  fields: (t) => ({
    id: t.exposeID("id"),
    percent: t.exposeInt("percent"),
    note: t.exposeString("note"),
    spentFen: t.exposeInt("spentFen", { nullable: true }),
    happenedOn: t.expose("happenedOn", { type: "Date" }),
    author: t.relation("author"),
    attachments: t.relation("attachments", { query: { orderBy: { id: "asc" } } }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObject("BudgetRound", {
  description: "自治金 round: a pool for an area, allocated by residents' vote.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    area: t.relation("area"),
    poolFen: t.exposeInt("poolFen"),
    perProjectCapFen: t.exposeInt("perProjectCapFen"),
    status: t.expose("status", { type: BudgetRoundStatusEnum }),
    submissionOpensAt: t.expose("submissionOpensAt", { type: "DateTime" }),
    submissionClosesAt: t.expose("submissionClosesAt", { type: "DateTime" }),
    reviewClosesAt: t.expose("reviewClosesAt", { type: "DateTime" }),
    votingOpensAt: t.expose("votingOpensAt", { type: "DateTime" }),
    votingClosesAt: t.expose("votingClosesAt", { type: "DateTime" }),
    resultsAt: t.expose("resultsAt", { type: "DateTime" }),
    proposals: t.relation("proposals", { query: { orderBy: { id: "asc" } } }),
    votes: t.relation("votes", { query: (_args, ctx) => ({ where: visibleVotesWhere(ctx), orderBy: { id: "asc" } }) }),
  }),
});

function proposalWhere(args: {
  areaId?: string | number | null;
  budgetRoundId?: string | number | null;
  status?: readonly ProposalStatus[] | null;
  category?: ProposalCategory | null;
  search?: string | null;
}): Prisma.ProposalWhereInput {
  const search = args.search?.trim();
  return {
    ...(args.areaId ? { area: underArea(parseId(args.areaId, "areaId")) } : {}),
    ...(args.budgetRoundId ? { budgetRoundId: parseId(args.budgetRoundId, "budgetRoundId") } : {}),
    ...(args.status?.length ? { status: { in: [...args.status] } } : {}),
    ...(args.category ? { category: args.category } : {}),
    ...(search
      ? {
          OR: [{ title: { contains: search } }, { description: { contains: search } }, { place: { contains: search } }],
        }
      : {}),
  };
}

builder.queryFields((t) => ({
  proposals: t.prismaConnection({
    type: "Proposal",
    cursor: "id",
    args: {
      areaId: t.arg.id(),
      budgetRoundId: t.arg.id(),
      status: t.arg({ type: [ProposalStatusEnum] }),
      category: t.arg({ type: ProposalCategoryEnum }),
      search: t.arg.string(),
    },
    totalCount: (_root, args, ctx) => ctx.prisma.proposal.count({ where: proposalWhere(args) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.proposal.findMany({ ...query, where: proposalWhere(args), orderBy: { id: "desc" } }),
  }),
  proposal: t.prismaField({
    type: "Proposal",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.proposal.findUnique({ ...query, where: { id: parseId(args.id, "id") } }),
  }),
  budgetRounds: t.prismaField({
    type: ["BudgetRound"],
    args: { areaId: t.arg.id() },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.budgetRound.findMany({
        ...query,
        where: args.areaId ? { area: underArea(parseId(args.areaId, "areaId")) } : {},
        orderBy: { id: "desc" },
      }),
  }),
  budgetRound: t.prismaField({
    type: "BudgetRound",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.budgetRound.findUnique({ ...query, where: { id: parseId(args.id, "id") } }),
  }),
}));
