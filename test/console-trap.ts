// A test fails when React or the server logs an error or a warning it did not expect. A test
// that provokes one on purpose says so first: `expectConsoleError(/Origin/)`.
import { format } from "node:util";
import { afterEach } from "vitest";

const unexpected: string[] = [];
let expected: RegExp[] = [];

/** The next console error or warning matching `pattern` (in this test) is part of the test. */
export function expectConsoleError(pattern: RegExp) {
  expected.push(pattern);
}

export function installConsoleTrap() {
  for (const level of ["error", "warn"] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      const text = format(...args);
      const index = expected.findIndex((pattern) => pattern.test(text));
      if (index >= 0) {
        expected.splice(index, 1);
        return;
      }
      unexpected.push(`console.${level}: ${text.split("\n")[0]}`);
      original(...args);
    };
  }
  afterEach(() => {
    expected = [];
    if (unexpected.length === 0) return;
    const logged = unexpected.splice(0);
    throw new Error(`Oväntade fel i konsolen under testet:\n${logged.join("\n")}`);
  });
}
