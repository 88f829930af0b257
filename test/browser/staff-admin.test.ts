import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Area } from "../../server/src/generated/prisma/client.js";
import { factories } from "../../server/src/testing/factories.js";
import { startTestApp, type TestApp } from "../../server/src/testing/harness.js";
import { launchChromium } from "./support/chromium.js";
import { chooseOption, DESKTOP, type OpenPage, openPage, screenshotOnFailure, signIn } from "./support/session.js";

// A street staff member's foundation pages, in Chromium against the real app: registering an older
// resident in person, giving a deputy the public profile shown on their post, setting the
// neighbourhoods a 街区 covers, and reading all of it back on the 操作记录 page.

const WEB_DIST = process.env.TEST_WEB_DIST_DIR ?? resolve(import.meta.dirname, "../../web/dist");
const SHOTS = process.env.SCREENSHOT_DIR ?? "/tmp";

const STAFF = { phone: "13800000302", realName: "周敏" };
const DEPUTY = { phone: "13800000306", realName: "张建国" };
const ELDER = { phone: "13900000888", realName: "王阿婆" };
const ADMIN = { phone: "13800000301", realName: "吴强" };

let t: TestApp;
let browser: Browser;
let staff: OpenPage | undefined;
let admin: OpenPage | undefined;
const pageErrors: string[] = [];
let seeded: { block: Area; sanlin: Area; stationName: string };

/** An area under `parent`, with its materialised path (the tests' factory). */
function createArea(kind: Area["kind"], name: string, parent: Area | null): Promise<Area> {
  return factories(t).createArea({ kind, name, parent });
}

async function seed() {
  const prisma = t.db.prisma;
  const street = await createArea("STREET", "东明路街道", null);
  const sanlin = await createArea("NEIGHBOURHOOD", "三林苑", street);
  const compound = await createArea("COMPOUND", "三林苑小区", sanlin);
  const building = await createArea("BUILDING", "3号楼", compound);
  await createArea("NEIGHBOURHOOD", "凌二", street);
  const block = await createArea("BLOCK", "灵岩南路街区", street);
  await prisma.household.createMany({
    data: [
      { buildingId: building.id, unit: "101室", floorAreaCentiSqm: 6_500 },
      { buildingId: building.id, unit: "102室", floorAreaCentiSqm: 7_200 },
    ],
  });
  const home = await prisma.liaisonPost.create({
    data: { kind: "HOME", name: "东明路街道人大代表之家", areaId: street.id, address: "东明路1号" },
  });
  const station = await prisma.liaisonPost.create({
    data: { kind: "STATION", name: "三林苑人大代表联络站", parentId: home.id, areaId: sanlin.id, address: "三林路2号" },
  });
  const staffAccount = await prisma.account.create({
    data: { phone: STAFF.phone, realName: STAFF.realName, displayName: "街道周老师" },
  });
  await prisma.roleGrant.create({ data: { accountId: staffAccount.id, role: "STAFF", areaId: street.id } });
  const adminAccount = await prisma.account.create({
    data: { phone: ADMIN.phone, realName: ADMIN.realName, displayName: "街道吴科长" },
  });
  await prisma.roleGrant.create({ data: { accountId: adminAccount.id, role: "ADMIN", areaId: street.id } });
  // Granted in 角色授权 earlier, but without the public profile a post shows.
  const deputy = await prisma.account.create({
    data: { phone: DEPUTY.phone, realName: DEPUTY.realName, displayName: "居民ZJG" },
  });
  await prisma.roleGrant.create({
    data: { accountId: deputy.id, role: "DEPUTY", areaId: sanlin.id, postId: station.id },
  });
  return { block, sanlin, stationName: station.name };
}

beforeAll(async () => {
  if (!existsSync(resolve(WEB_DIST, "index.html"))) {
    throw new Error("web/dist is missing: build the web app first (pnpm --filter @gongzhi/web build)");
  }
  t = await startTestApp({ webDistDir: WEB_DIST });
  seeded = await seed();
  browser = await launchChromium();
});

