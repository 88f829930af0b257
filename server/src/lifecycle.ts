import { AppError, ErrorCode } from "./errors.js";

/**
 * A table of allowed status transitions. Every entity with a lifecycle declares one, and every
 * status change goes through `assertTransition`, so no status is ever assigned ad hoc.
 */
export type Lifecycle<S extends string> = Readonly<Record<S, readonly S[]>>;

export function defineLifecycle<S extends string>(transitions: Lifecycle<S>): Lifecycle<S> {
  return transitions;
}

export function canTransition<S extends string>(lifecycle: Lifecycle<S>, from: S, to: S): boolean {
  return lifecycle[from].includes(to);
}

export function assertTransition<S extends string>(lifecycle: Lifecycle<S>, from: S, to: S, what: string): void {
  if (!canTransition(lifecycle, from, to)) {
    throw new AppError(ErrorCode.INVALID_TRANSITION, `${what} cannot go from ${from} to ${to}`);
  }
}
