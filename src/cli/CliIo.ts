/** What a command may touch besides files: the working directory and the two output streams. */
export interface CliIo {
  /** The directory relative paths are read from. */
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars are drawn only then). */
  readonly stderrIsTTY: boolean;
  /** The stream a progress bar draws on. */
  readonly progressStream: NodeJS.WritableStream;
}

/**
 * The real process's streams.
 *
 * @returns the io of this process
 * @example
 * ```ts
 * const code = await runCli(process.argv.slice(2), processIo());
 * ```
 */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    stderrIsTTY: process.stderr.isTTY === true,
    progressStream: process.stderr,
  };
}
