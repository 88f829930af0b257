import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { hashToken, loadViewer, newSessionToken } from "../../auth/session.js";
import type { Context } from "../../context.js";
import { AppError, ErrorCode, forbidden, invalid, notFound, unauthenticated } from "../../errors.js";
import type { Locale, Prisma } from "../../generated/prisma/client.js";
import { maskPhone } from "../../logger.js";
import { recordAudit } from "../audit/service.js";
import { normalisePhone } from "./phone.js";

export const CODE_TTL_SECONDS = 5 * 60;
export const MAX_CODE_ATTEMPTS = 5;
/** Limits on code requests, counted in the database so they hold across server instances. */
export const CODE_LIMITS = {
  perPhoneInterval: 60,
  perPhonePerHour: 5,
  perIpPerHour: 30,
} as const;

function hashCode(secret: string, phone: string, code: string): string {
  return createHmac("sha256", secret).update(`${phone}:${code}`).digest("hex");
}

export interface CodeRequestResult {
  maskedPhone: string;
  expiresInSeconds: number;
  resendAfterSeconds: number;
}

/** Sends a one-time sign-in code, within the rate limits. */
export async function requestSignInCode(ctx: Context, options: { phone: string }): Promise<CodeRequestResult> {
  const phone = normalisePhone(options.phone);
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const now = Date.now();
  const stored = await ctx.prisma.$transaction(async (tx) => {
    // Serialise requests for one phone so two at once cannot both slip under the limit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`code:${phone}`}))`;
    const hourAgo = new Date(now - 3600_000);
    const recent = await tx.signInCode.findMany({
      where: { phone, createdAt: { gte: hourAgo } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    const last = recent[0];
    if (last && now - last.createdAt.getTime() < CODE_LIMITS.perPhoneInterval * 1000) {
      const wait = Math.ceil((CODE_LIMITS.perPhoneInterval * 1000 - (now - last.createdAt.getTime())) / 1000);
      throw new AppError(ErrorCode.RATE_LIMITED, `验证码已发送，请 ${wait} 秒后再试`, {
        field: "phone",
        retryAfterSeconds: wait,
      });
    }
    if (recent.length >= CODE_LIMITS.perPhonePerHour) {
      throw new AppError(ErrorCode.RATE_LIMITED, "该号码请求验证码过于频繁，请一小时后再试", {
        field: "phone",
        retryAfterSeconds: 3600,
      });
    }
    if (ctx.clientIp) {
      const fromIp = await tx.signInCode.count({ where: { requestedIp: ctx.clientIp, createdAt: { gte: hourAgo } } });
      if (fromIp >= CODE_LIMITS.perIpPerHour) {
        throw new AppError(ErrorCode.RATE_LIMITED, "请求过于频繁，请稍后再试", { retryAfterSeconds: 3600 });
      }
    }
    return tx.signInCode.create({
      data: {
        phone,
        codeHash: hashCode(ctx.config.secret, phone, code),
        expiresAt: new Date(now + CODE_TTL_SECONDS * 1000),
        requestedIp: ctx.clientIp,
      },
    });
  });
  try {
    await ctx.codeSender.send(phone, code);
  } catch (error) {
    // Nobody received this code: forget it, so it neither works nor makes the person wait to retry.
    ctx.logger.error({ err: error, phone: maskPhone(phone) }, "sign-in code could not be sent");
    await ctx.prisma.signInCode.delete({ where: { id: stored.id } });
    throw new AppError(ErrorCode.UNAVAILABLE, "验证码短信发送失败，请稍后再试", { field: "phone" });
  }
  return {
    maskedPhone: maskPhone(phone),
    expiresInSeconds: CODE_TTL_SECONDS,
    resendAfterSeconds: CODE_LIMITS.perPhoneInterval,
  };
}

/** A public name that says nothing about the person (not even phone digits). */
export function randomDisplayName(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(4);
  return `居民${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("")}`;
}

export interface SignInResult {
  token: string;
  expiresAt: Date;
  accountId: number;
  isNewAccount: boolean;
}

/**
 * Checks the latest code for the phone; on success creates the account if new, and a session.
 * A code works once; after MAX_CODE_ATTEMPTS wrong tries it is dead.
 */
export async function signIn(ctx: Context, options: { phone: string; code: string }): Promise<SignInResult> {
  const phone = normalisePhone(options.phone);
  const code = options.code.trim();
  if (!/^\d{6}$/.test(code)) throw invalid("code", "验证码为6位数字");

  const latest = await ctx.prisma.signInCode.findFirst({
    where: { phone, consumedAt: null },
    orderBy: { createdAt: "desc" },
  });
  if (!latest || latest.expiresAt.getTime() <= Date.now()) {
    throw new AppError(ErrorCode.CODE_EXPIRED, "验证码已过期，请重新获取", { field: "code" });
  }
  // Every try is counted before the code is compared, in one conditional statement, so even
  // guesses sent in parallel get MAX_CODE_ATTEMPTS tries between them, no more.
  const counted = await ctx.prisma.signInCode.updateMany({
    where: { id: latest.id, attempts: { lt: MAX_CODE_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count !== 1) {
    throw new AppError(ErrorCode.CODE_INVALID, "错误次数过多，请重新获取验证码", { field: "code" });
  }
  const expected = Buffer.from(latest.codeHash, "hex");
  const given = Buffer.from(hashCode(ctx.config.secret, phone, code), "hex");
  if (!timingSafeEqual(expected, given)) {
    throw new AppError(ErrorCode.CODE_INVALID, "验证码不正确", { field: "code" });
  }

  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + ctx.config.sessionDays * 86_400_000);
  const result = await ctx.prisma.$transaction(async (tx) => {
    // Consuming is conditional, so two sign-ins racing with one code create one session.
    const consumed = await tx.signInCode.updateMany({
      where: { id: latest.id, consumedAt: null },
      data: { consumedAt: new Date() },
    });
    if (consumed.count !== 1) {
      throw new AppError(ErrorCode.CODE_EXPIRED, "验证码已使用，请重新获取", { field: "code" });
    }
    const existing = await tx.account.findUnique({ where: { phone } });
    if (existing?.disabledAt) throw new AppError(ErrorCode.FORBIDDEN, "该账号已停用，请联系街道工作人员");
    const account = existing ?? (await tx.account.create({ data: { phone, displayName: randomDisplayName() } }));
    await tx.session.create({
      data: { tokenHash: hashToken(token), accountId: account.id, expiresAt, userAgent: ctx.userAgent },
    });
    await tx.account.update({ where: { id: account.id }, data: { lastSeenAt: new Date() } });
    if (!existing) {
      await recordAudit(tx, {
        actorId: account.id,
        action: "account.create",
        subjectType: "ACCOUNT",
        subjectId: account.id,
      });
    }
    return { accountId: account.id, isNewAccount: !existing };
  });
  ctx.setSessionCookie(token, expiresAt);
  // The rest of this request (the payload's account fields) is answered as the person signed in.
  ctx.viewer = await loadViewer(ctx.prisma, token);
  return { token, expiresAt, ...result };
}

/**
 * Ends the current session (this device only). Its open subscriptions end too: the WebSockets
 * opened with it are closed (4401) by whichever server instance holds them.
 */
export async function signOut(ctx: Context): Promise<boolean> {
  const sessionId = ctx.viewer.sessionId;
  if (!sessionId) return false;
  await ctx.prisma.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
  ctx.setSessionCookie(null);
  ctx.pubsub.publish("session:revoked", { sessionId });
  return true;
}

export interface ProfileChanges {
  displayName?: string | null;
  realName?: string | null;
  locale?: Locale | null;
  largeText?: boolean | null;
}

export async function updateMyProfile(ctx: Context, changes: ProfileChanges) {
  const accountId = ctx.viewer.accountId;
  if (!accountId) throw unauthenticated();
  const data: Prisma.AccountUpdateInput = {};
  if (changes.displayName != null) data.displayName = changes.displayName.trim();
  if (changes.realName != null) data.realName = changes.realName.trim() || null;
  if (changes.locale != null) data.locale = changes.locale;
  if (changes.largeText != null) data.largeText = changes.largeText;
  return ctx.prisma.account.update({ where: { id: accountId }, data });
}

/**
 * An admin disables an account (it can no longer sign in; its sessions end, and its open
 * subscriptions close on every instance) or enables it again. Only an admin of an area the person
 * lives in (verified or asking to be) or holds a role in, and never their own account.
 */
export async function setAccountDisabled(ctx: Context, options: { accountId: number; disabled: boolean }) {
  if (!ctx.viewer.accountId) throw unauthenticated();
  if (options.accountId === ctx.viewer.accountId) throw forbidden("不能停用自己的账号");
  const account = await ctx.prisma.account.findUnique({
    where: { id: options.accountId },
    select: {
      id: true,
      disabledAt: true,
      memberships: {
        where: { status: { in: ["PENDING", "VERIFIED"] } },
        select: { household: { select: { buildingId: true, building: { select: { path: true } } } } },
      },
      roleGrants: { where: { revokedAt: null }, select: { areaId: true, area: { select: { path: true } } } },
    },
  });
  if (!account) throw notFound("Account");
  const links = [
    ...account.memberships.map((m) => ({ areaId: m.household.buildingId, path: m.household.building.path })),
    ...account.roleGrants.map((g) => ({ areaId: g.areaId, path: g.area.path })),
  ];
  const served = links.find((link) => ctx.viewer.isAdminFor(link.path));
  if (!served) throw forbidden("只有该居民所在区域的管理员可以停用或启用账号");
  if (Boolean(account.disabledAt) === options.disabled) return account;

  const now = new Date();
  await ctx.prisma.$transaction(async (tx) => {
    await tx.account.update({ where: { id: account.id }, data: { disabledAt: options.disabled ? now : null } });
    // Ended, not merely refused while disabled: enabling the account again does not revive them.
    if (options.disabled) {
      await tx.session.updateMany({ where: { accountId: account.id, revokedAt: null }, data: { revokedAt: now } });
    }
    await recordAudit(tx, {
      actorId: ctx.viewer.accountId,
      action: options.disabled ? "account.disable" : "account.enable",
      subjectType: "ACCOUNT",
      subjectId: account.id,
      // On the trail of the area through which the admin serves the person, so its staff see it.
      areaId: served.areaId,
    });
  });
  if (options.disabled) ctx.pubsub.publish("account:accessChanged", { accountId: account.id, reason: "disabled" });
  return account;
}
