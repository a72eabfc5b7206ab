import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/core/*/schema.ts', './src/*/schema.ts'],
  out: './src/core/db/migrations',
  casing: 'snake_case',
});
