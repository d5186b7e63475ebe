import type { MikroORM } from '@mikro-orm/postgresql';
import type { PlatformDeps } from '../../shared/context.js';
import { shanghaiDate } from '../../shared/clock.js';
import { User, hashPassword } from '../../modules/accounts/index.js';
import { ServiceCase, ServiceCaseMessage, TypicalCase } from '../../modules/investor-services/service-case.entity.js';
import {
  ServiceCaseDeclineReason,
  ServiceCaseKind,
  ServiceCaseOutcome,
  ServiceCaseStatus,
} from '../../modules/investor-services/service-case.enums.js';
import { DEMO_PASSWORD } from './accounts.demo.js';

// Foreign-investment services demo: investor@demo.local's cases in every state (one overdue), handled by
// commerce@demo.local, a second commerce official (commerce2@demo.local), and two published typical
// cases. Dates are counted back from today on the live calendar, so the deadlines look real on any day.
// Idempotent: skipped once any case exists.

const SECOND_OFFICIAL = { email: 'commerce2@demo.local', displayName: '钱商务' };

interface DemoCase {
  kind: ServiceCaseKind;
  status: ServiceCaseStatus;
  category: string;
  subject: string;
  body: string;
  /** Working days ago it was submitted. */
  submittedDaysAgo: number;
  complaint?: { respondent: string; act: string; request: string };
  confidential?: string;
  acceptedDaysAgo?: number;
  decline?: ServiceCaseDeclineReason;
  outcome?: ServiceCaseOutcome;
  summary?: string;
  rating?: number;
  messages?: { official: boolean; internal?: boolean; body: string }[];
  materialsRequest?: string;
  competentOffice?: string;
  secondOfficial?: boolean;
  typical?: { title: string; summary: string };
}

const PERMIT = {
  respondent: 'Huangdao District Housing and Urban-Rural Development Bureau',
  act: 'No decision on our construction permit application, filed more than four months ago',
  request: 'A decision on the application within the statutory period',
};

