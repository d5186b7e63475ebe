import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { FinancingDemandFilter } from '../financing/index.js';

@InputType({ description: 'An endpoint to register.' })
export class CreateWebhookEndpointInput {
  @Field({ description: 'An https URL whose host resolves to public addresses only.' })
  @MaxLength(2000)
  url!: string;

  @Field(() => String, { nullable: true, description: 'What the endpoint is for (at most 500 characters).' })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only events of these types (at most 50); none or empty: every type the organisation may read.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(100, { each: true })
  eventTypes?: string[] | null;

  @Field(() => FinancingDemandFilter, {
    nullable: true,
    description:
      'For a bank: only FINANCING_DEMAND_PUBLISHED events of demands matching this filter (the demand alerts\u2019 filter; status is ignored). Other event types are not filtered.',
  })
  @IsOptional()
  @ValidateNested()
  demandFilter?: FinancingDemandFilter | null;

  @Field(() => Boolean, { nullable: true, description: 'Start enabled (default true).' })
  enabled?: boolean | null;
}

@InputType({ description: 'Changes to an endpoint: only the fields given change.' })
export class UpdateWebhookEndpointInput {
  @Field(() => ID, { description: 'The endpoint.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'A new https URL (checked like a new one).' })
  @IsOptional()
  @MaxLength(2000)
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'A new description.' })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'The event types; empty: every type.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(100, { each: true })
  eventTypes?: string[] | null;

  @Field(() => FinancingDemandFilter, {
    nullable: true,
    description: 'A new demand filter (banks only). Leave it out to keep the current one; see clearDemandFilter.',
  })
  @IsOptional()
  @ValidateNested()
  demandFilter?: FinancingDemandFilter | null;

  @Field(() => Boolean, { nullable: true, description: 'True: remove the demand filter (every demand).' })
  clearDemandFilter?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Enable or disable it. Enabled again, it receives the events from then on (read what came meanwhile from the event feed).',
  })
  enabled?: boolean | null;
}

@InputType({ description: 'An endpoint to delete, with its delivery log.' })
export class DeleteWebhookEndpointInput {
  @Field(() => ID, { description: 'The endpoint.' })
  id!: string;
}

@InputType({ description: 'An endpoint whose signing secret to replace.' })
export class RotateWebhookSecretInput {
  @Field(() => ID, { description: 'The endpoint.' })
  id!: string;
}

@InputType({ description: 'A delivery to send again.' })
export class RedeliverWebhookInput {
  @Field(() => ID, { description: 'The delivery whose event to send again.' })
  deliveryId!: string;
}
