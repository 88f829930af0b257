import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client.js";
import { residentPathsOf, Viewer } from "./viewer.js";

export const SESSION_COOKIE = "gz_session";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The session token from a bearer header, the session cookie, or graphql-ws connectionParams. */
export function readToken(headers: { get(name: string): string | null }, connectionToken?: unknown): string | null {
  if (typeof connectionToken === "string" && connectionToken) return connectionToken;
  const authorization = headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) return authorization.slice(7).trim() || null;
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  for (const part of cookie.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== SESSION_COOKIE) continue;
    // A cookie nobody could have been given (a broken escape) is no session, not a server error.
    try {
      return decodeURIComponent(rest.join("=")) || null;
    } catch {
      return null;
    }
  }
  return null;
}

/** Loads the viewer behind a token in one query; an unknown, expired or revoked token is anonymous. */
export async function loadViewer(prisma: PrismaClient, token: string | null): Promise<Viewer> {
  if (!token) return Viewer.anonymous();
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: {
      account: {
        include: {
          roleGrants: {
            where: { revokedAt: null },
            include: {
              area: {
                select: { path: true, kind: true, blockCoverage: { select: { area: { select: { path: true } } } } },
              },
            },
          },
          memberships: { include: { household: { include: { building: { select: { path: true } } } } } },
        },
      },
    },
  });
  const now = new Date();
  if (!session || session.revokedAt || session.expiresAt <= now || session.account.disabledAt) {
    return Viewer.anonymous();
  }
  const { roleGrants, memberships, ...account } = session.account;
  return new Viewer(
    account,
    session.id,
    roleGrants.map((grant) => ({
      grantId: grant.id,
      role: grant.role,
      areaId: grant.areaId,
      areaPath: grant.area.path,
      residentAreaPaths: residentPathsOf(grant.area),
      councilId: grant.councilId,
      departmentId: grant.departmentId,
      postId: grant.postId,
    })),
    memberships.map((m) => ({
      householdId: m.householdId,
      buildingId: m.household.buildingId,
      buildingPath: m.household.building.path,
      status: m.status,
    })),
    session.expiresAt,
  );
}
