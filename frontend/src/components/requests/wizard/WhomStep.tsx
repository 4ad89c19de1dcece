import { Stack, Title } from '@mantine/core';
import { CandidatePicker } from './CandidatePicker';
import type { RequestWizard } from './useRequestWizard';
import { WizardButtons } from './WizardButtons';

/** WhomStep is the wizard's second step: whom to ask, best fit first. */
export function WhomStep({ w, who, onCancel }: { w: RequestWizard; who: string; onCancel: () => void }) {
  return (
    <form onSubmit={w.next} noValidate>
      <Stack gap="md">
        <Title order={3} fz="md">Whom should {who} ask?</Title>
        <CandidatePicker
          kind={w.kind}
          candidates={w.candidates}
          error={w.candidatesError}
          search={w.search}
          onSearch={w.setSearch}
          value={w.recipient}
          onChange={w.pickRecipient}
          fieldError={w.errors.recipientId}
        />
        <WizardButtons step={w.step} onBack={() => w.setStep(0)} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
