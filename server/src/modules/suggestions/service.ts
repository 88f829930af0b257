import type { Viewer } from "../../auth/viewer.js";
import type { Context } from "../../context.js";
import { AppError, ErrorCode, forbidden, invalid, notFound, unauthenticated } from "../../errors.js";
import {
  Prisma,
  type PrismaClient,
  type Satisfaction,
  type SuggestionCategory,
  type SuggestionStatus,
  type TextMessageKind,
  type TransferRole,
} from "../../generated/prisma/client.js";
import { assertTransition } from "../../lifecycle.js";
import type { Logger } from "../../logger.js";
import type { AppPubSub } from "../../pubsub.js";
import { normalisePhone } from "../accounts/phone.js";
import { claimPhotos } from "../attachments/service.js";
import { recordAudit } from "../audit/service.js";
import { announce } from "../notifications/service.js";
import { fitSms, type SmsSender } from "../notifications/sms.js";
import { queueText, sendDueTexts } from "../notifications/text-outbox.js";
import { maskPersonalNumbers } from "../shared/redact.js";
import { accessSelection, isHandler, isPublic } from "./access.js";
import {
  addWorkingDays,
  calendarFor,
  type IsoDate,
  isIsoDate,
  toDbDate,
  today,
  type WorkCalendar,
} from "./calendar.js";
import {
  actsForPost,
  DEFAULT_DUE_WORKING_DAYS,
  liveTransfers,
  OPEN_TRANSFER,
  refusal,
  type SuggestionAction,
  type SuggestionState,
  stateSelection,
  suggestionLifecycle,
  type TransferAction,
  transferLifecycle,
  transferRefusal,
} from "./lifecycle.js";

type Tx = Prisma.TransactionClient;

/** What the suggestion engine needs beyond a request: the deadline clock acts with these and no viewer. */
export interface SuggestionDeps {
  prisma: PrismaClient;
  pubsub: AppPubSub;
  logger: Logger;
  sms: SmsSender;
}

/** What a change needs to deliver what it owes once it commits (a request's context is one). */
type Delivery = Pick<SuggestionDeps, "prisma" | "pubsub" | "logger" | "sms">;

/** What happened to a suggestion; clients refetch on any of them. */
export const SUGGESTION_EVENT_KINDS = [
  "SUBMITTED",
  "ACCEPTED",
  "DECLINED",
  "TRANSFERRED",
  "TRANSFER_ADDED",
  "ACKNOWLEDGED",
  "IN_PROGRESS",
  "UPDATED",
  "RETURNED",
  "TRANSFER_COMPLETED",
  "REPLIED",
  "RATED",
  "SUPERVISING",
  "CLOSED",
  "DUE_SOON",
  "OVERDUE",
  "PUBLICATION_CHANGED",
] as const;
export type SuggestionEventKind = (typeof SUGGESTION_EVENT_KINDS)[number];

/** Who acted, as the timeline shows it. */
export type ActorRole = "SUBMITTER" | "DEPUTY" | "STAFF" | "DEPARTMENT" | "SYSTEM";

export const CATEGORY_LABELS: Record<SuggestionCategory, string> = {
  CITY_APPEARANCE: "市容环境",
  TRANSPORT: "交通出行",
  PROPERTY_MANAGEMENT: "物业管理",
  ELDERLY_SERVICES: "为老服务",
  PUBLIC_SAFETY: "公共安全",
  HEALTH_EDUCATION: "卫生教育",
  OTHER: "其他",
};

export const STATUS_LABELS: Record<SuggestionStatus, string> = {
  SUBMITTED: "已提交",
  ACCEPTED: "已受理",
  DECLINED: "不予受理",
  TRANSFERRED: "已转办",
  IN_PROGRESS: "办理中",
  REPLIED: "已答复",
  RATED: "已评价",
  SUPERVISING: "督办中",
  CLOSED: "已办结",
};

export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  SATISFIED: "满意",
  BASICALLY_SATISFIED: "基本满意",
  UNSATISFIED: "不满意",
};

const ROLE_LABELS: Record<TransferRole, string> = { LEAD: "主办", CO: "协办" };

// ───────────────────────────── the unit of work ─────────────────────────────

/** A suggestion read under its row lock, with what notifications and events need. */
export type LockedSuggestion = Omit<SuggestionState, "transfers"> & {
  title: string;
  areaId: number;
  allowPublish: boolean;
  hiddenAt: Date | null;
  /** Recorded for a submitter without an account: where text messages go. Private. */
  submitterPhone: string | null;
  post: { name: string };
  transfers: (SuggestionState["transfers"][number] & { department: { id: number; name: string } })[];
};

const lockedSelection = {
  ...stateSelection,
  title: true,
  areaId: true,
  allowPublish: true,
  hiddenAt: true,
  submitterPhone: true,
  post: { select: { name: true } },
  transfers: {
    select: { ...stateSelection.transfers.select, department: { select: { id: true, name: true } } },
    orderBy: { id: "asc" },
  },
} as const;

interface PendingNotification {
  recipientIds: number[];
  kind: string;
  title: string;
  body: string;
}

/**
 * What a change owes the world once it commits: notifications and text messages are written in
 * the transaction (so they exist exactly when the change does); live events go out after the
 * commit, and the texts are tried at once (the text outbox's worker retries what fails).
 */
class Outbox {
  readonly events: { kind: SuggestionEventKind; transferId: number | null }[] = [];
  readonly recipients = new Set<number>();
  readonly textIds: number[] = [];

  event(kind: SuggestionEventKind, transferId: number | null = null) {
    this.events.push({ kind, transferId });
  }

  /** Queues a text message in the change's transaction (a gateway cannot take part in it). */
  async text(tx: Tx, text: Parameters<typeof queueText>[1]) {
    this.textIds.push(await queueText(tx, text));
  }

  async notify(tx: Tx, suggestionId: number, actorId: number | null, notification: PendingNotification) {
    const recipients = [...new Set(notification.recipientIds)].filter((id) => id !== actorId);
    if (!recipients.length) return;
    await tx.notification.createMany({
      data: recipients.map((recipientId) => ({
        recipientId,
        kind: notification.kind,
        title: notification.title,
        body: notification.body,
        subjectType: "SUGGESTION" as const,
        subjectId: suggestionId,
      })),
    });
    for (const id of recipients) this.recipients.add(id);
  }

