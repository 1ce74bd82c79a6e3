/**
 * How the CLI ends when something goes wrong (CONTRACTS.md §2): a user's mistake (bad
 * scenario, flag, file or JSON) exits 2 with the messages; anything else is a bug in
 * Lambdascope and says so in one line, asking for a report, and exits 1. The stack trace is
 * printed only with --debug.
 */
export class UserError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export interface FailureContext {
  usage: string;
  debug: boolean;
  /** What a bug report needs to reproduce the run: seed and scenario file, once known. */
  seed?: number;
  file?: string;
}

export function exitWithUserError(problems: string[], ctx: FailureContext): never {
  process.stderr.write(problems.map((p) => `error: ${p}`).join('\n') + `\n${ctx.usage}\n`);
  process.exit(2);
}

export function exitWithInternalError(e: unknown, ctx: FailureContext): never {
  const message = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 300);
  const what = [ctx.seed !== undefined ? `the seed (${ctx.seed})` : 'the seed', ctx.file ? `the scenario file (${ctx.file})` : 'the scenario file'].join(' and ');
  process.stderr.write(
    `internal error: ${message} — this is a bug in Lambdascope, not in your input; please report it with ${what}` +
    `${ctx.debug ? '' : ' (run again with --debug for the stack trace)'}\n`,
  );
  if (ctx.debug && e instanceof Error && e.stack) process.stderr.write(e.stack + '\n');
  process.exit(1);
}

/** Routes every failure, even one thrown asynchronously, to one of the two exits above. */
export function guard(ctx: FailureContext, main: () => void | Promise<void>): void {
  const onError = (e: unknown) => (e instanceof UserError ? exitWithUserError(e.problems, ctx) : exitWithInternalError(e, ctx));
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  try {
    const r = main();
    if (r instanceof Promise) r.catch(onError);
  } catch (e) {
    onError(e);
  }
}
