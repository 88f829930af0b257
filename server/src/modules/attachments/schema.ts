import { builder } from "../../builder.js";
import { attachmentUrl } from "./service.js";

builder.prismaObject("Attachment", {
  description:
    "A photo. Whoever may read the item it belongs to may read it; its bytes are at `url` (GET, same session).",
  fields: (t) => ({
    id: t.exposeID("id"),
    fileName: t.exposeString("fileName"),
    mimeType: t.exposeString("mimeType"),
    byteSize: t.exposeInt("byteSize"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    url: t.string({ select: { id: true }, resolve: (attachment) => attachmentUrl(attachment.id) }),
  }),
});
