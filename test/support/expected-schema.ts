// What PostgreSQL should contain for a Prisma schema, following the rules Prisma Migrate uses to
// write SQL for the postgresql provider (type mapping, default constraint names, referential
// actions). Objects Prisma does not model (triggers, functions, checks) are passed in as extras.
import {
  type Attribute,
  arg,
  attribute,
  fieldRefs,
  type ParsedEnum,
  type ParsedField,
  type ParsedModel,
  type ParsedSchema,
  stringArg,
  type Value,
} from "./prisma-schema.js";
import { columnList, quote, type SchemaShape, type ShapeObject, shapeOf, tableKey } from "./schema-shape.js";

export class UnsupportedSchemaFeature extends Error {
  constructor(what: string) {
    super(`${what} is not understood by the schema check yet: extend test/support/expected-schema.ts`);
  }
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Boolean: "boolean",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

/** @db.* native types as PostgreSQL's format_type() prints them. */
function nativeType(attr: Attribute): string {
  const name = attr.name.slice("db.".length);
  const nums = attr.args.map((a) => (a.value.kind === "number" ? a.value.value : undefined));
  if (nums.some((n) => n === undefined)) throw new UnsupportedSchemaFeature(`@${attr.name} with non-numeric arguments`);
  const [p, s] = nums as string[];
  const precision = (base: string, suffix = "") => (p === undefined ? `${base}${suffix}` : `${base}(${p})${suffix}`);
  switch (name) {
    case "Text":
      return "text";
    case "VarChar":
      return precision("character varying");
    case "Char":
      return precision("character");
    case "Uuid":
      return "uuid";
    case "Xml":
      return "xml";
    case "Inet":
      return "inet";
    case "Citext":
      return "citext";
    case "Bit":
      return precision("bit");
    case "VarBit":
      return precision("bit varying");
    case "Boolean":
      return "boolean";
    case "Integer":
      return "integer";
    case "SmallInt":
      return "smallint";
    case "BigInt":
      return "bigint";
    case "Oid":
      return "oid";
    case "Real":
      return "real";
    case "DoublePrecision":
      return "double precision";
    case "Decimal":
      return p === undefined ? "numeric" : `numeric(${p},${s ?? "0"})`;
    case "Money":
      return "money";
    case "Timestamp":
      return precision("timestamp", " without time zone");
    case "Timestamptz":
      return precision("timestamp", " with time zone");
    case "Time":
      return precision("time", " without time zone");
    case "Timetz":
      return precision("time", " with time zone");
    case "Date":
      return "date";
    case "Json":
      return "json";
    case "JsonB":
      return "jsonb";
    case "ByteA":
      return "bytea";
    default:
      throw new UnsupportedSchemaFeature(`@${attr.name}`);
  }
}

// PostgreSQL keeps 63 bytes of an identifier. Prisma shortens its default names to fit, keeping
// the suffix (psl's ConstraintNames).
const MAX_IDENTIFIER = 63;
function defaultName(table: string, columns: string[], suffix: string): string {
  const base = columns.length ? `${table}_${columns.join("_")}` : table;
  const room = MAX_IDENTIFIER - suffix.length - 1;
  return `${base.length > room ? base.slice(0, room) : base}_${suffix}`;
}

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

const INDEX_TYPES: Record<string, string> = {
  BTree: "btree",
  Hash: "hash",
  Gist: "gist",
  Gin: "gin",
  SpGist: "spgist",
  Brin: "brin",
};

interface ModelInfo {
  model: ParsedModel;
  table: string;
  columnOf: Map<string, string>;
}

export interface ExpectedSchemaOptions {
  /** Objects that only the migration SQL makes (triggers, their functions, checks). */
  extras?: ShapeObject[];
}

export function expectedShape(schema: ParsedSchema, options: ExpectedSchemaOptions = {}): SchemaShape {
  if (schema.datasource.provider?.kind !== "string" || schema.datasource.provider.value !== "postgresql") {
    throw new UnsupportedSchemaFeature("a datasource whose provider is not postgresql");
  }
  for (const key of ["relationMode", "extensions", "schemas"]) {
    if (schema.datasource[key]) throw new UnsupportedSchemaFeature(`datasource ${key}`);
  }
  const enums = new Map<string, ParsedEnum>(schema.enums.map((e) => [e.name, e]));
  const models = new Map<string, ModelInfo>();
  for (const model of schema.models) {
    const columnOf = new Map<string, string>();
    for (const field of model.fields)
      columnOf.set(field.name, stringArg(attribute(field.attributes, "map"), "name", 0) ?? field.name);
    models.set(model.name, {
      model,
      table: stringArg(attribute(model.attributes, "map"), "name", 0) ?? model.name,
      columnOf,
    });
  }
  const enumDbName = (e: ParsedEnum) => stringArg(attribute(e.attributes, "map"), "name", 0) ?? e.name;
  const enumValueDbName = (v: ParsedEnum["values"][number]) =>
    stringArg(attribute(v.attributes, "map"), "name", 0) ?? v.name;

  const objects: ShapeObject[] = [];

  for (const e of schema.enums) {
    objects.push({ key: `enum ${quote(enumDbName(e))}`, props: { values: e.values.map(enumValueDbName).join(", ") } });
  }

  for (const { model, table, columnOf } of models.values()) {
    const column = (field: string) => {
      const name = columnOf.get(field);
      if (name === undefined) throw new Error(`${model.name} has no field ${field}`);
      return name;
    };
    // Index column lists as printed by the introspection: "a", "b" DESC.
    const indexColumns = (refs: ReturnType<typeof fieldRefs>) =>
      columnList(
        refs.map((ref) => {
          for (const a of ref.args) {
            if (a.name !== "sort")
              throw new UnsupportedSchemaFeature(`index field argument ${a.name ?? "(positional)"}`);
          }
          const sort = ref.args.find((a) => a.name === "sort")?.value;
          const desc = sort?.kind === "name" && sort.name === "Desc";
          return `${quote(column(ref.name))}${desc ? " DESC" : ""}`;
        }),
      );

    objects.push({ key: tableKey(table), table, props: { kind: "table" } });

    for (const field of model.fields) {
      if (models.has(field.type)) {
        checkRelation(field, model, models);
        continue;
      }
      const col = column(field.name);
      const enumType = enums.get(field.type);
      let type: string;
      if (enumType) {
        type = enumDbName(enumType);
      } else if (field.type === "Unsupported") {
        const raw = field.typeArgs?.[0]?.value;
        if (raw?.kind !== "string") throw new UnsupportedSchemaFeature(`${model.name}.${field.name}: Unsupported(…)`);
        type = raw.value;
      } else {
        const base = SCALAR_TYPES[field.type];
        if (base === undefined) throw new UnsupportedSchemaFeature(`${model.name}.${field.name}: type ${field.type}`);
        const native = field.attributes.find((a) => a.name.startsWith("db."));
        type = native ? nativeType(native) : base;
      }
      if (field.list) type = `${type}[]`;
      const dflt = expectedDefault(model, field, enumType);
      objects.push({
        key: `column ${quote(table)}.${quote(col)}`,
        table,
        props: {
          type,
          // Prisma writes scalar lists without NOT NULL.
          nullable: field.optional || field.list ? "NULL" : "NOT NULL",
          default: dflt,
        },
      });
      if (dflt === "autoincrement") {
        objects.push({
          key: `sequence for ${quote(table)}.${quote(col)}`,
          table,
          props: { type: type === "bigint" ? "bigint" : type === "smallint" ? "smallint" : "integer" },
        });
      }
      // Field-level @id and @unique.
      const id = attribute(field.attributes, "id");
      if (id) {
        const name = stringArg(id, "map") ?? defaultName(table, [], "pkey");
        objects.push({ key: `primary key ${quote(name)}`, table, props: { table, columns: columnList([quote(col)]) } });
      }
      const unique = attribute(field.attributes, "unique");
      if (unique) {
        const name = stringArg(unique, "map") ?? defaultName(table, [col], "key");
        objects.push({
          key: `index ${quote(name)}`,
          table,
          props: { table, unique: "unique", columns: columnList([quote(col)]), method: "btree", via: "index" },
        });
      }
    }

    for (const attr of model.attributes) {
      if (attr.name === "map") continue;
      const refs = fieldRefs(arg(attr, "fields", 0));
      const cols = refs.map((r) => column(r.name));
      switch (attr.name) {
        case "id": {
          const name = stringArg(attr, "map") ?? defaultName(table, [], "pkey");
          objects.push({ key: `primary key ${quote(name)}`, table, props: { table, columns: indexColumns(refs) } });
          break;
        }
        case "unique": {
          const name = stringArg(attr, "map") ?? defaultName(table, cols, "key");
          objects.push({
            key: `index ${quote(name)}`,
            table,
            props: { table, unique: "unique", columns: indexColumns(refs), method: "btree", via: "index" },
          });
          break;
        }
        case "index": {
          for (const a of attr.args) {
            if (a.name !== undefined && !["fields", "map", "name", "type"].includes(a.name)) {
              throw new UnsupportedSchemaFeature(`@@index(${a.name}: …)`);
            }
          }
          const typeArg = arg(attr, "type");
          const method = typeArg?.kind === "name" ? INDEX_TYPES[typeArg.name] : "btree";
          if (method === undefined) throw new UnsupportedSchemaFeature(`@@index type ${JSON.stringify(typeArg)}`);
          const name = stringArg(attr, "map") ?? stringArg(attr, "name") ?? defaultName(table, cols, "idx");
          objects.push({
            key: `index ${quote(name)}`,
            table,
            props: { table, unique: "not unique", columns: indexColumns(refs), method },
          });
          break;
        }
        default:
          throw new UnsupportedSchemaFeature(`@@${attr.name}`);
      }
    }

    // Foreign keys live on the side of a relation that names `fields`.
    for (const field of model.fields) {
      const relation = attribute(field.attributes, "relation");
      const fromFields = fieldRefs(arg(relation, "fields"));
      if (!relation || fromFields.length === 0) continue;
      const target = models.get(field.type) as ModelInfo;
      const toFields = fieldRefs(arg(relation, "references"));
      const cols = fromFields.map((r) => column(r.name));
      const anyOptional = fromFields.some((r) => model.fields.find((f) => f.name === r.name)?.optional);
      const action = (value: Value | undefined, fallback: string) => {
        if (value === undefined) return fallback;
        const sql = value.kind === "name" ? REFERENTIAL_ACTIONS[value.name] : undefined;
        if (sql === undefined) throw new UnsupportedSchemaFeature(`referential action ${JSON.stringify(value)}`);
        return sql;
      };
      const name = stringArg(relation, "map") ?? defaultName(table, cols, "fkey");
      objects.push({
        key: `foreign key ${quote(name)}`,
        table,
        props: {
          table,
          columns: columnList(cols.map(quote)),
          references: `${quote(target.table)}${columnList(toFields.map((r) => quote(target.columnOf.get(r.name) ?? r.name)))}`,
          // Prisma's defaults: SetNull when the relation is optional, Restrict when required.
          onDelete: action(arg(relation, "onDelete"), anyOptional ? "SET NULL" : "RESTRICT"),
          onUpdate: action(arg(relation, "onUpdate"), "CASCADE"),
        },
      });
    }
  }

  objects.push(...(options.extras ?? []));
  return shapeOf(objects);
}

/** Implicit many-to-many relations make hidden join tables this check does not describe. */
function checkRelation(field: ParsedField, model: ParsedModel, models: Map<string, ModelInfo>): void {
  if (!field.list) return;
  const relationName = stringArg(attribute(field.attributes, "relation"), "name", 0);
  const target = models.get(field.type) as ModelInfo;
  const opposite = target.model.fields.filter(
    (f) =>
      f.type === model.name &&
      f !== field &&
      stringArg(attribute(f.attributes, "relation"), "name", 0) === relationName,
  );
  if (opposite.length > 0 && opposite.every((f) => f.list)) {
    throw new UnsupportedSchemaFeature(`the implicit many-to-many relation ${model.name}.${field.name}`);
  }
}

/** The column default as introspection normalises it (see normaliseDbDefault). */
function expectedDefault(model: ParsedModel, field: ParsedField, enumType: ParsedEnum | undefined): string {
  const attr = attribute(field.attributes, "default");
  if (!attr) return "none";
  const where = `${model.name}.${field.name} @default`;
  const value = arg(attr, "value", 0);
  if (value === undefined) throw new UnsupportedSchemaFeature(`${where} without a value`);
  switch (value.kind) {
    case "number":
      if (!["Int", "BigInt", "Float", "Decimal"].includes(field.type)) throw new UnsupportedSchemaFeature(where);
      return value.value;
    case "string":
      // Dates and bytes are printed differently by PostgreSQL than written in Prisma.
      if (!["String", "Json"].includes(field.type)) throw new UnsupportedSchemaFeature(`${where} on ${field.type}`);
      return value.value;
    case "array":
      throw new UnsupportedSchemaFeature(`${where} with a list`);
    case "name": {
      if (value.args === undefined) {
        if (enumType) {
          const v = enumType.values.find((ev) => ev.name === value.name);
          if (!v) throw new Error(`${where}: ${value.name} is not a value of ${enumType.name}`);
          return stringArg(attribute(v.attributes, "map"), "name", 0) ?? v.name;
        }
        if (value.name === "true" || value.name === "false") return value.name;
        throw new UnsupportedSchemaFeature(`${where}(${value.name})`);
      }
      switch (value.name) {
        case "autoincrement":
          return "autoincrement";
        case "now":
          return "now()";
        // Made by Prisma's client, not by the database.
        case "uuid":
        case "cuid":
        case "ulid":
        case "nanoid":
          return "none";
        case "dbgenerated": {
          const expr = value.args[0]?.value;
          if (expr?.kind !== "string") throw new UnsupportedSchemaFeature(`${where}(dbgenerated())`);
          return normaliseDbDefault(expr.value);
        }
        default:
          throw new UnsupportedSchemaFeature(`${where}(${value.name}())`);
      }
    }
  }
}

/** Turns pg_get_expr() of a column default into the form expectedDefault() gives. */
export function normaliseDbDefault(expr: string | null): string {
  if (expr === null) return "none";
  let e = expr.trim();
  if (/^nextval\('.+'::regclass\)$/.test(e)) return "autoincrement";
  if (e === "CURRENT_TIMESTAMP" || e === "now()") return "now()";
  // Drop casts and parentheses PostgreSQL adds: '-1'::integer, 'PENDING'::"MembershipStatus".
  for (;;) {
    const cast = /^(.*)::(?:"[^"]+"|[a-z_][a-z0-9_ ]*(?:\([0-9, ]+\))?(?: with(?:out)? time zone)?)(?:\[\])?$/s.exec(e);
    const parens = /^\((.*)\)$/s.exec(e);
    if (cast) e = cast[1] as string;
    else if (parens) e = parens[1] as string;
    else break;
  }
  const literal = /^'(.*)'$/s.exec(e);
  return literal ? (literal[1] as string).replaceAll("''", "'") : e;
}
