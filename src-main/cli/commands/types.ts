import type { Services } from '../../compose';

export interface CommandIo {
  json: boolean;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/** A CLI command run on open services; answers the exit code (errors it throws are reported by main). */
export type Command = (services: Services, io: CommandIo) => Promise<number>;
