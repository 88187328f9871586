import { Alert, List, Text } from '@mantine/core';
import type { FormProblem as P } from '../lib/form';

/** The form-level message: what went wrong, in the user's language, and the API's specifics. */
export function FormProblem({ problem }: { problem: P | null }) {
  if (!problem) return null;
  return (
    <Alert color="red" title={problem.title} role="alert">
      {problem.detail && <Text size="sm">{problem.detail}</Text>}
      {problem.items && (
        <List size="sm">
          {problem.items.map((i) => (
            <List.Item key={i}>{i}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
