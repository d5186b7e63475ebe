/** The client's page for each kind of object a notification can be about. */
const PAGES: Record<string, (id: string) => string> = {
  RegistrationApplication: (id) => `/applications/${id}`,
  NameReservation: () => '/names/mine',
  ServiceCase: (id) => `/investor-services/cases/${id}`,
  RevocationProceeding: (id) => `/revocation-notices/${id}`,
  Enterprise: () => '/enterprises',
  EnterpriseAgentInvitation: () => '/enterprises',
};

/** Where a notification's subject is shown, by its type; null when it has no page here. */
export function subjectPath(subject: { __typename?: string; id: string } | null | undefined): string | null {
  if (!subject?.__typename) return null;
  const page = PAGES[subject.__typename];
  return page ? page(encodeURIComponent(subject.id)) : null;
}
