import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

const EXECUTABLE = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Headless Chromium from the system (Debian's `chromium` package). */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(EXECUTABLE)) {
    throw new Error(
      `Chromium not found at ${EXECUTABLE}: apt-get update && apt-get install -y chromium fonts-noto-cjk`,
    );
  }
  return chromium.launch({
    executablePath: EXECUTABLE,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Collects what a page logs as an error (console.error, uncaught exceptions, failed requests). */
export function collectPageErrors(page: Page, label: string): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`[${label}] console.error: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`[${label}] ${error.name}: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 500) errors.push(`[${label}] HTTP ${response.status()} ${response.url()}`);
  });
  return errors;
}
