import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle';

/** A page: its h1 doubles as the document title. */
export function Page({
  title,
  intro,
  children,
  wide,
}: {
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
  wide?: boolean;
}) {
  usePageTitle(title);
  return (
    <div className={`page${wide ? ' page--wide' : ''}`}>
      <h1 className="page__title">{title}</h1>
      {intro ? <p className="page__intro">{intro}</p> : null}
      {children}
    </div>
  );
}
