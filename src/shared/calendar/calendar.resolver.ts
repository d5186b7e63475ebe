import { ArrayMaxSize } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { DateScalar } from '../graphql/scalars.js';
import { UserError } from '../graphql/common.types.js';
import { MutationWithPayload } from '../graphql/mutation.js';
import { topLevelError } from '../errors.js';
import { MAX_WORKING_DAYS_OFFSET } from '../working-days.js';
import { loadHolidayCalendar } from './calendar.service.js';

@ObjectType({
  description:
    'The Chinese working-day calendar used for every legal deadline: weekends and official holidays are off, official make-up working days (调休上班) are on.',
})
export class WorkingDayCalendar {}

@ObjectType('HolidayCalendarYear', { description: "One year's official holiday arrangement as loaded." })
export class HolidayCalendarYearType {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Date, { description: 'When it was loaded.' })
  loadedAt!: Date;
}

@InputType({ description: "One year's official holiday arrangement, as the State Council publishes it each November." })
export class LoadHolidayCalendarInput {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => [DateScalar], { description: 'Every official holiday of the year.' })
  @ArrayMaxSize(366)
  holidays!: string[];

  @Field(() => [DateScalar], { description: 'Every make-up working day (a Saturday or Sunday worked).' })
  @ArrayMaxSize(366)
  makeUpWorkdays!: string[];
}

@ObjectType({ description: 'Result of loadHolidayCalendar.' })
export class LoadHolidayCalendarPayload {
  @Field(() => HolidayCalendarYearType, { nullable: true, description: 'The year loaded.' })
  year?: HolidayCalendarYearType;

  @Field(() => [UserError], { description: 'Problems that prevented loading.' })
  userErrors!: UserError[];
}

function checkOffset(ctx: RequestContext, days: number): void {
  if (Math.abs(days) > MAX_WORKING_DAYS_OFFSET) {
    throw topLevelError('BAD_USER_INPUT', ctx.locale === 'EN' ? 'days is out of range' : 'days 超出范围');
  }
}

@Resolver(() => WorkingDayCalendar)
export class CalendarResolver {
  @Query(() => WorkingDayCalendar, { description: 'The working-day calendar. Public.' })
  workingDays(): WorkingDayCalendar {
    return {};
  }

  @FieldResolver(() => Boolean, { description: 'Whether the day is a working day.' })
  isWorkingDay(
    @Ctx() ctx: RequestContext,
    @Arg('date', () => DateScalar, { description: 'The day.' }) date: string,
  ): boolean {
    return ctx.deps.calendar.current.isWorkingDay(date);
  }

  @FieldResolver(() => DateScalar, {
    description:
      'The day `days` working days after `from`; `from` itself is not counted (the first day counted is the next working day).',
  })
  addWorkingDays(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar, { description: 'The day of receipt.' }) from: string,
    @Arg('days', () => Int, { description: 'How many working days (negative counts backwards).' }) days: number,
  ): string {
    checkOffset(ctx, days);
    try {
      return ctx.deps.calendar.current.addWorkingDays(from, days);
    } catch (error) {
      // Valid arguments can still count past 9999-12-31 (or before 0001-01-01): the client's to correct.
      if (error instanceof RangeError) {
        throw topLevelError(
          'BAD_USER_INPUT',
          ctx.locale === 'EN' ? 'the result is outside the years 0001–9999' : '结果超出 0001–9999 年的范围',
        );
      }
      throw error;
    }
  }

  @FieldResolver(() => Int, { description: 'The working days d with from < d ≤ to (negative when to is before from).' })
  workingDaysBetween(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar, { description: 'First day (not counted).' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day (counted).' }) to: string,
  ): number {
    return ctx.deps.calendar.current.workingDaysBetween(from, to);
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => LoadHolidayCalendarPayload, {
    description: "Loads or replaces one year's official holidays and make-up working days. Role: ADMIN.",
  })
  async loadHolidayCalendar(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => LoadHolidayCalendarInput, { description: "The year's holidays and make-up working days." })
    input: LoadHolidayCalendarInput,
  ) {
    return { year: await loadHolidayCalendar(ctx, input) };
  }
}
