import { afterAll, beforeAll } from "vitest";
import type { Area, Department, LiaisonPost } from "../../generated/prisma/client.js";
import { type AreaTree, factories, type Person, uniquePhone, uniqueSuffix } from "../../testing/factories.js";
import { type GraphQLResponse, startTestApp, type TestApp, type TestAppOptions } from "../../testing/harness.js";
import { APP_ERROR, failed, succeeded } from "../../testing/results.js";

// Test fixtures for suggestion tracking: a street with two 居民区, a liaison post for each, three
// departments, and one person in every role. Rows are new and unique on every call.

export interface SuggestionWorld {
  tree: AreaTree;
  post: LiaisonPost & { area: Area };
  otherPost: LiaisonPost & { area: Area };
  chengguan: Department;
  fangguan: Department;
  paichusuo: Department;
  resident: Person;
  neighbour: Person;
  deputy: Person;
  deputy2: Person;
  otherDeputy: Person;
  handler: Person;
  coHandler: Person;
  otherHandler: Person;
  staff: Person;
  otherStaff: Person;
}

export async function suggestionWorld(t: TestApp): Promise<SuggestionWorld> {
  const f = factories(t);
  const prisma = t.db.prisma;
  const tree = await f.createAreaTree();
  const post = await prisma.liaisonPost.create({
    data: {
      kind: "STATION",
      name: `三林苑联络站${uniqueSuffix()}`,
      areaId: tree.sanlin.neighbourhood.id,
      address: "三林路1号",
    },
    include: { area: true },
  });
  const otherPost = await prisma.liaisonPost.create({
    data: {
      kind: "STATION",
      name: `金橘苑联络站${uniqueSuffix()}`,
      areaId: tree.jinju.neighbourhood.id,
      address: "金橘路1号",
    },
    include: { area: true },
  });
  const department = (name: string) =>
    prisma.department.create({ data: { name: `${name}${uniqueSuffix()}`, areaId: tree.street.id } });
  const [chengguan, fangguan, paichusuo] = [
    await department("城管中队"),
    await department("房管办"),
    await department("派出所"),
  ];

  const withGrant = async (grant: {
    role: "DEPUTY" | "DEPARTMENT_HANDLER" | "STAFF";
    areaId: number;
    postId?: number;
    departmentId?: number;
  }) => {
    const person = await f.seedPerson();
    await prisma.roleGrant.create({ data: { accountId: person.account.id, ...grant } });
    if (grant.role === "DEPUTY") {
      await prisma.deputyProfile.create({
        data: { accountId: person.account.id, name: `代表${uniqueSuffix()}`, title: "区人大代表" },
      });
    }
    return person;
  };
  const resident = await f.seedResident({ building: tree.sanlin.building });
  const neighbour = await f.seedResident({ building: tree.sanlin.building });
  return {
    tree,
    post,
    otherPost,
    chengguan,
    fangguan,
    paichusuo,
    resident,
    neighbour,
    deputy: await withGrant({ role: "DEPUTY", areaId: post.areaId, postId: post.id }),
    deputy2: await withGrant({ role: "DEPUTY", areaId: post.areaId, postId: post.id }),
    otherDeputy: await withGrant({ role: "DEPUTY", areaId: otherPost.areaId, postId: otherPost.id }),
    handler: await withGrant({ role: "DEPARTMENT_HANDLER", areaId: tree.street.id, departmentId: chengguan.id }),
    coHandler: await withGrant({ role: "DEPARTMENT_HANDLER", areaId: tree.street.id, departmentId: fangguan.id }),
    otherHandler: await withGrant({ role: "DEPARTMENT_HANDLER", areaId: tree.street.id, departmentId: paichusuo.id }),
    staff: await withGrant({ role: "STAFF", areaId: tree.sanlin.neighbourhood.id }),
    otherStaff: await withGrant({ role: "STAFF", areaId: tree.jinju.neighbourhood.id }),
  };
}

/** The app, a suggestion world in it, and the API helpers over it: what most suggestion test files share. */
export interface SuggestionSuite {
  t: TestApp;
  w: SuggestionWorld;
  a: SuggestionApi;
}

