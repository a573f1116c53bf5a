/**
 * Imported first by main.tsx, before any schema of core/contract is built: zod compiles fast
 * parsers with `new Function`, and even its probe for whether it may is reported by the window's
 * Content-Security-Policy (no eval) as a violation. The window parses with the plain parsers.
 */
import { z } from 'zod';

z.config({ jitless: true });
