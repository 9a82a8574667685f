import { Table, Text, TextInput } from "@mantine/core";
import type { Form } from "../../../contract/data-value";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/vi";
import { cellKey, parseFigure, periodText, showFigure, showNumber } from "./labels";

export type CellProblems = Record<string, { errors: string[]; warnings: string[] }>;

type Row = Form["rows"][number];

const OPTION_KEY: Record<string, MessageKey> = {
  nu: "reporting.option.nu",
  nam: "reporting.option.nam",
  total: "reporting.option.total",
};

interface FormTableProps {
  form: Form;
  draft: Record<string, string>;
  comments: Record<string, string>;
  problems: CellProblems;
  readOnly: boolean;
  onValue: (key: string, text: string) => void;
  onComment: (key: string, text: string) => void;
}

/** Indicator by indicator, a row per data element: Nữ / Nam (or Tổng), last period's figure under each. */
export function FormTable(props: FormTableProps) {
  const { t } = useI18n();
  const { form } = props;
  const placed = new Set<Row>();
  const groups = form.indicators.map((indicator) => {
    const rows = form.rows.filter((r) => !placed.has(r) && r.indicatorIds.includes(indicator.id));
    for (const r of rows) placed.add(r);
    return { indicator, rows };
  });
  const rest = form.rows.filter((r) => !placed.has(r));
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder verticalSpacing="xs" aria-label={t("reporting.form.figures")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="40%">{t("reporting.form.element")}</Table.Th>
            <Table.Th>{t("reporting.option.nu")}</Table.Th>
            <Table.Th>{t("reporting.option.nam")}</Table.Th>
            <Table.Th>{t("reporting.option.total")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map(({ indicator, rows }) =>
            rows.length === 0 ? null : (
              <IndicatorGroup
                key={indicator.id}
                title={`${indicator.code}. ${indicator.text}`}
                rows={rows}
                {...props}
              />
            ),
          )}
          {rest.length > 0 && <IndicatorGroup title={t("reporting.form.other")} rows={rest} {...props} />}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function IndicatorGroup({ title, rows, ...props }: FormTableProps & { title: string; rows: Row[] }) {
  return (
    <>
      <Table.Tr bg="blue.0">
        <Table.Th colSpan={4} scope="colgroup">
          <Text size="sm" fw={600}>
            {title}
          </Text>
        </Table.Th>
      </Table.Tr>
      {rows.map((row) => (
        <ElementRow key={`${row.element}|${row.period}`} row={row} {...props} />
      ))}
    </>
  );
}

function ElementRow({ row, ...props }: FormTableProps & { row: Row }) {
  const { t, locale } = useI18n();
  const bySex = row.cells.some((c) => c.option === "nu");
  const cell = (option: string) => row.cells.find((c) => c.option === option);
  const showPeriod = row.period !== props.form.round.period;
  const sum = bySex ? sexTotal(row, props.draft) : null;
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{row.name}</Text>
        {showPeriod && (
          <Text size="xs" c="dimmed">
            {periodText(row.period, locale, row.periodLabel)}
          </Text>
        )}
      </Table.Td>
      {bySex ? (
        <>
          <Table.Td>{cell("nu") && <CellInput row={row} cell={cell("nu")!} {...props} />}</Table.Td>
          <Table.Td>{cell("nam") && <CellInput row={row} cell={cell("nam")!} {...props} />}</Table.Td>
          <Table.Td>
            {cell("total") ? (
              <CellInput row={row} cell={cell("total")!} {...props} />
            ) : (
              <Text size="sm" c="dimmed" aria-label={t("reporting.form.autoTotal")}>
                {sum === null ? "—" : showNumber(sum, locale)}
              </Text>
            )}
          </Table.Td>
        </>
      ) : (
        <>
          <Table.Td c="dimmed">—</Table.Td>
          <Table.Td c="dimmed">—</Table.Td>
          <Table.Td>{cell("total") && <CellInput row={row} cell={cell("total")!} {...props} />}</Table.Td>
        </>
      )}
    </Table.Tr>
  );
}

function sexTotal(row: Row, draft: Record<string, string>): number | null {
  let total = 0;
  for (const c of row.cells) {
    if (c.option === "total") continue;
    const text = draft[cellKey(row.element, c.option, row.period)];
    const v = text === undefined ? c.value : parseFigure(text);
    if (v === null || Number.isNaN(v)) return null;
    total += v;
  }
  return total;
}

function CellInput({
  row,
  cell,
  draft,
  comments,
  problems,
  readOnly,
  onValue,
  onComment,
}: FormTableProps & { row: Row; cell: Row["cells"][number] }) {
  const { t, locale } = useI18n();
  const key = cellKey(row.element, cell.option, row.period);
  const testId = `cell-${row.element}-${cell.option}-${row.period}`;
  const locked = cell.lockedBy !== null;
  const problem = problems[key];
  const error = problem?.errors.join(" ");
  const warning = problem?.warnings.join(" ");
  const comment = comments[key] ?? cell.comment ?? "";
  const needsComment = Boolean(warning) || cell.comment !== null || comments[key] !== undefined;
  const label = `${row.name} — ${t(OPTION_KEY[cell.option] ?? "reporting.option.total")} — ${periodText(row.period, locale, row.periodLabel)}`;
  return (
    <div>
      <TextInput
        size="sm"
        aria-label={label}
        variant={readOnly || locked ? "filled" : "default"}
        data-testid={testId}
        inputMode={row.valueType === "count" || row.valueType === "flag" ? "numeric" : "decimal"}
        autoComplete="off"
        readOnly={readOnly || locked}
        value={draft[key] ?? showFigure(cell.value)}
        onChange={(e) => onValue(key, e.currentTarget.value)}
        error={error || undefined}
        styles={{
          input: { width: 140, ...(warning && !error ? { borderColor: "var(--mantine-color-orange-6)" } : {}) },
          error: { maxWidth: 260 },
        }}
      />
      <Text size="xs" c="dimmed" mt={2}>
        {t("reporting.form.previous", { value: cell.previous === null ? "—" : showFigure(cell.previous) })}
      </Text>
      {locked && (
        <Text size="xs" c="dimmed">
          {t("reporting.form.lockedBy", { period: periodText(cell.lockedBy ?? "", locale) })}
        </Text>
      )}
      {warning && (
        <Text size="xs" c="#8a3a00" role="status" data-testid={`${testId}-warning`}>
          {warning}
        </Text>
      )}
      {needsComment && !locked && (
        <TextInput
          size="xs"
          mt={4}
          w={220}
          label={t("reporting.form.jumpComment")}
          aria-label={t("reporting.form.jumpCommentFor", { label })}
          readOnly={readOnly}
          variant={readOnly ? "filled" : "default"}
          value={comment}
          onChange={(e) => onComment(key, e.currentTarget.value)}
          data-testid={`${testId}-comment`}
        />
      )}
    </div>
  );
}
