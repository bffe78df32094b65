import { config } from 'zod/v4/core';

// The CSP allows no eval (docs/security.md#headers-and-content-security-policy). Without this, zod
// tries `new Function` while it builds an object schema, and the browser reports a violation.
config({ jitless: true });
