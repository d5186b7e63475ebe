import { Arg, Authorized, Ctx, Field, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { UserError } from '../../shared/graphql/common.types.js';
import { MutationWithPayload } from '../../shared/graphql/mutation.js';
import * as settings from './financing-settings.service.js';

@ObjectType('FinancingSettings', { description: 'The figures of 金企通 an administrator may change.' })
export class FinancingSettingsType {
  @Field(() => Int, {
    description:
      'Days a financing demand stays open to offers from its publication (default 60). Demands already published keep their expiry.',
  })
  demandValidityDays!: number;

  @Field(() => Date, { description: 'When they were last changed.' })
  updatedAt!: Date;
}

@InputType({ description: 'The new figures of 金企通.' })
export class UpdateFinancingSettingsInput {
  @Field(() => Int, { description: 'Days a demand published from now on stays open to offers (1–365).' })
  demandValidityDays!: number;
}

@ObjectType({ description: 'Result of updateFinancingSettings.' })
export class UpdateFinancingSettingsPayload {
  @Field(() => FinancingSettingsType, { nullable: true, description: 'The settings now in force.' })
  settings?: FinancingSettingsType;

  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@Resolver()
export class FinancingSettingsResolver {
  @Query(() => FinancingSettingsType, { description: 'The figures of 金企通 in force. Public.' })
  financingSettings(@Ctx() ctx: RequestContext) {
    return settings.financingSettings(ctx);
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => UpdateFinancingSettingsPayload, {
    description:
      'Changes how long financing demands published from now on stay open to offers; demands already published keep their expiry. Role: ADMIN.',
  })
  async updateFinancingSettings(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateFinancingSettingsInput, { description: 'The new figures.' })
    input: UpdateFinancingSettingsInput,
  ) {
    return { settings: await settings.updateFinancingSettings(ctx, input) };
  }
}
