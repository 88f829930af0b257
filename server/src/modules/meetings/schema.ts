import { builder } from "../../builder.js";
import type { MeetingStatus } from "../../generated/prisma/client.js";
import {
  AgendaItemStatusEnum,
  AttendanceModeEnum,
  MeetingModeEnum,
  MeetingStatusEnum,
  SpeakerStatusEnum,
} from "../shared/enums.js";
import { parseId } from "../shared/ids.js";
import { visibleVotesWhere } from "../voting/service.js";

// Meetings are public (residents may watch); attendance and the speaker queue show display
// names only. Running a live meeting comes with the meetings issue.

builder.prismaObject("Meeting", {
  fields: (t) => ({
    id: t.exposeID("id"),
    council: t.relation("council"),
    title: t.exposeString("title"),
    mode: t.expose("mode", { type: MeetingModeEnum }),
    location: t.exposeString("location", { nullable: true }),
    onlineUrl: t.string({
      nullable: true,
      description: "Signed-in people only.",
      resolve: (meeting, _args, ctx) => (ctx.viewer.signedIn ? meeting.onlineUrl : null),
    }),
    scheduledStart: t.expose("scheduledStart", { type: "DateTime" }),
    scheduledEnd: t.expose("scheduledEnd", { type: "DateTime", nullable: true }),
    status: t.expose("status", { type: MeetingStatusEnum }),
    startedAt: t.expose("startedAt", { type: "DateTime", nullable: true }),
    endedAt: t.expose("endedAt", { type: "DateTime", nullable: true }),
    currentItem: t.relation("currentItem", { nullable: true }),
    items: t.relation("items", { query: { orderBy: { position: "asc" } } }),
    attendance: t.relation("attendances", { query: { orderBy: { checkedInAt: "asc" } } }),
    attendanceCount: t.relationCount("attendances"),
    speakerQueue: t.relation("speakerRequests", {
      query: { where: { status: { in: ["WAITING", "SPEAKING"] } }, orderBy: { requestedAt: "asc" } },
    }),
    minutes: t.string({
      nullable: true,
      description: "Once published.",
      resolve: (meeting) => (meeting.minutesPublishedAt ? meeting.minutes : null),
    }),
    minutesPublishedAt: t.expose("minutesPublishedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.prismaObject("MeetingItem", {
  description: "An agenda item.",
  fields: (t) => ({
    id: t.exposeID("id"),
    meeting: t.relation("meeting"),
    title: t.exposeString("title"),
    position: t.exposeInt("position"),
    status: t.expose("status", { type: AgendaItemStatusEnum }),
    topic: t.relation("topic", { nullable: true }),
    openedAt: t.expose("openedAt", { type: "DateTime", nullable: true }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    votes: t.relation("votes", { query: (_args, ctx) => ({ where: visibleVotesWhere(ctx), orderBy: { id: "asc" } }) }),
  }),
});

builder.prismaObject("MeetingAttendance", {
  fields: (t) => ({
    account: t.relation("account"),
    mode: t.expose("mode", { type: AttendanceModeEnum }),
    checkedInAt: t.expose("checkedInAt", { type: "DateTime" }),
  }),
});

builder.prismaObject("SpeakerRequest", {
  fields: (t) => ({
    id: t.exposeID("id"),
    account: t.relation("account"),
    item: t.relation("item", { nullable: true }),
    status: t.expose("status", { type: SpeakerStatusEnum }),
    requestedAt: t.expose("requestedAt", { type: "DateTime" }),
    startedAt: t.expose("startedAt", { type: "DateTime", nullable: true }),
    endedAt: t.expose("endedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.queryFields((t) => ({
  meetings: t.prismaConnection({
    type: "Meeting",
    cursor: "id",
    args: { councilId: t.arg.id(), status: t.arg({ type: [MeetingStatusEnum] }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.meeting.findMany({
        ...query,
        where: {
          ...(args.councilId ? { councilId: parseId(args.councilId, "councilId") } : {}),
          ...(args.status?.length ? { status: { in: [...args.status] as MeetingStatus[] } } : {}),
        },
        orderBy: { id: "desc" },
      }),
  }),
  meeting: t.prismaField({
    type: "Meeting",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.meeting.findUnique({ ...query, where: { id: parseId(args.id, "id") } }),
  }),
}));
