// The one seam over the generated Wails bindings: pages and components call these, never
// wailsjs/ directly. Every function rejects with ApiError (see errors.ts). Go sends nil slices
// as null; the functions below turn them into empty arrays so the UI can map over them.
import * as ProgramsGo from '../../wailsjs/go/app/Programs';
import * as PeopleGo from '../../wailsjs/go/app/People';
import * as ParticipantsGo from '../../wailsjs/go/app/Participants';
import * as QuestionsGo from '../../wailsjs/go/app/Questions';
import * as DirectoryGo from '../../wailsjs/go/app/Directory';
import * as ImportsGo from '../../wailsjs/go/app/Imports';
import * as SystemGo from '../../wailsjs/go/app/System';
import { app } from '../../wailsjs/go/models';
import { call } from './errors';
import type {
  AnswerValue, AppState, DirectoryPage, DirectoryQuery, EnrolInput, ImportFile, ImportPreview, ImportRequest,
  Participant, ParticipantInput, Person, PersonInput, Profile, Program, ProgramInput, Question, QuestionInput,
  Removal, SampleResult,
} from './types';

const arr = <T>(a: T[] | null | undefined): T[] => (Array.isArray(a) ? a : []);

function question(q: Question): Question {
  return { ...q, options: arr(q.options) };
}

function profile(p: Profile): Profile {
  return {
    ...p,
    answers: arr(p.answers).map((a) => ({
      ...a,
      question: question(a.question),
      value: { ...a.value, text: a.value?.text ?? '', choices: arr(a.value?.choices) },
    })),
  };
}

export const programs = {
  list: (): Promise<Program[]> => call(async () => arr(await ProgramsGo.List())),
  get: (id: number): Promise<Program> => call(() => ProgramsGo.Get(id)),
  defaults: (kind: string): Promise<ProgramInput> => call(() => ProgramsGo.NewProgramDefaults(kind)),
  create: (input: ProgramInput): Promise<Program> => call(() => ProgramsGo.Create(app.ProgramInput.createFrom(input))),
  update: (id: number, input: ProgramInput): Promise<Program> =>
    call(() => ProgramsGo.Update(id, app.ProgramInput.createFrom(input))),
  archive: (id: number): Promise<Program> => call(() => ProgramsGo.Archive(id)),
  unarchive: (id: number): Promise<Program> => call(() => ProgramsGo.Unarchive(id)),
};

export const people = {
  list: (): Promise<Person[]> => call(async () => arr(await PeopleGo.List())),
  create: (input: PersonInput): Promise<Person> => call(() => PeopleGo.Create(app.PersonInput.createFrom(input))),
  update: (id: number, input: PersonInput): Promise<Person> =>
    call(() => PeopleGo.Update(id, app.PersonInput.createFrom(input))),
  removalImpact: (id: number): Promise<Removal> => call(() => PeopleGo.RemovalImpact(id)),
  remove: (id: number): Promise<Removal> => call(() => PeopleGo.Remove(id)),
};

export const participants = {
  enrol: (input: EnrolInput): Promise<Participant> => call(() => ParticipantsGo.Enrol(app.EnrolInput.createFrom(input))),
  get: (id: number): Promise<Participant> => call(() => ParticipantsGo.Get(id)),
  profile: (id: number): Promise<Profile> => call(async () => profile(await ParticipantsGo.Profile(id))),
  update: (id: number, input: ParticipantInput): Promise<Participant> =>
    call(() => ParticipantsGo.Update(id, app.ParticipantInput.createFrom(input))),
  saveAnswers: (id: number, answers: AnswerValue[]): Promise<Profile> =>
    call(async () => profile(await ParticipantsGo.SaveAnswers(id, answers.map((a) => app.AnswerValue.createFrom(a))))),
  remove: (id: number): Promise<void> => call(() => ParticipantsGo.Remove(id)),
};

export const questions = {
  list: (programId: number): Promise<Question[]> =>
    call(async () => arr(await QuestionsGo.List(programId)).map(question)),
  create: (programId: number, input: QuestionInput): Promise<Question> =>
    call(async () => question(await QuestionsGo.Create(programId, app.QuestionInput.createFrom(input)))),
  update: (id: number, input: QuestionInput): Promise<Question> =>
    call(async () => question(await QuestionsGo.Update(id, app.QuestionInput.createFrom(input)))),
  remove: (id: number): Promise<void> => call(() => QuestionsGo.Delete(id)),
  reorder: (programId: number, ids: number[]): Promise<Question[]> =>
    call(async () => arr(await QuestionsGo.Reorder(programId, ids)).map(question)),
};

export const directory = {
  query: (q: DirectoryQuery): Promise<DirectoryPage> =>
    call(async () => {
      const page = await DirectoryGo.Query(app.DirectoryQuery.createFrom(q));
      return { rows: arr(page.rows), total: page.total ?? 0, departments: arr(page.departments), locations: arr(page.locations) };
    }),
};

export const imports = {
  /** read sends a file's bytes (base64) to Go, which parses it and suggests a mapping. */
  read: (programId: number, fileName: string, base64: string): Promise<ImportFile> =>
    call(async () => {
      const f = await ImportsGo.Read(programId, fileName, base64);
      return {
        fileName: f.fileName, headers: arr(f.headers), rows: arr(f.rows).map((r) => arr(r)),
        rowNumbers: arr(f.rowNumbers), mapping: arr(f.mapping), targets: arr(f.targets),
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

function importPreview(p: ImportPreview): ImportPreview {
  return { ...p, problems: arr(p.problems), badRows: arr(p.badRows) };
}

export const system = {
  state: (): Promise<AppState> => call(async () => {
    const s = await SystemGo.State();
    return { ...s, backups: arr(s.backups) };
  }),
  loadSample: (): Promise<SampleResult> => call(() => SystemGo.LoadSample()),
  restoreBackup: (path: string): Promise<AppState> => call(async () => {
    const s = await SystemGo.RestoreBackup(path);
    return { ...s, backups: arr(s.backups) };
  }),
};
