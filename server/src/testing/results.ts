import type { GraphQLResponse } from "./harness.js";

/** Selects the expected-failure member of a mutation's result union. */
export const APP_ERROR = "... on AppError { code field message retryAfterSeconds }";

export interface AppErrorResult {
  __typename: "AppError";
  code: string;
  field: string | null;
  message: string;
  retryAfterSeconds: number | null;
}

/** A mutation's result union: `Mutation…Success { data }` or AppError. */
export type MutationResult<T> = AppErrorResult | { __typename: string; data: T };

function describe(response: GraphQLResponse<unknown>, field: string): string {
  return `${field}: ${JSON.stringify(response)}`;
}

function resultOf<T>(response: GraphQLResponse<Record<string, unknown>>, field: string): MutationResult<T> {
  const result = response.data?.[field] as MutationResult<T> | undefined;
  if (!result) throw new Error(`no result for ${describe(response, field)}`);
  return result;
}

/** The `data` of a successful mutation; fails the test with the whole response otherwise. */
export function succeeded<T>(response: GraphQLResponse<Record<string, unknown>>, field: string): T {
  const result = resultOf<T>(response, field);
  if (result.__typename === "AppError" || !("data" in result)) {
    throw new Error(`expected success, got ${describe(response, field)}`);
  }
  return result.data;
}

/** The AppError a mutation returned; fails the test with the whole response on success. */
export function failed(response: GraphQLResponse<Record<string, unknown>>, field: string): AppErrorResult {
  const result = resultOf<unknown>(response, field);
  if (result.__typename !== "AppError") throw new Error(`expected an AppError, got ${describe(response, field)}`);
  return result as AppErrorResult;
}

/** The `extensions.code` of the first GraphQL error (queries report expected failures this way). */
export function errorCode(response: GraphQLResponse<unknown>): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

/** The `__typename` of a mutation's result ("AppError" or "Mutation…Success"), if there is one. */
export function typename(response: GraphQLResponse<Record<string, unknown>>, field: string): string | undefined {
  return (response.data?.[field] as { __typename?: string } | null | undefined)?.__typename;
}
