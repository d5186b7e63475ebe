import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { MutationWithPayload } from '../../shared/graphql/mutation.js';
import { nodeIdResolver } from '../../shared/graphql/node.js';
import { PageArgsType } from '../../shared/graphql/page-args.js';
import { toGlobalId } from '../../shared/ids.js';
import { userById, type User } from '../accounts/index.js';
import { invitationState, type EnterpriseAgentInvitation } from './acting-for.entity.js';
import * as actingFor from './acting-for.service.js';
import {
  AcceptEnterpriseAgentInvitationInput,
  AcceptEnterpriseAgentInvitationPayload,
  EnterpriseAgentInvitationConnection,
  EnterpriseAgentInvitationStatus,
  EnterpriseAgentInvitationType,
  EnterpriseAgentType,
  InviteEnterpriseAgentInput,
  InviteEnterpriseAgentPayload,
  RemoveEnterpriseAgentInput,
  RemoveEnterpriseAgentPayload,
  RevokeEnterpriseAgentInvitationInput,
  RevokeEnterpriseAgentInvitationPayload,
} from './acting-for.types.js';
import { actsFor } from './registration.access.js';
import type { Enterprise } from './registration.entity.js';
import { Reads } from './enterprise-summaries.js';
import { enterpriseById } from './registration.loaders.js';
import { EnterpriseType } from './registration.types.js';

@Resolver(() => EnterpriseAgentInvitationType)
export class ActingForResolver {
  @Authorized('APPLICANT')
  @MutationWithPayload(() => InviteEnterpriseAgentPayload, {
    description:
      'Invites the account with this email (or whoever signs up with it) to act for an enterprise the viewer acts for (帮办代办). The invitee accepts after signing in, before the invitation expires. Role: APPLICANT acting for the enterprise.',
  })
  async inviteEnterpriseAgent(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => InviteEnterpriseAgentInput, { description: 'The enterprise and the email.' })
    input: InviteEnterpriseAgentInput,
  ) {
    return { invitation: await actingFor.inviteAgent(ctx, input) };
  }

  @Authorized('APPLICANT')
  @MutationWithPayload(() => AcceptEnterpriseAgentInvitationPayload, {
    description:
      "Accepts an open invitation addressed to the viewer's email: the viewer acts for the enterprise from now on. Role: APPLICANT.",
  })
  async acceptEnterpriseAgentInvitation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AcceptEnterpriseAgentInvitationInput, { description: 'The invitation.' })
    input: AcceptEnterpriseAgentInvitationInput,
  ) {
    const invitation = await actingFor.acceptInvitation(ctx, input.id);
    return { invitation, enterprise: invitation.enterprise };
  }

  @Authorized('APPLICANT')
  @MutationWithPayload(() => RevokeEnterpriseAgentInvitationPayload, {
    description: 'Withdraws an open invitation to act for an enterprise. Role: APPLICANT acting for the enterprise.',
  })
  async revokeEnterpriseAgentInvitation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RevokeEnterpriseAgentInvitationInput, { description: 'The invitation.' })
    input: RevokeEnterpriseAgentInvitationInput,
  ) {
    return { invitation: await actingFor.revokeInvitation(ctx, input.id) };
  }

  @Authorized('APPLICANT')
  @MutationWithPayload(() => RemoveEnterpriseAgentPayload, {
    description:
      'Removes an agent (another, or the viewer itself) from an enterprise; the last agent cannot be removed. Role: APPLICANT acting for the enterprise.',
  })
  async removeEnterpriseAgent(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RemoveEnterpriseAgentInput, { description: 'The enterprise and the agent.' })
    input: RemoveEnterpriseAgentInput,
  ) {
    return { enterprise: await actingFor.removeAgent(ctx, input) };
  }

  @Authorized('APPLICANT')
  @Query(() => EnterpriseAgentInvitationConnection, {
    description:
      "The open invitations to act for an enterprise addressed to the viewer's email, newest first. Role: APPLICANT.",
  })
  myEnterpriseAgentInvitations(@Ctx() ctx: RequestContext, @Args() page: PageArgsType) {
    return actingFor.listInvitationsToViewer(ctx, page);
  }

  @FieldResolver(() => EnterpriseType)
  async enterprise(@Root() invitation: EnterpriseAgentInvitation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(enterpriseById).load(invitation.enterprise.id);
  }

  @FieldResolver(() => String)
  async invitedByName(@Root() invitation: EnterpriseAgentInvitation, @Ctx() ctx: RequestContext): Promise<string> {
    const user = await ctx.loaders.get(userById).load(invitation.invitedBy.id);
    return user?.displayName ?? '';
  }

  @FieldResolver(() => EnterpriseAgentInvitationStatus)
  status(@Root() invitation: EnterpriseAgentInvitation, @Ctx() ctx: RequestContext): EnterpriseAgentInvitationStatus {
    return invitationState(invitation, ctx.deps.clock.now()) as EnterpriseAgentInvitationStatus;
  }
}

@Resolver(() => EnterpriseType)
export class EnterpriseAgentsResolver {
  @FieldResolver(() => [EnterpriseAgentType], {
    nullable: true,
    description:
      'The accounts that act for it (at most 20, open invitations included), in the order they joined. Only its agents; null for others.',
  })
  @Reads('agentIds')
  async agents(
    @Root() enterprise: Pick<Enterprise, 'agentIds'>,
    @Ctx() ctx: RequestContext,
  ): Promise<EnterpriseAgentType[] | null> {
    if (!actsFor(ctx.viewer, enterprise)) return null;
    const users = await ctx.loaders.get(userById).loadMany(enterprise.agentIds);
    return users
      .filter((u): u is User => !!u && !(u instanceof Error))
      .map((u) => ({
        userId: toGlobalId('User', u.id),
        displayName: u.displayName,
        email: u.email,
        isViewer: u.id === ctx.viewer.userId,
      }));
  }

  @FieldResolver(() => [EnterpriseAgentInvitationType], {
    nullable: true,
    description: 'Its open invitations to act for it, oldest first. Only its agents; null for others.',
  })
  @Reads('id', 'agentIds')
  async agentInvitations(
    @Root() enterprise: Pick<Enterprise, 'id' | 'agentIds'>,
    @Ctx() ctx: RequestContext,
  ): Promise<EnterpriseAgentInvitation[] | null> {
    if (!actsFor(ctx.viewer, enterprise)) return null;
    return ctx.loaders.get(actingFor.openInvitationsByEnterpriseId).load(enterprise.id);
  }
}

export const actingForResolvers = [
  ActingForResolver,
  EnterpriseAgentsResolver,
  nodeIdResolver(EnterpriseAgentInvitationType, actingFor.INVITATION_TYPE),
] as const;
