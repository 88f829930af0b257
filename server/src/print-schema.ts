import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { printSchemaSDL } from "./schema.js";

// Writes server/schema.graphql: the contract the web client's typed documents are generated from.
const target = resolve(import.meta.dirname, "../schema.graphql");
writeFileSync(target, `${printSchemaSDL()}\n`);
console.log(`wrote ${target}`);
