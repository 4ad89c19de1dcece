import { Button, Group } from '@mantine/core';

/** WizardButtons are a step's Back, Cancel and Next (the form's submit). */
export function WizardButtons({ step, onBack, onCancel }: { step: number; onBack: () => void; onCancel: () => void }) {
  return (
    <Group justify="space-between" mt="sm">
      {step > 0 ? <Button variant="default" onClick={onBack}>Back</Button> : <span />}
      <Group gap="sm">
        <Button variant="default" onClick={onCancel}>Cancel</Button>
        <Button type="submit">Next</Button>
      </Group>
    </Group>
  );
}
