import { MATRIX, expectedOutcome, type Outcome } from './permission-matrix.js';
import { VIEWER_CLASSES } from './permission-matrix.viewers.js';

// The permission matrix as a Markdown table, committed as permission-matrix.snapshot.md: the
// reviewed diff of any change of who may call what.

const HEADINGS: Record<string, string> = {
  anonymous: 'anon',
  applicant: 'appl',
  'applicant (stranger)': 'appl²',
  bank: 'bank',
  'bank (stranger)': 'bank²',
  host: 'host',
  MARKET_REGULATION: 'MR',
  COMMERCE: 'COM',
  FINANCE: 'FIN',
  TAX: 'TAX',
  SOCIAL_INSURANCE: 'SOC',
  MEDICAL_INSURANCE: 'MED',
  HOUSING_FUND: 'HF',
  admin: 'admin',
  'bank admin': 'bank adm',
  'firm admin': 'firm adm',
  key: 'key',
  'key FINANCING_READ': 'key FIN',
  'key REGISTRATION_READ': 'key REG',
  'key NAMES_READ': 'key NAM',
  'key HOSTING_READ': 'key HOS',
  'key EVENTS_READ': 'key EVT',
};

const SYMBOLS: Record<string, string> = { ok: '✓', hidden: '∅', UNAUTHENTICATED: 'U', FORBIDDEN: '✗' };

function cell(outcome: Outcome): string {
  return SYMBOLS[outcome] ?? outcome.replace(/^error:/, '');
}

export function renderMatrix(): string {
  const headings = VIEWER_CLASSES.map((v) => HEADINGS[v.key] ?? v.key);
  const lines = [
    '# Permission matrix',
    '',
    'Written by `test/platform/permission-matrix.test.ts` from the rows of `permission-matrix.ts`; every',
    'cell is checked by calling the operation as that viewer. A change here is a change of who may do what.',
    '',
    '✓ allowed · ✗ FORBIDDEN · U UNAUTHENTICATED · ∅ answered as if the object did not exist (null,',
    'NOT_FOUND, or not in the list) · a word: the userError code.',
    '',
    'Columns: anonymous; the applicant owning the fixtures (appl) and another applicant (appl²); the',
    'bank officer owning them (bank) and an officer of another bank (bank²); a hosting agent; an official',
    'of each department (MR market regulation, COM commerce, FIN finance, TAX, SOC social insurance, MED',
    "medical insurance, HF housing fund); an administrator; the administrator of the bank column's bank",
    '(bank adm, who manages its API keys) and of a law firm (firm adm); partner API keys with no scope and',
    'with each scope alone. Subscriptions are called over WebSocket.',
    '',
    `| operation | needs | ${headings.join(' | ')} |`,
    `|---|---|${headings.map(() => ':-:').join('|')}|`,
  ];
  const order = ['Query', 'Mutation', 'Subscription'];
  const names = Object.keys(MATRIX).sort(
    (a, b) => order.indexOf(a.split('.')[0]!) - order.indexOf(b.split('.')[0]!) || a.localeCompare(b),
  );
  for (const name of names) {
    const row = MATRIX[name]!;
    const needs = row.needs === 'ANYONE' ? 'anyone' : row.needs === 'SIGNED_IN' ? 'signed in' : row.needs.join(', ');
    const cells = VIEWER_CLASSES.map((v) => cell(expectedOutcome(row, v)));
    lines.push(`| ${name} | ${needs} | ${cells.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}
