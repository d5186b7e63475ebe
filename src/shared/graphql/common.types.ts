import { Field, ObjectType, InputType, registerEnumType } from 'type-graphql';
import { UserErrorCode } from '../errors.js';
import { DEPARTMENTS, ROLES, API_SCOPES } from '../viewer.js';

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Stable codes of the problems a mutation reports in userErrors.',
  valuesConfig: {
    INVALID_INPUT: { description: 'The input is not valid for a reason the message explains.' },
    REQUIRED: { description: 'A required field is missing or blank.' },
    TOO_LONG: { description: 'A text is longer than allowed.' },
    OUT_OF_RANGE: { description: 'A number, amount or date is outside the allowed range.' },
    INVALID_FORMAT: { description: 'A value is not in the expected format (email, code, date...).' },
    NOT_FOUND: { description: 'A referenced object does not exist or is not visible to the viewer.' },
    INVALID_STATE: { description: 'The object is not in a state that allows this action.' },
    ALREADY_EXISTS: { description: 'An object with this identity already exists.' },
    CONFLICT: { description: 'The request conflicts with another object (for example a name already in use).' },
    CAPACITY_REACHED: { description: 'A capacity would be exceeded.' },
    INVALID_CREDENTIALS: { description: 'The email or password is wrong.' },
    WEAK_PASSWORD: { description: 'The password does not meet the password rules.' },
    TOO_MANY_ATTEMPTS: { description: 'Too many failed attempts; wait before trying again.' },
    NOT_ALLOWED: { description: 'The rules do not allow this action for this object.' },
    COMMITMENT_REQUIRED: { description: 'A written commitment on the current terms is required.' },
    NAME_UNAVAILABLE: { description: 'The enterprise name cannot be granted.' },
    CONCURRENT_UPDATE: { description: 'Someone else changed the object at the same moment; reload and retry.' },
    INVALID_CHARACTERS: {
      description:
        'A text holds characters that are not allowed: control characters (line breaks and tabs only in multi-line texts), invisible format characters (zero-width, bidirectional overrides) or broken UTF-16 (lone surrogates).',
    },
  },
});

type Described<T extends string> = Record<T, { description: string }>;

export const Role = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in (typeof ROLES)[number]]: K };
registerEnumType(Role, {
  name: 'Role',
  description: 'What an account or API key may do on the platform.',
  valuesConfig: {
    APPLICANT: { description: 'An enterprise applicant or foreign investor (self-registered).' },
    BANK_OFFICER: { description: 'A credit officer of a bank.' },
    HOST_AGENT: { description: 'An agent of a law firm or accounting firm hosting registered addresses.' },
    OFFICIAL: { description: 'A government official of one department.' },
    PARTNER: { description: 'A partner system calling with an API key.' },
    ADMIN: { description: 'A platform administrator.' },
  } satisfies Described<(typeof ROLES)[number]>,
});

export const Department = Object.fromEntries(DEPARTMENTS.map((d) => [d, d])) as {
  [K in (typeof DEPARTMENTS)[number]]: K;
};
registerEnumType(Department, {
  name: 'Department',
  description: 'The government department an official works for.',
  valuesConfig: {
    MARKET_REGULATION: { description: 'Market regulation: registration, names, hosted addresses.' },
    COMMERCE: { description: 'Commerce: foreign-investment consultations, complaints and suggestions.' },
    FINANCE: { description: 'Finance: the 金企通 financing platform and its figures.' },
    TAX: { description: 'Tax: deregistration clearance.' },
    SOCIAL_INSURANCE: { description: 'Social insurance: deregistration clearance.' },
    MEDICAL_INSURANCE: { description: 'Medical insurance: deregistration clearance.' },
    HOUSING_FUND: { description: 'Housing provident fund: deregistration clearance.' },
  } satisfies Described<(typeof DEPARTMENTS)[number]>,
});

export const ApiScope = Object.fromEntries(API_SCOPES.map((s) => [s, s])) as {
  [K in (typeof API_SCOPES)[number]]: K;
};
registerEnumType(ApiScope, {
  name: 'ApiScope',
  description:
    'What a partner API key may read. A key calling an operation that needs a scope it lacks gets FORBIDDEN, and the message names the scope. What is public stays public to every key.',
  valuesConfig: {
    FINANCING_READ: {
      description: 'Search financing demands (`financingDemands`, the masked view banks see). For banks.',
    },
    REGISTRATION_READ: {
      description:
        'Read the register in bulk: `registerEnterprises` (every enterprise, any status, with its licence, in a stable order for mirroring). The single-enterprise reads and the search stay public.',
    },
    NAMES_READ: {
      description:
        'Check up to 100 names in one operation: `checkEnterpriseNames`, priced per name as `checkEnterpriseName`. One name at a time stays public.',
    },
    HOSTING_READ: {
      description:
        'Read the whole hosting directory: `hosts` also lists hosts still PENDING or REFUSED (the public sees verified and suspended ones). For law and accounting firms.',
    },
    EVENTS_READ: { description: 'Read the event feed of the platform (declared now; the feed comes next).' },
  } satisfies Described<(typeof API_SCOPES)[number]>,
});

export enum LocaleCode {
  ZH_CN = 'ZH_CN',
  EN = 'EN',
}
registerEnumType(LocaleCode, {
  name: 'Locale',
  description: 'A language of the platform; also sent as Accept-Language (zh-CN or en).',
  valuesConfig: { ZH_CN: { description: 'Simplified Chinese.' }, EN: { description: 'English.' } },
});

export enum CurrencyCode {
  CNY = 'CNY',
}
registerEnumType(CurrencyCode, {
  name: 'CurrencyCode',
  description: 'ISO 4217 currency code.',
  valuesConfig: { CNY: { description: 'Chinese yuan (renminbi).' } },
});

@ObjectType({ description: 'A problem with a mutation that the user can correct or should be told about.' })
export class UserError {
  @Field(() => UserErrorCode, { description: 'Stable code of the problem.' })
  code!: UserErrorCode;

  @Field(() => [String], {
    nullable: true,
    description:
      'Path of the input value concerned, as you sent it: "input" first, then the input fields and list indexes, e.g. ["input", "email"] or ["input", "declaration", "investors", "0", "idNumber"]. A mutation that checks something saved earlier (submitting a registration draft) names its fields where the saving mutation takes them (saveRegistrationDraft\'s input). Null when the problem concerns no single value.',
  })
  field!: string[] | null;

  @Field({ description: "The problem in the caller's language." })
  message!: string;
}

@ObjectType({ description: 'An amount of money. Stored as integer fen; shown as yuan with two decimals.' })
export class Money {
  @Field({ description: 'The amount in yuan with two decimals, e.g. "1500000.00".' })
  amount!: string;

  @Field(() => CurrencyCode, { description: 'The currency.' })
  currency!: CurrencyCode;
}

@InputType({ description: 'An amount of money as the client writes it.' })
export class MoneyInput {
  @Field({ description: 'The amount in yuan with at most two decimals, e.g. "1500000.00".' })
  amount!: string;

  @Field(() => CurrencyCode, { defaultValue: CurrencyCode.CNY, description: 'The currency (only CNY for now).' })
  currency!: CurrencyCode;
}
