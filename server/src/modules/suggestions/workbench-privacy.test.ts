import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../testing/harness.js";
import { api, inProgress, type SuggestionWorld, suggestionWorld } from "./testing.js";

// The private parts of a suggestion (who sent it, their phone, unpublished content, the handling
// history) through the workbench lists and fields added for handling: each role that handles it
// sees them, each role that does not, does not.

let t: TestApp;
let w: SuggestionWorld;
let privateId: string;
let publicId: string;

type Role =
  | "submitter"
  | "deputy"
  | "department"
  | "staff"
  | "otherDeputy"
  | "otherDepartment"
  | "otherStaff"
  | "neighbour";
const token = (role: Role) =>
  ({
    submitter: w.resident.token,
    deputy: w.deputy.token,
    department: w.handler.token,
    staff: w.staff.token,
    otherDeputy: w.otherDeputy.token,
    otherDepartment: w.otherHandler.token,
    otherStaff: w.otherStaff.token,
    neighbour: w.neighbour.token,
  })[role];

beforeAll(async () => {
  t = await startTestApp();
  w = await suggestionWorld(t);
  const a = api(t);
  privateId = (await inProgress(t, w, {})).id;
  await t.db.prisma.suggestion.update({ where: { id: Number(privateId) }, data: { allowPublish: false } });
  publicId = (await inProgress(t, w, {})).id;
  await a.update(
    w.handler.token,
    (
      await t.db.prisma.suggestionTransfer.findFirstOrThrow({ where: { suggestionId: Number(publicId) } })
    ).id.toString(),
    "已现场查看",
  );
});

afterAll(async () => {
  await t?.close();
});

const PRIVATE_FIELDS = `id content submitterName submitterPhone submitter { id } history { action } viewerIsHandler`;
type Read = {
  id: string;
  content: string;
  submitterName: string | null;
  submitterPhone: string | null;
  submitter: { id: string } | null;
  history: unknown[];
  viewerIsHandler: boolean;
};

describe("an online submission's handlers", () => {
  for (const role of ["submitter", "deputy", "department", "staff"] as const) {
    it(`include the ${role}: the resident's phone (from the account) and the whole history`, async () => {
      const s = (await api(t).read(token(role), privateId, PRIVATE_FIELDS)) as unknown as Read;
      expect(s).toMatchObject({
        submitterPhone: w.resident.phone,
        submitter: { id: String(w.resident.account.id) },
        viewerIsHandler: true,
      });
      expect(s.history.length).toBeGreaterThanOrEqual(4);
    });
  }
});

describe("someone who does not handle it", () => {
  for (const role of ["otherDeputy", "otherDepartment", "otherStaff", "neighbour"] as const) {
    it(`(${role}) cannot read it unpublished, and reads a published one without who sent it or its history`, async () => {
      expect(await api(t).read(token(role), privateId, PRIVATE_FIELDS)).toBeNull();
      const s = (await api(t).read(
        token(role),
        publicId,
        `${PRIVATE_FIELDS} transfers { id } currentTransfers { id } ratings { id }`,
      )) as unknown as Read & {
        transfers: unknown[];
        currentTransfers: unknown[];
      };
      expect(s).toMatchObject({
        submitterName: null,
        submitterPhone: null,
        submitter: null,
        history: [],
        transfers: [],
        currentTransfers: [],
        viewerIsHandler: false,
      });
    });
  }

  it("(anonymous) sees the public timeline without the submitter as its actor", async () => {
    const response = await t.gql<{ suggestion: { timeline: { toStatus: string; actor: { id: string } | null }[] } }>(
      `query($id: ID!) { suggestion(id: $id) { timeline { toStatus actor { id } } } }`,
      { id: publicId },
    );
    const timeline = response.data?.suggestion.timeline ?? [];
    expect(timeline[0]).toEqual({ toStatus: "SUBMITTED", actor: null });
    expect(timeline.some((e) => e.actor?.id === String(w.resident.account.id))).toBe(false);
    expect(timeline.find((e) => e.toStatus === "ACCEPTED")?.actor?.id).toBe(String(w.deputy.account.id));
  });
});

