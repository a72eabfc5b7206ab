// Every table of core, for drizzle's typed client. Modules keep their own schema.ts.
export * from '../agencies/schema.js';
export * from '../auth/schema.js';
export * from '../audit/schema.js';
