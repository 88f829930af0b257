import { lexicographicSortSchema, printSchema } from "graphql";
import { builder } from "./builder.js";
// Each domain adds its types and fields to the builder when imported.
import "./modules/accounts/schema.js";
import "./modules/areas/schema.js";
import "./modules/residents/schema.js";
import "./modules/roles/schema.js";
import "./modules/organisation/schema.js";
import "./modules/notifications/schema.js";
import "./modules/audit/schema.js";
import "./modules/attachments/schema.js";
import "./modules/topics/schema.js";
import "./modules/meetings/schema.js";
import "./modules/proposals/schema.js";
import "./modules/voting/schema.js";
import "./modules/suggestions/schema.js";
import "./modules/receptions/schema.js";

export const schema = builder.toSchema();

/** The SDL the web client's typed documents are checked against. */
export function printSchemaSDL(): string {
  return printSchema(lexicographicSortSchema(schema));
}
