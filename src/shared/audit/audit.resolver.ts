import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { checkCursor, checkPageSize, emptyPageInfo, paginate } from '../graphql/connection.js';
import { loadNode } from '../graphql/node-loading.js';
import { PageArgsType } from '../graphql/page-args.js';
import { fromGlobalId, toGlobalId } from '../ids.js';
import { verifyAuditChain } from './audit-chain.service.js';
import { AuditEvent } from './audit.entity.js';
import { AuditEventConnection, AuditEventType, AuditTrailVerification } from './audit.types.js';

// An audit event tells about its subject and its actor, so it is shown under the same rule as they
// are: a viewer reads the trail of a subject only if node(id:) would show it that subject, and the
// actor's user or key only if node(id:) would show it that (the accounts module's AuditActor). Both
// go through node(id:)'s own batched loaders (one query per type for a whole page of events), so
// there is one list of who may see what, kept by the module that owns each type.

@Resolver(() => AuditEventType)
export class AuditResolver {
  @Authorized('OFFICIAL', 'ADMIN')
  @Query(() => AuditEventConnection, {
    description:
      'The recorded changes of one object, oldest first; empty when the viewer may not see the object through `node(id:)`. Roles: OFFICIAL, ADMIN.',
  })
  async auditTrail(
    @Ctx() ctx: RequestContext,
    @Arg('subjectId', () => ID, { description: 'Global ID of the object.' }) subjectId: string,
    @Args() page: PageArgsType,
  ) {
    const orderBy = { seq: 'asc', id: 'asc' } as const;
    // A malformed page is the caller's mistake whatever the subject: refused before visibility is asked.
    checkPageSize(ctx, page.first);
    checkCursor(ctx, AuditEvent, orderBy, page.after);
    const subject = fromGlobalId(subjectId);
    if (!subject || !(await loadNode(ctx, subject.type, subject.id))) {
      return { edges: [], pageInfo: emptyPageInfo(), totalCount: 0 };
    }
    return paginate(ctx, AuditEvent, { subjectType: subject.type, subjectId: subject.id }, { orderBy, ...page });
  }

  @Authorized('ADMIN')
  @Query(() => AuditTrailVerification, {
    description:
      'Recomputes the hash chain over every recorded event and reports the first link that does not hold (an event changed, removed or left out after it was recorded). Reads the whole trail: run it as a periodic check, not per request. Role: ADMIN.',
  })
  verifyAuditTrail(@Ctx() ctx: RequestContext) {
    return verifyAuditChain(ctx.em);
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description:
      'Global ID of the enterprise the actor acted for (its agent filing or changing something on its behalf), when it did.',
  })
  actingForId(@Root() event: AuditEvent): string | null {
    const enterpriseId = event.details?.actingFor;
    return typeof enterpriseId === 'string' ? toGlobalId('Enterprise', enterpriseId) : null;
  }

  @FieldResolver(() => ID, { description: 'Global ID of the object changed.' })
  subjectId(@Root() event: AuditEvent): string {
    return toGlobalId(event.subjectType, event.subjectId);
  }
}
