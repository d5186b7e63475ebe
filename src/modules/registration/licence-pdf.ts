import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { QINGDAO_DISTRICT_NAMES } from '../../shared/credit-code.js';
import type { DistrictValue, EnterpriseKindValue, LicenceFacts } from './registration.entity.js';

// The electronic business licence as a PDF (A4 landscape), laid out like the paper licence: its
// facts as signed, the registering authority, and a QR code that opens the public verification page
// for its code. Whether a licence is genuine is decided by that page, never by the file: anyone can
// edit a PDF, but a changed code no longer verifies and a copied code shows the facts it was issued
// for.
//
// The text is Chinese (the licence's language) with English under each label. The font, Noto Sans SC
// (SIL Open Font License), comes from an npm package as TrueType; pdfkit embeds only the glyphs used
// (a subset), so a licence is 20–40 KB although the font file is 10 MB.

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

let fonts: { regular: Buffer; bold: Buffer } | null = null;
/** Read once, on the first licence: most processes never print one. */
function licenceFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve(FONT_FILES.regular)),
    bold: readFileSync(require.resolve(FONT_FILES.bold)),
  };
  return fonts;
}

const KIND_LABELS: Record<EnterpriseKindValue, string> = {
  LIMITED_LIABILITY_COMPANY: '有限责任公司',
  JOINT_STOCK_COMPANY: '股份有限公司',
  PARTNERSHIP: '合伙企业',
  SOLE_PROPRIETORSHIP: '个人独资企业',
  BRANCH: '分支机构',
  FARMERS_COOPERATIVE: '农民专业合作社',
  INDIVIDUAL_BUSINESS: '个体工商户',
};

export interface LicencePdfInput {
  number: string;
  verificationCode: string;
  facts: LicenceFacts;
  district: DistrictValue;
  /** The public verification page for this licence's code, which the QR code opens. */
  verifyUrl: string;
}

/** The public verification page's address for a code, under the web client's address. */
export function verificationUrl(webOrigin: string, code: string): string {
  return `${webOrigin}/verify?code=${encodeURIComponent(code)}`;
}

/** The registering authority (登记机关): the district's bureau; the city's for a joint-stock company. */
export function registeringAuthority(district: DistrictValue, kind: EnterpriseKindValue): string {
  if (kind === 'JOINT_STOCK_COMPANY') return '青岛市市场监督管理局';
  return `青岛市${QINGDAO_DISTRICT_NAMES[district].zh}市场监督管理局`;
}

function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}

function capital(fen: number | null): string {
  if (fen === null) return '—';
  const yuan = (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `人民币 ${yuan} 元`;
}

function operatingTerm(facts: LicenceFacts): string {
  return facts.operatingTermEndsOn
    ? `${chineseDate(facts.establishedOn)} 至 ${chineseDate(facts.operatingTermEndsOn)}`
    : '长期';
}

/** The day of issue in Asia/Shanghai (the licence's calendar), from the signed instant. */
function issuedOn(issuedAt: string): string {
  const shanghai = new Date(new Date(issuedAt).getTime() + 8 * 3600_000);
  return chineseDate(shanghai.toISOString());
}

const INK = '#1a1a1a';
const RED = '#b3261e';
const GREY = '#555555';

/** Draws the QR code as vector squares (sharp at any zoom, and smaller than an image), with its quiet zone. */
function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const quiet = 4;
  const cell = size / (count + 2 * quiet);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < count; row++) {
    // Runs of dark modules in a row as one rectangle each.
    let start = -1;
    for (let column = 0; column <= count; column++) {
      const dark = column < count && qr.modules.get(row, column) === 1;
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        doc.rect(x + (quiet + start) * cell, y + (quiet + row) * cell, (column - start) * cell, cell);
        start = -1;
      }
    }
  }
  doc.fill('#000000');
  doc.restore();
}

