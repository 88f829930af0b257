import { builder } from "../../builder.js";
import { parseId } from "../shared/ids.js";
import { markNotificationsRead } from "./service.js";

builder.prismaObject("Notification", {
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.exposeString("kind"),
    title: t.exposeString("title"),
    body: t.exposeString("body"),
    subjectType: t.exposeString("subjectType", { nullable: true }),
    subjectId: t.exposeID("subjectId", { nullable: true }),
    readAt: t.expose("readAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryFields((t) => ({
  myNotifications: t.prismaConnection({
    type: "Notification",
    cursor: "id",
    authScopes: { signedIn: true },
    args: { unreadOnly: t.arg.boolean() },
    totalCount: (_root, args, ctx) =>
      ctx.prisma.notification.count({
        where: { recipientId: ctx.viewer.accountId ?? -1, ...(args.unreadOnly ? { readAt: null } : {}) },
      }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.notification.findMany({
        ...query,
        where: { recipientId: ctx.viewer.accountId ?? -1, ...(args.unreadOnly ? { readAt: null } : {}) },
        orderBy: { id: "desc" },
      }),
  }),
  unreadNotificationCount: t.int({
    authScopes: { signedIn: true },
    resolve: (_root, _args, ctx) =>
      ctx.prisma.notification.count({ where: { recipientId: ctx.viewer.accountId ?? -1, readAt: null } }),
  }),
}));

builder.mutationField("markNotificationsRead", (t) =>
  t.int({
    description: "Marks the given notifications (or all) read; returns how many changed.",
    authScopes: { signedIn: true },
    args: { ids: t.arg.idList() },
    resolve: (_root, args, ctx) =>
      markNotificationsRead(ctx, { ids: args.ids ? args.ids.map((id) => parseId(id, "ids")) : null }),
  }),
);
