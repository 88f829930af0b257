import { invalid } from "../../errors.js";

/** GraphQL IDs are the rows' integer ids as strings; anything else is a named validation error. */
export function parseId(value: string | number, field: string): number {
  const id = typeof value === "number" ? value : Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw invalid(field, `${field} 不是有效的编号`);
  return id;
}

export function parseOptionalId(value: string | number | null | undefined, field: string): number | null {
  return value === null || value === undefined ? null : parseId(value, field);
}

/** Prisma `where` for an area and everything below it: every descendant's path holds its id. */
export function underArea(areaId: number) {
  return { path: { contains: `/${areaId}/` } };
}
