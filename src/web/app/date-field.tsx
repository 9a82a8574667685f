import { TextInput, type TextInputProps } from "@mantine/core";
import { useEffect, useState } from "react";
import { formatDate, parseDisplayDate } from "../i18n/format";

type Props = Omit<TextInputProps, "value" | "onChange"> & {
  /** yyyy-mm-dd */
  value: string;
  onChange: (isoDate: string) => void;
  invalidMessage: string;
};

// A plain text field in dd/mm/yyyy: the browser's <input type="date"> follows the
// browser's locale (often mm/dd/yyyy), and officials write dates day first.
export function DateField({ value, onChange, invalidMessage, ...rest }: Props) {
  const [text, setText] = useState(formatDate(value));
  const [isInvalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(formatDate(value));
    setInvalid(false);
  }, [value]);

  const commit = () => {
    const iso = parseDisplayDate(text);
    setInvalid(iso === null);
    if (iso !== null && iso !== value) onChange(iso);
  };

  return (
    <TextInput
      {...rest}
      value={text}
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      autoComplete="off"
      error={isInvalid ? invalidMessage : rest.error}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const iso = parseDisplayDate(next);
        if (iso !== null && iso !== value && /^\d{2}\/\d{2}\/\d{4}$/.test(next.trim())) onChange(iso);
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
