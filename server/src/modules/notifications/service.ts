import type { Context } from "../../context.js";
import type { Prisma, SubjectType } from "../../generated/prisma/client.js";

export interface NewNotification {
  recipientId: number;
  /** Machine-readable kind, e.g. "membership.verified"; the client picks the icon and wording. */
  kind: string;
  title: string;
  body: string;
  subjectType?: SubjectType;
  subjectId?: number;
}

/** Writes the notification in the caller's transaction; call `announce` after it commits. */
export async function createNotification(tx: Prisma.TransactionClient, notification: NewNotification) {
  return tx.notification.create({ data: notification });
}

/** Tells the recipient's open sessions (on any server instance) that something arrived. */
export function announce(ctx: Pick<Context, "pubsub">, recipientId: number, subjectId?: number) {
  ctx.pubsub.publish("account:changed", recipientId, { reason: "notification", subjectId });
}

export async function markNotificationsRead(ctx: Context, options: { ids: number[] | null }) {
  const recipientId = ctx.viewer.accountId;
  if (!recipientId) return 0;
  const result = await ctx.prisma.notification.updateMany({
    where: { recipientId, readAt: null, ...(options.ids ? { id: { in: options.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return result.count;
}
