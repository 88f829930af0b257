import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Account, Household } from "../../server/src/generated/prisma/client.js";
import { factories } from "../../server/src/testing/factories.js";
import { startTestApp, type TestApp } from "../../server/src/testing/harness.js";
import { launchChromium } from "./support/chromium.js";
import { chooseOption, openPage, PHONE, signIn } from "./support/session.js";

// The real app in-process, the built web app, Chromium: staff create a household vote under the
// 民法典 278 rule and open it; a projector shows it in a meeting room; two members of one
// household and one of another vote on their phones (the second member changes the household's
// ballot); the projector follows live; staff close and publish; a resident reads the result.

// TEST_WEB_DIST_DIR: a build elsewhere (e.g. while web/dist is being rebuilt).
const WEB_DIST = process.env.TEST_WEB_DIST_DIR ?? resolve(import.meta.dirname, "../../web/dist");
const SHOTS = process.env.SCREENSHOT_DIR ?? "/tmp";
const TOPIC_TITLE = "3号楼加装电梯";

let t: TestApp;
let baseUrl: string;
let browser: Browser;
const pageErrors: string[] = [];

interface Seeded {
  staff: Account;
  /** Two adult members of household A (90 ㎡), one of household B (80 ㎡); household C (80 ㎡) does not vote. */
  a1: Account;
  a2: Account;
  b1: Account;
  householdA: Household;
  householdB: Household;
  topicId: number;
}
let seeded: Seeded;

async function seed(): Promise<Seeded> {
  const prisma = t.db.prisma;
  const f = factories(t);
  const tree = await f.createAreaTree();
  const { building, neighbourhood, council } = tree.sanlin;
  const staff = await f.createAccount({ realName: "周敏", displayName: "街道周老师" });
  await prisma.roleGrant.create({ data: { accountId: staff.id, role: "STAFF", areaId: tree.street.id } });
  const householdA = await f.createHousehold({ building, unit: "301室", floorAreaSqm: 90 });
  const householdB = await f.createHousehold({ building, unit: "302室", floorAreaSqm: 80 });
  await f.createHousehold({ building, unit: "401室", floorAreaSqm: 80 });
  const member = async (household: Household, realName: string) => {
    const account = await f.createAccount({ realName, displayName: realName });
    await prisma.householdMember.create({
      data: { householdId: household.id, accountId: account.id, status: "VERIFIED", decidedAt: new Date() },
    });
    return account;
  };
  const a1 = await member(householdA, "王建国");
  const a2 = await member(householdA, "王丽");
  const b1 = await member(householdB, "陈秀兰");
  const topic = await prisma.topic.create({
    data: {
      councilId: council.id,
      areaId: neighbourhood.id,
      title: TOPIC_TITLE,
      body: "3号楼居民提出加装电梯，费用按楼层分摊。",
      source: "RESIDENT",
      raisedById: a1.id,
      status: "DELIBERATING",
    },
  });
  return { staff, a1, a2, b1, householdA, householdB, topicId: topic.id };
}

/** A resident, on a phone: sign in, 我的表决 through the menu, open the vote. */
async function residentOpensVote(account: Account, label: string) {
  const resident = await openPage(browser, PHONE, label, pageErrors);
  const { page } = resident;
  await signIn(t, page, account.phone);
  await page.waitForURL(/\/me\/home$/);
  await page.getByRole("button", { name: "打开菜单" }).click();
  await page.getByRole("menuitem", { name: "我的表决" }).click();
  await page.waitForURL(/\/me\/votes$/);
  const item = page.getByTestId("my-vote").filter({ hasText: TOPIC_TITLE });
  await item.getByText("我家还没投票").or(item.getByText("我家已投票")).waitFor();
  await item.click();
  await page.waitForURL(/\/votes\/\d+$/);
  await page.getByTestId("vote-question").waitFor();
  return resident;
}

