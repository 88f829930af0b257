// A small parser of the Prisma schema language: models, enums and their attributes, which is what
// the schema check needs and what the generated getDatamodel() leaves out (@db.* native types,
// @default values, @map/@@map, @@index, referential actions, enum values). Prisma's own parser
// (getDMMF) needs the native engines we cannot download. parser.test checks this parser against
// getDatamodel() wherever both say something.

export type Value =
  | { kind: "string"; value: string }
  | { kind: "number"; value: string }
  | { kind: "array"; items: Value[] }
  /** A name (`Cascade`, `true`, `ZH_CN`) or a call (`now()`, `dbgenerated("…")`, `title(sort: Desc)`). */
  | { kind: "name"; name: string; args?: Arg[] };

export interface Arg {
  /** Undefined for a positional argument. */
  name?: string;
  value: Value;
}

export interface Attribute {
  /** Without the @ or @@, e.g. "default", "db.Timestamptz", "relation", "index". */
  name: string;
  args: Arg[];
}

export interface ParsedField {
  name: string;
  /** The type as written, without ? or []: "Int", "Account", "AreaKind", "Unsupported". */
  type: string;
  optional: boolean;
  list: boolean;
  attributes: Attribute[];
  /** For `Unsupported("…")`. */
  typeArgs?: Arg[];
}

export interface ParsedModel {
  name: string;
  fields: ParsedField[];
  attributes: Attribute[];
}

export interface ParsedEnum {
  name: string;
  values: { name: string; attributes: Attribute[] }[];
  attributes: Attribute[];
}

export interface ParsedSchema {
  models: ParsedModel[];
  enums: ParsedEnum[];
  /** key = value pairs of the datasource block. */
  datasource: Record<string, Value>;
}

export class PrismaSchemaSyntaxError extends Error {}

