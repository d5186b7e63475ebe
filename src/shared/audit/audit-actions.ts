import { registerEnumType } from 'type-graphql';

// Every action the audit trail records, with what it means. The stored code ("registration.confirm")
// stays the key in the table and the logs; the API shows it as the enum value derived from it
// (REGISTRATION_CONFIRM). recordAudit takes only these codes, so a new action is added here first,
// with its description, or the build fails.
const DESCRIPTIONS = {
  'account.signUp': 'An applicant account was created.',
  'account.signIn': 'A user signed in.',
  'account.signOut': 'A user signed out.',
  'account.changePassword': 'A user changed their password.',
  'account.createStaff': 'An administrator created a staff account.',
  'account.disable': 'An administrator disabled a staff account.',
  'account.enable': 'An administrator enabled a staff account again.',
  'account.resetPassword': "An administrator reset a staff account's password.",
  'organisation.create': 'An administrator created an organisation.',
  'apiKey.create': 'An API key was created.',
  'apiKey.revoke': 'An API key was revoked.',
  'apiKey.rotate': "An API key's secret was replaced.",
  'apiKey.update': "An API key's name or expiry was changed.",
  'webhookEndpoint.create': "An organisation's administrator registered a webhook endpoint.",
  'webhookEndpoint.update': "An organisation's administrator changed a webhook endpoint.",
  'webhookEndpoint.delete': "An organisation's administrator deleted a webhook endpoint.",
  'webhookEndpoint.rotateSecret': "A webhook endpoint's signing secret was replaced.",
  'webhookDelivery.redeliver': 'A webhook delivery was sent again.',
  'calendar.loadYear': "An administrator loaded a year's holiday arrangement.",
  'registration.createDraft': 'An applicant started a registration application.',
  'registration.saveDraft': 'An applicant saved a registration draft.',
  'registration.submit': 'A registration application was submitted.',
  'registration.withdraw': 'A registration application was withdrawn.',
  'registration.confirm': 'An official confirmed a registration application.',
  'registration.requestCorrection': 'An official asked for corrections to a registration application.',
  'registration.reject': 'An official rejected a registration application.',
  'registration.requestExtension': 'An official asked to extend the review of a registration application.',
  'registration.extend': 'Another official approved the extension of a registration review.',
  'registration.clearance': 'A department recorded its clearance of a deregistration.',
  'registration.clearanceAnswer': "An applicant answered a department's blocked clearance.",
  'registration.settings.update': 'An administrator changed the registration settings.',
  'registration.commitmentTerms.publish':
    'An administrator published a new version of the registration commitment text.',
  'enterprise.establish': 'An enterprise was registered.',
  'enterprise.change': 'A registered change took effect on an enterprise.',
  'enterprise.deregister': 'An enterprise was deregistered.',
  'enterprise.revoke': "An enterprise's registration was revoked.",
  'enterprise.nameChangeRequired': 'An enterprise was told to change its name.',
  'enterprise.agentAdded': 'A user became an agent of an enterprise.',
  'enterprise.agentRemoved': 'A user stopped being an agent of an enterprise.',
  'enterpriseAgent.invite': 'An enterprise invited a user to act for it.',
  'enterpriseAgent.accept': 'A user accepted an invitation to act for an enterprise.',
  'enterpriseAgent.revokeInvitation': 'An invitation to act for an enterprise was revoked.',
  'enterpriseRestriction.record': 'A restriction on an enterprise was recorded.',
  'enterpriseRestriction.lift': 'A restriction on an enterprise was lifted.',
  'simplifiedDeregistration.startNotice': 'The public notice of a simplified deregistration began.',
  'simplifiedDeregistration.object': 'An objection to a simplified deregistration was filed.',
  'simplifiedDeregistration.complete': 'A simplified deregistration was completed.',
  'nameReservation.reserve': 'An enterprise name was reserved.',
  'nameReservation.use': 'A reserved name was used by a registration.',
  'nameReservation.expire': 'A name reservation expired.',
  'nameReservation.revoke': 'A name reservation was revoked.',
  'nameReservation.verify': "An official recorded the verification of a special name's commitment.",
  'nameReservation.grantDeclaredDirectly': 'A special name declared directly in a change was granted.',
  'nameTransfer.reserve': 'A name was reserved for transfer from another enterprise.',
  'nameTransfer.consent': 'An enterprise consented to the transfer of its name.',
  'nameTransfer.complete': 'A name transfer was completed.',
  'names.settings.update': 'An administrator changed the names settings.',
  'names.commitmentTerms.publish': 'An administrator published a new version of the special-name commitment text.',
  'names.undertakingTerms.publish': 'An administrator published a new version of the similar-name undertaking text.',
  'names.prohibitedWord.add': 'A word was added to the prohibited-word list.',
  'names.prohibitedWord.remove': 'A word was removed from the prohibited-word list.',
  'names.specialWord.add': 'A word was added to the special-word list.',
  'names.specialWord.remove': 'A word was removed from the special-word list.',
  'names.divisionNameException.add': 'An exception to the division-name rule was added.',
  'names.divisionNameException.remove': 'An exception to the division-name rule was removed.',
  'hosting.host.apply': 'A firm applied to host registered addresses.',
  'hosting.host.verified': 'An official verified a host.',
  'hosting.host.refused': 'An official refused a host.',
  'hosting.host.suspended': 'An official suspended a host.',
  'hosting.address.add': 'A host added a hosted address.',
  'hosting.address.update': 'A host changed a hosted address.',
  'hosting.agreement.request': 'An applicant requested hosting.',
  'hosting.agreement.accept': 'A host accepted a hosting request.',
  'hosting.agreement.refuse': 'A host refused a hosting request.',
  'hosting.agreement.bind': 'A hosting agreement was bound to a registered enterprise.',
  'hosting.agreement.terminate': 'A hosting agreement was terminated.',
  'hosting.forwarding.log': 'A host logged a forwarded document.',
  'hosting.forwarding.acknowledge': 'An enterprise acknowledged a forwarded document.',
  'hosting.unreachable.report': 'A host reported an enterprise unreachable.',
  'hosting.unreachable.dismiss': 'An official dismissed an unreachable report.',
  'hosting.unreachable.list': 'An official listed a reported enterprise as abnormal.',
  'hosting.abnormal.list': 'An enterprise was put on the abnormal-operations list.',
  'hosting.abnormal.remove': 'An enterprise was removed from the abnormal-operations list.',
  'hosting.settings.update': 'An administrator changed the hosting settings.',
  'investorServices.submit': 'A service case was submitted.',
  'investorServices.withdraw': 'A service case was withdrawn.',
  'investorServices.accept': 'An official accepted a service case.',
  'investorServices.decline': 'An official declined a service case.',
  'investorServices.assign': 'A service case was assigned.',
  'investorServices.requestMaterials': 'An official asked for more materials on a service case.',
  'investorServices.supplyMaterials': 'The submitter supplied materials on a service case.',
  'investorServices.message': 'A message was posted on a service case.',
  'investorServices.internalNote': 'An official wrote an internal note on a service case.',
  'investorServices.extend': 'The deadline of a service case was extended.',
  'investorServices.resolve': 'A service case was resolved.',
  'investorServices.refer': 'A service case was referred to the competent office.',
  'investorServices.rate': 'The submitter rated a service case.',
  'investorServices.publishTypical': 'A typical case was published.',
  'investorServices.updateTypical': 'A typical case was changed.',
  'investorServices.withdrawTypical': 'A typical case was withdrawn.',
  'investorServices.settings.update': 'An administrator changed the investor-services settings.',
  'financing.publishDemand': 'A financing demand was published.',
  'financing.withdrawDemand': 'A financing demand was withdrawn.',
  'financing.makeOffer': 'A bank made a financing offer.',
  'financing.withdrawOffer': 'A bank withdrew a financing offer.',
  'financing.acceptOffer': 'An enterprise accepted a financing offer.',
  'financing.declineOffer': 'An enterprise declined a financing offer.',
  'financing.recordDisbursement': 'A bank recorded a disbursement.',
  'financing.publishProduct': 'A bank published a credit product.',
  'financing.retireProduct': 'A bank retired a credit product.',
  'financing.settings.update': 'An administrator changed the financing settings.',
  'supervision.drawSample': 'An inspection sample was drawn.',
  'supervision.recordFinding': 'An inspection finding was recorded.',
  'supervision.issueNotice': 'An inspection finding led to a notice to the enterprise.',
  'supervision.publicNotice': 'The public notice before a revocation began.',
  'supervision.answerNotice': 'An enterprise answered a revocation notice.',
  'supervision.revoke': 'A revocation proceeding revoked a registration.',
  'supervision.close': 'A revocation proceeding was closed.',
} as const;

/** A stored audit action code, e.g. "registration.confirm". */
export type AuditActionCode = keyof typeof DESCRIPTIONS;

/** The codes of one area, without its prefix: `AuditVerb<'investorServices.'>` is 'submit' | 'withdraw' | .... */
export type AuditVerb<Prefix extends string> = AuditActionCode extends infer Code
  ? Code extends `${Prefix}${infer Verb}`
    ? Verb
    : never
  : never;

/** "registration.commitmentTerms.publish" → "REGISTRATION_COMMITMENT_TERMS_PUBLISH". */
export function auditActionName(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/\./g, '_')
    .toUpperCase();
}

const codes = Object.keys(DESCRIPTIONS) as AuditActionCode[];

/** The GraphQL enum: names derived from the codes, the stored codes as internal values. */
export const AuditAction = Object.fromEntries(codes.map((code) => [auditActionName(code), code])) as Record<
  string,
  AuditActionCode
>;

registerEnumType(AuditAction, {
  name: 'AuditAction',
  description: 'What an audit event records.',
  valuesConfig: Object.fromEntries(
    codes.map((code) => [auditActionName(code), { description: `${DESCRIPTIONS[code]} Stored as "${code}".` }]),
  ),
});
