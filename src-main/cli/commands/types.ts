import type { Services } from '../../compose';

export interface CommandIo {
  json: boolean;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** positional words after the command name, and every --flag */
  args: { rest: string[]; flags: ReadonlyMap<string, string | true> };
}

/** A CLI command run on open services; answers the exit code (errors it throws are reported by main). */
export type Command = (services: Services, io: CommandIo) => Promise<number>;
