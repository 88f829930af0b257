/** Prisma's "unique constraint failed" (P2002), the database's own answer to a duplicate. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
