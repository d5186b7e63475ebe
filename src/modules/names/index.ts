// The names module: name checks, reservations, special-name commitments and their verification,
// and the conflict index other modules write registered names to.
import { namesEntities } from './names.entity.js';

export { NameReservation, EnterpriseName } from './names.entity.js';
export {
  takeReservationForRegistration,
  markReservationUsed,
  registerEnterpriseName,
  releaseEnterpriseName,
  onFalseCommitment,
  effectiveReservationStatus,
  type FalseCommitmentHandler,
  type RegisteredEnterpriseName,
} from './reservations.service.js';

export { namesEntities };
