import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Sets the document title to "<page> · <site>" so each page is announced and bookmarked by its name;
 * a page whose title already names the site (the home page) gets its title alone, not the name twice.
 */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  const site = t('app.name');
  useEffect(() => {
    document.title = title && !title.includes(site) ? `${title} · ${site}` : title || site;
  }, [title, site]);
}
