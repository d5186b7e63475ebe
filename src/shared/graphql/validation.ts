import { validate, type ValidationError } from 'class-validator';
import type { ValidatorFn } from 'type-graphql';
import { DomainError, UserErrorCode, type Problem } from '../errors.js';
import { defineMessages } from '../messages.js';
import { textInputProblems } from './text-input.js';

// Input validation with class-validator, reported as the project's own problems: a code, the input
// path and a message key. The rejected value and the input object are never echoed back (type-graphql's
// own validation error would put the whole input, passwords included, into the response and the logs).

defineMessages({
  'validation.isNotEmpty': { zh: '此项为必填项。', en: 'This field is required.' },
  'validation.maxLength': { zh: '不能超过 {max} 个字符。', en: 'Must be at most {max} characters.' },
  'validation.minLength': { zh: '至少需要 {min} 个字符。', en: 'Must be at least {min} characters.' },
  'validation.isEmail': { zh: '请输入有效的电子邮箱地址。', en: 'Enter a valid email address.' },
  'validation.min': { zh: '不能小于 {min}。', en: 'Must be at least {min}.' },
  'validation.max': { zh: '不能大于 {max}。', en: 'Must be at most {max}.' },
  'validation.arrayMaxSize': { zh: '最多 {max} 项。', en: 'At most {max} items.' },
  'validation.arrayMinSize': { zh: '至少 {min} 项。', en: 'At least {min} items.' },
  'validation.matches': { zh: '格式不正确。', en: 'The format is not valid.' },
  'validation.invalid': { zh: '输入无效。', en: 'The input is not valid.' },
});

const CODE_BY_CONSTRAINT: Record<string, UserErrorCode> = {
  isNotEmpty: UserErrorCode.REQUIRED,
  isDefined: UserErrorCode.REQUIRED,
  maxLength: UserErrorCode.TOO_LONG,
  minLength: UserErrorCode.INVALID_INPUT,
  isEmail: UserErrorCode.INVALID_FORMAT,
  matches: UserErrorCode.INVALID_FORMAT,
  min: UserErrorCode.OUT_OF_RANGE,
  max: UserErrorCode.OUT_OF_RANGE,
  arrayMaxSize: UserErrorCode.OUT_OF_RANGE,
  arrayMinSize: UserErrorCode.REQUIRED,
};

/**
 * The number a constraint was declared with, e.g. {max: 100} for @MaxLength(100). class-validator only
 * hands it back inside its English default message, so it is read from there.
 */
function constraintParams(constraint: string, error: ValidationError): Record<string, number> {
  const metadataText = error.constraints?.[constraint] ?? '';
  const number = /(-?\d+(?:\.\d+)?)/.exec(metadataText)?.[1];
  if (number === undefined) return {};
  if (['maxLength', 'max', 'arrayMaxSize'].includes(constraint)) return { max: Number(number) };
  if (['minLength', 'min', 'arrayMinSize'].includes(constraint)) return { min: Number(number) };
  return {};
}

function toProblems(errors: ValidationError[], path: string[]): Problem[] {
  return errors.flatMap((error) => {
    const fieldPath = [...path, error.property];
    const own = Object.keys(error.constraints ?? {})
      .slice(0, 1)
      .map((constraint) => {
        const key = `validation.${constraint}`;
        return {
          code: CODE_BY_CONSTRAINT[constraint] ?? UserErrorCode.INVALID_INPUT,
          field: fieldPath,
          messageKey: CODE_BY_CONSTRAINT[constraint] ? key : 'validation.invalid',
          params: constraintParams(constraint, error),
        } satisfies Problem;
      });
    return [...own, ...toProblems(error.children ?? [], fieldPath)];
  });
}

/** The resolver calls whose argument strings have been checked: type-graphql calls validateFn once per argument. */
const textChecked = new WeakSet<object>();

/**
 * type-graphql's validateFn, the one place every argument of every resolver passes: the characters of
 * every string in the field's arguments (text-input.ts), then the class-validator rules of input objects.
 * Throws a DomainError listing every problem: a mutation answers it as userErrors, a query as a
 * top-level BAD_USER_INPUT error.
 */
export const validateInput: ValidatorFn = async (argValue, _argType, resolverData) => {
  if (!textChecked.has(resolverData)) {
    textChecked.add(resolverData);
    const textProblems = textInputProblems(resolverData.args, resolverData.info);
    if (textProblems.length > 0) throw new DomainError(textProblems);
  }
  if (argValue === null || typeof argValue !== 'object') return;
  const values = Array.isArray(argValue) ? argValue : [argValue];
  const problems: Problem[] = [];
  for (const [index, value] of values.entries()) {
    if (value === null || typeof value !== 'object') continue;
    const errors = await validate(value, {
      forbidUnknownValues: false,
      validationError: { target: false, value: false },
    });
    problems.push(...toProblems(errors, Array.isArray(argValue) ? ['input', String(index)] : ['input']));
  }
  if (problems.length > 0) throw new DomainError(problems);
};
