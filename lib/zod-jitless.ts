import { z } from "zod";

// zod feature-detects eval with `Function("")` on its first object parse. Our CSP forbids eval
// (script-src has no 'unsafe-eval'), so the probe is blocked and reported as a CSP violation even
// though zod recovers. Telling zod up front not to compile parsers avoids the probe altogether.
z.config({ jitless: true });
