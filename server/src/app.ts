import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { GraphQLError } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { createYoga, type Plugin } from "graphql-yoga";
import { WebSocketServer } from "ws";
import { LiveSockets, SOCKET_CLOSE } from "./auth/live-sockets.js";
import { loadViewer, readToken, SESSION_COOKIE } from "./auth/session.js";
import type { AppConfig } from "./config.js";
import type { Context } from "./context.js";
import { type Database, openDatabase } from "./db/database.js";
import { AppError, toGraphQLError } from "./errors.js";
import { requestUrl, totalHandler } from "./http/request.js";
import { createStaticHandler } from "./http/static.js";
import { createLogger, type Logger } from "./logger.js";
import { type CodeSender, createCodeSender } from "./modules/accounts/code-sender.js";
import { handleAttachmentRoutes } from "./modules/attachments/http.js";
import { createSmsSender, type SmsSender } from "./modules/notifications/sms.js";
import { startTextOutbox } from "./modules/notifications/text-outbox.js";
import { startDeadlineClock } from "./modules/suggestions/deadlines.js";
import { handleSuggestionExport } from "./modules/suggestions/export.js";
import { startVoteClock } from "./modules/voting/service.js";
import { createAppPubSub } from "./pubsub.js";
import { schema } from "./schema.js";

export interface AppOptions {
  config: AppConfig;
  logger?: Logger;
  /** How sign-in codes reach people; defaults to the one config.codeSender names (else the log). */
  codeSender?: CodeSender;
  /**
   * How text messages (a reply, decline or closing told to a resident without an account) go out;
   * defaults to the one config.codeSender names (the SMS gateway, else the log). The text outbox
   * retries what it fails to send.
   */
  smsSender?: SmsSender;
  /** An already-open database (tests share one); otherwise opened from config. */
  database?: Database;
}

export interface App {
  database: Database;
  logger: Logger;
  /** Listens on the port (0 picks a free one) and resolves to the base URL. */
  start(port?: number, host?: string): Promise<string>;
  /** Finishes in-flight requests, closes sockets cleanly, releases the database. */
  stop(): Promise<void>;
  /** The yoga instance, for in-process `fetch` in tests. */
  yoga: ReturnType<typeof createYoga<ServerContext, Context>>;
}

interface ServerContext {
  req?: IncomingMessage;
  res?: ServerResponse;
  /** graphql-ws: the connection's init payload. */
  connectionParams?: Record<string, unknown>;
}

/** Cookies to set on the response of a given request (the session cookie after sign-in/out). */
const pendingCookies = new WeakMap<Request, string[]>();

