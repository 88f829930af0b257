import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { useCallback } from "react";
import { type AnyVariables, type CombinedError, type OperationResult, useMutation } from "urql";

/** An expected failure, whichever way the server reported it. */
export interface AppFailure {
  /** ErrorCode from the server, or NETWORK / UNKNOWN when there was no answer to branch on. */
  code: string;
  /** The input at fault, e.g. "phone", "note", "households.2.unit". */
  field: string | null;
  /** The server's own words (Chinese); shown when no translation fits. */
  message: string;
  retryAfterSeconds: number | null;
}

export type Outcome<T> = { data: T; error?: undefined } | { data?: undefined; error: AppFailure };

type RootFieldOf<R> = R[Exclude<keyof R, "__typename">];
/** What a mutation yields on success: its result union's `data`, or the plain value for scalar mutations. */
export type SuccessOf<R> =
  RootFieldOf<R> extends infer U
    ? U extends { __typename: "AppError" }
      ? never
      : U extends { data: infer D }
        ? D
        : U
    : never;

interface ErrorExtensions {
  code?: unknown;
  field?: unknown;
  retryAfterSeconds?: unknown;
}

/** Turns a transport or GraphQL-level error (auth, input validation) into an AppFailure. */
export function failureFromCombinedError(error: CombinedError): AppFailure {
  const first = error.graphQLErrors[0];
  if (first) {
    const extensions = (first.extensions ?? {}) as ErrorExtensions;
    return {
      code: typeof extensions.code === "string" ? extensions.code : "UNKNOWN",
      field: typeof extensions.field === "string" ? extensions.field : null,
      message: first.message,
      retryAfterSeconds: typeof extensions.retryAfterSeconds === "number" ? extensions.retryAfterSeconds : null,
    };
  }
  return {
    code: "NETWORK",
    field: null,
    message: error.networkError?.message ?? error.message,
    retryAfterSeconds: null,
  };
}

/**
 * The one place that reads a mutation result: the union member `AppError`, a GraphQL error with
 * `extensions.code`, or a network failure all become `{ error }`; success becomes `{ data }`.
 */
export function toOutcome<R>(result: OperationResult<R, AnyVariables>): Outcome<SuccessOf<R>> {
  if (result.error) return { error: failureFromCombinedError(result.error) };
  const data = result.data as Record<string, unknown> | undefined;
  const fieldName = data ? Object.keys(data).find((key) => key !== "__typename") : undefined;
  if (!data || !fieldName) return { error: { code: "UNKNOWN", field: null, message: "", retryAfterSeconds: null } };
  const value = data[fieldName] as {
    __typename?: string;
    code?: string;
    field?: string | null;
    message?: string;
    retryAfterSeconds?: number | null;
    data?: unknown;
  } | null;
  if (value && typeof value === "object" && value.__typename === "AppError") {
    return {
      error: {
        code: value.code ?? "UNKNOWN",
        field: value.field ?? null,
        message: value.message ?? "",
        retryAfterSeconds: value.retryAfterSeconds ?? null,
      },
    };
  }
  if (value && typeof value === "object" && "data" in value) return { data: value.data as SuccessOf<R> };
  return { data: value as SuccessOf<R> };
}

/** useMutation whose `run` resolves to an Outcome instead of a raw result. */
export function useAppMutation<R, V extends AnyVariables>(document: TypedDocumentNode<R, V>) {
  const [state, execute] = useMutation<R, V>(document);
  const run = useCallback(
    async (variables: V): Promise<Outcome<SuccessOf<R>>> => toOutcome(await execute(variables)),
    [execute],
  );
  return [state, run] as const;
}
