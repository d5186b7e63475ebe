// Opaque global IDs: base64url("Type:uuid"). Clients must treat them as opaque; the type prefix lets
// `node(id:)` route to the owning module and lets resolvers refuse an ID of the wrong type.

export interface DecodedId {
  type: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** Decodes a global ID; null when it is malformed (callers report it as not found). */
export function fromGlobalId(globalId: string): DecodedId | null {
  if (typeof globalId !== 'string' || globalId.length === 0 || globalId.length > 200) return null;
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  const type = text.slice(0, colon);
  const id = text.slice(colon + 1);
  if (!/^[A-Za-z]+$/.test(type) || !UUID.test(id)) return null;
  return { type, id };
}

/** The local id when `globalId` is of `type`, else null. */
export function localIdOf(globalId: string, type: string): string | null {
  const decoded = fromGlobalId(globalId);
  return decoded && decoded.type === type ? decoded.id : null;
}
