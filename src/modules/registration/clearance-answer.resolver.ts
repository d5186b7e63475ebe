import { MaxLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { MutationWithPayload } from '../../shared/graphql/mutation.js';
import { MultiLineText } from '../../shared/graphql/text-input.js';
import { defineLoader, groupByKeys } from '../../shared/loaders.js';
import { userById, type User } from '../accounts/index.js';
import { DepartmentClearanceAnswer } from './clearance-answer.entity.js';
import { ANSWER_MAX_LENGTH, answerClearance } from './clearance-answer.service.js';
import type { DepartmentClearance } from './registration.entity.js';
import {
  ClearanceDepartment,
  ClearanceTaskType,
  DepartmentClearanceType,
  RegistrationApplicationType,
} from './registration.types.js';
import { UserError } from '../../shared/graphql/common.types.js';

@InputType({ description: "The applicant's answer to a department's outstanding obligation." })
export class AnswerDeregistrationClearanceInput {
  @Field(() => ID, { description: 'The deregistration application.' })
  id!: string;

  @Field(() => ClearanceDepartment, { description: 'The department that recorded the obligation (BLOCKED).' })
  department!: ClearanceDepartment;

  @Field(() => String, { description: `What was paid or done (1 to ${ANSWER_MAX_LENGTH} characters).` })
  @MaxLength(ANSWER_MAX_LENGTH)
  @MultiLineText()
  answer!: string;
}

@ObjectType('DeregistrationClearanceAnswer', {
  description: "The applicant's answer to a department's outstanding obligation.",
})
export class ClearanceAnswerType {
  @Field(() => String, { description: 'What the applicant answered.' })
  text!: string;

  @Field(() => Date, { description: 'When.' })
  answeredAt!: Date;

  @Field(() => String, { nullable: true, description: 'Name of the person who answered.' })
  answeredByName!: string | null;
}

@ObjectType('AnswerDeregistrationClearancePayload', { description: 'Result of answerDeregistrationClearance.' })
export class AnswerDeregistrationClearancePayload {
  @Field(() => RegistrationApplicationType, { nullable: true, description: 'The application as it now stands.' })
  application?: RegistrationApplicationType;

  @Field(() => [UserError], {
    description: 'Problems that prevented the change; nothing was changed when there are any.',
  })
  userErrors!: UserError[];
}

const answersByClearanceId = defineLoader<string, DepartmentClearanceAnswer[]>(
  'registration.answersByClearanceId',
  async (ctx, ids) =>
    groupByKeys(
      ids,
      await ctx.em.find(
        DepartmentClearanceAnswer,
        { clearance: { $in: [...ids] } },
        { orderBy: { answeredAt: 'asc', id: 'asc' } },
      ),
      (a) => a.clearance.id,
    ),
);

async function answersOf(ctx: RequestContext, clearanceId: string | undefined): Promise<ClearanceAnswerType[]> {
  if (!clearanceId) return [];
  const answers = await ctx.loaders.get(answersByClearanceId).load(clearanceId);
  const users = await ctx.loaders.get(userById).loadMany(answers.map((a) => a.answeredBy.id));
  const names = new Map(users.filter((u): u is User => !!u && !(u instanceof Error)).map((u) => [u.id, u.displayName]));
  return answers.map((a) => ({
    text: a.text,
    answeredAt: a.answeredAt,
    answeredByName: names.get(a.answeredBy.id) ?? null,
  }));
}

@Resolver()
export class ClearanceAnswerResolver {
  @Authorized('APPLICANT')
  @MutationWithPayload(() => AnswerDeregistrationClearancePayload, {
    description:
      "Answers a department's outstanding obligation on the applicant's own open deregistration (what was paid or done). The clearance goes back to PENDING in that department's queue; the answer is kept with the clearance and in the history. Role: APPLICANT.",
  })
  async answerDeregistrationClearance(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AnswerDeregistrationClearanceInput, { description: 'The application, department and answer.' })
    input: AnswerDeregistrationClearanceInput,
  ) {
    return { application: await answerClearance(ctx, input.id, input.department, input.answer) };
  }
}

@Resolver(() => ClearanceTaskType)
export class ClearanceTaskAnswersResolver {
  @FieldResolver(() => [ClearanceAnswerType], { description: "The applicant's answers, oldest first." })
  answers(@Root() clearance: DepartmentClearance, @Ctx() ctx: RequestContext) {
    return answersOf(ctx, clearance.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'What is owed (blocked) or a remark (cleared).' })
  note(@Root() clearance: DepartmentClearance): string | null {
    return clearance.note;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the department last recorded its clearance.' })
  recordedAt(@Root() clearance: DepartmentClearance): Date | null {
    return clearance.recordedAt;
  }
}

@Resolver(() => DepartmentClearanceType)
export class DepartmentClearanceAnswersResolver {
  @FieldResolver(() => [ClearanceAnswerType], { description: "The applicant's answers, oldest first." })
  answers(@Root() clearance: DepartmentClearanceType & { clearanceId?: string }, @Ctx() ctx: RequestContext) {
    return answersOf(ctx, clearance.clearanceId);
  }
}
