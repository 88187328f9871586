import { NumberInput, type NumberInputProps } from '@mantine/core';

/** Integer rupiah typed the Indonesian way (`Rp1.250.000`); the value is a number or null. */
export function MoneyInput({ value, onChange, ...rest }: Omit<NumberInputProps, 'value' | 'onChange'> & { value: number | null | undefined; onChange: (v: number | null) => void }) {
  return (
    <NumberInput
      {...rest}
      value={value ?? ''}
      onChange={(v) => onChange(v === '' || v === null ? null : Number(v))}
      prefix="Rp"
      thousandSeparator="."
      decimalSeparator=","
      allowDecimal={false}
      allowNegative={false}
      hideControls
      inputMode="numeric"
    />
  );
}