const CASES: DemoCase[] = [
  {
    kind: ServiceCaseKind.COMPLAINT,
    status: ServiceCaseStatus.SUBMITTED,
    category: 'LICENSING_AND_APPROVALS',
    subject: 'Construction permit application left undecided',
    body: 'We applied for a construction permit for our second plant in July. The bureau has not decided and does not answer our letters.',
    submittedDaysAgo: 2,
    complaint: PERMIT,
    confidential: 'Planned investment: USD 38 million; site plan reference QD-HD-2026-114.',
  },
  {
    kind: ServiceCaseKind.COMPLAINT,
    status: ServiceCaseStatus.MATERIALS_REQUESTED,
    category: 'POLICY_COMMITMENTS',
    subject: 'Promised relocation subsidy not paid',
    body: 'The district promised a relocation subsidy in our investment agreement; nothing has been paid a year later.',
    submittedDaysAgo: 4,
    complaint: {
      respondent: 'Jimo District Commerce Bureau',
      act: 'Non-performance of the subsidy commitment in the investment agreement',
      request: 'Payment of the subsidy as agreed',
    },
    materialsRequest:
      'Please send: (1) the signed investment agreement; (2) proof of the company’s legal status; (3) the power of attorney of the person filing for the company.',
  },
  {
    kind: ServiceCaseKind.COMPLAINT,
    status: ServiceCaseStatus.ACCEPTED,
    category: 'CUSTOMS_AND_TRADE',
    subject: 'Import licence renewal refused without reasons',
    body: 'Our renewal application for an automatic import licence was refused without written reasons.',
    submittedDaysAgo: 12,
    acceptedDaysAgo: 6,
    complaint: {
      respondent: 'Qingdao Municipal Commerce Bureau, Trade Division',
      act: 'Refusal of an automatic import licence renewal without written reasons',
      request: 'Written reasons and a new decision',
    },
    messages: [
      {
        official: true,
        body: 'We have accepted your complaint and asked the Trade Division for its file. Could you send the refusal notice you received?',
      },
      { official: false, body: 'Thank you. The refusal was given by telephone only; we have no written notice.' },
      {
        official: true,
        internal: true,
        body: 'Trade Division says the renewal was refused for a missing customs record. Check with customs before replying.',
      },
    ],
  },
  {
    kind: ServiceCaseKind.COMPLAINT,
    status: ServiceCaseStatus.ACCEPTED,
    category: 'LAND_AND_CONSTRUCTION',
    subject: 'Land use certificate withheld after payment',
    body: 'We paid the land transfer fee in full but the land use certificate has still not been issued.',
    submittedDaysAgo: 75,
    acceptedDaysAgo: 68,
    complaint: {
      respondent: 'Chengyang District Natural Resources Bureau',
      act: 'Withholding a land use certificate after full payment',
      request: 'Issue of the certificate',
    },
    secondOfficial: true,
  },
  {
    kind: ServiceCaseKind.COMPLAINT,
    status: ServiceCaseStatus.NOT_ACCEPTED,
    category: 'OTHER',
    subject: 'Supplier refuses to return deposit',
    body: 'A local supplier refuses to return our deposit after cancelling the contract.',
    submittedDaysAgo: 30,
    complaint: {
      respondent: 'Qingdao Haiyun Trading Co., Ltd.',
      act: 'Refusal to return a contract deposit',
      request: 'Return of the deposit',
    },
    decline: ServiceCaseDeclineReason.CIVIL_OR_COMMERCIAL_DISPUTE,
  },
  {
    kind: ServiceCaseKind.COMPLAINT,
    status: ServiceCaseStatus.RESOLVED,
    category: 'MARKET_ACCESS',
    subject: 'Registration of a medical device distributor delayed',
    body: 'Our registration as a medical device distributor was delayed because the office asked for documents not required by law.',
    submittedDaysAgo: 50,
    acceptedDaysAgo: 45,
    complaint: {
      respondent: 'Shinan District Market Supervision Bureau',
      act: 'Requiring documents not listed in the regulations',
      request: 'Registration on the documents the law requires',
    },
    outcome: ServiceCaseOutcome.RESOLVED_BY_COORDINATION,
    summary:
      'After our coordination the bureau registered the company on the documents the regulations list and withdrew the extra requirement.',
    rating: 5,
    typical: {
      title: 'Extra documents demanded for a medical device distributor’s registration',
      summary:
        'A foreign-invested distributor was asked for documents the regulations do not list. The complaint office confirmed the list with the bureau; the company was registered within five working days and the bureau withdrew the extra requirement for all applicants.',
    },
  },
  {
    kind: ServiceCaseKind.CONSULTATION,
    status: ServiceCaseStatus.RESOLVED,
    category: 'TAXATION',
    subject: 'Dividends reinvested in China: tax deferral',
    body: 'Can our foreign parent defer withholding tax if it reinvests dividends in our Qingdao subsidiary?',
    submittedDaysAgo: 20,
    outcome: ServiceCaseOutcome.ANSWERED,
    summary:
      'Yes: profits distributed by a resident enterprise and directly reinvested in an encouraged project qualify for deferral. File the reinvestment form with the tax office before the payment.',
    rating: 4,
    typical: {
      title: 'Deferring withholding tax on reinvested dividends',
      summary:
        'A foreign investor asked whether reinvested dividends qualify for deferral of withholding tax. They do when the profits are paid by a resident enterprise and reinvested directly in an encouraged project; the form must be filed before payment.',
    },
  },
  {
    kind: ServiceCaseKind.CONSULTATION,
    status: ServiceCaseStatus.SUBMITTED,
    category: 'LABOUR_AND_SOCIAL_INSURANCE',
    subject: 'Social insurance for foreign employees',
    body: 'Do our foreign employees have to join the Qingdao social insurance schemes, and from which month?',
    submittedDaysAgo: 1,
  },
  {
    kind: ServiceCaseKind.SUGGESTION,
    status: ServiceCaseStatus.SUBMITTED,
    category: 'INVESTMENT_ENVIRONMENT',
    subject: 'English versions of permit forms',
    body: 'It would help foreign investors greatly if the main permit forms had official English versions.',
    submittedDaysAgo: 3,
  },
  {
    kind: ServiceCaseKind.SUGGESTION,
    status: ServiceCaseStatus.CLOSED,
    category: 'FINANCE_AND_FOREIGN_EXCHANGE',
    subject: 'Faster foreign exchange registration',
    body: 'Foreign exchange registration of capital increases takes too long at our bank.',
    submittedDaysAgo: 15,
    competentOffice: 'SAFE Qingdao Branch',
  },
  {
    kind: ServiceCaseKind.CONSULTATION,
    status: ServiceCaseStatus.WITHDRAWN,
    category: 'INTELLECTUAL_PROPERTY',
    subject: 'Trademark opposition deadline',
    body: 'What is the deadline to oppose a trademark published last month?',
    submittedDaysAgo: 8,
  },
];

