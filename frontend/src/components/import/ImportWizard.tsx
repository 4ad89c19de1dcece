import { Alert, Button, FileInput, Group, Modal, Stack, Stepper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, toApiError, type ImportFile, type ImportPreview, type ImportProblem, type Program } from '../../api';
import { fileToBase64 } from '../../lib/files';
import { formatNumber, plural } from '../../lib/format';
import { buildRequest, cellOf, mappingFromGo, mappingProblems, type DefaultRoles } from './importModel';
import { MappingStep } from './MappingStep';
import { importBlockReason, PreviewStep, type ProblemRow } from './PreviewStep';

/** ImportWizard imports registrations from a CSV or Excel file: choose, map, check and fix, import. */
export function ImportWizard({ program, opened, onClose, onImported }: {
  program: Program;
  opened: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Import registrations into ${program.name}`} size="80rem" closeOnClickOutside={false}>
      {opened && <Wizard program={program} onCancel={onClose} onImported={onImported} />}
    </Modal>
  );
}

const RECHECK_MS = 400;

function Wizard({ program, onCancel, onImported }: { program: Program; onCancel: () => void; onImported: () => void }) {
  const [step, setStep] = useState(0);
  const [picked, setPicked] = useState<File | null>(null);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [file, setFile] = useState<ImportFile | null>(null);
  const [rows, setRows] = useState<string[][]>([]);
  const [mapping, setMapping] = useState<string[]>([]);
  const [roles, setRoles] = useState<DefaultRoles>({ mentor: false, mentee: true, peer: false });
  const [skipRows, setSkipRows] = useState<number[]>([]);
  const [skippedProblems, setSkippedProblems] = useState<Record<number, ImportProblem[]>>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);

  const read = async (f: File | null) => {
    setPicked(f);
    setFileError(null);
    if (!f) return;
    setReading(true);
    try {
      const data = await api.imports.read(program.id, f.name, await fileToBase64(f));
      if (data.headers.length === 0) throw new Error('The file has no header row: the first row should name the columns.');
      setFile(data);
      setRows(data.rows);
      setMapping(mappingFromGo(data));
      setSkipRows([]);
      setSkippedProblems({});
      setPreview(null);
      setStep(1);
    } catch (e) {
      setFileError(toApiError(e).message);
    } finally {
      setReading(false);
    }
  };

  const check = async (nextRows = rows, nextSkip = skipRows) => {
    if (!file) return;
    const n = ++seq.current;
    setChecking(true);
    setError(null);
    try {
      const p = await api.imports.preview(buildRequest(program.id, file, nextRows, mapping, roles, nextSkip));
      if (n === seq.current) setPreview(p);
    } catch (e) {
      if (n === seq.current) setError(toApiError(e).message);
    } finally {
      if (n === seq.current) setChecking(false);
    }
  };

  const toPreview = async () => {
    setStep(2);
    await check();
  };

  const onEdit = (p: ImportProblem, value: string) => {
    if (!file) return;
    const cell = cellOf(p, file, mapping);
    if (!cell) return;
    const [r, c] = cell;
    const next = rows.map((row, i) => (i === r ? row.map((v, j) => (j === c ? value : v)) : row));
    setRows(next);
    setChecking(true);
    seq.current++; // an answer to an earlier check is stale now
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void check(next, skipRows), RECHECK_MS);
  };

  const onSkip = (row: number, skip: boolean) => {
    const next = skip ? [...skipRows, row] : skipRows.filter((r) => r !== row);
    if (skip && preview) {
      setSkippedProblems((s) => ({ ...s, [row]: preview.problems.filter((p) => p.row === row) }));
    } else {
      setSkippedProblems((s) => {
        const { [row]: _drop, ...rest } = s;
        return rest;
      });
    }
    setSkipRows(next);
    if (timer.current) clearTimeout(timer.current);
    void check(rows, next);
  };

  const onSkipAll = (rowNumbers: number[]) => {
    if (!preview) return;
    const add = rowNumbers.filter((r) => !skipRows.includes(r));
    const next = [...skipRows, ...add];
    const set = new Set(add);
    setSkippedProblems((s) => {
      const out = { ...s };
      for (const p of preview.problems) if (set.has(p.row)) out[p.row] = [...(out[p.row] ?? []), p];
      return out;
    });
    setSkipRows(next);
    if (timer.current) clearTimeout(timer.current);
    void check(rows, next);
  };

  const problemRows: ProblemRow[] = useMemo(() => {
    if (!file || !preview) return [];
    const value = (p: ImportProblem) => {
      const cell = cellOf(p, file, mapping);
      return cell ? rows[cell[0]]?.[cell[1]] ?? '' : null;
    };
    const skip = new Set(skipRows);
    const live = preview.problems.filter((p) => !skip.has(p.row)).map((p) => ({ problem: p, value: value(p), skipped: false }));
    const skipped = Object.values(skippedProblems).flat().map((p) => ({ problem: p, value: value(p), skipped: true }));
    return [...live, ...skipped].sort((a, b) => a.problem.row - b.problem.row);
  }, [file, preview, rows, mapping, skippedProblems, skipRows]);

  const runImport = async () => {
    if (!file) return;
    setImporting(true);
    setError(null);
    try {
      const res = await api.imports.import(buildRequest(program.id, file, rows, mapping, roles, skipRows));
      notifications.show({
        color: 'teal',
        title: `Imported ${plural(res.valid, 'row')}`,
        message: `${plural(res.newPeople, 'new person', 'new people')} and ${formatNumber(res.updatedPeople)} updated; `
          + `${plural(res.newParticipants, 'new participant')} and ${formatNumber(res.updatedParticipants)} updated`
          + (res.skipped ? `; ${plural(res.skipped, 'row')} skipped.` : '.'),
        autoClose: 8000,
      });
      onImported();
    } catch (e) {
      setError(`${toApiError(e).message}`);
      void check();
    } finally {
      setImporting(false);
    }
  };

  const mapProblems = file ? mappingProblems(mapping, file.targets) : [];
  if (file && !mapping.includes('roles') && !roles.mentor && !roles.mentee) {
    mapProblems.push('Choose a default role: Mentor, Mentee or both (a peer must also be one of them).');
  }
  const blocked = importBlockReason(preview, checking);

  return (
    <Stack gap="lg">
      <Stepper active={step} size="sm" allowNextStepsSelect={false} onStepClick={(s) => s < step && setStep(s)}>
        <Stepper.Step label="Choose a file" description="CSV or Excel" />
        <Stepper.Step label="Map the columns" description="What each column holds" />
        <Stepper.Step label="Check and import" description="Fix or skip problems" />
      </Stepper>

      {error && <Alert color="red" title="Nothing was imported">{error}</Alert>}

      {step === 0 && (
        <Stack gap="md">
          <Text>
            Export the registrations from your form tool (Google Forms, Microsoft Forms, Typeform…) or a spreadsheet, as
            CSV or Excel (.xlsx). The first row names the columns; each further row is one person. People already in
            Tandem (same email) are updated, not duplicated.
          </Text>
          <FileInput
            label="Registration file"
            placeholder="Choose a .csv, .tsv, .txt or .xlsx file"
            accept=".csv,.tsv,.txt,.xlsx,text/csv,text/plain,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            leftSection={<IconFileSpreadsheet size={18} aria-hidden="true" />}
            value={picked}
            onChange={read}
            error={fileError}
            disabled={reading}
            clearable
            maw={520}
            styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
          />
          {reading && <Text size="sm" aria-live="polite">Reading {picked?.name}…</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>Cancel</Button>
            <Button loading={reading} disabled={!file} onClick={() => setStep(1)}>Next</Button>
          </Group>
        </Stack>
      )}

      {step === 1 && file && (
        <Stack gap="md">
          <MappingStep
            file={file}
            mapping={mapping}
            onMapping={setMapping}
            roles={roles}
            onRoles={setRoles}
            program={program}
            problems={mapProblems}
          />
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep(0)}>Back</Button>
            <Button onClick={toPreview} disabled={mapProblems.length > 0}>Check the rows</Button>
          </Group>
        </Stack>
      )}

      {step === 2 && file && (
        <Stack gap="md">
          {preview ? (
            <PreviewStep
              preview={preview}
              problems={problemRows}
              checking={checking}
              onEdit={onEdit}
              onSkip={onSkip}
              onSkipAll={onSkipAll}
              onBackToMapping={() => setStep(1)}
            />
          ) : (
            <Text aria-live="polite">{checking ? 'Checking every row…' : 'The rows were not checked.'}</Text>
          )}
          <Group justify="space-between" align="center">
            <Button variant="default" onClick={() => setStep(1)} disabled={importing}>Back</Button>
            <Group gap="sm">
              {blocked && <Text size="sm" id="import-blocked">{blocked}</Text>}
              <ImportButton preview={preview} blocked={!!blocked} importing={importing} onImport={runImport} />
            </Group>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

/** ImportButton is "Import N rows", disabled while problems remain (the reason is shown beside it). */
export function ImportButton({ preview, blocked, importing, onImport }: {
  preview: ImportPreview | null;
  blocked: boolean;
  importing: boolean;
  onImport: () => void;
}) {
  const n = preview?.valid ?? 0;
  return (
    <Button
      onClick={onImport}
      loading={importing}
      disabled={blocked}
      aria-describedby={blocked ? 'import-blocked' : undefined}
    >
      Import {formatNumber(n)} {n === 1 ? 'row' : 'rows'}
    </Button>
  );
}
