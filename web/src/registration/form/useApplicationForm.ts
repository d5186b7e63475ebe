import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { fieldKey, groupUserErrors, type GroupedUserErrors } from '../../api/errors';
import {
  ChangedNameCheckDocument,
  MyApplicationReservationsDocument,
  MyNameReservationsDocument,
  NameIndustryHintDocument,
  RegistrationApplicationDocument,
  RegistrationCommitmentTermsDocument,
  SaveRegistrationDraftDocument,
  SubmitRegistrationApplicationDocument,
  type ApplicationFieldsFragment,
  type RegistrationDeclarationInput,
  type UserErrorFieldsFragment,
} from '../../gql/graphql';
import { useViewer } from '../../session/useViewer';
import {
  emptyForm,
  formFieldKeys,
  fromDeclaration,
  STEPS,
  stepOf,
  toDeclarationInput,
  type DeclarationForm,
} from '../declarationForm';
import { localDraftKey, readLocalDraft, removeLocalDraft, writeLocalDraft } from './localDraft';

/** How a change registration names the enterprise: as registered, from a new reservation, or a name declared directly. */
export type NameChoice = 'keep' | 'reservation' | 'direct';

/** What a change registration declares besides the items: its name and the day the change was decided. */
export interface ChangeState {
  nameChoice: NameChoice;
  newName: string;
  decidedOn: string;
  /** The written commitment a special name declared directly needs (its terms come with the name's check). */
  nameAccepted: boolean;
}

const NO_CHANGE: ChangeState = { nameChoice: 'keep', newName: '', decidedOn: '', nameAccepted: false };

/** The change's state as saved in a change application. */
export function changeStateOf(application: ApplicationFieldsFragment): ChangeState {
  const registeredName = application.enterprise?.name ?? null;
  const declared = application.declaration.name ?? '';
  const nameChoice: NameChoice = application.nameReservation
    ? 'reservation'
    : declared && declared !== registeredName
      ? 'direct'
      : 'keep';
  return {
    nameChoice,
    newName: nameChoice === 'direct' ? declared : '',
    decidedOn: application.changeDecidedOn ?? '',
    nameAccepted: false,
  };
}

/** What saveRegistrationDraft takes for the change's name and date, beside the declaration. */
export function changeInput(
  change: ChangeState,
  reservationId: string,
  savedReservationId: string | null,
): { nameReservationId?: string | null; newName?: string | null; changeDecidedOn: string | null } {
  const changeDecidedOn = change.decidedOn || null;
  if (change.nameChoice === 'reservation') {
    // A reservation is taken once; saving the same one again leaves it as it is.
    return reservationId && reservationId !== savedReservationId
      ? { nameReservationId: reservationId, changeDecidedOn }
      : { changeDecidedOn };
  }
  if (change.nameChoice === 'direct') return { nameReservationId: null, newName: change.newName, changeDecidedOn };
  return { nameReservationId: null, newName: null, changeDecidedOn };
}

const NO_ERRORS: GroupedUserErrors = { byField: {}, general: [] };
const EDITABLE = ['DRAFT', 'CORRECTION_REQUESTED'];

export interface Problem {
  /** The field key ("declaration.registeredAddress.postalCode"), or null for the form as a whole. */
  key: string | null;
  message: string;
}

export interface ProblemSummary {
  /** 'submit': nothing was submitted; 'draft': the draft was saved except these items. */
  mode: 'submit' | 'draft';
  problems: Problem[];
  /** Changes on every new summary, so it takes focus again. */
  serial: number;
}

const OPEN_STATUSES = ['DRAFT', 'SUBMITTED', 'CORRECTION_REQUESTED'];

/**
 * Removes what the API refused from a draft's input, so the rest can be saved: level 1 blanks the
 * refused leaf (a blank item never stops a draft), level 2 leaves out the whole item or list entry.
 * What is left out stays in the form and on this device until it is corrected.
 */
