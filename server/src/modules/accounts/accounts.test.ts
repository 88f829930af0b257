import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../auth/session.js";
import { uniquePhone } from "../../testing/factories.js";
import { nextClientAddress, startTestApp, type TestApp } from "../../testing/harness.js";
import { APP_ERROR, failed, succeeded, typename } from "../../testing/results.js";

// Signing in with a phone and a one-time code, through the public GraphQL surface.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const REQUEST_CODE = `mutation($phone: String!) {
  requestSignInCode(phone: $phone) {
    __typename ${APP_ERROR}
    ... on MutationRequestSignInCodeSuccess { data { maskedPhone expiresInSeconds resendAfterSeconds } }
  }
}`;
const SIGN_IN = `mutation($phone: String!, $code: String!) {
  signIn(phone: $phone, code: $code) {
    __typename ${APP_ERROR}
    ... on MutationSignInSuccess { data { token isNewAccount account { id phone displayName } } }
  }
}`;
const VIEWER = "{ viewer { signedIn account { id phone displayName } } }";

type SignedIn = { token: string; isNewAccount: boolean; account: { id: string; phone: string; displayName: string } };
type ViewerData = { viewer: { signedIn: boolean; account: { id: string; phone: string; displayName: string } | null } };

/** Asks for a code from an address of its own (the per-address limit is not what these tests are about). */
function requestCode(phone: string, from = nextClientAddress()) {
  return t.request(REQUEST_CODE, { phone }, { from }).then((response) => response.body);
}

async function codeFor(phone: string): Promise<string> {
  succeeded(await requestCode(phone), "requestSignInCode");
  const code = t.codes.codes.get(phone);
  if (!code) throw new Error(`no code was sent to ${phone}`);
  return code;
}

/** A six-digit code that is not `code`. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("signing in", () => {
  it("with the code sent to the phone creates the account, and the viewer shows it", async () => {
    const phone = uniquePhone();
    const requested = succeeded<{ maskedPhone: string; expiresInSeconds: number }>(
      await requestCode(phone),
      "requestSignInCode",
    );
    expect(requested.maskedPhone).not.toContain(phone.slice(3, 7));
    expect(requested.expiresInSeconds).toBe(300);

    const signedIn = succeeded<SignedIn>(await t.gql(SIGN_IN, { phone, code: t.codes.codes.get(phone) }), "signIn");
    expect(signedIn.isNewAccount).toBe(true);

    const { data } = await t.gql<ViewerData>(VIEWER, {}, signedIn.token);
    expect(data?.viewer).toEqual({
      signedIn: true,
      account: { id: signedIn.account.id, phone, displayName: signedIn.account.displayName },
    });
  });

  it("gives a new account a public name with none of the phone's digits in it", async () => {
    const phone = uniquePhone();
    const signedIn = succeeded<SignedIn>(await t.gql(SIGN_IN, { phone, code: await codeFor(phone) }), "signIn");
    const name = signedIn.account.displayName;
    expect(name).toMatch(/^居民/);
    for (let i = 0; i + 4 <= phone.length; i++) expect(name).not.toContain(phone.slice(i, i + 4));
  });

  it("finds the same account the next time, however the number is written", async () => {
    const phone = uniquePhone();
    const first = succeeded<SignedIn>(await t.gql(SIGN_IN, { phone, code: await codeFor(phone) }), "signIn");
    // The per-phone interval would refuse a second code within a minute; age the first.
    await t.db.prisma.signInCode.updateMany({ where: { phone }, data: { createdAt: new Date(Date.now() - 120_000) } });
    const spaced = `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)}-${phone.slice(7)}`;
    succeeded(await requestCode(spaced), "requestSignInCode");
    const code = t.codes.codes.get(phone);
    const again = succeeded<SignedIn>(await t.gql(SIGN_IN, { phone: spaced, code }), "signIn");
    expect(again.isNewAccount).toBe(false);
    expect(again.account.id).toBe(first.account.id);
    expect(again.token).not.toBe(first.token);
  });

  it("with a wrong code is CODE_INVALID, and after five wrong tries even the right code fails", async () => {
    const phone = uniquePhone();
    const code = await codeFor(phone);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const error = failed(await t.gql(SIGN_IN, { phone, code: wrong(code) }), "signIn");
      expect(error).toMatchObject({ code: "CODE_INVALID", field: "code" });
    }
    const error = failed(await t.gql(SIGN_IN, { phone, code }), "signIn");
    expect(error).toMatchObject({ code: "CODE_INVALID", field: "code" });
    expect(await t.db.prisma.account.count({ where: { phone } })).toBe(0);
  });

  it("with an expired code is CODE_EXPIRED", async () => {
    const phone = uniquePhone();
    const code = await codeFor(phone);
    await t.db.prisma.signInCode.updateMany({ where: { phone }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const error = failed(await t.gql(SIGN_IN, { phone, code }), "signIn");
    expect(error).toMatchObject({ code: "CODE_EXPIRED", field: "code" });
    expect(await t.db.prisma.account.count({ where: { phone } })).toBe(0);
  });

  it("uses a code once: two sign-ins racing with it make exactly one session", async () => {
    const phone = uniquePhone();
    const code = await codeFor(phone);
    const results = await Promise.all([t.gql(SIGN_IN, { phone, code }), t.gql(SIGN_IN, { phone, code })]);
    const outcomes = results.map((response) => typename(response, "signIn"));
    expect(outcomes.sort()).toEqual(["AppError", "MutationSignInSuccess"]);
    const loser = results.find((response) => typename(response, "signIn") === "AppError");
    expect(["CODE_EXPIRED", "CODE_INVALID"]).toContain(failed(loser ?? {}, "signIn").code);

    const account = await t.db.prisma.account.findUniqueOrThrow({ where: { phone } });
    expect(await t.db.prisma.session.count({ where: { accountId: account.id } })).toBe(1);
    // And once used, it stays used.
    expect(failed(await t.gql(SIGN_IN, { phone, code }), "signIn").code).toBe("CODE_EXPIRED");
  });

  it("refuses a phone that is not a mainland mobile number: VALIDATION on field phone", async () => {
    for (const phone of ["12345", "23800138000", "1380013800a", ""]) {
      expect(failed(await requestCode(phone), "requestSignInCode")).toMatchObject({
        code: "VALIDATION",
        field: "phone",
      });
      expect(failed(await t.gql(SIGN_IN, { phone, code: "123456" }), "signIn")).toMatchObject({
        code: "VALIDATION",
        field: "phone",
      });
    }
  });
});

describe("code requests are rate limited", () => {
  it("a second request for one phone within 60 s is RATE_LIMITED, saying how long to wait", async () => {
    const phone = uniquePhone();
    succeeded(await requestCode(phone), "requestSignInCode");
    const error = failed(await requestCode(phone), "requestSignInCode");
    expect(error).toMatchObject({ code: "RATE_LIMITED", field: "phone" });
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("concurrent requests for one phone send exactly one code", async () => {
    const phone = uniquePhone();
    const results = await Promise.all(Array.from({ length: 5 }, () => requestCode(phone)));
    const kinds = results.map((response) => typename(response, "requestSignInCode"));
    expect(kinds.filter((kind) => kind === "MutationRequestSignInCodeSuccess")).toHaveLength(1);
    for (const response of results) {
      if (typename(response, "requestSignInCode") === "AppError") {
        expect(failed(response, "requestSignInCode").code).toBe("RATE_LIMITED");
      }
    }
    expect(await t.db.prisma.signInCode.count({ where: { phone } })).toBe(1);
  });

  it("one client address may not ask for codes for many phones", async () => {
    const from = nextClientAddress();
    for (let i = 0; i < 30; i++) succeeded(await requestCode(uniquePhone(), from), "requestSignInCode");
    const error = failed(await requestCode(uniquePhone(), from), "requestSignInCode");
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    // Another address is not held back by it.
    succeeded(await requestCode(uniquePhone()), "requestSignInCode");
  });
});

describe("the session", () => {
  it("ends on sign-out: the token is anonymous afterwards", async () => {
    const token = await t.signIn(uniquePhone());
    expect((await t.gql<ViewerData>(VIEWER, {}, token)).data?.viewer.signedIn).toBe(true);

    const out = await t.gql<{ signOut: boolean }>("mutation { signOut }", {}, token);
    expect(out.data?.signOut).toBe(true);

    const after = await t.gql<ViewerData>(VIEWER, {}, token);
    expect(after.data?.viewer).toEqual({ signedIn: false, account: null });
    const mine = await t.gql("{ myNotifications(first: 1) { edges { node { id } } } }", {}, token);
    expect(mine.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("is also an HttpOnly gz_session cookie set on sign-in, which works without the bearer header", async () => {
    const phone = uniquePhone();
    const code = await codeFor(phone);
    const response = await t.request<Record<string, unknown>>(SIGN_IN, { phone, code });
    const signedIn = succeeded<SignedIn>(response.body, "signIn");

    const cookies = response.headers["set-cookie"] ?? [];
    const session = cookies.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
    expect(session).toBeDefined();
    const attributes = (session ?? "").split(";").map((part) => part.trim());
    expect(attributes).toContain("HttpOnly");
    expect(attributes).toContain("SameSite=Lax");
    const pair = attributes[0] ?? "";
    expect(decodeURIComponent(pair.slice(SESSION_COOKIE.length + 1))).toBe(signedIn.token);

    const viewer = await t.request<ViewerData>(VIEWER, {}, { cookie: `other=1; ${pair}` });
    expect(viewer.body.data?.viewer.account?.id).toBe(signedIn.account.id);

    // Signing out with the cookie clears it.
    const out = await t.request<{ signOut: boolean }>("mutation { signOut }", {}, { cookie: pair });
    expect(out.body.data?.signOut).toBe(true);
    expect(
      out.headers["set-cookie"]?.some(
        (cookie) => cookie.startsWith(`${SESSION_COOKIE}=;`) && cookie.includes("Max-Age=0"),
      ),
    ).toBe(true);
    expect((await t.request<ViewerData>(VIEWER, {}, { cookie: pair })).body.data?.viewer.signedIn).toBe(false);
  });
});

describe("updateMyProfile", () => {
  const UPDATE = `mutation($displayName: String, $realName: String) {
    updateMyProfile(displayName: $displayName, realName: $realName) {
      __typename ${APP_ERROR}
      ... on MutationUpdateMyProfileSuccess { data { displayName realName } }
    }
  }`;

  it("refuses an empty public name: VALIDATION on field displayName", async () => {
    const token = await t.signIn(uniquePhone());
    for (const displayName of ["", "   "]) {
      const error = failed(await t.gql(UPDATE, { displayName }, token), "updateMyProfile");
      expect(error).toMatchObject({ code: "VALIDATION", field: "displayName" });
    }
    const changed = succeeded(
      await t.gql(UPDATE, { displayName: " 张阿姨 ", realName: "张秀英" }, token),
      "updateMyProfile",
    );
    expect(changed).toEqual({ displayName: "张阿姨", realName: "张秀英" });
  });

  it("needs a signed-in person: UNAUTHENTICATED, in the result union like any expected failure", async () => {
    expect(failed(await t.gql(UPDATE, { displayName: "路人" }), "updateMyProfile").code).toBe("UNAUTHENTICATED");
  });
});

describe("behind a trusted proxy (TRUST_PROXY=true)", () => {
  let proxied: TestApp;
  beforeAll(async () => {
    proxied = await startTestApp({ trustProxy: true });
  }, 60_000);
  afterAll(async () => {
    await proxied?.close();
  });

  const requestedFrom = async (app: TestApp, forwardedFor: string) => {
    const phone = uniquePhone();
    const response = await app.request(
      REQUEST_CODE,
      { phone },
      { from: nextClientAddress(), headers: { "x-forwarded-for": forwardedFor } },
    );
    succeeded(response.body, "requestSignInCode");
    return (await app.db.prisma.signInCode.findFirstOrThrow({ where: { phone } })).requestedIp;
  };

  it("counts a request against the address the proxy appended (the last X-Forwarded-For entry)", async () => {
    // The client wrote the first entries itself; the proxy appended the address it saw.
    expect(await requestedFrom(proxied, "6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    expect(await requestedFrom(proxied, "7.7.7.7,1.1.1.1 ,  203.0.113.7")).toBe("203.0.113.7");
    expect(await requestedFrom(proxied, "203.0.113.8")).toBe("203.0.113.8");
  });

  it("so changing the made-up entries gives no fresh allowance", async () => {
    const proxyAppended = `198.51.100.${1 + (Date.now() % 250)}`;
    for (let i = 0; i < 30; i++) {
      const response = await proxied.request(
        REQUEST_CODE,
        { phone: uniquePhone() },
        { headers: { "x-forwarded-for": `10.0.${i}.1, ${proxyAppended}` } },
      );
      succeeded(response.body, "requestSignInCode");
    }
    const refused = await proxied.request(
      REQUEST_CODE,
      { phone: uniquePhone() },
      { headers: { "x-forwarded-for": `10.0.99.1, ${proxyAppended}` } },
    );
    expect(failed(refused.body, "requestSignInCode").code).toBe("RATE_LIMITED");
  });

  it("is ignored without TRUST_PROXY: the socket's address counts", async () => {
    const from = nextClientAddress();
    const phone = uniquePhone();
    const response = await t.request(REQUEST_CODE, { phone }, { from, headers: { "x-forwarded-for": "203.0.113.9" } });
    succeeded(response.body, "requestSignInCode");
    const stored = await t.db.prisma.signInCode.findFirstOrThrow({ where: { phone } });
    expect(stored.requestedIp).not.toBe("203.0.113.9");
    if (from) expect(stored.requestedIp).toMatch(new RegExp(`${from.replaceAll(".", "\\.")}$`));
  });
});