  /** After commit: live events for the suggestion's watchers and workbenches, the bells, the texts. */
  async flush(deps: Delivery, suggestionId: number) {
    await this.publish(deps, suggestionId);
    // Last, so a slow gateway delays no live view. A failure is the outbox's to retry: the change
    // and its texts are committed.
    await sendDueTexts(deps, { ids: this.textIds }).catch((error: unknown) => {
      deps.logger.error({ err: error, suggestionId }, "sending queued text messages failed");
    });
  }

  private async publish(deps: Delivery, suggestionId: number) {
    if (!this.events.length && !this.recipients.size) return;
    const routing = await deps.prisma.suggestion.findUnique({
      where: { id: suggestionId },
      select: { postId: true, area: { select: { path: true } }, transfers: { select: { departmentId: true } } },
    });
    if (routing) {
      const departmentIds = [...new Set(routing.transfers.map((t) => t.departmentId))];
      for (const { kind, transferId } of this.events) {
        deps.pubsub.publish("suggestion:changed", suggestionId, { suggestionId, kind });
        deps.pubsub.publish("suggestion:workbench", {
          suggestionId,
          kind,
          transferId,
          postId: routing.postId,
          areaPath: routing.area.path,
          departmentIds,
        });
      }
    }
    for (const recipientId of this.recipients) announce(deps, recipientId, suggestionId);
  }
}

export interface Work {
  tx: Tx;
  s: LockedSuggestion;
  out: Outbox;
  calendar: WorkCalendar;
  today: IsoDate;
  now: Date;
}

/**
 * Runs `work` on a suggestion locked FOR UPDATE: every change to one suggestion (by deputies,
 * departments, the submitter or the clock, on any server instance) happens one after another,
 * and each sees the state the previous one left. Nothing is published unless it commits.
 */
export async function withLockedSuggestion<T>(
  deps: Delivery,
  suggestionId: number,
  work: (w: Work) => Promise<T>,
  options: { calendar?: WorkCalendar; now?: Date } = {},
): Promise<T> {
  const now = options.now ?? new Date();
  const calendar = options.calendar ?? (await calendarFor(deps));
  const out = new Outbox();
  const result = await deps.prisma.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<
        { id: number }[]
      >`SELECT id FROM "Suggestion" WHERE id = ${suggestionId} FOR UPDATE`;
      if (!locked.length) throw notFound("Suggestion");
      const s = (await tx.suggestion.findUniqueOrThrow({
        where: { id: suggestionId },
        select: lockedSelection,
      })) as LockedSuggestion;
      const result = await work({ tx, s, out, calendar, today: today(now), now });
      // Whatever the work changed (status, transfers), the stored due and urgency dates follow.
      await refreshUrgency(tx, { suggestionId });
      return result;
    },
    // Changes to one suggestion queue on its row lock; give the queue time before giving up.
    { maxWait: 10_000, timeout: 20_000 },
  );
  await out.flush(deps, suggestionId);
  return result;
}

/** Applies a refusal from the policy. */
function check(error: AppError | null) {
  if (error) throw error;
}

function requireAction(ctx: Context, w: Work, action: SuggestionAction) {
  if (!ctx.viewer.signedIn) throw unauthenticated();
  check(refusal(ctx.viewer, w.s, action, { calendar: w.calendar, today: w.today }));
}

function actorRole(viewer: Viewer, s: Pick<SuggestionState, "postId" | "submitterId">): ActorRole {
  if (viewer.isDeputyOfPost(s.postId)) return "DEPUTY";
  if (s.submitterId !== null && viewer.accountId === s.submitterId) return "SUBMITTER";
  return "STAFF";
}

/** The columns a status change sets besides the status. */
function transitionColumns(
  s: LockedSuggestion,
  to: SuggestionStatus,
  now: Date,
): Prisma.SuggestionUpdateManyMutationInput {
  switch (to) {
    case "ACCEPTED":
      return s.status === "SUBMITTED" ? { acceptedAt: now } : {};
    case "DECLINED":
      return { declinedAt: now };
    case "CLOSED":
      return { closedAt: now };
    case "SUPERVISING":
      return { round: s.round + 1 };
    default:
      return {};
  }
}

/**
 * The one place a suggestion's status changes: checks the lifecycle table, updates only if the
 * status is still the one read (belt and braces with the row lock), records who and when on the
 * public timeline, and queues the live event.
 */
export async function applyTransition(
  w: Work,
  to: SuggestionStatus,
  actor: { id: number | null; role: ActorRole },
  extra: {
    columns?: Prisma.SuggestionUpdateManyMutationInput;
    data?: Record<string, Prisma.InputJsonValue | null>;
  } = {},
) {
  const { s } = w;
  assertTransition(suggestionLifecycle, s.status, to, "Suggestion");
  const changed = await w.tx.suggestion.updateMany({
    where: { id: s.id, status: s.status },
    data: { status: to, statusChangedAt: w.now, ...transitionColumns(s, to, w.now), ...extra.columns },
  });
  if (changed.count !== 1) throw new AppError(ErrorCode.CONFLICT, "该意见建议已被他人处理，请刷新");
  await recordAudit(w.tx, {
    actorId: actor.id,
    action: "suggestion.transition",
    subjectType: "SUGGESTION",
    subjectId: s.id,
    areaId: s.areaId,
    fromStatus: s.status,
    toStatus: to,
    public: true,
    data: { actorRole: actor.role, round: to === "SUPERVISING" ? s.round + 1 : s.round, ...extra.data },
  });
  s.status = to;
  if (to === "SUPERVISING") s.round += 1;
  w.out.event(to);
}

/**
 * Days a step that waits for the post's deputies (accepting, transferring, re-transferring, a
 * phone follow-up, closing) may wait before it is as urgent as a transfer due that day.
 */
export const DEPUTY_ACTION_DAYS = 3;

/** Roughly RATING_WINDOW_WORKING_DAYS in calendar days: a resident's turn to rate before it is the deputy's. */
const RATING_WAIT_DAYS = 7;

