import { useId } from 'react';

/** A short set of exclusive choices as radio buttons in a fieldset, laid out like the form's checkboxes. */
export function RadioChoice<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  id,
}: {
  legend: string;
  name: string;
  value: T;
  options: { value: T; label: string; hint?: string }[];
  onChange(value: T): void;
  id?: string;
}) {
  const base = useId();
  return (
    <fieldset className="form__section" id={id} tabIndex={id ? -1 : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => {
        const optionId = `${base}-${option.value}`;
        return (
          <div key={option.value} className="field field--checkbox">
            <input
              id={optionId}
              type="radio"
              className="field__checkbox"
              name={name}
              value={option.value}
              checked={value === option.value}
              aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              onChange={() => onChange(option.value)}
            />
            <label htmlFor={optionId} className="field__label">
              {option.label}
            </label>
            {option.hint ? (
              <p id={`${optionId}-hint`} className="field__hint">
                {option.hint}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
