// Importing participants from a file and exporting them as CSV: the seam over the generated
// Imports bindings (see programs.ts). A rejected request's ApiError keeps its row.
import * as ImportsGo from '../../wailsjs/go/app/Imports';
import { app } from '../../wailsjs/go/models';
import { arr } from './arrays';
import { call } from './errors';
import type { ImportFile, ImportPreview, ImportRequest } from './types';

function importPreview(p: ImportPreview): ImportPreview {
  return { ...p, problems: arr(p.problems), badRows: arr(p.badRows) };
}

export const imports = {
  /** read sends a file's bytes (base64) to Go, which parses it and suggests a mapping. */
  read: (programId: number, fileName: string, base64: string): Promise<ImportFile> =>
    call(async () => {
      const f = await ImportsGo.Read(programId, fileName, base64);
      return {
        fileName: f.fileName, headers: arr(f.headers), rows: arr(f.rows).map((r) => arr(r)),
        rowNumbers: arr(f.rowNumbers), mapping: arr(f.mapping), targets: arr(f.targets),
        warnings: arr(f.warnings).map((w) => ({ ...w, ignored: arr(w.ignored) })),
      };
    }),
  preview: (req: ImportRequest): Promise<ImportPreview> =>
    call(async () => importPreview(await ImportsGo.Preview(app.ImportRequest.createFrom(req)))),
  import: (req: ImportRequest): Promise<ImportPreview> =>
    call(async () => importPreview(await ImportsGo.Import(app.ImportRequest.createFrom(req)))),
  exportCSV: (programId: number): Promise<string> => call(() => ImportsGo.ExportCSV(programId)),
  /** saveExport opens the native save dialog (desktop window only); "" when cancelled. */
  saveExport: (programId: number): Promise<string> => call(() => ImportsGo.SaveExport(programId)),
};