/**
 * Keeps two stored dates in step with a suggestion's state, in the caller's transaction (`only`:
 * one suggestion; none: every one — rows written outside this service, such as the demo's):
 *
 * - dueOn: the earliest due date among the current round's open transfers (the overdue and
 *   due-soon flags and filters);
 * - urgentOn: what the inbox's URGENCY order sorts by, so that the deputy's own steps do not sink
 *   below transfers due weeks away. While a department is handling it, that is dueOn. When it
 *   waits for the deputies — SUBMITTED (受理), ACCEPTED (转办, also after every department sent it
 *   back), SUPERVISING or being handled without an open transfer (转办 again), RATED (办结), REPLIED
 *   to someone without an account (电话回访) — it is the day the wait began plus DEPUTY_ACTION_DAYS:
 *   a new one ranks with transfers due in three days, one waiting for two weeks among those eleven
 *   days overdue. REPLIED to a resident with an account waits for their rating first (RATING_WAIT_DAYS
 *   more). DECLINED and CLOSED have none and sort last.
 */
export async function refreshUrgency(db: Pick<PrismaClient, "$executeRaw">, only?: { suggestionId: number }) {
  const scope = only ? Prisma.sql`s.id = ${only.suggestionId}` : Prisma.sql`TRUE`;
  const waited = (since: Prisma.Sql, extraDays: Prisma.Sql = Prisma.sql`0`) =>
    Prisma.sql`((${since}) AT TIME ZONE 'Asia/Shanghai')::date + (${extraDays})::int + ${DEPUTY_ACTION_DAYS}::int`;
  return db.$executeRaw`
    WITH computed AS (
      SELECT s.id, s.status, s."createdAt", s."submitterId",
        MIN(t."dueOn") FILTER (WHERE t.round = s.round AND t.status IN ('PENDING', 'IN_PROGRESS')) AS due,
        -- The deputy's turn began at the last status change, or at the round's last return.
        GREATEST(s."statusChangedAt", MAX(t."returnedAt") FILTER (WHERE t.round = s.round)) AS since
      FROM "Suggestion" s
      LEFT JOIN "SuggestionTransfer" t ON t."suggestionId" = s.id
      WHERE ${scope}
      GROUP BY s.id
    ),
    urgency AS (
      SELECT id, due, CASE
        WHEN status = 'SUBMITTED' THEN ${waited(Prisma.sql`"createdAt"`)}
        WHEN status IN ('ACCEPTED', 'RATED') THEN ${waited(Prisma.sql`since`)}
        WHEN status IN ('TRANSFERRED', 'IN_PROGRESS', 'SUPERVISING') THEN COALESCE(due, ${waited(Prisma.sql`since`)})
        WHEN status = 'REPLIED' THEN ${waited(
          Prisma.sql`since`,
          Prisma.sql`CASE WHEN "submitterId" IS NULL THEN 0 ELSE ${RATING_WAIT_DAYS}::int END`,
        )}
      END AS urgent
      FROM computed
    )
    UPDATE "Suggestion" s SET "dueOn" = u.due, "urgentOn" = u.urgent
    FROM urgency u
    WHERE s.id = u.id AND (s."dueOn" IS DISTINCT FROM u.due OR s."urgentOn" IS DISTINCT FROM u.urgent)`;
}

// ───────────────────────────── who gets told ─────────────────────────────

export async function deputiesOf(tx: Tx | PrismaClient, postId: number): Promise<number[]> {
  const grants = await tx.roleGrant.findMany({
    where: { role: "DEPUTY", postId, revokedAt: null },
    select: { accountId: true },
  });
  return grants.map((g) => g.accountId);
}

export async function handlersOf(tx: Tx | PrismaClient, departmentIds: number[]): Promise<number[]> {
  if (!departmentIds.length) return [];
  const grants = await tx.roleGrant.findMany({
    where: { role: "DEPARTMENT_HANDLER", departmentId: { in: departmentIds }, revokedAt: null },
    select: { accountId: true },
  });
  return grants.map((g) => g.accountId);
}

/**
 * STAFF of the suggestion's area: holders of a STAFF grant on that area or any above it (the 居委会,
 * the street …). Administrators are not paged for every case; they watch the dashboards.
 */
export async function areaStaffOf(tx: Tx | PrismaClient, areaPath: string): Promise<number[]> {
  const areaIds = areaPath.split("/").filter(Boolean).map(Number);
  const grants = await tx.roleGrant.findMany({
    where: { role: "STAFF", areaId: { in: areaIds }, revokedAt: null },
    select: { accountId: true },
  });
  return grants.map((g) => g.accountId);
}

async function followersOf(tx: Tx, suggestionId: number): Promise<number[]> {
  const follows = await tx.follow.findMany({
    where: { subjectType: "SUGGESTION", subjectId: suggestionId },
    select: { accountId: true },
  });
  return follows.map((f) => f.accountId);
}

async function follow(tx: Tx, accountId: number, suggestionId: number) {
  await tx.follow.upsert({
    where: { accountId_subjectType_subjectId: { accountId, subjectType: "SUGGESTION", subjectId: suggestionId } },
    create: { accountId, subjectType: "SUGGESTION", subjectId: suggestionId },
    update: {},
  });
}

/** Followers may be anyone who reads the public board: they get the title as it reads there. */
async function tellFollowers(w: Work, actorId: number | null, kind: string, title: string, body?: string) {
  await w.out.notify(w.tx, w.s.id, actorId, {
    recipientIds: await followersOf(w.tx, w.s.id),
    kind,
    title,
    body: maskPersonalNumbers(body ?? `“${w.s.title}”`),
  });
}

async function tellDeputies(w: Work, actorId: number | null, kind: string, title: string, body: string) {
  await w.out.notify(w.tx, w.s.id, actorId, { recipientIds: await deputiesOf(w.tx, w.s.postId), kind, title, body });
}

// ───────────────────────────── submitting ─────────────────────────────

