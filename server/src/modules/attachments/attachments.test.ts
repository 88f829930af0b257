import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../testing/harness.js";
import { api, inProgress, type SuggestionWorld, submitted, suggestionWorld } from "../suggestions/testing.js";
import { sniffImageType, stripImageMetadata } from "./images.js";

// Photos through the real HTTP routes: upload, attach to a suggestion, and who may then read them.

let t: TestApp;
let w: SuggestionWorld;

/** A tiny JPEG with an EXIF segment holding a GPS tag and a comment segment. */
function jpegWithExif(): Buffer {
  const soi = Buffer.from([0xff, 0xd8]);
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from("JFIF\0"), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const exifPayload = Buffer.concat([Buffer.from("Exif\0\0"), Buffer.from("GPS 31.1234N 121.5678E")]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), u16(exifPayload.length + 2), exifPayload]);
  const commentPayload = Buffer.from("owner: 王建国");
  const com = Buffer.concat([Buffer.from([0xff, 0xfe]), u16(commentPayload.length + 2), commentPayload]);
  const dqt = Buffer.concat([Buffer.from([0xff, 0xdb]), u16(67), Buffer.alloc(65, 1)]);
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 0x3f, 0, 0x12, 0x34, 0x56, 0xff, 0xd9]);
  return Buffer.concat([soi, app0, app1, com, dqt, sos]);
}

