import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Express, Request, Response } from 'express';
import type { RequestContext } from '../../shared/context.js';
import { localIdOf } from '../../shared/ids.js';
import { defineMessages, localeFromAcceptLanguage, translate, type Locale } from '../../shared/messages.js';
import { ENTERPRISE_TYPE } from './enterprise.service.js';
import { renderLicencePdf, verificationUrl } from './licence-pdf.js';
import { BusinessLicence, Enterprise } from './registration.entity.js';

// GET /enterprises/:id/licence.pdf — the enterprise's current electronic licence as a PDF.
//
// Who may have it: whoever acts for the enterprise (its agent), as with every other document of
// the enterprise's own. Anyone else, officials included, checks a licence by its code on the public
// verification page, which shows what the licence certifies without handing out the document; an
// enterprise without a current licence (deregistered, revoked) has none to print. What the viewer
// may not have is answered exactly as a licence that does not exist.

defineMessages({
  'licence.pdf.signIn': { zh: '请先登录。', en: 'Sign in first.' },
  'licence.pdf.notFound': {
    zh: '未找到该企业的有效营业执照。',
    en: 'No current business licence of this enterprise was found.',
  },
});

type ContextFactory = (request: IncomingMessage, response: ServerResponse) => Promise<RequestContext>;

function fail(response: Response, status: number, code: string, locale: Locale, key: string): void {
  if (!response.headersSent) response.status(status).json({ error: { code, message: translate(locale, key) } });
}

/** The web client's address for links printed on the licence: PUBLIC_URL, else the origin the request came to. */
function webOrigin(ctx: RequestContext, request: Request): string {
  return ctx.deps.config.publicUrl ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}

/** The current licence of an enterprise the viewer acts for, with the enterprise; null otherwise. */
async function licenceActedFor(ctx: RequestContext, enterpriseGlobalId: string) {
  const id = localIdOf(enterpriseGlobalId, ENTERPRISE_TYPE);
  const enterprise = id ? await ctx.em.findOne(Enterprise, { id }) : null;
  if (!enterprise || !ctx.viewer.userId || !enterprise.agentIds.includes(ctx.viewer.userId)) return null;
  const licence = await ctx.em.findOne(BusinessLicence, { enterprise, status: 'VALID' });
  return licence ? { enterprise, licence } : null;
}

/** An ASCII file name for old clients and the UTF-8 one (RFC 6266). */
function attachment(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Mounts GET /enterprises/:id/licence.pdf on the app. */
export function mountLicenceRoutes(app: Express, context: ContextFactory): void {
  app.get('/enterprises/:id/licence.pdf', async (request, response, next) => {
    const locale = localeFromAcceptLanguage(request.headers['accept-language']);
    try {
      let ctx: RequestContext | null = null;
      try {
        ctx = await context(request, response);
      } catch {
        ctx = null;
      }
      if (!ctx?.viewer.userId) {
        fail(response, 401, 'UNAUTHENTICATED', locale, 'licence.pdf.signIn');
        return;
      }
      const found = await licenceActedFor(ctx, String(request.params.id));
      if (!found) {
        fail(response, 404, 'NOT_FOUND', locale, 'licence.pdf.notFound');
        return;
      }
      const { enterprise, licence } = found;
      const pdf = await renderLicencePdf({
        number: licence.number,
        verificationCode: licence.verificationCode,
        facts: licence.facts,
        district: enterprise.district,
        verifyUrl: verificationUrl(webOrigin(ctx, request), licence.verificationCode),
      });
      response.setHeader('Content-Type', 'application/pdf');
      response.setHeader('Content-Length', String(pdf.length));
      response.setHeader('Cache-Control', 'private, no-store');
      response.setHeader(
        'Content-Disposition',
        attachment(`licence-${licence.facts.uscc}.pdf`, `营业执照-${licence.facts.uscc}.pdf`),
      );
      response.end(pdf);
    } catch (error) {
      next(error);
    }
  });
}
