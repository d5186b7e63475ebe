// Every migration, in order. Listed in code (not found by a file glob) so that the compiled server,
// the CLI and the tests (which run the TypeScript sources) all apply exactly the same ones.
// `npm run migration:create` writes a new file; add its class at the end of this list.
import { Migration20261126133344_Initial } from './Migration20261126133344_Initial.js';
import { Migration20261126134338_Names } from './Migration20261126134338_Names.js';
import { Migration20261126134939_Registration } from './Migration20261126134939_Registration.js';
import { Migration20261126135337_Financing } from './Migration20261126135337_Financing.js';
import { Migration20261126140548_NamesGinFastupdate } from './Migration20261126140548_NamesGinFastupdate.js';
import { Migration20261126144626_AuditSequence } from './Migration20261126144626_AuditSequence.js';
import { Migration20261207090128_AuditChainAndIdempotency } from './Migration20261207090128_AuditChainAndIdempotency.js';
import { Migration20261207094500_OperatingTermHistory } from './Migration20261207094500_OperatingTermHistory.js';
import { Migration20261207094659_NameReservationHold } from './Migration20261207094659_NameReservationHold.js';
import { Migration20261207095500_EnterprisePublicName } from './Migration20261207095500_EnterprisePublicName.js';
import { Migration20261207101042_ReviewExtensionApproval } from './Migration20261207101042_ReviewExtensionApproval.js';
import { Migration20261207114115_NameExceptionsAndUndertaking } from './Migration20261207114115_NameExceptionsAndUndertaking.js';
import { Migration20261207114129_DeregistrationClearanceAnswers } from './Migration20261207114129_DeregistrationClearanceAnswers.js';
import { Migration20261207114511_DirectNameChange } from './Migration20261207114511_DirectNameChange.js';
import { Migration20261207114908_Hosting } from './Migration20261207114908_Hosting.js';
import { Migration20261207114922_InvestorServices } from './Migration20261207114922_InvestorServices.js';
import { Migration20261207115037_SimplifiedDeregistration } from './Migration20261207115037_SimplifiedDeregistration.js';
import { Migration20261207120555_Supervision } from './Migration20261207120555_Supervision.js';
import { Migration20261207153000_DirectNameVerification } from './Migration20261207153000_DirectNameVerification.js';
import { Migration20261207153309_ActingForEnterprise } from './Migration20261207153309_ActingForEnterprise.js';
import { Migration20261207154500_RevocationNoticeAnswer } from './Migration20261207154500_RevocationNoticeAnswer.js';
import { Migration20261207160000_TypicalCaseEditWithdraw } from './Migration20261207160000_TypicalCaseEditWithdraw.js';
import { Migration20261207183000_AdminSettingsAndCommitmentTerms } from './Migration20261207183000_AdminSettingsAndCommitmentTerms.js';
import { Migration20261207183000_RateLimits } from './Migration20261207183000_RateLimits.js';
import { Migration20261207183019_OrganisationApiKeys } from './Migration20261207183019_OrganisationApiKeys.js';
import { Migration20261207200000_DomainEventFeed } from './Migration20261207200000_DomainEventFeed.js';
import { Migration20261207220000_DomainEventAudienceIndex } from './Migration20261207220000_DomainEventAudienceIndex.js';
import { Migration20261207220000_Webhooks } from './Migration20261207220000_Webhooks.js';

export const allMigrations = [
  Migration20261126133344_Initial,
  Migration20261126134338_Names,
  Migration20261126134939_Registration,
  Migration20261126135337_Financing,
  Migration20261126140548_NamesGinFastupdate,
  Migration20261126144626_AuditSequence,
  Migration20261207090128_AuditChainAndIdempotency,
  Migration20261207094500_OperatingTermHistory,
  Migration20261207094659_NameReservationHold,
  Migration20261207095500_EnterprisePublicName,
  Migration20261207101042_ReviewExtensionApproval,
  Migration20261207114115_NameExceptionsAndUndertaking,
  Migration20261207114129_DeregistrationClearanceAnswers,
  Migration20261207114511_DirectNameChange,
  Migration20261207114908_Hosting,
  Migration20261207114922_InvestorServices,
  Migration20261207115037_SimplifiedDeregistration,
  Migration20261207120555_Supervision,
  Migration20261207153000_DirectNameVerification,
  Migration20261207153309_ActingForEnterprise,
  Migration20261207154500_RevocationNoticeAnswer,
  Migration20261207160000_TypicalCaseEditWithdraw,
  Migration20261207183000_AdminSettingsAndCommitmentTerms,
  Migration20261207183000_RateLimits,
  Migration20261207183019_OrganisationApiKeys,
  Migration20261207200000_DomainEventFeed,
  Migration20261207220000_DomainEventAudienceIndex,
  Migration20261207220000_Webhooks,
];
