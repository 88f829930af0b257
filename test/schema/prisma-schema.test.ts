// The schema check rests on test/support's own reading of schema.prisma. These tests hold that
// reading to Prisma's (the generated getDatamodel()), pin down the rules it follows, and check
// that the migrations' snapshot describes the same database as schema.prisma.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getDatamodel } from "../../server/src/generated/pothos-prisma-types.js";
import { expectedShape, normaliseDbDefault, UnsupportedSchemaFeature } from "../support/expected-schema.js";
import {
  type Attribute,
  attribute,
  fieldRefs,
  type ParsedSchema,
  parsePrismaSchema,
  stringArg,
} from "../support/prisma-schema.js";
import { SCHEMA_PATH, SNAPSHOT_PATH } from "../support/schema-check.js";
import { compareShapes, formatDifferences } from "../support/schema-shape.js";

/** The parts of Prisma's DMMF that getDatamodel() carries, as this parser sees them. */
function dmmfLike(schema: ParsedSchema) {
  const modelNames = new Set(schema.models.map((m) => m.name));
  const enumNames = new Set(schema.enums.map((e) => e.name));
  const names = (attr: Attribute | undefined) =>
    fieldRefs(attr?.args.find((a) => a.name === "fields" || !a.name)?.value).map((r) => r.name);
  return Object.fromEntries(
    schema.models.map((model) => {
      const id = attribute(model.attributes, "id");
      return [
        model.name,
        {
          fields: model.fields.map((f) => {
            const relation = attribute(f.attributes, "relation");
            const isObject = modelNames.has(f.type);
            return {
              type: f.type,
              kind: isObject ? "object" : enumNames.has(f.type) ? "enum" : "scalar",
              name: f.name,
              isRequired: !f.optional,
              isList: f.list,
              hasDefaultValue: attribute(f.attributes, "default") !== undefined,
              isUnique: attribute(f.attributes, "unique") !== undefined,
              isId: attribute(f.attributes, "id") !== undefined,
              isUpdatedAt: attribute(f.attributes, "updatedAt") !== undefined,
              ...(isObject
                ? {
                    // Prisma names an unnamed relation after its two models, in alphabetical order.
                    relationName: stringArg(relation, "name", 0) ?? [model.name, f.type].sort().join("To"),
                    relationFromFields: fieldRefs(relation?.args.find((a) => a.name === "fields")?.value).map(
                      (r) => r.name,
                    ),
                  }
                : {}),
            };
          }),
          primaryKey: id ? { name: stringArg(id, "name") ?? null, fields: names(id) } : null,
          uniqueIndexes: model.attributes
            .filter((a) => a.name === "unique")
            .map((a) => ({ name: stringArg(a, "name") ?? null, fields: names(a) })),
        },
      ];
    }),
  );
}

describe("reading prisma/schema.prisma", () => {
  const schema = parsePrismaSchema(readFileSync(SCHEMA_PATH, "utf8"));

  it("agrees with Prisma's own parse (the generated getDatamodel) on models, fields and keys", () => {
    // JSON round trip: getDatamodel's objects carry no undefined members, neither may ours.
    expect(JSON.parse(JSON.stringify(dmmfLike(schema)))).toEqual(getDatamodel().datamodel.models);
  });

  it("describes the database the last migration left (prisma/migrations/schema.snapshot.prisma)", () => {
    // new-migration.mjs diffs the snapshot against schema.prisma; a hand-written migration that
    // did not update the snapshot would be generated a second time.
    const differences = compareShapes(
      expectedShape(parsePrismaSchema(readFileSync(SNAPSHOT_PATH, "utf8"))),
      expectedShape(schema),
    );
    expect(formatDifferences(differences, { database: "schema.snapshot.prisma", schema: "schema.prisma" })).toBe(
      "schema.snapshot.prisma matches schema.prisma",
    );
  });
});