afterEach(async (context) => {
  if (context.task.result?.state === "fail") await screenshotOnFailure({ staff, admin }, SHOTS);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("a street staff member's foundation pages, in Chromium", () => {
  it("registers an older resident in person under 居民认证 → 现场登记居民", async () => {
    staff = await openPage(browser, DESKTOP, "staff", pageErrors);
    const { page } = staff;
    await signIn(t, page, STAFF.phone);
    await page.waitForURL(/\/admin\/people$/);

    await page.getByRole("button", { name: /现场登记居民/ }).click();
    const dialog = page.getByRole("dialog");
    // The building, level by level in the tree of the staff's areas.
    await dialog.getByLabel("楼栋").click();
    const tree = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
    for (const level of ["东明路街道", "三林苑", "三林苑小区"]) {
      await tree
        .locator(".ant-select-tree-treenode", { hasText: `${level}（` })
        .first()
        .locator(".ant-select-tree-switcher")
        .click();
    }
    await chooseOption(page, "3号楼（楼栋）");
    await dialog.getByLabel("门牌号").click();
    await chooseOption(page, /^102室/);
    await dialog.getByLabel("手机号").fill(ELDER.phone);
    await dialog.getByLabel("真实姓名").fill(ELDER.realName);
    await page.screenshot({ path: `${SHOTS}/gongzhi-register-resident.png` });
    await dialog.getByRole("button", { name: /现场登记居民/ }).click();
    await page.getByText(`已为 ${ELDER.realName} 登记并认证`).waitFor();

    const account = await t.db.prisma.account.findUniqueOrThrow({
      where: { phone: ELDER.phone },
      include: { memberships: { include: { household: true } } },
    });
    expect(account.realName).toBe(ELDER.realName);
    expect(account.memberships.map((m) => [m.household.unit, m.status])).toEqual([["102室", "VERIFIED"]]);
    // And the list of verified residents shows them.
    await page.getByText("已认证", { exact: true }).first().click();
    await page.getByTestId("membership-item").filter({ hasText: ELDER.realName }).waitFor();
  });

  it("gives a deputy granted in 角色授权 the profile that shows them on their post", async () => {
    const { page } = staff as OpenPage;
    await page.getByRole("menuitem", { name: "角色授权" }).click();
    await page.waitForURL(/\/admin\/roles$/);
    const grant = page.getByTestId("grant-item").filter({ hasText: DEPUTY.realName });
    await grant.getByText("尚未填写代表信息，站点页面上还看不到 TA").waitFor();

    await grant.getByRole("button", { name: /代表信息/ }).click();
    const dialog = page.getByRole("dialog");
    // The real name is offered as the public name: a deputy is a public figure.
    await expect.poll(() => dialog.getByLabel("公开姓名").inputValue()).toBe(DEPUTY.realName);
    await dialog.getByRole("button", { name: "保存" }).click();
    await dialog.getByText("请填写代表职务").waitFor();
    await dialog.getByLabel("代表职务").fill("区人大代表");
    await dialog.getByLabel("简介").fill("从事社区工作二十年，关注为老服务");
    await page.screenshot({ path: `${SHOTS}/gongzhi-deputy-profile.png` });
    await dialog.getByRole("button", { name: "保存" }).click();
    await page.getByText(`已保存 ${DEPUTY.realName} 的代表信息`).waitFor();
    await grant.getByText(`站点上显示为：${DEPUTY.realName}（区人大代表）`).waitFor();

    await page.getByRole("menuitem", { name: "家站点" }).click();
    await page.waitForURL(/\/posts$/);
    const deputyTag = page.locator(".deputy-tag", { hasText: DEPUTY.realName });
    await deputyTag.waitFor();
    await deputyTag.getByText("区人大代表").waitFor();
  });

  it("sets the 居民区 a 街区 covers under 区域与住户", async () => {
    const { page } = staff as OpenPage;
    await page.getByRole("menuitem", { name: "区域与住户" }).click();
    await page.waitForURL(/\/admin\/areas$/);
    await page.locator(".area-tree-label", { hasText: "灵岩南路街区" }).click();
    const card = page.locator(".ant-card", { hasText: "街区覆盖范围" });
    await card.getByText("还没有设置覆盖范围：这个街区暂时没有居民。").waitFor();
    await card.getByLabel("覆盖的居民区和小区").click();
    // A multiple choice: the list stays open after a pick until the person closes it.
    const list = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
    await list.getByText("凌二（居民区）").click();
    await page.keyboard.press("Escape");
    await expect.poll(() => list.count()).toBe(0);
    await card.getByRole("button", { name: "保存覆盖范围" }).click();
    await page.getByText("覆盖范围已保存").waitFor();
    await card.getByText("还没有设置覆盖范围：这个街区暂时没有居民。").waitFor({ state: "detached" });
    const covered = await t.db.prisma.blockCoverage.findMany({
      where: { blockId: seeded.block.id },
      include: { area: true },
    });
    expect(covered.map((c) => c.area.name)).toEqual(["凌二"]);
  });

  it("reads all of it on 操作记录, filtered by kind, by actor and by date", async () => {
    const { page } = staff as OpenPage;
    await page.getByRole("menuitem", { name: "操作记录" }).click();
    await page.waitForURL(/\/admin\/audit$/);
    const rows = page.locator(".audit-table tbody tr.ant-table-row");
    for (const action of ["现场登记居民", "维护代表信息", "设置街区覆盖范围"]) {
      await rows.filter({ hasText: action }).first().waitFor();
    }
    await page.screenshot({ path: `${SHOTS}/gongzhi-audit.png`, fullPage: true });

    await page.getByLabel("对象类型").click();
    await chooseOption(page, "居民认证");
    await rows.filter({ hasText: "现场登记居民" }).waitFor();
    await expect.poll(() => rows.filter({ hasText: "维护代表信息" }).count()).toBe(0);
    await expect.poll(() => rows.count()).toBe(1);

    await rows.first().getByRole("button", { name: STAFF.realName }).click();
    await page.getByText(`只看 ${STAFF.realName} 的操作`).waitFor();
    await expect.poll(() => rows.count()).toBe(1);

    // Tomorrow in Shanghai: nothing happened yet.
    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("开始日期").fill(tomorrow);
    await page.getByText("没有符合条件的记录。").waitFor();
    await page.getByLabel("开始日期").fill("");
    await rows.filter({ hasText: "现场登记居民" }).waitFor();
  });

  it("lets an admin disable the elder's account under 居民认证 and enable it again; staff cannot", async () => {
    const accountOf = () => t.db.prisma.account.findUniqueOrThrow({ where: { phone: ELDER.phone } });
    admin = await openPage(browser, DESKTOP, "admin", pageErrors);
    const { page } = admin;
    await signIn(t, page, ADMIN.phone);
    await page.waitForURL(/\/admin\/people$/);
    await page.getByText("已认证", { exact: true }).first().click();
    const item = page.getByTestId("membership-item").filter({ hasText: ELDER.realName });
    await item.getByRole("button", { name: /停用账号/ }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "停用账号" }).click();
    await page.getByText(`已停用 ${ELDER.realName} 的账号`).waitFor();
    await item.getByText("账号已停用").waitFor();
    expect((await accountOf()).disabledAt).not.toBeNull();

    await item.getByRole("button", { name: /启用账号/ }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "启用账号" }).click();
    await page.getByText(`已重新启用 ${ELDER.realName} 的账号`).waitFor();
    await item.getByText("账号已停用").waitFor({ state: "detached" });
    expect((await accountOf()).disabledAt).toBeNull();

    // Staff who are not admins verify residents but do not switch accounts off.
    const staffPage = (staff as OpenPage).page;
    await staffPage.getByRole("menuitem", { name: "居民认证" }).click();
    await staffPage.waitForURL(/\/admin\/people$/);
    await staffPage.getByText("已认证", { exact: true }).first().click();
    const seenByStaff = staffPage.getByTestId("membership-item").filter({ hasText: ELDER.realName });
    await seenByStaff.getByRole("button", { name: /撤销认证/ }).waitFor();
    expect(await seenByStaff.getByRole("button", { name: /停用账号/ }).count()).toBe(0);
  });

  it("logged no errors in any page", async () => {
    await admin?.context.close();
    await staff?.context.close();
    expect(pageErrors).toEqual([]);
  });
});
