import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { groupUserErrors, type GroupedUserErrors } from '../api/errors';
import { ErrorNotice, FormErrors, Notice } from '../components/Feedback';
import { TextField } from '../components/Field';
import { Page } from '../components/Page';
import { SignInDocument } from '../gql/graphql';
import { landingPath } from '../session/landing';
import { useSession } from '../session/SessionProvider';

const FIELDS = ['email', 'password'] as const;
const NO_ERRORS: GroupedUserErrors = { byField: {}, general: [] };

interface LocationState {
  from?: string;
  signedOut?: boolean;
}

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LocationState;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<GroupedUserErrors>(NO_ERRORS);
  const [{ fetching, error }, signIn] = useMutation(SignInDocument);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await signIn({ input: { email: email.trim(), password } });
    const payload = result.data?.signIn;
    if (!payload) return;
    if (payload.userErrors.length || !payload.token) {
      setErrors(groupUserErrors(payload.userErrors, FIELDS));
      return;
    }
    setErrors(NO_ERRORS);
    session.start({ token: payload.token, expiresAt: payload.expiresAt ?? null });
    navigate(payload.user ? landingPath(payload.user, state.from) : '/', { replace: true });
  };

  return (
    <Page title={t('auth.signInTitle')}>
      {state.signedOut ? <Notice kind="success">{t('auth.signedOut')}</Notice> : null}
      <form className="form form--narrow" onSubmit={onSubmit} noValidate>
        <FormErrors messages={errors.general} />
        {error ? <ErrorNotice error={error} /> : null}
        <TextField
          label={t('auth.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          errors={errors.byField.email}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          errors={errors.byField.password}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={fetching}>
            {fetching ? t('auth.signingIn') : t('auth.signInButton')}
          </button>
        </div>
        <p>
          {t('auth.noAccount')} <Link to="/sign-up">{t('account.signUp')}</Link>
        </p>
      </form>
    </Page>
  );
}
