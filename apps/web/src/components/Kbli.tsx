import { Text } from '@mantine/core';
import { useKbli } from '../api/reference';

/** A KBLI code with its title once known. */
export function KbliLabel({ code }: { code: string }) {
  const k = useKbli(code);
  return (
    <Text span size="sm">
      <Text span fw={600}>
        {code}
      </Text>
      {k ? ` — ${k.title}` : ''}
    </Text>
  );
}
