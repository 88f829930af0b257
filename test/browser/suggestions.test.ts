import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Account, Department } from "../../server/src/generated/prisma/client.js";
import { createLogger } from "../../server/src/logger.js";
import { sendDueTexts, TEXT_MAX_ATTEMPTS } from "../../server/src/modules/notifications/text-outbox.js";
import { factories, uniquePhone } from "../../server/src/testing/factories.js";
import { startTestApp, type TestApp } from "../../server/src/testing/harness.js";
import { launchChromium } from "./support/chromium.js";
import {
  chooseOption,
  DESKTOP,
  type OpenPage,
  openPage,
  PHONE,
  screenshotOnFailure,
  signIn,
} from "./support/session.js";

// The real app in-process, the built web app, Chromium: a resident submits a suggestion with a
// photo on a phone, choosing to publish it (it is private unless they do); the deputy, watching
// the workbench, sees it arrive, accepts it and transfers it to 城管中队 (lead) and 房管办
// (co-handler); 房管办 sends its part back with a reason; 城管中队 signs for it, posts progress and
// replies; the resident, following the page, sees the reply arrive and is not satisfied (不满意);
// the deputy transfers it again under supervision (督办); 城管中队 replies a second time; the
// resident rates it 满意; the deputy closes it and reads the figures of their post; staff read the
// figures and export them; an anonymous visitor finds it on the public board without the
// resident's name, phone or photo. Then a resident books a reception slot, the deputy moves the
// day and then calls it off, and the resident sees both.

// TEST_WEB_DIST_DIR: a build elsewhere (e.g. while web/dist is being rebuilt).
const WEB_DIST = process.env.TEST_WEB_DIST_DIR ?? resolve(import.meta.dirname, "../../web/dist");
const SHOTS = process.env.SCREENSHOT_DIR ?? "/tmp";
const TITLE = "三林路北段路灯不亮";
const CONTENT = "三林路北段有三盏路灯坏了一个多月，晚上很黑，老人出门不安全。";
const REPLY = "已更换三林路北段3盏路灯灯头，恢复照明。";
const UNHAPPY = "只换了一盏，北段还有两盏不亮";
const REPLY2 = "已更换北段剩余2盏路灯，全部恢复照明，并安排每月巡查。";

let t: TestApp;
let browser: Browser;
const pageErrors: string[] = [];

interface Seeded {
  resident: Account;
  /** The reception scenario's people (a second sign-in of the same phone would wait a minute). */
  neighbour: Account;
  dutyDeputy: Account;
  deputy: Account;
  handler: Account;
  coHandler: Account;
  staff: Account;
  chengguan: Department;
  fangguan: Department;
  postId: number;
  postName: string;
}
let seeded: Seeded;

async function seed(): Promise<Seeded> {
  const prisma = t.db.prisma;
  const f = factories(t);
  const tree = await f.createAreaTree();
  const { neighbourhood, building } = tree.sanlin;
  const post = await prisma.liaisonPost.create({
    data: { kind: "STATION", name: "三林苑人大代表联络站", areaId: neighbourhood.id, address: "三林路235弄1号" },
  });
  const chengguan = await prisma.department.create({ data: { name: "城管中队", areaId: tree.street.id } });
  const fangguan = await prisma.department.create({ data: { name: "房管办", areaId: tree.street.id } });

  const resident = await f.createAccount({ realName: "王建国", displayName: "老王" });
  const household = await f.createHousehold({ building, unit: "502室" });
  await prisma.householdMember.create({
    data: { householdId: household.id, accountId: resident.id, status: "VERIFIED", decidedAt: new Date() },
  });
  const deputy = await f.createAccount({ realName: "李文华", displayName: "李文华代表" });
  await prisma.roleGrant.create({
    data: { accountId: deputy.id, role: "DEPUTY", areaId: neighbourhood.id, postId: post.id },
  });
  await prisma.deputyProfile.create({ data: { accountId: deputy.id, name: "李文华", title: "区人大代表" } });
  const handler = await f.createAccount({ realName: "张强", displayName: "城管张队" });
  const coHandler = await f.createAccount({ realName: "刘芳", displayName: "房管刘老师" });
  for (const [account, department] of [
    [handler, chengguan],
    [coHandler, fangguan],
  ] as const) {
    await prisma.roleGrant.create({
      data: { accountId: account.id, role: "DEPARTMENT_HANDLER", areaId: tree.street.id, departmentId: department.id },
    });
  }
  const neighbour = await f.createAccount({ realName: "赵秀英", displayName: "赵阿姨" });
  const dutyDeputy = await f.createAccount({ realName: "陈国强", displayName: "陈国强代表" });
  await prisma.roleGrant.create({
    data: { accountId: dutyDeputy.id, role: "DEPUTY", areaId: neighbourhood.id, postId: post.id },
  });
  await prisma.deputyProfile.create({ data: { accountId: dutyDeputy.id, name: "陈国强", title: "区人大代表" } });
  const staff = await f.createAccount({ realName: "周敏", displayName: "街道周老师" });
  await prisma.roleGrant.create({ data: { accountId: staff.id, role: "STAFF", areaId: tree.street.id } });
  return {
    resident,
    neighbour,
    dutyDeputy,
    deputy,
    handler,
    coHandler,
    staff,
    chengguan,
    fangguan,
    postId: post.id,
    postName: post.name,
  };
}