export interface SuggestionContent {
  category: SuggestionCategory;
  title: string;
  content: string;
  place?: string | null;
  allowPublish: boolean;
  /** The area it concerns (a 居民区, 小区 …); defaults to the post's area. Must lie within it. */
  areaId?: number | null;
}

/** The post serving the viewer's home: the most local post whose area contains it (联系点 before 联络站 before 代表之家). */
async function postServingViewer(ctx: Context) {
  const homes = ctx.viewer.memberships.filter((m) => m.status === "VERIFIED").map((m) => m.buildingPath);
  if (!homes.length) return null;
  const posts = await ctx.prisma.liaisonPost.findMany({ include: { area: { select: { path: true } } } });
  const kindRank = { POINT: 0, STATION: 1, HOME: 2 } as const;
  const serving = posts
    .filter((p) => homes.some((home) => home.startsWith(p.area.path)))
    .sort((a, b) => b.area.path.length - a.area.path.length || kindRank[a.kind] - kindRank[b.kind] || a.id - b.id);
  return serving[0] ?? null;
}

async function resolveArea(ctx: Context, post: { areaId: number; area: { path: string } }, areaId?: number | null) {
  if (!areaId) return post.areaId;
  const area = await ctx.prisma.area.findUnique({ where: { id: areaId }, select: { id: true, path: true } });
  if (!area) throw invalid("areaId", "所选区域不存在");
  if (!area.path.startsWith(post.area.path)) throw invalid("areaId", "所选区域不在该站点的服务范围内");
  return area.id;
}

function cleanContent(input: SuggestionContent) {
  const title = input.title.trim();
  const content = input.content.trim();
  if (!title) throw invalid("title", "请填写标题");
  if (!content) throw invalid("content", "请填写内容");
  return {
    category: input.category,
    title,
    content,
    place: input.place?.trim() || null,
    allowPublish: input.allowPublish,
  };
}

/** A resident submits a suggestion online to a post (by default the one serving their home). */
export async function submitSuggestion(
  ctx: Context,
  input: SuggestionContent & { postId?: number | null; photoIds?: readonly number[] },
) {
  const accountId = ctx.viewer.accountId;
  if (!accountId) throw unauthenticated();
  const post = input.postId
    ? await ctx.prisma.liaisonPost.findUnique({
        where: { id: input.postId },
        include: { area: { select: { path: true } } },
      })
    : await postServingViewer(ctx);
  if (!post) throw invalid("postId", input.postId ? "所选站点不存在" : "请选择要提交的人大代表联络站");
  const areaId = await resolveArea(ctx, post, input.areaId);
  const content = cleanContent(input);

  const created = await ctx.prisma.$transaction(async (tx) => {
    const suggestion = await tx.suggestion.create({
      data: { ...content, postId: post.id, areaId, channel: "ONLINE", submitterId: accountId },
    });
    await claimPhotos(tx, { accountId, photoIds: input.photoIds ?? [], owner: { suggestionId: suggestion.id } });
    await recordAudit(tx, {
      actorId: accountId,
      action: "suggestion.create",
      subjectType: "SUGGESTION",
      subjectId: suggestion.id,
      areaId,
      toStatus: "SUBMITTED",
      public: true,
      data: { actorRole: "SUBMITTER", channel: "ONLINE", round: 1 },
    });
    await follow(tx, accountId, suggestion.id);
    const out = new Outbox();
    out.event("SUBMITTED");
    await out.notify(tx, suggestion.id, accountId, {
      recipientIds: await deputiesOf(tx, post.id),
      kind: "suggestion.submitted",
      title: "收到新的意见建议",
      body: `“${content.title}”（${post.name}），请及时受理。`,
    });
    await refreshUrgency(tx, { suggestionId: suggestion.id });
    return { suggestion, out };
  });
  await created.out.flush(ctx, created.suggestion.id);
  return created.suggestion;
}

/**
 * A deputy (or the station's staff) records what a resident said at a reception. The person is
 * linked by phone to their account when they have one (they then follow it, see it among their
 * suggestions and rate the reply); otherwise their name and phone are kept, private to handlers.
 * Accepted at once unless `accept` is false.
 */
export async function recordSuggestion(
  ctx: Context,
  input: SuggestionContent & {
    receptionDayId?: number | null;
    postId?: number | null;
    name?: string | null;
    phone?: string | null;
    accept?: boolean | null;
    photoIds?: readonly number[];
  },
) {
  const recorderId = ctx.viewer.accountId;
  if (!recorderId) throw unauthenticated();
  let postId = input.postId ?? null;
  if (input.receptionDayId) {
    const day = await ctx.prisma.receptionDay.findUnique({ where: { id: input.receptionDayId } });
    if (!day) throw invalid("receptionDayId", "接待日不存在");
    if (day.cancelledAt) throw invalid("receptionDayId", "该接待日已取消");
    if (postId && postId !== day.postId) throw invalid("postId", "站点与接待日不符");
    postId = day.postId;
  }
  if (!postId) throw invalid("postId", "请选择站点或接待日");
  const post = await ctx.prisma.liaisonPost.findUnique({
    where: { id: postId },
    include: { area: { select: { path: true } } },
  });
  if (!post) throw invalid("postId", "所选站点不存在");
  if (!actsForPost(ctx.viewer, { postId: post.id, area: post.area }))
    throw forbidden("只有本站点的人大代表可以登记意见建议");
  const areaId = await resolveArea(ctx, post, input.areaId);
  const content = cleanContent(input);
  const phone = input.phone?.trim() ? normalisePhone(input.phone) : null;
  const name = input.name?.trim() || null;
  if (!phone && !name) throw invalid("name", "请填写反映人的姓名或手机号");
  if (name && name.length > 30) throw invalid("name", "姓名不超过30字");
  const role = actorRole(ctx.viewer, { postId: post.id, submitterId: null });
  // Loaded before the transaction: inside it, every query must go through `tx`.
  const calendar = await calendarFor(ctx);

  const created = await ctx.prisma.$transaction(async (tx) => {
    const account = phone ? await tx.account.findUnique({ where: { phone }, select: { id: true } }) : null;
    const suggestion = await tx.suggestion.create({
      data: {
        ...content,
        postId: post.id,
        areaId,
        channel: "RECEPTION",
        submitterId: account?.id ?? null,
        submitterName: name,
        submitterPhone: phone,
        recordedById: recorderId,
        receptionDayId: input.receptionDayId ?? null,
      },
    });
    await claimPhotos(tx, {
      accountId: recorderId,
      photoIds: input.photoIds ?? [],
      owner: { suggestionId: suggestion.id },
    });
    await recordAudit(tx, {
      actorId: recorderId,
      action: "suggestion.create",
      subjectType: "SUGGESTION",
      subjectId: suggestion.id,
      areaId,
      toStatus: "SUBMITTED",
      public: true,
      data: { actorRole: role, channel: "RECEPTION", round: 1, receptionDayId: input.receptionDayId ?? null },
    });
    const out = new Outbox();
    out.event("SUBMITTED");
    if (account) {
      await follow(tx, account.id, suggestion.id);
      await out.notify(tx, suggestion.id, recorderId, {
        recipientIds: [account.id],
        kind: "suggestion.recorded",
        title: "人大代表已为您登记意见建议",
        body: `“${content.title}”（${post.name}）`,
      });
    }
    if (input.accept ?? true) {
      const s = (await tx.suggestion.findUniqueOrThrow({
        where: { id: suggestion.id },
        select: lockedSelection,
      })) as LockedSuggestion;
      await applyTransition({ tx, s, out, calendar, today: today(), now: new Date() }, "ACCEPTED", {
        id: recorderId,
        role,
      });
    }
    await refreshUrgency(tx, { suggestionId: suggestion.id });
    return { suggestion, out };
  });
  await created.out.flush(ctx, created.suggestion.id);
  return created.suggestion;
}

