import { Radio, Stack, Title } from '@mantine/core';
import type { Program } from '../../../api';
import { plural } from '../../../lib/format';
import { ParticipantPicker } from '../../relationships/ParticipantPicker';
import type { RequestWizard } from './useRequestWizard';
import { WizardButtons } from './WizardButtons';

/** WhoStep is the wizard's first step: the type of request and who asks. */
export function WhoStep({ w, program, onCancel }: { w: RequestWizard; program: Program; onCancel: () => void }) {
  return (
    <form onSubmit={w.next} noValidate>
      <Stack gap="md">
        <Title order={3} fz="md">Who asks, and what for?</Title>
        <Radio.Group
          label="Type of request"
          value={w.kind}
          onChange={w.pickKind}
          error={w.errors.kind}
        >
          <Stack gap="xs" mt={6}>
            <Radio
              value="peer"
              label="Request as their peer"
              description={program.peerMentoring
                ? 'Non-hierarchical: both drive the relationship. Peer requests never expire.'
                : `Peer mentoring is off in ${program.name}.`}
              disabled={!program.peerMentoring}
            />
            <Radio
              value="mentor"
              label="Request as their mentor"
              description={`For a mentee. Mentor requests expire after ${plural(program.mentorRequestExpiryDays, 'day')} without an answer.`}
            />
          </Stack>
        </Radio.Group>
        <ParticipantPicker
          label="Who is asking"
          description={w.kind === 'peer' ? 'A participant registered as a peer.' : 'A participant registered as a mentee.'}
          programId={program.id}
          role={w.kind === 'peer' ? 'peer' : 'mentee'}
          value={w.requester}
          onChange={w.pickRequester}
          error={w.errors.requesterId}
        />
        <WizardButtons step={w.step} onBack={() => w.setStep(0)} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
