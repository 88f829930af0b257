import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factories, type Person } from "../../server/src/testing/factories.js";
import { startTestApp, type TestApp } from "../../server/src/testing/harness.js";
import { launchChromium } from "./support/chromium.js";
import { DESKTOP, type OpenPage, openPage, PHONE, screenshotOnFailure, signIn } from "./support/session.js";

// The real app in-process, the built web app, Chromium: a participatory-budget vote (自治金) with
// a ¥100,000 pool. A resident on a phone picks projects against the budget meter (a project that
// would overrun it is marked and refused), casts; a second resident's ballot comes in by the API;
// the projector shows, live, which projects the count so far would fund.

const WEB_DIST = process.env.TEST_WEB_DIST_DIR ?? resolve(import.meta.dirname, "../../web/dist");
const SHOTS = process.env.SCREENSHOT_DIR ?? "/tmp";
const TITLE = "自治金微基建项目投票";
const PROJECTS = [
  { label: "口袋公园", costFen: 6_000_000 },
  { label: "无障碍坡道", costFen: 5_000_000 },
  { label: "健身步道", costFen: 4_000_000 },
];

const APP_ERROR = "... on AppError { code message field }";
const CREATE = `mutation($subjectId: ID!, $areaId: ID, $options: [NewVoteOptionInput!]) {
  createVote(subject: TOPIC, subjectId: $subjectId, title: "${TITLE}", question: "请在10万元额度内选出您支持的项目",
    ballotType: BUDGET, countingUnit: RESIDENT, areaId: $areaId, options: $options, budgetFen: 10000000) {
    __typename ... on MutationCreateVoteSuccess { data { id options { id label } } } ${APP_ERROR} } }`;
const OPEN = `mutation($id: ID!) { transitionVote(id: $id, to: OPEN) { __typename ${APP_ERROR} } }`;
const CAST = `mutation($voteId: ID!, $optionIds: [ID!]!) { castBallot(voteId: $voteId, optionIds: $optionIds) {
  __typename ${APP_ERROR} } }`;

let t: TestApp;
let browser: Browser;
const pageErrors: string[] = [];
let vote: { id: string; options: { id: string; label: string }[] };
let resident: Person;
let neighbour: Person;
let projector: OpenPage | undefined;
let phone: OpenPage | undefined;

/** The mutation's payload, or a failure naming what went wrong. */
function expectSuccess<T>(response: { data?: unknown; errors?: unknown }, field: string): T {
  const payload = (response.data as Record<string, { __typename: string; data?: T; message?: string }> | undefined)?.[
    field
  ];
  if (!payload?.__typename.endsWith("Success")) throw new Error(`${field}: ${JSON.stringify(response)}`);
  return payload.data as T;
}

beforeAll(async () => {
  if (!existsSync(resolve(WEB_DIST, "index.html"))) {
    throw new Error("web/dist is missing: build the web app first (pnpm --filter @gongzhi/web build)");
  }
  t = await startTestApp({ webDistDir: WEB_DIST });
  const f = factories(t);
  const tree = await f.createAreaTree();
  const staff = await f.seedStaff({ area: tree.street });
  // Signed in through the page only: a phone may ask for a code once a minute.
  resident = await f.seedResident({ building: tree.sanlin.building, signIn: false });
  neighbour = await f.seedResident({ building: tree.sanlin.building });
  const topic = await f.createTopic({ area: tree.sanlin, title: "三林苑微基建" });
  vote = expectSuccess(
    await t.gql(
      CREATE,
      { subjectId: String(topic.id), areaId: String(tree.sanlin.compound.id), options: PROJECTS },
      staff.token,
    ),
    "createVote",
  );
  expectSuccess(await t.gql(OPEN, { id: vote.id }, staff.token), "transitionVote");
  browser = await launchChromium();
});

afterAll(async () => {
  await screenshotOnFailure({ projector, phone }, SHOTS);
  await browser?.close();
  await t?.close();
});

describe("a participatory-budget vote, in Chromium", () => {
  it("shows the projector with no project funded before the first ballot", async () => {
    projector = await openPage(browser, DESKTOP, "projector", pageErrors);
    await projector.page.goto(`${t.url}/votes/${vote.id}/screen`);
    await projector.page.getByTestId("projector").waitFor();
    await projector.page.getByTestId("funded-note").getByText("还没有选票，暂无项目获得资助。").waitFor();
  });

  it("lets a resident pick projects within the budget on a phone, refusing one that would overrun it", async () => {
    phone = await openPage(browser, PHONE, "resident", pageErrors);
    const { page } = phone;
    await signIn(t, page, resident.account.phone);
    await page.waitForURL(/\/me\/home$/);
    await page.goto(`${t.url}/votes/${vote.id}`);
    await page.getByTestId("vote-question").waitFor();
    await page.getByText("预算 ¥100,000，还剩 ¥100,000").waitFor();
    await page.getByRole("checkbox", { name: /口袋公园/ }).check();
    await page.getByText("已选合计 ¥60,000").waitFor();
    // ¥60,000 + ¥50,000 would overrun ¥100,000: marked beforehand, refused when ticked.
    const ramp = page.locator(".budget-option", { hasText: "无障碍坡道" });
    await ramp.getByText("超出剩余预算").waitFor();
    await page.getByRole("checkbox", { name: /无障碍坡道/ }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("checkbox", { name: /无障碍坡道/ }).isChecked()).toBe(false);
    await page.getByRole("checkbox", { name: /健身步道/ }).check();
    await page.getByText("预算 ¥100,000，还剩 ¥0").waitFor();
    await page.screenshot({ path: `${SHOTS}/gongzhi-budget-ballot.png`, fullPage: true });
    await page.getByRole("button", { name: /^提交(新的)?选票$/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByTestId("confirm-choices").getByText("健身步道").waitFor();
    await dialog.getByRole("button", { name: "确认投票" }).click();
    await page.getByTestId("receipt-card").waitFor();
  });

  it("shows on the projector, live, which projects the count so far would fund", async () => {
    const { page } = projector as OpenPage;
    const note = page.getByTestId("funded-note");
    await note.getByText("如果现在结束：得票最多且预算容得下的 2 个项目获得资助（绿色），合计 ¥100,000").waitFor();
    // A second ballot for 坡道 and 步道: 步道 leads (2), then 公园 and 坡道 tie at 1 and the one
    // listed first (公园) is funded; 坡道 no longer fits.
    const [, ramp, path] = vote.options.map((o) => o.id);
    expectSuccess(await t.gql(CAST, { voteId: vote.id, optionIds: [ramp, path] }, neighbour.token), "castBallot");
    await page.getByText("2 / 2 人（100%）").waitFor();
    await note.getByText(/2 个项目获得资助.*合计 ¥100,000/).waitFor();
    // The chart says its figures in words too (what a screen reader reads): green is "可获资助".
    await page
      .getByRole("img", {
        name: "各选项得票：口袋公园：1 票 · ¥60,000 · 可获资助；无障碍坡道：1 票 · ¥50,000；健身步道：2 票 · ¥40,000 · 可获资助",
      })
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/gongzhi-budget-projector.png` });
  });

  it("logged no errors in any page", async () => {
    await projector?.context.close();
    await phone?.context.close();
    expect(pageErrors).toEqual([]);
  });
});
