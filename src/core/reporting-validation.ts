// Entry validation of a whole form, over core/validation.ts (which checks one
// form of one period). A round's form can hold several periods (the quarters of
// an "every quarter" indicator, the calendar year of survey statistics), so the
// cells are checked period by period; a large-change warning is settled by a
// comment from the reporter. Errors block submitting and make an import write nothing.
import type { LocalizedMessage } from "./errors";
import type { Formula } from "./formula";
import { type EntryValueType, validateEntry as validatePeriod } from "./validation";

export interface EntryElement {
  code: string;
  name: string;
  options: readonly string[];
  valueType: EntryValueType;
}

export interface EntryCell {
  element: string;
  option: string;
  period: string;
  value: number | null;
  previous: number | null;
  comment: string | null;
}

export interface EntryIssue {
  severity: "error" | "warning";
  code: string;
  element: string;
  option: string;
  period: string;
  message: LocalizedMessage;
}

/** The type and range problem of one value, if any (negative, fractional count, not 0/1, over 100 %). */
export function checkValue(
  el: EntryElement,
  option: string,
  value: number,
): { code: string; message: LocalizedMessage } | null {
  const found = validatePeriod({
    values: [{ dataElement: el.code, option, value }],
    dataElements: [el],
  }).find((i) => i.severity === "error");
  return found ? { code: found.code, message: found.message } : null;
}

export function validateEntry(
  cells: readonly EntryCell[],
  elements: ReadonlyMap<string, EntryElement>,
  formulas: readonly Formula[],
): EntryIssue[] {
  const out: EntryIssue[] = [];
  const periods = [...new Set(cells.map((c) => c.period))];
  for (const period of periods) {
    const own = cells.filter((c) => c.period === period && elements.has(c.element));
    const issues = validatePeriod({
      values: own.flatMap((c) =>
        c.value === null ? [] : [{ dataElement: c.element, option: c.option, value: c.value }],
      ),
      previous: own.flatMap((c) =>
        c.previous === null ? [] : [{ dataElement: c.element, option: c.option, value: c.previous }],
      ),
      dataElements: [...elements.values()],
      formulas,
    });
    for (const i of issues) {
      const cell = own.find((c) => c.element === i.dataElement && c.option === i.option);
      if (i.code === "large-change" && cell?.comment && cell.comment.trim().length > 0) continue;
      out.push({
        severity: i.severity,
        code: i.code,
        element: i.dataElement,
        option: i.option,
        period,
        message: i.message,
      });
    }
  }
  return out;
}
