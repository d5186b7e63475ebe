import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { unauthenticated } from '../../shared/errors.js';
import { PageArgsType } from '../../shared/graphql/page-args.js';
import { MutationWithPayload } from '../../shared/graphql/mutation.js';
import { paginate } from '../../shared/graphql/connection.js';
import { ApiKey, Organisation, User } from './accounts.entity.js';
import {
  ChangePasswordInput,
  CreateOrganisationInput,
  CreateStaffAccountInput,
  OrganisationFilter,
  SignInInput,
  SignUpInput,
} from './accounts.inputs.js';
import { organisationById } from './accounts.loaders.js';
import * as accounts from './accounts.service.js';
import {
  ChangePasswordPayload,
  CreateOrganisationPayload,
  CreateStaffAccountPayload,
  OrganisationConnection,
  OrganisationType,
  SignInPayload,
  SignOutPayload,
  SignUpPayload,
  UserType,
  Viewer,
} from './accounts.types.js';
import { COST } from '../../shared/graphql/cost.js';

// Thin by design: check the role, call the service, shape the payload.

/** Users who have just proved who they are in this request (sign-up, sign-in): they may see their own email. */
const authenticatedInThisRequest = new WeakSet<User>();

@Resolver()
export class AccountsResolver {
  @Query(() => Viewer, { nullable: true, description: 'Who is calling; null when anonymous. Public.' })
  async viewer(@Ctx() ctx: RequestContext): Promise<object | null> {
    const { viewer } = ctx;
    if (viewer.kind === 'ANONYMOUS') return null;
    const user = viewer.userId ? await ctx.em.findOne(User, { id: viewer.userId }) : null;
    const apiKey = viewer.apiKeyId ? await ctx.em.findOne(ApiKey, { id: viewer.apiKeyId }) : null;
    return { user, apiKey, role: viewer.role };
  }

  @Authorized('ADMIN')
  @Query(() => OrganisationConnection, { description: 'Banks, law firms and accounting firms. Role: ADMIN.' })
  organisations(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => OrganisationFilter, { nullable: true, description: 'Only these.' })
    filter?: OrganisationFilter,
  ) {
    const where = filter?.kind ? { kind: filter.kind } : {};
    return paginate(ctx, Organisation, where, { orderBy: { name: 'asc' }, ...page });
  }

  @MutationWithPayload(() => SignUpPayload, {
    complexity: COST.passwordHash,
    description: 'Creates an applicant account (an enterprise or a foreign investor) and signs it in. Public.',
  })
  async signUp(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SignUpInput, { description: 'The new account.' }) input: SignUpInput,
  ) {
    const signedIn = await accounts.signUp(ctx, input);
    authenticatedInThisRequest.add(signedIn.user);
    return signedIn;
  }

  @MutationWithPayload(() => SignInPayload, {
    complexity: COST.passwordHash,
    description:
      'Signs in with email and password and returns a session token. Public. Repeated failures for one account are refused for a while.',
  })
  async signIn(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SignInInput, { description: 'Email and password.' }) input: SignInInput,
  ) {
    const signedIn = await accounts.signIn(ctx, input);
    authenticatedInThisRequest.add(signedIn.user);
    return signedIn;
  }

  @Authorized()
  @MutationWithPayload(() => SignOutPayload, {
    description: 'Revokes the session token of this request. Any signed-in user.',
  })
  async signOut(@Ctx() ctx: RequestContext) {
    await accounts.signOut(ctx);
    return { signedOut: true };
  }

  @Authorized('APPLICANT', 'BANK_OFFICER', 'HOST_AGENT', 'OFFICIAL', 'ADMIN')
  @MutationWithPayload(() => ChangePasswordPayload, {
    complexity: COST.passwordHash,
    description: "Changes the signed-in user's password and signs out its other sessions. Any signed-in user.",
  })
  async changePassword(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ChangePasswordInput, { description: 'The current and the new password.' })
    input: ChangePasswordInput,
  ) {
    return { user: await accounts.changePassword(ctx, input) };
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => CreateStaffAccountPayload, {
    description:
      'Creates a bank officer (with its bank), host agent (with its firm), official (with its department) or administrator. Role: ADMIN.',
  })
  async createStaffAccount(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateStaffAccountInput, { description: 'The staff account to create.' })
    input: CreateStaffAccountInput,
  ) {
    const user = await accounts.createStaffAccount(ctx, {
      ...input,
      department: input.department ?? null,
      organisationId: input.organisationId ?? null,
    });
    return { user };
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => CreateOrganisationPayload, {
    description: 'Adds a bank, law firm or accounting firm that staff accounts can belong to. Role: ADMIN.',
  })
  async createOrganisation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateOrganisationInput, { description: 'The organisation to add.' })
    input: CreateOrganisationInput,
  ) {
    return { organisation: await accounts.createOrganisation(ctx, { ...input, uscc: input.uscc ?? null }) };
  }
}

@Resolver(() => UserType)
export class UserFieldsResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Email. Only the user and administrators see it.' })
  email(@Root() user: User, @Ctx() ctx: RequestContext): string | null {
    const own = ctx.viewer.userId === user.id || authenticatedInThisRequest.has(user);
    return own || ctx.viewer.role === 'ADMIN' ? user.email : null;
  }

  @FieldResolver(() => OrganisationType, {
    nullable: true,
    description: 'For bank officers and host agents: their organisation.',
  })
  organisation(@Root() user: User, @Ctx() ctx: RequestContext) {
    return user.organisation ? ctx.loaders.get(organisationById).load(user.organisation.id) : null;
  }
}

export function requireUser(ctx: RequestContext): string {
  if (!ctx.viewer.userId) throw unauthenticated(ctx.locale);
  return ctx.viewer.userId;
}
