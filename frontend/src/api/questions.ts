// A program's registration questionnaire: the seam over the generated Questions bindings (see
// programs.ts).
import * as QuestionsGo from '../../wailsjs/go/app/Questions';
import { app } from '../../wailsjs/go/models';
import { arr } from './arrays';
import { call } from './errors';
import type { Question, QuestionInput } from './types';

/** question normalises a question from Go: its options as an array. */
export function question(q: Question): Question {
  return { ...q, options: arr(q.options) };
}

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
