// Every entity of every module, for the ORM. A module exports its entities from its index.ts.
import { accountsEntities } from '../modules/accounts/index.js';
import { financingEntities } from '../modules/financing/index.js';
import { investorServicesEntities } from '../modules/investor-services/index.js';
import { hostingEntities } from '../modules/hosting/index.js';
import { namesEntities } from '../modules/names/index.js';
import { registrationEntities } from '../modules/registration/index.js';
import { supervisionEntities } from '../modules/supervision/index.js';
import { webhooksEntities } from '../modules/webhooks/index.js';
import { platformEntities } from '../shared/entities.js';

export const allEntities = [
  ...platformEntities,
  ...accountsEntities,
  ...namesEntities,
  ...registrationEntities,
  ...financingEntities,
  ...investorServicesEntities,
  ...supervisionEntities,
  ...hostingEntities,
  ...webhooksEntities,
];
