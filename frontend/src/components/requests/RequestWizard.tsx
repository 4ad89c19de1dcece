import { Alert, Anchor, Modal, Stack, Stepper } from '@mantine/core';
import type { MatchRequest, Program } from '../../api';
import { href } from '../../lib/router';
import { firstName } from '../../lib/words/sessions';
import { CommitmentStep } from './wizard/CommitmentStep';
import { SummaryStep } from './wizard/SummaryStep';
import { useRequestWizard, type WizardStart } from './wizard/useRequestWizard';
import { WhomStep } from './wizard/WhomStep';
import { WhoStep } from './wizard/WhoStep';

export type { WizardStart } from './wizard/useRequestWizard';

/** RequestWizard records a participant's request, step by step, and shows exactly what will be emailed. */
export function RequestWizard({ program, start, onClose, onCreated }: {
  program: Program;
  /** null: closed. */
  start: WizardStart | null;
  onClose: () => void;
  onCreated?: (r: MatchRequest) => void;
}) {
  return (
    <Modal opened={!!start} onClose={onClose} title={`New request in ${program.name}`} size="xl" closeOnClickOutside={false}>
      {start && <RequestWizardForm program={program} start={start} onCancel={onClose} onCreated={onCreated ?? (() => {})} />}
    </Modal>
  );
}

/** RequestWizardForm is the wizard's stepper and its current step (the modal's content). */
export function RequestWizardForm({ program, start, onCancel, onCreated }: {
  program: Program;
  start: WizardStart;
  onCancel: () => void;
  onCreated: (r: MatchRequest) => void;
}) {
  const w = useRequestWizard(program, start, onCancel, onCreated);
  const { step, formError } = w;
  const who = w.requester ? firstName(w.requester.name) : 'the requester';

  return (
    <Stack gap="md">
      <Stepper active={step} size="sm" allowNextStepsSelect={false} onStepClick={(s) => s < step && w.setStep(s)}>
        <Stepper.Step label="Who asks" description="And for what role" />
        <Stepper.Step label="Whom to ask" description="Best fit first" />
        <Stepper.Step label="Commitment" description="And a note" />
        <Stepper.Step label="Summary" description="What is emailed" />
      </Stepper>

      {formError && (
        <Alert color="red" title="The request was not recorded">
          {formError.message}
          {formError.settings && <> <Anchor href={href({ name: 'settings' })} onClick={onCancel}>Open Settings</Anchor></>}
        </Alert>
      )}

      {step === 0 && <WhoStep w={w} program={program} onCancel={onCancel} />}
      {step === 1 && <WhomStep w={w} who={who} onCancel={onCancel} />}
      {step === 2 && <CommitmentStep w={w} who={who} onCancel={onCancel} />}
      {step === 3 && <SummaryStep w={w} program={program} onCancel={onCancel} />}
    </Stack>
  );
}
