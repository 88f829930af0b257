import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Area } from "../../server/src/generated/prisma/client.js";
import { factories } from "../../server/src/testing/factories.js";
import { startTestApp, type TestApp } from "../../server/src/testing/harness.js";
import { launchChromium } from "./support/chromium.js";
import { chooseOption, DESKTOP, openPage, PHONE, signIn } from "./support/session.js";

// The real app in-process, the built web app, Chromium: a staff member verifies a resident and
// gives them a role; the resident, signed in on another device, sees both happen live.

// TEST_WEB_DIST_DIR: a build elsewhere (e.g. while web/dist is being rebuilt).
const WEB_DIST = process.env.TEST_WEB_DIST_DIR ?? resolve(import.meta.dirname, "../../web/dist");
const SHOTS = process.env.SCREENSHOT_DIR ?? "/tmp";

const STAFF = { phone: "13800000002", realName: "周敏" };
const RESIDENT = { phone: "13900000123", realName: "李秀英" };

let t: TestApp;
let browser: Browser;
const pageErrors: string[] = [];
let seeded: { street: Area; council: { id: number; name: string }; residentAccountId: number; membershipId: number };

/** An area under `parent`, with its materialised path (the tests' factory). */
function createArea(kind: Area["kind"], name: string, parent: Area | null): Promise<Area> {
  return factories(t).createArea({ kind, name, parent });
}

async function seed() {
  const prisma = t.db.prisma;
  const street = await createArea("STREET", "东明路街道", null);
  const neighbourhood = await createArea("NEIGHBOURHOOD", "三林苑", street);
  const compound = await createArea("COMPOUND", "三林苑小区", neighbourhood);
  const building = await createArea("BUILDING", "3号楼", compound);
  const household = await prisma.household.create({
    data: { buildingId: building.id, unit: "502室", floorAreaCentiSqm: 8_912 },
  });
  const council = await prisma.council.create({
    data: { name: "三林苑居民区议事会", kind: "NEIGHBOURHOOD", areaId: neighbourhood.id },
  });
  const staff = await prisma.account.create({
    data: { phone: STAFF.phone, realName: STAFF.realName, displayName: "街道周老师" },
  });
  await prisma.roleGrant.create({ data: { accountId: staff.id, role: "STAFF", areaId: street.id } });
  const resident = await prisma.account.create({
    data: { phone: RESIDENT.phone, realName: RESIDENT.realName, displayName: "李阿姨" },
  });
  const membership = await prisma.householdMember.create({
    data: { householdId: household.id, accountId: resident.id, status: "PENDING" },
  });
  return { street, council, residentAccountId: resident.id, membershipId: membership.id };
}

/**
 * Resolves once the page's live connection listens for this account's changes: publish a probe
 * change until the page reacts by refetching its unread count (a retry interval, not a sleep).
 */
async function untilLive(page: Page, accountId: number) {
  for (let round = 0; round < 80; round++) {
    const refetched = page
      .waitForRequest((r) => r.url().endsWith("/graphql") && (r.postData() ?? "").includes("unreadNotificationCount"), {
        timeout: 250,
      })
      .then(
        () => true,
        () => false,
      );
    t.pubsub.publish("account:changed", accountId, { reason: "notification" });
    if (await refetched) return;
  }
  throw new Error("the page never subscribed to viewerChanged");
}