// ───────────────────────────── deciding and transferring ─────────────────────────────

export async function acceptSuggestion(ctx: Context, options: { suggestionId: number; note?: string | null }) {
  return withLockedSuggestion(ctx, options.suggestionId, async (w) => {
    requireAction(ctx, w, "ACCEPT");
    const note = options.note?.trim() || null;
    await applyTransition(
      w,
      "ACCEPTED",
      { id: ctx.viewer.accountId, role: actorRole(ctx.viewer, w.s) },
      { data: { note } },
    );
    await tellFollowers(w, ctx.viewer.accountId, "suggestion.accepted", "您的意见建议已受理");
    return w.s.id;
  });
}

export async function declineSuggestion(ctx: Context, options: { suggestionId: number; reason: string }) {
  const reason = options.reason.trim();
  if (!reason) throw invalid("reason", "请填写不予受理的理由");
  return withLockedSuggestion(ctx, options.suggestionId, async (w) => {
    requireAction(ctx, w, "DECLINE");
    await applyTransition(
      w,
      "DECLINED",
      { id: ctx.viewer.accountId, role: actorRole(ctx.viewer, w.s) },
      { columns: { declineReason: reason }, data: { reason } },
    );
    await tellFollowers(
      w,
      ctx.viewer.accountId,
      "suggestion.declined",
      "您的意见建议不予受理",
      `“${w.s.title}”：${reason}`,
    );
    await textSubmitter(
      w,
      "SUGGESTION_DECLINED",
      fitSms(`【共治】您在${w.s.post.name}反映的“${w.s.title}”不予受理，理由：${reason}`),
    );
    return w.s.id;
  });
}

export interface TransferSpec {
  departmentId: number;
  role: TransferRole;
  /** Due this many working days from today (default DEFAULT_DUE_WORKING_DAYS) … */
  dueInWorkingDays?: number | null;
  /** … or on this date (YYYY-MM-DD, Shanghai). */
  dueOn?: string | null;
}

async function validateTransfers(w: Work, specs: TransferSpec[], mode: "TRANSFER" | "ADD_TRANSFER") {
  if (!specs.length) throw invalid("transfers", "请选择承办部门");
  if (specs.length > 10) throw invalid("transfers", "一次最多转办10个部门");
  const live = liveTransfers(w.s);
  const leads = specs.filter((spec) => spec.role === "LEAD").length;
  if (mode === "TRANSFER" && leads !== 1) throw invalid("transfers", "请指定一个主办部门");
  if (mode === "ADD_TRANSFER" && leads > 0 && live.some((t) => t.role === "LEAD")) {
    throw new AppError(ErrorCode.CONFLICT, "已有主办部门，只能追加协办部门", { field: "transfers" });
  }
  if (leads > 1) throw invalid("transfers", "只能有一个主办部门");
  const departments = await w.tx.department.findMany({
    where: { id: { in: specs.map((spec) => spec.departmentId) } },
    include: { area: { select: { path: true } } },
  });
  const suggestionArea = await w.tx.area.findUniqueOrThrow({ where: { id: w.s.areaId }, select: { path: true } });
  const seen = new Set<number>();
  return specs.map((spec, index) => {
    const field = `transfers.${index}`;
    const department = departments.find((d) => d.id === spec.departmentId);
    if (!department) throw invalid(`${field}.departmentId`, "承办部门不存在");
    if (!suggestionArea.path.startsWith(department.area.path)) {
      throw invalid(`${field}.departmentId`, `${department.name}不负责该区域`);
    }
    if (seen.has(department.id)) throw invalid(`${field}.departmentId`, `${department.name}重复`);
    seen.add(department.id);
    if (live.some((t) => t.departmentId === department.id)) {
      throw new AppError(ErrorCode.CONFLICT, `本轮已转办至${department.name}`, { field: `${field}.departmentId` });
    }
    let dueOn: IsoDate;
    if (spec.dueOn) {
      if (!isIsoDate(spec.dueOn)) throw invalid(`${field}.dueOn`, "日期格式应为 YYYY-MM-DD");
      if (spec.dueOn < w.today) throw invalid(`${field}.dueOn`, "办理期限不能早于今天");
      dueOn = spec.dueOn;
    } else {
      const days = spec.dueInWorkingDays ?? DEFAULT_DUE_WORKING_DAYS;
      if (!Number.isInteger(days) || days < 1 || days > 120) {
        throw invalid(`${field}.dueInWorkingDays`, "办理期限应为 1 到 120 个工作日");
      }
      dueOn = addWorkingDays(w.calendar, w.today, days);
    }
    return { department, role: spec.role, dueOn };
  });
}

