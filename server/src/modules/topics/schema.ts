import { builder } from "../../builder.js";
import type { Prisma, TopicStatus } from "../../generated/prisma/client.js";
import { publicTimeline } from "../audit/schema.js";
import { StanceEnum, TopicSourceEnum, TopicStatusEnum } from "../shared/enums.js";
import { parseId, underArea } from "../shared/ids.js";
import { visibleVotesWhere } from "../voting/service.js";

// Topics are public deliberation: anyone may read them. Authors appear by display name only.
// The lifecycle mutations (raise, support, accept, deliberate, decide …) come with the topics issue.

builder.prismaObject("Topic", {
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    body: t.exposeString("body"),
    status: t.expose("status", { type: TopicStatusEnum }),
    source: t.expose("source", { type: TopicSourceEnum }),
    council: t.relation("council"),
    area: t.relation("area"),
    raisedBy: t.relation("raisedBy"),
    supportCount: t.exposeInt("supportCount"),
    onAgendaAt: t.expose("onAgendaAt", { type: "DateTime", nullable: true }),
    rejectionReason: t.exposeString("rejectionReason", { nullable: true }),
    resolutionText: t.exposeString("resolutionText", { nullable: true }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    viewerSupports: t.boolean({
      description: "Whether the signed-in person has supported (附议) this topic.",
      select: (_args, ctx) => ({
        supports: { where: { accountId: ctx.viewer.accountId ?? -1 }, select: { accountId: true } },
      }),
      resolve: (topic) => topic.supports.length > 0,
    }),
    opinions: t.relatedConnection("opinions", {
      cursor: "id",
      description: "Top-level opinions, pinned first.",
      query: {
        where: { parentId: null, mergedIntoId: null },
        orderBy: [{ pinnedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      },
      totalCount: true,
    }),
    votes: t.relation("votes", { query: (_args, ctx) => ({ where: visibleVotesWhere(ctx), orderBy: { id: "asc" } }) }),
    agendaItems: t.relation("agendaItems", { query: { orderBy: { id: "asc" } } }),
    timeline: t.prismaField({ type: ["AuditEvent"], resolve: publicTimeline("TOPIC") }),
  }),
});

builder.prismaObject("Opinion", {
  description: "A resident's opinion in 协商. A hidden one shows only the facilitator's reason.",
  fields: (t) => ({
    id: t.exposeID("id"),
    stance: t.expose("stance", { type: StanceEnum }),
    body: t.string({ nullable: true, resolve: (opinion) => (opinion.hiddenAt ? null : opinion.body) }),
    hidden: t.boolean({ resolve: (opinion) => opinion.hiddenAt !== null }),
    hiddenReason: t.exposeString("hiddenReason", { nullable: true }),
    pinned: t.boolean({ resolve: (opinion) => opinion.pinnedAt !== null }),
    author: t.relation("author"),
    parent: t.relation("parent", { nullable: true }),
    mergedInto: t.relation("mergedInto", { nullable: true }),
    replies: t.relation("replies", { query: { orderBy: { id: "asc" } } }),
    replyCount: t.relationCount("replies"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryFields((t) => ({
  topics: t.prismaConnection({
    type: "Topic",
    cursor: "id",
    description: "Topics, newest first, filtered by council, area (and below), status or text.",
    args: {
      councilId: t.arg.id(),
      areaId: t.arg.id(),
      status: t.arg({ type: [TopicStatusEnum] }),
      search: t.arg.string(),
    },
    totalCount: (_root, args, ctx) => ctx.prisma.topic.count({ where: topicWhere(args) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.topic.findMany({ ...query, where: topicWhere(args), orderBy: { id: "desc" } }),
  }),
  topic: t.prismaField({
    type: "Topic",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.topic.findUnique({ ...query, where: { id: parseId(args.id, "id") } }),
  }),
}));

function topicWhere(args: {
  councilId?: string | number | null;
  areaId?: string | number | null;
  status?: readonly TopicStatus[] | null;
  search?: string | null;
}): Prisma.TopicWhereInput {
  const search = args.search?.trim();
  return {
    ...(args.councilId ? { councilId: parseId(args.councilId, "councilId") } : {}),
    ...(args.areaId ? { area: underArea(parseId(args.areaId, "areaId")) } : {}),
    ...(args.status?.length ? { status: { in: [...args.status] } } : {}),
    ...(search ? { OR: [{ title: { contains: search } }, { body: { contains: search } }] } : {}),
  };
}
