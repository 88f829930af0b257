import { createReadStream, existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pipeline } from "node:stream";
import { decodePath, requestUrl } from "./request.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
};

/**
 * Serves the built web app: hashed assets cached for a year, every other path falls back to
 * index.html so client-side routes work on reload. Returns false when there is no build.
 */
export function createStaticHandler(rootDir: string | undefined) {
  const root = rootDir ? resolve(rootDir) : undefined;
  const index = root ? join(root, "index.html") : undefined;
  const available = Boolean(index && existsSync(index));
  return {
    available,
    handle(req: IncomingMessage, res: ServerResponse): boolean {
      if (!available || !root || !index) return false;
      if (req.method !== "GET" && req.method !== "HEAD") return false;
      // A broken escape (`/%E0`) throws MalformedUrlError: the server answers 400.
      const pathname = decodePath(requestUrl(req).pathname);
      const candidate = normalize(join(root, pathname));
      // Never serve outside the build folder: an encoded `..%2f` survives URL parsing, and a bare
      // prefix test would let `dist` reach its sibling `dist-old`, hence the separator.
      const inside = candidate.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
      const file = inside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : index;
      const isAsset = file !== index && pathname.startsWith("/assets/");
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": isAsset ? "public, max-age=31536000, immutable" : "no-cache",
        "x-content-type-options": "nosniff",
      });
      if (req.method === "HEAD") res.end();
      // A read error (the build replaced underneath) cuts the response instead of crashing.
      else pipeline(createReadStream(file), res, () => {});
      return true;
    },
  };
}