/**
 * Starts the app on a fresh database with a suggestion world before the file's tests, hands the
 * suite to `receive` (the file keeps it in its own variables), and closes the app after them.
 */
export function useSuggestionSuite(receive: (suite: SuggestionSuite) => void, options: TestAppOptions = {}) {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp(options);
    const world = await suggestionWorld(app);
    receive({ t: app, w: world, a: api(app) });
  });
  afterAll(async () => {
    await app?.close();
  });
}

export const SUGGESTION_FIELDS = `id status round dueOn overdue dueSoon workingDaysLeft viewerActions
  currentTransfers { id status role dueOn department { id } }`;

export interface SuggestionResult {
  id: string;
  status: string;
  round: number;
  dueOn: string | null;
  overdue: boolean;
  dueSoon: boolean;
  workingDaysLeft: number | null;
  viewerActions: string[];
  currentTransfers: { id: string; status: string; role: string; dueOn: string; department: { id: string } }[];
}

type Vars = Record<string, unknown>;

export type SuggestionApi = ReturnType<typeof api>;

/** Runs a mutation that returns a Suggestion (or a transfer) and its result union. */
export function api(t: TestApp) {
  const run = async (field: string, args: string, vars: Vars, token: string, fields = SUGGESTION_FIELDS) => {
    const signature = Object.keys(vars).length
      ? `(${Object.keys(vars)
          .map((k) => `$${k}: ${VAR_TYPES[k] ?? "String"}`)
          .join(", ")})`
      : "";
    return (await t.gql(
      `mutation${signature} { ${field}${args} { __typename ${APP_ERROR} ... on Mutation${field[0]?.toUpperCase()}${field.slice(1)}Success { data { ${fields} } } } }`,
      vars,
      token,
    )) as GraphQLResponse<Record<string, unknown>>;
  };
  const ok = async <T = SuggestionResult>(field: string, args: string, vars: Vars, token: string, fields?: string) =>
    succeeded<T>(await run(field, args, vars, token, fields), field);
  const fail = async (field: string, args: string, vars: Vars, token: string, fields?: string) =>
    failed(await run(field, args, vars, token, fields), field);

  const submitArgs = "(input: $input)";
  return {
    run,
    ok,
    fail,
    submit: (token: string, input: Vars) => ok("submitSuggestion", submitArgs, { input }, token),
    accept: (token: string, id: string) => ok("acceptSuggestion", "(id: $id)", { id }, token),
    transfer: (token: string, id: string, transfers: Vars[]) =>
      ok("transferSuggestion", "(id: $id, transfers: $transfers)", { id, transfers }, token),
    acknowledge: (token: string, transferId: string) =>
      ok("acknowledgeTransfer", "(transferId: $transferId)", { transferId }, token, "id status"),
    update: (token: string, transferId: string, body: string) =>
      ok(
        "postSuggestionUpdate",
        "(transferId: $transferId, body: $body)",
        { transferId, body },
        token,
        "id status updates { body }",
      ),
    reply: (token: string, id: string, body: string) =>
      ok("replySuggestion", "(id: $id, body: $body)", { id, body }, token),
    rate: (token: string, id: string, satisfaction: string, comment?: string) =>
      ok(
        "rateSuggestion",
        "(id: $id, satisfaction: $satisfaction, comment: $comment)",
        { id, satisfaction, comment },
        token,
      ),
    close: (token: string, id: string) => ok("closeSuggestion", "(id: $id)", { id }, token),
    rateByPhone: (token: string, id: string, satisfaction: string, comment?: string) =>
      ok(
        "rateSuggestionByPhone",
        "(id: $id, satisfaction: $satisfaction, comment: $comment)",
        { id, satisfaction, comment },
        token,
      ),
    record: (token: string, input: Vars) =>
      ok("recordSuggestion", "(input: $recordInput)", { recordInput: input }, token),
    read: async (token: string | undefined, id: string, fields = SUGGESTION_FIELDS) => {
      const response = await t.gql<{ suggestion: SuggestionResult | null }>(
        `query($id: ID!) { suggestion(id: $id) { ${fields} } }`,
        { id },
        token,
      );
      if (response.errors) throw new Error(JSON.stringify(response.errors));
      return response.data?.suggestion ?? null;
    },
  };
}

