import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildApiSchema, SCHEMA_DESCRIPTION } from './schema.js';
import { createEventBus } from '../shared/pubsub.js';

// Writes schema/schema.graphql, the schema as clients see it. Run by `npm run build`; a test fails
// when the committed file differs from what the code builds.

export async function printApiSchema(): Promise<string> {
  const schema = await buildApiSchema(createEventBus());
  const sdl = printSchema(lexicographicSortSchema(schema));
  const header = SCHEMA_DESCRIPTION.split('\n').map((line) => `# ${line}`).join('\n');
  return `${header}\n\n${sdl}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile('schema/schema.graphql', await printApiSchema());
}
