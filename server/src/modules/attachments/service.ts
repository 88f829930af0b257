import { randomUUID } from "node:crypto";
import type { Viewer } from "../../auth/viewer.js";
import { AppError, ErrorCode, invalid, notFound, unauthenticated } from "../../errors.js";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { accessSelection, isHandler } from "../suggestions/access.js";
import { MalformedImageError, sniffImageType, stripImageMetadata } from "./images.js";

// Photos: uploaded one by one before the form that uses them is sent (a phone on a weak network
// sees each photo's progress), stored without an owner, then claimed by the suggestion or progress
// update they belong to. Unclaimed uploads are visible to their uploader only and swept after a day.

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS_PER_ITEM = 9;
const UPLOADS_PER_HOUR = 60;
const UNCLAIMED_LIFETIME_MS = 24 * 60 * 60 * 1000;

const NO_OWNER = { proposalId: null, progressId: null, suggestionId: null, suggestionUpdateId: null } as const;

export function attachmentUrl(id: number): string {
  return `/attachments/${id}`;
}

/** A file name safe to show and to send back in a header: no path, no control characters, not too long. */
function cleanFileName(name: string | null | undefined, type: string): string {
  const base = (name ?? "")
    .replace(/^.*[\\/]/, "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(0, 100);
  return base || `photo.${type === "image/png" ? "png" : "jpg"}`;
}

export async function storeUpload(
  prisma: PrismaClient,
  viewer: Viewer,
  upload: { bytes: Buffer; fileName?: string | null },
) {
  const accountId = viewer.accountId;
  if (!accountId) throw unauthenticated();
  if (upload.bytes.length === 0) throw invalid("file", "文件是空的");
  if (upload.bytes.length > MAX_PHOTO_BYTES) throw invalid("file", "照片不能超过 5 MB");
  const type = sniffImageType(upload.bytes);
  if (!type) throw invalid("file", "只能上传照片（JPG 或 PNG）");
  let bytes: Buffer;
  try {
    bytes = stripImageMetadata(upload.bytes, type);
  } catch (error) {
    if (error instanceof MalformedImageError) throw invalid("file", "照片文件已损坏，请重新选择");
    throw error;
  }

  const now = Date.now();
  const recent = await prisma.attachment.count({
    where: { uploadedById: accountId, createdAt: { gt: new Date(now - 60 * 60 * 1000) } },
  });
  if (recent >= UPLOADS_PER_HOUR) {
    throw new AppError(ErrorCode.RATE_LIMITED, "上传太频繁，请稍后再试", { retryAfterSeconds: 600 });
  }
  // Sweep this person's abandoned uploads (a form they never sent).
  await prisma.attachment.deleteMany({
    where: { uploadedById: accountId, ...NO_OWNER, createdAt: { lt: new Date(now - UNCLAIMED_LIFETIME_MS) } },
  });
  return prisma.attachment.create({
    data: {
      fileName: cleanFileName(upload.fileName, type),
      mimeType: type,
      byteSize: bytes.length,
      storageKey: `db:${randomUUID()}`,
      uploadedById: accountId,
      content: { create: { bytes: new Uint8Array(bytes) } },
    },
    select: { id: true, fileName: true, mimeType: true, byteSize: true, createdAt: true },
  });
}

type Owner = { suggestionId: number } | { suggestionUpdateId: number };

/**
 * Attaches the viewer's own unclaimed uploads to what they belong to, inside the caller's
 * transaction. Any id that is not such an upload fails the whole step (nothing is half-attached).
 */
export async function claimPhotos(
  tx: Prisma.TransactionClient,
  options: { accountId: number; photoIds: readonly number[]; owner: Owner },
) {
  const ids = [...new Set(options.photoIds)];
  if (ids.length === 0) return;
  if (ids.length > MAX_PHOTOS_PER_ITEM) throw invalid("photoIds", `最多上传 ${MAX_PHOTOS_PER_ITEM} 张照片`);
  const claimed = await tx.attachment.updateMany({
    where: { id: { in: ids }, uploadedById: options.accountId, ...NO_OWNER },
    data: options.owner,
  });
  if (claimed.count !== ids.length) throw invalid("photoIds", "有照片已失效或已被使用，请重新上传");
}

/** The photo and its bytes, if the viewer may see it; otherwise NOT_FOUND (whether it exists is not told). */
export async function readAttachment(prisma: PrismaClient, viewer: Viewer, id: number) {
  const attachment = await prisma.attachment.findUnique({
    where: { id },
    select: {
      id: true,
      fileName: true,
      mimeType: true,
      uploadedById: true,
      proposalId: true,
      progressId: true,
      suggestion: { select: accessSelection },
      suggestionUpdate: { select: { transfer: { select: { suggestion: { select: accessSelection } } } } },
      content: { select: { bytes: true } },
    },
  });
  if (!attachment?.content || !mayRead(viewer, attachment)) throw notFound(`attachment ${id}`);
  return { ...attachment, bytes: Buffer.from(attachment.content.bytes) };
}

function mayRead(
  viewer: Viewer,
  attachment: {
    uploadedById: number;
    proposalId: number | null;
    progressId: number | null;
    suggestion: Parameters<typeof isHandler>[1] | null;
    suggestionUpdate: { transfer: { suggestion: Parameters<typeof isHandler>[1] } } | null;
  },
): boolean {
  // Proposals and their progress are public works; their photos are public.
  if (attachment.proposalId || attachment.progressId) return true;
  // A suggestion's photos may show people and homes: its handlers only (the submitter included).
  const suggestion = attachment.suggestion ?? attachment.suggestionUpdate?.transfer.suggestion;
  if (suggestion) return isHandler({ viewer }, suggestion);
  return viewer.accountId === attachment.uploadedById;
}
