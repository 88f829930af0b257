import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../testing/harness.js";
import { api, probeSuggestion, type SuggestionWorld, submitted, suggestionWorld, untilListening } from "./testing.js";

// The public board and the submitter's privacy: publishing is the submitter's opt-in, which they
// may withdraw at any time; the post's deputies and the area's staff may take a suggestion off the
// board with a reason (audited); and what the public reads has phone and ID numbers masked.

let t: TestApp;
let w: SuggestionWorld;
let a: ReturnType<typeof api>;

beforeAll(async () => {
  t = await startTestApp();
  w = await suggestionWorld(t);
  a = api(t);
});

afterAll(async () => {
  await t?.close();
});

const PUBLICATION = `id isPublic allowPublish hiddenAt hiddenReason viewerPublicationActions`;
interface Publication {
  id: string;
  isPublic: boolean;
  allowPublish: boolean;
  hiddenAt: string | null;
  hiddenReason: string | null;
  viewerPublicationActions: string[];
}

const read = async (token: string | undefined, id: string, fields = PUBLICATION) =>
  (await a.read(token, id, fields)) as unknown as Publication | null;

async function onBoard(id: string, search?: string) {
  const response = await t.gql<{ publicSuggestions: { edges: { node: { id: string } }[] } }>(
    `query($postId: ID, $search: String) { publicSuggestions(postId: $postId, search: $search, first: 50) { edges { node { id } } } }`,
    { postId: String(w.post.id), search },
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data?.publicSuggestions.edges.some((e) => e.node.id === id) ?? false;
}

const publication = (token: string, id: string, allow: boolean) =>
  a.run("setSuggestionPublication", "(id: $id, allow: $allow)", { id, allow }, token, PUBLICATION);

describe("numbers in the public text", () => {
  it("are masked for the public and shown to the handlers as written", async () => {
    const s = await submitted(t, w, {
      title: "路灯不亮 13800000002",
      content: "请联系我 13800000002，身份证 310101199001011234，楼下 139-1234-5678 的店也反映过",
      place: "3号楼门口（电话 13700000003）",
    });
    await a.accept(w.deputy.token, s.id);
    const moved = await a.transfer(w.deputy.token, s.id, [{ departmentId: String(w.chengguan.id), role: "LEAD" }]);
    await a.acknowledge(w.handler.token, moved.currentTransfers[0]?.id as string);
    await a.reply(w.handler.token, s.id, "已修复，如再坏请拨 13600000004。");

    const TEXT = "title content place replies { body }";
    type Text = { title: string; content: string; place: string; replies: { body: string }[] };
    const publicView = (await a.read(undefined, s.id, TEXT)) as unknown as Text;
    expect(publicView).toEqual({
      title: "路灯不亮 138****0002",
      content: "请联系我 138****0002，身份证 310***********1234，楼下 139****5678 的店也反映过",
      place: "3号楼门口（电话 137****0003）",
      replies: [{ body: "已修复，如再坏请拨 136****0004。" }],
    });
    // Another resident reads the public text too.
    expect(((await a.read(w.neighbour.token, s.id, TEXT)) as unknown as Text).content).not.toContain("13800000002");
    for (const token of [w.resident.token, w.deputy.token, w.handler.token, w.staff.token]) {
      const handlerView = (await a.read(token, s.id, TEXT)) as unknown as Text;
      expect(handlerView.title).toBe("路灯不亮 13800000002");
      expect(handlerView.content).toContain("310101199001011234");
      expect(handlerView.replies[0]?.body).toBe("已修复，如再坏请拨 13600000004。");
    }
    // The board lists it, but a search for the number finds nothing.
    expect(await onBoard(s.id)).toBe(true);
    expect(await onBoard(s.id, "联系我")).toBe(true);
    expect(await onBoard(s.id, "13800000002")).toBe(false);
    expect(await onBoard(s.id, "0000000")).toBe(false);
  });
});

describe("the submitter's consent", () => {
  it("can be withdrawn at any time, taking it off the board, and given again", async () => {
    const s = await submitted(t, w, { allowPublish: true });
    await a.accept(w.deputy.token, s.id);
    expect(await read(undefined, s.id)).toMatchObject({ isPublic: true });
    expect((await read(w.resident.token, s.id))?.viewerPublicationActions).toEqual(["WITHDRAW_CONSENT"]);

    // Nobody else decides for them.
    for (const token of [w.deputy.token, w.staff.token, w.neighbour.token]) {
      expect(
        await a.fail("setSuggestionPublication", "(id: $id, allow: $allow)", { id: s.id, allow: false }, token),
      ).toMatchObject({ code: "FORBIDDEN" });
    }
    const withdrawn = await publication(w.resident.token, s.id, false);
    expect(withdrawn.data?.setSuggestionPublication).toMatchObject({
      data: { isPublic: false, allowPublish: false, viewerPublicationActions: ["GIVE_CONSENT"] },
    });
    expect(await read(undefined, s.id)).toBeNull();
    expect(await onBoard(s.id)).toBe(false);
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { subjectType: "SUGGESTION", subjectId: Number(s.id), action: "suggestion.publication" },
    });
    expect(audit).toMatchObject({
      actorId: w.resident.account.id,
      data: { allowPublish: false, actorRole: "SUBMITTER" },
    });

    await publication(w.resident.token, s.id, true);
    expect(await onBoard(s.id)).toBe(true);
  });
});