/** The suggestion's row, read straight from the database. */
function stored() {
  return t.db.prisma.suggestion.findFirstOrThrow({
    where: { title: TITLE },
    include: { transfers: true, replies: true, ratings: true, attachments: true },
  });
}

/** antd shows a message toast; wait for the one with this text. */
async function toast(page: Page, text: string) {
  await page.locator(".ant-message").getByText(text).waitFor();
}

/** A button by its text, whatever icon precedes it (antd icons name themselves: "check 受理"). */
function button(scope: Locator, text: string) {
  return scope.getByRole("button", { name: new RegExp(`^(\\S+ )?${text}$`) });
}

/** The visible dialog (antd keeps closed ones in the page, hidden). */
function dialog(page: Page) {
  return page.locator(".ant-modal-wrap:visible").last();
}

beforeAll(async () => {
  if (!existsSync(resolve(WEB_DIST, "index.html"))) {
    throw new Error("web/dist is missing: build the web app first (pnpm --filter @gongzhi/web build)");
  }
  t = await startTestApp({ webDistDir: WEB_DIST });
  seeded = await seed();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("a suggestion from a resident's phone to a rated reply, in Chromium", () => {
  let deputy: OpenPage;
  let resident: OpenPage;
  let handler: OpenPage;
  let coHandler: OpenPage;
  let suggestionId: string;

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") {
      await screenshotOnFailure({ deputy, resident, handler, coHandler }, SHOTS);
    }
  });

  it("lets a resident submit a suggestion with a photo, and the deputy sees it arrive", async () => {
    deputy = await openPage(browser, DESKTOP, "deputy", pageErrors);
    await signIn(t, deputy.page, seeded.dutyDeputy.phone);
    await deputy.page.getByRole("menuitem", { name: "建议办理" }).click();
    await deputy.page.waitForURL(/\/workbench$/);
    await deputy.page.getByTestId("tab-active").waitFor();
    await deputy.page.getByText("没有待办的意见建议").waitFor();

    resident = await openPage(browser, PHONE, "resident", pageErrors);
    const { page } = resident;
    await signIn(t, page, seeded.resident.phone);
    await page.waitForURL(/\/me\/home$/);
    await page.getByRole("button", { name: "打开菜单" }).click();
    await page.getByRole("menuitem", { name: "我的建议" }).click();
    await page.waitForURL(/\/me\/suggestions$/);
    await page.getByText("您还没有提过意见建议。").waitFor();
    await page
      .getByRole("link", { name: /我要提建议/ })
      .first()
      .click();
    await page.waitForURL(/\/me\/suggestions\/new$/);

    // Sending an empty form names what is missing, in Chinese, and sends nothing.
    await page.getByRole("button", { name: "提交建议" }).click();
    await page.getByText("请填写标题").waitFor();
    await page.getByText("请选择类别").waitFor();
    await page.getByText("请填写具体内容").waitFor();

    await page.getByLabel("标题").fill(TITLE);
    await page.getByRole("combobox", { name: "类别" }).click();
    await chooseOption(page, "市容环境");
    await page.getByLabel("具体内容").fill(CONTENT);
    await page.getByLabel(/地点/).fill("三林路北段");
    // Publishing is the resident's choice, off until they turn it on.
    const publish = page.locator(".publish-switch");
    await expect(publish.getAttribute("aria-checked")).resolves.toBe("false");
    await publish.click();
    await expect(publish.getAttribute("aria-checked")).resolves.toBe("true");
    // A real image: the page re-encodes it in a canvas before uploading.
    const photo = await page.screenshot({ type: "png", clip: { x: 0, y: 0, width: 200, height: 150 } });
    await page.locator('input[type="file"]').setInputFiles({ name: "路灯.png", mimeType: "image/png", buffer: photo });
    await page
      .locator(".ant-upload-list-item-done")
      .or(page.locator(".ant-upload-list-item:not(.ant-upload-list-item-uploading)"))
      .first()
      .waitFor();
    // A verified resident's post is chosen for them.
    await page.getByText(seeded.postName).first().waitFor();
    await page
      .getByTestId("chosen-post")
      .getByText(/驻站代表：李文华/)
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/gongzhi-suggestion-submit.png`, fullPage: true });
    await page.getByRole("button", { name: "提交建议" }).click();

    await page.waitForURL(/\/suggestions\/\d+/);
    suggestionId = /\/suggestions\/(\d+)/.exec(page.url())?.[1] ?? "";
    await page.getByTestId("submitted-banner").waitFor();
    await page.getByTestId("suggestion-content").getByText(CONTENT).waitFor();

    const row = await stored();
    expect(row).toMatchObject({ status: "SUBMITTED", category: "CITY_APPEARANCE", submitterId: seeded.resident.id });
    expect(row.attachments).toHaveLength(1);

    // The deputy's workbench received it live, without a reload.
    const item = deputy.page.getByTestId("inbox-item").filter({ hasText: TITLE });
    await item.waitFor();
    await deputy.page.screenshot({ path: `${SHOTS}/gongzhi-suggestion-workbench.png`, fullPage: true });
  });

  it("lets the deputy accept it and transfer it to a lead department and a co-handler", async () => {
    const { page } = deputy;
    await page.getByTestId("inbox-item").filter({ hasText: TITLE }).click();
    await page.waitForURL(new RegExp(`/workbench/suggestions/${suggestionId}$`));
    // The deputy sees who wrote it (private to handlers) and the photo.
    await page.getByTestId("submitter").getByText("王建国").waitFor();
    await page.getByTestId("suggestion-content").locator("img").first().waitFor();

    const actions = page.getByTestId("actions");
    await button(actions, "受理").click();
    await dialog(page).getByRole("button", { name: "确认受理" }).click();
    await toast(page, "已受理");

    await button(actions, "转办").click();
    const form = dialog(page);
    await form.locator("fieldset.is-lead").getByRole("combobox").click();
    await chooseOption(page, "城管中队");
    await form.getByRole("button", { name: "添加协办部门" }).click();
    await form.locator("fieldset").nth(1).getByRole("combobox").first().click();
    await chooseOption(page, "房管办");
    await form.getByLabel("转办意见").fill("请尽快到现场查看");
    await button(form, "转办").click();
    const confirm = page.getByTestId("transfer-confirm");
    await confirm.getByText(/城管中队（主办）/).waitFor();
    await confirm.getByText(/房管办（协办）/).waitFor();
    await dialog(page).getByRole("button", { name: "确认转办" }).click();
    await toast(page, "已转办");
    await expect.poll(async () => (await stored()).status).toBe("TRANSFERRED");
    await expect(page.getByTestId("transfer-item").count()).resolves.toBe(2);
  });

  it("lets the co-handler send its part back with a reason, and the deputy sees it", async () => {
    coHandler = await openPage(browser, DESKTOP, "co-handler", pageErrors);
    const { page } = coHandler;
    await signIn(t, page, seeded.coHandler.phone);
    await page.goto(`${t.url}/departments/${seeded.fangguan.id}`);
    await page.getByRole("link", { name: `办理：${TITLE}` }).click();
    await page.waitForURL(/\/transfers\/\d+/);
    await page.getByTestId("transfer-actions").getByRole("button", { name: "退回" }).click();
    const back = dialog(page);
    await back.getByRole("button", { name: "确认退回" }).click();
    await back.getByText("请写明退回理由").waitFor();
    await back.getByLabel("退回理由").fill("路灯属于城管中队管养，房管办无需协办");
    await back.getByRole("button", { name: "确认退回" }).click();
    await toast(page, "已退回，代表会收到通知");

    await deputy.page
      .getByTestId("transfer-item")
      .filter({ hasText: "房管办" })
      .getByText(/已退回/)
      .first()
      .waitFor();
  });

  it("lets the lead department sign for it, post progress and reply", async () => {
    handler = await openPage(browser, DESKTOP, "handler", pageErrors);
    const { page } = handler;
    await signIn(t, page, seeded.handler.phone);
    await page.getByRole("menuitem", { name: "城管中队" }).click();
    await page.waitForURL(new RegExp(`/departments/${seeded.chengguan.id}$`));
    const item = page.getByTestId("dq-item").filter({ hasText: TITLE });
    await item.waitFor();
    await page.screenshot({ path: `${SHOTS}/gongzhi-suggestion-queue.png`, fullPage: true });
    await page.getByRole("link", { name: `办理：${TITLE}` }).click();
    await page.waitForURL(/\/transfers\/\d+/);
    // The department sees the submitter's name for the follow-up call.
    await page.getByTestId("suggestion-card").getByText("王建国").waitFor();

    await page.getByTestId("transfer-actions").getByRole("button", { name: "签收" }).click();
    await toast(page, "已签收，请抓紧办理");

    const progress = page.getByTestId("progress-form");
    await progress.getByLabel("进展情况").fill("已到现场查看，灯头老化，明天更换。");
    await progress.getByRole("button", { name: "发布进展" }).click();
    await toast(page, "进展已发布，提出人和代表会收到通知");
    await page.getByTestId("progress-list").getByText("已到现场查看，灯头老化，明天更换。").waitFor();

    await page.getByTestId("transfer-actions").getByRole("button", { name: "答复并办结" }).click();
    const reply = dialog(page);
    await reply.getByLabel("答复内容").fill(REPLY);
    await reply.getByRole("button", { name: "发送答复" }).click();
    await toast(page, "已答复，提出人会收到通知");
    await expect.poll(async () => (await stored()).status).toBe("REPLIED");
  });

  it("shows the resident the reply live; not satisfied, they say why and it goes back for 督办", async () => {
    const { page } = resident;
    // The page the resident left open after submitting: the reply arrives without a reload.
    await page.getByTestId("replies").getByText(REPLY).waitFor();
    const panel = page.getByTestId("rate-panel");
    await panel.getByRole("button", { name: "提交评价" }).click();
    await panel.getByText("请选择满意、基本满意或不满意").waitFor();
    await panel.getByRole("radio", { name: "不满意" }).check();
    // 不满意 asks for a reason before it reopens the suggestion.
    await panel.getByText("选择“不满意”后，这条建议会重新办理").waitFor();
    await panel.getByRole("button", { name: "提交评价，请求重新办理" }).click();
    await panel.getByText("请写下不满意的原因", { exact: true }).waitFor();
    await panel.getByLabel("不满意的原因").fill(UNHAPPY);
    await page.screenshot({ path: `${SHOTS}/gongzhi-suggestion-rate.png`, fullPage: true });
    await panel.getByRole("button", { name: "提交评价，请求重新办理" }).click();
    await toast(page, "已提交，人大代表会督促重新办理");
    await expect.poll(async () => (await stored()).status).toBe("SUPERVISING");
    const row = await stored();
    expect(row.round).toBe(2);
    expect(row.ratings).toMatchObject([{ round: 1, satisfaction: "UNSATISFIED", comment: UNHAPPY }]);
    await expect.poll(() => panel.count()).toBe(0);
  });

  it("lets the deputy transfer it again under supervision, and the department reply a second time", async () => {
    const { page } = deputy;
    // The handling page the deputy left open follows: 督办, the resident's reason, transfer again.
    await page.getByTestId("next-step").getByText("居民不满意，正在督办：请再次转办并督促办理。").waitFor();
    await page.getByTestId("history").getByText(UNHAPPY).waitFor();
    await button(page.getByTestId("actions"), "转办").click();
    const form = dialog(page);
    await form.locator("fieldset.is-lead").getByRole("combobox").click();
    await chooseOption(page, "城管中队");
    await form.getByLabel("转办意见").fill("居民反映北段仍有两盏不亮，请全部更换");
    await button(form, "转办").click();
    await page
      .getByTestId("transfer-confirm")
      .getByText(/城管中队（主办）/)
      .waitFor();
    await dialog(page).getByRole("button", { name: "确认转办" }).click();
    await toast(page, "已转办");
    await expect
      .poll(async () => (await stored()).transfers.filter((tr) => tr.round === 2).map((tr) => tr.status))
      .toEqual(["PENDING"]);

    const { page: office } = handler;
    await office.goto(`${t.url}/departments/${seeded.chengguan.id}`);
    await office.getByRole("link", { name: `办理：${TITLE}` }).click();
    await office.waitForURL(/\/transfers\/\d+/);
    await office.getByTestId("transfer-actions").getByRole("button", { name: "签收" }).click();
    await toast(office, "已签收，请抓紧办理");
    await office.getByTestId("transfer-actions").getByRole("button", { name: "答复并办结" }).click();
    const reply = dialog(office);
    await reply.getByLabel("答复内容").fill(REPLY2);
    await reply.getByRole("button", { name: "发送答复" }).click();
    await toast(office, "已答复，提出人会收到通知");
    await expect.poll(async () => (await stored()).status).toBe("REPLIED");
    expect((await stored()).replies.map((r) => r.round).sort()).toEqual([1, 2]);
  });

  it("shows the resident the second reply live and takes their rating", async () => {
    const { page } = resident;
    await page.getByTestId("replies").getByText(REPLY2).waitFor();
    const panel = page.getByTestId("rate-panel");
    await panel.getByRole("radio", { name: "满意", exact: true }).check();
    await panel.getByLabel("想说的话（选填）").fill("这次都修好了，谢谢！");
    await panel.getByRole("button", { name: "提交评价" }).click();
    await toast(page, "感谢您的评价");
    const row = await stored();
    expect(row.status).toBe("RATED");
    expect(row.ratings.map((r) => [r.round, r.satisfaction])).toEqual([
      [1, "UNSATISFIED"],
      [2, "SATISFIED"],
    ]);
  });

  it("lets the deputy close it once rated", async () => {
    const { page } = deputy;
    await page.getByTestId("rating").getByText("满意", { exact: true }).first().waitFor();
    await button(page.getByTestId("actions"), "办结").click();
    await dialog(page).getByRole("button", { name: "确认办结" }).click();
    await toast(page, "已办结");
    await page.getByTestId("next-step").getByText("已办结。").waitFor();
    expect((await stored()).status).toBe("CLOSED");
    // The resident's page follows to the end.
    await resident.page.getByTestId("timeline-step").filter({ hasText: "办结" }).first().waitFor();
  });

  it("gives the deputy the figures of their post", async () => {
    const { page } = deputy;
    await page.getByRole("menuitem", { name: "建议统计" }).click();
    await page.waitForURL(/\/workbench\/statistics/);
    const figures = page.getByTestId("stats-figures");
    const figure = (label: string) => figures.locator("li").filter({ hasText: label });
    await expect.poll(() => figure("收集意见建议").textContent()).toContain("1");
    await expect(figure("办结率").textContent()).resolves.toContain("100");
    await expect(figure("满意率").textContent()).resolves.toContain("100");
    // Their own posts only: no area filter, and the post filter lists theirs.
    await expect(page.getByLabel("区域", { exact: true }).count()).resolves.toBe(0);
    await page.screenshot({ path: `${SHOTS}/gongzhi-suggestion-deputy-stats.png`, fullPage: true });
  });

  it("gives staff the figures and the export", async () => {
    const staff = await openPage(browser, DESKTOP, "staff", pageErrors);
    const { page } = staff;
    await signIn(t, page, seeded.staff.phone);
    await page.waitForURL(/\/admin\//);
    await page.getByRole("menuitem", { name: "建议统计" }).click();
    await page.waitForURL(/\/admin\/suggestions/);
    const figures = page.getByTestId("stats-figures");
    const figure = (label: string) => figures.locator("li").filter({ hasText: label });
    await expect.poll(() => figure("收集意见建议").textContent()).toContain("1");
    await expect(figure("办结率").textContent()).resolves.toContain("100");
    await expect(figure("满意率").textContent()).resolves.toContain("100");
    await page.screenshot({ path: `${SHOTS}/gongzhi-suggestion-dashboard.png`, fullPage: true });

    const href = await page.getByTestId("export-csv").getAttribute("href");
    expect(href).toBeTruthy();
    const csv = await page.request.get(new URL(href ?? "", t.url).toString());
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    // By post: received, accepted, declined, transferred, replied, closed, closure %, rated, by
    // phone, satisfied, basically, unsatisfied, satisfaction % (by the latest rating: 满意).
    expect(text).toContain(`${seeded.postName},1,1,0,1,1,1,100.00,1,0,1,0,0,100.00,`);
    expect(text).not.toContain("王建国");
    expect(text).not.toContain(seeded.resident.phone);
    await staff.context.close();
  });

  it("publishes it on the public board without the resident's name, phone or photo", async () => {
    const visitor = await openPage(browser, PHONE, "visitor", pageErrors);
    const { page } = visitor;
    await page.goto(`${t.url}/suggestions`);
    await page.getByLabel("搜索意见建议").fill("路灯");
    await page.getByLabel("搜索意见建议").press("Enter");
    await page.getByRole("link", { name: new RegExp(TITLE) }).click();
    await page.waitForURL(new RegExp(`/suggestions/${suggestionId}$`));
    await page.getByTestId("replies").getByText(REPLY).waitFor();
    const body = (await page.locator("body").textContent()) ?? "";
    expect(body).not.toContain("王建国");
    expect(body).not.toContain("老王");
    expect(body).not.toContain(seeded.resident.phone);
    await expect(page.locator(".photo-gallery").count()).resolves.toBe(0);
    await visitor.context.close();
  });

  it("logged no errors in any page", async () => {
    for (const open of [deputy, resident, handler, coHandler]) await open?.context.close();
    expect(pageErrors).toEqual([]);
  });
});

describe("a resident booking a reception slot, in Chromium", () => {
  let resident: OpenPage;
  let deputy: OpenPage;
  const PLACE = "社区文化中心二楼";

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure({ resident, deputy }, SHOTS);
  });

  afterAll(async () => {
    for (const open of [resident, deputy]) await open?.context.close();
  });

  it("books a slot on a phone, sees a change of place and a day called off", async () => {
    // A day the day after tomorrow, 09:00–11:30 Beijing time, with the deputy on duty.
    const day = new Date(Date.now() + 2 * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    const reception = await t.db.prisma.receptionDay.create({
      data: {
        postId: seeded.postId,
        startsAt: new Date(`${day}T09:00:00+08:00`),
        endsAt: new Date(`${day}T11:30:00+08:00`),
        place: "三林路235弄1号",
        capacity: 5,
        duties: { create: [{ deputyId: seeded.dutyDeputy.id }] },
      },
    });

    resident = await openPage(browser, PHONE, "reception-resident", pageErrors);
    const { page } = resident;
    await signIn(t, page, seeded.neighbour.phone);
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    await page.goto(`${t.url}/receptions`);
    const card = page.locator(`[data-testid="reception-day"][data-day-id="${reception.id}"]`);
    await card.getByTestId("slots").getByText("还可预约 5 人（共 5 个名额）").waitFor();
    await card.getByTestId("book-button").click();
    const form = card.getByTestId("booking-form");
    await form.getByRole("button", { name: "确认预约" }).click();
    await form.getByText("请简单写一下想反映的事").waitFor();
    await form.getByLabel("想反映什么事").fill("小区门口停车难，想当面反映");
    await form.getByRole("button", { name: "确认预约" }).click();
    await toast(page, "预约成功，请按时前往");
    await card.getByText("已预约").first().waitFor();
    await card.getByTestId("slots").getByText("还可预约 4 人（共 5 个名额）").waitFor();
    await page.getByTestId("my-bookings").getByText("反映的事：小区门口停车难，想当面反映").waitFor();
    const booking = await t.db.prisma.receptionBooking.findFirstOrThrow({ where: { receptionDayId: reception.id } });
    expect(booking).toMatchObject({ accountId: seeded.neighbour.id, status: "BOOKED" });
    await page.screenshot({ path: `${SHOTS}/gongzhi-reception-booked.png`, fullPage: true });

    // The deputy moves it to another room: the resident is told and sees the new place.
    deputy = await openPage(browser, DESKTOP, "reception-deputy", pageErrors);
    await signIn(t, deputy.page, seeded.deputy.phone);
    await deputy.page.getByRole("menuitem", { name: "接待日安排" }).click();
    await deputy.page.waitForURL(/\/workbench\/receptions$/);
    const managed = deputy.page.getByTestId("reception-day").filter({ hasText: "小区门口停车难" });
    await managed.getByRole("button", { name: /修改/ }).click();
    const change = dialog(deputy.page);
    await change.getByText("已有 1 位居民预约").waitFor();
    await change.getByLabel("地点").fill(PLACE);
    await change.getByRole("button", { name: "保存修改" }).click();
    await toast(deputy.page, "接待日已修改");
    await managed.getByText(PLACE).waitFor();
    await expect
      .poll(() =>
        t.db.prisma.notification.count({
          where: { recipientId: seeded.neighbour.id, kind: "reception.changed", subjectId: reception.id },
        }),
      )
      .toBe(1);
    await page.reload();
    await page.getByTestId("my-bookings").getByText(PLACE, { exact: false }).waitFor();

    // Then calls it off: the booking stays in the resident's list, marked cancelled.
    await managed.getByRole("button", { name: /取消接待日/ }).click();
    const off = dialog(deputy.page);
    await off.getByLabel("取消原因").fill("代表临时出差");
    await off.getByRole("button", { name: "确认取消接待日" }).click();
    await toast(deputy.page, "接待日已取消");
    await page.reload();
    const mine = page.getByTestId("my-booking").filter({ hasText: "小区门口停车难" });
    await mine.getByText("这次接待已取消").waitFor();
    expect((await t.db.prisma.receptionBooking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe(
      "CANCELLED",
    );
    for (const open of [resident, deputy]) await open.context.close();
    expect(pageErrors).toEqual([]);
  });
});

describe("a resident without an account whose text messages do not arrive, in Chromium", () => {
  let deputy: OpenPage;

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure({ deputy }, SHOTS);
  });

  it("shows the deputy the failed text, and takes the rating they hear on the phone", async () => {
    const prisma = t.db.prisma;
    const f = factories(t);
    // People of their own: a phone signed in a moment ago would have to wait for another code.
    const withGrant = async (grant: { role: "DEPUTY" | "DEPARTMENT_HANDLER"; departmentId?: number }) => {
      const account = await f.createAccount();
      const post = await prisma.liaisonPost.findUniqueOrThrow({ where: { id: seeded.postId } });
      await prisma.roleGrant.create({
        data: {
          accountId: account.id,
          role: grant.role,
          areaId: grant.role === "DEPUTY" ? post.areaId : (seeded.chengguan.areaId ?? post.areaId),
          postId: grant.role === "DEPUTY" ? post.id : null,
          departmentId: grant.departmentId ?? null,
        },
      });
      return account;
    };
    const recorder = await withGrant({ role: "DEPUTY" });
    const caller = await withGrant({ role: "DEPUTY" });
    const departmentHandler = await withGrant({ role: "DEPARTMENT_HANDLER", departmentId: seeded.chengguan.id });
    const recorderToken = await t.signIn(recorder.phone);
    const handlerToken = await t.signIn(departmentHandler.phone);
    const run = async <T>(query: string, variables: Record<string, unknown>, token: string) => {
      const response = await t.gql<T>(query, variables, token);
      if (response.errors) throw new Error(JSON.stringify(response.errors));
      return response.data as T;
    };

    // Heard at a reception from someone with no account, transferred, signed for and replied …
    const phone = uniquePhone();
    const recorded = await run<{ recordSuggestion: { data: { id: string } } }>(
      `mutation($input: RecordSuggestionInput!) { recordSuggestion(input: $input) {
        ... on MutationRecordSuggestionSuccess { data { id } } } }`,
      {
        input: {
          postId: String(seeded.postId),
          name: "钱阿婆",
          phone,
          category: "ELDERLY_SERVICES",
          title: "助餐点周末不开门",
          content: "周末老人吃饭没有着落",
          allowPublish: false,
        },
      },
      recorderToken,
    );
    const id = recorded.recordSuggestion.data.id;
    const moved = await run<{ transferSuggestion: { data: { currentTransfers: { id: string }[] } } }>(
      `mutation($id: ID!, $transfers: [TransferInput!]!) { transferSuggestion(id: $id, transfers: $transfers) {
        ... on MutationTransferSuggestionSuccess { data { currentTransfers { id } } } } }`,
      { id, transfers: [{ departmentId: String(seeded.chengguan.id), role: "LEAD" }] },
      recorderToken,
    );
    await run(
      `mutation($transferId: ID!) { acknowledgeTransfer(transferId: $transferId) { __typename } }`,
      { transferId: moved.transferSuggestion.data.currentTransfers[0]?.id },
      handlerToken,
    );
    // … while the SMS gateway is down for every attempt the outbox makes.
    t.sms.failNext(TEXT_MAX_ATTEMPTS);
    await run(
      `mutation($id: ID!, $body: String!) { replySuggestion(id: $id, body: $body) { __typename } }`,
      { id, body: "已协调助餐点周六中午开门。" },
      handlerToken,
    );
    const deps = { prisma, sms: t.sms, logger: createLogger("silent") };
    for (let attempt = 2; attempt <= TEXT_MAX_ATTEMPTS; attempt++) {
      const text = await prisma.textMessage.findFirstOrThrow({ where: { suggestionId: Number(id) } });
      await sendDueTexts(deps, { ids: [text.id], now: text.nextAttemptAt ?? new Date() });
    }
    expect(t.sms.to(phone)).toEqual([]);

    deputy = await openPage(browser, DESKTOP, "phone-deputy", pageErrors);
    const { page } = deputy;
    await signIn(t, page, caller.phone);
    await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
    await page.goto(`${t.url}/workbench/suggestions/${id}`);
    const texts = page.getByTestId("text-messages");
    await texts.getByText("发送失败").waitFor();
    await texts.getByText(`“答复”短信发送 ${TEXT_MAX_ATTEMPTS} 次均未成功，反映人可能未收到，请电话告知。`).waitFor();
    await page.screenshot({ path: `${SHOTS}/gongzhi-suggestion-text-failed.png`, fullPage: true });

    // The deputy calls and enters what they hear: not satisfied, and why.
    await button(page.getByTestId("actions"), "录入电话回访评价").click();
    const rating = dialog(page);
    await rating.getByRole("radio", { name: "不满意" }).check();
    await rating.getByText("选择“不满意”后，这条建议将转入督办，需要再次转办。").waitFor();
    await rating.getByRole("button", { name: "保存评价" }).click();
    await rating.getByText("请写下不满意的原因", { exact: true }).waitFor();
    await rating.getByLabel("不满意的原因（反映人原话）").fill("只开周六，周日还是没有");
    await rating.getByRole("button", { name: "保存评价" }).click();
    await toast(page, "已录入不满意，已转入督办");
    const row = await prisma.suggestion.findUniqueOrThrow({ where: { id: Number(id) }, include: { ratings: true } });
    expect(row.status).toBe("SUPERVISING");
    expect(row.ratings).toMatchObject([{ byPhone: true, raterId: caller.id, satisfaction: "UNSATISFIED" }]);

    await deputy.context.close();
    expect(pageErrors).toEqual([]);
  });
});