function sessionCookie(config: AppConfig, token: string | null, expires?: Date): string {
  const attributes = ["Path=/", "HttpOnly", "SameSite=Lax", ...(config.secureCookies ? ["Secure"] : [])];
  if (token === null) return `${SESSION_COOKIE}=; Max-Age=0; ${attributes.join("; ")}`;
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Expires=${(expires ?? new Date()).toUTCString()}; ${attributes.join("; ")}`;
}

/**
 * The client's address (rate limits count by it). Behind a trusted proxy it is the last entry of
 * X-Forwarded-For, the one that proxy appended: everything left of it came from the client, who
 * could write anything there to get a fresh allowance per request.
 */
export function clientAddress(config: Pick<AppConfig, "trustProxy">, request: Request, req?: IncomingMessage) {
  if (config.trustProxy) {
    const forwarded = request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return req?.socket.remoteAddress ?? null;
}

/** An upgrade request's headers as a Fetch `Headers` (what readToken and yoga's context read). */
function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(key, value);
  }
  return headers;
}

/** By name too: a CommonJS copy of graphql (e.g. loaded by graphql-armor) has its own class. */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError || (error instanceof Error && error.name === "GraphQLError");
}

const useSessionCookies: Plugin = {
  onResponse({ request, response }) {
    for (const cookie of pendingCookies.get(request) ?? []) response.headers.append("set-cookie", cookie);
  },
};

export async function createApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = options.database ?? (await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }));
  const ownsDatabase = !options.database;
  const { pubsub, close: closePubSub } = createAppPubSub(config.redisUrl);
  const senders = config.codeSender ?? { kind: "log" };
  const codeSender = options.codeSender ?? createCodeSender(senders, logger);
  const sms = options.smsSender ?? createSmsSender(senders, logger);

  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: process.env.NODE_ENV !== "production" ? { subscriptionsProtocol: "WS" } : false,
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(" ")),
      info: (...args) => logger.info(args.map(String).join(" ")),
      warn: (...args) => logger.warn(args.map(String).join(" ")),
      error: (...args) => logger.error(args.map(String).join(" ")),
    },
    maskedErrors: {
      // Expected failures keep their code and message; anything else is logged and masked.
      maskError(error, message) {
        const original = (error as { originalError?: unknown }).originalError;
        // Errors about the document itself (syntax, validation, limits) are meant for the client.
        if (isGraphQLError(error) && (!original || isGraphQLError(original))) return error;
        if (original instanceof AppError)
          return toGraphQLError(original, (error as { path?: readonly (string | number)[] }).path);
        logger.error({ err: original ?? error }, "unexpected error");
        return new GraphQLError(message, { extensions: { code: "INTERNAL_SERVER_ERROR" } });
      },
    },
    plugins: [
      useSessionCookies,
      // Public endpoint: bound what one document may ask for (depth, aliases, cost, tokens).
      EnvelopArmorPlugin({
        maxDepth: { n: 12 },
        maxAliases: { n: 20 },
        costLimit: { maxCost: 10_000 },
        maxTokens: { n: 5_000 },
        blockFieldSuggestion: { enabled: process.env.NODE_ENV === "production" },
      }),
    ],
    context: async (initial) => {
      const request = (initial as { request: Request }).request;
      const token = readToken(request.headers, initial.connectionParams?.authToken);
      const viewer = await loadViewer(database.prisma, token);
      return {
        prisma: database.prisma,
        viewer,
        pubsub,
        config,
        logger,
        codeSender,
        sms,
        clientIp: clientAddress(config, request, initial.req),
        userAgent: request.headers.get("user-agent"),
        setSessionCookie: (value, expires) => {
          const list = pendingCookies.get(request) ?? [];
          list.push(sessionCookie(config, value, expires));
          pendingCookies.set(request, list);
        },
      };
    },
  });

  const stopVoteClock = startVoteClock({ prisma: database.prisma, pubsub, logger });
  const stopDeadlineClock = startDeadlineClock({ prisma: database.prisma, pubsub, logger, sms });
  const stopTextOutbox = startTextOutbox({ prisma: database.prisma, sms, logger });
  const staticFiles = createStaticHandler(config.webDistDir);
  let inFlight = 0;
  let draining = false;
  let idleResolve: (() => void) | null = null;

  const handleRequest = async (req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    res.on("close", () => {
      inFlight--;
      if (draining && inFlight === 0) idleResolve?.();
    });
    if (draining) res.setHeader("connection", "close");
    // Parsed once up front: a URL no route could parse (`GET //`) is a 400 from totalHandler.
    const url = requestUrl(req).pathname;
    if (url === "/healthz" || url === "/readyz") {
      try {
        await database.sql.query("SELECT 1");
        res.writeHead(draining ? 503 : 200, { "content-type": "application/json" });
        res.end(JSON.stringify({ status: draining ? "draining" : "ok", database: database.kind }));
      } catch (error) {
        logger.error({ err: error }, "health check failed");
        res.writeHead(503, { "content-type": "application/json" });
        res.end(JSON.stringify({ status: "unavailable" }));
      }
      return;
    }
    if (url.startsWith("/graphql")) {
      await yoga.handle(req, res, { req, res });
      return;
    }
    // Photos: uploads and downloads, authorised like the API.
    if (await handleAttachmentRoutes(req, res, { prisma: database.prisma, logger })) return;
    // Report downloads (CSV/Excel), authorised by the session cookie or a bearer token.
    if (url.startsWith("/exports/") && (await handleSuggestionExport(req, res, { prisma: database.prisma, logger })))
      return;
    if (!staticFiles.handle(req, res)) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("Not found. The web app is not built: run `pnpm build`.");
    }
  };
  // Whatever a route throws becomes a logged 500 (or a 400 for a malformed URL), never an
  // unhandled rejection that would end the process for everyone.
  const server: Server = createServer(totalHandler(handleRequest, logger));

  const wsServer = new WebSocketServer({ server, path: "/graphql" });
  // A subscription keeps the viewer it started with. When that session ends, or the account is
  // disabled or its roles change (on any instance: the events go through the shared pub/sub), its
  // sockets close, and the client connects again as whoever it now is; see LiveSockets.
  const liveSockets = new LiveSockets();
  const revokedSessions = pubsub.subscribe("session:revoked");
  const closingRevokedSessions = (async () => {
    for await (const { sessionId } of revokedSessions) {
      liveSockets.closeSession(sessionId, SOCKET_CLOSE.sessionEnded, "Session ended");
    }
  })().catch((error: unknown) => logger.error({ err: error }, "session revocation listener failed"));
  const accessChanges = pubsub.subscribe("account:accessChanged");
  const closingOnAccessChange = (async () => {
    for await (const { accountId, reason } of accessChanges) {
      if (reason === "disabled") liveSockets.closeAccount(accountId, SOCKET_CLOSE.sessionEnded, "Account disabled");
      else liveSockets.closeAccount(accountId, SOCKET_CLOSE.accessChanged, "Roles changed");
    }
  })().catch((error: unknown) => logger.error({ err: error }, "access change listener failed"));

  const wsCleanup = useServer<Record<string, unknown>, { request: IncomingMessage }>(
    {
      // A connection presenting a token that is not (or no longer) valid is refused: 4403. One
      // relying on the session cookie is anonymous if the cookie is stale, as over HTTP.
      onConnect: async (ctx) => {
        const presented = ctx.connectionParams?.authToken;
        const token = readToken(headersOf(ctx.extra.request), presented);
        if (!token) return true;
        const viewer = await loadViewer(database.prisma, token);
        if (!viewer.signedIn) return !(typeof presented === "string" && presented);
        const { account, sessionId, sessionExpiresAt } = viewer;
        if (account && sessionId && sessionExpiresAt) {
          liveSockets.add(ctx.extra.socket, { sessionId, accountId: account.id, expiresAt: sessionExpiresAt });
        }
        return true;
      },
      // Subscriptions run through yoga's envelope: same context, auth and plugins as HTTP.
      onSubscribe: async (ctx, _id, payload) => {
        const headers = headersOf(ctx.extra.request);
        const {
          schema: envelopedSchema,
          execute,
          subscribe,
          contextFactory,
          parse,
          validate,
        } = yoga.getEnveloped({
          req: ctx.extra.request,
          request: { headers } as unknown as Request,
          connectionParams: ctx.connectionParams,
          params: payload,
        });
        const args = {
          schema: envelopedSchema,
          operationName: payload.operationName,
          document: parse(payload.query),
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors;
        return args;
      },
      execute: (args) => (args.rootValue as { execute: (a: unknown) => unknown }).execute(args) as never,
      subscribe: (args) => (args.rootValue as { subscribe: (a: unknown) => unknown }).subscribe(args) as never,
    },
    wsServer,
  );

  return {
    database,
    logger,
    yoga,
    start: (port = config.port, host = config.host) =>
      new Promise((resolvePromise, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
          resolvePromise(`http://${shownHost}:${address.port}`);
        });
      }),
    stop: async () => {
      draining = true;
      stopVoteClock();
      stopDeadlineClock();
      await stopTextOutbox();
      // Stop accepting; keep-alive sockets close as soon as they are idle.
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      for (const client of wsServer.clients) client.close(1001, "Server shutting down");
      await wsCleanup.dispose();
      await revokedSessions.return();
      await accessChanges.return();
      await Promise.all([closingRevokedSessions, closingOnAccessChange]);
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((done) => {
            idleResolve = done;
          }),
          new Promise<void>((done) => setTimeout(done, 10_000).unref()),
        ]);
      }
      server.closeAllConnections();
      await closed;
      wsServer.close();
      await closePubSub();
      if (ownsDatabase) await database.close();
    },
  };
}
