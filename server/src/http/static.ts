import { createReadStream, existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, resolve } from "node:path";

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
      const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      const candidate = normalize(join(root, pathname));
      // Never serve outside the build folder.
      const file =
        candidate.startsWith(root) && existsSync(candidate) && statSync(candidate).isFile() ? candidate : index;
      const isAsset = file !== index && pathname.startsWith("/assets/");
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": isAsset ? "public, max-age=31536000, immutable" : "no-cache",
        "x-content-type-options": "nosniff",
      });
      if (req.method === "HEAD") res.end();
      else createReadStream(file).pipe(res);
      return true;
    },
  };
}
