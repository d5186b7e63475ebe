import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { AuditEvent } from '../../shared/audit/audit.entity.js';
import { AuditEventType } from '../../shared/audit/audit.types.js';
import type { RequestContext } from '../../shared/context.js';
import { Role } from '../../shared/graphql/common.types.js';
import { loadNode } from '../../shared/graphql/node-loading.js';
import type { Role as RoleValue } from '../../shared/viewer.js';
import { ApiKeyType, UserType } from './accounts.types.js';

// Who acted in an audit event. It lives here rather than beside AuditEvent in shared/ because it
// points at the accounts module's User and ApiKey. They are shown under node(id:)'s rule (the same
// batched loaders), so the trail never shows a viewer an account it could not read otherwise.

@ObjectType('AuditActor', { description: 'Who acted in an audit event: a user, or a partner system with its key.' })
export class AuditActor {
  @Field(() => Role, { nullable: true, description: 'The role the actor had at the time.' })
  role!: RoleValue | null;

  readonly userId!: string | null;
  readonly apiKeyId!: string | null;
}

@Resolver(() => AuditEventType)
export class AuditEventActorResolver {
  @FieldResolver(() => AuditActor, {
    nullable: true,
    description: 'Who acted; null when the platform itself did (a scheduled job such as a reservation expiring).',
  })
  actor(@Root() event: AuditEvent): AuditActor | null {
    if (!event.actorUserId && !event.actorApiKeyId && !event.actorRole) return null;
    return { role: event.actorRole as RoleValue | null, userId: event.actorUserId, apiKeyId: event.actorApiKeyId };
  }
}

@Resolver(() => AuditActor)
export class AuditActorResolver {
  @FieldResolver(() => UserType, {
    nullable: true,
    description: 'The user who acted, when a user did and the viewer may see that user (as node(id:) would).',
  })
  user(@Root() actor: AuditActor, @Ctx() ctx: RequestContext) {
    return actor.userId ? loadNode(ctx, 'User', actor.userId) : null;
  }

  @FieldResolver(() => ApiKeyType, {
    nullable: true,
    description: 'The API key a partner system acted with, when one did and the viewer may see that key.',
  })
  apiKey(@Root() actor: AuditActor, @Ctx() ctx: RequestContext) {
    return actor.apiKeyId ? loadNode(ctx, 'ApiKey', actor.apiKeyId) : null;
  }
}