async function createTransfers(
  ctx: Context,
  w: Work,
  specs: TransferSpec[],
  note: string | null,
  mode: "TRANSFER" | "ADD_TRANSFER",
) {
  const actorId = ctx.viewer.accountId as number;
  const role = actorRole(ctx.viewer, w.s);
  const planned = await validateTransfers(w, specs, mode);
  for (const plan of planned) {
    // A department that sent it back this round may be asked again: a new row (the next attempt),
    // so the returned one keeps when it was transferred and returned — the statistics of a past
    // period read them as they stood.
    const attempt =
      w.s.transfers.filter((t) => t.departmentId === plan.department.id && t.round === w.s.round).length + 1;
    const transfer = await w.tx.suggestionTransfer.create({
      data: {
        suggestionId: w.s.id,
        departmentId: plan.department.id,
        round: w.s.round,
        attempt,
        role: plan.role,
        dueOn: toDbDate(plan.dueOn),
        note,
        transferredById: actorId,
        transferredAt: w.now,
      },
    });
    await recordAudit(w.tx, {
      actorId,
      action: "suggestion.transfer",
      subjectType: "SUGGESTION",
      subjectId: w.s.id,
      areaId: w.s.areaId,
      data: {
        actorRole: role,
        round: w.s.round,
        transferId: transfer.id,
        departmentId: plan.department.id,
        departmentName: plan.department.name,
        transferRole: plan.role,
        dueOn: plan.dueOn,
        note,
      },
    });
    w.out.event(mode === "TRANSFER" ? "TRANSFERRED" : "TRANSFER_ADDED", transfer.id);
    await w.out.notify(w.tx, w.s.id, actorId, {
      recipientIds: await handlersOf(w.tx, [plan.department.id]),
      kind: "suggestion.transferred",
      title: w.s.status === "SUPERVISING" ? "新的督办件" : "新的转办件",
      body: `“${w.s.title}”已转办至${plan.department.name}（${ROLE_LABELS[plan.role]}），请于${plan.dueOn}前办理。`,
    });
  }
  if (w.s.status === "ACCEPTED") {
    await applyTransition(w, "TRANSFERRED", { id: actorId, role }, { data: { note } });
    await tellFollowers(w, actorId, "suggestion.transferred", "您的意见建议已转办");
  }
}

/**
 * 转办: the round's first transfer, to one lead (主办) and any co-handling (协办) departments,
 * each due in working days or on a date. ACCEPTED → TRANSFERRED; under supervision (SUPERVISING)
 * it starts the new round's handling and the status stays.
 */
export async function transferSuggestion(
  ctx: Context,
  options: { suggestionId: number; transfers: TransferSpec[]; note?: string | null },
) {
  return withLockedSuggestion(ctx, options.suggestionId, async (w) => {
    requireAction(ctx, w, "TRANSFER");
    await createTransfers(ctx, w, options.transfers, options.note?.trim() || null, "TRANSFER");
    return w.s.id;
  });
}

/** 追加转办: more co-handlers while it is being handled, or a new lead after the lead sent it back. */
export async function addSuggestionTransfers(
  ctx: Context,
  options: { suggestionId: number; transfers: TransferSpec[]; note?: string | null },
) {
  return withLockedSuggestion(ctx, options.suggestionId, async (w) => {
    requireAction(ctx, w, "ADD_TRANSFER");
    await createTransfers(ctx, w, options.transfers, options.note?.trim() || null, "ADD_TRANSFER");
    return w.s.id;
  });
}

// ───────────────────────────── departments ─────────────────────────────

async function suggestionOfTransfer(ctx: Context, transferId: number): Promise<number> {
  if (!ctx.viewer.signedIn) throw unauthenticated();
  const transfer = await ctx.prisma.suggestionTransfer.findUnique({
    where: { id: transferId },
    select: { suggestionId: true },
  });
  if (!transfer) throw notFound("Transfer");
  return transfer.suggestionId;
}

/** Runs a department's action on one of its transfers, under the suggestion's lock. */
async function withTransfer<T>(
  ctx: Context,
  transferId: number,
  action: TransferAction,
  work: (w: Work, transfer: LockedSuggestion["transfers"][number]) => Promise<T>,
) {
  const suggestionId = await suggestionOfTransfer(ctx, transferId);
  return withLockedSuggestion(ctx, suggestionId, async (w) => {
    const transfer = w.s.transfers.find((t) => t.id === transferId);
    if (!transfer) throw notFound("Transfer");
    check(transferRefusal(ctx.viewer, w.s, transfer, action));
    return work(w, transfer);
  });
}

async function setTransferStatus(
  w: Work,
  transfer: LockedSuggestion["transfers"][number],
  to: "IN_PROGRESS" | "RETURNED" | "DONE",
  columns: Prisma.SuggestionTransferUpdateManyMutationInput = {},
) {
  assertTransition(transferLifecycle, transfer.status, to, "Transfer");
  const changed = await w.tx.suggestionTransfer.updateMany({
    where: { id: transfer.id, status: transfer.status },
    data: { status: to, ...columns },
  });
  if (changed.count !== 1) throw new AppError(ErrorCode.CONFLICT, "该转办件已被他人处理，请刷新");
  transfer.status = to;
}

/** The department signs for the transfer (签收); the suggestion is then in progress. */
async function acknowledge(ctx: Context, w: Work, transfer: LockedSuggestion["transfers"][number]) {
  const actorId = ctx.viewer.accountId;
  await setTransferStatus(w, transfer, "IN_PROGRESS");
  await recordAudit(w.tx, {
    actorId,
    action: "suggestion.acknowledge",
    subjectType: "SUGGESTION",
    subjectId: w.s.id,
    areaId: w.s.areaId,
    data: {
      actorRole: "DEPARTMENT",
      round: w.s.round,
      transferId: transfer.id,
      departmentId: transfer.departmentId,
      departmentName: transfer.department.name,
    },
  });
  w.out.event("ACKNOWLEDGED", transfer.id);
  if (w.s.status === "TRANSFERRED") {
    await applyTransition(
      w,
      "IN_PROGRESS",
      { id: actorId, role: "DEPARTMENT" },
      { data: { departmentName: transfer.department.name } },
    );
  }
}