beforeAll(async () => {
  if (!existsSync(resolve(WEB_DIST, "index.html"))) {
    throw new Error("web/dist is missing: build the web app first (pnpm build, or pnpm --filter @gongzhi/web build)");
  }
  // The app serves the web build itself, as in production: one origin for pages, /graphql and ws.
  t = await startTestApp({ webDistDir: WEB_DIST });
  seeded = await seed();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("signing in and verifying a resident, in Chromium", () => {
  let resident: { context: BrowserContext; page: Page };

  it("shows the public home page with the area tree", async () => {
    const { context, page } = await openPage(browser, DESKTOP, "visitor", pageErrors);
    await page.goto(`${t.url}/`);
    await page.getByRole("heading", { name: "共治", level: 2 }).waitFor();
    const street = page.locator(".area-tree-label", { hasText: "东明路街道" });
    await street.waitFor();
    await street.click();
    await page.getByText("这里还没有成立议事会。").waitFor();
    await page.screenshot({ path: `${SHOTS}/gongzhi-home.png`, fullPage: true });
    await context.close();
  });

  it("lets the resident sign in and see their pending verification", async () => {
    resident = await openPage(browser, PHONE, "resident", pageErrors);
    await signIn(t, resident.page, RESIDENT.phone);
    await resident.page.waitForURL(/\/me\/home$/);
    await resident.page.getByText("待审核").waitFor();
    await resident.page.getByText("东明路街道 三林苑 三林苑小区 3号楼 502室").waitFor();
    await untilLive(resident.page, seeded.residentAccountId);
  });

  it("lets staff verify the resident under 街道管理 → 居民认证, and grant a council role", async () => {
    const { context, page } = await openPage(browser, DESKTOP, "staff", pageErrors);
    await page.goto(`${t.url}/`);
    await page.getByRole("link", { name: "登录", exact: true }).click();
    await page.waitForURL(/\/sign-in$/);
    await signIn(t, page, STAFF.phone);
    await page.waitForURL(/\/admin\/people$/);

    // Through the menu, as staff would.
    await page.getByRole("menuitem", { name: "首页" }).click();
    await page.getByRole("menuitem", { name: "居民认证" }).click();
    await page.waitForURL(/\/admin\/people$/);
    const request = page.getByTestId("membership-item").filter({ hasText: RESIDENT.realName });
    await request.waitFor();
    await request.getByText("待审核").waitFor();
    await page.screenshot({ path: `${SHOTS}/gongzhi-people.png` });

    // The button's name includes its icon's ("check 通过"); "不通过" must not match.
    await request.getByRole("button", { name: /^(?:\w+ )?通过$/ }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "通过", exact: true }).click();
    await page.getByText(`已通过 ${RESIDENT.realName} 的认证`).waitFor();
    // The pending list refreshes by itself: the request leaves it.
    await request.waitFor({ state: "detached" });
    await page.getByText("目前没有待审核的申请。").waitFor();
    const saved = await t.db.prisma.householdMember.findUniqueOrThrow({ where: { id: seeded.membershipId } });
    expect(saved.status).toBe("VERIFIED");

    await page.getByRole("menuitem", { name: "角色授权" }).click();
    await page.waitForURL(/\/admin\/roles$/);
    await page.getByTestId("grant-item").filter({ hasText: STAFF.realName }).waitFor();
    await page.getByRole("button", { name: "授予角色" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("手机号").fill(RESIDENT.phone);
    await dialog.getByLabel("角色").click();
    await chooseOption(page, /^议事会成员$/);
    await dialog.getByLabel("议事会", { exact: true }).click();
    await chooseOption(page, new RegExp(`^${seeded.council.name}$`));
    await dialog.getByRole("button", { name: "授予角色" }).click();
    await page.getByText(`已授予 ${RESIDENT.realName}「议事会成员」`).waitFor();
    const grant = page.getByTestId("grant-item").filter({ hasText: RESIDENT.realName });
    await grant.waitFor();
    await grant.getByText("议事会成员").waitFor();
    await grant.getByText(seeded.council.name).waitFor();
    await page.screenshot({ path: `${SHOTS}/gongzhi-roles.png` });
    await context.close();
  });

  it("shows the resident 已认证, the notifications and their council, without reloading", async () => {
    const { page } = resident;
    await page.getByTestId("membership-card").getByText("已认证", { exact: true }).waitFor();
    await page.getByText("您已是认证居民，可以参加所在区域的表决。").waitFor();
    await page.getByRole("button", { name: "消息通知，2 条未读" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/gongzhi-resident-home.png` });

    await page.getByRole("button", { name: "消息通知，2 条未读" }).click();
    await page.waitForURL(/\/me\/notifications$/);
    const notifications = page.getByTestId("notification");
    await notifications.filter({ hasText: "居民认证已通过" }).waitFor();
    await notifications.filter({ hasText: "您已成为议事会成员" }).waitFor();
    await expect(
      notifications.filter({ hasText: "居民认证已通过" }).getByText("3号楼 502室").isVisible(),
    ).resolves.toBe(true);

    await notifications.filter({ hasText: "居民认证已通过" }).click();
    await page.getByRole("button", { name: "消息通知，1 条未读" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/gongzhi-notifications.png`, fullPage: true });

    // The new role brings a 议事会 section to the menu, leading to the council's page.
    await page.getByRole("button", { name: "打开菜单" }).click();
    await page.getByRole("menuitem", { name: seeded.council.name }).click();
    await page.getByRole("heading", { name: seeded.council.name }).waitFor();
    await page.getByText("您是本议事会的议事会成员").waitFor();
    await page.getByText("成员（1 人）").waitFor();
    await resident.context.close();
  });

  it("works as a menu drawer on a 390×844 phone screen", async () => {
    const { context, page } = await openPage(browser, PHONE, "phone", pageErrors);
    await page.goto(`${t.url}/`);
    // No side menu on a phone: the menu opens as a drawer.
    await expect(page.locator(".app-sider").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "打开菜单" }).click();
    const drawer = page.getByRole("dialog");
    await drawer.getByRole("menuitem", { name: "家站点" }).waitFor();
    // Let it finish sliding in before the picture.
    await expect.poll(async () => (await drawer.boundingBox())?.x ?? -1).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/gongzhi-mobile-menu.png` });
    await drawer.getByRole("menuitem", { name: "家站点" }).click();
    await page.waitForURL(/\/posts$/);
    await page.getByRole("heading", { name: "家站点", level: 2 }).waitFor();
    await drawer.waitFor({ state: "hidden" });
    // Nothing on the page is wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it("lets a newcomer pick their household: 门牌号 opens once the building's units are there", async () => {
    const { context, page } = await openPage(browser, PHONE, "newcomer", pageErrors);
    await page.goto(`${t.url}/sign-in`);
    await signIn(t, page, "13900000789");
    await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
    await page.goto(`${t.url}/me/home`);
    await page.getByText("认证我的住址").waitFor();
    // Every level above has one choice (chosen for the person): the building's units load at once.
    const unit = page.getByLabel("门牌号");
    await expect.poll(() => unit.isEnabled(), { timeout: 10_000 }).toBe(true);
    await unit.click();
    await chooseOption(page, /^502室/);
    await page.getByRole("button", { name: "提交认证申请" }).click();
    await page.getByText("已提交认证申请，请等待居委会审核").waitFor();
    await context.close();
  });

  it("sends someone whose session ended elsewhere (the server closed the live connection, 4401) to sign in, saying so", async () => {
    const { context, page } = await openPage(browser, DESKTOP, "session-ended", pageErrors);
    const phone = "13900000456";
    await page.goto(`${t.url}/sign-in`);
    await signIn(t, page, phone);
    await page.waitForURL(/\/me\/home$/);
    const account = await t.db.prisma.account.findUniqueOrThrow({ where: { phone } });
    await untilLive(page, account.id);

    // Signed out on another device with the same session (the same cookie): this page learns it
    // only through its WebSocket, which the server closes with 4401.
    const session = (await context.cookies()).find((cookie) => cookie.name === "gz_session");
    const out = await t.request<{ signOut: boolean }>(
      "mutation { signOut }",
      {},
      { cookie: `gz_session=${session?.value ?? ""}` },
    );
    expect(out.body.data?.signOut).toBe(true);
    await page.getByText("登录已失效，请重新登录").waitFor();
    await page.waitForURL(/\/sign-in$/);
    await page.getByLabel("手机号").waitFor();
    await context.close();
  });

  it("logged no errors in any page", () => {
    expect(pageErrors).toEqual([]);
  });
});
