// zod probes whether it may compile its parsers with `new Function`. Our Content-Security-Policy
// forbids eval, and the browser reports the probe as a violation even though zod catches it, so in
// the browser zod runs without compiled parsers (the forms are small). The server keeps them: the
// import validates many rows. Imported first by root.tsx, so that it runs before any schema is
// built; z.config merges, so other settings (the Swedish messages) are kept.
import { config } from "zod/v4/core";

if (typeof document !== "undefined") config({ jitless: true });