type Token =
  | { t: "word"; v: string; line: number }
  | { t: "string"; v: string; line: number }
  | { t: "number"; v: string; line: number }
  | { t: "punct"; v: string; line: number }
  | { t: "newline"; line: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === "\n") {
      tokens.push({ t: "newline", line });
      line++;
      i++;
    } else if (ch === " " || ch === "\t" || ch === "\r") {
      i++;
    } else if (ch === "/" && text[i + 1] === "/") {
      // Comments, `///` doc comments included, run to the end of the line.
      while (i < text.length && text[i] !== "\n") i++;
    } else if (ch === '"') {
      let value = "";
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === "\n") throw new PrismaSchemaSyntaxError(`line ${line}: unterminated string`);
        if (text[i] === "\\") {
          const next = text[i + 1];
          value += next === "n" ? "\n" : next === "t" ? "\t" : (next ?? "");
          i += 2;
        } else {
          value += text[i];
          i++;
        }
      }
      if (i >= text.length) throw new PrismaSchemaSyntaxError(`line ${line}: unterminated string`);
      i++;
      tokens.push({ t: "string", v: value, line });
    } else if (/[0-9-]/.test(ch) && /[0-9]/.test(ch === "-" ? (text[i + 1] ?? "") : ch)) {
      const match = /^-?[0-9]+(\.[0-9]+)?/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ t: "number", v: match[0], line });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      // Dotted words cover `db.Timestamptz`.
      const match = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ t: "word", v: match[0], line });
      i += match[0].length;
    } else if (ch === "@" && text[i + 1] === "@") {
      tokens.push({ t: "punct", v: "@@", line });
      i += 2;
    } else if ("{}()[],:?=@".includes(ch)) {
      tokens.push({ t: "punct", v: ch, line });
      i++;
    } else {
      throw new PrismaSchemaSyntaxError(`line ${line}: unexpected character ${JSON.stringify(ch)}`);
    }
  }
  tokens.push({ t: "newline", line });
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)] as Token;
  }
  private next(): Token {
    const token = this.peek();
    this.pos++;
    return token;
  }
  private fail(message: string, token = this.peek()): never {
    throw new PrismaSchemaSyntaxError(`line ${token.line}: ${message}`);
  }
  private isPunct(v: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.t === "punct" && token.v === v;
  }
  private expectPunct(v: string): void {
    if (!this.isPunct(v)) this.fail(`expected "${v}"`);
    this.pos++;
  }
  private expectWord(): string {
    const token = this.next();
    if (token.t !== "word") this.fail("expected a name", token);
    return token.v;
  }
  private skipNewlines(): void {
    while (this.peek().t === "newline" && this.pos < this.tokens.length - 1) this.pos++;
  }
  private atEnd(): boolean {
    return this.pos >= this.tokens.length - 1;
  }

  parse(): ParsedSchema {
    const schema: ParsedSchema = { models: [], enums: [], datasource: {} };
    for (;;) {
      this.skipNewlines();
      if (this.atEnd()) return schema;
      const keyword = this.expectWord();
      const name = this.expectWord();
      this.expectPunct("{");
      switch (keyword) {
        case "model":
          schema.models.push(this.model(name));
          break;
        case "enum":
          schema.enums.push(this.enumBlock(name));
          break;
        case "datasource":
          schema.datasource = this.keyValues();
          break;
        case "generator":
          this.keyValues();
          break;
        default:
          // view, type (composite types): not used here, and the check would not know their tables.
          this.fail(`"${keyword}" blocks are not supported by test/support/prisma-schema.ts`);
      }
    }
  }

  private keyValues(): Record<string, Value> {
    const values: Record<string, Value> = {};
    for (;;) {
      this.skipNewlines();
      if (this.isPunct("}")) {
        this.pos++;
        return values;
      }
      const key = this.expectWord();
      this.expectPunct("=");
      values[key] = this.value();
    }
  }

  private model(name: string): ParsedModel {
    const model: ParsedModel = { name, fields: [], attributes: [] };
    for (;;) {
      this.skipNewlines();
      if (this.isPunct("}")) {
        this.pos++;
        return model;
      }
      if (this.isPunct("@@")) {
        this.pos++;
        model.attributes.push(this.attributeBody());
        continue;
      }
      const fieldName = this.expectWord();
      const field: ParsedField = {
        name: fieldName,
        type: this.expectWord(),
        optional: false,
        list: false,
        attributes: [],
      };
      if (this.isPunct("(")) field.typeArgs = this.args();
      if (this.isPunct("[")) {
        this.pos++;
        this.expectPunct("]");
        field.list = true;
      }
      if (this.isPunct("?")) {
        this.pos++;
        field.optional = true;
      }
      while (this.isPunct("@")) {
        this.pos++;
        field.attributes.push(this.attributeBody());
      }
      if (this.peek().t !== "newline") this.fail(`unexpected ${JSON.stringify(this.peek())} after field ${fieldName}`);
      model.fields.push(field);
    }
  }

  private enumBlock(name: string): ParsedEnum {
    const parsed: ParsedEnum = { name, values: [], attributes: [] };
    for (;;) {
      this.skipNewlines();
      if (this.isPunct("}")) {
        this.pos++;
        return parsed;
      }
      if (this.isPunct("@@")) {
        this.pos++;
        parsed.attributes.push(this.attributeBody());
        continue;
      }
      const value = { name: this.expectWord(), attributes: [] as Attribute[] };
      while (this.isPunct("@")) {
        this.pos++;
        value.attributes.push(this.attributeBody());
      }
      parsed.values.push(value);
    }
  }

  private attributeBody(): Attribute {
    const name = this.expectWord();
    return { name, args: this.isPunct("(") ? this.args() : [] };
  }

  private args(): Arg[] {
    this.expectPunct("(");
    const args: Arg[] = [];
    while (!this.isPunct(")")) {
      this.skipNewlines();
      if (this.peek().t === "word" && this.isPunct(":", 1)) {
        const name = this.expectWord();
        this.pos++;
        args.push({ name, value: this.value() });
      } else {
        args.push({ value: this.value() });
      }
      this.skipNewlines();
      if (this.isPunct(",")) this.pos++;
      else if (!this.isPunct(")")) this.fail('expected "," or ")"');
    }
    this.pos++;
    return args;
  }

  private value(): Value {
    const token = this.next();
    if (token.t === "string") return { kind: "string", value: token.v };
    if (token.t === "number") return { kind: "number", value: token.v };
    if (token.t === "word") {
      return this.isPunct("(") ? { kind: "name", name: token.v, args: this.args() } : { kind: "name", name: token.v };
    }
    if (token.t === "punct" && token.v === "[") {
      const items: Value[] = [];
      for (;;) {
        this.skipNewlines();
        if (this.isPunct("]")) {
          this.pos++;
          return { kind: "array", items };
        }
        items.push(this.value());
        this.skipNewlines();
        if (this.isPunct(",")) this.pos++;
        else if (!this.isPunct("]")) this.fail('expected "," or "]"');
      }
    }
    return this.fail("expected a value", token);
  }
}

export function parsePrismaSchema(text: string): ParsedSchema {
  return new Parser(tokenize(text)).parse();
}

// ── Helpers for reading attributes ──

export function attribute(attributes: Attribute[], name: string): Attribute | undefined {
  return attributes.find((a) => a.name === name);
}

/** The named argument, or the positional one at `position` when it is not named. */
export function arg(attr: Attribute | undefined, name: string, position?: number): Value | undefined {
  if (!attr) return undefined;
  const named = attr.args.find((a) => a.name === name);
  if (named) return named.value;
  if (position === undefined) return undefined;
  return attr.args.filter((a) => a.name === undefined)[position]?.value;
}

export function stringArg(attr: Attribute | undefined, name: string, position?: number): string | undefined {
  const value = arg(attr, name, position);
  if (value === undefined) return undefined;
  if (value.kind !== "string") throw new PrismaSchemaSyntaxError(`@${attr?.name}: ${name} must be a string`);
  return value.value;
}

/** A field list such as `[a, b(sort: Desc)]`. */
export function fieldRefs(value: Value | undefined): { name: string; args: Arg[] }[] {
  if (value === undefined) return [];
  const items = value.kind === "array" ? value.items : [value];
  return items.map((item) => {
    if (item.kind !== "name") throw new PrismaSchemaSyntaxError(`expected a field name, got ${JSON.stringify(item)}`);
    return { name: item.name, args: item.args ?? [] };
  });
}
