import { parseArgs, type ParseArgsConfig } from "node:util";

/** Parses `--name value` options; prints the usage and exits 2 on an unknown or malformed option. */
export function parseCliArgs<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
}