function u16(n: number) {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

async function upload(token: string | null, body: Buffer, type = "image/jpeg", name = "路灯.jpg") {
  const response = await fetch(`${t.url}/uploads`, {
    method: "POST",
    headers: {
      "content-type": type,
      "x-file-name": encodeURIComponent(name),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: new Uint8Array(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

async function download(token: string | null, url: string) {
  const response = await fetch(`${t.url}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

beforeAll(async () => {
  t = await startTestApp();
  w = await suggestionWorld(t);
});

afterAll(async () => {
  await t?.close();
});

describe("image metadata", () => {
  it("removes EXIF and comments from a JPEG and keeps the picture", () => {
    const original = jpegWithExif();
    const stripped = stripImageMetadata(original, "image/jpeg");
    expect(sniffImageType(stripped)).toBe("image/jpeg");
    expect(stripped.includes(Buffer.from("GPS"))).toBe(false);
    expect(stripped.includes(Buffer.from("王建国"))).toBe(false);
    expect(stripped.includes(Buffer.from("JFIF"))).toBe(true);
    // The scan (the picture itself) is byte for byte the same.
    expect(stripped.subarray(-15).equals(original.subarray(-15))).toBe(true);
  });

  it("refuses a truncated JPEG", () => {
    expect(() => stripImageMetadata(jpegWithExif().subarray(0, 30), "image/jpeg")).toThrow();
  });
});

describe("uploading photos", () => {
  it("stores a resident's photo without its metadata, visible to them until it is used", async () => {
    const { status, body } = await upload(w.resident.token, jpegWithExif());
    expect(status).toBe(201);
    expect(body).toMatchObject({ fileName: "路灯.jpg", mimeType: "image/jpeg", url: `/attachments/${body.id}` });
    const mine = await download(w.resident.token, body.url ?? "");
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toBe("image/jpeg");
    expect(mine.headers.get("cache-control")).toContain("private");
    expect(mine.bytes.includes(Buffer.from("GPS"))).toBe(false);
    expect((await download(w.neighbour.token, body.url ?? "")).status).toBe(404);
    expect((await download(null, body.url ?? "")).status).toBe(404);
  });

  it("refuses what is not a photo, whatever the client claims, and anonymous uploads", async () => {
    const html = await upload(w.resident.token, Buffer.from("<html><script>alert(1)</script></html>"));
    expect(html.status).toBe(415);
    expect(html.body.message).toBe("只能上传照片（JPG 或 PNG）");
    expect((await upload(w.resident.token, jpegWithExif(), "text/html")).status).toBe(415);
    expect((await upload(null, jpegWithExif())).status).toBe(401);
  });

  it("refuses a photo over 5 MB without storing anything", async () => {
    const before = await t.db.prisma.attachment.count();
    const huge = Buffer.concat([jpegWithExif(), Buffer.alloc(5 * 1024 * 1024)]);
    const { status, body } = await upload(w.resident.token, huge);
    expect(status).toBe(413);
    expect(body.message).toBe("照片不能超过 5 MB");
    expect(await t.db.prisma.attachment.count()).toBe(before);
  });
});

describe("photos of a suggestion", () => {
  it("are attached on submit and readable by its handlers only", async () => {
    const photo = (await upload(w.resident.token, jpegWithExif())).body;
    const s = await submitted(t, w, { photoIds: [photo.id] });
    const read = await api(t).read(w.resident.token, s.id, "attachments { id url fileName }");
    expect(read).toMatchObject({ attachments: [{ id: photo.id, url: photo.url, fileName: "路灯.jpg" }] });

    await api(t).accept(w.deputy.token, s.id);
    expect((await download(w.resident.token, photo.url ?? "")).status).toBe(200);
    expect((await download(w.deputy.token, photo.url ?? "")).status).toBe(200);
    expect((await download(w.staff.token, photo.url ?? "")).status).toBe(200);
    // Public once accepted, but photos may show people and homes: not for the public or other residents.
    expect((await download(null, photo.url ?? "")).status).toBe(404);
    expect((await download(w.neighbour.token, photo.url ?? "")).status).toBe(404);
    expect((await download(w.otherDeputy.token, photo.url ?? "")).status).toBe(404);
    expect((await download(w.handler.token, photo.url ?? "")).status).toBe(404);
  });

  it("cannot use someone else's upload, nor one photo twice, and then saves nothing", async () => {
    const neighbours = (await upload(w.neighbour.token, jpegWithExif())).body;
    const before = await t.db.prisma.suggestion.count();
    const stolen = await api(t).fail(
      "submitSuggestion",
      "(input: $input)",
      {
        input: {
          postId: String(w.post.id),
          category: "OTHER",
          title: "借用别人的照片",
          content: "内容",
          allowPublish: false,
          photoIds: [neighbours.id],
        },
      },
      w.resident.token,
    );
    expect(stolen).toMatchObject({ code: "VALIDATION", message: "有照片已失效或已被使用，请重新上传" });
    expect(await t.db.prisma.suggestion.count()).toBe(before);

    const mine = (await upload(w.resident.token, jpegWithExif())).body;
    await submitted(t, w, { photoIds: [mine.id] });
    const twice = await api(t).fail(
      "submitSuggestion",
      "(input: $input)",
      {
        input: {
          postId: String(w.post.id),
          category: "OTHER",
          title: "同一张照片用两次",
          content: "内容",
          allowPublish: false,
          photoIds: [mine.id],
        },
      },
      w.resident.token,
    );
    expect(twice).toMatchObject({ code: "VALIDATION" });
  });

  it("go with a department's progress update, for the handlers of the suggestion", async () => {
    const s = await inProgress(t, w);
    const photo = (await upload(w.handler.token, jpegWithExif(), "image/jpeg", "修好了.jpg")).body;
    const updated = await api(t).ok<{ updates: { attachments: { url: string }[] }[] }>(
      "postSuggestionUpdate",
      "(transferId: $transferId, body: $body, photoIds: $photoIds)",
      { transferId: s.leadTransferId, body: "已更换灯泡", photoIds: [photo.id] },
      w.handler.token,
      "updates { attachments { url } }",
    );
    expect(updated.updates.at(-1)?.attachments).toEqual([{ url: photo.url }]);
    expect((await download(w.resident.token, photo.url ?? "")).status).toBe(200);
    expect((await download(w.deputy.token, photo.url ?? "")).status).toBe(200);
    expect((await download(w.otherHandler.token, photo.url ?? "")).status).toBe(404);
  });
});
