import { ArrayMaxSize, IsOptional } from 'class-validator';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { AuditEventConnection } from '../../shared/audit/audit.types.js';
import { AuditAction, type AuditActionCode } from '../../shared/audit/audit-actions.js';
import { Role, UserError } from '../../shared/graphql/common.types.js';
import { MutationWithPayload } from '../../shared/graphql/mutation.js';
import { PageArgsType } from '../../shared/graphql/page-args.js';
import type { Role as RoleValue } from '../../shared/viewer.js';
import type { User } from './accounts.entity.js';
import { UserConnection, UserType } from './accounts.types.js';
import * as admin from './staff-admin.service.js';

@InputType({ description: 'Which staff accounts to list.' })
export class StaffAccountFilter {
  @Field(() => Role, { nullable: true, description: 'Only this role (BANK_OFFICER, HOST_AGENT, OFFICIAL or ADMIN).' })
  role?: RoleValue | null;

  @Field(() => Boolean, { nullable: true, description: 'Only disabled (true) or only active (false) accounts.' })
  disabled?: boolean | null;
}

@InputType({ description: 'A staff account.' })
export class StaffAccountInput {
  @Field(() => ID, { description: 'Global ID of the account.' })
  id!: string;
}

@InputType('DisableStaffAccountInput', { description: 'The staff account to disable.' })
export class DisableStaffAccountInput extends StaffAccountInput {}
@InputType('EnableStaffAccountInput', { description: 'The staff account to enable again.' })
export class EnableStaffAccountInput extends StaffAccountInput {}
@InputType('ResetStaffPasswordInput', { description: 'The staff account whose password to reset.' })
export class ResetStaffPasswordInput extends StaffAccountInput {}

@InputType({ description: 'Which audit events to list.' })
export class AuditEventFilter {
  @Field(() => [AuditAction], { nullable: true, description: 'Only events of these actions (any of them).' })
  @IsOptional()
  @ArrayMaxSize(200)
  actions?: AuditActionCode[] | null;

  @Field(() => ID, { nullable: true, description: 'Only events about this object.' })
  subjectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events by this user.' })
  actorId?: string | null;

  @Field(() => Date, { nullable: true, description: 'At or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this instant.' })
  to?: Date | null;
}

function accountPayload(name: string) {
  @ObjectType(`${name}Payload`, { description: `Result of ${name[0]!.toLowerCase()}${name.slice(1)}.` })
  class AccountPayload {
    @Field(() => UserType, { nullable: true, description: 'The account as it now stands.' })
    user?: UserType;

    @Field(() => [UserError], {
      description: 'Problems that prevented the change; nothing was changed when there are any.',
    })
    userErrors!: UserError[];
  }
  return AccountPayload;
}
export const DisableStaffAccountPayload = accountPayload('DisableStaffAccount');
export const EnableStaffAccountPayload = accountPayload('EnableStaffAccount');

@ObjectType({ description: 'Result of resetStaffPassword.' })
export class ResetStaffPasswordPayload {
  @Field(() => UserType, { nullable: true, description: 'The account.' })
  user?: UserType;

  @Field(() => String, {
    nullable: true,
    description: 'The temporary password, shown this once: hand it to the person, who should change it at once.',
  })
  temporaryPassword?: string;

  @Field(() => [UserError], {
    description: 'Problems that prevented the change; nothing was changed when there are any.',
  })
  userErrors!: UserError[];
}

@Resolver()
export class StaffAdminResolver {
  @Authorized('ADMIN')
  @Query(() => UserConnection, { description: 'Staff accounts (not applicants), newest first. Role: ADMIN.' })
  staffAccounts(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => StaffAccountFilter, { nullable: true, description: 'Only these.' })
    filter?: StaffAccountFilter,
  ) {
    return admin.listStaff(ctx, { role: filter?.role ?? null, disabled: filter?.disabled ?? null }, page);
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => DisableStaffAccountPayload, {
    description:
      'Disables a staff account: it can no longer sign in, and its sessions (and open sockets) end at once. Not one’s own. Role: ADMIN.',
  })
  async disableStaffAccount(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DisableStaffAccountInput, { description: 'The account.' }) input: DisableStaffAccountInput,
  ) {
    return { user: await admin.disableStaff(ctx, input.id) };
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => EnableStaffAccountPayload, {
    description: 'Lets a disabled staff account sign in again. Role: ADMIN.',
  })
  async enableStaffAccount(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => EnableStaffAccountInput, { description: 'The account.' }) input: EnableStaffAccountInput,
  ) {
    return { user: await admin.enableStaff(ctx, input.id) };
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => ResetStaffPasswordPayload, {
    description:
      "Replaces a staff account's password with a temporary one, returned this once; the account's sessions end. Role: ADMIN.",
  })
  async resetStaffPassword(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ResetStaffPasswordInput, { description: 'The account.' }) input: ResetStaffPasswordInput,
  ) {
    return admin.resetStaffPassword(ctx, input.id);
  }

  @Authorized('ADMIN')
  @Query(() => AuditEventConnection, {
    description: 'The whole audit trail, newest first, with filters: the administrator’s browser. Role: ADMIN.',
  })
  auditEvents(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: 'Only these.' }) filter?: AuditEventFilter,
  ) {
    return admin.browseAudit(
      ctx,
      {
        actions: filter?.actions ?? null,
        subjectId: filter?.subjectId ?? null,
        actorId: filter?.actorId ?? null,
        from: filter?.from ?? null,
        to: filter?.to ?? null,
      },
      page,
    );
  }
}

@Resolver(() => UserType)
export class StaffAccountFieldsResolver {
  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When the account was disabled; null while it may sign in. Shown to ADMIN only.',
  })
  disabledAt(@Root() user: User, @Ctx() ctx: RequestContext): Date | null {
    return ctx.viewer.role === 'ADMIN' ? user.disabledAt : null;
  }
}