/** The licence as a PDF. */
export function renderLicencePdf(input: LicencePdfInput): Promise<Buffer> {
  const { facts } = input;
  const { regular, bold } = licenceFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: {
      Title: `营业执照 ${facts.name}`,
      Subject: `Electronic business licence ${input.number}; verification code ${input.verificationCode}`,
      Author: registeringAuthority(input.district, facts.kind),
      Creator: 'Qingdao Enterprise Services',
      // The signed instant, so the same licence always gives the same file.
      CreationDate: new Date(facts.issuedAt),
      ModDate: new Date(facts.issuedAt),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);

  const width = doc.page.width;
  const height = doc.page.height;
  // The frame of the paper licence: a red double border.
  doc
    .lineWidth(3)
    .rect(20, 20, width - 40, height - 40)
    .stroke(RED);
  doc
    .lineWidth(0.8)
    .rect(28, 28, width - 56, height - 56)
    .stroke(RED);

  doc.fillColor(INK).font('bold').fontSize(34).text('营 业 执 照', 0, 52, { width, align: 'center' });
  doc.font('regular').fontSize(11).fillColor(GREY);
  doc.text('（电子营业执照）Electronic Business Licence', 0, 100, { width, align: 'center' });

  doc.fillColor(INK).fontSize(10);
  doc.text(`统一社会信用代码 Unified social credit code`, 60, 62);
  doc.font('bold').fontSize(14).text(facts.uscc, 60, 78);
  doc
    .font('regular')
    .fontSize(10)
    .text(`编号 No.`, width - 260, 62, { width: 200, align: 'right' });
  doc
    .font('bold')
    .fontSize(14)
    .text(input.number, width - 260, 78, { width: 200, align: 'right' });

  const rows: [string, string, string][] = [
    ['名称', 'Name', facts.name],
    ['类型', 'Type', KIND_LABELS[facts.kind]],
    ['法定代表人', 'Legal representative', facts.legalRepresentative ?? '—'],
    ['注册资本', 'Registered capital', capital(facts.registeredCapitalFen)],
    ['成立日期', 'Established on', chineseDate(facts.establishedOn)],
    ['营业期限', 'Term of operation', operatingTerm(facts)],
    ['住所', 'Address', facts.registeredAddress ?? '—'],
    ['经营范围', 'Business scope', facts.businessScope ?? '—'],
  ];
  const labelX = 70;
  const valueX = 200;
  const valueWidth = 380;
  let y = 140;
  for (const [label, english, value] of rows) {
    doc.font('bold').fontSize(12).fillColor(INK).text(label, labelX, y, { width: 120 });
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(GREY)
      .text(english, labelX, y + 16, { width: 120 });
    // A long business scope is cut at the bottom of the page rather than running onto a second one.
    const bounded = label === '经营范围' ? { height: height - 120 - y } : {};
    doc
      .font('regular')
      .fontSize(12)
      .fillColor(INK)
      .text(value, valueX, y, { width: valueWidth, ...bounded });
    y = Math.max(doc.y, y + 28) + 8;
  }

  // The QR code and the code it carries, on the right, as on the paper licence.
  const qrSize = 150;
  const qrX = width - 70 - qrSize;
  const qrY = 140;
  drawQrCode(doc, input.verifyUrl, qrX, qrY, qrSize);
  // A PDF reader opens the verification page on a click on the QR code too.
  doc.link(qrX, qrY, qrSize, qrSize, input.verifyUrl);
  doc.font('regular').fontSize(9).fillColor(INK);
  doc.text('扫描二维码核验真伪', qrX - 20, qrY + qrSize + 6, { width: qrSize + 40, align: 'center' });
  doc
    .fontSize(8)
    .fillColor(GREY)
    .text('Scan to check it is genuine', qrX - 20, doc.y, {
      width: qrSize + 40,
      align: 'center',
    });
  doc
    .fontSize(9)
    .fillColor(INK)
    .text('核验码 Verification code', qrX - 40, doc.y + 8, {
      width: qrSize + 80,
      align: 'center',
    });
  doc
    .font('bold')
    .fontSize(12)
    .text(input.verificationCode, qrX - 60, doc.y + 2, {
      width: qrSize + 120,
      align: 'center',
    });

  const authority = registeringAuthority(input.district, facts.kind);
  doc.font('regular').fontSize(11).fillColor(INK);
  doc.text(`登记机关 ${authority}`, width - 330, height - 118, { width: 270, align: 'right' });
  doc.text(`${issuedOn(facts.issuedAt)}`, width - 330, doc.y + 4, { width: 270, align: 'right' });
  doc.fontSize(8).fillColor(GREY);
  const footer = { width: width - 120, align: 'center' as const };
  doc.text(
    `本执照的真伪以核验结果为准：扫描二维码，或在 ${input.verifyUrl.split('?')[0]} 输入核验码。`,
    60,
    height - 66,
    footer,
  );
  doc.text(
    'Whether this licence is genuine is what the verification page says: scan the QR code, or enter the code there.',
    60,
    doc.y + 1,
    footer,
  );

  doc.end();
  return done;
}
