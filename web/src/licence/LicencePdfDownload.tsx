import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../preferences/PreferencesProvider';
import { useSession } from '../session/SessionProvider';

/** Where the server serves an enterprise's current licence as a PDF (its agent only). */
export function licencePdfPath(enterpriseId: string): string {
  return `/enterprises/${encodeURIComponent(enterpriseId)}/licence.pdf`;
}

/**
 * "Download licence (PDF)": fetched with the session's token (a plain link would not carry it), then
 * saved under the name the server gives it.
 */
export function LicencePdfDownload({ enterpriseId, uscc }: { enterpriseId: string; uscc: string | null }) {
  const { t } = useTranslation();
  const { token } = useSession();
  const { language } = usePreferences();
  const [state, setState] = useState<{ busy: boolean; message: string | null; failed: boolean }>({
    busy: false,
    message: null,
    failed: false,
  });

  const download = async () => {
    setState({ busy: true, message: null, failed: false });
    try {
      const response = await fetch(licencePdfPath(enterpriseId), {
        headers: { authorization: `Bearer ${token ?? ''}`, 'accept-language': language },
      });
      if (!response.ok) {
        const answer = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        const message = answer?.error?.message;
        setState({
          busy: false,
          failed: true,
          message: message ? t('licenceDocument.failed', { message }) : t('licenceDocument.failedUnknown'),
        });
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `${language === 'en' ? 'business-licence' : '营业执照'}-${uscc ?? 'licence'}.pdf`;
      document.body.append(link);
      link.click();
      link.remove();
      // The browser has taken the file once the click has been handled.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setState({ busy: false, failed: false, message: t('licenceDocument.downloaded') });
    } catch {
      setState({ busy: false, failed: true, message: t('licenceDocument.failedUnknown') });
    }
  };

  return (
    <div className="licence-download">
      <button
        type="button"
        className="button button--primary"
        onClick={() => void download()}
        disabled={state.busy}
        data-testid="licence-pdf"
      >
        {state.busy ? t('licenceDocument.downloading') : t('licenceDocument.download')}
      </button>
      <p role={state.failed ? 'alert' : 'status'} className={state.failed ? 'field__error' : undefined}>
        {state.message}
      </p>
    </div>
  );
}
