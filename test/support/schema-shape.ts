// A database schema as a flat list of named objects with a few string properties each, so the
// schema that prisma/schema.prisma describes and the one the migrations built can be compared
// object by object and any difference printed in a line a person can act on.

export interface ShapeObject {
  /** Unique and readable: `column "Account"."phone"`, `index "Topic_createdAt_idx"`. */
  key: string;
  /** The table the object belongs to, so that a missing table is reported once, not per column. */
  table?: string;
  props: Record<string, string>;
}

export type SchemaShape = Map<string, ShapeObject>;

export interface SchemaDifference {
  object: string;
  /** missing: schema.prisma describes it, the database lacks it; unexpected: the reverse. */
  kind: "missing" | "unexpected" | "different";
  /** For "different": the property that differs. */
  property?: string;
  database?: string;
  schema?: string;
}

export function shapeOf(objects: Iterable<ShapeObject>): SchemaShape {
  const shape: SchemaShape = new Map();
  for (const object of objects) {
    if (shape.has(object.key)) throw new Error(`${object.key} is described twice`);
    shape.set(object.key, object);
  }
  return shape;
}

export const tableKey = (table: string): string => `table ${quote(table)}`;

export function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

export function columnList(columns: readonly string[]): string {
  return `(${columns.join(", ")})`;
}

function describe(object: ShapeObject): string {
  return Object.entries(object.props)
    .map(([name, value]) => `${name}: ${value}`)
    .join("; ");
}

/** Differences of `database` from `schema`, sorted by object. */
export function compareShapes(database: SchemaShape, schema: SchemaShape): SchemaDifference[] {
  const differences: SchemaDifference[] = [];
  for (const [key, expected] of schema) {
    const actual = database.get(key);
    if (!actual) {
      differences.push({ object: key, kind: "missing", schema: describe(expected) });
      continue;
    }
    const names = new Set([...Object.keys(expected.props), ...Object.keys(actual.props)]);
    for (const name of names) {
      const want = expected.props[name] ?? "(not set)";
      const got = actual.props[name] ?? "(not set)";
      if (want !== got)
        differences.push({ object: key, kind: "different", property: name, database: got, schema: want });
    }
  }
  for (const [key, actual] of database) {
    if (!schema.has(key)) differences.push({ object: key, kind: "unexpected", database: describe(actual) });
  }
  // A table missing on one side would otherwise also report each of its columns, indexes, keys.
  const wholeTables = new Set(
    differences
      .filter((d) => d.kind !== "different" && d.object.startsWith("table "))
      .map((d) => (schema.get(d.object) ?? database.get(d.object))?.table),
  );
  return differences
    .filter((d) => {
      if (d.object.startsWith("table ") || d.kind === "different") return true;
      const owner = (d.kind === "missing" ? schema.get(d.object) : database.get(d.object))?.table;
      return owner === undefined || !wholeTables.has(owner);
    })
    .sort((a, b) => a.object.localeCompare(b.object) || (a.property ?? "").localeCompare(b.property ?? ""));
}

export interface Labels {
  /** What the "database" side is, e.g. "the database". */
  database: string;
  /** What the "schema" side is, e.g. "schema.prisma". */
  schema: string;
}

const DEFAULT_LABELS: Labels = { database: "the database", schema: "schema.prisma" };

export function formatDifference(d: SchemaDifference, labels: Labels = DEFAULT_LABELS): string {
  switch (d.kind) {
    case "missing":
      return `- ${d.object}: in ${labels.schema} (${d.schema}), missing from ${labels.database}`;
    case "unexpected":
      return `+ ${d.object}: in ${labels.database} (${d.database}), not in ${labels.schema}`;
    case "different":
      return `~ ${d.object}: ${d.property} is ${d.database} in ${labels.database}, ${d.schema} in ${labels.schema}`;
  }
}

export function formatDifferences(differences: SchemaDifference[], labels: Labels = DEFAULT_LABELS): string {
  if (differences.length === 0) return `${labels.database} matches ${labels.schema}`;
  return [
    `${labels.database} differs from ${labels.schema} in ${differences.length} place(s):`,
    ...differences.map((d) => `  ${formatDifference(d, labels)}`),
  ].join("\n");
}
