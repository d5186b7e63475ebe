import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { SignOutDocument } from '../gql/graphql';
import { NotificationBell } from '../notifications/NotificationBell';
import { DESK_LABELS, deskPath } from '../session/landing';
import { useSession } from '../session/SessionProvider';
import { useViewer, type ViewerUser } from '../session/useViewer';
import { languageOfLocale } from '../i18n';
import { usePreferences } from '../preferences/PreferencesProvider';
import { ElderSwitch, LanguageSwitch } from './PreferenceControls';
import { useTableCardLabels } from './tableCards';

export interface NavItem {
  to: string;
  label: string;
  /** Who sees the link: anyone, or only these roles. */
  roles?: readonly string[];
  /** For officials: only these departments. */
  departments?: readonly string[];
}

/**
 * The links in the main navigation, by role (and an official's department): each role sees only what
 * it may use, and its own desk. Pages add themselves here as they land.
 */
export function navItems(t: (key: string) => string, user: ViewerUser | null): NavItem[] {
  const desk = user ? deskPath(user) : null;
  const items: NavItem[] = [
    { to: '/', label: t('nav.home') },
    ...(desk ? [{ to: desk, label: t(DESK_LABELS[desk] ?? 'nav.desk') }] : []),
    { to: '/names/check', label: t('nav.nameCheck') },
    { to: '/names/mine', label: t('nav.myReservations'), roles: ['APPLICANT'] },
    { to: '/applications', label: t('nav.myApplications'), roles: ['APPLICANT'] },
    { to: '/enterprises', label: t('nav.myEnterprises'), roles: ['APPLICANT'] },
    {
      to: '/inbox',
      label: t('landing.nav.inbox'),
      roles: ['APPLICANT', 'OFFICIAL', 'BANK_OFFICER', 'HOST_AGENT', 'ADMIN'],
    },
    { to: '/financing', label: t('financing.nav') },
    { to: '/investor-services', label: t('investorServices.nav') },
    { to: '/hosting', label: t('hosting.nav') },
    { to: '/hosting/mine', label: t('hosting.mineTitle'), roles: ['APPLICANT'] },
    { to: '/hosting/review', label: t('hosting.reviewTitle'), roles: ['OFFICIAL'], departments: ['MARKET_REGULATION'] },
    { to: '/verify', label: t('nav.verifyLicence') },
    ...(user?.organisationAdmin
      ? [
          { to: '/organisation/keys', label: t('admin.org.nav') },
          { to: '/organisation/webhooks', label: t('webhooks.nav') },
        ]
      : []),
  ];
  return items.filter(
    (item) =>
      (!item.roles || (user && item.roles.includes(user.role))) &&
      (!item.departments || (user?.department && item.departments.includes(user.department))),
  );
}

function AccountControls() {
  const { t } = useTranslation();
  const { token, end } = useSession();
  const { user } = useViewer();
  const navigate = useNavigate();
  const [, signOut] = useMutation(SignOutDocument);

  if (!token) {
    return (
      <div className="account">
        <Link className="button button--quiet" to="/sign-in">
          {t('account.signIn')}
        </Link>
        <Link className="button button--primary" to="/sign-up">
          {t('account.signUp')}
        </Link>
      </div>
    );
  }
  const onSignOut = async () => {
    // The token is forgotten whatever the answer: a failed revocation must not keep anyone signed in here.
    await signOut({}).catch(() => undefined);
    end();
    navigate('/sign-in', { state: { signedOut: true } });
  };
  return (
    <div className="account">
      {user ? (
        <span className="account__name">
          {user.displayName}
          <span className="account__role"> · {t(`enums.Role.${user.role}`)}</span>
        </span>
      ) : null}
      <button type="button" className="button button--quiet" onClick={onSignOut}>
        {t('account.signOut')}
      </button>
    </div>
  );
}

/**
 * A signed-in account whose language is English gets English unless a language was chosen on this
 * browser. An account in Chinese (every account's default) does not turn a browser that asks for
 * English back to Chinese: English when the browser or the account asks for it.
 */
function useAccountLanguage(user: ViewerUser | null) {
  const { adoptAccountLanguage } = usePreferences();
  const accountLanguage = languageOfLocale(user?.locale);
  useEffect(() => {
    if (accountLanguage === 'en') adoptAccountLanguage(accountLanguage);
  }, [accountLanguage, adoptAccountLanguage]);
}

const MENU_TOOLS_ID = 'site-menu-tools';
const MENU_NAV_ID = 'site-menu-nav';

/**
 * The header: the brand, the bell, and (on phones, below 40rem) a menu button that shows or hides
 * the language, elder-mode and account controls and the main navigation, which otherwise take half
 * the screen. On wider screens the button is hidden and everything shows. The menu closes on
 * Escape (focus back on the button) and on navigating; opening it moves focus to its first control.
 * The navigation links themselves come from the caller (`navItems`).
 */
function SiteHeader({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const tools = useRef<HTMLDivElement>(null);

  useEffect(() => setOpen(false), [location.pathname]);

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next) {
      // After the panel is shown (next frame), focus its first control.
      requestAnimationFrame(() => tools.current?.querySelector<HTMLElement>('button, a[href]')?.focus());
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    }
  };

  return (
    <header className={`site-header${open ? ' site-header--open' : ''}`} onKeyDown={onKeyDown}>
      <div className="site-header__bar">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            青
          </span>
          <span className="brand__name">{t('app.name')}</span>
        </Link>
        <div className="site-header__quick">
          {signedIn ? <NotificationBell /> : null}
          <button
            ref={button}
            type="button"
            className="button button--quiet menu-button"
            aria-expanded={open}
            aria-controls={`${MENU_TOOLS_ID} ${MENU_NAV_ID}`}
            onClick={toggle}
          >
            <span className="menu-button__icon" aria-hidden="true" />
            {t('app.menu')}
          </button>
        </div>
        <div className="toolbar" id={MENU_TOOLS_ID} ref={tools}>
          <LanguageSwitch />
          <ElderSwitch />
          <AccountControls />
        </div>
      </div>
      {children}
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, signedIn } = useViewer();
  useAccountLanguage(user);
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useTableCardLabels(main);

  // After navigating, move focus to the new page (as a full page load would) for keyboard and
  // screen-reader users; not on the first load.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SiteHeader signedIn={signedIn}>
        <nav className="main-nav" id={MENU_NAV_ID} aria-label={t('app.mainNav')}>
          <ul>
            {navItems(t, user).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/'}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </SiteHeader>
      <main id="main" ref={main} tabIndex={-1} className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
        <p>
          <Link to="/notices">{t('app.notices')}</Link>
        </p>
        <p>
          <Link to="/explorer">{t('app.partners')}</Link>
        </p>
        <p>
          {/* Served by the server from docs/dist, outside the app's routes: a full page load. */}
          <a href="/docs/">{t('app.apiDocs')}</a>
        </p>
      </footer>
    </div>
  );
}
