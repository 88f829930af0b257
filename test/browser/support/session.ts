import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import type { TestApp } from "../../../server/src/testing/harness.js";
import { collectPageErrors } from "./chromium.js";

// What every browser test does: open a page as someone on some device, sign in through the real
// code flow, pick from an antd Select.

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
export const DESKTOP = { viewport: { width: 1280, height: 900 } } as const;

export interface OpenPage {
  context: BrowserContext;
  page: Page;
}

/** A new browser context (zh-CN, Beijing time) and page; its errors go to `errors` when it closes. */
export async function openPage(
  browser: Browser,
  options: Parameters<Browser["newContext"]>[0],
  label: string,
  errors: string[],
): Promise<OpenPage> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", ...options });
  const page = await context.newPage();
  // Live updates arrive in well under a second; 15 s is ample and makes a failure quick to see.
  page.setDefaultTimeout(15_000);
  const pageErrors = collectPageErrors(page, label);
  page.on("close", () => errors.push(...pageErrors));
  return { context, page };
}

/** Signs in through the page: phone, the code the server "sent", submit. */
export async function signIn(t: TestApp, page: Page, phone: string) {
  await page.goto(`${t.url}/sign-in`);
  await page.getByLabel("手机号").fill(phone);
  const before = t.codes.codes.get(phone);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect.poll(() => t.codes.codes.get(phone), { timeout: 10_000 }).not.toBe(before);
  await page.getByText(`验证码已发送到 ${phone.slice(0, 3)}****${phone.slice(7)}`, { exact: false }).waitFor();
  // The resend button counts down from the server's resendAfterSeconds.
  await page.getByRole("button", { name: /秒后可重发/ }).waitFor();
  await page.getByLabel("验证码").fill(t.codes.codes.get(phone) ?? "");
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

/** A chosen option of an antd Select (its list is rendered at the end of the page). */
export async function chooseOption(page: Page, text: string | RegExp) {
  const open = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
  // Until its closing animation ends the list is still there, and the next Select's list would
  // be a second one with the same options: wait for it to go. A click that lands while the list
  // is still opening (or re-rendering as its options arrive) selects nothing and leaves it open:
  // then click again. Choosing the same option twice is harmless.
  for (let attempt = 1; ; attempt++) {
    await open.getByText(text).first().click();
    try {
      await expect.poll(() => open.count(), { timeout: 4_000 }).toBe(0);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Screenshots of every page still open, for a test that failed: `<SHOTS>/failed-<label>.png`. */
export async function screenshotOnFailure(pages: Record<string, OpenPage | undefined>, directory: string) {
  for (const [label, open] of Object.entries(pages)) {
    if (open && !open.page.isClosed()) {
      await open.page.screenshot({ path: `${directory}/failed-${label}.png`, fullPage: true }).catch(() => {});
    }
  }
}
