// The items of a declaration, in the order the registry reads them (registered, filed, attributes):
// the units an official asks to correct, and the sections of the applicant's form.
export const DECLARATION_ITEMS = [
  'name',
  'kind',
  'businessScope',
  'registeredAddress',
  'registeredCapital',
  'legalRepresentative',
  'investors',
  'articlesOfAssociation',
  'operatingTerm',
  'officers',
  'liaison',
  'serviceAgent',
  'industry',
  'foreignInvested',
] as const;

export type DeclarationItem = (typeof DECLARATION_ITEMS)[number];

/** What an official may name in a correction notice: a declaration item or the name reservation. */
export const CORRECTABLE = [...DECLARATION_ITEMS.map((item) => `declaration.${item}`), 'nameReservationId'] as const;

/** The label key of a correction path such as ["declaration", "registeredAddress"]. */
export function itemLabelKey(field: readonly string[]): string {
  if (field[0] === 'declaration' && field[1]) return `registration.items.${field[1]}`;
  if (field[0] === 'nameReservationId') return 'registration.items.name';
  return 'registration.items.other';
}
