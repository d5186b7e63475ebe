/** The element id of the input for a field key ("declaration.investors.0.name" → "f-declaration-investors-0-name"). */
export function fieldId(key: string): string {
  return `f-${key.replace(/[^A-Za-z0-9]+/g, '-')}`;
}
