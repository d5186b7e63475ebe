// Types of changelog.mjs for the TypeScript tests.
export interface SchemaChange {
  message: string;
  path: string | null;
}
export interface SchemaChanges {
  breaking: SchemaChange[];
  dangerous: SchemaChange[];
  safe: SchemaChange[];
}
export interface ChangelogEntry {
  /** null: the working schema, not yet released. */
  version: string | null;
  /** The first release: nothing to compare it with. */
  first: boolean;
  changes: SchemaChanges;
}
export function schemaChanges(oldText: string, newText: string): Promise<SchemaChanges>;
export function releaseSnapshots(releasesDir: string): { version: string; text: string }[];
export function changelog(releasesDir: string, currentText: string): Promise<ChangelogEntry[]>;
