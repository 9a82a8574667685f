import { Paper, ScrollArea, Text } from "@mantine/core";
import { useEffect, useMemo, useRef } from "react";
import { useT } from "../../i18n/i18n";

interface Span {
  start: number;
  end: number;
}

interface Chunk {
  start: number;
  text: string;
}

const LINES_PER_CHUNK = 40;

/** Lines grouped in chunks the browser may skip laying out while off screen (content-visibility). */
function chunksOf(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const lines = text.split("\n");
  let offset = 0;
  for (let i = 0; i < lines.length; i += LINES_PER_CHUNK) {
    const part = lines.slice(i, i + LINES_PER_CHUNK).join("\n");
    const withBreak = i + LINES_PER_CHUNK < lines.length ? `${part}\n` : part;
    chunks.push({ start: offset, text: withBreak });
    offset += withBreak.length;
  }
  return chunks;
}

function ChunkView({ chunk, span }: { chunk: Chunk; span: Span | null }) {
  const end = chunk.start + chunk.text.length;
  const hit = span && span.start < end && span.end > chunk.start;
  const style = { contentVisibility: "auto", containIntrinsicSize: "auto 400px" } as const;
  if (!hit || !span) return <div style={style}>{chunk.text}</div>;
  const from = Math.max(0, span.start - chunk.start);
  const to = Math.min(chunk.text.length, span.end - chunk.start);
  return (
    <div>
      {chunk.text.slice(0, from)}
      <mark data-testid="source-highlight">{chunk.text.slice(from, to)}</mark>
      {chunk.text.slice(to)}
    </div>
  );
}

/** The document's text, the selected field's span highlighted and scrolled into view. */
export function SourceText({ text, span }: { text: string; span: Span | null }) {
  const t = useT();
  const chunks = useMemo(() => chunksOf(text), [text]);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!span) return;
    box.current?.querySelector("mark")?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [span]);
  return (
    <Paper withBorder radius="md" p={0} aria-label={t("import.source")} component="section">
      <Text fw={600} px="sm" py={6} bg="gray.1" size="sm">
        {t("import.source")}
      </Text>
      <ScrollArea
        h="calc(100vh - 190px)"
        type="auto"
        viewportRef={box}
        // Keyboard users scroll the text too (WCAG: a scrollable region must be focusable).
        viewportProps={{ tabIndex: 0, "aria-label": t("import.source") }}
      >
        <Text
          component="div"
          size="sm"
          p="sm"
          ff="Times New Roman, serif"
          style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
        >
          {chunks.map((c) => (
            <ChunkView key={c.start} chunk={c} span={span} />
          ))}
        </Text>
      </ScrollArea>
    </Paper>
  );
}