export async function acknowledgeTransfer(ctx: Context, options: { transferId: number }) {
  return withTransfer(ctx, options.transferId, "ACKNOWLEDGE", async (w, transfer) => {
    await acknowledge(ctx, w, transfer);
    return transfer.id;
  });
}

/** 办理进展: a department's progress note (signs for the transfer first if it had not). */
export async function postSuggestionUpdate(
  ctx: Context,
  options: { transferId: number; body: string; photoIds?: readonly number[] },
) {
  const body = options.body.trim();
  if (!body) throw invalid("body", "请填写办理进展");
  return withTransfer(ctx, options.transferId, "UPDATE", async (w, transfer) => {
    if (transfer.status === "PENDING") await acknowledge(ctx, w, transfer);
    const update = await w.tx.suggestionUpdate.create({
      data: { transferId: transfer.id, authorId: ctx.viewer.accountId as number, body },
    });
    await claimPhotos(w.tx, {
      accountId: ctx.viewer.accountId as number,
      photoIds: options.photoIds ?? [],
      owner: { suggestionUpdateId: update.id },
    });
    await recordAudit(w.tx, {
      actorId: ctx.viewer.accountId,
      action: "suggestion.update",
      subjectType: "SUGGESTION",
      subjectId: w.s.id,
      areaId: w.s.areaId,
      data: {
        actorRole: "DEPARTMENT",
        round: w.s.round,
        transferId: transfer.id,
        updateId: update.id,
        departmentId: transfer.departmentId,
        departmentName: transfer.department.name,
      },
    });
    w.out.event("UPDATED", transfer.id);
    await tellFollowers(w, ctx.viewer.accountId, "suggestion.progress", "您的意见建议有新的办理进展");
    return update;
  });
}

/** 退回: the department sends its transfer back with a reason. If none of the round is left, the deputy transfers again. */
export async function returnTransfer(ctx: Context, options: { transferId: number; reason: string }) {
  const reason = options.reason.trim();
  if (!reason) throw invalid("reason", "请填写退回理由");
  return withTransfer(ctx, options.transferId, "RETURN", async (w, transfer) => {
    const actorId = ctx.viewer.accountId;
    await setTransferStatus(w, transfer, "RETURNED", { returnReason: reason, returnedAt: w.now });
    await recordAudit(w.tx, {
      actorId,
      action: "suggestion.return",
      subjectType: "SUGGESTION",
      subjectId: w.s.id,
      areaId: w.s.areaId,
      data: {
        actorRole: "DEPARTMENT",
        round: w.s.round,
        transferId: transfer.id,
        departmentId: transfer.departmentId,
        departmentName: transfer.department.name,
        transferRole: transfer.role,
        reason,
      },
    });
    w.out.event("RETURNED", transfer.id);
    if (liveTransfers(w.s).length === 0 && (w.s.status === "TRANSFERRED" || w.s.status === "IN_PROGRESS")) {
      await applyTransition(
        w,
        "ACCEPTED",
        { id: actorId, role: "DEPARTMENT" },
        { data: { reason, departmentName: transfer.department.name } },
      );
    }
    await tellDeputies(
      w,
      actorId,
      "suggestion.returned",
      "转办件被退回",
      `${transfer.department.name}退回了“${w.s.title}”（${ROLE_LABELS[transfer.role]}）：${reason}`,
    );
    return transfer.id;
  });
}

/** A co-handling department finishes its part (the lead's part ends with the reply). */
export async function completeTransfer(ctx: Context, options: { transferId: number; note?: string | null }) {
  return withTransfer(ctx, options.transferId, "COMPLETE", async (w, transfer) => {
    const note = options.note?.trim() || null;
    if (note) {
      await w.tx.suggestionUpdate.create({
        data: { transferId: transfer.id, authorId: ctx.viewer.accountId as number, body: note },
      });
    }
    await setTransferStatus(w, transfer, "DONE", { completedAt: w.now });
    await recordAudit(w.tx, {
      actorId: ctx.viewer.accountId,
      action: "suggestion.completeTransfer",
      subjectType: "SUGGESTION",
      subjectId: w.s.id,
      areaId: w.s.areaId,
      data: {
        actorRole: "DEPARTMENT",
        round: w.s.round,
        transferId: transfer.id,
        departmentId: transfer.departmentId,
        departmentName: transfer.department.name,
        note,
      },
    });
    w.out.event("TRANSFER_COMPLETED", transfer.id);
    return transfer.id;
  });
}

// ───────────────────────────── reply, rating, closing ─────────────────────────────

/** 答复: the lead department or a deputy replies to the resident; the round's open transfers are done. */
export async function replySuggestion(ctx: Context, options: { suggestionId: number; body: string }) {
  const body = options.body.trim();
  if (!body) throw invalid("body", "请填写答复内容");
  return withLockedSuggestion(ctx, options.suggestionId, async (w) => {
    requireAction(ctx, w, "REPLY");
    const actorId = ctx.viewer.accountId as number;
    const lead = liveTransfers(w.s).find((t) => t.role === "LEAD" && ctx.viewer.handlesDepartment(t.departmentId));
    const role: ActorRole = actsForPost(ctx.viewer, w.s) && !lead ? actorRole(ctx.viewer, w.s) : "DEPARTMENT";
    const reply = await w.tx.suggestionReply.create({
      data: {
        suggestionId: w.s.id,
        round: w.s.round,
        authorId: actorId,
        departmentId: lead?.departmentId ?? null,
        body,
      },
    });
    await w.tx.suggestionTransfer.updateMany({
      where: { suggestionId: w.s.id, round: w.s.round, status: { in: [...OPEN_TRANSFER] } },
      data: { status: "DONE", completedAt: w.now },
    });
    await applyTransition(
      w,
      "REPLIED",
      { id: actorId, role },
      { data: { replyId: reply.id, departmentName: lead?.department.name ?? null } },
    );
    await tellFollowers(
      w,
      actorId,
      "suggestion.replied",
      "您的意见建议已答复",
      `“${w.s.title}”已收到答复，请查看并评价。`,
    );
    if (lead) {
      await tellDeputies(
        w,
        actorId,
        "suggestion.replied",
        "承办部门已答复",
        `${lead.department.name}已答复“${w.s.title}”。`,
      );
    }
    // A deputy then calls them for their rating (rateSuggestionByPhone).
    await textSubmitter(
      w,
      "SUGGESTION_REPLIED",
      `${fitSms(`【共治】您在${w.s.post.name}反映的“${w.s.title}”已答复：${body}`, 170)}人大代表将电话回访，听取您的评价。`,
    );
    return w.s.id;
  });
}