export function withoutRefused(
  input: RegistrationDeclarationInput,
  keys: readonly string[],
  level: 1 | 2,
): RegistrationDeclarationInput {
  const copy = structuredClone(input) as Record<string, unknown>;
  const dropped: Record<string, Set<number>> = {};
  for (const key of keys) {
    const parts = key.split('.');
    if (parts[0] !== 'declaration' || parts.length < 2) continue;
    const item = parts[1]!;
    const rest = parts.slice(2);
    const value = copy[item];
    if (Array.isArray(value) && rest.length && /^\d+$/.test(rest[0]!)) {
      const index = Number(rest[0]);
      const entry = value[index] as Record<string, unknown> | undefined;
      if (!entry) continue;
      if (level === 2 || rest.length < 2) (dropped[item] ??= new Set()).add(index);
      else if (rest[1] === 'subscribedCapital') entry.subscribedCapital = { amount: '', currency: 'CNY' };
      else if (typeof entry[rest[1]!] === 'string') entry[rest[1]!] = '';
      else (dropped[item] ??= new Set()).add(index);
    } else if (level === 1 && rest.length === 1 && value && typeof value === 'object' && !Array.isArray(value)) {
      const object = value as Record<string, unknown>;
      if (item === 'registeredCapital') delete copy[item];
      else if (typeof object[rest[0]!] === 'string')
        object[rest[0]!] = ['postalCode', 'email'].includes(rest[0]!) ? null : '';
      else delete copy[item];
    } else if (item === 'foreignInvested' || item === 'operatingTerm') {
      // Always sent: kept as they are (the form's own defaults are never malformed).
    } else {
      delete copy[item];
    }
  }
  for (const [item, indexes] of Object.entries(dropped)) {
    copy[item] = (copy[item] as unknown[]).filter((_, i) => !indexes.has(i));
  }
  return copy as RegistrationDeclarationInput;
}

/**
 * The establishment application form's state and actions, shared by its step components: loading
 * the draft, keeping unsaved input on this device, saving whatever is there, submitting, and the
 * problems found (at their fields and in one summary).
 */
