import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/harness.js";
import { MalformedUrlError, totalHandler } from "./request.js";

// Requests no browser would send, written byte for byte on a socket (fetch and http.request
// normalise or refuse such paths): none may take the server down, and each gets an answer.

interface RawAnswer {
  status: number;
  headers: string;
  body: string;
}

/** Sends `GET <path>` exactly as written and reads the whole answer (Connection: close). */
function rawGet(baseUrl: string, path: string, extraHeaders: string[] = []): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    socket.on("connect", () =>
      socket.write(
        [`GET ${path} HTTP/1.1`, `Host: ${hostname}:${port}`, "Connection: close", ...extraHeaders, "", ""].join(
          "\r\n",
        ),
      ),
    );
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const [head = "", ...rest] = text.split("\r\n\r\n");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, headers: head, body: rest.join("\r\n\r\n") });
    });
  });
}

describe("the app's HTTP handler, given malformed requests", () => {
  let t: TestApp;
  let folder: string;

  beforeAll(async () => {
    // A web build in <folder>/dist, and a sibling <folder>/dist-old that must stay unreachable.
    folder = mkdtempSync(join(tmpdir(), "gongzhi-static-"));
    mkdirSync(join(folder, "dist", "assets"), { recursive: true });
    mkdirSync(join(folder, "dist-old"));
    writeFileSync(join(folder, "dist", "index.html"), "<!doctype html><title>共治</title>");
    writeFileSync(join(folder, "dist", "assets", "app.js"), "console.log('app')");
    writeFileSync(join(folder, "dist-old", "secret.txt"), "SIBLING-SECRET");
    t = await startTestApp({ webDistDir: join(folder, "dist") });
  });

  afterAll(async () => {
    await t?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const stillServing = async () => {
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
  };

  it("answers `GET //` (no URL can be parsed from it) with 400 and keeps serving", async () => {
    const answer = await rawGet(t.url, "//");
    expect(answer.status).toBe(400);
    await stillServing();
  });

  it("answers other scheme-relative paths (`GET //uploads`, `GET //x/attachments/1`) without failing", async () => {
    // These do parse, as an authority and a path; what matters is an answer, not a 500.
    for (const path of ["//uploads", "//x/attachments/1", "///", "//:99999/"]) {
      const answer = await rawGet(t.url, path);
      expect([200, 400, 404], path).toContain(answer.status);
    }
    await stillServing();
  });

  it("answers a broken percent escape in a page path (`GET /%E0`) with 400", async () => {
    const answer = await rawGet(t.url, "/%E0");
    expect(answer.status).toBe(400);
    await stillServing();
  });

  it("still serves the build's files and falls back to index.html for client routes", async () => {
    const asset = await rawGet(t.url, "/assets/app.js");
    expect(asset.status).toBe(200);
    expect(asset.body).toContain("console.log");
    const route = await rawGet(t.url, "/me/home");
    expect(route.status).toBe(200);
    expect(route.body).toContain("<title>共治</title>");
  });

  it("never serves a sibling folder of the build (`/..%2fdist-old%2fsecret.txt`)", async () => {
    for (const path of ["/..%2fdist-old%2fsecret.txt", "/%2e%2e%2fdist-old%2fsecret.txt", "/../dist-old/secret.txt"]) {
      const answer = await rawGet(t.url, path);
      expect(answer.body, path).not.toContain("SIBLING-SECRET");
    }
  });

  it("treats a session cookie with a broken escape as no session (anonymous), not a failure", async () => {
    const response = await t.request<{ viewer: { signedIn: boolean } }>(
      "{ viewer { signedIn } }",
      {},
      {
        cookie: "gz_session=%E0%A4",
      },
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { viewer: { signedIn: false } } });
    const photo = await rawGet(t.url, "/attachments/1", ["Cookie: gz_session=%E0%A4"]);
    expect(photo.status).toBe(404);
  });
});

describe("totalHandler", () => {
  let server: Server;
  let url: string;
  const logged: { level: number; msg: string }[] = [];
  const logger = pino(
    { level: "debug" },
    new Writable({
      write(chunk, _encoding, done) {
        logged.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );

  beforeAll(async () => {
    server = createServer(
      totalHandler(async (req, res) => {
        if (req.url === "/throws") throw new Error("boom");
        if (req.url === "/malformed") throw new MalformedUrlError(req.url);
        if (req.url === "/throws-mid-body") {
          res.writeHead(200, { "content-type": "text/plain", "content-length": "100" });
          res.write("partial");
          throw new Error("boom after the headers");
        }
        res.end("ok");
      }, logger),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("turns a throw into a logged 500", async () => {
    const answer = await rawGet(url, "/throws");
    expect(answer.status).toBe(500);
    expect(answer.body).not.toContain("boom");
    expect(logged.some((line) => line.level === 50 && line.msg === "request failed")).toBe(true);
  });

  it("turns a MalformedUrlError into a 400", async () => {
    expect((await rawGet(url, "/malformed")).status).toBe(400);
  });

  it("cuts the connection when the failure comes after the response started", async () => {
    const answer = await rawGet(url, "/throws-mid-body");
    expect(answer.status).toBe(200);
    // The declared 100 bytes never arrive: the client can tell the body is incomplete.
    expect(answer.body).toBe("partial");
    expect((await rawGet(url, "/fine")).body).toBe("ok");
  });
});
