// Builds a .docx from plain text with the `docx` library: one paragraph per line,
// bold where the text has **…** (bold may run over several lines, as in scraped signer blocks).

import { Document, Packer, Paragraph, TextRun } from "docx";

export async function textToDocx(text: string): Promise<Uint8Array> {
  let bold = false;
  const paragraphs = text.split(/\r?\n/).map((line) => {
    const runs: TextRun[] = [];
    const parts = line.split("**");
    parts.forEach((part, i) => {
      if (i > 0) bold = !bold;
      if (part) runs.push(new TextRun({ text: part, bold }));
    });
    return new Paragraph({ children: runs });
  });
  const doc = new Document({ sections: [{ children: paragraphs }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