/**
 * A submitter without an account (recorded at a reception with a phone) hears of the reply, a
 * decline and the closing by text message, queued with the change. One with an account is told in
 * the app instead (tellFollowers).
 */
async function textSubmitter(w: Work, kind: TextMessageKind, body: string) {
  if (w.s.submitterId !== null || !w.s.submitterPhone) return;
  await w.out.text(w.tx, { phone: w.s.submitterPhone, kind, body, suggestionId: w.s.id, now: w.now });
  await recordAudit(w.tx, {
    actorId: null,
    action: "suggestion.textNotice",
    subjectType: "SUGGESTION",
    subjectId: w.s.id,
    areaId: w.s.areaId,
    // Never the number: the handlers read it on the suggestion.
    data: { actorRole: "SYSTEM", round: w.s.round, about: w.s.status },
  });
}

export interface RatingInput {
  suggestionId: number;
  satisfaction: Satisfaction;
  comment?: string | null;
}

function ratingComment(options: RatingInput): string | null {
  const comment = options.comment?.trim() || null;
  if (options.satisfaction === "UNSATISFIED" && !comment) throw invalid("comment", "请说明不满意的原因，以便督办");
  return comment;
}

/**
 * Records the round's rating: REPLIED → RATED, and on 不满意 at once RATED → SUPERVISING for
 * another round. `byPhone`: a deputy (or staff) entered what the submitter said on the phone.
 */
async function recordRating(
  w: Work,
  rating: {
    actor: { id: number; role: ActorRole };
    byPhone: boolean;
    satisfaction: Satisfaction;
    comment: string | null;
  },
) {
  const { actor, byPhone, satisfaction, comment } = rating;
  await w.tx.suggestionRating.create({
    data: { suggestionId: w.s.id, round: w.s.round, raterId: actor.id, satisfaction, comment, byPhone },
  });
  await applyTransition(w, "RATED", actor, { data: { satisfaction, byPhone } });
  const label = SATISFACTION_LABELS[satisfaction];
  const who = byPhone ? "电话回访" : "居民评价";
  if (satisfaction === "UNSATISFIED") {
    await applyTransition(w, "SUPERVISING", actor, { data: { comment, byPhone } });
    await tellDeputies(
      w,
      actor.id,
      "suggestion.supervising",
      byPhone ? "电话回访：居民对答复不满意，请督办" : "居民对答复不满意，请督办",
      `“${w.s.title}”：${comment}。请再次转办并督促办理。`,
    );
  } else {
    await tellDeputies(w, actor.id, "suggestion.rated", `${who}：${label}`, `“${w.s.title}”可以办结了。`);
  }
}

/** The submitter rates the reply. 不满意 (with a reason) reopens it under supervision for another round. */
export async function rateSuggestion(ctx: Context, options: RatingInput) {
  const comment = ratingComment(options);
  return withLockedSuggestion(ctx, options.suggestionId, async (w) => {
    requireAction(ctx, w, "RATE");
    await recordRating(w, {
      actor: { id: ctx.viewer.accountId as number, role: "SUBMITTER" },
      byPhone: false,
      satisfaction: options.satisfaction,
      comment,
    });
    return w.s.id;
  });
}

/**
 * 电话回访: a deputy of the post (or staff of its area) enters the rating a submitter without an
 * account gave on the phone. Refused when the submitter has an account: they rate themselves.
 */
export async function rateSuggestionByPhone(ctx: Context, options: RatingInput) {
  const comment = ratingComment(options);
  return withLockedSuggestion(ctx, options.suggestionId, async (w) => {
    requireAction(ctx, w, "RATE_BY_PHONE");
    await recordRating(w, {
      actor: { id: ctx.viewer.accountId as number, role: actorRole(ctx.viewer, w.s) },
      byPhone: true,
      satisfaction: options.satisfaction,
      comment,
    });
    return w.s.id;
  });
}

/** 办结. */
export async function closeSuggestion(ctx: Context, options: { suggestionId: number; note?: string | null }) {
  return withLockedSuggestion(ctx, options.suggestionId, async (w) => {
    requireAction(ctx, w, "CLOSE");
    const note = options.note?.trim() || null;
    await applyTransition(
      w,
      "CLOSED",
      { id: ctx.viewer.accountId, role: actorRole(ctx.viewer, w.s) },
      { data: { note } },
    );
    await tellFollowers(w, ctx.viewer.accountId, "suggestion.closed", "您的意见建议已办结");
    await textSubmitter(
      w,
      "SUGGESTION_CLOSED",
      fitSms(`【共治】您在${w.s.post.name}反映的“${w.s.title}”已办结，感谢您的参与。`),
    );
    return w.s.id;
  });
}

/** Follow (or stop following) a suggestion one may read, to be notified of its steps. */
export async function followSuggestion(ctx: Context, options: { suggestionId: number; follow: boolean }) {
  const accountId = ctx.viewer.accountId;
  if (!accountId) throw unauthenticated();
  const s = await ctx.prisma.suggestion.findUnique({ where: { id: options.suggestionId }, select: accessSelection });
  if (!s || !(isPublic(s) || isHandler(ctx, s))) throw notFound("Suggestion");
  if (options.follow) {
    await ctx.prisma.$transaction((tx) => follow(tx, accountId, options.suggestionId));
  } else {
    await ctx.prisma.follow.deleteMany({
      where: { accountId, subjectType: "SUGGESTION", subjectId: options.suggestionId },
    });
  }
  return options.follow;
}
