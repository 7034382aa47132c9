import { execFile } from "node:child_process";
import path from "node:path";
import ExcelJS from "exceljs";

/** Reading back what the report renderers wrote, as an office's software would. */

export interface ExtractedPdf {
  text: string;
  total: number;
  pages: Array<{ num: number; text: string }>;
}
/**
 * pdf-parse bundles pdf.js, whose worker is an ES module loaded by dynamic import; Jest's CommonJS
 * sandbox refuses that without --experimental-vm-modules. Plain Node runs it fine, so the text is
 * extracted in a child process with the documented v2 API.
 */
const EXTRACT_SCRIPT = `
import { PDFParse } from "pdf-parse";
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
try {
  const { text, total, pages } = await parser.getText();
  process.stdout.write(JSON.stringify({ text, total, pages }));
} finally {
  await parser.destroy();
}
`;

export function extractPdfText(pdf: Buffer): Promise<ExtractedPdf> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ["--input-type=module", "-e", EXTRACT_SCRIPT],
      { cwd: path.resolve(__dirname, "../.."), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout))),
    );
    child.stdin?.end(pdf);
  });
}

/** exceljs declares its own `Buffer` as an ArrayBuffer; a plain ArrayBuffer copy satisfies it. */
export function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  return new ExcelJS.Workbook().xlsx.load(new Uint8Array(bytes).buffer);
}