/** Choose, submit, confirm; returns the receipt code shown. */
async function cast(page: Page, choice: "赞成" | "反对" | "弃权") {
  await page.getByRole("radio", { name: choice }).check();
  await page.getByRole("button", { name: /^提交(新的)?选票$/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("confirm-choices").getByText(choice).waitFor();
  await dialog.getByRole("button", { name: "确认投票" }).click();
  const receipt = page.getByTestId("receipt-card");
  await receipt.waitFor();
  const code = (await receipt.getByTestId("receipt-code").textContent()) ?? "";
  expect(code).toMatch(/^[A-Z2-9]{5} [A-Z2-9]{5}$/);
  return { receipt, code };
}

beforeAll(async () => {
  if (!existsSync(resolve(WEB_DIST, "index.html"))) {
    throw new Error("web/dist is missing: build the web app first (pnpm --filter @gongzhi/web build)");
  }
  t = await startTestApp({ webDistDir: WEB_DIST });
  baseUrl = t.url;
  seeded = await seed();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("a household vote under 民法典 278, in Chromium", () => {
  let staff: { context: BrowserContext; page: Page };
  let projector: { context: BrowserContext; page: Page };
  let a1: { context: BrowserContext; page: Page };
  let a2: { context: BrowserContext; page: Page };
  let voteId: string;
  let a1Receipt: string;
  let a2Receipt: string;

  it("lets staff create the vote through the form and open it", async () => {
    staff = await openPage(browser, { viewport: { width: 1280, height: 900 } }, "staff", pageErrors);
    const { page } = staff;
    await signIn(t, page, seeded.staff.phone);
    await page.waitForURL(/\/admin\/people$/);
    await page.getByRole("menuitem", { name: "表决管理" }).click();
    await page.waitForURL(/\/organise\/votes$/);
    await page.getByRole("link", { name: /发起表决/ }).click();
    await page.waitForURL(/\/organise\/votes\/new$/);

    // Subject: the topic (議题 is the default kind); title and question follow from it.
    await page.getByRole("combobox", { name: "议题" }).click();
    await chooseOption(page, `${TOPIC_TITLE}（三林苑居民区议事会）`);
    await expect.poll(() => page.getByLabel("标题").inputValue()).toBe(TOPIC_TITLE);
    await expect.poll(() => page.getByLabel("表决事项").inputValue()).toBe(`是否同意“${TOPIC_TITLE}”？`);

    // 278 needs 按户 + 赞成/反对/弃权: it is offered only once 每户一票 is chosen.
    const civilCode = page.getByRole("radio", { name: /民法典第二百七十八条/ });
    await expect(civilCode.isDisabled()).resolves.toBe(true);
    await page.getByRole("radio", { name: /每户一票/ }).check();
    // The form re-renders the rule options after its watched fields change: poll, do not read once.
    await expect.poll(() => civilCode.isDisabled()).toBe(false);
    await civilCode.check();
    await page.getByText("四个条件同时满足才算通过").waitFor();
    await page.screenshot({ path: `${SHOTS}/gongzhi-vote-form.png`, fullPage: true });

    await page.getByRole("button", { name: "保存草稿" }).click();
    await page.getByText("表决已保存为草稿").waitFor();
    await page.waitForURL(/\/organise\/votes\/\d+$/);
    voteId = /\/organise\/votes\/(\d+)/.exec(page.url())?.[1] ?? "";
    const progress = page.getByTestId("vote-progress");
    await progress.locator(".status-tag", { hasText: "草稿" }).waitFor();

    await progress.getByRole("button", { name: /开启表决/ }).click();
    const dialog = page.getByRole("dialog");
    // antd renders a confirm's title twice (one hidden, for screen readers): wait for the visible one.
    await dialog.locator(".ant-modal-confirm-title", { hasText: "现在开启表决？" }).waitFor();
    await dialog.getByRole("button", { name: "开启表决" }).click();
    await page.getByText("表决已开启").waitFor();
    await progress.locator(".status-tag", { hasText: "进行中" }).waitFor();
    await progress.getByText("名册共 3 户").waitFor();
    await page.getByTestId("turnout").getByText("0 / 3 户（0%）").waitFor();

    const vote = await t.db.prisma.vote.findUniqueOrThrow({ where: { id: Number(voteId) } });
    expect(vote).toMatchObject({
      status: "OPEN",
      countingUnit: "HOUSEHOLD",
      threshold: "CIVIL_CODE_278",
      ballotType: "YES_NO_ABSTAIN",
      topicId: seeded.topicId,
      rollSize: 3,
    });
  });

  it("shows the vote on a projector, full screen, without the app's chrome", async () => {
    projector = await openPage(browser, { viewport: { width: 1920, height: 1080 } }, "projector", pageErrors);
    const { page } = projector;
    await page.goto(`${baseUrl}/votes/${voteId}/screen`);
    await page.getByRole("heading", { name: TOPIC_TITLE, level: 1 }).waitFor();
    await page.getByTestId("projector-status").getByText("进行中").waitFor();
    await page.getByTestId("turnout").getByText("0 / 3 户（0%）").waitFor();
    await expect(page.locator(".app-header").count()).resolves.toBe(0);
    await expect(page.locator(".app-sider").count()).resolves.toBe(0);
  });

  it("lets a member of household A vote on a phone, and the projector follows", async () => {
    a1 = await residentOpensVote(seeded.a1, "resident-a1");
    const { page } = a1;
    await page.getByText("本次表决每户一票：您投的这一票代表您全家。").waitFor();
    const { receipt, code } = await cast(page, "反对");
    a1Receipt = code;
    await receipt.getByText("投票成功").waitFor();
    await receipt.getByText("回执码只显示这一次", { exact: false }).waitFor();
    await projector.page.getByTestId("turnout").getByText("1 / 3 户（33.3%）").waitFor();
  });

  it("lets the member of household B vote, and the projector shows 2 households", async () => {
    const b1 = await residentOpensVote(seeded.b1, "resident-b1");
    await cast(b1.page, "赞成");
    await projector.page.getByTestId("turnout").getByText("2 / 3 户（66.6%）").waitFor();
    await projector.page.getByTestId("turnout").getByText("参与面积 170 / 250 ㎡（68%）").waitFor();
    await b1.context.close();
  });

  it("lets the second member of household A change the household's ballot", async () => {
    a2 = await residentOpensVote(seeded.a2, "resident-a2");
    const { page } = a2;
    const voted = page.getByTestId("already-voted");
    await voted.getByText("您家已投票").waitFor();
    await voted.getByTestId("current-choice").getByText("反对").waitFor();
    await voted.getByRole("button", { name: /修改我家的选票/ }).click();
    await page.getByText("提交后将替换您家原来的选票。").waitFor();
    const { receipt, code } = await cast(page, "赞成");
    a2Receipt = code;
    await receipt.getByText("已换成新的选票").waitFor();
    await page.screenshot({ path: `${SHOTS}/gongzhi-vote-receipt-phone.png`, fullPage: true });

    // Still 2 households, now both for: the projector's chart and the rule's lines follow.
    const screen = projector.page;
    await screen.locator('[role="img"][aria-label*="赞成：2 户 · 170㎡"]').waitFor();
    await screen.locator('[role="img"][aria-label*="反对：0 户"]').waitFor();
    await screen.getByTestId("turnout").getByText("2 / 3 户（66.6%）").waitFor();
    const checks = screen.getByTestId("rule-check");
    await checks.filter({ hasText: "参与户数 2/3，需 2" }).and(screen.locator(".is-met")).waitFor();
    await checks.filter({ hasText: "赞成户数 2/2" }).and(screen.locator(".is-met")).waitFor();
    await screen.screenshot({ path: `${SHOTS}/gongzhi-vote-projector.png` });

    // One ballot per household, whatever the number of members who cast it.
    const ballots = await t.db.prisma.ballot.count({ where: { voteId: Number(voteId) } });
    expect(ballots).toBe(2);
  });

  it("lets staff close and publish; residents read the result", async () => {
    const { page } = staff;
    const progress = page.getByTestId("vote-progress");
    await page.getByTestId("turnout").getByText("2 / 3 户（66.6%）").waitFor();
    await progress.getByRole("button", { name: /截止并计票/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "截止并计票" }).click();
    await page.getByText("表决已截止，计票完成").waitFor();
    await progress.locator(".status-tag", { hasText: "已截止" }).waitFor();
    await page.getByTestId("vote-result").locator(".outcome-tag", { hasText: "通过" }).waitFor();

    await progress.getByRole("button", { name: /公示结果/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "公示结果" }).click();
    await page.getByText("结果已公示", { exact: true }).waitFor();
    await progress.locator(".status-tag", { hasText: "已公示" }).waitFor();
    // An open (记名) vote: the organiser's sheet says which household chose what.
    const sheet = page.getByTestId("open-ballot-sheet");
    await sheet.getByRole("row").filter({ hasText: "301室" }).getByText("赞成").waitFor();
    await sheet.getByRole("row").filter({ hasText: "302室" }).getByText("赞成").waitFor();
    await page.screenshot({ path: `${SHOTS}/gongzhi-vote-manage.png`, fullPage: true });

    // The projector, left open, turns to the result by itself.
    await projector.page.getByTestId("projector-status").getByText("已截止").waitFor();
    await projector.page.getByTestId("projector-result").getByText("通过", { exact: true }).waitFor();
    await projector.page.screenshot({ path: `${SHOTS}/gongzhi-vote-projector-result.png` });

    // The resident's open page too: the result, the rule, the conditions, and the receipt check.
    const resident = a2.page;
    await resident.getByRole("button", { name: "好的，我已保存" }).click();
    const result = resident.getByTestId("vote-result");
    await result.locator(".outcome-tag", { hasText: "通过" }).waitFor();
    await result.getByText("民法典第二百七十八条：双三分之二参与、双四分之三同意").waitFor();
    await result.getByText("参与 2 / 3 户（66.6%）。", { exact: false }).waitFor();
    await expect(result.getByTestId("rule-check").count()).resolves.toBe(4);
    await expect(result.locator(".rule-checks .is-unmet").count()).resolves.toBe(0);

    const check = resident.getByTestId("receipt-check");
    await check.getByLabel("回执码").fill(a2Receipt.toLowerCase());
    await check.getByRole("button", { name: "查验" }).click();
    await check.getByText("您的选票已计入", { exact: true }).waitFor();
    await check.getByText("这张选票的选择：赞成").waitFor();
    await resident.screenshot({ path: `${SHOTS}/gongzhi-vote-result-phone.png`, fullPage: true });
    await resident.screenshot({ path: `${SHOTS}/gongzhi-vote-result-phone-screen.png` });

    // 表决公示: anyone finds the published result without signing in.
    const visitor = await openPage(browser, PHONE, "visitor", pageErrors);
    await visitor.page.goto(`${baseUrl}/votes`);
    await visitor.page.getByTestId("public-vote").filter({ hasText: TOPIC_TITLE }).click();
    await visitor.page.getByTestId("vote-result").locator(".outcome-tag", { hasText: "通过" }).waitFor();
    await visitor.context.close();

    const vote = await t.db.prisma.vote.findUniqueOrThrow({ where: { id: Number(voteId) } });
    expect(vote.status).toBe("PUBLISHED");
    expect((vote.result as { outcome: string }).outcome).toBe("PASSED");
  });

  it("tells the first member their replaced receipt no longer counts, and shows the result on a phone", async () => {
    const { page } = a1;
    await page.getByRole("button", { name: "好的，我已保存" }).click();
    await page.getByTestId("vote-result").locator(".outcome-tag", { hasText: "通过" }).waitFor();
    // The household's ballot was replaced by the second member's: the first receipt finds nothing.
    const check = page.getByTestId("receipt-check");
    await check.getByLabel("回执码").fill(a1Receipt);
    await check.getByRole("button", { name: "查验" }).click();
    await check.getByText("没有找到这张回执对应的选票").waitFor();
    await check.getByText("旧回执码会失效", { exact: false }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.goto(`${baseUrl}/me/votes`);
    // antd's Segmented hides its radio inputs: click the visible option.
    await page.locator(".ant-segmented-item", { hasText: "已结束" }).click();
    const item = page.getByTestId("my-vote").filter({ hasText: TOPIC_TITLE });
    await item.getByText("已公示").waitFor();
    await page.screenshot({ path: `${SHOTS}/gongzhi-my-votes-phone.png` });
    await a1.context.close();
    await a2.context.close();
    await projector.context.close();
    await staff.context.close();
  });

  it("logged no errors in any page", () => {
    expect(pageErrors).toEqual([]);
  });
});
