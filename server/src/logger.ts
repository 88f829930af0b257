import { type Logger, pino } from "pino";

export type { Logger };

/**
 * Structured JSON logs for machines; readable lines when a person watches a terminal (or
 * LOG_FORMAT=pretty). Phone numbers never go in here unmasked (see maskPhone).
 */
export function createLogger(
  level: string,
  pretty = process.env.LOG_FORMAT === "pretty" || (process.stdout.isTTY && process.env.LOG_FORMAT !== "json"),
): Logger {
  if (pretty) {
    return pino({
      level,
      transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname,service" } },
    });
  }
  return pino({ level, base: { service: "gongzhi" } });
}

/** 13812345678 → 138****5678: enough for an operator, useless to anyone else. */
export function maskPhone(phone: string): string {
  const local = phone.startsWith("86") && phone.length === 13 ? phone.slice(2) : phone;
  return local.length >= 7 ? `${local.slice(0, 3)}****${local.slice(-4)}` : "****";
}
