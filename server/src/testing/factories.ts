import { randomInt } from "node:crypto";
import type {
  Account,
  Area,
  AreaKind,
  Council,
  Household,
  HouseholdMember,
  MembershipStatus,
  Role,
  RoleGrant,
  Topic,
} from "../generated/prisma/client.js";
import type { TestApp } from "./harness.js";

// Fixtures written straight to the database (the code under test is reached through GraphQL).
// Every call makes new rows with unique values, so tests never depend on each other's rows,
// even on a PostgreSQL database shared by several test files.

/** Per-process starting point, so two test files on one PostgreSQL do not hand out the same phones. */
const PHONE_BASE = randomInt(0, 100_000_000);
let seq = 0;

/** A mainland mobile number no other call in this process returned: 139 and 8 digits. */
export function uniquePhone(): string {
  return `139${String((PHONE_BASE + ++seq) % 100_000_000).padStart(8, "0")}`;
}

/** A short suffix no other call in this process returned, for names that must be unique. */
export function uniqueSuffix(): string {
  return `${(PHONE_BASE % 46_656).toString(36)}${(++seq).toString(36)}`;
}

export interface Person {
  account: Account;
  phone: string;
  /** Session token (signed in through the real code flow); absent when `signIn: false`. */
  token: string;
}

export interface Neighbourhood {
  neighbourhood: Area;
  compound: Area;
  building: Area;
  council: Council;
}

/** 区 → 街道 → two 居民区 (三林苑, 金橘苑), each with a 小区, a 楼栋 and a 议事会. */
export interface AreaTree {
  district: Area;
  street: Area;
  sanlin: Neighbourhood;
  jinju: Neighbourhood;
}

export interface Factories {
  /** An area under `parent` (or at the top), with its materialised path. */
  createArea(options: { kind: AreaKind; name?: string; parent?: Area | null }): Promise<Area>;
  createAreaTree(): Promise<AreaTree>;
  /** A household with a unit no other call used, in `building`. */
  createHousehold(options: { building: Area; unit?: string; floorAreaSqm?: number }): Promise<Household>;
  /** An account (not signed in); realName and displayName may be overridden. */
  createAccount(options?: { phone?: string; realName?: string | null; displayName?: string }): Promise<Account>;
  /** Someone who signed in through the code flow (a new account), with no roles and no home. */
  seedPerson(): Promise<Person>;
  /**
   * A resident of a new household in `building` (membership VERIFIED unless told otherwise);
   * `signIn: false` skips the code flow (bulk rows) and leaves `token` empty.
   */
  seedResident(options: {
    building: Area;
    status?: MembershipStatus;
    signIn?: boolean;
  }): Promise<Person & { household: Household; membership: HouseholdMember }>;
  /** A signed-in holder of `role` (STAFF unless told) on `area`. */
  seedStaff(options: { area: Area; role?: Extract<Role, "STAFF" | "ADMIN"> }): Promise<Person & { grant: RoleGrant }>;
  /** A topic raised by a new account to `area`'s council (what a vote needs as its subject). */
  createTopic(options: { area: Neighbourhood; title?: string }): Promise<Topic>;
  /** A signed-in member (or facilitator) of `council`. */
  seedCouncilMember(options: {
    council: Council;
    role?: Extract<Role, "COUNCIL_MEMBER" | "FACILITATOR">;
  }): Promise<Person & { grant: RoleGrant }>;
}

export function factories(t: TestApp): Factories {
  const prisma = t.db.prisma;

  const createArea: Factories["createArea"] = async ({ kind, name, parent = null }) => {
    // The path holds the row's own id: insert with a unique placeholder, then set it.
    const created = await prisma.area.create({
      data: {
        kind,
        name: name ?? `${kind}-${uniqueSuffix()}`,
        parentId: parent?.id ?? null,
        path: `/tmp-${uniqueSuffix()}/`,
      },
    });
    return prisma.area.update({ where: { id: created.id }, data: { path: `${parent?.path ?? "/"}${created.id}/` } });
  };

  const createNeighbourhood = async (street: Area, name: string): Promise<Neighbourhood> => {
    const neighbourhood = await createArea({ kind: "NEIGHBOURHOOD", name, parent: street });
    const compound = await createArea({ kind: "COMPOUND", name: `${name}小区`, parent: neighbourhood });
    const building = await createArea({ kind: "BUILDING", name: "1号楼", parent: compound });
    const council = await prisma.council.create({
      data: { name: `${name}居民区议事会`, kind: "NEIGHBOURHOOD", areaId: neighbourhood.id },
    });
    return { neighbourhood, compound, building, council };
  };

  const createAccount: Factories["createAccount"] = (options = {}) => {
    const phone = options.phone ?? uniquePhone();
    return prisma.account.create({
      data: { phone, realName: options.realName ?? null, displayName: options.displayName ?? `居民${uniqueSuffix()}` },
    });
  };

  const seedPerson: Factories["seedPerson"] = async () => {
    const phone = uniquePhone();
    const token = await t.signIn(phone);
    const account = await prisma.account.findUniqueOrThrow({ where: { phone } });
    return { account, phone, token };
  };

  const createHousehold: Factories["createHousehold"] = ({ building, unit, floorAreaSqm = 80 }) =>
    prisma.household.create({
      data: {
        buildingId: building.id,
        unit: unit ?? `${uniqueSuffix()}室`,
        floorAreaCentiSqm: Math.round(floorAreaSqm * 100),
      },
    });

  const grant = async (person: Person, data: { role: Role; areaId: number; councilId?: number }) => {
    const created = await prisma.roleGrant.create({ data: { accountId: person.account.id, ...data } });
    return { ...person, grant: created };
  };

  return {
    createArea,
    createHousehold,
    createAccount,
    seedPerson,

    createAreaTree: async () => {
      const district = await createArea({ kind: "DISTRICT", name: `浦东新区${uniqueSuffix()}` });
      const street = await createArea({ kind: "STREET", name: "东明路街道", parent: district });
      return {
        district,
        street,
        sanlin: await createNeighbourhood(street, "三林苑"),
        jinju: await createNeighbourhood(street, "金橘苑"),
      };
    },

    seedResident: async ({ building, status = "VERIFIED", signIn = true }) => {
      const person = signIn ? await seedPerson() : { account: await createAccount(), token: "" };
      const household = await createHousehold({ building });
      const membership = await prisma.householdMember.create({
        data: {
          householdId: household.id,
          accountId: person.account.id,
          status,
          decidedAt: status === "PENDING" ? null : new Date(),
        },
      });
      return { ...person, phone: person.account.phone, household, membership };
    },

    seedStaff: async ({ area, role = "STAFF" }) => grant(await seedPerson(), { role, areaId: area.id }),

    createTopic: async ({ area, title }) => {
      const raiser = await createAccount();
      return prisma.topic.create({
        data: {
          councilId: area.council.id,
          areaId: area.neighbourhood.id,
          title: title ?? `议题${uniqueSuffix()}`,
          body: "…",
          source: "RESIDENT",
          raisedById: raiser.id,
        },
      });
    },

    seedCouncilMember: async ({ council, role = "COUNCIL_MEMBER" }) =>
      grant(await seedPerson(), { role, areaId: council.areaId, councilId: council.id }),
  };
}
