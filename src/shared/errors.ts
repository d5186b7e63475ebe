import { GraphQLError } from 'graphql';
import { translate, type Locale, type MessageParams, defineMessages } from './messages.js';

// Two kinds of failure reach a client:
// - a UserError on a mutation payload, for anything the user can correct or should be told;
// - a top-level GraphQL error, only with one of the codes in TopLevelCode.
// Services throw DomainError; the mutation middleware (app/mutation.ts) turns it into userErrors
// after the transaction has rolled back, so a refused mutation never leaves anything written.

export enum UserErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  REQUIRED = 'REQUIRED',
  TOO_LONG = 'TOO_LONG',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  INVALID_FORMAT = 'INVALID_FORMAT',
  NOT_FOUND = 'NOT_FOUND',
  INVALID_STATE = 'INVALID_STATE',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  CONFLICT = 'CONFLICT',
  CAPACITY_REACHED = 'CAPACITY_REACHED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  NOT_ALLOWED = 'NOT_ALLOWED',
  COMMITMENT_REQUIRED = 'COMMITMENT_REQUIRED',
  NAME_UNAVAILABLE = 'NAME_UNAVAILABLE',
  CONCURRENT_UPDATE = 'CONCURRENT_UPDATE',
  INVALID_CHARACTERS = 'INVALID_CHARACTERS',
}

export type TopLevelCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'QUERY_TOO_COMPLEX'
  | 'BAD_USER_INPUT'
  | 'SUBSCRIBER_TOO_SLOW'
  | 'EVENTS_INTERRUPTED'
  | 'CURSOR_EXPIRED'
  | 'INTERNAL';

export const commonMessages = defineMessages({
  'error.invalidInput': { zh: '输入无效。', en: 'The input is not valid.' },
  'error.required': { zh: '此项为必填项。', en: 'This field is required.' },
  'error.tooLong': { zh: '不能超过 {max} 个字符。', en: 'Must be at most {max} characters.' },
  'error.tooShort': { zh: '至少需要 {min} 个字符。', en: 'Must be at least {min} characters.' },
  'error.outOfRange': { zh: '数值超出允许范围。', en: 'The value is out of the allowed range.' },
  'error.invalidFormat': { zh: '格式不正确。', en: 'The format is not valid.' },
  'error.invalidEmail': { zh: '请输入有效的电子邮箱地址。', en: 'Enter a valid email address.' },
  'error.notFound': { zh: '未找到该对象。', en: 'Not found.' },
  'error.invalidState': {
    zh: '当前状态（{state}）下不能执行此操作。',
    en: 'This cannot be done while the status is {state}.',
  },
  'error.concurrentUpdate': {
    zh: '该记录刚被他人修改，请刷新后重试。',
    en: 'Someone else changed this record just now. Reload and try again.',
  },
  'error.unauthenticated': { zh: '请先登录。', en: 'Sign in first.' },
  'error.forbidden': { zh: '您无权执行此操作。', en: 'You are not allowed to do this.' },
  'error.missingScope': {
    zh: '此 API 密钥缺少所需的权限范围：{scopes}。',
    en: 'This API key lacks the scope this needs: {scopes}.',
  },
  'error.rateLimited': {
    zh: '请求过于频繁，请在 {seconds} 秒后重试。',
    en: 'Too many requests. Try again in {seconds} seconds.',
  },
  'error.subscriberTooSlow': {
    zh: '该订阅积压的事件过多，已结束；请重新订阅，并用查询补齐期间的变化。',
    en: 'This subscription fell too far behind its events and has ended. Subscribe again and catch up with a query.',
  },
  'error.eventsInterrupted': {
    zh: '服务器的事件连接曾短暂中断，该订阅可能漏掉了事件，已结束；请重新订阅，并用查询补齐期间的变化。',
    en: 'The server briefly lost its event connection, so this subscription may have missed events and has ended. Subscribe again and catch up with a query.',
  },
  'error.internal': {
    zh: '系统内部错误，请稍后重试（请求编号 {requestId}）。',
    en: 'Internal error. Try again later (request id {requestId}).',
  },
  'error.invalidCursor': { zh: '分页游标无效。', en: 'The pagination cursor is not valid.' },
  'error.cursorExpired': {
    zh: '该事件游标早于事件保留期（{days} 天），其后的部分事件已删除；请重新同步全部数据，再从最新位置继续读取事件。',
    en: 'This event cursor is older than the event retention ({days} days) and events after it were deleted. Resync your copy, then follow the feed from its latest position.',
  },
  'error.firstTooLarge': { zh: 'first 必须在 0 到 100 之间。', en: '`first` must be between 0 and 100.' },
});

export interface UserErrorShape {
  code: UserErrorCode;
  field: string[] | null;
  message: string;
}

/** One problem a user can correct, before it is rendered in the caller's language. */
export interface Problem {
  code: UserErrorCode;
  field?: string[];
  messageKey: string;
  params?: MessageParams;
}

/** A rule refused the request. Carries one or more problems; thrown by services. */
export class DomainError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem | Problem[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map((p) => p.messageKey).join(', '));
    this.name = 'DomainError';
    this.problems = list;
  }
}

export function problem(code: UserErrorCode, messageKey: string, field?: string[], params?: MessageParams): Problem {
  return { code, messageKey, field, params };
}

/** Throws the collected problems, if any: lets a service report every problem in one answer. */
export function throwIfProblems(problems: Problem[]): void {
  if (problems.length > 0) throw new DomainError(problems);
}

export function renderProblems(problems: Problem[], locale: Locale): UserErrorShape[] {
  return problems.map((p) => ({
    code: p.code,
    field: p.field ?? null,
    message: translate(locale, p.messageKey, p.params),
  }));
}

export function topLevelError(code: TopLevelCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export function unauthenticated(locale: Locale): GraphQLError {
  return topLevelError('UNAUTHENTICATED', translate(locale, 'error.unauthenticated'));
}

export function forbidden(locale: Locale): GraphQLError {
  return topLevelError('FORBIDDEN', translate(locale, 'error.forbidden'));
}

/** FORBIDDEN for an API key without the scope the operation needs: the message (and missingScopes) names it. */
export function missingScope(locale: Locale, scopes: readonly string[]): GraphQLError {
  return topLevelError('FORBIDDEN', translate(locale, 'error.missingScope', { scopes: scopes.join(' / ') }), {
    missingScopes: scopes,
  });
}

export function notFound(locale: Locale): GraphQLError {
  return topLevelError('NOT_FOUND', translate(locale, 'error.notFound'));
}
