import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Logger } from "../logger.js";

/** A request whose URL cannot be parsed or decoded (e.g. `GET //`, `GET /%E0`): answered 400. */
export class MalformedUrlError extends Error {
  constructor(url: string | undefined) {
    super(`malformed request URL: ${JSON.stringify(url)}`);
    this.name = "MalformedUrlError";
  }
}

/** The request's URL, parsed against a placeholder origin; throws MalformedUrlError. */
export function requestUrl(req: IncomingMessage): URL {
  try {
    return new URL(req.url ?? "/", "http://localhost");
  } catch {
    throw new MalformedUrlError(req.url);
  }
}

/** A percent-decoded path segment or path; throws MalformedUrlError on a broken escape (`%E0`). */
export function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new MalformedUrlError(path);
  }
}

function answer(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end(text);
}

/**
 * Wraps the server's async request handler so that nothing it throws escapes as an unhandled
 * rejection (which ends a Node 20 process): a malformed URL is a 400, anything else is logged
 * and answered 500. If the response had already started, the connection is cut instead, so the
 * client never takes a half-written body for a whole one.
 */
export function totalHandler(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  logger: Logger,
): RequestListener {
  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      const malformed = error instanceof MalformedUrlError;
      if (malformed) logger.debug({ url: req.url }, "malformed request URL");
      else logger.error({ err: error, method: req.method, url: req.url }, "request failed");
      if (res.headersSent) {
        res.destroy();
        return;
      }
      try {
        if (malformed) answer(res, 400, "Bad request: malformed URL");
        else answer(res, 500, "Internal server error");
      } catch (writeError) {
        logger.error({ err: writeError }, "could not answer a failed request");
        res.destroy();
      }
    });
  };
}