describe("taking a suggestion off the board", () => {
  it("is for the post's deputies and the area's staff, with a reason, audited, and undone by them", async () => {
    const s = await submitted(t, w, { allowPublish: true });
    await a.accept(w.deputy.token, s.id);
    expect((await read(w.deputy.token, s.id))?.viewerPublicationActions).toEqual(["HIDE"]);

    const hide = (token: string, reason: string) =>
      a.run("hideSuggestion", "(id: $id, reason: $reason)", { id: s.id, reason }, token, PUBLICATION);
    const noReason = await hide(w.deputy.token, "  ");
    expect(noReason.data?.hideSuggestion).toMatchObject({
      __typename: "AppError",
      code: "VALIDATION",
      field: "reason",
    });
    for (const token of [w.otherDeputy.token, w.otherStaff.token, w.handler.token, w.resident.token]) {
      expect((await hide(token, "涉及他人隐私")).data?.hideSuggestion).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await onBoard(s.id)).toBe(true);

    const hidden = await hide(w.staff.token, "内容涉及邻居姓名");
    expect(hidden.data?.hideSuggestion).toMatchObject({
      data: { isPublic: false, allowPublish: true, hiddenReason: "内容涉及邻居姓名" },
    });
    expect(await onBoard(s.id)).toBe(false);
    expect(await read(undefined, s.id)).toBeNull();
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { subjectType: "SUGGESTION", subjectId: Number(s.id), action: "suggestion.hide" },
    });
    expect(audit).toMatchObject({ actorId: w.staff.account.id, public: false, data: { reason: "内容涉及邻居姓名" } });
    // Handlers see why; the submitter's own consent does not put it back.
    const history = (await a.read(w.deputy.token, s.id, "history { action reason }")) as unknown as {
      history: { action: string; reason: string | null }[];
    };
    expect(history.history).toContainEqual({ action: "suggestion.hide", reason: "内容涉及邻居姓名" });
    expect((await read(w.resident.token, s.id))?.viewerPublicationActions).toEqual(["WITHDRAW_CONSENT"]);
    expect((await hide(w.deputy.token, "再撤一次")).data?.hideSuggestion).toMatchObject({ code: "INVALID_TRANSITION" });

    const unhidden = await a.run("unhideSuggestion", "(id: $id)", { id: s.id }, w.deputy.token, PUBLICATION);
    expect(unhidden.data?.unhideSuggestion).toMatchObject({ data: { isPublic: true, hiddenAt: null } });
    expect(await onBoard(s.id)).toBe(true);
    expect(
      await t.db.prisma.auditEvent.count({
        where: { subjectType: "SUGGESTION", subjectId: Number(s.id), action: "suggestion.unhide" },
      }),
    ).toBe(1);
  });

  it("tells a public page watching it that it is gone", async () => {
    const s = await submitted(t, w, { allowPublish: true });
    await a.accept(w.deputy.token, s.id);
    const watcher = t.subscribe<{ suggestionChanged: { kind: string; suggestion: { id: string } | null } }>(
      t.wsClient(),
      `subscription($id: ID!) { suggestionChanged(id: $id) { kind suggestion { id } } }`,
      { id: s.id },
    );
    const gone = watcher.waitFor((r) => r.suggestionChanged.kind === "PUBLICATION_CHANGED");
    const routing = { id: Number(s.id), postId: w.post.id, areaPath: w.post.area.path };
    await untilListening(watcher, probeSuggestion(t, routing), (r) => r.suggestionChanged.kind === "UPDATED");
    await a.run("hideSuggestion", "(id: $id, reason: $reason)", { id: s.id, reason: "涉及隐私" }, w.deputy.token);
    expect((await gone).suggestionChanged.suggestion).toBeNull();
  });
});
