import { EmulatorHttpError } from '../../errors.js';
import type { BulkUploadMetaData, ParsedUpload } from '../../model/types.js';
import { withoutBom } from '../../server/http.js';
import type { MultipartPart } from '../../server/multipart.js';
import { parseCsv } from './csv.js';

function parseMetaData(part: MultipartPart | undefined): BulkUploadMetaData {
  if (!part) return {};
  let value: unknown;
  try {
    value = JSON.parse(withoutBom(part.data.toString('utf8')));
  } catch (error) {
    throw new EmulatorHttpError(400, `The metaData part is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EmulatorHttpError(400, 'The metaData part must be a JSON object.');
  }
  const metaData = value as BulkUploadMetaData;
  if (metaData.action !== undefined && !['create', 'update', 'upsert'].includes(metaData.action)) {
    throw new EmulatorHttpError(
      400,
      `metaData.action must be create, update or upsert, not '${String(metaData.action)}'.`,
    );
  }
  if ((metaData.action === 'update' || metaData.action === 'upsert') && !keyField(metaData)) {
    throw new EmulatorHttpError(
      400,
      `metaData.action ${metaData.action} needs metaData.identifierFieldName (the field that finds existing records).`,
    );
  }
  return metaData;
}

/** The field that matches uploaded records to existing ones, if any. */
export function keyField(metaData: BulkUploadMetaData): string | undefined {
  return metaData.identifierFieldName ?? metaData.primaryKeyName;
}

function isJson(file: MultipartPart, metaData: BulkUploadMetaData): boolean {
  if (typeof metaData.format === 'string') return metaData.format.toLowerCase() === 'json';
  if (file.filename && /\.(json|ndjson|jsonl)$/i.test(file.filename)) return true;
  return /json/i.test(file.contentType ?? '');
}

function readJsonRecords(text: string, out: ParsedUpload): void {
  const add = (value: unknown, recordNumber: number) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      out.records.push({ recordNumber, record: value as Record<string, unknown> });
    } else {
      out.errors.push({ recordNumber, message: 'The record is not a JSON object.' });
    }
  };
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let array: unknown;
    try {
      array = JSON.parse(trimmed);
    } catch (error) {
      throw new EmulatorHttpError(400, `The JSON file is not a valid array: ${(error as Error).message}`);
    }
    (array as unknown[]).forEach((value, index) => add(value, index + 1));
    return;
  }
  let recordNumber = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    recordNumber += 1;
    try {
      add(JSON.parse(line), recordNumber);
    } catch (error) {
      out.errors.push({ recordNumber, message: `Line is not valid JSON: ${(error as Error).message}` });
    }
  }
}

function readCsvRecords(text: string, out: ParsedUpload): void {
  const [header, ...rows] = parseCsv(text);
  if (!header)
    throw new EmulatorHttpError(400, 'The CSV file is empty; it needs a header row of field names.');
  rows.forEach((row, index) => {
    if (row.length !== header.length) {
      out.errors.push({
        recordNumber: index + 1,
        message: `The row has ${row.length} fields but the header has ${header.length}.`,
      });
      return;
    }
    const record: Record<string, unknown> = {};
    header.forEach((column, column_index) => {
      const value = row[column_index] ?? '';
      if (value !== '') record[column] = value;
    });
    out.records.push({ recordNumber: index + 1, record });
  });
}

/** Reads the `file` and `metaData` parts of a bulk upload. */
export function parseUpload(parts: MultipartPart[]): ParsedUpload {
  const file = parts.find((part) => part.name === 'file');
  if (!file) throw new EmulatorHttpError(400, "The multipart body has no 'file' part with the records.");
  const out: ParsedUpload = {
    records: [],
    errors: [],
    metaData: parseMetaData(parts.find((p) => p.name === 'metaData')),
  };
  // Without a byte order mark, which a JSON line cannot start with (the CSV reader skips it itself).
  const text = withoutBom(file.data.toString('utf8'));
  if (isJson(file, out.metaData)) readJsonRecords(text, out);
  else readCsvRecords(text, out);
  return out;
}
