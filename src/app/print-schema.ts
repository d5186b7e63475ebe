import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildApiSchema } from './schema.js';
import { createEventBus } from '../shared/pubsub.js';

// Writes schema/schema.graphql, the schema as clients see it. Run by `npm run build`; a test fails
// when the committed file differs from what the code builds.

export async function printApiSchema(): Promise<string> {
  const schema = await buildApiSchema(createEventBus());
  // The schema's description (its limits) opens the file.
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile('schema/schema.graphql', await printApiSchema());
}