describe("the schema check's reading of Prisma's rules", () => {
  const shape = (text: string) =>
    expectedShape(parsePrismaSchema(`datasource db {\n  provider = "postgresql"\n}\n${text}`));

  it("maps names, native types, defaults and keys as Prisma Migrate writes them", () => {
    const s = shape(`
      enum Colour {
        RED   @map("red")
        GREEN
        @@map("colour")
      }
      model Thing {
        id      BigInt   @id @default(autoincrement())
        code    String   @unique(map: "thing_code") @db.VarChar(20) // a "comment" with @attributes
        colour  Colour   @default(RED)
        price   Decimal? @db.Decimal(10, 2)
        ratio   Float    @default(-1.5)
        at      DateTime @default(now()) @map("created_at") @db.Timestamptz
        tags    String[]
        label   String   @default("it's")
        ownerId Int?
        owner   Owner?   @relation(fields: [ownerId], references: [key])

        @@index([colour, at(sort: Desc)])
        @@index([label], type: Hash)
        @@map("things")
      }
      model Owner {
        key    Int     @id @map("owner_key")
        things Thing[]
        @@unique([key], name: "byKey", map: "owner_by_key")
      }`);
    const props = (key: string) => s.get(key)?.props;
    expect(props('enum "colour"')).toEqual({ values: "red, GREEN" });
    expect(props('column "things"."id"')).toEqual({ type: "bigint", nullable: "NOT NULL", default: "autoincrement" });
    expect(props('sequence for "things"."id"')).toEqual({ type: "bigint" });
    expect(props('column "things"."code"')).toEqual({
      type: "character varying(20)",
      nullable: "NOT NULL",
      default: "none",
    });
    expect(props('column "things"."colour"')).toEqual({ type: "colour", nullable: "NOT NULL", default: "red" });
    expect(props('column "things"."price"')).toEqual({ type: "numeric(10,2)", nullable: "NULL", default: "none" });
    expect(props('column "things"."ratio"')?.default).toBe("-1.5");
    expect(props('column "things"."created_at"')).toEqual({
      type: "timestamp with time zone",
      nullable: "NOT NULL",
      default: "now()",
    });
    expect(props('column "things"."tags"')).toEqual({ type: "text[]", nullable: "NULL", default: "none" });
    expect(props('column "things"."label"')?.default).toBe("it's");
    expect(props('primary key "things_pkey"')).toEqual({ table: "things", columns: '("id")' });
    expect(props('index "thing_code"')?.columns).toBe('("code")');
    // Default names use column names, not field names.
    expect(props('index "things_colour_created_at_idx"')).toEqual({
      table: "things",
      unique: "not unique",
      columns: '("colour", "created_at" DESC)',
      method: "btree",
    });
    expect(props('index "things_label_idx"')?.method).toBe("hash");
    expect(props('index "owner_by_key"')?.unique).toBe("unique");
    expect(props('foreign key "things_ownerId_fkey"')).toEqual({
      table: "things",
      columns: '("ownerId")',
      references: '"Owner"("owner_key")',
      onDelete: "SET NULL",
      onUpdate: "CASCADE",
    });
  });

  it("shortens default names to PostgreSQL's 63 bytes, keeping the suffix", () => {
    const s = shape(`
      model AVeryLongModelNameForTestingIdentifierTruncation {
        id                             Int @id
        anotherRatherLongColumnName    Int
        @@index([anotherRatherLongColumnName])
      }`);
    const index = [...s.keys()].find((k) => k.startsWith("index "));
    expect(index).toBe('index "AVeryLongModelNameForTestingIdentifierTruncation_anotherRat_idx"');
    expect(index?.length).toBe('index ""'.length + 63);
  });

  it("refuses what it does not know rather than guessing", () => {
    expect(() => shape("model A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id Int @id\n  as A[]\n}")).toThrow(
      UnsupportedSchemaFeature,
    );
    expect(() => shape('model A {\n  id Int @id @db.Geometry("x")\n}')).toThrow(UnsupportedSchemaFeature);
    expect(() => shape("model A {\n  id Int @id\n  @@fulltext([id])\n}")).toThrow(UnsupportedSchemaFeature);
  });

  it("normalises column defaults the way PostgreSQL prints them", () => {
    expect(normaliseDbDefault(null)).toBe("none");
    expect(normaliseDbDefault(`nextval('"Area_id_seq"'::regclass)`)).toBe("autoincrement");
    expect(normaliseDbDefault("CURRENT_TIMESTAMP")).toBe("now()");
    expect(normaliseDbDefault(`'PENDING'::"MembershipStatus"`)).toBe("PENDING");
    expect(normaliseDbDefault("'-1'::integer")).toBe("-1");
    expect(normaliseDbDefault("'it''s'::text")).toBe("it's");
    expect(normaliseDbDefault("'{}'::jsonb")).toBe("{}");
    expect(normaliseDbDefault("'x'::character varying(20)")).toBe("x");
    expect(normaliseDbDefault("false")).toBe("false");
  });
});
