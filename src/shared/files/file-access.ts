import type { RequestContext } from '../context.js';
import type { StoredFile } from './file.entity.js';
import { isLapsedUpload } from './retention.js';

// Who may read a file: its uploader while it is unattached; once attached, the rule of the module it
// is attached to (registered here by that module, so this shared code never imports a module).

export type FileAccessRule = (ctx: RequestContext, file: StoredFile) => Promise<boolean>;

const rules = new Map<string, FileAccessRule>();

/** A module states who may read the files attached to its objects of this GraphQL type. */
export function registerFileAccess(attachedTo: string, rule: FileAccessRule): void {
  rules.set(attachedTo, rule);
}

export async function canReadFile(ctx: RequestContext, file: StoredFile): Promise<boolean> {
  if (file.attachedTo === null) {
    return ctx.viewer.userId !== null && file.ownerUserId === ctx.viewer.userId && !isLapsedUpload(ctx.deps, file);
  }
  const rule = rules.get(file.attachedTo);
  return rule ? rule(ctx, file) : false;
}
