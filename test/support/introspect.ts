// Reads what a database (PostgreSQL or PGlite) actually contains in its current schema from
// pg_catalog, in the same shape expectedShape() builds from schema.prisma.
import { normaliseDbDefault } from "./expected-schema.js";
import { columnList, quote, type SchemaShape, type ShapeObject, shapeOf, tableKey } from "./schema-shape.js";

/** The one method both pg.Pool and the app's SqlRunner have. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/** Prisma Migrate's bookkeeping, not part of the described schema. */
const IGNORED_TABLES = new Set(["_prisma_migrations"]);

const RELKINDS: Record<string, string> = {
  r: "table",
  p: "partitioned table",
  v: "view",
  m: "materialized view",
  f: "foreign table",
};
const ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

// Names come back as JSON so that pg and PGlite hand over the same JavaScript values.
const TABLES = `
SELECT c.relname AS name, c.relkind AS kind
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`;

const COLUMNS = `
SELECT c.relname AS table_name, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_expr,
       a.attidentity AS identity, a.attgenerated AS generated
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`;

const CONSTRAINTS = `
SELECT con.conname AS name, con.contype AS type, c.relname AS table_name,
       to_json(ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)) AS columns,
       rc.relname AS ref_table,
       to_json(ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)) AS ref_columns,
       con.confdeltype AS on_delete, con.confupdtype AS on_update, con.confmatchtype AS match_type,
       pg_get_constraintdef(con.oid) AS definition
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class rc ON rc.oid = con.confrelid
WHERE n.nspname = current_schema() AND con.contype IN ('p', 'u', 'f', 'c', 'x', 't')`;

const INDEXES = `
SELECT i.relname AS name, t.relname AS table_name, x.indisunique AS is_unique, x.indisprimary AS is_primary,
       am.amname AS method, pg_get_expr(x.indpred, x.indrelid) AS predicate,
       to_json(ARRAY(
         SELECT CASE WHEN k.attnum = 0 THEN pg_get_indexdef(x.indexrelid, k.ord::int, true) ELSE '"' || replace(a.attname, '"', '""') || '"' END
                || CASE WHEN k.ord <= x.indnkeyatts AND (x.indoption[k.ord - 1] & 1) = 1 THEN ' DESC' ELSE '' END
                || CASE WHEN k.ord > x.indnkeyatts THEN ' (INCLUDE)' ELSE '' END
         FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
         LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
         ORDER BY k.ord)) AS columns,
       EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = x.indexrelid AND con.contype IN ('p', 'u', 'x')) AS backs_constraint
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_am am ON am.oid = i.relam
WHERE n.nspname = current_schema()`;

const TYPES = `
SELECT t.typname AS name, t.typtype AS type,
       to_json(ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)) AS labels
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = current_schema()
  AND (t.typtype IN ('e', 'd', 'r', 'm')
       OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))`;

const SEQUENCES = `
SELECT s.relname AS name, format_type(seq.seqtypid, NULL) AS type, t.relname AS owner_table, a.attname AS owner_column
FROM pg_class s
JOIN pg_namespace n ON n.oid = s.relnamespace
JOIN pg_sequence seq ON seq.seqrelid = s.oid
LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid
  AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
LEFT JOIN pg_class t ON t.oid = d.refobjid
LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
WHERE n.nspname = current_schema() AND s.relkind = 'S'`;

const TRIGGERS = `
SELECT tg.tgname AS name, c.relname AS table_name, tg.tgtype::int AS type, p.proname AS function_name,
       tg.tgenabled AS enabled
FROM pg_trigger tg
JOIN pg_class c ON c.oid = tg.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_proc p ON p.oid = tg.tgfoid
WHERE n.nspname = current_schema() AND NOT tg.tgisinternal`;

const FUNCTIONS = `
SELECT p.proname AS name, pg_get_function_identity_arguments(p.oid) AS args,
       format_type(p.prorettype, NULL) AS returns, l.lanname AS language, p.prokind AS kind
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE n.nspname = current_schema()
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`;

const EXTENSIONS = `SELECT extname AS name FROM pg_extension WHERE extname <> 'plpgsql'`;

type Row = Record<string, unknown>;
const str = (v: unknown): string => String(v);
const list = (v: unknown): string[] => (typeof v === "string" ? JSON.parse(v) : v) as string[];

/** Trigger description from pg_trigger.tgtype's bits. */
export function describeTrigger(tgtype: number): string {
  const timing = tgtype & 64 ? "INSTEAD OF" : tgtype & 2 ? "BEFORE" : "AFTER";
  const events = [
    [4, "INSERT"],
    [16, "UPDATE"],
    [8, "DELETE"],
    [32, "TRUNCATE"],
  ]
    .filter(([bit]) => tgtype & (bit as number))
    .map(([, name]) => name);
  return `${timing} ${events.join(" OR ")} FOR EACH ${tgtype & 1 ? "ROW" : "STATEMENT"}`;
}

