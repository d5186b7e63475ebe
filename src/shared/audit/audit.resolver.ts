import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { emptyPageInfo, paginate } from '../graphql/connection.js';
import { PageArgsType } from '../graphql/page-args.js';
import { fromGlobalId, toGlobalId } from '../ids.js';
import { AuditEvent } from './audit.entity.js';
import { AuditEventConnection, AuditEventType } from './audit.types.js';

@Resolver(() => AuditEventType)
export class AuditResolver {
  @Authorized('OFFICIAL', 'ADMIN')
  @Query(() => AuditEventConnection, {
    description: 'The recorded changes of one object, oldest first. Roles: OFFICIAL, ADMIN.',
  })
  async auditTrail(
    @Ctx() ctx: RequestContext,
    @Arg('subjectId', () => ID, { description: 'Global ID of the object.' }) subjectId: string,
    @Args() page: PageArgsType,
  ) {
    const subject = fromGlobalId(subjectId);
    if (!subject) return { edges: [], pageInfo: emptyPageInfo(), totalCount: 0 };
    return paginate(
      ctx,
      AuditEvent,
      { subjectType: subject.type, subjectId: subject.id },
      {
        orderBy: { seq: 'asc' },
        ...page,
      },
    );
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Global ID of the user who acted, if a user did.' })
  actorId(@Root() event: AuditEvent): string | null {
    return event.actorUserId ? toGlobalId('User', event.actorUserId) : null;
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description: 'Global ID of the API key that acted, if a partner system did.',
  })
  actorApiKeyId(@Root() event: AuditEvent): string | null {
    return event.actorApiKeyId ? toGlobalId('ApiKey', event.actorApiKeyId) : null;
  }

  @FieldResolver(() => ID, { description: 'Global ID of the object changed.' })
  subjectId(@Root() event: AuditEvent): string {
    return toGlobalId(event.subjectType, event.subjectId);
  }
}
