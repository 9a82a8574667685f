import { TextInput, type TextInputProps } from "@mantine/core";
import { useEffect, useState } from "react";
import { formatDate, formatDayMonth, parseDayMonth, parseDisplayDate } from "../i18n/format";

type Props = Omit<TextInputProps, "value" | "onChange"> & {
  /** The stored form (yyyy-mm-dd for DateField, MM-DD for DayMonthField); "" when empty. */
  value: string;
  /** Called with the stored form; with `allowEmpty`, "" when the field is cleared. */
  onChange: (value: string) => void;
  invalidMessage: string;
  /** Clearing the field is a value ("" is passed on), not an error. */
  allowEmpty?: boolean;
};

interface Format {
  show: (stored: string) => string;
  /** The stored form, or null when the text is not a real date. */
  read: (text: string) => string | null;
  /** Text complete enough to pass on while the user is still typing. */
  complete: RegExp;
  placeholder: string;
}

// Plain text fields in Vietnamese order (dd/mm/yyyy, dd/mm): the browser's <input type="date"> follows the
// browser's locale (often mm/dd/yyyy), and officials write dates day first.
function FormattedField({ value, onChange, invalidMessage, allowEmpty, format, ...rest }: Props & { format: Format }) {
  const [text, setText] = useState(format.show(value));
  const [isInvalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(format.show(value));
    setInvalid(false);
  }, [value, format]);

  const read = (t: string) => (allowEmpty && t.trim() === "" ? "" : format.read(t));
  const commit = () => {
    const stored = read(text);
    setInvalid(stored === null);
    if (stored !== null && stored !== value) onChange(stored);
  };

  return (
    <TextInput
      {...rest}
      value={text}
      placeholder={format.placeholder}
      inputMode="numeric"
      autoComplete="off"
      error={isInvalid ? invalidMessage : rest.error}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const stored = format.read(next);
        if (stored !== null && stored !== value && format.complete.test(next.trim())) onChange(stored);
      }}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}

const FULL_DATE: Format = {
  show: formatDate,
  read: parseDisplayDate,
  complete: /^\d{2}\/\d{2}\/\d{4}$/,
  placeholder: "dd/mm/yyyy",
};

const DAY_MONTH: Format = {
  show: formatDayMonth,
  read: parseDayMonth,
  complete: /^\d{2}\/\d{2}$/,
  placeholder: "dd/mm",
};

/** A date typed dd/mm/yyyy, stored yyyy-mm-dd. */
export function DateField(props: Props) {
  return <FormattedField {...props} format={FULL_DATE} />;
}

/** A day of every year (a deadline, the Action Month) typed dd/mm, stored MM-DD. */
export function DayMonthField(props: Props) {
  return <FormattedField {...props} format={DAY_MONTH} />;
}
