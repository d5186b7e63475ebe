// ISO 3166-1 alpha-2 codes for the country pickers, named in the page's language by the browser
// (Intl.DisplayNames), China and its special administrative regions first.
const FIRST = ['CN', 'HK', 'MO', 'TW'];
const OTHERS =
  'AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG CH CI CL CM CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PS PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TZ UA UG US UY UZ VA VC VE VN VU WS YE ZA ZM ZW'.split(
    ' ',
  );

export function countryOptions(language: string): { value: string; label: string }[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([language === 'en' ? 'en' : 'zh-CN'], { type: 'region' });
  } catch {
    names = null;
  }
  const label = (code: string) => {
    const name = names?.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  };
  const collator = new Intl.Collator(language === 'en' ? 'en' : 'zh-CN');
  const rest = OTHERS.map((code) => ({ value: code, label: label(code) })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
  return [...FIRST.map((code) => ({ value: code, label: label(code) })), ...rest];
}
