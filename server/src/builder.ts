import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import type { Context } from "./context.js";
import { AppError, ErrorCode, forbidden, unauthenticated } from "./errors.js";
import type PrismaTypes from "./generated/pothos-prisma-types.js";
import { getDatamodel } from "./generated/pothos-prisma-types.js";

/** The one schema builder. Domain modules add their types and fields to it. */
export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  AuthScopes: {
    signedIn: boolean;
    /** Holds STAFF or ADMIN somewhere (the area is checked in the service). */
    staff: boolean;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    Date: { Input: string; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({ signedIn: ctx.viewer.signedIn, staff: ctx.viewer.isStaffAnywhere }),
    unauthorizedError: (_parent, ctx) => (ctx.viewer.signedIn ? forbidden() : unauthenticated()),
  },
  // unsafelyHandleInputErrors: argument validation (below) runs before the resolver, outside the
  // errors plugin's reach; without it a VALIDATION failure escapes the result union as a top-level
  // error. It tells the caller only about their own input, as it did before. authScopes refusals
  // (UNAUTHENTICATED, FORBIDDEN) of fields with `errors` now come in the union too.
  errors: { defaultTypes: [AppError], unsafelyHandleInputErrors: true },
  validation: {
    // Validation failures become AppError VALIDATION naming the field, so mutations return them
    // in their result union like any other expected failure.
    validationError: (result) => {
      const issue = result.issues[0];
      const field = issue?.path?.map((p) => (typeof p === "object" ? String(p.key) : String(p))).join(".");
      return new AppError(ErrorCode.VALIDATION, issue?.message ?? "Invalid input", { field });
    },
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    // Resolvers that answer without the database (an anonymous viewer's roles) are not mistakes.
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

builder.scalarType("DateTime", {
  description: "An instant, ISO 8601 in UTC. Shown to people in Asia/Shanghai.",
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (typeof value !== "string" || Number.isNaN(date.getTime())) {
      throw new AppError(ErrorCode.VALIDATION, "Expected an ISO 8601 date-time");
    }
    return date;
  },
});

builder.scalarType("Date", {
  description: "A calendar date, YYYY-MM-DD (Asia/Shanghai).",
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: (value) => {
    if (typeof value !== "string" || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) {
      throw new AppError(ErrorCode.VALIDATION, "Expected a date as YYYY-MM-DD");
    }
    return value;
  },
});

builder.scalarType("JSON", {
  serialize: (value) => value,
  parseValue: (value) => value,
});

export const ErrorCodeEnum = builder.enumType("ErrorCode", { values: Object.values(ErrorCode) });

builder.objectType(AppError, {
  name: "AppError",
  description: "An expected failure. Branch on `code`; `field` names the input at fault.",
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (error) => error.code }),
    message: t.exposeString("message"),
    field: t.exposeString("field", { nullable: true }),
    retryAfterSeconds: t.exposeInt("retryAfterSeconds", { nullable: true }),
  }),
});