export function useApplicationForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const [search] = useSearchParams();
  const { user, loading: viewerLoading } = useViewer();
  const userId = user?.id ?? 'anonymous';
  const [applicationId, setApplicationId] = useState<string | null>(params.id ?? null);
  const [reservationId, setReservationIdState] = useState(search.get('reservation') ?? '');
  const [form, setForm] = useState<DeclarationForm | null>(null);
  const [baseline, setBaseline] = useState<string>('');
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<GroupedUserErrors>(NO_ERRORS);
  const [summary, setSummary] = useState<ProblemSummary | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [signatory, setSignatory] = useState('');
  const [change, setChange] = useState<ChangeState>(NO_CHANGE);
  const [changeBaseline, setChangeBaseline] = useState(JSON.stringify(NO_CHANGE));
  const serial = useRef(0);

  const [{ data: loaded, fetching: loading, error: loadError }] = useQuery({
    query: RegistrationApplicationDocument,
    variables: { id: params.id ?? '' },
    pause: !params.id,
  });
  const application: ApplicationFieldsFragment | null | undefined = loaded?.registrationApplication;
  const isChange = application?.kind === 'CHANGE';
  const [{ data: reservationsData }] = useQuery({
    query: MyNameReservationsDocument,
    variables: { first: 50 },
    // A change may take its new name from a reservation at any time; an establishment chooses it once.
    pause: Boolean(params.id) && !isChange,
  });
  const reservations = useMemo(
    () =>
      reservationsData?.myNameReservations.edges.map((edge) => edge.node).filter((r) => r.status === 'RESERVED') ?? [],
    [reservationsData],
  );
  const [{ data: mineData }] = useQuery({
    query: MyApplicationReservationsDocument,
    variables: { first: 100 },
    pause: Boolean(params.id),
    requestPolicy: 'cache-and-network',
  });
  const [{ data: termsData }] = useQuery({
    query: RegistrationCommitmentTermsDocument,
    variables: { kind: application?.kind ?? 'ESTABLISHMENT' },
  });
  const terms = termsData?.registrationCommitmentTerms;
  const [{ fetching: saving, error: saveError }, saveDraft] = useMutation(SaveRegistrationDraftDocument);
  const [{ fetching: submitting, error: submitError }, submitApplication] = useMutation(
    SubmitRegistrationApplicationDocument,
  );

  const storageKey = localDraftKey(userId, applicationId ?? `new:${reservationId || 'none'}`);

  // The form starts from the server's draft (or empty), then from what this device kept unsaved.
  useEffect(() => {
    if (form !== null || viewerLoading) return;
    if (params.id && !application) return;
    const server = application ? fromDeclaration(application.declaration) : emptyForm();
    const serverJson = JSON.stringify(server);
    if (application?.kind === 'CHANGE') {
      const saved = changeStateOf(application);
      setChange(saved);
      setChangeBaseline(JSON.stringify(saved));
      if (application.nameReservation) setReservationIdState(application.nameReservation.id);
    }
    const local = readLocalDraft(storageKey);
    setBaseline(serverJson);
    if (local && JSON.stringify(local.form) !== serverJson) {
      setForm({ ...server, ...local.form });
      setRestoredAt(local.at);
    } else {
      setForm(server);
    }
  }, [application, form, params.id, storageKey, viewerLoading]);

  // One reserved name, one application: a name that already has one opens it instead.
  const existing = mineData?.myRegistrationApplications.edges
    .map((edge) => edge.node)
    .find((node) => node.nameReservation?.id === reservationId && OPEN_STATUSES.includes(node.status));
  useEffect(() => {
    if (params.id || !existing) return;
    navigate(
      EDITABLE.includes(existing.status)
        ? `/applications/${encodeURIComponent(existing.id)}/edit`
        : `/applications/${encodeURIComponent(existing.id)}`,
      { replace: true, state: { existingDraft: true } },
    );
  }, [existing, navigate, params.id]);

  // A chosen reservation fills in what the application must repeat (its kind, district, …).
  const reservation = reservations.find((r) => r.id === reservationId);
  // Whichever arrives last, the reservation or the form's first state, the filling-in happens once both are there.
  const formReady = form !== null;
  useEffect(() => {
    if (!reservation || !formReady) return;
    setForm((current) =>
      current
        ? {
            ...current,
            kind: current.kind || reservation.kind,
            district: current.district || reservation.district,
            foreignInvested: current.foreignInvested || reservation.foreignInvested,
            industry: current.industry || reservation.industry?.code || '',
          }
        : current,
    );
  }, [reservation, formReady]);

  // The industry the name's words suggest, when the reservation named none.
  const nameForHint = application?.declaration.name ?? reservation?.name ?? '';
  const [{ data: hintData }] = useQuery({
    query: NameIndustryHintDocument,
    variables: { input: { name: nameForHint } },
    pause: nameForHint.length < 2 || Boolean(form?.industry),
  });
  const industryHint = form?.industry ? null : (hintData?.checkEnterpriseName.industryHint ?? null);

  // A name declared directly in a change is checked as it is typed (after a pause), as a reservation would be.
  const [nameToCheck, setNameToCheck] = useState('');
  const typedName = isChange && change.nameChoice === 'direct' ? change.newName.trim() : '';
  useEffect(() => {
    const timer = setTimeout(() => setNameToCheck(typedName), 400);
    return () => clearTimeout(timer);
  }, [typedName]);
  const [{ data: nameCheckData }] = useQuery({
    query: ChangedNameCheckDocument,
    variables: {
      input: {
        name: nameToCheck,
        district: form?.district || null,
        kind: form?.kind || null,
        industry: form?.industry.trim() || null,
        foreignInvested: form?.foreignInvested ?? false,
      },
    },
    pause: nameToCheck.length < 2,
  });
  const nameCheck = typedName && nameToCheck === typedName ? (nameCheckData?.checkEnterpriseName ?? null) : null;

  const formJson = form ? JSON.stringify(form) : '';
  // The special-name commitment is given at submission, not saved with the draft.
  const changeJson = JSON.stringify({ ...change, nameAccepted: false });
  const dirty = form !== null && (formJson !== baseline || changeJson !== changeBaseline);

  // Unsaved input survives a reload or a closed tab; the browser asks before leaving with it.
  useEffect(() => {
    if (!form || viewerLoading) return;
    if (dirty) writeLocalDraft(storageKey, { form, reservationId, at: new Date().toISOString() });
    else removeLocalDraft(storageKey);
  }, [dirty, form, formJson, reservationId, storageKey, viewerLoading]);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = t('applicationForm.leaveWarning');
      return event.returnValue;
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty, t]);

  const keys = useMemo(() => (form ? formFieldKeys(form) : []), [form]);
  const correcting = application?.status === 'CORRECTION_REQUESTED' ? application.correctionNotice : null;
  const corrections = useMemo(
    () =>
      correcting
        ? groupUserErrors(
            correcting.items.map((item) => ({ code: 'CORRECTION', field: item.field, message: item.message })),
            keys,
          )
        : NO_ERRORS,
    [correcting, keys],
  );
  const at = useCallback(
    (key: string): string[] | undefined => {
      const all = [...(errors.byField[key] ?? []), ...(corrections.byField[key] ?? [])];
      return all.length ? all : undefined;
    },
    [errors, corrections],
  );

  const update = useCallback((patch: Partial<DeclarationForm>) => {
    setForm((current) => (current ? { ...current, ...patch } : current));
  }, []);

  const setReservationId = (id: string) => {
    setReservationIdState(id);
  };

  const showProblems = (userErrors: readonly UserErrorFieldsFragment[], mode: ProblemSummary['mode']) => {
    setErrors(groupUserErrors(userErrors, keys));
    if (mode === 'submit') setSavedAt(null);
    serial.current += 1;
    setSummary({
      mode,
      problems: userErrors.map((error) => ({ key: fieldKey(error.field), message: error.message })),
      serial: serial.current,
    });
  };

  /** Problems per step, for the marks on the step tabs. */
  const problemsPerStep = STEPS.map(
    (_, index) => summary?.problems.filter((p) => p.key !== null && stepOf(p.key) === index).length ?? 0,
  );

  /**
   * Saves whatever is there. Items the API refuses as malformed are left out of the saved draft (and
   * kept in the form and on this device) so the rest is saved; they are reported at their fields.
   * Returns the application id, or null when nothing could be saved.
   */
  const save = async (
    options: { quiet?: boolean } = {},
  ): Promise<{ id: string; refused: UserErrorFieldsFragment[] } | null> => {
    if (!form) return null;
    setSavedAt(null);
    const sentJson = JSON.stringify(form);
    const sentChange = JSON.stringify({ ...change, nameAccepted: false });
    const base = applicationId
      ? {
          id: applicationId,
          ...(isChange ? changeInput(change, reservationId, application?.nameReservation?.id ?? null) : {}),
        }
      : { kind: 'ESTABLISHMENT' as const, nameReservationId: reservationId || null };
    let declaration = toDeclarationInput(form);
    let refused: UserErrorFieldsFragment[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const result = await saveDraft({ input: { ...base, declaration } });
      const payload = result.data?.saveRegistrationDraft;
      if (!payload) return null;
      if (payload.application && !payload.userErrors.length) {
        const id = payload.application.id;
        const newKey = localDraftKey(userId, id);
        if (!applicationId) {
          removeLocalDraft(storageKey);
          setApplicationId(id);
          if (refused.length) writeLocalDraft(newKey, { form, reservationId, at: new Date().toISOString() });
          navigate(`/applications/${encodeURIComponent(id)}/edit`, { replace: true });
        }
        if (refused.length) {
          if (!options.quiet) showProblems(refused, 'draft');
        } else {
          setErrors(NO_ERRORS);
          setSummary(null);
          setBaseline(sentJson);
          setChangeBaseline(sentChange);
          setRestoredAt(null);
          setSavedAt(new Date().toISOString());
        }
        return { id, refused };
      }
      const declarationKeys = payload.userErrors
        .map((error) => fieldKey(error.field))
        .filter((key): key is string => key !== null && key.startsWith('declaration.'));
      if (attempt === 0) refused = [...payload.userErrors];
      // Only problems inside the declaration can be left out; anything else stops the save.
      if (declarationKeys.length !== payload.userErrors.length || attempt === 2) {
        showProblems(refused.length ? refused : payload.userErrors, 'submit');
        return null;
      }
      declaration = withoutRefused(declaration, declarationKeys, attempt === 0 ? 1 : 2);
    }
    return null;
  };

  const submit = async () => {
    const saved = await save({ quiet: true });
    if (!saved) return;
    if (saved.refused.length) {
      // Malformed items were left out of the draft: submitting now would send it without them.
      showProblems(saved.refused, 'submit');
      return;
    }
    if (!terms) return;
    const commitment = { termsVersion: terms.version, accepted, signatoryName: signatory.trim() };
    // A special name declared directly in a change is committed on the name's own terms, signed by the same person.
    const nameTerms = change.nameChoice === 'direct' ? nameCheck?.commitmentTerms : null;
    const result = await submitApplication({
      input: {
        id: saved.id,
        commitment,
        ...(isChange && nameTerms
          ? {
              nameCommitment: {
                termsVersion: nameTerms.version,
                accepted: change.nameAccepted,
                signatoryName: signatory.trim(),
              },
            }
          : {}),
      },
    });
    const payload = result.data?.submitRegistrationApplication;
    if (!payload) return;
    if (payload.userErrors.length || !payload.application) {
      showProblems(payload.userErrors, 'submit');
      return;
    }
    removeLocalDraft(localDraftKey(userId, saved.id));
    setBaseline(JSON.stringify(form));
    navigate(`/applications/${encodeURIComponent(payload.application.id)}`, { state: { submitted: true } });
  };

  const discardLocal = () => {
    removeLocalDraft(storageKey);
    setForm(JSON.parse(baseline) as DeclarationForm);
    setRestoredAt(null);
  };

  return {
    params,
    application,
    loading,
    loadError,
    reservations,
    reservationId,
    setReservationId,
    terms,
    form,
    update,
    step,
    setStep,
    at,
    errors,
    summary,
    problemsPerStep,
    savedAt,
    saving,
    submitting,
    saveError,
    submitError,
    save,
    submit,
    correcting,
    accepted,
    setAccepted,
    signatory,
    setSignatory,
    dirty,
    restoredAt,
    discardLocal,
    industryHint,
    isChange,
    change,
    updateChange: (patch: Partial<ChangeState>) => setChange((current) => ({ ...current, ...patch })),
    nameCheck,
    editable: !application || EDITABLE.includes(application.status),
  };
}

export type ApplicationFormState = ReturnType<typeof useApplicationForm>;