export async function introspect(db: Queryable): Promise<SchemaShape> {
  const [tables, columns, constraints, indexes, types, sequences, triggers, functions, extensions] = await Promise.all(
    [TABLES, COLUMNS, CONSTRAINTS, INDEXES, TYPES, SEQUENCES, TRIGGERS, FUNCTIONS, EXTENSIONS].map((sql) =>
      db.query<Row>(sql),
    ),
  );
  const ignored = (table: unknown) => IGNORED_TABLES.has(str(table));
  const objects: ShapeObject[] = [];

  for (const t of tables as Row[]) {
    if (ignored(t.name)) continue;
    const kind = RELKINDS[str(t.kind)] ?? str(t.kind);
    objects.push({
      key: kind.endsWith("table") ? tableKey(str(t.name)) : `${kind} ${quote(str(t.name))}`,
      table: str(t.name),
      props: { kind },
    });
  }

  for (const c of columns as Row[]) {
    if (ignored(c.table_name)) continue;
    const props: Record<string, string> = {
      // format_type quotes mixed-case enum names; schema.prisma's side names them bare.
      type: str(c.type).replaceAll('"', ""),
      nullable: c.not_null ? "NOT NULL" : "NULL",
      default: normaliseDbDefault((c.default_expr as string | null) ?? null),
    };
    if (c.identity) props.identity = c.identity === "a" ? "GENERATED ALWAYS" : "GENERATED BY DEFAULT";
    if (c.generated) props.generated = "STORED";
    objects.push({ key: `column ${quote(str(c.table_name))}.${quote(str(c.name))}`, table: str(c.table_name), props });
  }

  for (const c of constraints as Row[]) {
    if (ignored(c.table_name)) continue;
    const table = str(c.table_name);
    const name = quote(str(c.name));
    switch (c.type) {
      case "p":
        objects.push({
          key: `primary key ${name}`,
          table,
          props: { table, columns: columnList(list(c.columns).map(quote)) },
        });
        break;
      case "f":
        objects.push({
          key: `foreign key ${name}`,
          table,
          props: {
            table,
            columns: columnList(list(c.columns).map(quote)),
            references: `${quote(str(c.ref_table))}${columnList(list(c.ref_columns).map(quote))}`,
            onDelete: ACTIONS[str(c.on_delete)] ?? str(c.on_delete),
            onUpdate: ACTIONS[str(c.on_update)] ?? str(c.on_update),
            ...(c.match_type === "f" ? { match: "FULL" } : {}),
          },
        });
        break;
      case "u":
        // Reported with the index that backs it ("via: constraint").
        break;
      default: {
        const kind = c.type === "c" ? "check" : c.type === "x" ? "exclusion constraint" : "constraint trigger";
        objects.push({ key: `${kind} ${name} on ${quote(table)}`, table, props: { definition: str(c.definition) } });
      }
    }
  }

  for (const i of indexes as Row[]) {
    if (ignored(i.table_name) || i.is_primary) continue;
    const table = str(i.table_name);
    const props: Record<string, string> = {
      table,
      unique: i.is_unique ? "unique" : "not unique",
      columns: columnList(list(i.columns)),
      method: str(i.method),
    };
    if (i.is_unique) props.via = i.backs_constraint ? "constraint" : "index";
    if (i.predicate) props.where = str(i.predicate);
    objects.push({ key: `index ${quote(str(i.name))}`, table, props });
  }

  for (const t of types as Row[]) {
    if (t.type === "e") {
      objects.push({ key: `enum ${quote(str(t.name))}`, props: { values: list(t.labels).join(", ") } });
    } else if (!str(t.name).startsWith("_")) {
      objects.push({ key: `type ${quote(str(t.name))}`, props: { kind: str(t.type) } });
    }
  }

  for (const s of sequences as Row[]) {
    if (s.owner_table !== null && s.owner_table !== undefined) {
      if (ignored(s.owner_table)) continue;
      objects.push({
        key: `sequence for ${quote(str(s.owner_table))}.${quote(str(s.owner_column))}`,
        table: str(s.owner_table),
        props: { type: str(s.type) },
      });
    } else {
      objects.push({ key: `sequence ${quote(str(s.name))}`, props: { type: str(s.type), owner: "none" } });
    }
  }

  for (const t of triggers as Row[]) {
    if (ignored(t.table_name)) continue;
    const props: Record<string, string> = { fires: describeTrigger(Number(t.type)), function: str(t.function_name) };
    if (t.enabled === "D") props.enabled = "disabled";
    objects.push({
      key: `trigger ${quote(str(t.name))} on ${quote(str(t.table_name))}`,
      table: str(t.table_name),
      props,
    });
  }

  for (const f of functions as Row[]) {
    objects.push({
      key: `function ${quote(str(f.name))}(${str(f.args)})`,
      props: { returns: str(f.returns), language: str(f.language) },
    });
  }

  for (const e of extensions as Row[]) objects.push({ key: `extension ${quote(str(e.name))}`, props: {} });

  return shapeOf(objects);
}