const VAR_TYPES: Record<string, string> = {
  input: "SubmitSuggestionInput!",
  recordInput: "RecordSuggestionInput!",
  id: "ID!",
  transferId: "ID!",
  transfers: "[TransferInput!]!",
  body: "String!",
  reason: "String!",
  note: "String",
  satisfaction: "Satisfaction!",
  comment: "String",
  follow: "Boolean",
  allow: "Boolean!",
  photoIds: "[ID!]",
};

/** A suggestion submitted online by `world.resident` to `world.post`. */
export async function submitted(t: TestApp, w: SuggestionWorld, overrides: Vars = {}) {
  return api(t).submit(w.resident.token, {
    postId: String(w.post.id),
    category: "CITY_APPEARANCE",
    title: `路灯不亮${uniqueSuffix()}`,
    content: "三林路北段路灯坏了一个月",
    place: "三林路北段",
    allowPublish: true,
    ...overrides,
  });
}

/**
 * Recorded by `world.deputy` at the post for someone without an account (name and a phone no
 * account has), accepted at once.
 */
export async function recordedWithoutAccount(t: TestApp, w: SuggestionWorld, overrides: Vars = {}) {
  return api(t).record(w.deputy.token, {
    postId: String(w.post.id),
    name: "王师傅",
    phone: uniquePhone(),
    category: "TRANSPORT",
    title: `路口缺红绿灯${uniqueSuffix()}`,
    content: "上下学很危险",
    allowPublish: false,
    ...overrides,
  });
}

/** Submitted, accepted and transferred to 城管 (lead) and optionally 房管 (co). */
export async function transferred(t: TestApp, w: SuggestionWorld, options: { co?: boolean; overrides?: Vars } = {}) {
  const a = api(t);
  const s = await submitted(t, w, options.overrides);
  await a.accept(w.deputy.token, s.id);
  return a.transfer(w.deputy.token, s.id, [
    { departmentId: String(w.chengguan.id), role: "LEAD", dueInWorkingDays: 10 },
    ...(options.co ? [{ departmentId: String(w.fangguan.id), role: "CO", dueInWorkingDays: 5 }] : []),
  ]);
}

/** Transferred, signed for by 城管 (IN_PROGRESS). */
export async function inProgress(t: TestApp, w: SuggestionWorld, options: { co?: boolean } = {}) {
  const s = await transferred(t, w, options);
  const lead = s.currentTransfers.find((tr) => tr.role === "LEAD");
  if (!lead) throw new Error("no lead transfer");
  await api(t).acknowledge(w.handler.token, lead.id);
  return { ...s, leadTransferId: lead.id, coTransferId: s.currentTransfers.find((tr) => tr.role === "CO")?.id ?? null };
}

/**
 * Resolves once `subscription` is listening on the server: graphql-ws does not acknowledge a
 * subscription, so this publishes `probe` (a harmless event) until a matching result arrives.
 */
export async function untilListening<T>(
  subscription: { waitFor(match?: (result: T) => boolean): Promise<T> },
  probe: () => void,
  match: (result: T) => boolean,
): Promise<void> {
  const arrived = subscription.waitFor(match);
  let done = false;
  arrived.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  // A retry interval, not a sleep: each round ends as soon as the probe arrives.
  for (let round = 0; !done; round++) {
    if (round > 200) throw new Error("the subscription never started listening");
    probe();
    await Promise.race([arrived, new Promise((resolve) => setTimeout(resolve, 25))]);
  }
  await arrived;
}

/** A probe event for one suggestion's watchers and workbenches (kind UPDATED, no change). */
export function probeSuggestion(
  t: TestApp,
  suggestion: { id: number; postId: number; areaPath: string; departmentIds?: number[] },
  transferId = -1,
) {
  return () => {
    t.pubsub.publish("suggestion:changed", suggestion.id, { suggestionId: suggestion.id, kind: "UPDATED" });
    t.pubsub.publish("suggestion:workbench", {
      suggestionId: suggestion.id,
      kind: "UPDATED",
      transferId,
      postId: suggestion.postId,
      areaPath: suggestion.areaPath,
      departmentIds: suggestion.departmentIds ?? [],
    });
  };
}
