import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { seedDemo } from "./seed/demo.js";

// The process entry point: configuration from the environment, demo data on request, signals.
const config = loadConfig();
const app = await createApp({ config });
const { logger } = app;

const demo = config.seedDemo ? await seedDemo(app.database.prisma) : null;
if (demo) logger.info({ created: demo.created, counts: demo.counts }, "demo data ready");

const url = await app.start();
logger.info(`共治 is running at ${url} (database: ${app.database.kind}${config.redisUrl ? ", redis pub/sub" : ""})`);
// For the person at the terminal, whatever the log format.
console.log(`\n  共治 is ready: ${url}\n`);
if (demo) {
  console.log('  Demo sign-ins (the one-time code appears in this log as "sign-in code for …"):');
  for (const account of demo.accounts) console.log(`    ${account.phone}  ${account.label}`);
  console.log("");
}

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing in-flight requests`);
    await app.stop();
    process.exit(0);
  });
}
