import { spawn } from "node:child_process";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.js";
import { uniquePhone } from "../../testing/factories.js";
import { nextClientAddress, startTestApp, type TestApp } from "../../testing/harness.js";
import { APP_ERROR, failed, succeeded } from "../../testing/results.js";

// How sign-in codes leave the server is configuration (CODE_SENDER), and production refuses the
// log sender, whose log lines would let anyone who reads them sign in as anyone.

describe("loadConfig: the code sender", () => {
  const base = { APP_SECRET: "s", DATA_DIR: "/tmp/unused" };

  it("is the log by default outside production", () => {
    expect(loadConfig({ ...base }, []).codeSender).toEqual({ kind: "log" });
  });

  it("refuses the log sender under NODE_ENV=production, unless ALLOW_LOG_CODE_SENDER=true", () => {
    expect(() => loadConfig({ ...base, NODE_ENV: "production" }, [])).toThrow(/ALLOW_LOG_CODE_SENDER/);
    expect(() => loadConfig({ ...base, NODE_ENV: "production", CODE_SENDER: "log" }, [])).toThrow(/CODE_SENDER=http/);
    expect(loadConfig({ ...base, NODE_ENV: "production", ALLOW_LOG_CODE_SENDER: "true" }, []).codeSender).toEqual({
      kind: "log",
    });
  });

  it("is an SMS gateway webhook with CODE_SENDER=http, which needs SMS_GATEWAY_URL", () => {
    expect(() => loadConfig({ ...base, CODE_SENDER: "http" }, [])).toThrow(/SMS_GATEWAY_URL/);
    expect(() => loadConfig({ ...base, CODE_SENDER: "http", SMS_GATEWAY_URL: "ftp://sms" }, [])).toThrow(
      /SMS_GATEWAY_URL/,
    );
    const env = {
      ...base,
      NODE_ENV: "production",
      CODE_SENDER: "http",
      SMS_GATEWAY_URL: "https://sms.example/send",
      SMS_GATEWAY_TOKEN: "t0k",
    };
    expect(loadConfig(env, []).codeSender).toEqual({ kind: "http", url: "https://sms.example/send", token: "t0k" });
  });

  it("refuses an unknown CODE_SENDER", () => {
    expect(() => loadConfig({ ...base, CODE_SENDER: "pigeon" }, [])).toThrow(/"log" or "http"/);
  });
});

describe("the server process under NODE_ENV=production with the log sender", () => {
  it("refuses to start, saying what to set", async () => {
    const serverDir = resolve(import.meta.dirname, "../../..");
    const child = spawn(process.execPath, ["--import", "tsx", resolve(serverDir, "src/main.ts")], {
      cwd: serverDir,
      env: { PATH: process.env.PATH, NODE_ENV: "production", APP_SECRET: "x", DATA_DIR: "memory://", PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    const code = await new Promise<number | null>((done) => child.on("exit", done));
    expect(code).not.toBe(0);
    expect(output).toContain("ALLOW_LOG_CODE_SENDER");
  }, 60_000);
});

describe("CODE_SENDER=http: codes go to the SMS gateway's webhook", () => {
  let gateway: Server;
  let t: TestApp;
  const received: { headers: IncomingHttpHeaders; body: { phone: string; text: string } }[] = [];
  let failNext = 0;

  beforeAll(async () => {
    gateway = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end("busy");
          return;
        }
        received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      });
    });
    await new Promise<void>((done) => gateway.listen(0, "127.0.0.1", done));
    const { port } = gateway.address() as AddressInfo;
    t = await startTestApp({
      codeSender: { kind: "http", url: `http://127.0.0.1:${port}/sms/send`, token: "gateway-token" },
    });
  });

  afterAll(async () => {
    await t?.close();
    await new Promise((done) => gateway?.close(done));
  });

  const REQUEST_CODE = `mutation($phone: String!) {
    requestSignInCode(phone: $phone) { __typename ${APP_ERROR} ... on MutationRequestSignInCodeSuccess { data { maskedPhone } } }
  }`;
  const SIGN_IN = `mutation($phone: String!, $code: String!) {
    signIn(phone: $phone, code: $code) { __typename ${APP_ERROR} ... on MutationSignInSuccess { data { token } } }
  }`;

  it("POSTs {phone, text} with the gateway's token, and the code in the text signs the person in", async () => {
    const phone = uniquePhone();
    succeeded((await t.request(REQUEST_CODE, { phone }, { from: nextClientAddress() })).body, "requestSignInCode");
    const sms = received.find((r) => r.body.phone === phone);
    expect(sms?.headers["content-type"]).toBe("application/json");
    expect(sms?.headers.authorization).toBe("Bearer gateway-token");
    const code = /(\d{6})/.exec(sms?.body.text ?? "")?.[1];
    expect(sms?.body.text).toContain("验证码");
    if (!code) throw new Error(`no code in ${JSON.stringify(sms)}`);
    const signedIn = succeeded<{ token: string }>(await t.gql(SIGN_IN, { phone, code }), "signIn");
    expect(signedIn.token).toBeTruthy();
  });

  it("tells the person (UNAVAILABLE on phone) when the gateway fails, and a retry right away may go through", async () => {
    const phone = uniquePhone();
    const from = nextClientAddress();
    failNext = 1;
    const refused = failed((await t.request(REQUEST_CODE, { phone }, { from })).body, "requestSignInCode");
    expect(refused).toMatchObject({ code: "UNAVAILABLE", field: "phone" });
    expect(refused.message).toMatch(/发送失败/);
    // The unsent code was forgotten: no 60-second wait, and nothing that could be guessed.
    expect(await t.db.prisma.signInCode.count({ where: { phone } })).toBe(0);
    succeeded((await t.request(REQUEST_CODE, { phone }, { from })).body, "requestSignInCode");
    expect(received.filter((r) => r.body.phone === phone)).toHaveLength(1);
  });
});
