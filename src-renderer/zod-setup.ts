import { z } from 'zod';
import { zhCN } from 'zod/locales';

// Must run before any schema is used: zod's JIT probe calls `new Function`, which the CSP blocks
// (and reports as a violation). Chinese default messages cover schemas without custom text.
z.config({ jitless: true });
z.config(zhCN());
