// People enrolled in a program, with their answers: the seam over the generated Participants
// bindings (see programs.ts).
import * as ParticipantsGo from '../../wailsjs/go/app/Participants';
import { app } from '../../wailsjs/go/models';
import { arr } from './arrays';
import { call } from './errors';
import { question } from './questions';
import type { AnswerValue, EnrolInput, Participant, ParticipantInput, Profile } from './types';

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