export async function loadDemoInvestorServices(orm: MikroORM, deps: PlatformDeps): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(ServiceCase, {})) > 0) return;
  const investor = await em.findOne(User, { email: 'investor@demo.local' });
  const official = await em.findOne(User, { email: 'commerce@demo.local' });
  if (!investor || !official) return;
  const now = deps.clock.now();
  let second = await em.findOne(User, { email: SECOND_OFFICIAL.email });
  if (!second) {
    second = em.create(User, {
      email: SECOND_OFFICIAL.email,
      displayName: SECOND_OFFICIAL.displayName,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      role: 'OFFICIAL',
      department: 'COMMERCE',
      organisation: null,
      locale: 'ZH_CN',
      foreignInvestor: false,
      createdAt: now,
      disabledAt: null,
    });
  }
  await em.flush();

  const calendar = deps.calendar.current;
  const today = shanghaiDate(now);
  const dayAgo = (n: number) => calendar.addWorkingDays(today, -n);
  const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
  let n = 0;
  for (const demo of CASES) {
    n++;
    const submittedOn = dayAgo(demo.submittedDaysAgo);
    const complaint = demo.kind === ServiceCaseKind.COMPLAINT;
    const handler = demo.secondOfficial ? second : official;
    const decided =
      demo.acceptedDaysAgo !== undefined
        ? dayAgo(demo.acceptedDaysAgo)
        : demo.decline
          ? dayAgo(demo.submittedDaysAgo - 3)
          : null;
    const ended = demo.outcome || demo.decline || demo.competentOffice || demo.status === ServiceCaseStatus.WITHDRAWN;
    const endedOn = !ended ? null : demo.decline ? decided : dayAgo(Math.floor(demo.submittedDaysAgo / 3));
    const c = em.create(ServiceCase, {
      number: `WZ${submittedOn.slice(0, 4)}${String(900000 + n)}`,
      kind: demo.kind,
      category: demo.category,
      subject: demo.subject,
      body: demo.body,
      language: 'EN',
      status: demo.status,
      submitterId: investor.id,
      enterpriseId: null,
      respondent: demo.complaint?.respondent ?? null,
      respondentContact: null,
      administrativeAct: demo.complaint?.act ?? null,
      request: demo.complaint?.request ?? null,
      inReconsiderationOrLitigation: complaint ? false : null,
      confidentialDetails: demo.confidential ?? null,
      confidentialKinds: demo.confidential ? ['TRADE_SECRET'] : [],
      submittedAt: at(submittedOn),
      submittedOn,
      materialsCompleteOn: complaint && demo.status !== ServiceCaseStatus.MATERIALS_REQUESTED ? submittedOn : null,
      materialsRequest: demo.materialsRequest ?? null,
      materialsRequestedAt: demo.materialsRequest ? at(dayAgo(demo.submittedDaysAgo - 2)) : null,
      assigneeId: demo.status === ServiceCaseStatus.SUBMITTED && !complaint ? null : handler.id,
      decidedById: decided ? handler.id : null,
      decidedOn: decided,
      acceptedOn: demo.acceptedDaysAgo !== undefined ? decided : null,
      declineReason: demo.decline ?? null,
      decisionNote: demo.decline
        ? 'Your matter is a contract dispute between two companies. You may bring it before a court or an arbitration commission.'
        : null,
      competentOffice: demo.competentOffice ?? null,
      outcome: demo.outcome ?? (demo.competentOffice ? ServiceCaseOutcome.REFERRED : null),
      resolutionSummary: demo.summary ?? null,
      resolvedOn: demo.outcome ? endedOn : null,
      endedAt: endedOn ? at(endedOn) : null,
      rating: demo.rating ?? null,
      ratingComment: demo.rating === 5 ? 'Clear and quick. Thank you.' : null,
      ratedAt: demo.rating ? at(today) : null,
      updatedAt: now,
    });
    em.persist(c);
    let minute = 0;
    for (const m of demo.messages ?? []) {
      em.persist(
        em.create(ServiceCaseMessage, {
          caseId: c.id,
          authorId: m.official ? handler.id : investor.id,
          authorRole: m.official ? 'OFFICIAL' : 'SUBMITTER',
          internal: m.internal ?? false,
          confidential: false,
          body: m.body,
          createdAt: new Date(at(decided ?? submittedOn).getTime() + ++minute * 3_600_000),
        }),
      );
    }
    if (demo.typical) {
      em.persist(
        em.create(TypicalCase, {
          caseId: c.id,
          kind: demo.kind,
          category: demo.category,
          language: 'EN',
          title: demo.typical.title,
          summary: demo.typical.summary,
          outcome: demo.outcome!,
          publishedById: handler.id,
          publishedAt: now,
        }),
      );
    }
  }
  await em.flush();
}
