import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { groupUserErrors, type GroupedUserErrors } from '../api/errors';
import { CheckboxField, TextField } from '../components/Field';
import { ErrorNotice, FormErrors } from '../components/Feedback';
import { Page } from '../components/Page';
import { SignUpDocument } from '../gql/graphql';
import { apiLocale } from '../i18n';
import { usePreferences } from '../preferences/PreferencesProvider';
import { useSession } from '../session/SessionProvider';

const FIELDS = ['displayName', 'email', 'password', 'foreignInvestor', 'locale'] as const;
const NO_ERRORS: GroupedUserErrors = { byField: {}, general: [] };

export function SignUpPage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const session = useSession();
  const navigate = useNavigate();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [foreignInvestor, setForeignInvestor] = useState(false);
  const [errors, setErrors] = useState<GroupedUserErrors>(NO_ERRORS);
  const [{ fetching, error }, signUp] = useMutation(SignUpDocument);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await signUp({
      input: {
        displayName: displayName.trim(),
        email: email.trim(),
        password,
        foreignInvestor,
        locale: apiLocale(language),
      },
    });
    const payload = result.data?.signUp;
    if (!payload) return;
    if (payload.userErrors.length || !payload.token) {
      setErrors(groupUserErrors(payload.userErrors, FIELDS));
      return;
    }
    setErrors(NO_ERRORS);
    session.start({ token: payload.token, expiresAt: payload.expiresAt ?? null });
    navigate('/', { replace: true });
  };

  return (
    <Page title={t('auth.signUpTitle')}>
      <form className="form form--narrow" onSubmit={onSubmit} noValidate>
        <FormErrors messages={errors.general} />
        {error ? <ErrorNotice error={error} /> : null}
        <TextField
          label={t('auth.displayName')}
          hint={t('auth.displayNameHint')}
          name="displayName"
          autoComplete="organization"
          required
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          errors={errors.byField.displayName}
        />
        <TextField
          label={t('auth.email')}
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          errors={errors.byField.email}
        />
        <TextField
          label={t('auth.password')}
          hint={t('auth.passwordHint')}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          errors={errors.byField.password}
        />
        <CheckboxField
          label={t('auth.foreignInvestor')}
          name="foreignInvestor"
          checked={foreignInvestor}
          onChange={(event) => setForeignInvestor(event.target.checked)}
          errors={errors.byField.foreignInvestor}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={fetching}>
            {fetching ? t('auth.signingUp') : t('auth.signUpButton')}
          </button>
        </div>
        <p>
          {t('auth.haveAccount')} <Link to="/sign-in">{t('account.signIn')}</Link>
        </p>
      </form>
    </Page>
  );
}