describe("the workbench lists hold only what the viewer handles", () => {
  const ids = (edges: { node: { id: string } }[] | undefined) => edges?.map((e) => e.node.id) ?? [];

  it("deputy inbox", async () => {
    const mine = await t.gql<{ deputyInbox: { edges: { node: { id: string; submitterPhone: string | null } }[] } }>(
      `{ deputyInbox(first: 50) { edges { node { id submitterPhone } } } }`,
      {},
      w.deputy.token,
    );
    expect(ids(mine.data?.deputyInbox.edges)).toEqual(expect.arrayContaining([privateId, publicId]));
    expect(mine.data?.deputyInbox.edges.every((e) => e.node.submitterPhone === w.resident.phone)).toBe(true);
    const theirs = await t.gql<{ deputyInbox: { edges: { node: { id: string } }[] } }>(
      `{ deputyInbox(first: 50) { edges { node { id } } } }`,
      {},
      w.otherDeputy.token,
    );
    expect(ids(theirs.data?.deputyInbox.edges)).toEqual([]);
    const resident = await t.gql<{ deputyInbox: { edges: { node: { id: string } }[] } }>(
      `{ deputyInbox(first: 50) { edges { node { id } } } }`,
      {},
      w.resident.token,
    );
    expect(ids(resident.data?.deputyInbox.edges)).toEqual([]);
  });

  it("staff list", async () => {
    const mine = await t.gql<{ staffSuggestions: { totalCount: number; edges: { node: { id: string } }[] } }>(
      `{ staffSuggestions(first: 50) { totalCount edges { node { id } } } }`,
      {},
      w.staff.token,
    );
    expect(ids(mine.data?.staffSuggestions.edges)).toEqual(expect.arrayContaining([privateId, publicId]));
    const search = await t.gql<{ staffSuggestions: { totalCount: number } }>(
      `query($filter: SuggestionFilter) { staffSuggestions(first: 50, filter: $filter) { totalCount } }`,
      { filter: { search: "路灯" } },
      w.staff.token,
    );
    expect(search.data?.staffSuggestions.totalCount).toBe(2);
    const none = await t.gql<{ staffSuggestions: { totalCount: number } }>(
      `query($filter: SuggestionFilter) { staffSuggestions(first: 50, filter: $filter) { totalCount } }`,
      { filter: { search: "电梯", category: "CITY_APPEARANCE" } },
      w.staff.token,
    );
    expect(none.data?.staffSuggestions.totalCount).toBe(0);
    const other = await t.gql<{ staffSuggestions: { totalCount: number } }>(
      `{ staffSuggestions(first: 50) { totalCount } }`,
      {},
      w.otherStaff.token,
    );
    expect(other.data?.staffSuggestions.totalCount).toBe(0);
    const deputy = await t.gql(`{ staffSuggestions(first: 50) { totalCount } }`, {}, w.deputy.token);
    expect(deputy.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("department queue", async () => {
    const mine = await t.gql<{
      departmentQueue: {
        edges: { node: { suggestion: { id: string; submitterPhone: string | null; content: string } } }[];
      };
    }>(
      `{ departmentQueue(first: 50) { edges { node { suggestion { id submitterPhone content } } } } }`,
      {},
      w.handler.token,
    );
    const suggestions = mine.data?.departmentQueue.edges.map((e) => e.node.suggestion) ?? [];
    expect(suggestions.map((s) => s.id)).toEqual(expect.arrayContaining([privateId, publicId]));
    expect(suggestions.every((s) => s.submitterPhone === w.resident.phone)).toBe(true);
    const found = await t.gql<{ departmentQueue: { totalCount: number } }>(
      `{ departmentQueue(first: 50, search: "三林路北段") { totalCount } }`,
      {},
      w.handler.token,
    );
    expect(found.data?.departmentQueue.totalCount).toBe(2);
    const other = await t.gql<{ departmentQueue: { edges: unknown[] } }>(
      `{ departmentQueue(first: 50) { edges { node { id } } } }`,
      {},
      w.otherHandler.token,
    );
    expect(other.data?.departmentQueue.edges).toEqual([]);
  });
});
