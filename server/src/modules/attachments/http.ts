import type { IncomingMessage, ServerResponse } from "node:http";
import { loadViewer, readToken } from "../../auth/session.js";
import { AppError, ErrorCode } from "../../errors.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { requestUrl } from "../../http/request.js";
import type { Logger } from "../../logger.js";
import { parseId } from "../shared/ids.js";
import { ACCEPTED_IMAGE_TYPES } from "./images.js";
import { attachmentUrl, MAX_PHOTO_BYTES, readAttachment, storeUpload } from "./service.js";

// POST /uploads         the photo's bytes as the body (Content-Type image/jpeg or image/png, the file
//                       name URL-encoded in X-File-Name) → 201 {id, url, fileName, mimeType, byteSize}
// GET  /attachments/:id the photo, for whoever may see it (see readAttachment)
// Both authorised by the session cookie or a bearer token. A cross-site page cannot send an
// image/* body with the resident's cookie without a CORS preflight, which this server never grants.

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

function statusOf(error: AppError): number {
  switch (error.code) {
    case ErrorCode.UNAUTHENTICATED:
      return 401;
    case ErrorCode.FORBIDDEN:
      return 403;
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.RATE_LIMITED:
      return 429;
    default:
      return error.field === "file" ? 415 : 400;
  }
}

class TooLarge extends Error {}

/** The request body, refusing (without reading on) once it passes `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw new TooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function decodeFileName(header: string | string[] | undefined): string | null {
  if (typeof header !== "string") return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

/** Handles /uploads and /attachments/…; returns false for any other path. */
export async function handleAttachmentRoutes(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { prisma: PrismaClient; logger: Logger },
): Promise<boolean> {
  // Throws MalformedUrlError (`GET //`), which the server answers with 400.
  const { pathname } = requestUrl(req);
  const isUpload = pathname === "/uploads";
  const download = /^\/attachments\/([^/]+)$/.exec(pathname);
  if (!isUpload && !download) return false;
  try {
    const headers = { get: (name: string) => (req.headers[name.toLowerCase()] as string | undefined) ?? null };
    const viewer = await loadViewer(deps.prisma, readToken(headers));
    if (isUpload) {
      if (req.method !== "POST") {
        sendJson(res, 405, { code: ErrorCode.VALIDATION, message: "Use POST" }, { allow: "POST" });
        return true;
      }
      const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      if (!(ACCEPTED_IMAGE_TYPES as readonly string[]).includes(type)) {
        sendJson(res, 415, { code: ErrorCode.VALIDATION, field: "file", message: "只能上传照片（JPG 或 PNG）" });
        return true;
      }
      if (!viewer.signedIn) throw new AppError(ErrorCode.UNAUTHENTICATED, "请先登录");
      const bytes = await readBody(req, MAX_PHOTO_BYTES);
      const stored = await storeUpload(deps.prisma, viewer, {
        bytes,
        fileName: decodeFileName(req.headers["x-file-name"]),
      });
      sendJson(res, 201, { ...stored, id: String(stored.id), url: attachmentUrl(stored.id) });
      return true;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendJson(res, 405, { code: ErrorCode.VALIDATION, message: "Use GET" }, { allow: "GET, HEAD" });
      return true;
    }
    const photo = await readAttachment(deps.prisma, viewer, parseId(download?.[1] ?? "", "id"));
    res.writeHead(200, {
      "content-type": photo.mimeType,
      "content-length": photo.bytes.length,
      "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(photo.fileName)}`,
      // Private: a shared cache must never hand one resident's photo to another.
      "cache-control": "private, max-age=86400",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
    });
    res.end(req.method === "HEAD" ? undefined : photo.bytes);
  } catch (error) {
    if (error instanceof TooLarge) {
      // The rest of the body is not read: close the connection after answering.
      sendJson(
        res,
        413,
        { code: ErrorCode.VALIDATION, field: "file", message: "照片不能超过 5 MB" },
        { connection: "close" },
      );
    } else if (error instanceof AppError) {
      sendJson(res, statusOf(error), { code: error.code, message: error.message, field: error.field ?? null });
    } else {
      deps.logger.error({ err: error }, "attachment route failed");
      sendJson(res, 500, { code: "INTERNAL_SERVER_ERROR", message: "Unexpected error" });
    }
  }
  return true;
}
