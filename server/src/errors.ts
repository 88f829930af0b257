import { GraphQLError } from "graphql";

/** Expected failures. Clients branch on the code, never on the message. */
export const ErrorCode = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  VALIDATION: "VALIDATION",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "RATE_LIMITED",
  CODE_INVALID: "CODE_INVALID",
  CODE_EXPIRED: "CODE_EXPIRED",
  INVALID_TRANSITION: "INVALID_TRANSITION",
  VOTE_CLOSED: "VOTE_CLOSED",
  NOT_ELIGIBLE: "NOT_ELIGIBLE",
  ALREADY_DECIDED: "ALREADY_DECIDED",
  /** A service the request needs (e.g. the SMS gateway) failed; trying again later may work. */
  UNAVAILABLE: "UNAVAILABLE",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * An expected failure: mutations return it as a member of their result union; queries surface
 * it as a GraphQL error with `extensions.code` (see toGraphQLError).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** The input field at fault, when one is, e.g. "phone" or "input.title". */
  readonly field?: string;
  /** Seconds to wait before retrying (RATE_LIMITED). */
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, options: { field?: string; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** `what` names the record for operators (logs, API clients); people see the Chinese sentence. */
export const notFound = (what: string) => new AppError(ErrorCode.NOT_FOUND, `未找到相关记录（${what}），可能已被删除`);
export const forbidden = (message = "您没有进行此操作的权限") => new AppError(ErrorCode.FORBIDDEN, message);
export const unauthenticated = () => new AppError(ErrorCode.UNAUTHENTICATED, "请先登录");
export const invalid = (field: string, message: string) => new AppError(ErrorCode.VALIDATION, message, { field });

/** AppErrors keep their code and message through yoga's masking; anything else is masked. */
export function toGraphQLError(error: AppError, path?: readonly (string | number)[]): GraphQLError {
  return new GraphQLError(error.message, {
    path,
    extensions: {
      code: error.code,
      ...(error.field ? { field: error.field } : {}),
      ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    },
  });
}
